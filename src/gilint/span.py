"""Source positions: every AST node and finding points into the user's text with a Span."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import attrs


@attrs.frozen(slots=True)
class Span:
    """A range of the decoded source text.

    ``start``/``end`` are 0-based offsets into ``Report.source``, so
    ``report.source[span.start:span.end]`` is the text the span covers.
    ``line``/``column`` are 1-based as an editor shows them (columns count characters);
    ``end_line``/``end_column`` point just past the last character, as in LSP and SARIF.
    Lines and columns are worked out when asked, from the text's :class:`LineIndex`:
    a report has hundreds of spans and a linter reads the positions of a few.
    """

    start: int
    end: int
    _lines: LineIndex = attrs.field(eq=False, repr=False, alias="lines")

    @property
    def line(self) -> int:
        return self._lines.locate(self.start)[0]

    @property
    def column(self) -> int:
        return self._lines.locate(self.start)[1]

    @property
    def end_line(self) -> int:
        return self._lines.locate(self.end)[0]

    @property
    def end_column(self) -> int:
        return self._lines.locate(self.end)[1]

    @property
    def line_index(self) -> LineIndex:
        """The index of the text this span is in."""
        return self._lines

    def to_dict(self) -> dict[str, int]:
        line, column = self._lines.locate(self.start)
        end_line, end_column = self._lines.locate(self.end)
        return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


class LineIndex:
    """Turns offsets of a text into (line, column) pairs; lines split on ``\\n`` only.

    ``str.splitlines`` also breaks on form feeds and other separators, which would make
    line numbers drift from what editors show, so it is deliberately not used.
    """

    __slots__ = ("_last", "_length", "_starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts
        self._length = len(text)
        self._last = 1  # the line found last: nodes are located mostly in text order

    @classmethod
    def from_starts(cls, starts: Sequence[int], length: int) -> LineIndex:
        """An index rebuilt from :meth:`starts` without the text (a report's summary
        keeps these, not the text)."""
        index = cls.__new__(cls)
        index._starts = list(starts)
        index._length = length
        index._last = 1
        return index

    def starts(self) -> tuple[int, ...]:
        return tuple(self._starts)

    @property
    def length(self) -> int:
        return self._length

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``."""
        offset = max(0, min(offset, self._length))
        starts = self._starts
        line = self._last
        if not (starts[line - 1] <= offset and (line == len(starts) or offset < starts[line])):
            line = self._last = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self)
