"""Which files ``gilint check`` checks when it is given directories and files."""

from __future__ import annotations

from pathlib import Path

from gilint.runner import Session, collect


def _tree(root: Path, *files: str) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("一、总体情况\n", encoding="utf-8")


def _collected(root: Path, *given: Path) -> list[str]:
    found = collect([str(g) for g in given], Session({}))
    assert found.problems == ()
    return [Path(p).relative_to(root).as_posix() for p in found.files]


def test_a_directory_gives_its_text_files_then_those_of_its_subdirectories(tmp_path: Path) -> None:
    _tree(tmp_path, "b.txt", "a.txt", "sub/c.txt", "notes.md", "sub/d.docx")
    assert _collected(tmp_path, tmp_path) == ["a.txt", "b.txt", "sub/c.txt"]


def test_tool_and_packaging_directories_are_not_walked(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        "report.txt",
        ".git/x.txt",
        "build/lib/x.txt",
        "dist/x.txt",
        "plugin/src/pkg.egg-info/SOURCES.txt",
        "venv/x.txt",
        "__pycache__/x.txt",
        "builds/kept.txt",
    )
    assert _collected(tmp_path, tmp_path) == ["report.txt", "builds/kept.txt"]


def test_what_is_given_by_name_is_checked_even_in_a_skipped_directory(tmp_path: Path) -> None:
    _tree(tmp_path, "build/a.txt", "build/inner/b.txt", "build/dist/c.txt")
    assert _collected(tmp_path, tmp_path / "build") == ["build/a.txt", "build/inner/b.txt"]
    assert _collected(tmp_path, tmp_path / "build" / "dist" / "c.txt") == ["build/dist/c.txt"]


def test_include_and_exclude_come_from_the_configuration(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt", "drafts/b.txt", "c.md")
    (tmp_path / "gilint.toml").write_text('include = ["*.txt", "*.md"]\nexclude = ["drafts/*"]\n')
    assert _collected(tmp_path, tmp_path) == ["a.txt", "c.md"]


def test_a_file_given_twice_is_checked_once(tmp_path: Path) -> None:
    _tree(tmp_path, "a.txt")
    assert _collected(tmp_path, tmp_path / "a.txt", tmp_path, tmp_path / "a.txt") == ["a.txt"]
