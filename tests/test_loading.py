"""Decoding and line ends: the text the user sees, whatever the encoding."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

import gilint
from gilint.loading import InputError, load_bytes, load_text, read_input, read_input_stream

TEXT = "示例镇2024年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息１２条。\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
        (TEXT.encode("gb18030"), "gb18030", False),
        (TEXT.encode("gbk"), "gb18030", False),
        # UTF-16 saved without a BOM: told by the zero byte of each ASCII character
        (TEXT.encode("utf-16-le"), "utf-16-le", False),
        (TEXT.encode("utf-16-be"), "utf-16-be", False),
    ],
)
def test_decodes_every_supported_encoding(data: bytes, encoding: str, bom: bool) -> None:
    loaded = load_bytes(data)
    assert loaded.text == TEXT
    assert loaded.encoding == encoding
    assert loaded.bom is bom
    assert loaded.problems == ()


def test_zero_bytes_padding_a_file_in_utf8_do_not_make_it_utf16() -> None:
    loaded = load_bytes(TEXT.encode("utf-8") + bytes(4096))
    assert loaded.encoding == "utf-8" and loaded.text.startswith(TEXT)
    assert [p.code for p in loaded.problems] == ["control-characters"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_ends_become_newlines_and_lines_stay_put(newline: str) -> None:
    loaded = load_bytes(TEXT.replace("\n", newline).encode("utf-8"))
    assert loaded.text == TEXT
    assert loaded.newline == newline
    report = gilint.parse(TEXT.replace("\n", newline).encode("utf-8"))
    assert report.sections[0].heading.span.line == 2
    assert report.sections[0].paragraphs[0].span.line == 3


def test_undecodable_bytes_become_a_diagnostic_and_the_rest_parses() -> None:
    data = b"\x81\x20" + "\n一、总体情况\n正文。\n".encode()  # neither UTF-8 nor GB18030
    report = gilint.parse(data)
    assert [d.code for d in report.diagnostics] == ["decode-error"]
    assert report.diagnostics[0].span.line == 1
    assert report.section("一") is not None


def test_string_bom_is_dropped() -> None:
    assert load_text("\ufeff一、总体情况").text == "一、总体情况"


def test_path_and_bytes_and_text_give_the_same_report(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "r.txt"  # type: ignore[operator]
    path.write_bytes(TEXT.encode("gb18030"))
    from_path = gilint.parse(path)
    from_str_path = gilint.parse(str(path))
    from_text = gilint.parse(TEXT)
    assert from_path.path == str(path) == from_str_path.path
    assert from_text.path is None
    assert from_path.source == from_text.source
    assert [s.heading.text for s in from_path.sections] == ["一、总体情况"]


def test_parse_does_not_touch_the_file(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "r.txt"  # type: ignore[operator]
    original = (TEXT.replace("\n", "\r\n")).encode("gb18030")
    path.write_bytes(original)
    gilint.parse(path)
    assert path.read_bytes() == original


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-32-le"])
def test_a_text_starting_with_u0000_keeps_its_encoding(codec: str) -> None:
    """FF FE 00 00 is the UTF-32 LE BOM, and also the UTF-16 LE BOM followed by U+0000."""
    text = "\x00" + TEXT
    loaded = load_bytes(("\ufeff" + text).encode(codec))
    assert (loaded.encoding, loaded.text) == (codec, text)


def test_digits_of_other_scripts_are_not_numbers() -> None:
    from gilint.testing import render, sample_report

    report = sample_report("2021", seed=1).with_cell("3", "new", "natural_person", "٣٤")
    parsed = gilint.parse(render(report, "tabs").text)
    cell = parsed.table("3").cell("new", "natural_person")  # type: ignore[union-attr]
    assert (cell.raw, cell.value, cell.status) == ("٣٤", None, gilint.CellStatus.INVALID)
    period = gilint.parse("２０２４年政府信息公开工作年度报告\n٢٠٢٤年度。\n")
    assert period.title_year is not None and period.title_year.year == 2024  # NFKC: ２ is 2


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
@pytest.mark.parametrize("bad", [b"\xff", b"\x810", b"\xe4\xb8", b"\x81"])
def test_positions_are_right_in_crlf_files_with_undecodable_bytes(codec: str, bad: bytes) -> None:
    """A broken byte sequence must not take the line break after it (GB18030's decoder
    would read b"\\x810\\r\\n" as one character), nor make a GB18030 file read as UTF-8."""
    from gilint.testing import render, sample_report

    report = sample_report("2021", seed=1).with_cell("3", "new", "natural_person", "x")
    text = render(report, "tabs").text
    (expected,) = gilint.lint(text, config={"select": ["GI205"]})
    lines = text.split("\n")
    damaged = [line.encode(codec) for line in lines]
    for number in (0, 5, 9):  # prose lines: just before their line break
        damaged[number] = damaged[number] + bad
    damaged[expected.line - 1] = b"\xff" + damaged[expected.line - 1]  # no codec's lead byte
    data = b"\r\n".join(damaged)
    loaded = load_bytes(data)
    assert loaded.encoding == codec and loaded.text.count("\n") == text.count("\n")
    (found,) = gilint.lint(data, config={"select": ["GI205"]})
    assert (found.line, found.column) == (expected.line, expected.column + 1)


class _Recording(io.BytesIO):
    """A stream that keeps the sizes it was asked to read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def read(self, size: int | None = -1, /) -> bytes:
        self.asked.append(-1 if size is None else size)
        return super().read(size)


def test_a_file_is_read_by_its_size_not_by_the_limit(tmp_path: Path) -> None:
    data = TEXT.encode("utf-8")
    stream = _Recording(data)
    assert read_input_stream(stream, 1000, size=len(data)) == data
    assert stream.asked == [len(data) + 1]  # not 1001: a read allocates what it asks for
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    assert read_input(path, 1000) == data


def test_a_file_that_grew_after_it_was_measured_is_read_to_the_limit() -> None:
    data = TEXT.encode("utf-8")
    assert read_input_stream(_Recording(data), 1000, size=10) == data
    with pytest.raises(InputError, match="超过"):
        read_input_stream(_Recording(data), len(data) - 1, size=10)
    assert read_input_stream(_Recording(data), len(data), size=0) == data


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_a_regular_file_that_says_it_is_empty_is_still_read_whole() -> None:
    # (files of /proc are regular files of size 0 that hold text)
    assert read_input("/proc/self/status").startswith(b"Name:")
