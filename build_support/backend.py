"""setuptools' build backend, with the compiled build's requirements added when
``GILINT_COMPILE=1`` asks for it (see ``setup.py``). A pure build needs nothing more than
setuptools, so nothing is added to it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from compile_options import compile_requested, compile_requirements
from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the rest of the backend, unchanged)

ROOT = Path(__file__).resolve().parents[1]


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    """setuptools' own requirements, worked out as for a pure build (setuptools runs
    setup.py for them, before mypyc can be installed), then mypyc's when compiling."""
    compiling = compile_requested(os.environ)
    requested = os.environ.pop("GILINT_COMPILE", None)
    try:
        required = list(_setuptools.get_requires_for_build_wheel(config_settings))
    finally:
        if requested is not None:
            os.environ["GILINT_COMPILE"] = requested
    return required + compile_requirements(ROOT) if compiling else required
