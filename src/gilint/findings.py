"""Severity and Finding: what rules report."""

from __future__ import annotations

import enum
from typing import Any

import attrs

from gilint.places import Place
from gilint.span import Span


class Severity(str, enum.Enum):
    """How serious a finding is; ``rank`` orders them (error highest)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def label(self) -> str:
        """The Chinese name shown to users."""
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls(text.lower())
        except ValueError:
            raise ValueError(f"未知的严重程度“{text}”，可选 error、warning、info") from None


@attrs.frozen(slots=True)
class Finding:
    """One problem at one place of one file.

    ``span`` is where it is (1-based lines and columns of the user's file, or of the text
    extracted from a PDF, Word or HTML file); ``related`` are other places that explain
    it (the cells of a broken sum, say). For an extracted file, ``place`` and
    ``related_places`` say where the span and the related spans stand in the original
    (a page, a table cell, a line and column of the page's source).
    """

    code: str
    name: str
    severity: Severity
    message: str
    path: str | None
    span: Span
    suggestion: str | None = None
    related: tuple[Span, ...] = ()
    place: Place | None = None
    related_places: tuple[Place | None, ...] = ()
    logical: str | None = None  # what the span is by name (``表三/（一）予以公开/自然人``)
    # what the finding is about, independent of lines (see gilint.baseline)
    fingerprint: str | None = None
    anchor: str | None = None
    body: str | None = None
    year: int | None = None
    # For a finding that something is missing: the stretch of the text where it would
    # stand. Content gilint could not read there (an image) may hold it, and the finding
    # is then withheld (Rule.concludes_from_absence); None: it could stand anywhere.
    missing_from: Span | None = None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path or "", self.span.line, self.span.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        places = self.related_places or (None,) * len(self.related)
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "suggestion": self.suggestion,
            "related": [
                _with_source(r.to_dict(), p) for r, p in zip(self.related, places, strict=True)
            ],
            **({"source": self.place.to_dict()} if self.place else {}),
            **({"logical": self.logical} if self.logical else {}),
            **({"fingerprint": self.fingerprint} if self.fingerprint else {}),
        }


def _with_source(data: dict[str, Any], place: Place | None) -> dict[str, Any]:
    return {**data, "source": place.to_dict()} if place else data
