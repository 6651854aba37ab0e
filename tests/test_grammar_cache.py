"""The analysed grammar is cached only where no other user can write: never a pickle
from the shared temporary directory (loading a pickle runs the code it names)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from gilint.grammar_loader import cache_file, grammar_text

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership checks")

_LINT = "import gilint; print(len(gilint.lint('一、总体情况\\n正文。\\n', config={})))"


class _Planted:
    """Unpickling this runs ``Path(marker).touch()``: what a planted cache would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def _run(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LINT],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )


def test_nothing_is_written_to_or_read_from_the_temporary_directory(tmp_path: Path) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    cache = tmp_path / "cache"
    for _ in range(2):  # the second run reads the cache the first wrote
        assert _run({"TMPDIR": str(shared), "XDG_CACHE_HOME": str(cache)}).stdout.strip()
    assert list(shared.iterdir()) == []
    folder = cache / "gilint"
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [p.suffix for p in folder.iterdir()] == [".lark"]


def _plant(path: Path, marker: Path) -> None:
    """A cache file in Lark's own layout (digest line, then pickles) that runs code."""
    with path.open("wb") as f:
        f.write(b"0" * 64 + b"\n")
        pickle.dump(_Planted(marker), f)
        pickle.dump(_Planted(marker), f)


def test_a_cache_folder_others_can_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    folder = cache / "gilint"
    folder.mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    target = cache_file(grammar_text())
    assert target is not None and target.parent == folder
    folder.chmod(0o777)  # world-writable: anyone could have put the file there
    _plant(target, tmp_path / "RAN")
    assert cache_file(grammar_text()) is None
    _run({"XDG_CACHE_HOME": str(cache)})
    assert not (tmp_path / "RAN").exists()


def test_a_cache_file_others_can_write_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    target = cache_file(grammar_text())
    assert target is not None
    _plant(target, tmp_path / "RAN")
    target.chmod(0o666)
    assert cache_file(grammar_text()) is None
    _run({"XDG_CACHE_HOME": str(cache)})
    assert not (tmp_path / "RAN").exists()


def test_a_link_in_place_of_the_folder_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (cache / "gilint").symlink_to(elsewhere)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    assert cache_file(grammar_text()) is None
