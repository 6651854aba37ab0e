"""Table lines cut into cells: the one-pass reading of plain lines is only a shortcut."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gilint.lexer import (
    _CAPTION,
    LexCell,
    _cells,
    _classify,
    _is_cell_line,
    _Line,
    _separated,
    _words,
    surplus_count,
)

# pieces that table lines are made of, including every kind of cell the lexer tells apart
_PIECES = [
    "12",
    "0",
    "3679",
    "1,024",
    "1 024",
    "2.5",
    "-1",
    "/",
    "-",
    "—",
    "无",
    "元",
    "件",
    "---",
    ":---:",
    "自然人",
    "1.属于国家秘密",
    "(三)不予公开",
    "第二十条第(一)项",
    "第三项",
    "**",
    "*5*",
    "x",
    " ",
    "  ",
    "\t",
    "|",
]


def _general(text: str, line: _Line) -> tuple[LexCell, ...]:
    pieces = _separated(line) if _is_cell_line(line.text) else _words(line)
    return _classify(text, pieces, _CAPTION)


_LINES = st.builds(
    lambda cells, sep, pipes: ("| " + sep.join(cells) + " |") if pipes else sep.join(cells),
    st.lists(
        st.builds(
            lambda pad_left, body, pad_right: pad_left + body + pad_right,
            st.sampled_from(["", " ", "  "]),
            st.sampled_from(_PIECES),
            st.sampled_from(["", " "]),
        ),
        max_size=12,
    ),
    st.sampled_from(["", " ", "  ", "\t", "|", " | "]),
    st.booleans(),
)


@settings(max_examples=400)
@given(_LINES, st.text(alphabet=" 甲\n", max_size=4))
def test_plain_lines_read_in_one_pass_give_the_general_reading(line_text: str, before: str) -> None:
    text = before + line_text
    line = _Line(len(before), line_text)
    cells = _cells(text, line)
    assert cells == _general(text, line)
    for cell in cells:
        if cell.kind not in ("EMPTY", "RULE"):
            assert text[cell.start : cell.end] == cell.text


def test_usual_lines_of_each_layout() -> None:
    for line_text, kinds in [
        ("1.属于国家秘密 57 34 0", ["FRAG", "VALUE", "VALUE", "VALUE"]),
        ("一、本年新收\t\t324\t380", ["FRAG", "EMPTY", "VALUE", "VALUE"]),
        ("| (七)总计 |  | 531 | 637 |", ["FRAG", "EMPTY", "VALUE", "VALUE"]),
        ("| 规章 | / | 3 |", ["FRAG", "VALUE", "VALUE"]),
        ("| --- | --- |", ["RULE"]),
    ]:
        cells = _cells(line_text, _Line(0, line_text))
        assert [c.kind for c in cells] == kinds, line_text


@given(st.from_regex(r"[0-9][0-9 \t|]*", fullmatch=True))
def test_the_numbers_of_a_long_run_are_counted_as_a_pattern_finds_them(more: str) -> None:
    assert surplus_count(more) == len(re.findall(r"[0-9]+", more))
