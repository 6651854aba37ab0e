"""Render :class:`ReportData` as report text in the layouts real extractions produce.

* ``wrapped``: pdftotext-style hard wraps, header cells and long row labels broken over
  lines, number runs broken before their last number;
* ``tabs``: cells separated by tabs, empty leading cells for merged row headers,
  half-width ordinals, Markdown bold left in the prose;
* ``markdown``: Markdown headings and pipe tables with rule rows.

The renderer records the line of every row label and the line and column of every cell
it writes, so tests can check the parser against where things really are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

from gilint.templates.model import RowSpec, TableSpec, Template
from gilint.testing import layouts
from gilint.testing.data import ReportData

Layout = Literal["wrapped", "tabs", "markdown", "web", "runs", "cells", "pipes", "ocr"]
# the layouts the renderer writes itself; the others are rewrites of one of these
# (:mod:`gilint.testing.layouts`)
BASE_LAYOUTS: tuple[Layout, ...] = ("wrapped", "tabs", "markdown")
_BASE: dict[str, Layout] = {
    "web": "tabs",
    "runs": "tabs",
    "cells": "markdown",
    "pipes": "markdown",
    "ocr": "markdown",
}
LAYOUTS: tuple[Layout, ...] = (*BASE_LAYOUTS, "web", "runs", "cells", "pipes", "ocr")
# the layouts that keep a separator between every two cells, so one changed cell is
# read as that cell (``runs`` loses them; the others keep spaces, tabs or pipes)
SEPARATED_LAYOUTS: tuple[Layout, ...] = tuple(lay for lay in LAYOUTS if lay != "runs")

_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_APPLICANT_HEADER = (
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
)
_T4_GROUPS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
_T4_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_WRAP = 38
_LABEL_WRAP = 16


@attrs.frozen(slots=True)
class Rendered:
    """Report text and where the renderer put things (1-based lines and columns)."""

    text: str
    layout: str
    rows: dict[tuple[str, str], int]
    cells: dict[tuple[str, str, str], tuple[int, int]]
    parts: dict[str, int]


@attrs.define
class _Writer:
    layout: Layout
    lines: list[str] = attrs.field(factory=list)
    rows: dict[tuple[str, str], int] = attrs.field(factory=dict)
    cells: dict[tuple[str, str, str], tuple[int, int]] = attrs.field(factory=dict)
    parts: dict[str, int] = attrs.field(factory=dict)

    # the labels the report writes in place of the format's, by "table/row"
    labels: Mapping[str, str] = attrs.field(factory=dict)

    def label(self, spec: TableSpec, row: RowSpec) -> str:
        return self.labels.get(f"{spec.id}/{row.id}", row.label or "")

    @property
    def next_line(self) -> int:
        return len(self.lines) + 1

    def add(self, text: str = "") -> int:
        self.lines.append(text)
        return len(self.lines)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def cell_line(
        self,
        table: str,
        row: str,
        spec: TableSpec,
        prefix: str,
        cells: tuple[str, ...],
        sep: str,
        suffix: str = "",
    ) -> str:
        """``prefix`` then the cells joined by ``sep``; records each cell's column."""
        line = prefix
        for i, (column, text) in enumerate(zip(spec.columns, cells, strict=False)):
            if sep == " ":
                if text == "":
                    continue  # a blank cell vanishes from pdftotext-style text
                if line:
                    line += sep
            elif i:
                line += sep
            if text:
                self.cells[(table, row, column.id)] = (self.next_line, len(line) + 1)
            line += text
        return line + suffix


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def _half(label: str) -> str:
    """Half-width ordinals as in tab-separated extractions: （一）予以公开 -> (一) 予以公开."""
    return label.replace("（", "(").replace("）", ") ", 1).replace("）", ")")


def _heading(w: _Writer, ordinal: str, text: str | None) -> None:
    """A part's heading (``None``: the report writes none)."""
    w.blank()
    if text is not None:
        w.parts[ordinal] = w.add(f"## {text}" if w.layout == "markdown" else text)
        w.blank()


def _prose(w: _Writer, paragraphs: tuple[str, ...]) -> None:
    for paragraph in paragraphs:
        if w.layout == "wrapped":
            for piece in _wrap(paragraph, _WRAP):
                w.add(piece)
        else:
            text = paragraph
            if w.layout == "tabs" and "。" in text:
                head, rest = text.split("。", 1)
                text = f"**{head}**。{rest}"
            w.add(text)
        w.blank()


def _small_table(w: _Writer, spec: TableSpec, values: dict[str, tuple[str, ...]]) -> None:
    caption = spec.caption or spec.title
    width = len(spec.columns) + 1
    if w.layout == "wrapped":
        w.add(caption)
        w.add(" ".join(("信息内容", *(c.label for c in spec.columns))))
        w.blank()
        for row in spec.data_rows:
            line = w.cell_line(spec.id, row.id, spec, w.label(spec, row), values[row.id], " ")
            w.rows[(spec.id, row.id)] = w.add(line)
            w.blank()
    elif w.layout == "tabs":
        w.add(caption + "\t" * (width - 1))
        w.add("\t".join(("信息内容", *(c.label for c in spec.columns))))
        for row in spec.data_rows:
            line = w.cell_line(
                spec.id, row.id, spec, f"{w.label(spec, row)}\t", values[row.id], "\t"
            )
            w.rows[(spec.id, row.id)] = w.add(line + "\t" * (width - 1 - len(spec.columns)))
    else:
        w.add(f"**{caption}**")
        w.blank()
        w.add("| " + " | ".join(("信息内容", *(c.label for c in spec.columns))) + " |")
        w.add("|" + " --- |" * width)
        for row in spec.data_rows:
            line = w.cell_line(
                spec.id, row.id, spec, f"| {w.label(spec, row)} | ", values[row.id], " | ", " |"
            )
            w.rows[(spec.id, row.id)] = w.add(line)
        w.blank()


def _group_of(spec: TableSpec) -> dict[str, RowSpec]:
    """For each data row, the group heading it is the first row under (if any)."""
    first: dict[str, RowSpec] = {}
    pending: RowSpec | None = None
    for row in spec.rows:
        if row.group:
            pending = row
        elif pending is not None:
            first[row.id] = pending
            pending = None
    return first


def _table3(w: _Writer, spec: TableSpec, values: dict[str, tuple[str, ...]]) -> None:
    groups = _group_of(spec)
    if w.layout == "wrapped":
        for piece in _wrap(_NOTE, 24):
            w.add(piece)
        w.blank()
        for piece in (
            "申请人情况",
            "自然\n人",
            "法人或其他组织",
            "总计商业\n企业",
            "科研\n机构",
            "社会\n公益\n组织",
            "法律\n服务\n机构",
            "其他",
        ):
            for line in piece.split("\n"):
                w.add(line)
            w.blank()
        for row in spec.rows:
            label = w.label(spec, row)
            if row.group:
                for piece in _wrap(label, 3):
                    w.add(piece)
                w.blank()
                continue
            cells = values[row.id]
            if len(label) <= _LABEL_WRAP:
                line = w.cell_line(spec.id, row.id, spec, label, cells, " ")
                w.rows[(spec.id, row.id)] = w.add(line)
            else:
                pieces = _wrap(label, _LABEL_WRAP)
                w.rows[(spec.id, row.id)] = w.add(pieces[0])
                for piece in pieces[1:]:
                    w.add(piece)
                w.blank()
                head = w.cell_line(spec.id, row.id, spec, "", cells[:-1], " ")
                w.add(head)
                last = w.cell_line(
                    spec.id,
                    row.id,
                    attrs.evolve(spec, columns=spec.columns[-1:]),
                    "",
                    cells[-1:],
                    " ",
                )
                w.add(last)
            w.blank()
        return
    if w.layout == "tabs":
        # (three label columns, as the sub-rows have: 总计 above the totals)
        w.add(f"{_half(_NOTE)}\t\t\t申请人情况\t\t\t\t\t\t总计")
        w.add("\t\t\t自然人\t法人或其他组织\t\t\t\t\t")
        w.add("\t\t\t\t" + "\t".join(_APPLICANT_HEADER[1:6]) + "\t")
    else:
        w.add(_NOTE)
        w.blank()
        w.add("| 项目 | | " + " | ".join(_APPLICANT_HEADER) + " |")
        w.add("|" + " --- |" * 9)
    for row in spec.data_rows:
        group = groups.get(row.id)
        label, group_label = w.label(spec, row), w.label(spec, group) if group else ""
        if w.layout == "tabs":
            label, group_label = _half(label), _half(group_label)
        outcome = row.id.startswith("outcome.") and row.id != "outcome.total"
        if row.id.count(".") == 2 and w.layout == "tabs":
            lead: tuple[str, ...] = ("", group_label, label)  # a sub-row under its group
        elif outcome:
            lead = (group_label, label)
        else:
            lead = (label, "")
        if w.layout == "tabs":
            line = w.cell_line(
                spec.id, row.id, spec, "\t".join(lead) + "\t", values[row.id], "\t", "\t"
            )
        else:
            line = w.cell_line(
                spec.id, row.id, spec, "| " + " | ".join(lead) + " | ", values[row.id], " | ", " |"
            )
        w.rows[(spec.id, row.id)] = w.add(line)
    w.blank()


def _table4(w: _Writer, spec: TableSpec, values: dict[str, tuple[str, ...]]) -> None:
    cells = values["cases"]
    if w.layout == "wrapped":
        w.add("行政复议 行政诉讼")
        w.blank()
        for group in range(3):
            if group == 1:
                w.add("未经复议直接起诉 复议后起诉")
                w.blank()
            for outcome in _T4_OUTCOMES:
                for piece in _wrap(outcome, 2):
                    w.add(piece)
                w.blank()
        w.rows[(spec.id, "cases")] = w.next_line
        w.add(w.cell_line(spec.id, "cases", spec, "", cells, " "))
    elif w.layout == "tabs":
        w.add("行政复议\t\t\t\t\t行政诉讼" + "\t" * 9)
        w.add("\t".join(o for o in _T4_OUTCOMES) + "\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t")
        w.add("\t" * 5 + "\t".join(_T4_OUTCOMES * 2))
        w.rows[(spec.id, "cases")] = w.next_line
        w.add(w.cell_line(spec.id, "cases", spec, "", cells, "\t"))
    else:
        header = [f"{g}{o}" for g in _T4_GROUPS for o in _T4_OUTCOMES]
        w.add("| " + " | ".join(header) + " |")
        w.add("|" + " --- |" * 15)
        w.rows[(spec.id, "cases")] = w.next_line
        w.add(w.cell_line(spec.id, "cases", spec, "| ", cells, " | ", " |"))
    w.blank()


def render(data: ReportData, layout: Layout = "wrapped") -> Rendered:
    """The report text of ``data`` in ``layout``."""
    base = _BASE.get(layout, layout)
    rendered = _render_base(data, base)
    if base == layout:
        return rendered
    return _rewritten(rendered, data, layout)


def _rewritten(rendered: Rendered, data: ReportData, layout: Layout) -> Rendered:
    how: layouts.Rewrite
    if layout in ("web", "runs"):
        how = layouts.web(data.issuer, data.year)
    elif layout == "cells":
        how = layouts.cells
    elif layout == "pipes":
        how = layouts.pipes
    else:
        how = layouts.ocr(_page_furniture)
    text, rows, cells, parts = layouts.rewrite(
        rendered.text, rendered.rows, rendered.cells, rendered.parts, how
    )
    if layout == "runs":  # then the separators between table 三's numbers go
        numbers = [
            (line, column, len(data.tables["3"][row][_column_index(data, column_id)]))
            for (table, row, column_id), (line, column) in sorted(
                cells.items(), key=lambda item: item[1]
            )
            if table == "3"
        ]
        text, rows, cells, parts = layouts.rewrite(text, rows, cells, parts, layouts.runs(numbers))
    return Rendered(text, layout, rows, cells, parts)


def _column_index(data: ReportData, column: str) -> int:
    spec = data.spec.table("3")
    assert spec is not None
    return [c.id for c in spec.columns].index(column)


def _page_furniture(page: int) -> str:
    """What a page break leaves: a page number or a running footer, in the usual forms."""
    return ("— {0} —", "- {0} -", "第 {0} 页 共 9 页")[page % 3].format(page)


def _render_base(data: ReportData, layout: Layout) -> Rendered:
    w = _Writer(layout, labels=dict(data.row_labels))
    template = data.spec
    title = f"{data.year}年政府信息公开工作年度报告"
    if layout == "wrapped":
        w.add("")
        for piece in _wrap(data.issuer + title, 24):
            w.add(piece)
        w.blank()
    elif layout == "tabs":
        w.add("")
        w.add(data.issuer)
        w.blank()
        w.add(f"{data.year} 年政府信息公开工作年度报告")
        w.blank()
        w.add(f"本报告统计数据从 {data.year} 年 1 月 1 日至 12 月 31 日。")
    else:
        w.add(f"# {data.issuer}{title}")
        w.blank()
        w.add(f"本报告统计期限为{data.year}年1月1日至12月31日。")
    for part in template.parts:
        if part.ordinal not in data.parts:
            continue
        _heading(w, part.ordinal, data.headings.get(part.ordinal, f"{part.ordinal}、{part.title}"))
        if part.ordinal == "一":
            _prose(w, _with_requirements(template, "一", data.overview))
        elif part.ordinal in data.appendix:
            _prose(w, ("本年度有关情况见附表。",))
        elif part.ordinal in ("二", "三", "四"):
            _tables(w, data, part.ordinal)
        elif part.ordinal == "五":
            _prose(w, _with_requirements(template, "五", data.problems))
        else:
            _prose(w, _with_requirements(template, part.ordinal, data.other_matters))
    if data.appendix:  # the tables after the narrative, under headings of their own
        w.blank()
        w.add("附表")
        for ordinal, heading in data.appendix.items():
            w.blank()
            w.add(f"## {heading}" if w.layout == "markdown" else heading)
            w.blank()
            _tables(w, data, ordinal)
    return Rendered("\n".join(w.lines) + "\n", layout, w.rows, w.cells, w.parts)


def _with_requirements(
    template: Template, part: str, paragraphs: tuple[str, ...]
) -> tuple[str, ...]:
    """A part's paragraphs, with a sentence for each thing the format requires the part
    to speak of that they do not (a format described as data may add requirements)."""
    text = "".join(paragraphs)
    extra = tuple(
        f"本年度{aspect.name}情况：{aspect.keywords[0]}工作已按要求完成。"
        for required, aspect in template.requirements
        if required == part and not any(k in text for k in aspect.keywords)
    )
    return (*paragraphs, *extra)


def _tables(w: _Writer, data: ReportData, part: str) -> None:
    template = data.spec
    if part == "二":
        for spec in template.tables:
            if spec.part == "二":
                _small_table(w, spec, dict(data.tables[spec.id]))
    elif part == "三":
        _table3(w, template.table("3") or _missing("3"), dict(data.tables["3"]))
    else:
        _table4(w, template.table("4") or _missing("4"), dict(data.tables["4"]))


def _missing(table_id: str) -> TableSpec:
    raise KeyError(f"template has no table {table_id}")
