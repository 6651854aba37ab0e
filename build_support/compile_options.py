"""What the optional compiled build compiles and when, read by the build
(``setup.py``, ``backend.py``) and by ``tests/benchmarks/compiled.py`` alike, so that
the list of modules is kept in one place: ``[tool.gilint-build]`` in pyproject.toml."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # the backport, a build requirement on Python 3.10
    import tomli as tomllib

# mypy carries mypyc; older versions compiled these modules differently or not at all
MYPY = "mypy>=1.10"


def _pyproject(root: Path) -> dict[str, Any]:
    with (root / "pyproject.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    return data


def compile_requested(environ: Mapping[str, str]) -> bool:
    """Whether the build is asked to compile (``GILINT_COMPILE=1``)."""
    return environ.get("GILINT_COMPILE", "").strip().lower() in {"1", "true", "yes", "on"}


def compiled_modules(root: Path) -> list[str]:
    """The modules compiled, as paths inside the installed package (``lexer.py``,
    ``rules/arithmetic.py``)."""
    modules = _pyproject(root)["tool"]["gilint-build"]["compiled"]
    return [str(module) for module in modules]


def compile_requirements(root: Path) -> list[str]:
    """What a compiled build needs installed: mypyc, and gilint's dependencies, whose
    types decide how mypyc compiles the code that uses them."""
    return [MYPY, *_pyproject(root)["project"]["dependencies"]]
