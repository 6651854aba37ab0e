"""gilint: a linter for government information-disclosure annual reports
(政府信息公开工作年度报告).

The public names below are imported on first use (PEP 562), so that ``import gilint``
costs nothing a caller does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Cell": "gilint.ast",
    "CellStatus": "gilint.ast",
    "Reading": "gilint.ast",
    "Diagnostic": "gilint.ast",
    "Evidence": "gilint.ast",
    "Heading": "gilint.ast",
    "Paragraph": "gilint.ast",
    "Report": "gilint.ast",
    "Row": "gilint.ast",
    "Section": "gilint.ast",
    "Subsection": "gilint.ast",
    "Table": "gilint.ast",
    "TemplateInfo": "gilint.ast",
    "TextPiece": "gilint.ast",
    "YearMention": "gilint.ast",
    "Config": "gilint.config",
    "ConfigError": "gilint.config",
    "Finding": "gilint.findings",
    "Severity": "gilint.findings",
    "hookimpl": "gilint.hookspecs",
    "Linter": "gilint.linting",
    "lint": "gilint.linting",
    "parse": "gilint.parsing",
    "Rule": "gilint.rule",
    "Span": "gilint.span",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'gilint' has no attribute {name!r}")
    from gilint.collector import collector_paused

    with collector_paused():  # importing builds thousands of lasting objects
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


if TYPE_CHECKING:
    from gilint.ast import (
        Cell,
        CellStatus,
        Diagnostic,
        Evidence,
        Heading,
        Paragraph,
        Reading,
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
    "Reading",
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
