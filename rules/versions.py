"""Rules on the format version: the right one for the year, and only one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from gilint.rules._support import table_name

from gilint.ast import Report, Table
from gilint.findings import Finding, Severity
from gilint.rule import Rule


class OutdatedTemplate(Rule):
    """使用了过时的格式版本。

    检查内容：2021 年及以后的年度报告是否仍在使用 2019 年试行格式的表格。判断依据是只有
    2019 年格式才有的表头和行名，如“本年新制作数量”“上一年项目数量”“其他对外管理服务事项”
    “第二十条第（九）项”。

    原因：自 2021 年度报告起，应使用国务院办公厅政府信息与政务公开办公室 2021 年 9 月
    印发的修订格式；继续使用旧表格会漏报新格式要求的数据（如行政规范性文件的废止件数、
    “其他处理”的细分情形）。

    依据：《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作
    年度报告格式〉的通知》（国办公开办函〔2021〕30号）。

    示例：2023 年度报告第二部分的表头为“本年新制作数量、本年新公开数量、对外公开总数量”。

    修改方法：按 2021 年修订格式重新制作第二、三、四部分的统计表。
    """

    code = "GI301"
    name = "outdated-template"
    summary = "A report for 2021 or later uses the 2019 tables."

    def check(self, report: Report) -> Iterator[Finding]:
        if report.year is None:
            return
        required = self.templates.for_year(report.year)
        outdated = []
        for evidence in report.template.evidence:
            template = self.templates.get(evidence.template)
            if (
                template is not None
                and template.last_year is not None
                and template.last_year < report.year
            ):
                outdated.append((evidence, template))
        if not outdated or required is None:
            return
        evidence, template = outdated[0]
        markers = "、".join(dict.fromkeys(f"“{e.marker}”" for e, _ in outdated[:3]))
        yield self.finding(
            evidence,
            f"{report.year} 年度报告使用了 {template.name}（{template.document}）的表格"
            f"（如{markers}），应使用 {required.name}（{required.document}）",
            related=[e for e, _ in outdated[1:4]],
        )


def _version(table: Table) -> str | None:
    counts = Counter(e.template for e in table.evidence)
    if not counts:
        return None
    best = max(counts.values())
    leaders = sorted(t for t, n in counts.items() if n == best)
    return leaders[-1] if len(leaders) == 1 else None


class MixedTemplate(Rule):
    """一份报告混用了不同版本格式的表格。

    检查内容：各统计表本身的表头和行名所属的格式版本是否一致。

    原因：新旧格式的统计口径不同，混用会使数据前后矛盾、无法汇总。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：第二部分用 2019 年格式的“本年新制作数量”，第三部分用 2021 年格式细分的
    “（六）其他处理”。

    修改方法：所有统计表统一使用报告年度适用的格式。
    """

    code = "GI302"
    name = "mixed-template"
    summary = "Tables of different format versions in one report."

    def check(self, report: Report) -> Iterator[Finding]:
        versions = [(t, v) for t in report.tables() if (v := _version(t)) is not None]
        counts = Counter(v for _, v in versions)
        if len(counts) < 2:
            return
        majority = (
            report.template.id if report.template.id in counts else counts.most_common(1)[0][0]
        )
        names = {t.id: t.name for t in self.templates.templates}
        for table, version in versions:
            if version != majority:
                yield self.finding(
                    table.evidence[0],
                    f"{table_name(table)}使用 {names.get(version, version)}，"
                    f"而报告其他表格使用 {names.get(majority, majority)}",
                )


class UnknownReportYear(Rule):
    """无法确定报告年度。

    检查内容：能否从标题（“……2024年政府信息公开工作年度报告”）或统计期限
    （“统计期限为2024年1月1日至12月31日”）找到报告年度。

    原因：年度决定了适用的格式版本和信息处理费等要求；找不到年度时，这些检查无法进行。

    依据：《中华人民共和国政府信息公开条例》第五十条。

    示例：标题为“政府信息公开工作年度报告”，正文也没有写统计期限。

    修改方法：在标题中写明年度，并在报告开头说明统计期限。
    """

    code = "GI303"
    name = "unknown-report-year"
    severity = Severity.INFO
    summary = "The report year cannot be found, so year-dependent rules did not run."

    def check(self, report: Report) -> Iterator[Finding]:
        if report.year is None and report.sections:
            where = report.title_span or report.sections[0].heading.span
            yield self.finding(
                where,
                "未能从标题或统计期限中找到报告年度，与年度有关的检查（格式版本等）未运行",
            )
