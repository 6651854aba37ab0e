"""Rules on the report year."""

from __future__ import annotations

from collections.abc import Iterator

from gilint.ast import Report
from gilint.findings import Finding
from gilint.rule import Rule


class ReportYearMismatch(Rule):
    """标题年度与统计期限不一致。

    检查内容：标题中的年度（“……2024年政府信息公开工作年度报告”）与统计期限中的年度
    （“统计期限为2024年1月1日至12月31日”）是否一致。

    原因：两者不一致，通常是沿用上一年报告时漏改了一处，读者无法判断报告的是哪一年。

    依据：《中华人民共和国政府信息公开条例》第四十九条、第五十条。

    示例：标题为“2024年政府信息公开工作年度报告”，统计期限却写“2023年1月1日至12月31日”。

    修改方法：改正错误的年度。
    """

    code = "GI501"
    name = "report-year-mismatch"
    summary = "The title's year and the statistics period disagree."

    def check(self, report: Report) -> Iterator[Finding]:
        title, period = report.title_year, report.period_year
        if title is None or period is None or title.year == period.year:
            return
        yield self.finding(
            period,
            f"统计期限为 {period.year} 年，但标题中的年度为 {title.year} 年",
            related=[title],
            suggestion=str(title.year),
        )
