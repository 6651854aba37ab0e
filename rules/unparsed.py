"""Rules that report what could not be read, so users know which checks did not run."""

from __future__ import annotations

from collections.abc import Iterator

from gilint.rules._support import row_name, row_span, table_name

from gilint.ast import UNREAD_CONTENT, Reading, Report, Row, Section, Table
from gilint.findings import Finding, Severity
from gilint.lexer import is_page_number
from gilint.rule import Rule

# Where the reports after a file's first begin: another, or the same one again (GI903)
_LATER_REPORTS = frozenset({"more-reports", "report-again", "report-unchecked"})
# What the parser notes that a rule of its own reports (GI902, GI903), not GI901
_OWN_RULES = frozenset({"not-a-report", *_LATER_REPORTS})


class UnparsedContent(Rule):
    """有内容无法识别。

    检查内容：无法解码的字节、无法识别的表格、格式中没有的行名、没有行名的数字、重复的行、
    多出的数据，超过 100 万字之后未读取的表格行（如报告后附的数据导出），以及一个文件中
    第 1000 份之后未读取的年度报告（见 GI903）。这些内容不参与
    其他规则的检查，本规则逐一指出，让使用者知道哪些检查没有进行。格式中没有统计表的部分
    （第一、五、六部分）和正文之前的表格（如自加的信息分类统计表），以及格式规定的统计表都
    已读出的部分中另加的表格（如第二部分表格之后的其他主动公开情况统计），只提示（info）
    未参与检查。
    文本中的数字少于列数又没有分隔符（网页文本、PDF 转换后空单元格消失或数字连在一起）、
    无法确定各属哪一列的行，每张表合并为一条提示（info），不作为错误；其中各种拆分都一致
    的单元格（如只填“自然人”和“总计”的行中的“总计”）照常读出参与检查，其余单元格
    同样每张表一条提示。
    无法读取的 PDF、Word、网页文件（已损坏、解压后过大、提取文本超过时间或内存上限，
    或读取器本身出错）、没有文字的 PDF（扫描件，需先进行文字识别）、需要密码才能打开的
    PDF，整个文件未参与检查，也由本规则指出。
    PDF 中字体缺少编码信息、无法转换为文字的字符替换为“�”并提示（info），超过一半时整个
    文件不检查；PDF、Word 文件中的大幅图片（宽度过半页，可能是以图片插入的表格或扫描页）
    和网页正文中的大幅图片（未注明尺寸的也算，链接中的图标和页头、页脚的图片除外）
    逐幅提示（info）。网页中不显示的内容（display:none、hidden 等）不读取，其中有 50 字
    以上正文的（如打印用的副本、点击后才显示的表格）在其位置提示（info）；隐藏的内容超过
    显示内容两倍的网页（正文由脚本显示），整页读取。依据“缺少”作出
    判断的规则（缺少部分、表格、行或信息处理费说明），若所缺内容应在之处有这些未能读取的
    内容，不报告该项，另以一条提示列出这些规则
    （如第二部分中的图片使“第二部分没有统计表”不报告，而“缺少第四部分”照常报告）；
    文本中找不到任何组成部分时（如页码为文字的扫描件），提示需先进行文字识别（错误）。

    表格中夹在两行之间或紧接表头、单独成行的一个小数字（不超过三位，多为 PDF 转换留下的
    页码；有多列的表格中没有只有一个数的行）只提示（info），表头仍为表头。

    原因：行名写得与格式相差较多（如“四、结转办理”；只差一两个字或省去“政府信息公开”等词的，
    按相应的行检查，见 GI109）或表格被拆散后，数据无法对应到格式中的行和列，勾稽关系也就无法核对。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：表三中出现“1.属于涉密事项 0 0 0 0 0 0 0”。

    修改方法：按格式原文改正行名，删除多余或重复的数据。
    """

    code = "GI901"
    name = "unparsed-content"
    checks_format = True
    summary = (
        "A part or table could not be read; says what, so the user knows which rules did not run."
    )

    def _outside_table_parts(self, report: Report) -> Iterator[Table]:
        """The tables of the parts whose format has no table (一, 五, 六), and those
        before the first part."""
        table_parts = {t.part for template in self.templates.templates for t in template.tables}
        yield from report.preamble_tables
        for sub in report.preamble_subsections:
            yield from sub.tables
        for section in report.sections:
            if section.part is not None and section.part not in table_parts:
                yield from section.all_tables()
            elif section.part is not None:
                yield from self._added(section)

    def _added(self, section: Section) -> Iterator[Table]:
        """The tables no format knows in a part that holds every table its format gives
        the part: tables the report adds to the format's (其他主动公开情况, 申请方式)."""
        tables = tuple(section.all_tables())
        known = [t for t in tables if t.id is not None]
        if len(known) == len(tables) or not known or known[0].template is None:
            return
        template = self.templates.get(known[0].template)
        expected = {t.id for t in template.tables if t.part == section.part} if template else None
        if expected and expected <= {t.id for t in known}:
            yield from (t for t in tables if t.id is None)

    def check(self, report: Report) -> Iterator[Finding]:
        for diagnostic in report.diagnostics:
            if diagnostic.code in UNREAD_CONTENT:  # what the file holds, not a fault
                yield self.finding(diagnostic, diagnostic.message, severity=Severity.INFO)
            elif diagnostic.code not in _OWN_RULES:
                yield self.finding(diagnostic, diagnostic.message)
        extra: set[int] | None = None  # (worked out only for a report with such a table)
        for table in report.tables():
            if table.id is None and extra is None:
                extra = {id(t) for t in self._outside_table_parts(report)}
            if table.id is None and extra is not None and id(table) in extra:
                # a table of the body's own where the format has none (信息分类统计 in
                # 总体情况): nothing wrong, only not checked
                yield self.finding(
                    table.caption or table,
                    "格式规定的统计表以外的表格，其数据未参与检查",
                    severity=Severity.INFO,
                )
                continue
            if table.id is None:
                yield self.finding(
                    table.caption or table,
                    "无法识别的表格（与格式中的任何统计表都对不上），其数据未参与检查",
                )
                continue
            name = table_name(table)
            readings = {row.reading for row in table.rows}  # (one pass for the usual table)
            if Reading.UNREAD in readings:
                yield self._rows_note(
                    name,
                    table.unread_rows,
                    "未能读出",
                    "这些行未参与勾稽关系（GI201–GI204）和完整性（GI108）检查",
                )
            if Reading.PARTIAL in readings:
                yield self._rows_note(
                    name,
                    table.partial_rows,
                    "只读出部分单元格",
                    "未读出的单元格未参与勾稽关系（GI201–GI204）检查",
                )
            for row in table.rows:
                if row.id is None:
                    values = " ".join(c.raw for c in (*row.cells, *row.extra) if c.raw)
                    if row.extra_count > len(row.extra):
                        values += f" …（共多出 {row.extra_count} 个数据）"
                if row.id is None and row.label is not None:
                    label = row.label.replace("\n", "")
                    yield self.finding(
                        row_span(row),
                        f"{name}中的行名“{label}”不是格式规定的行名，该行数据（{values}）未参与检查",
                    )
                elif row.id is None and _lone_number(row):
                    # a line of one small number between rows: a page number, most likely
                    yield self.finding(
                        row.span,
                        f"{name}中有一个单独的数字（{values}），可能是页码，未参与检查",
                        severity=Severity.INFO,
                    )
                elif row.id is None:
                    yield self.finding(
                        row.span, f"{name}中有一组没有行名的数据（{values}），未参与检查"
                    )
                elif row.duplicate:
                    yield self.finding(
                        row_span(row),
                        f"{name}“{row.template_label}”重复出现"
                        f"（第一次在第 {table.first_rows[row.id].line} 行），"
                        "重复的一行未参与检查",
                    )
                if row.extra_count:
                    shown = " ".join(c.raw for c in row.extra)
                    more = " …" if row.extra_count > len(row.extra) else ""
                    yield self.finding(
                        row.extra[0] if row.extra else row.span,
                        f"{name}{row_name(row)}"
                        f"多出 {row.extra_count} 个数据（{shown}{more}），未参与检查",
                    )

    def _rows_note(self, name: str, rows: tuple[Row, ...], what: str, unchecked: str) -> Finding:
        """One quiet finding per table for its rows ``what`` says of (unread, or read in
        part), with the first one's reason and the checks that did not run."""
        labels = "、".join(row_name(r) for r in rows[:3])
        more = f"等 {len(rows)} 行" if len(rows) > 3 else ""
        return self.finding(
            row_span(rows[0]),
            f"{name}有 {len(rows)} 行{what}：{labels}{more}（{rows[0].repair}）。{unchecked}",
            related=[row_span(r) for r in rows[1:]],
            severity=Severity.INFO,
        )


class NotAReport(Rule):
    """文件不是政府信息公开工作年度报告。

    检查内容：文件中是否至少能找到报告的一个组成部分（如“一、总体情况”）。未能读取的文件
    （如损坏的 PDF）没有可判断的文本，只报 GI901；文件中有未能读取的图片时（如扫描件），
    由 GI901 提示需先进行文字识别。网页显示的内容中没有报告而有隐藏的内容时，本规则说明
    报告可能在点击后才显示的部分中；网页中没有报告而链接了文档（PDF、Word 等附件）时，
    本规则列出附件的文件名（至多三个），报告可能就在其中。文件中有“一、”“二、”这样编号的
    标题，但没有一个是组成部分的标题（如通知、纪要中的“一、检查范围”），文件中也没有格式规定的
    统计表和年度报告的标题时，这些标题不当作组成部分，本规则说明文件可能不是年度报告，
    其他规则不再逐项报告缺少的部分和表格。标题在年度之后写明是另一种报告（如“2024年法治政府
    建设年度报告”，不含“公开”“信息”），文件中又没有格式规定的统计表时，同样按不是政府信息
    公开工作年度报告处理，本规则说明标题所写的报告种类。

    原因：找不到任何组成部分时，其他规则都无从检查；这通常意味着选错了文件、文件编码无法识别，
    或文本提取失败。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：对一份会议纪要，或一份分“一、检查范围”“二、检查内容”等几条的通知运行 gilint。

    修改方法：确认文件是年度报告的文本；PDF、Word 文件应先转换为文本。
    """

    code = "GI902"
    name = "not-a-report"
    summary = "The file is not an annual report at all: none of its parts can be found."

    def check(self, report: Report) -> Iterator[Finding]:
        for diagnostic in report.diagnostics:
            if diagnostic.code == "not-a-report":
                yield self.finding(diagnostic, diagnostic.message)


class MoreReports(Rule):
    """文件中有不止一份年度报告。

    检查内容：文件中第一份报告之后是否还有另一份报告：一个年度报告的标题（可带机关名称，
    前可有“附件：”“图解：”，后可有“解读”；可单独成段，也可在上一段的末行，如 PDF 的文本，
    或在网页文本的一行中），出现在报告的组成部分和统计表之后，其后（中间只有正文段落）又是
    “一、总体情况”这样的第一部分标题（前一份报告没有统计表的，有三个组成部分即可：汇编中的
    一份报告缺少统计表，其后的报告仍是另一份）。这样的文件（如一个地区各部门的
    年度报告汇编成一册）中的各份报告分别读取、分别检查，各自的问题指向文件中各自的位置；
    本规则在第二份报告的标题处提示（info）文件中共有几份报告，其余各份的标题列为相关位置。
    与前面某一份标题相同、各表数字也相同的报告（如网页上又显示一遍的打印版）是同一份报告
    的重复；没有格式规定的统计表、标题又带“解读”“图解”“附件”“简版”“摘要”“节选”或与
    前面某一份相同的（如按报告的各部分编排的解读、报告的简版），不是完整的年度报告：
    都只提示而不再检查。其他没有统计表的报告照常检查（缺少统计表，GI107）。
    报告在各页页眉重复的标题、目录之后重复的标题不算另一份报告
    （其前没有统计表，或其后不是第一部分）。

    原因：多份报告按一份读取时，后面各份的每个部分都会被当作重复出现、顺序错误的部分，
    其正文也会与第一份报告的统计表相比较；分别读取，才能既不报出并不存在的问题，也不漏掉
    后面各份的问题。

    依据：无（gilint 读取文件的方式）。

    示例：一个文件中先后是“某局2024年政府信息公开工作年度报告”和“某镇2024年政府信息
    公开工作年度报告”两份报告的全文。

    修改方法：无需修改；需要单独的检查结果时，可将各份报告分成单独的文件。
    """

    code = "GI903"
    name = "more-reports"
    severity = Severity.INFO
    summary = "The file holds more than one report: each was read and checked on its own."

    def check(self, report: Report) -> Iterator[Finding]:
        later = [d for d in report.diagnostics if d.code in _LATER_REPORTS]
        if len(later) == 1:
            yield self.finding(later[0], later[0].message)
        elif later:
            checked = 1 + sum(1 for d in later if d.code == "more-reports")
            yield self.finding(
                later[0],
                f"{later[0].message}；文件中有 {len(later) + 1} 份报告或其他文本，"
                f"其中 {checked} 份年度报告分别检查，其余各份的标题见相关位置",
                related=[d.span for d in later[1:]],
            )


class RuleError(Rule):
    """某条规则运行出错，其检查未完成。

    检查内容：本规则本身不检查报告。当另一条规则（内置规则、插件或本地规则）在检查某份报告时
    出错，gilint 以本规则的代码报告出错的规则和错误信息，并继续运行其他规则。

    原因：一条规则出错不应使整个检查中断，但使用者需要知道哪项检查没有完成。

    依据：无（gilint 自身的运行情况）。

    示例：本地规则 XB001 在读取表格时抛出异常，报告中出现“规则 XB001 boom 运行出错”。

    修改方法：修正出错的规则（插件或本地规则请联系其作者）；在此之前可用 ignore 停用该规则。
    """

    code = "GI900"
    name = "rule-error"
    summary = "Another rule failed on this report, so its checks did not complete."

    def check(self, report: Report) -> Iterator[Finding]:
        return iter(())  # the engine reports failures of other rules under this code


def _lone_number(row: Row) -> bool:
    """Whether a row without a label is one number of three digits at most and nothing
    else (what a page number left inside a table looks like)."""
    present = [c for c in row.cells if c.raw]
    return not row.extra_count and len(present) == 1 and is_page_number(present[0].raw)
