"""Layouts of published reports made from the base layouts, keeping track of positions.

Real extractions reach users in shapes the base renderer does not write (see the format
notes, "Layouts seen in published reports"). Each one here is a rewrite of a base
rendering, line by line, that records where every copied piece of text went, so the
renderer's record of rows and cells still says where things really are:

* ``web``: web page text as a crawler keeps it: the whole body on one line, table cells
  separated by single spaces (blank cells vanish), page chrome before and after;
* ``runs``: ``web`` with the separators between the numbers of table 三's rows lost
  (``6000017`` for 6, 0, 0, 0, 0, 1, 7);
* ``cells``: HTML tables converted one cell per line, each ending with `` |``, an empty
  cell as ``|``, merged header cells as ``|||``;
* ``pipes``: ``cells`` with each cell's pipe on a line of its own after its text, as a
  converter writes a cell that holds a paragraph (``信息内容`` / ``|``);
* ``ocr``: PDF-to-Markdown or OCR output: ``#`` heading marks, wide header rows broken
  over two lines (``| 商业企业 | 科研机构 | … | ||||``), table 三 cut into small tables
  with invented header rows (``| 列1 | 列2 |``), the first rows' labels standing as
  ``###`` headings above tables of numbers only, and page numbers and running footers
  inside the tables.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import attrs

_CELL_SPLIT = re.compile(r"\s*\|\s*")


@attrs.define
class _Out:
    """New lines built from pieces of old lines; remembers where each piece went."""

    lines: list[str] = attrs.field(factory=lambda: [""])
    # per old line: sorted (old column, new line, new column, length) of copied pieces
    moved: dict[int, list[tuple[int, int, int, int]]] = attrs.field(factory=dict)

    def copy(self, old_line: int, old_column: int, text: str) -> None:
        if text:
            self.moved.setdefault(old_line, []).append(
                (old_column, len(self.lines), len(self.lines[-1]) + 1, len(text))
            )
        self.lines[-1] += text

    def add(self, text: str) -> None:
        self.lines[-1] += text

    def newline(self) -> None:
        self.lines.append("")

    def where(self, line: int, column: int) -> tuple[int, int] | None:
        pieces = sorted(self.moved.get(line, ()))
        at = bisect.bisect_right(pieces, (column, 1 << 30)) - 1
        if at < 0:
            return None
        old, new_line, new_column, length = pieces[at]
        if column >= old + length:
            return None
        return new_line, new_column + column - old


Rewrite = Callable[[list[str], _Out], None]


def rewrite(text: str, rows: dict, cells: dict, parts: dict, how: Rewrite) -> tuple:  # type: ignore[type-arg]
    """``text`` rewritten by ``how``, with the recorded positions moved along."""
    old = text.rstrip("\n").split("\n")
    out = _Out()
    how(old, out)

    def line_of(line: int) -> int:
        """Where the label of an old line went: its last text before its first number
        (a row's own label, after any group label), or its only text (a heading)."""
        pieces = sorted(out.moved.get(line, ()))
        if not pieces:
            raise ValueError(f"line {line} was not copied")
        content = old[line - 1]
        label = pieces[0]
        for piece in pieces:
            if _numeric(content[piece[0] - 1 : piece[0] - 1 + piece[3]].strip()):
                break
            label = piece
        return label[1]

    new_rows = {k: line_of(v) for k, v in rows.items()}
    new_cells = {}
    for k, (line, column) in cells.items():
        found = out.where(line, column)
        if found is not None:
            new_cells[k] = found
    new_parts = {k: line_of(v) for k, v in parts.items()}
    return "\n".join(out.lines) + "\n", new_rows, new_cells, new_parts


def _copy_line(out: _Out, number: int, line: str) -> None:
    out.copy(number, 1, line)


def _pipe_cells(line: str) -> list[tuple[int, str]]:
    """The cells of a Markdown table row, with their 1-based columns."""
    found = []
    column = line.index("|") + 1
    while True:
        nxt = line.find("|", column)
        if nxt < 0:
            break
        raw = line[column:nxt]
        stripped = raw.strip()
        start = column + (len(raw) - len(raw.lstrip())) + 1
        found.append((start, stripped))
        column = nxt + 1
    return found


def _is_rule(line: str) -> bool:
    return line.startswith("|") and set(line) <= set("|-: ")


def web(issuer: str, year: int) -> Rewrite:
    """The tabs rendering flattened to one line, with page chrome around it."""
    chrome = (
        f"当前位置：首页 > 政府信息公开 > 政府信息公开年报 来源：{issuer} "
        f"时间：{year + 1}-01-20 字号：大 中 小 打印 微信 微博 "
    )
    footer = " 相关链接：国务院 省政府 市政府 主办单位：本级人民政府办公室 网站标识码：0000000000"

    def how(old: list[str], out: _Out) -> None:
        out.add(chrome.rstrip())
        for number, line in enumerate(old, 1):
            column = 1
            for piece in line.split("\t"):
                _copy_words(out, number, column, piece)
                column += len(piece) + 1
        out.add(footer)

    return how


def _copy_words(out: _Out, number: int, column: int, piece: str) -> None:
    """The text of a piece, without Markdown bold marks, each run after one space."""
    index = 0
    while index < len(piece):
        if piece.startswith("**", index):
            index += 2
            continue
        stop = piece.find("**", index)
        stop = len(piece) if stop < 0 else stop
        text = piece[index:stop]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            out.add(" ")
            out.copy(number, column + index + lead, text.strip())
        index = stop


def runs(positions: list[tuple[int, int, int]]) -> Rewrite:
    """One-line text with the spaces between the given cells taken out: ``positions``
    are (line, column, length) of number cells, each group of a row in order."""
    joined = {(line, column + length) for line, column, length in positions}
    starts = {(line, column) for line, column, _ in positions}

    def how(old: list[str], out: _Out) -> None:
        for number, line in enumerate(old, 1):
            if number > 1:
                out.newline()
            column = 1
            while column <= len(line):
                if (number, column) in joined and (number, column + 1) in starts:
                    column += 1  # the separator lost
                    continue
                stop = column
                while stop <= len(line) and not (
                    (number, stop) in joined and (number, stop + 1) in starts
                ):
                    stop += 1
                out.copy(number, column, line[column - 1 : stop - 1])
                column = stop

    return how


def cells(old: list[str], out: _Out) -> None:
    """Markdown tables to one cell per line, each ending with `` |``."""
    _cell_per_line(old, out, own_line=False)


def pipes(old: list[str], out: _Out) -> None:
    """Markdown tables to one cell per line, each cell's pipe on the line after it."""
    _cell_per_line(old, out, own_line=True)


def _cell_per_line(old: list[str], out: _Out, own_line: bool) -> None:
    """Markdown tables to one cell per line; a cell's pipe after it on its line, or on
    a line of its own (``own_line``); an empty cell a pipe alone."""
    first = True
    for number, line in enumerate(old, 1):
        if not first:
            out.newline()
        first = False
        if _is_rule(line):
            out.add("|||")  # what merged cells leave
            continue
        if not line.startswith("|"):
            _copy_line(out, number, line)
            continue
        pieces = _pipe_cells(line)
        for index, (column, text) in enumerate(pieces):
            if index:
                out.newline()
            if text:
                out.copy(number, column, text)
                if own_line:
                    out.newline()
                    out.add("|")
                else:
                    out.add(" |")
            else:
                out.add("|")


def ocr(page: Callable[[int], str]) -> Rewrite:
    """Markdown to what PDF-to-Markdown and OCR give (see the module docstring)."""

    def how(old: list[str], out: _Out) -> None:
        first = True
        pages = 1
        in_table = 0
        header_width = 0
        for number, line in enumerate(old, 1):
            if not first:
                out.newline()
            first = False
            if line.startswith("## "):
                out.add("# ")
                out.copy(number, 4, line[3:])
                continue
            if line.startswith("# "):
                _copy_line(out, number, line)
                continue
            if not line.startswith("|"):
                if in_table:
                    in_table = 0
                _copy_line(out, number, line)
                continue
            pieces = _pipe_cells(line)
            if _is_rule(line):
                header_width = len(pieces)
                _copy_line(out, number, line)
                continue
            if number < len(old) and _is_rule(old[number]) and len(pieces) >= 9:
                # a wide header row broken over two lines, merged cells left as "||||"
                out.add("|")
                for index, (column, text) in enumerate(pieces):
                    if index == 3:
                        out.newline()
                        out.add("|")
                    out.add(" ")
                    out.copy(number, column, text)
                    out.add(" |")
                out.add("||||")
                continue
            in_table += 1
            label_cells = [p for p in pieces if p[1] and not _numeric(p[1])]
            numbers = [p for p in pieces if _numeric(p[1])]
            if in_table % 9 == 0:  # a page ends inside the table
                pages += 1
                out.add(page(pages))
                out.newline()
                out.newline()
            if (
                header_width >= 9
                and len(label_cells) == 1
                and label_cells[0][1][:2] in ("一、", "二、", "四、")
                and len(numbers) == 7
            ):
                # the row's label as a heading of its own, then a table of numbers
                column, label = label_cells[0]
                out.newline()
                out.add("### ")
                out.copy(number, column, label)
                out.newline()
                out.newline()
                out.add("| " + " | ".join(f"列{i}" for i in range(1, 9)) + " |")
                out.newline()
                out.add("|" + " --- |" * 8)
                out.newline()
                out.add("| ")
                for index, (col, text) in enumerate(numbers):
                    if index:
                        out.add(" | ")
                    out.copy(number, col, text)
                out.add(" |")
                out.newline()
                continue
            _copy_line(out, number, line)

    return how


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", text))
