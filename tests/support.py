"""Helpers shared by the tests: node walks, span assertions, running the command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from gilint.ast import Report, Table
from gilint.span import LineIndex, Span


def run_gilint(
    *args: str,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m gilint ARGS`` as a user runs it, without colours; output read as UTF-8
    whatever the locale. ``env`` adds to (or overrides) the inherited environment."""
    result = subprocess.run(
        [sys.executable, "-m", "gilint", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


def _table_nodes(table: Table) -> Iterator[tuple[str, str | None, Span]]:
    yield "table", None, table.span
    if table.caption:
        yield "caption", table.caption.text, table.caption.span
    for piece in table.texts:
        yield "table-text", piece.text, piece.span
    for evidence in table.evidence:
        yield "evidence", None, evidence.span
    for row in table.rows:
        yield "row", None, row.span
        if row.label is not None and row.label_span is not None:
            yield "row-label", row.label, row.label_span
        for cell in (*row.cells, *row.extra):
            if cell.raw:
                yield "cell", cell.raw, cell.span


def nodes(report: Report) -> Iterator[tuple[str, str | None, Span]]:
    """(kind, text the node claims, span) for every node of the report."""
    yield "report", report.source, report.span
    if report.title_span:
        yield "title", None, report.title_span
    for paragraph in report.preamble:
        yield "paragraph", paragraph.text, paragraph.span
    subsections = list(report.preamble_subsections)
    for table in report.preamble_tables:
        yield from _table_nodes(table)
    for section in report.sections:
        yield "section", None, section.span
        yield "heading", section.heading.text, section.heading.span
        yield "heading-title", section.heading.title, section.heading.title_span
        for paragraph in section.paragraphs:
            yield "paragraph", paragraph.text, paragraph.span
        for table in section.tables:
            yield from _table_nodes(table)
        subsections.extend(section.subsections)
    for sub in subsections:
        yield "subsection", None, sub.span
        yield "subheading", sub.heading.text, sub.heading.span
        for paragraph in sub.paragraphs:
            yield "paragraph", paragraph.text, paragraph.span
        for table in sub.tables:
            yield from _table_nodes(table)
    for mention in (report.title_year, report.period_year):
        if mention:
            yield "year", str(mention.year), mention.span
    for diagnostic in report.diagnostics:
        yield "diagnostic", None, diagnostic.span


def assert_spans(report: Report) -> int:
    """Every span is well formed, its line/column agree with its offsets, and the text
    under it is the text its node claims. Returns the number of nodes checked."""
    index = LineIndex(report.source)
    count = 0
    for kind, text, span in nodes(report):
        assert 0 <= span.start <= span.end <= len(report.source), (kind, span)
        assert (span.line, span.column) == index.locate(span.start), (kind, span)
        assert (span.end_line, span.end_column) == index.locate(span.end), (kind, span)
        if text is not None:
            assert report.source[span.start : span.end] == text, (kind, text, span)
        count += 1
    return count
