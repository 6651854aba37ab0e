"""Severity and Finding: what rules report."""

from __future__ import annotations

import enum
from typing import Any

import attrs

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

    ``span`` is where it is (1-based lines and columns of the user's file); ``related``
    are other places that explain it (the cells of a broken sum, say).
    """

    code: str
    name: str
    severity: Severity
    message: str
    path: str | None
    span: Span
    suggestion: str | None = None
    related: tuple[Span, ...] = ()

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path or "", self.span.line, self.span.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
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
            "related": [r.to_dict() for r in self.related],
        }
