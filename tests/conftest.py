"""Shared test fixtures: the bundled layout fixtures and, when present, the real corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "reports"
CORPUS = Path(
    os.environ.get("GILINT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)


def corpus_file(prefix: str) -> Path:
    """The corpus report whose name starts with ``prefix``; skips when there is none."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not available ({CORPUS})")
    found = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"no corpus report {prefix}")
    return found[0]
