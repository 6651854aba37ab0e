"""From offsets of the canonical text to spans of the user's text."""

from __future__ import annotations

from gilint.normalise import OffsetMap
from gilint.span import LineIndex, Span


class Locator:
    """Turns canonical offsets into :class:`Span` objects of the loaded text."""

    __slots__ = ("_canonical_index", "_identity", "_index", "_offsets", "canonical", "source")

    def __init__(self, source: str, canonical: str, offsets: OffsetMap) -> None:
        self.source = source
        self.canonical = canonical
        self._index = LineIndex(source)
        self._offsets = offsets
        self._identity = offsets.is_identity
        self._canonical_index: LineIndex | None = None  # built when first asked

    def span(self, start: int, end: int) -> Span:
        if self._identity:  # the usual text: normalising moved nothing
            return Span(start, end if end > start else start, self._index)
        loaded_start = self._offsets.to_loaded(start)
        loaded_end = max(loaded_start, self._offsets.to_loaded_end(end))
        return self._index.span(loaded_start, loaded_end)

    def loaded_span(self, start: int, end: int) -> Span:
        """A span of offsets that are already the loaded text's (what a loader noted, the
        text's own lines), not the canonical text's."""
        return self._index.span(start, max(start, end))

    def text(self, span: Span) -> str:
        return self.source[span.start : span.end]

    def line(self, canonical_offset: int) -> int:
        """The line of the canonical text an offset is on: the lines the lexer reads,
        which a line separator (U+2028) in the user's text ends too. (The user's text's
        own lines where it has none, as nearly every text: their index is built.)"""
        if self._canonical_index is None:
            separated = "\u2028" in self.source or "\u2029" in self.source
            self._canonical_index = LineIndex(self.canonical) if separated else self._index
        if self._canonical_index is self._index:
            return self._index.locate(self._offsets.to_loaded(canonical_offset))[0]
        return self._canonical_index.locate(canonical_offset)[0]

    def whole(self) -> Span:
        return self._index.span(0, len(self.source))
