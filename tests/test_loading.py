"""Decoding and line ends: the text the user sees, whatever the encoding."""

from __future__ import annotations

import codecs

import pytest

import gilint
from gilint.loading import load_bytes, load_text

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
    ],
)
def test_decodes_every_supported_encoding(data: bytes, encoding: str, bom: bool) -> None:
    loaded = load_bytes(data)
    assert loaded.text == TEXT
    assert loaded.encoding == encoding
    assert loaded.bom is bom
    assert loaded.problems == ()


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
