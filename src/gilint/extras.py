"""Whether an optional extra's libraries are installed, without importing them (a
loader, a rule across reports, the Dask engine and the Parquet output each need one)."""

from __future__ import annotations

import importlib.util
from functools import lru_cache


def importable(*modules: str) -> bool:
    """Whether every one of ``modules`` can be imported."""
    try:
        return all(importlib.util.find_spec(m) is not None for m in modules)
    except (ImportError, ValueError):  # a module set to None in sys.modules
        return False


@lru_cache(maxsize=32)
def versions(*distributions: str) -> str | None:
    """The installed versions of ``distributions`` (``pdfplumber 0.11.4; …``), read from
    their metadata without importing them; None when one is not installed."""
    from importlib import metadata

    found = []
    for name in distributions:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            return None
    return "; ".join(found)
