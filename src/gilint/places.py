"""Places in an original file (a PDF page, a Word cell, an HTML cell) and the map from
extracted text back to them.

A loader that extracts text from a PDF, Word or HTML file records, for each piece of
text it writes, where that piece stood in the original. Findings point into the
extracted text like any other; :class:`SourceMap` turns their offsets into the places a
person can find in the file they hold.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

import attrs


@attrs.frozen(slots=True)
class Place:
    """Where a piece of extracted text stood in the original file.

    ``kind`` is the loader's format (``pdf``, ``docx``, ``html``). A PDF place has its
    ``page`` (1-based) and ``bbox`` (x0, top, x1, bottom in points); a Word place a
    ``paragraph`` number or a ``table``, ``row`` and ``column`` (all 1-based); an HTML
    place the ``line`` and ``column`` of the source and, inside a table, the cell's
    ``path`` (``table[2]/tr[6]/td[3]``).
    """

    kind: str
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None
    path: str | None = None

    def label(self) -> str:
        """The place as a reviewer reads it: ``第2页``, ``表格2 第6行 第4列``, ``71:5234``."""
        if self.kind == "html" and self.line is not None:
            return f"{self.line}:{self.column or 1}"
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.table is not None:
            parts.append(f"表格{self.table} 第{self.row}行 第{self.column}列")
        elif self.paragraph is not None:
            parts.append(f"第{self.paragraph}段")
        return " ".join(parts) or self.kind

    def to_dict(self) -> dict[str, Any]:
        """The place for machine formats: ``kind`` and the fields that are set."""
        data: dict[str, Any] = {"kind": self.kind}
        for field in attrs.fields(Place):
            value = getattr(self, field.name)
            if field.name != "kind" and value is not None:
                data[field.name] = list(value) if isinstance(value, tuple) else value
        return data


@attrs.frozen(slots=True)
class Piece:
    """Extracted text ``start:end`` came from ``place``."""

    start: int
    end: int
    place: Place


class SourceMap:
    """Offsets of the extracted text to places of the original, by the pieces a loader
    wrote. An offset between pieces belongs to the piece before it (a line break after a
    cell is still that cell's line)."""

    __slots__ = ("_pieces", "_starts")

    def __init__(self, pieces: Iterable[Piece]) -> None:
        self._pieces = sorted(pieces, key=lambda p: p.start)
        self._starts = [p.start for p in self._pieces]

    def __len__(self) -> int:
        return len(self._pieces)

    @property
    def pieces(self) -> tuple[Piece, ...]:
        """The pieces, in the order of the text."""
        return tuple(self._pieces)

    def place(self, offset: int) -> Place | None:
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return self._pieces[0].place if self._pieces else None
        return self._pieces[index].place
