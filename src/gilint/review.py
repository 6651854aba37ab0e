"""What the review page shows of a report: its tables and the paragraphs findings speak
of, as plain data (a worker process sends it back with the findings).

Offsets are those of the report's text, as in the findings' spans, so a page can mark
each cell and each word a finding is about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from gilint.ast import Report, Table
from gilint.findings import Finding
from gilint.span import Span


@attrs.frozen(slots=True)
class CellView:
    text: str
    start: int
    end: int


@attrs.frozen(slots=True)
class RowView:
    label: str
    start: int
    end: int
    cells: tuple[CellView, ...]


@attrs.frozen(slots=True)
class TableView:
    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[RowView, ...]


@attrs.frozen(slots=True)
class ParagraphView:
    text: str
    start: int


@attrs.frozen(slots=True)
class ReportView:
    title: str | None
    issuer: str | None
    year: int | None
    tables: tuple[TableView, ...]
    paragraphs: tuple[ParagraphView, ...]  # those a finding speaks of


def _spans(findings: Iterable[Finding]) -> list[Span]:
    return [span for f in findings for span in (f.span, *f.related)]


def _touched(start: int, end: int, spans: list[Span]) -> bool:
    return any(s.start < max(end, start + 1) and start < max(s.end, s.start + 1) for s in spans)


def _table_view(table: Table, name: str) -> TableView:
    """A table as the review page draws it, under ``name``."""
    rows = []
    for row in table.rows:
        label = row.label_span or row.span
        cells = tuple(CellView(c.raw, c.span.start, c.span.end) for c in (*row.cells, *row.extra))
        rows.append(RowView(row.template_label or row.label or "", label.start, label.end, cells))
    first = table.rows[0].cells if table.rows else ()
    columns = tuple(c.column_label or "" for c in first)
    return TableView(name, table.title, columns, tuple(rows))


def report_view(reports: Sequence[Report], findings: Iterable[Finding]) -> ReportView:
    """The tables and the paragraphs a finding (or one of its related spans) points into,
    of each report of a file (most files hold one); the file is named by its first
    report, and a table of a later one by that report's title too."""
    spans = _spans(findings)
    tables = []
    for index, report in enumerate(reports):
        for table in report.tables():
            if _touched(table.span.start, table.span.end, spans):
                named = f"{report.title or f'第 {index + 1} 份报告'}：{table.name}"
                tables.append(_table_view(table, named if index else table.name))
    paragraphs = []
    seen: set[int] = set()
    for report in reports:
        for paragraph in [*report.preamble, *(p for s in report.sections for p in s.prose())]:
            if paragraph.span.start in seen:
                continue
            if _touched(paragraph.span.start, paragraph.span.end, spans):
                seen.add(paragraph.span.start)
                paragraphs.append(ParagraphView(paragraph.text, paragraph.span.start))
    report = reports[0]
    return ReportView(report.title, report.issuer, report.year, tuple(tables), tuple(paragraphs))
