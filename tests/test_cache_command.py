"""``gilint cache``: what gilint keeps in the user's cache folder, and removing it. Only
gilint's own files are counted or removed, only in a folder of the user's alone; a link
is removed as a link; ``--older-than`` keeps what was used since, and reading an entry
counts as using it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from gilint import cli
from gilint.cache_files import CacheFile, Kind, cache_files, remove
from gilint.config import Config
from gilint.extraction_cache import ExtractionCache
from gilint.grammar_loader import cache_name, grammar_text
from gilint.linting import Linter
from gilint.testing import sample_report
from gilint.testing.documents import document, to_html
from gilint.user_cache import trusted_folder

from support import run_gilint

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership checks")

DAY = 24 * 60 * 60
OTHER_GRAMMAR = "report-" + "0" * 24 + ".lark"  # another version's


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache home as gilint makes it, with an entry of each kind and files that are not
    gilint's: ``<XDG_CACHE_HOME>/gilint``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    cache = ExtractionCache.open()
    assert cache is not None
    page = to_html(document(sample_report("2021", seed=5)))
    Linter(Config(), cache=cache).parse(page, path="r.html")
    folder = cache.folder.parent
    (folder / cache_name(grammar_text())).write_bytes(b"g" * 3000)
    (folder / OTHER_GRAMMAR).write_bytes(b"g" * 2000)
    (cache.folder / ".new-abc_12.z").write_bytes(b"half")
    for stranger in ("notes.txt", "report-short.lark", "ABC.z"):
        (folder / stranger).write_text("not gilint's")
    (cache.folder / ("f" * 64 + ".z")).mkdir()  # named like an entry, but a folder
    return folder


def _names(folder: Path) -> set[str]:
    return {path.name for path in folder.rglob("*")}


def _cache(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["cache", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_info_counts_gilints_files_alone(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = cache_files(home)
    assert sorted((file.kind.name, file.in_use) for file in files) == [
        ("EXTRACTED", False),
        ("GRAMMAR", False),
        ("GRAMMAR", True),
        ("UNFINISHED", False),
    ]
    entry = next(file for file in files if file.kind is Kind.EXTRACTED)
    assert entry.size == entry.path.stat().st_size > 0
    before = _names(home)
    code, out, err = _cache([], capsys)
    assert code == 0 and not err
    assert f"缓存目录：{home}" in out
    assert "抽取的文本（--cache）：1 个文件" in out
    assert "未写完的条目：1 个文件，4 B" in out
    assert "语法分析表：2 个文件，4.9 KB" in out and "当前版本读取其中 1 个" in out
    assert "共 4 个文件" in out
    assert _names(home) == before  # looking changes nothing


def test_clean_removes_gilints_files_and_nothing_else(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    total = sum(file.size for file in cache_files(home))
    code, out, err = _cache(["clean"], capsys)
    assert code == 0 and not err
    assert out == f"已删除 4 个缓存文件，共 {total / 1024:.1f} KB。\n"
    assert _names(home) == {"notes.txt", "report-short.lark", "ABC.z", "extracted", "f" * 64 + ".z"}
    assert cache_files(home) == ()
    code, out, _ = _cache(["clean"], capsys)
    assert code == 0 and out == "没有要删除的缓存文件。\n"


def test_a_link_is_removed_not_what_it_points_to(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "precious.lark"
    target.write_text("the user's")
    link = home / OTHER_GRAMMAR
    link.unlink()
    link.symlink_to(target)
    assert _cache(["clean"], capsys)[0] == 0
    assert not link.is_symlink() and target.read_text() == "the user's"


def test_older_than_keeps_what_was_used_since(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_ago = time.time() - 30 * DAY
    for file in cache_files(home):
        os.utime(file.path, (long_ago, long_ago))
    # reading an entry back marks it used
    page = to_html(document(sample_report("2021", seed=5)))
    cached = Linter(Config(), cache=ExtractionCache.open()).parse(page, path="r.html")
    assert cached.source_map is not None
    code, out, _ = _cache(["clean", "--older-than", "7"], capsys)
    assert code == 0 and out.startswith("已删除 2 个缓存文件")
    left = {(file.kind, file.in_use) for file in cache_files(home)}
    # the entry just read, and the grammar this gilint reads, however old
    assert left == {(Kind.EXTRACTED, False), (Kind.GRAMMAR, True)}


def test_dry_run_lists_and_removes_nothing(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _names(home)
    code, out, _ = _cache(["clean", "--dry-run"], capsys)
    assert code == 0 and out.endswith("（未删除）。\n") and "将删除 4 个缓存文件" in out
    assert str(home / OTHER_GRAMMAR) in out
    assert _names(home) == before
    code, out, _ = _cache(["clean", "--dry-run", "--older-than", "1"], capsys)
    assert code == 0 and out == "没有要删除的缓存文件。\n"


def test_a_folder_others_can_write_is_neither_read_nor_cleaned(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _names(home)
    home.chmod(0o777)
    assert trusted_folder(home) is False
    for args in ([], ["clean"]):
        code, out, err = _cache(args, capsys)
        assert code == 2 and not out and "他人不可写" in err and err.startswith("gilint: 错误:")
    assert _names(home) == before


def test_no_cache_folder_yet_is_said_and_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "none"))
    for args in ([], ["clean"]):
        code, out, _ = _cache(args, capsys)
        assert code == 0 and "尚不存在" in out
    assert trusted_folder(tmp_path / "none" / "gilint") is None
    assert not (tmp_path / "none").exists()


def test_a_file_that_cannot_be_removed_is_said_and_the_rest_removed(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stuck = home / OTHER_GRAMMAR
    real_unlink = Path.unlink

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if path == stuck:
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, missing_ok=missing_ok)

    # (Path's, not os.unlink: Python 3.10's Path.unlink holds os.unlink from its import)
    monkeypatch.setattr(Path, "unlink", unlink)
    code, out, err = _cache(["clean"], capsys)
    assert code == 2
    assert err == f"gilint: 错误: 无法删除 {stuck}：没有访问权限\n"
    assert out.startswith("已删除 3 个缓存文件")
    assert [file.path for file in cache_files(home)] == [stuck]


def test_remove_reports_what_failed(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    (folder / "inside").mkdir(parents=True)
    gone = tmp_path / "gone.z"
    removal = remove(
        [CacheFile(folder, Kind.EXTRACTED, 0, 0.0), CacheFile(gone, Kind.EXTRACTED, 0, 0.0)]
    )
    assert [file.path for file in removal.removed] == [gone]  # already gone: nothing to do
    assert [file.path for file, _ in removal.failed] == [folder] and folder.is_dir()


def test_a_cleaned_cache_is_filled_again(tmp_path: Path) -> None:
    """After ``clean``, the next run builds the grammar and extracts afresh, and checks
    the same."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    page = tmp_path / "r.html"
    page.write_bytes(to_html(document(sample_report("2021", seed=6))))
    first = run_gilint("check", "--cache", "--format", "json", str(page), env=env)
    home = tmp_path / "xdg" / "gilint"
    assert {file.kind for file in cache_files(home)} == {Kind.GRAMMAR, Kind.EXTRACTED}
    cleaned = run_gilint("cache", "clean", env=env)
    assert cleaned.returncode == 0 and cleaned.stdout.startswith("已删除 2 个缓存文件")
    again = run_gilint("check", "--cache", "--format", "json", str(page), env=env)
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    assert {file.kind for file in cache_files(home)} == {Kind.GRAMMAR, Kind.EXTRACTED}
    info = run_gilint("cache", "info", env=env)
    assert info.returncode == 0 and "共 2 个文件" in info.stdout


@pytest.mark.parametrize("days", ["-1", "x", "nan", "inf"])
def test_older_than_wants_days(days: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["cache", "clean", "--older-than", days]) == 2
    assert "应为不小于 0 的天数" in capsys.readouterr().err
