"""The province's house rules. Codes use the plugin's own prefix, XA, so they can never
collide with gilint's GI codes or another plugin's."""

from __future__ import annotations

import re
from collections.abc import Iterator

import gilint

_PHONE = re.compile(r"\d{3,4}-?\d{7,8}|1\d{10}")
_CONTACT = ("联系电话", "咨询电话", "联系方式", "联系人")


class MissingContactInformation(gilint.Rule):
    """报告开头未写明咨询联系方式。

    检查内容：报告在第一部分之前（标题之后的导语中）是否写明了咨询联系方式：
    “联系电话”“咨询电话”等字样和一个电话号码。

    原因：本省要求公众能从报告开头直接找到咨询渠道。

    依据：示例省政务公开办公室《关于做好政府信息公开工作年度报告编制工作的通知》。

    示例：标题之后直接是“一、总体情况”，没有导语。

    修改方法：在第一部分之前写明“如对本报告有疑问，请联系本机关办公室，联系电话：……”。
    """

    code = "XA001"
    name = "missing-contact-information"
    severity = gilint.Severity.WARNING
    summary = "The report gives no contact telephone number before part 一."

    def check(self, report: gilint.Report) -> Iterator[gilint.Finding]:
        # Every paragraph before part 一, wherever it stands: the preamble's own and
        # those of its subsections (a walk, not a loop over report.preamble, which
        # holds the first kind only).
        for visit in report.walk(rows=False):
            if not isinstance(visit.node, gilint.Paragraph) or visit.section is not None:
                continue
            text = visit.node.compact
            if any(word in text for word in _CONTACT) and _PHONE.search(text):
                return
        anchor = report.title_span or (report.sections[0].heading.span if report.sections else None)
        if anchor is not None:
            yield self.finding(
                anchor,
                "报告开头未写明咨询联系方式（联系电话）",
                suggestion="如对本报告有疑问，请联系本机关办公室，联系电话：……",
            )


class ProblemsWithoutImprovements(gilint.Rule):
    """第五部分未分别写明存在的问题和改进情况。

    检查内容：第五部分“存在的主要问题及改进情况”是否有写问题的小节和写改进措施的小节，
    如“（一）存在的主要问题”“（二）改进情况”。

    原因：本省要求问题与改进一一对应，分节书写便于核对整改是否落实。

    依据：示例省政务公开办公室《关于做好政府信息公开工作年度报告编制工作的通知》。

    示例：第五部分只有一段“工作中还存在一些不足，今后将继续改进”。

    修改方法：分为“（一）存在的主要问题”和“（二）改进情况”两节撰写。
    """

    code = "XA002"
    name = "problems-without-improvements"
    summary = "Part 五 lacks a subsection on problems or one on improvements."

    def check(self, report: gilint.Report) -> Iterator[gilint.Finding]:
        section = report.section("五")
        if section is None:
            return  # gilint's own GI101 reports a missing part
        titles = [sub.title for sub in section.subsections]
        missing = []
        if not any("问题" in t for t in titles):
            missing.append("存在的主要问题")
        if not any("改进" in t or "措施" in t for t in titles):
            missing.append("改进情况")
        if missing:
            yield self.finding(
                section.heading,
                f"第五部分缺少“{'”“'.join(missing)}”小节",
                suggestion="分为“（一）存在的主要问题”和“（二）改进情况”两节撰写",
            )


RULES: tuple[type[gilint.Rule], ...] = (MissingContactInformation, ProblemsWithoutImprovements)
