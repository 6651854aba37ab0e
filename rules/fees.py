"""Rules on 信息处理费 (information processing fees) in part 六."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gilint.rules._support import part_stretch, required_template

from gilint.ast import Heading, Paragraph, Report, Section
from gilint.findings import Finding, Severity
from gilint.rule import Rule
from gilint.templates.model import Template

FEE = "信息处理费"
# The fee by its name, as reports write it: 信息处理费, 信息公开处理费, 政府信息公开处理费
# (and 信息处理费用, which holds the name).
_FEE_NAME = re.compile(r"信息(?:公开)?处理费")
_FEE_WORDS = re.compile(r"收费|收取.{0,6}费|费用|缴费|处理费")
# The format's own account of the fee, which need not name it: 发出收费通知的件数和总金额
# 以及实际收取的总金额 (the notices are the fee's). Read in the fee part only: table 三's
# label 逾期未按收费通知要求缴纳费用 says nothing of what was collected.
_FEE_ACCOUNT = re.compile(r"收费通知的?件数")


def _fee_part(template: Template) -> str:
    """The part that must state the fees (part 六 in the national formats)."""
    return template.part_with("fees") or "六"


def _fee_statement(report: Report, part: str) -> tuple[bool, object | None]:
    """(the fee part names 信息处理费, the paragraph that speaks of fees in other words).
    The part's heading counts: a statement run into a title in other words with no
    space, "六、其他事项本年度未收取信息处理费。", is read as part of the title (where the
    title ends cannot be told)."""
    section = report.section(part)
    vague = None
    if section is None:
        return False, None
    for paragraph in (section.heading, *section.prose()):
        text = paragraph.compact
        if _FEE_NAME.search(text) or _FEE_ACCOUNT.search(text):
            return True, None
        if vague is None and _FEE_WORDS.search(text):
            vague = paragraph
    return False, vague


def _named_elsewhere(report: Report, part: str) -> tuple[Section, Paragraph | Heading] | None:
    """The first piece of another part's prose that names the fee, with its part: the
    statement made, in the wrong place."""
    for section in report.sections:
        if section.part == part:
            continue
        for piece in section.prose():
            if _FEE_NAME.search(piece.compact):
                return section, piece
    return None


class MissingFeeStatement(Rule):
    """第六部分未说明信息处理费收取情况。

    检查内容：2021 年及以后的年度报告，第六部分“其他需要报告的事项”是否说明了本年度是否收取、
    收取多少信息处理费（写明信息处理费，或按格式写“发出收费通知的件数和总金额以及实际收取的
    总金额”）。

    原因：《政府信息公开信息处理费管理办法》自 2021 年 1 月 1 日起施行，2021 年修订的年度报告格式
    要求在第六部分报告信息处理费的收取情况；没有收取的也应明确说明。

    依据：《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）；《中华人民共和国政府信息公开
    工作年度报告格式》（国办公开办函〔2021〕30号）。2019、2020 年度报告无此要求。

    示例：第六部分只写“本年度没有其他需要报告的事项。”

    报告在其他部分（如总体情况）提到了信息处理费、第六部分却没有时，报的是警告：说明有了，只是
    不在格式规定的位置。

    修改方法：在第六部分写明，如“本年度未收取信息处理费。”或“本年度共收取信息处理费 X 元。”
    """

    code = "GI401"
    concludes_from_absence = True
    name = "missing-fee-statement"
    checks_format = True
    summary = "Part 六 of a 2021-format report does not say whether 信息处理费 was collected."

    def check(self, report: Report) -> Iterator[Finding]:
        template = required_template(report, self.templates)
        if template is None or not template.requires_fee_statement:
            return
        section = report.section(_fee_part(template))
        if section is None:
            return
        named, vague = _fee_statement(report, _fee_part(template))
        if named or vague is not None:
            return
        elsewhere = _named_elsewhere(report, _fee_part(template))
        if elsewhere is not None:
            where, piece = elsewhere
            named_in = f"第{where.part}部分" if where.part else "其他部分"
            yield self.finding(
                section.heading,
                f"第六部分未说明信息处理费的收取情况；{named_in}提到了信息处理费，"
                f"{template.name}要求在第六部分说明",
                suggestion="把信息处理费的收取情况写在第六部分",
                related=(piece,),
                severity=Severity.WARNING,
                missing_from=part_stretch(report, section),
            )
        else:
            yield self.finding(
                section.heading,
                f"第六部分未说明本年度信息处理费的收取情况（{template.name}要求报告）",
                suggestion="写明“本年度未收取信息处理费。”或实际收取的金额",
                missing_from=part_stretch(report, section),
            )


class VagueFeeStatement(Rule):
    """第六部分提到收费但未明确信息处理费。

    检查内容：第六部分谈到了收费（如“不存在收费情况”），却没有出现“信息处理费”一词。

    原因：“信息处理费”是《政府信息公开信息处理费管理办法》规定的特定费用，笼统地说“收费”
    无法判断报告的是哪一种费用。

    依据：《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）。

    示例：“我单位本年度政务公开工作不存在收费情况。”

    修改方法：改为“本年度未收取信息处理费。”或写明收取的金额。
    """

    code = "GI402"
    concludes_from_absence = True
    name = "vague-fee-statement"
    checks_format = True
    severity = Severity.WARNING
    summary = "Part 六 speaks of fees but never of 信息处理费."

    def check(self, report: Report) -> Iterator[Finding]:
        template = required_template(report, self.templates)
        if template is None or not template.requires_fee_statement:
            return
        named, vague = _fee_statement(report, _fee_part(template))
        section = report.section(_fee_part(template))
        if not named and vague is not None and section is not None:
            yield self.finding(
                vague,  # type: ignore[arg-type]
                "第六部分提到了收费，但未明确说明“信息处理费”的收取情况",
                suggestion="本年度未收取信息处理费。",
                missing_from=part_stretch(report, section),
            )
