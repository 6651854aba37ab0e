"""The parsed structure as plain data, for ``gilint parse --format json``.

The layout is versioned (``schema``); see ``docs/parse-json.md``. Counts are JSON
integers; amounts are strings of decimal digits, so that no precision is lost.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from gilint import __version__
from gilint.ast import (
    Cell,
    Evidence,
    Heading,
    Paragraph,
    Report,
    Row,
    Section,
    Subsection,
    Table,
    TextPiece,
    YearMention,
)
from gilint.span import Span

SCHEMA = "gilint-parse/1"


def _span(span: Span | None) -> dict[str, int] | None:
    return span.to_dict() if span else None


def _number(value: int | Decimal | None) -> int | str | None:
    if isinstance(value, Decimal):
        return str(value)
    return value


def _text(piece: Paragraph | TextPiece) -> dict[str, Any]:
    return {"text": piece.text, "span": _span(piece.span)}


def _heading(heading: Heading) -> dict[str, Any]:
    return {
        "text": heading.text,
        "ordinal": heading.ordinal,
        "title": heading.title,
        "span": _span(heading.span),
        "title_span": _span(heading.title_span),
    }


def _cell(cell: Cell) -> dict[str, Any]:
    return {
        "column": cell.column,
        "value": _number(cell.value),
        "raw": cell.raw,
        "status": cell.status.value,
        "unit": cell.unit,
        "span": _span(cell.span),
    }


def _row(row: Row) -> dict[str, Any]:
    return {
        "id": row.id,
        "label": row.label,
        "label_span": _span(row.label_span),
        "span": _span(row.span),
        "duplicate": row.duplicate,
        "near_label": row.near_label,
        "reading": row.reading.value,
        "repair": row.repair,
        "fits_no_split": row.fits_no_split,
        "cells": {c.column: _cell(c) for c in row.cells if c.column},
        "extra": [_cell(c) for c in row.extra],
        "extra_count": row.extra_count,
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "templates": list(evidence.templates),
        "marker": evidence.marker,
        "span": _span(evidence.span),
    }


def table_dict(table: Table) -> dict[str, Any]:
    values: dict[str, dict[str, Any]] = {}
    for row in table.rows:
        if row.id and row.id not in values:
            values[row.id] = {c.column: _number(c.value) for c in row.cells if c.column}
    return {
        "id": table.id,
        "template": table.template,
        "title": table.title,
        "caption": _text(table.caption) if table.caption else None,
        "span": _span(table.span),
        "reading": table.reading.value,
        "values": values,
        "rows": [_row(r) for r in table.rows],
        "missing_rows": list(table.missing),
        "texts": [_text(t) for t in table.texts],
        "evidence": [_evidence(e) for e in table.evidence],
    }


def _blocks(children: tuple[Any, ...]) -> dict[str, Any]:
    """A container's paragraphs, subsections and tables, from its ``children`` (the
    traversal rules and plugins use), each kind in document order."""
    return {
        "paragraphs": [_text(c) for c in children if isinstance(c, Paragraph)],
        "subsections": [_subsection(c) for c in children if isinstance(c, Subsection)],
        "tables": [table_dict(c) for c in children if isinstance(c, Table)],
    }


def _subsection(sub: Subsection) -> dict[str, Any]:
    blocks = _blocks(sub.children)
    del blocks["subsections"]
    return {"heading": _heading(sub.heading), "span": _span(sub.span), **blocks}


def _section(section: Section) -> dict[str, Any]:
    return {
        "part": section.part,
        "heading": _heading(section.heading),
        "title_recognised": section.title_recognised,
        "span": _span(section.span),
        **_blocks(section.children),
    }


def _year(mention: YearMention | None) -> dict[str, Any] | None:
    return {"year": mention.year, "span": _span(mention.span)} if mention else None


def report_dict(report: Report, *more: Report) -> dict[str, Any]:
    """The parse JSON of ``report``, with ``more``, the file's later reports (a volume
    of several), each the same object without the file's fields, in ``more_reports``."""
    return {
        "schema": SCHEMA,
        "gilint_version": __version__,
        "path": report.path,
        "encoding": report.encoding,
        **_report_fields(report),
        "more_reports": [_report_fields(later) for later in more],
    }


def _report_fields(report: Report) -> dict[str, Any]:
    return {
        "title": {"text": report.title, "span": _span(report.title_span)}
        if report.title is not None
        else None,
        "issuer": report.issuer,
        "year": report.year,
        "title_year": _year(report.title_year),
        "period_year": _year(report.period_year),
        "template": {
            "id": report.template.id,
            "basis": report.template.basis,
            "evidence": [_evidence(e) for e in report.template.evidence],
        },
        "preamble": _blocks(tuple(c for c in report.children if not isinstance(c, Section))),
        "sections": [_section(s) for s in report.sections],
        "diagnostics": [
            {"code": d.code, "message": d.message, "span": _span(d.span)}
            for d in report.diagnostics
        ],
        "attached_tables": list(report.attached_tables),
    }
