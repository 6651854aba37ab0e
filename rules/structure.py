"""Rules on the report's parts: present, in order, once, titled as the format says."""

from __future__ import annotations

from collections.abc import Iterator

from gilint.rules._support import (
    part_name,
    part_number,
    part_stretch,
    quoted_label,
    required_template,
    row_name,
    section_text,
    stretch,
    table_name,
    table_spec,
)

from gilint.ast import CellStatus, Report, Section, Table
from gilint.findings import Finding, Severity
from gilint.labels import key, numeral_value
from gilint.rule import Rule
from gilint.span import Span
from gilint.templates.model import TableSpec, TemplateSet

_EMPTY_WORDS = {"无", "暂无", "没有", "无此项", "无相关情况"}
_END_PUNCTUATION = "。.,，;；:：!！"


def _short_prose(section: Section) -> str | None:
    """The section's prose as a key without end punctuation, when it is no longer than
    the longest of ``_EMPTY_WORDS`` ("" for none at all); None for longer prose.

    Keys are built paragraph by paragraph and the answer is None as soon as the text is
    longer than every empty word: text only grows, so most sections need one key."""
    longest = max(map(len, _EMPTY_WORDS))
    text = ""
    for piece in section.prose():
        text += piece.compact
        if len(text.strip(_END_PUNCTUATION)) > longest:
            return None
    return text.strip(_END_PUNCTUATION)


def _last_line(report: Report) -> Span:
    """The report's last line (a file's, or the first report's of a file of several)."""
    text = report.source[: report.span.end].rstrip()
    start = text.rfind("\n") + 1
    return report.span.line_index.span(start, len(text))


class MissingSection(Rule):
    """缺少组成部分。

    检查内容：报告是否包含格式规定的全部六个部分：一、总体情况；二、主动公开政府信息情况；
    三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；
    五、存在的主要问题及改进情况；六、其他需要报告的事项。

    原因：年度报告的内容由条例规定，缺少任何一部分，公众就无从了解相应情况。

    依据：《中华人民共和国政府信息公开条例》第五十条；《中华人民共和国政府信息公开工作年度
    报告格式》（国办公开办函〔2021〕30号）。

    示例：报告写完第三部分的申请情况表后直接进入“五、存在的主要问题及改进情况”，
    缺少第四部分。

    修改方法：按格式补写缺少的部分；没有发生相关情况的，也应保留该部分并如实填写（如表格填 0）。
    """

    code = "GI101"
    concludes_from_absence = True
    name = "missing-section"
    checks_format = True
    summary = "One of the six parts of the report is missing."

    def check(self, report: Report) -> Iterator[Finding]:
        if not report.sections:
            return  # not a report at all: GI902 says so once
        present = {s.part for s in report.sections}
        for spec in self.templates.parts:
            if spec.ordinal in present:
                continue
            number = part_number(spec.ordinal)
            later = [s for s in report.sections if part_number(s.part) > number]
            earlier = [s for s in report.sections if part_number(s.part) < number]
            where = later[0].heading.span if later else _last_line(report)
            # it would stand after the part before it, up to the heading of the next
            yield self.finding(
                where,
                f"缺少{part_name(spec.ordinal, self.templates)}",
                missing_from=stretch(
                    report,
                    earlier[-1].span.start if earlier else 0,
                    later[0].span.start if later else None,
                ),
                suggestion=f"在此之前补写“{spec.ordinal}、{spec.title}”"
                if later
                else f"在报告末尾补写“{spec.ordinal}、{spec.title}”",
            )


class SectionOrder(Rule):
    """组成部分顺序或序号错误。

    检查内容：六个部分是否按一至六的顺序出现，且每部分标题前的序号与其内容相符。

    原因：格式规定了各部分的顺序和序号；顺序或序号错乱会使读者和统计汇总工具找错内容。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：“五、存在的主要问题及改进情况”写在“六、其他需要报告的事项”之后；
    或把“存在的主要问题及改进情况”编号为“七”。

    修改方法：按格式的顺序排列各部分，并使用格式规定的序号。
    """

    code = "GI102"
    name = "section-order"
    checks_format = True
    summary = "Parts are out of order or carry the wrong ordinal."

    def check(self, report: Report) -> Iterator[Finding]:
        highest = 0
        highest_part = ""
        for section in report.sections:
            if section.part is None or section.continued:
                continue  # a continuation numbers the tables after the narrative its own way
            number = part_number(section.part)
            if (
                section.ordinal
                and section.title_recognised
                and numeral_value(section.ordinal) != number
            ):
                spec = self.templates.parts[number - 1]
                yield self.finding(
                    section.heading,
                    f"标题为“{section.title}”的部分是{part_name(section.part, self.templates)}，"
                    f"但序号写作“{section.ordinal}”",
                    suggestion=f"{spec.ordinal}、{spec.title}",
                )
            elif number < highest:
                yield self.finding(
                    section.heading,
                    f"{part_name(section.part, self.templates)}出现在第{highest_part}部分之后，"
                    "应按一至六的顺序排列",
                )
            if number > highest:
                highest, highest_part = number, section.part


class DuplicateSection(Rule):
    """组成部分重复出现。

    检查内容：同一部分是否出现了不止一次。

    原因：重复的部分往往是复制粘贴的遗留，两处内容不一致时读者无法判断以哪处为准。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：报告末尾又出现一次“六、其他需要报告的事项”。

    修改方法：合并重复的部分，只保留一处。
    """

    code = "GI103"
    name = "duplicate-section"
    checks_format = True
    summary = "A part of the report appears more than once."

    def check(self, report: Report) -> Iterator[Finding]:
        first: dict[str, Span] = {}
        for section in report.sections:
            if section.part is None or section.continued:
                continue
            if section.part in first:
                yield self.finding(
                    section.heading,
                    f"{part_name(section.part, self.templates)}重复出现"
                    f"（第一次在第 {first[section.part].line} 行）",
                    related=[first[section.part]],
                )
            else:
                first[section.part] = section.heading.span


class NonstandardSectionTitle(Rule):
    """组成部分标题与格式不一致。

    检查内容：各部分标题是否与格式规定的标题一致（忽略空格与全角、半角之别），是否有序号，
    序号是否用格式规定的汉字数字（“五、”，而不是“5.”）。几个部分都缺少序号，或都用阿拉伯数字的，
    合为一条（其余各部分的标题列为相关位置）。

    原因：统一的标题便于公众查找和上级机关汇总；改写的标题也常常意味着内容偏离了格式要求。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：“五、存在问题及改进情况”应为“五、存在的主要问题及改进情况”；“5.存在的主要问题及改进情况”
    应为“五、存在的主要问题及改进情况”。

    修改方法：使用格式规定的标题原文。
    """

    code = "GI104"
    name = "nonstandard-section-title"
    checks_format = True
    severity = Severity.WARNING
    summary = "A part's title deviates from the title the format prescribes."

    def __init__(self, templates: TemplateSet | None = None) -> None:
        super().__init__(templates)
        self._standard_keys = {p.ordinal: key(p.title) for p in self.templates.parts}

    def check(self, report: Report) -> Iterator[Finding]:
        arabic: list[Section] = []  # the parts numbered in Arabic numerals ("5.")
        unnumbered: list[Section] = []  # and those with no number
        for section in report.sections:
            if section.part is None:
                continue
            spec = self.templates.parts[part_number(section.part) - 1]
            standard = f"{spec.ordinal}、{spec.title}"
            if section.headless:
                yield self.finding(
                    section.heading,
                    f"{part_name(section.part, self.templates)}没有标题，直接从其下的各小节开始",
                    suggestion=standard,
                )
            elif section.ordinal is None:
                if not section.continued:  # (a continuation's heading is its table's title)
                    unnumbered.append(section)
            elif section.ordinal.isascii():
                arabic.append(section)
            elif key(section.title) != self._standard_keys[spec.ordinal]:
                yield self.finding(
                    section.heading.title_span,
                    f"{part_name(section.part, self.templates)}的标题写作“{section.title}”，"
                    f"与格式规定的“{spec.title}”不一致",
                    suggestion=spec.title,
                )
        if unnumbered:
            yield self._numbering(unnumbered)
        if arabic:
            yield self._numbering(arabic)

    def _numbering(self, sections: list[Section]) -> Finding:
        """One finding for the parts whose headings have no number, or one in Arabic
        numerals: a report that numbers one part so numbers them all so (or lost all
        its numbers in a copy), and six findings of one habit would bury the rest."""
        first = sections[0]
        assert first.part is not None
        spec = self.templates.parts[part_number(first.part) - 1]
        if len(sections) == 1:
            if first.ordinal is None:
                said = "的标题缺少序号"
            else:
                said = f"的序号写作“{first.ordinal}”，格式规定用“{spec.ordinal}、”"
            return self.finding(
                first.heading,
                f"{part_name(first.part, self.templates)}{said}",
                suggestion=f"{spec.ordinal}、{spec.title}",
            )
        parts = "第" + "、".join(s.part or "" for s in sections) + "部分"
        if first.ordinal is None:
            said = "的标题缺少序号，格式规定用“一、”“二、”等汉字数字编号"
        else:
            written = "”“".join(dict.fromkeys(s.ordinal or "" for s in sections))
            said = f"的序号用了阿拉伯数字（写作“{written}”），格式规定用“一、”“二、”等汉字数字"
        return self.finding(first.heading, parts + said, related=[s.heading for s in sections[1:]])


class MissingOverviewAspect(Rule):
    """总体情况未涵盖规定的方面。

    检查内容：2021 年格式要求“总体情况”涵盖五个方面：主动公开、依申请公开、
    政府信息管理、政府信息公开平台建设、监督保障（含工作考核、社会评议、责任追究结果）。
    本规则查看第一部分是否提到每个方面，换了说法的也算提到（“政府信息资源管理”“网站集约化建设”“考核监督”）。

    原因：总体情况是读者了解全年工作的入口，缺少某一方面就等于没有报告该方面的工作。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：总体情况只写了主动公开和依申请公开，没有提到平台建设和监督保障。

    修改方法：补写缺少的方面，可按“（一）主动公开……（五）监督保障”分节撰写。
    """

    code = "GI105"
    concludes_from_absence = True
    name = "missing-overview-aspect"
    checks_format = True
    severity = Severity.WARNING
    summary = "The overview (part 一) does not cover one of the five aspects of the 2021 format."

    def check(self, report: Report) -> Iterator[Finding]:
        template = required_template(report, self.templates)
        if template is None:
            return
        overview = template.part_with("overview")
        for section in report.sections:
            aspects = template.aspects_of(section.part) if section.part else ()
            if not aspects or section.continued:
                continue
            text = section_text(section)
            names = "、".join(a.name for a in template.overview_aspects)
            for aspect in aspects:
                if any(k in text for k in aspect.keywords):
                    continue
                if section.part == overview and aspect in template.overview_aspects:
                    message = (
                        f"总体情况未涉及“{aspect.name}”（{template.name}要求总体情况涵盖"
                        f"{names}五个方面）"
                    )
                else:
                    name = part_name(section.part or "", self.templates)
                    message = f"{name}未涉及“{aspect.name}”（{template.name}要求）"
                yield self.finding(
                    section.heading, message, missing_from=part_stretch(report, section)
                )


class EmptySection(Rule):
    """组成部分没有实质内容。

    检查内容：第一、五、六部分是否只有标题，或只写了“无”。第六部分“其他需要报告的事项”写“无”
    是完整的回答（没有其他事项），只在什么都没写时报。

    原因：格式要求如实报告各项情况；“存在的主要问题及改进情况”只写“无”，
    通常说明报告没有认真总结。

    依据：《中华人民共和国政府信息公开条例》第五十条。

    示例：“五、存在的主要问题及改进情况”之下只有“无。”

    修改方法：写明实际情况；确实没有需要报告的事项的，也应说明具体情形。
    """

    code = "GI106"
    concludes_from_absence = True
    name = "empty-section"
    checks_format = True
    severity = Severity.WARNING
    summary = "A part has no substance (nothing, or only '无')."

    def __init__(self, templates: TemplateSet | None = None) -> None:
        super().__init__(templates)
        self._table_parts = {t.part for tpl in self.templates.templates for t in tpl.tables}
        # the part of other matters (六 in the national formats: where fees are stated)
        self._other_matters = {
            part for tpl in self.templates.templates if (part := tpl.part_with("fees"))
        }

    def check(self, report: Report) -> Iterator[Finding]:
        for section in report.sections:
            if section.part is None or section.part in self._table_parts:
                continue
            if any(True for _ in section.all_tables()):
                continue
            prose = _short_prose(section)
            if prose is None or (prose and prose not in _EMPTY_WORDS):
                continue
            # "其他需要报告的事项：无" answers the part in full; only nothing at all is empty
            if prose and section.part in self._other_matters:
                continue
            yield self.finding(
                section.heading,
                f"{part_name(section.part, self.templates)}没有实质内容",
                missing_from=part_stretch(report, section),
            )


class MissingTable(Rule):
    """应有表格的部分没有表格。

    检查内容：第二、三、四部分是否有格式规定的统计表（第二部分：第二十条各项的公开情况表；
    第三部分：收到和处理政府信息公开申请情况表；第四部分：行政复议、行政诉讼情况表）。

    原因：这些统计表是年度报告中可比较、可汇总的核心数据；用文字代替表格，数据就无法核对。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：第三部分只写“本年度未收到政府信息公开申请”，没有申请情况表。

    网页链接了表格文件（.xls、.xlsx、.et、.csv）时，统计表可能在其中：这时只作提示，说明表格
    未检查（gilint 不读取表格文件）。

    修改方法：按格式填写统计表；没有发生的事项在表中填 0。
    """

    code = "GI107"
    concludes_from_absence = True
    name = "missing-table"
    checks_format = True
    summary = "Part 二, 三 or 四 has no table."

    def check(self, report: Report) -> Iterator[Finding]:
        parts_with_tables = {
            spec.part for t in report.tables() if (spec := table_spec(t, self.templates))
        }
        table_parts = {t.part for tpl in self.templates.templates for t in tpl.tables}
        for section in report.sections:
            if section.part not in table_parts or section.part in parts_with_tables:
                continue
            if any(t.id is None for t in section.all_tables()):
                continue  # a table is there but unreadable: GI901 reports it
            name = part_name(section.part or "", self.templates)
            if report.attached_tables:  # the table may be in a spreadsheet: say so quietly
                yield self.finding(
                    section.heading,
                    f"{name}没有格式规定的统计表；网页链接了表格文件"
                    f"{'、'.join(report.attached_tables)}，统计表可能在其中。"
                    "gilint 不读取表格文件，其中的数据未检查",
                    severity=Severity.INFO,
                    missing_from=part_stretch(report, section),
                )
                continue
            yield self.finding(
                section.heading,
                f"{name}没有格式规定的统计表",
                missing_from=part_stretch(report, section),
            )


class IncompleteTable(Rule):
    """表格缺行或缺数据。

    检查内容：统计表是否有格式规定的每一行，每行是否有每一列的数据。

    原因：缺行缺数据的表格无法核对勾稽关系，也无法与其他报告比较和汇总。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：收到和处理政府信息公开申请情况表写到“（五）不予处理 1.信访举报投诉类申请”就结束了，
    缺少其后的各行及“（七）总计”“四、结转下年度继续办理”。

    修改方法：补全表格的行和列；没有发生的事项填 0，不要删除行或列。
    """

    code = "GI108"
    concludes_from_absence = True
    name = "incomplete-table"
    checks_format = True
    summary = "A table lacks rows or cells."

    def check(self, report: Report) -> Iterator[Finding]:
        for table in report.tables():
            spec = table_spec(table, self.templates)
            if spec is None:
                continue
            name = table_name(table)
            if table.missing:
                labels = [spec.row(r).label for r in table.missing]  # type: ignore[union-attr]
                shown = "、".join(quoted_label(label) for label in labels[:4])
                more = f"等 {len(labels)} 行" if len(labels) > 4 else ""
                where = self._missing_anchor(table, spec, table.missing[0])
                yield self.finding(
                    where,
                    f"{name}缺少 {len(labels)} 行：{shown}{more}",
                    suggestion="补全缺少的行，没有发生的事项填 0",
                    missing_from=_table_stretch(report, table),
                )
            for row in table.rows:
                if row.id is None or row.duplicate:
                    continue
                if CellStatus.MISSING not in row.statuses:
                    continue
                missing = [c for c in row.cells if c.status is CellStatus.MISSING]
                if missing:
                    columns = "、".join(f"“{c.column_label}”" for c in missing)
                    present = len(row.cells) - len(missing)
                    yield self.finding(
                        row.label_span or row.span,
                        f"{name}{row_name(row)}只有 {present} 个数据，"
                        f"缺少{columns}列（应有 {len(row.cells)} 个）",
                        missing_from=_table_stretch(report, table),
                    )

    @staticmethod
    def _missing_anchor(table: Table, spec: TableSpec, first_missing: str) -> Span:
        """The row after which the first missing row belongs, or the table itself."""
        order = [r.id for r in spec.data_rows]
        index = order.index(first_missing)
        for previous in reversed(order[:index]):
            row = table.row(previous)
            if row is not None:
                return row.label_span or row.span
        return table.caption.span if table.caption else table.span


class NonstandardRowLabel(Rule):
    """表格行名与格式不一致。

    检查内容：统计表的行名是否与格式规定的一致。行名与格式规定的某一行只差几个字（多字、漏字或
    错字，每五个字至多差一个、共至多三个；不计序号不到六个字的不算；省去“政府信息公开”“继续”
    这类不指向别的行的词，如“一、本年新收申请数量”“四、结转下年度办理”，算差一个字），序号
    相同，又没有另一行同样接近的，就按格式规定的那一行读取和检查它的数据，并在此提示。行名正好
    处在表中缺少的那一行的位置（前后两行都已读到，中间只缺这一行），序号相同（表二的行名没有
    序号），又只差一个字的（如识别错一个字的“（一）予以公土”“行政夫制”），不到六个字也按那
    一行读取。差得更多的行名无法确定是哪一行，其数据不参与检查（GI901）。

    原因：统一的行名便于核对和汇总；改写的行名容易让人误以为是另一项。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：“四、结转下一年度继续办理”应为“四、结转下年度继续办理”。

    修改方法：使用格式规定的行名原文。
    """

    code = "GI109"
    name = "nonstandard-row-label"
    checks_format = True
    severity = Severity.WARNING
    summary = "A table row's label deviates from the format's; it is read as that row."

    def check(self, report: Report) -> Iterator[Finding]:
        for table in report.tables():
            for row in table.rows:
                if row.near_label and row.label is not None and row.template_label:
                    label = "".join(row.label.split())
                    yield self.finding(
                        row.label_span or row.span,
                        f"{table_name(table)}的行名写作“{label}”，"
                        f"与格式规定的“{row.template_label}”不一致（已按该行检查）",
                        suggestion=row.template_label,
                    )


def _table_stretch(report: Report, table: Table) -> Span:
    """Where a table's missing rows or cells would stand: in the part that holds it (a
    table's last rows pasted as a picture stand after its text), or anywhere."""
    for section in report.sections:
        if any(t is table for t in section.all_tables()):
            return part_stretch(report, section)
    return stretch(report, 0)
