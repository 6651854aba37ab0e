"""``--cache``: what loaders extracted is kept in the user's own cache folder and read
back for the same bytes. A check with the cache gives exactly what a check without it
gives; an entry gilint would not have written (damaged, another key, another user's)
is ignored and the file read afresh; nothing that was not read whole is kept."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gilint import cli, extraction_cache
from gilint.config import Config
from gilint.extraction_cache import ExtractionCache
from gilint.linting import Linter
from gilint.loaders import Loader, LoaderError
from gilint.loaders.html import HtmlLoader
from gilint.loading import Loaded, LoadProblem
from gilint.parsing import read_with
from gilint.places import Piece, Place, SourceMap
from gilint.testing import sample_report
from gilint.testing.documents import document, to_html

from support import run_gilint

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX ownership checks")


def _page(seed: int, wrong: bool = True) -> bytes:
    """A web page of a report; with a wrong cell in table 三, so that findings are placed
    in the page (line, column and cell path)."""
    data = sample_report("2021", seed=seed)
    if wrong:
        cell = data.tables["3"]["outcome.disclosed"][0]
        data = data.with_cell("3", "outcome.disclosed", "natural_person", str(int(cell) + 1))
    return to_html(document(data))


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the web page loader's reads (one entry per file it extracted)."""
    calls: list[int] = []
    original = HtmlLoader.load

    def counted(self: HtmlLoader, data: bytes, origin: str) -> Loaded:
        calls.append(len(data))
        return original(self, data, origin)

    monkeypatch.setattr(HtmlLoader, "load", counted)
    return calls


def _entries(home: Path) -> list[Path]:
    folder = home / "gilint" / "extracted"
    return sorted(folder.glob("*.z")) if folder.is_dir() else []


def _checked(linter: Linter, data: bytes) -> list[dict[str, Any]]:
    """Every finding with everything the outputs show of it, the place in the page too."""
    return [f.to_dict() for f in linter.check(linter.parse(data, path="r.html"))]


def test_a_second_read_comes_from_the_cache_and_checks_the_same(
    cache_home: Path, loads: list[int]
) -> None:
    page = _page(3)
    plain = _checked(Linter(Config()), page)
    assert plain and all(f["source"]["kind"] == "html" and f["source"]["path"] for f in plain)
    cached = Linter(Config(), cache=ExtractionCache.open())
    first = _checked(cached, page)
    assert len(loads) == 2 and len(_entries(cache_home)) == 1
    second = _checked(cached, page)
    assert len(loads) == 2  # read from the cache: the loader did not run
    assert first == plain and second == plain
    assert _entries(cache_home)[0].stat().st_mode & 0o777 == 0o600
    assert (cache_home / "gilint" / "extracted").stat().st_mode & 0o777 == 0o700


def test_other_bytes_are_another_entry(cache_home: Path, loads: list[int]) -> None:
    linter = Linter(Config(), cache=ExtractionCache.open())
    one, other = _page(3), _page(4)
    assert _checked(linter, one) != _checked(linter, other)
    assert len(_entries(cache_home)) == 2
    assert _checked(linter, other) == _checked(Linter(Config()), other)
    assert len(loads) == 3


def _key_with(monkeypatch: pytest.MonkeyPatch, cache: ExtractionCache, **changes: Any) -> str:
    for name, value in changes.items():
        monkeypatch.setattr(extraction_cache, name, value)
    key = cache.key(HtmlLoader(), b"<html>")
    monkeypatch.undo()
    assert key is not None
    return key


def test_the_key_changes_with_everything_extraction_depends_on(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ExtractionCache.open()
    assert cache is not None
    html = HtmlLoader()
    base = cache.key(html, b"<html>")
    assert base is not None and base == cache.key(HtmlLoader(), b"<html>")
    assert cache.key(html, b"<html> ") != base

    class Upgraded(HtmlLoader):
        def cache_version(self) -> str | None:
            return "a newer parser"

    class Renamed(HtmlLoader):
        name = "page"

    assert cache.key(Upgraded(), b"<html>") != base
    assert cache.key(Renamed(), b"<html>") != base
    assert _key_with(monkeypatch, cache, __version__="9.9") != base
    assert _key_with(monkeypatch, cache, code_digest=lambda: "edited loaders") != base
    assert _key_with(monkeypatch, cache, module_digest=lambda _: "an edited plugin") != base
    assert _key_with(monkeypatch, cache, FORMAT=extraction_cache.FORMAT + 1) != base


def test_the_code_digest_covers_the_loaders_source(monkeypatch: pytest.MonkeyPatch) -> None:
    digest = extraction_cache.code_digest.__wrapped__()
    assert digest is not None and digest == extraction_cache.code_digest()
    original = Path.read_bytes

    def edited(path: Path) -> bytes:
        return original(path) + (b"# edited" if path.name == "pdf.py" else b"")

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert extraction_cache.code_digest.__wrapped__() not in (None, digest)


def test_a_loader_whose_code_cannot_be_read_is_not_cached(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ExtractionCache.open()
    assert cache is not None and cache.key(HtmlLoader(), b"<html>") is not None
    monkeypatch.setattr(extraction_cache, "module_digest", lambda _: None)
    assert cache.key(HtmlLoader(), b"<html>") is None
    monkeypatch.undo()
    monkeypatch.setattr(extraction_cache, "code_digest", lambda: None)
    assert cache.key(HtmlLoader(), b"<html>") is None
    assert extraction_cache.module_digest("no.such.module.of.gilint") is None


def _damage(entry: Path, how: str) -> None:
    key = entry.stem
    raw = zlib.decompress(entry.read_bytes())
    good = json.loads(raw)
    if how == "garbage":
        entry.write_bytes(b"\x00not an entry")
    elif how == "cut short":
        entry.write_bytes(entry.read_bytes()[:-20])
    elif how == "not json":
        entry.write_bytes(zlib.compress(b"{'text': 1"))
    elif how == "another key":
        entry.write_bytes(zlib.compress(json.dumps({**good, "key": "0" * 64}).encode()))
    elif how == "text not a string":
        entry.write_bytes(zlib.compress(json.dumps({**good, "text": 5}).encode()))
    elif how == "piece past the text":
        pieces = [[0, len(good["text"]) + 1, {"kind": "html"}]]
        entry.write_bytes(zlib.compress(json.dumps({**good, "pieces": pieces}).encode()))
    elif how == "unknown place field":
        pieces = [[0, 1, {"kind": "html", "shell": "rm -rf"}]]
        entry.write_bytes(zlib.compress(json.dumps({**good, "pieces": pieces}).encode()))
    elif how == "problem offset not a number":
        problems = [["x", "y", True]]
        entry.write_bytes(zlib.compress(json.dumps({**good, "problems": problems}).encode()))
    elif how == "larger than any entry":
        big = {**good, "text": good["text"] + " " * (extraction_cache.MAX_ENTRY + 1)}
        entry.write_bytes(zlib.compress(json.dumps(big).encode()))
    elif how == "not a number":
        pieces = [[0, 1, {"kind": "pdf", "bbox": [1, 2, 3, 4]}]]
        written = json.dumps({**good, "pieces": pieces}).replace("4]", "NaN]")
        entry.write_bytes(zlib.compress(written.encode()))
    elif how in ("box of three", "box with a text"):
        box: list[Any] = [1, 2, 3] if how == "box of three" else [1, 2, "3", 4]
        pieces = [[0, 1, {"kind": "pdf", "page": 1, "bbox": box}]]
        entry.write_bytes(zlib.compress(json.dumps({**good, "pieces": pieces}).encode()))
    elif how == "deeply nested":
        entry.write_bytes(zlib.compress(b"[" * 100_000 + b"]" * 100_000))
    else:
        raise AssertionError(how)
    assert entry.stem == key


@pytest.mark.parametrize(
    "how",
    [
        "garbage",
        "cut short",
        "not json",
        "another key",
        "text not a string",
        "piece past the text",
        "unknown place field",
        "problem offset not a number",
        "larger than any entry",
        "not a number",
        "box of three",
        "box with a text",
        "deeply nested",
    ],
)
def test_an_entry_gilint_would_not_have_written_is_read_afresh(
    cache_home: Path, loads: list[int], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.setattr(extraction_cache, "MAX_ENTRY", 200_000)
    page = _page(5)
    linter = Linter(Config(), cache=ExtractionCache.open())
    expected = _checked(linter, page)
    (entry,) = _entries(cache_home)
    _damage(entry, how)
    assert _checked(linter, page) == expected
    assert len(loads) == 2  # read afresh ...
    assert _checked(linter, page) == expected
    assert len(loads) == 2  # ... and kept again, whole


@pytest.mark.parametrize("mode", [0o620, 0o602], ids=["group-writable", "world-writable"])
def test_an_entry_others_could_write_is_not_read(
    cache_home: Path, loads: list[int], mode: int
) -> None:
    page = _page(6)
    linter = Linter(Config(), cache=ExtractionCache.open())
    expected = _checked(linter, page)
    (entry,) = _entries(cache_home)
    entry.chmod(mode)
    assert _checked(linter, page) == expected
    assert len(loads) == 2


def test_a_link_in_place_of_an_entry_is_not_followed(
    cache_home: Path, loads: list[int], tmp_path: Path
) -> None:
    page = _page(6)
    linter = Linter(Config(), cache=ExtractionCache.open())
    expected = _checked(linter, page)
    (entry,) = _entries(cache_home)
    elsewhere = tmp_path / "elsewhere.z"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    assert _checked(linter, page) == expected
    assert len(loads) == 2


def test_a_folder_others_can_write_is_not_used(cache_home: Path) -> None:
    assert ExtractionCache.open() is not None
    (cache_home / "gilint" / "extracted").chmod(0o777)
    assert ExtractionCache.open() is None
    (cache_home / "gilint" / "extracted").chmod(0o700)
    (cache_home / "gilint").chmod(0o777)
    assert ExtractionCache.open() is None


def test_a_cache_that_cannot_be_written_costs_nothing_but_speed(
    cache_home: Path, loads: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(7)
    expected = _checked(Linter(Config()), page)
    linter = Linter(Config(), cache=ExtractionCache.open())

    def refused(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(extraction_cache.os, "replace", refused)
    assert _checked(linter, page) == expected
    folder = cache_home / "gilint" / "extracted"
    assert list(folder.iterdir()) == []  # the half-written entry is removed too
    monkeypatch.setattr(extraction_cache.tempfile, "mkstemp", refused)
    assert _checked(linter, page) == expected
    assert len(loads) == 3


class _Damaged(Loader):
    """A loader that finds every file damaged, and would let its output be cached."""

    name = "damaged"

    def sniff(self, data: bytes) -> bool:
        return True

    def cache_version(self) -> str | None:
        return ""

    def load(self, data: bytes, origin: str) -> Loaded:
        raise LoaderError("损坏")


def test_what_is_not_read_whole_or_may_differ_is_not_kept(cache_home: Path) -> None:
    cache = ExtractionCache.open()
    loaded = read_with([_Damaged()], b"%PDF-1.4 cut", "r.pdf", cache)
    assert [p.code for p in loaded.problems] == ["unreadable"]
    assert _entries(cache_home) == []
    # plain text is read in less time than an entry takes, and its loader keeps nothing
    text = "一、总体情况\n正文。\n".encode()
    assert read_with(None, text, "r.txt", cache).text == text.decode()
    assert _entries(cache_home) == []

    class Plugin(HtmlLoader):
        def cache_version(self) -> str | None:
            return None  # the default of every loader: its output may depend on more

    read_with([Plugin()], _page(8), "r.html", cache)
    assert _entries(cache_home) == []


_PLACES = st.builds(
    Place,
    kind=st.sampled_from(["pdf", "docx", "html"]),
    page=st.none() | st.integers(1, 500),
    bbox=st.none() | st.tuples(*[st.integers(0, 900) | st.floats(0, 900, allow_nan=False)] * 4),
    paragraph=st.none() | st.integers(1, 10_000),
    table=st.none() | st.integers(1, 20),
    row=st.none() | st.integers(1, 200),
    column=st.none() | st.integers(1, 30),
    line=st.none() | st.integers(1, 10_000),
    path=st.none() | st.text(max_size=30),
)


@st.composite
def _loaded(draw: st.DrawFn) -> Loaded:
    # any text: lone surrogates (text decoded with surrogateescape), controls, CJK
    text = draw(st.text(st.characters(blacklist_categories=()), max_size=200))
    offsets = st.integers(0, len(text))
    problems = draw(st.lists(st.builds(LoadProblem, st.text(), st.text(), offsets), max_size=3))
    spans = draw(st.lists(st.tuples(offsets, offsets).map(sorted), max_size=8))
    pieces = [Piece(a, b, draw(_PLACES)) for a, b in spans]
    return Loaded(
        text,
        encoding=draw(st.sampled_from(["pdf", "docx", "html", "gb18030"])),
        bom=draw(st.booleans()),
        newline=draw(st.sampled_from(["\n", "\r\n"])),
        origin=draw(st.sampled_from(["pdf", "html"])),
        problems=tuple(problems),
        source_map=draw(st.none() | st.just(SourceMap(pieces))),
    )


def _parts(loaded: Loaded) -> tuple[Any, ...]:
    pieces = loaded.source_map.pieces if loaded.source_map is not None else None
    return (attrs.evolve(loaded, source_map=None), pieces)


@settings(max_examples=150, deadline=None)
@given(_loaded())
def test_an_entry_reads_back_as_it_was_written(loaded: Loaded) -> None:
    with _fresh_cache() as cache:
        cache.put("k" * 64, loaded)
        back = cache.get("k" * 64)
    assert back is not None
    assert _parts(back) == _parts(loaded)
    if loaded.source_map is not None:  # bboxes keep their types: 12 is not 12.0
        for read, written in zip(back.source_map.pieces, loaded.source_map.pieces, strict=True):
            assert repr(read.place.bbox) == repr(written.place.bbox)


@contextlib.contextmanager
def _fresh_cache() -> Iterator[ExtractionCache]:
    """A cache in a new temporary folder of this user's (hypothesis reuses no fixture)."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o700)
        yield ExtractionCache(folder)


# -- the command line ------------------------------------------------------------------


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for seed in range(count):
        path = folder / f"r{seed}.html"
        path.write_bytes(_page(seed, wrong=seed % 2 == 0))
        paths.append(path)
    return paths


def _run_check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(["check", "--no-cross-report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_with_the_cache_prints_what_it_prints_without(
    cache_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], loads: list[int]
) -> None:
    paths = [str(p) for p in _pages(tmp_path / "pages", 4)]
    plain = _run_check(["--format", "json", "-j", "1", *paths], capsys)
    assert plain[0] == 1 and json.loads(plain[1])
    assert _entries(cache_home) == []  # nothing is kept unless asked
    filled = _run_check(["--cache", "--format", "json", "-j", "1", *paths], capsys)
    read = _run_check(["--cache", "--format", "json", "-j", "1", *paths], capsys)
    assert filled == plain and read == plain
    assert len(_entries(cache_home)) == 4 and len(loads) == 8


def test_workers_fill_and_read_the_cache(cache_home: Path, tmp_path: Path) -> None:
    paths = [str(p) for p in _pages(tmp_path / "pages", 6)]
    env = {"XDG_CACHE_HOME": str(cache_home)}
    plain = run_gilint("check", "--format", "json", "-j", "1", *paths, env=env)
    runs = [
        run_gilint("check", "--cache", "--format", "json", "-j", "2", *paths, env=env)
        for _ in range(2)
    ]
    assert len(_entries(cache_home)) == 6
    for run in runs:
        assert (run.returncode, run.stdout, run.stderr) == (
            plain.returncode,
            plain.stdout,
            plain.stderr,
        )


def test_without_a_folder_of_its_own_the_cache_is_left_out_with_a_warning(
    cache_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (cache_home / "gilint").mkdir(parents=True, mode=0o700)
    (cache_home / "gilint").chmod(0o777)
    (path,) = _pages(tmp_path / "pages", 1)
    code, out, err = _run_check(["--cache", "--format", "json", "-j", "1", str(path)], capsys)
    assert code == 1 and json.loads(out)
    assert "本次不使用 --cache" in err
    assert not (cache_home / "gilint" / "extracted").exists()


def test_extract_and_parse_read_the_cache_too(
    cache_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], loads: list[int]
) -> None:
    (path,) = _pages(tmp_path / "pages", 1)
    outputs = []
    for command in (["extract"], ["parse", "--format", "json"]):
        for cache in ([], ["--cache"], ["--cache"]):
            assert cli.main([*command, *cache, str(path)]) == 0
            outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2] and outputs[3] == outputs[4] == outputs[5]
    assert len(_entries(cache_home)) == 1 and len(loads) == 3  # 2 plain, 1 to fill


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_pdf_and_word_places_come_back_from_the_cache(
    cache_home: Path, tmp_path: Path, kind: str
) -> None:
    pytest.importorskip("pdfplumber" if kind == "pdf" else "docx")
    pytest.importorskip("reportlab")
    from gilint.testing.documents import to_docx, to_pdf

    data = sample_report("2021", seed=9)
    cell = data.tables["3"]["outcome.disclosed"][0]
    doc = document(data.with_cell("3", "outcome.disclosed", "natural_person", str(int(cell) + 1)))
    path = tmp_path / f"r.{kind}"
    path.write_bytes(to_pdf(doc)[0] if kind == "pdf" else to_docx(doc))
    env = {"XDG_CACHE_HOME": str(cache_home)}
    outputs = [
        run_gilint("check", *cache, "--format", "full", str(path), env=env)
        for cache in ([], ["--cache"], ["--cache"])
    ]
    assert outputs[0].returncode == 1 and ("第" in outputs[0].stdout)
    assert [o.stdout for o in outputs] == [outputs[0].stdout] * 3
    assert len(_entries(cache_home)) == 1


def test_library_versions_are_read_from_metadata() -> None:
    from gilint.extras import versions

    found = versions("attrs", "lark")
    assert found is not None and found.startswith("attrs ") and "; lark " in found
    assert versions("attrs", "no-such-distribution-of-gilint") is None


def test_a_doc_file_is_kept_under_the_libreoffice_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("docx")
    from gilint.loaders import office

    program = tmp_path / "soffice"
    monkeypatch.setattr(office, "_office", lambda: None)
    assert office.OfficeLoader().cache_version() is None  # none installed: nothing kept
    program.write_bytes(b"#!/bin/sh\n")
    monkeypatch.setattr(office, "_office", lambda: str(program))
    before = office.OfficeLoader().cache_version()
    assert before is not None and str(program) in before
    program.write_bytes(b"#!/bin/sh\n# upgraded\n")
    assert office.OfficeLoader().cache_version() != before


def test_the_library_keeps_extractions_when_asked(
    cache_home: Path, tmp_path: Path, loads: list[int]
) -> None:
    import gilint

    path = tmp_path / "r.html"
    path.write_bytes(_page(10))
    plain = [f.to_dict() for f in gilint.lint(path)]
    assert _entries(cache_home) == []
    kept = [[f.to_dict() for f in gilint.lint(path, cache=True)] for _ in range(2)]
    assert kept == [plain, plain] and len(_entries(cache_home)) == 1
    report = gilint.parse(path, cache=True)
    assert report.source_map is not None and len(loads) == 2


def test_an_interrupted_write_leaves_no_half_entry(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ExtractionCache.open()
    assert cache is not None

    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(extraction_cache.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.put("k" * 64, Loaded("正文", "html"))
    assert list(cache.folder.iterdir()) == []


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=20,
)


@st.composite
def _near_entries(draw: st.DrawFn) -> Any:
    """Entries like gilint's with any field replaced by any JSON value."""
    entry: dict[str, Any] = {
        "key": "k" * 64,
        "text": "正文\n",
        "encoding": "pdf",
        "bom": False,
        "newline": "\n",
        "origin": "pdf",
        "problems": [["x", "y", 1]],
        "pieces": [[0, 2, {"kind": "pdf", "page": 1, "bbox": [1, 2.5, 3, 4]}]],
    }
    for name in draw(st.sets(st.sampled_from(sorted(entry)), max_size=3)):
        entry[name] = draw(_JSON)
    if draw(st.booleans()):  # a problem anywhere, or past the text
        entry["problems"] = [["x", "y", draw(st.integers(-3, 9))]]
    if draw(st.booleans()):
        entry["pieces"] = [
            [
                0,
                1,
                draw(
                    st.dictionaries(
                        st.sampled_from(["kind", "page", "bbox", "path", "row", "x"]), _JSON
                    )
                ),
            ]
        ]
    return entry


@settings(max_examples=300, deadline=None)
@given(st.one_of(_JSON, _near_entries()))
def test_any_json_reads_as_an_entry_or_as_none(entry: Any) -> None:
    loaded = extraction_cache._loaded(entry, "k" * 64)
    if loaded is not None:  # what was read is well-formed: a place a reporter can print
        assert isinstance(loaded.text, str)
        assert all(0 <= p.offset <= len(loaded.text) for p in loaded.problems)
        for piece in loaded.source_map.pieces if loaded.source_map else ():
            assert 0 <= piece.start <= piece.end <= len(loaded.text)
            assert isinstance(piece.place.label(), str) and piece.place.to_dict()
            box = piece.place.bbox  # four numbers, as the outputs draw and print it
            assert box is None or (len(box) == 4 and all(type(v) in (int, float) for v in box))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_in_an_entry_read_as_none(data: bytes) -> None:
    with _fresh_cache() as cache:
        path = cache.folder / f"{'k' * 64}.z"
        path.write_bytes(data)
        path.chmod(0o600)
        assert cache.get("k" * 64) is None
