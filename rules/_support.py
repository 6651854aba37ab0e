"""What several built-in rules need: names users recognise, and the governing format."""

from __future__ import annotations

import bisect

from gilint.ast import Report, Row, Section, Table
from gilint.span import Span
from gilint.templates.model import TableSpec, Template, TemplateSet

PART_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}


def part_number(part: str | None) -> int:
    return PART_NUMBERS.get(part or "", 0)


def part_name(part: str, templates: TemplateSet) -> str:
    spec = templates.parts[part_number(part) - 1] if part_number(part) else None
    return f"第{part}部分“{spec.title}”" if spec else f"第{part}部分"


def required_template(report: Report, templates: TemplateSet) -> Template | None:
    """The format the report must follow: the configured one; else the one governing
    its year; when the year is unknown, the one its tables were read with."""
    if report.template.basis == "config" and report.template.id:
        return templates.get(report.template.id)
    if report.year is not None:
        return templates.for_year(report.year)
    return templates.get(report.template.id) if report.template.id else None


def table_spec(table: Table, templates: TemplateSet) -> TableSpec | None:
    if table.id is None or table.template is None:
        return None
    return templates.table_spec(table.template, table.id)


def table_name(table: Table) -> str:
    return table.name


def row_name(row: Row) -> str:
    label = row.template_label or (row.label or "").replace("\n", "")
    return quoted_label(label)


def quoted_label(label: str | None) -> str:
    """A row's label as messages quote it; a row the format gives no label (table 四's
    numbers) named as such, not by its id."""
    return f"“{label}”" if label else "（无行标签的数字行）"


def row_span(row: Row) -> Span:
    """Where a finding about a row points: its label, on the row's own line."""
    return row.label_span or row.span


def section_text(section: Section) -> str:
    """The section's prose as one key (no spaces or line breaks)."""
    return "".join(p.compact for p in section.prose())


def stretch(report: Report, start: int, end: int | None = None) -> Span:
    """The text from ``start`` to ``end`` (the end of the report by default): where
    something a rule finds missing would stand (``Rule.finding(missing_from=…)``)."""
    lines = report.span.line_index  # the report's own: built once, not per finding
    return lines.span(start, report.span.end if end is None else end)


def part_stretch(report: Report, section: Section) -> Span:
    """A part's stretch of the text: from its heading to the next part's, with what
    stands between its last paragraph and that heading (an image, say). Found by
    bisection: a rule may ask it of every part, and a text may hold thousands."""
    sections = report.sections  # in text order
    after = bisect.bisect_right(sections, section.span.start, key=lambda s: s.span.start)
    end = sections[after].span.start if after < len(sections) else None
    return stretch(report, section.span.start, end)
