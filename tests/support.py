"""Helpers shared by the tests: node walks, span assertions, running the command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from gilint.ast import Cell, Heading, Paragraph, Report, Row, Section, Subsection, Table
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


def _claims(node: object) -> Iterator[tuple[str, str | None, Span]]:
    """What one node of the tree says of the text: its kind, the text it claims (None
    when it claims none) and its span; a node's parts with spans of their own too."""
    if isinstance(node, Paragraph):
        yield "paragraph", node.text, node.span
    elif isinstance(node, Heading):
        yield "heading", node.text, node.span
        yield "heading-title", node.title, node.title_span
    elif isinstance(node, (Section, Subsection)):
        yield type(node).__name__.lower(), None, node.span
    elif isinstance(node, Table):
        yield "table", None, node.span
        if node.caption:
            yield "caption", node.caption.text, node.caption.span
        for piece in node.texts:
            yield "table-text", piece.text, piece.span
        for evidence in node.evidence:
            yield "evidence", None, evidence.span
    elif isinstance(node, Row):
        yield "row", None, node.span
        if node.label is not None and node.label_span is not None:
            yield "row-label", node.label, node.label_span
        for cell in node.extra:
            yield "cell", cell.raw or None, cell.span
    elif isinstance(node, Cell):
        yield "cell", node.raw or None, node.span


def nodes(report: Report) -> Iterator[tuple[str, str | None, Span]]:
    """(kind, text the node claims, span) for every node of the report, by the same
    walk rules and plugins use (``Report.walk``)."""
    yield "report", report.source, report.span
    if report.title_span:
        yield "title", None, report.title_span
    for visit in report.walk():
        yield from _claims(visit.node)
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
