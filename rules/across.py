"""Rules across reports: a body's report of one year against its report of the year
before. They read the reports' summaries (:mod:`gilint.summary`), grouped by issuing
body (its name from the title) and year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from gilint.findings import Finding, Severity
from gilint.rule import CorpusRule

if TYPE_CHECKING:  # the summaries come from the engine: no import at every start
    from gilint.summary import ReportSummary


def consecutive(
    summaries: Iterable[ReportSummary],
) -> Iterator[tuple[ReportSummary, ReportSummary]]:
    """(last year's, this year's) summaries of each body that has both in the run. A body
    with two reports of one year is left alone: which one counts is not known."""
    by_body: dict[str, dict[int, list[ReportSummary]]] = defaultdict(lambda: defaultdict(list))
    for summary in summaries:
        if summary.body and summary.year is not None:
            by_body[summary.body][summary.year].append(summary)
    for years in by_body.values():
        for year, found in sorted(years.items()):
            previous = years.get(year - 1)
            if previous and len(previous) == 1 and len(found) == 1:
                yield previous[0], found[0]


def _where(summary: ReportSummary, start: int) -> str:
    line, column = summary.span(start, start).line, summary.span(start, start).column
    return f"{summary.path} 第 {line} 行第 {column} 列"


class CarryOverMismatch(CorpusRule):
    """本年“上年结转”与上一年度报告的“结转下年度”不一致。

    检查内容：同一机关相邻两个年度的报告，本年度表三“二、上年结转政府信息公开申请数量”各列应等于
    上一年度表三“四、结转下年度继续办理”的对应各列。需要同一次检查中有该机关两个年度的报告。

    原因：上年结转的申请就是上一年度结转下年度继续办理的申请，两个数字不一致，至少有一份报告有误。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表三。

    示例：2023 年报告结转下年度继续办理 3 件，2024 年报告上年结转 0 件。

    修改方法：核对两份报告，改正有误的一处。
    """

    code = "GI701"
    name = "carry-over-mismatch"
    summary = "This year's 上年结转 differs from last year's 结转下年度 for the same body."
    groups_by = "body"

    def check_corpus(self, summaries: Sequence[ReportSummary]) -> Iterable[Finding]:
        for last, this in consecutive(summaries):
            before = last.rows.get(("3", "carry_forward"))
            now = this.rows.get(("3", "carried_over"))
            if before is None or now is None:
                continue
            for index, column in enumerate(now.columns):
                then, here = before.number(column), now.number(column)
                if then is None or here is None or then == here:
                    continue
                start, end = now.cell(index)
                yield self.at(
                    this,
                    start,
                    end,
                    f"表三“二、上年结转政府信息公开申请数量”“{now.labels[index]}”一栏为 {here}，"
                    f"但上一年度报告（{_where(last, before.cell(index)[0])}）"
                    f"“四、结转下年度继续办理”为 {then}",
                )
                break  # one finding per pair: the first column that differs


class InForceChain(CorpusRule):
    """本年“现行有效件数”与上一年度的数字接不上。

    检查内容：同一机关相邻两个年度的报告（2021 年修订格式），表二规章、行政规范性文件的
    “现行有效件数”应等于上一年度的现行有效件数加本年制发件数、减本年废止件数。需要同一次检查中
    有该机关两个年度的报告。

    原因：现行有效件数是逐年累计的，接不上说明某一年的数字有误（或有未说明的调整）。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表二。

    示例：2023 年现行有效 20 件，2024 年制发 3 件、废止 1 件，2024 年现行有效却为 25 件。

    修改方法：核对两份报告的数字，或在报告中说明调整的原因。
    """

    code = "GI702"
    name = "in-force-chain"
    severity = Severity.WARNING
    summary = "Last year's 现行有效 + this year's 制发 − 废止 ≠ this year's 现行有效."
    groups_by = "body"

    def check_corpus(self, summaries: Sequence[ReportSummary]) -> Iterable[Finding]:
        for last, this in consecutive(summaries):
            if "2021" not in (last.template, this.template) or last.template != this.template:
                continue
            for row_id, name in (
                ("regulations", "规章"),
                ("normative_documents", "行政规范性文件"),
            ):
                before = last.rows.get(("2.1", row_id))
                now = this.rows.get(("2.1", row_id))
                if before is None or now is None:
                    continue
                values = (
                    before.number("in_force"),
                    now.number("issued"),
                    now.number("repealed"),
                    now.number("in_force"),
                )
                if any(v is None for v in values):
                    continue
                then, issued, repealed, here = values
                expected = then + issued - repealed  # type: ignore[operator]
                if expected == here:
                    continue
                start, end = now.cell(now.columns.index("in_force"))
                yield self.at(
                    this,
                    start,
                    end,
                    f"表二“{name}”现行有效件数为 {here}，按上一年度现行有效 {then}"
                    f"（{_where(last, before.cell(before.columns.index('in_force'))[0])}）"
                    f"加本年制发 {issued}、减本年废止 {repealed}，应为 {expected}",
                )
