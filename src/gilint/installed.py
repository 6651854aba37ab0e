"""Which plugins are installed: the entry points of the group ``gilint``.

``importlib.metadata`` finds them, but importing it and reading every distribution's
metadata is about 20 ms of every start-up (more with many packages installed), while
most installations declare none but gilint's own. So the ``entry_points.txt`` files on
``sys.path`` are read first, as text; ``importlib.metadata`` is asked only when one of
them declares a plugin, and then for everything, as before.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any

import attrs

GROUP = "gilint"
BUILTIN = "built-in"
# gilint's own entry points, as pyproject.toml declares them (tests hold the two equal):
# its rules, then its loaders, registered before any plugin
BUILTIN_ENTRY_POINTS = {"builtin": "gilint.rules", "loaders": "gilint.loaders.builtin"}


@attrs.frozen(slots=True)
class Declared:
    """An entry point of the group: ``value`` is ``module`` or ``module:attribute``;
    ``origin`` names what declared it in messages."""

    name: str
    value: str
    origin: str

    def load(self) -> Any:
        """The module or object the entry point names (imported now)."""
        module, _, attribute = self.value.split("[", 1)[0].partition(":")  # no extras
        found: Any = importlib.import_module(module.strip())
        for part in filter(None, attribute.strip().split(".")):
            found = getattr(found, part)
        return found


def declared() -> list[Declared]:
    """Every entry point of the group, gilint's own first, then the others by name."""
    if not _others_declared():
        return [Declared(name, value, BUILTIN) for name, value in BUILTIN_ENTRY_POINTS.items()]
    from importlib import metadata

    order = {value: n for n, value in enumerate(BUILTIN_ENTRY_POINTS.values())}
    found = []
    for point in metadata.entry_points(group=GROUP):
        if point.value in order:
            origin = BUILTIN
        elif point.dist is not None:
            origin = f"{point.dist.metadata['Name']} {point.dist.version}"
        else:
            origin = f"entry point {point.name}"
        found.append(Declared(point.name, point.value, origin))
    return sorted(found, key=lambda d: (order.get(d.value, len(order)), d.name))


def _others_declared() -> bool:
    """Whether a distribution on ``sys.path`` declares an entry point of the group other
    than gilint's own (or may: an egg, whose metadata this does not read)."""
    builtins = set(BUILTIN_ENTRY_POINTS.values())
    for folder in sys.path:
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue  # a zip file, a folder that is gone
        with entries:
            for entry in entries:
                if entry.name.endswith(".egg"):
                    return True
                if not entry.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    text = Path(entry.path, "entry_points.txt").read_text(encoding="utf-8")
                except (OSError, UnicodeError):
                    continue
                if any(value not in builtins for value in _group_values(text)):
                    return True
    return False


def _group_values(text: str) -> list[str]:
    """The values of the group's section of an ``entry_points.txt`` (INI)."""
    values = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == GROUP and "=" in line and not line.startswith(("#", ";")):
            values.append(line.split("=", 1)[1].split("[", 1)[0].strip())
    return values
