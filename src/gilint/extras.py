"""Whether an optional extra's libraries are installed, without importing them (a
loader, a rule across reports, the Dask engine and the Parquet output each need one)."""

from __future__ import annotations

import importlib.util


def importable(*modules: str) -> bool:
    """Whether every one of ``modules`` can be imported."""
    try:
        return all(importlib.util.find_spec(m) is not None for m in modules)
    except (ImportError, ValueError):  # a module set to None in sys.modules
        return False
