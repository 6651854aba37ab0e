"""Output formats. The built-in ones and any a plugin adds through ``gilint_reporters``."""

from __future__ import annotations

from typing import Any

from gilint.plugins import Registry
from gilint.reporters.base import FileResult, Reporter, Summary
from gilint.reporters.machine import Github, Json, Junit, Sarif
from gilint.reporters.page import Html
from gilint.reporters.records import JsonLines, Parquet
from gilint.reporters.text import Concise, Full

BUILTIN: tuple[type[Reporter], ...] = (
    Concise,
    Full,
    Json,
    JsonLines,
    Parquet,
    Sarif,
    Github,
    Junit,
    Html,
)


def available(registry: Registry | None = None) -> dict[str, type[Reporter]]:
    """Every output format by name; a plugin cannot replace a built-in one."""
    found: dict[str, type[Reporter]] = {r.name: r for r in BUILTIN}
    for reporter, _origin in registry.reporters if registry else ():
        name: Any = getattr(reporter, "name", None)
        if isinstance(reporter, type) and issubclass(reporter, Reporter) and isinstance(name, str):
            found.setdefault(name, reporter)
    return found


__all__ = ["BUILTIN", "FileResult", "Reporter", "Summary", "available"]
