"""What rules across reports need of one report: a small summary, not its tree.

A run over a province keeps one summary per report in memory (a few kilobytes: a few
table rows, the prose of parts 一 and 五 when a rule reads it, and where each line starts
as an array of 4-byte offsets, so findings can still point at exact lines and columns:
with tuples of Python integers for these, a run over 10 000 reports peaked at 166 MB,
with arrays at 89 MB); rules across reports (``gilint_corpus_rules``) read these.
"""

from __future__ import annotations

from array import array

import attrs

from gilint.ast import Number, Report, Row
from gilint.span import LineIndex, Span

# the table rows rules across years compare: (table, row)
ROWS = (
    ("3", "carried_over"),
    ("3", "carry_forward"),
    ("2.1", "regulations"),
    ("2.1", "normative_documents"),
)
PROSE_PARTS = ("一", "五")


@attrs.frozen(slots=True)
class RowSummary:
    label: str
    label_span: tuple[int, int]
    columns: tuple[str, ...]
    labels: tuple[str, ...]  # the columns' labels in the format (自然人 …)
    numbers: tuple[Number | None, ...]
    # each column's cell span, flat: start and end of the first cell, then of the next …
    # (an array of offsets, not a tuple of pairs of Python integers: see the module)
    cell_offsets: array[int]

    def number(self, column: str) -> Number | None:
        return self.numbers[self.columns.index(column)] if column in self.columns else None

    def cell(self, index: int) -> tuple[int, int]:
        """The span (start, end) of the cell in column ``index``."""
        return self.cell_offsets[2 * index], self.cell_offsets[2 * index + 1]


@attrs.frozen(slots=True)
class ParagraphSummary:
    part: str
    text: str
    start: int
    end: int


@attrs.frozen(slots=True)
class ReportSummary:
    path: str
    body: str
    year: int | None
    template: str | None
    rows: dict[tuple[str, str], RowSummary]
    paragraphs: tuple[ParagraphSummary, ...]  # empty unless a rule reads prose
    line_starts: array[int]  # typecode "I": offsets up to 4 GiB, far above MAX_BYTES
    length: int

    def span(self, start: int, end: int) -> Span:
        """A span of this report's text, with its lines and columns."""
        return LineIndex.from_starts(self.line_starts, self.length).span(start, end)


def _row(row: Row) -> RowSummary:
    label = row.label_span or row.span
    places = row.cell_places()  # (no Cell is built for a summary)
    return RowSummary(
        row.template_label or row.label or "",
        (label.start, label.end),
        row.columns,
        tuple(name for name, _ in places),
        row.numbers,
        array("I", [offset for _, span in places for offset in (span.start, span.end)]),
    )


def summarise(report: Report, path: str, prose: bool = True) -> ReportSummary:
    """The summary of ``report``; its prose only with ``prose`` (a rule reads it,
    :attr:`gilint.rule.CorpusRule.reads_prose`)."""
    rows = {}
    for table_id, row_id in ROWS:
        table = report.table(table_id)
        row = table.row(row_id) if table is not None else None
        if row is not None:
            rows[(table_id, row_id)] = _row(row)
    paragraphs = tuple(
        ParagraphSummary(section.part or "", p.text, p.span.start, p.span.end)
        for section in (report.sections if prose else ())
        if section.part in PROSE_PARTS
        for p in section.paragraphs
    )
    index = report.span.line_index
    return ReportSummary(
        path=path,
        body="".join((report.issuer or "").split()),
        year=report.year,
        template=report.template.id,
        rows=rows,
        paragraphs=paragraphs,
        line_starts=array("I", index.starts()),
        length=index.length,
    )
