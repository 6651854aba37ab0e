"""gilint: a linter for government information-disclosure annual reports
(政府信息公开工作年度报告)."""

from __future__ import annotations

from gilint.ast import (
    Cell,
    CellStatus,
    Diagnostic,
    Evidence,
    Heading,
    Paragraph,
    Report,
    Row,
    Section,
    Subsection,
    Table,
    TemplateInfo,
    TextPiece,
    YearMention,
)
from gilint.config import Config, ConfigError
from gilint.findings import Finding, Severity
from gilint.hookspecs import hookimpl
from gilint.linting import Linter, lint
from gilint.parsing import parse
from gilint.rule import Rule
from gilint.span import Span

__version__ = "0.1.0"

__all__ = [
    "Cell",
    "CellStatus",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Evidence",
    "Finding",
    "Heading",
    "Linter",
    "Paragraph",
    "Report",
    "Row",
    "Rule",
    "Section",
    "Severity",
    "Span",
    "Subsection",
    "Table",
    "TemplateInfo",
    "TextPiece",
    "YearMention",
    "__version__",
    "hookimpl",
    "lint",
    "parse",
]
