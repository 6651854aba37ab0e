"""Rules on the format version: the right one for the year, and only one."""

from __future__ import annotations

from collections.abc import Iterator

from gilint.rules._support import table_name

from gilint.ast import Report
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
    checks_format = True
    summary = "A report for 2021 or later uses the 2019 tables."

    def check(self, report: Report) -> Iterator[Finding]:
        if report.year is None:
            return
        required = self.templates.for_year(report.year)
        if required is None:
            return
        # evidence that fits only formats whose time is over
        outdated = [
            e
            for e in report.template.evidence
            if all(self._ended(t, report.year) for t in e.templates)
        ]
        if not outdated:
            return
        template = self.templates.get(outdated[0].templates[0])
        assert template is not None
        markers = "、".join(dict.fromkeys(f"“{e.marker}”" for e in outdated[:3]))
        yield self.finding(
            outdated[0],
            f"{report.year} 年度报告使用了 {template.name}（{template.document}）的表格"
            f"（如{markers}），应使用 {required.name}（{required.document}）",
            related=outdated[1:4],
        )

    def _ended(self, template_id: str, year: int) -> bool:
        template = self.templates.get(template_id)
        return template is not None and template.last_year is not None and template.last_year < year


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
    checks_format = True
    summary = "Tables of different format versions in one report."

    def check(self, report: Report) -> Iterator[Finding]:
        main = report.template.id
        if main is None or report.template.basis == "config":
            return
        names = {t.id: t.name for t in self.templates.templates}
        for table in report.tables():
            # a table none of whose own evidence fits the report's format is of another one
            if table.evidence and not any(e.fits(main) for e in table.evidence):
                other = self.templates.best(e.templates for e in table.evidence)
                yield self.finding(
                    table.evidence[0],
                    f"{table_name(table)}使用 {names.get(other or '', other)}，"
                    f"而报告其他表格使用 {names.get(main, main)}",
                )


class UnknownReportYear(Rule):
    """无法确定报告年度。

    检查内容：能否从标题（“……2024年政府信息公开工作年度报告”，年份也可写作“二〇二四年”）
    或统计期限（“统计期限为2024年1月1日至12月31日”）找到报告年度。

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


class ReportBeforeFormats(Rule):
    """报告年度早于格式施行。

    检查内容：报告年度（标题或统计期限所写）早于 gilint 所知最早的格式版本适用的年度（国家格式
    适用于 2019 年起的年度报告），报告中也没有按任何格式版本填写的统计表时，按格式进行的检查
    （组成部分、统计表、信息处理费说明等）不运行，本提示列出未运行的规则。

    原因：此前的年度报告按当时的要求编写，组成部分和统计表与现行格式不同，按现行格式检查只会
    得出不成立的结论。

    依据：《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）。

    示例：“示例市人民政府2017年政府信息公开工作年度报告”，分为概述、主动公开政府信息情况等七个部分。

    修改方法：无需修改；若该报告确应按某一格式版本检查，可在配置中用 template 指定。
    """

    code = "GI304"
    name = "report-before-formats"
    severity = Severity.INFO
    summary = (
        "The report's year comes before every format version known,"
        " so the rules that check a format did not run."
    )

    def check(self, report: Report) -> Iterator[Finding]:
        return iter(())  # the engine says so, naming the rules it did not run
