"""Table lines cut into cells: the one-pass reading of plain lines, and the row lines
whose numbers stay uncut, are only shortcuts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gilint.lexer import (
    _CAPTION,
    Labels,
    LexCell,
    _cells,
    _classify,
    _is_cell_line,
    _Line,
    _row_line,
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
    "O",
    "〇",
    "l",
    " ",
    "  ",
    "\t",
    "|",
]


def _general(text: str, line: _Line) -> tuple[LexCell, ...]:
    separated = _is_cell_line(line.text)
    pieces = _separated(line) if separated else _words(line)
    return _classify(text, pieces, _CAPTION, separated)


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


@settings(max_examples=400)
@given(_LINES, st.text(alphabet=" 甲\n", max_size=4))
def test_a_row_line_cut_gives_the_cells_of_its_line(line_text: str, before: str) -> None:
    text = before + line_text
    line = _Line(len(before), line_text)
    labels: Labels = {}
    row = _row_line(line, _CAPTION.marks, labels)
    if row is None:
        return
    assert row.cells() == _cells(text, line)
    assert text[row.start : row.end] == row.run
    assert all(cell.kind in ("FRAG", "EMPTY") for cell in row.label)
    # its label remembered, the line read again further on gives that line's cells
    moved = _Line(line.start + 3, line_text)
    again = _row_line(moved, _CAPTION.marks, labels)
    assert again is not None
    assert again.cells() == _cells("甲乙丙" + text, moved)


def test_which_lines_are_row_lines() -> None:
    for line_text, label, numbers in [
        ("1.属于国家秘密 57 34 0", ["1.属于国家秘密"], ("57", "34", "0")),
        ("一、本年新收\t\t324\t380", ["一、本年新收", ""], ("324", "380")),
        ("| (七)总计 |  | 531 | 637 |", ["(七)总计", ""], ("531", "637")),
        ("行政事业性收费 214.12", ["行政事业性收费"], ("214.12",)),
        ("14 25 32", [], ("14", "25", "32")),
    ]:
        row = _row_line(_Line(0, line_text), _CAPTION.marks, {})
        assert row is not None, line_text
        assert [c.text for c in row.label] == label
        assert row.numbers == numbers
    for line_text in [
        "| 规章 | / | 3 |",  # a placeholder: a cell only the line around it places
        "合计 5 件",  # a unit after the number
        "规章 5 若干",  # text after the numbers
        "a 5 b 6",  # a number in the label text
        "1\t\t3",  # an empty cell among the numbers
        "1,024 3",  # a number with a thousands separator
        "第二十条第(一)项 3",  # a caption
        "自然人 法人",  # no numbers
    ]:
        assert _row_line(_Line(0, line_text), _CAPTION.marks, {}) is None, line_text


_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _trailing_numbers(line_text: str) -> tuple[tuple[str, ...], int]:
    """What a white-space row line's run is, read the slow way: its words from the last
    back, as long as each is a plain number; and where the first of them starts."""
    words = list(re.finditer(r"\S+", line_text))
    first = len(words)
    while first and _PLAIN_NUMBER.fullmatch(words[first - 1].group()):
        first -= 1
    start = words[first].start() if first < len(words) else len(line_text)
    return tuple(w.group() for w in words[first:]), start


# words of white-space lines: labels, plain numbers, and near misses of both
_WORDS = st.sampled_from(
    ["规章", "自然人", "x", "12", "0", "2.5", "10.25", "1.", ".5", "1.2.3", "3x", "x3", "-1"]
)
_SPACE = st.sampled_from([" ", "  ", "\u3000", " \u3000 "])


@settings(max_examples=400)
@given(st.lists(st.tuples(_WORDS, _SPACE), max_size=10), _SPACE, st.booleans())
def test_a_white_space_row_line_runs_over_its_trailing_plain_numbers(
    words: list[tuple[str, str]], lead: str, trailing_space: bool
) -> None:
    line_text = lead + "".join(w + s for w, s in words)
    if not trailing_space:
        line_text = line_text.rstrip()
    expected, start = _trailing_numbers(line_text)
    row = _row_line(_Line(0, line_text), _CAPTION.marks, {})
    if row is None:
        # no run, or a label that holds a number (or what only the general reading places)
        assert not expected or re.search(r"[0-9]", line_text[:start])
        return
    assert row.numbers == expected
    assert row.start == start
    assert row.run == line_text[row.start : row.end]
    assert row.run.split() == list(expected)
    assert not line_text[row.end :].strip()


def test_a_long_line_of_numbers_that_ends_in_a_word_is_no_row_line() -> None:
    # (read from the line's end: a word after the numbers is met first)
    for line_text in ["1 " * 255 + "x", "1.5 " * 127 + "x", "1 " * 200 + "a 2"]:
        row = _row_line(_Line(0, line_text), _CAPTION.marks, {})
        assert row is None or row.numbers == ("2",), line_text


def test_usual_lines_of_each_layout() -> None:
    for line_text, kinds in [
        ("1.属于国家秘密 57 34 0", ["FRAG", "VALUE", "VALUE", "VALUE"]),
        ("一、本年新收\t\t324\t380", ["FRAG", "EMPTY", "VALUE", "VALUE"]),
        ("| (七)总计 |  | 531 | 637 |", ["FRAG", "EMPTY", "VALUE", "VALUE"]),
        ("| 规章 | / | 3 |", ["FRAG", "VALUE", "VALUE"]),
        ("| --- | --- |", ["RULE"]),
        # a letter an OCR put for a digit: a cell where it is its line's one cell
        ("| 〇 |", ["VALUE"]),
        ("O |", ["VALUE"]),
        # among other cells or words, text (the reader places it; it may be a border)
        ("（一）予以公开 O 3 4", ["FRAG", "FRAG", "VALUE", "VALUE"]),
        ("| l | 规章 | 8 |", ["FRAG", "FRAG", "VALUE"]),
        ("甲 O 乙", ["FRAG", "FRAG", "FRAG"]),
    ]:
        cells = _cells(line_text, _Line(0, line_text))
        assert [c.kind for c in cells] == kinds, line_text


@given(st.from_regex(r"[0-9][0-9 \t|]*", fullmatch=True))
def test_the_numbers_of_a_long_run_are_counted_as_a_pattern_finds_them(more: str) -> None:
    assert surplus_count(more) == len(re.findall(r"[0-9]+", more))
