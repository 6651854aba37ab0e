"""Rules on what the text says against itself and against the tables.

Precision is the point: a sentence is bound to a table cell only when it says the same
thing about the same applications of the same year. Sentences about last year's
applications, about a whole county or city, or that only give examples (其中) are left
alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from gilint.ast import CellStatus, Report
from gilint.findings import Finding, Severity
from gilint.rule import Rule
from gilint.sentences import Sentence

# what makes a sentence speak of something other than this body's applications this year
_OTHER_SCOPE = re.compile(r"上年|上一年|去年|以前年度|往年|历年|结转|全县|全市|全区|全省|全旗|全州")
# no applications received, in one clause: applications for disclosure (公开 shortly
# before 申请, as in 政府信息公开申请 or 信息公开方面的申请; 依申请公开; 申请公开), or
# applications unnamed (申请, 任何申请: the sentence or its heading must say whose); not a
# review's, a suit's or a fee's (复议, 诉讼, 费申请), nor one of another kind (行政许可申请)
_NONE_RECEIVED = re.compile(
    r"(?:未|没有|无)(?:收到|接到)过?"
    r"(?:(?:(?!复议|诉讼|费)[^，,；;。]){0,30}?"
    r"(?:公开(?:(?!复议|诉讼|费)[^，,；;。]){0,4}?申请|依申请公开|申请公开)"
    r"|(?:任何|相关|有关)?申请)"
    # not where the applications only qualify what was not received: an applicant
    # (申请人), or another thing the clause names after them (申请的投诉, 申请方面的意见
    # 建议, 因依申请公开答复引起的行政复议, 申请以外的其他申请)
    r"(?!人)(?![^，,；;。]*?(?:投诉|举报|意见|建议|反馈|咨询|复议|诉讼|以外|之外))"
)
_ALL_DONE = re.compile(
    r"均已(?:按时|按期|依法)?(?:办结|答复|办理完毕)|全部(?:按时|按期|依法)?(?:办结|答复)"
)
_ALL_UPHELD = re.compile(r"均(?:获|被|予以)?维持|全部(?:获|被)?维持")
# a word each of the three patterns above needs
# no reviews or suits: a negation (not 未经, as in 未经复议直接起诉), words that do not
# name a case, the first case word and any joined to it (行政复议、行政诉讼); not where
# the words before or after say an outcome was none (无一例行政复议被纠错, 未发生被纠错的
# 行政复议)
_NONE_CASES = re.compile(
    r"(?:未|没有|无)(?!经)(?:(?!复议|诉讼|纠|撤销|败诉|确认违法|维持)[^，,。；]){0,16}?"
    r"(?:行政复议|行政诉讼)"
    r"(?:[、和及与或]\s*(?:被)?(?:提起)?(?:行政复议|行政诉讼))?"
    r"(?![^，,。；]{0,6}?(?:被|纠|撤销|败诉|确认违法|维持))"
)
# none carried forward to next year (无结转下年度的申请, 没有结转至下一年度办理的申请)
_NONE_CARRIED = re.compile(r"(?:无|没有)(?:需要?)?结转(?:至|到)?下一?年度?")
_CLAIM_WORDS = re.compile(r"收到|接到|办结|答复|办理完毕|维持|复议|诉讼|结转")
_NUMBER = r"([0-9]+)"
# "共 N 件/条，其中/分别为 A 件、B 件…": a stated total and its listed parts
_UNIT = r"(件|条|项|次|个|份|篇|期)"
_TOTAL = re.compile(r"共(?:计)?[^0-9，,。；]{0,12}?" + _NUMBER + r"\s*" + _UNIT)
_PARTS_START = re.compile(r"[，,：:（(]\s*(其中|分别为|分别是)")
_SECOND_TOTAL = re.compile(r"共|合计|累计")
# a part's number and unit (group 2), not the end of a decimal or a longer number; group
# 1 marks an ordinal (第 3 次), which is no part
_PART = r"(第\s*)?(?<![0-9.])([0-9]+)\s*"
# a comparison with another time: its number is a difference, not a part
_COMPARISON = re.compile(r"较|同比|环比|比上|比去|比[0-9]|增长|增加|减少|下降|上升|持平")
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")
_CLAUSE_BREAK = re.compile(r"[，,；;]")
_EACH = re.compile(r"各\s*[0-9]")  # "A、B 各 2 件"


def _value(report: Report, table: str, row: str, column: str) -> int | None:
    """A number the table states, when it was read (None otherwise: say nothing). A
    blank cell in a row that has numbers states none: a blank total beside its parts is
    no zero (a row left blank throughout is: nothing happened)."""
    found = report.table(table)
    line = found.row(row) if found is not None else None
    if line is None:
        return None
    index = line.index(column)
    if (
        index is not None
        and line.statuses[index] is CellStatus.BLANK
        and CellStatus.OK in line.statuses
    ):
        return None
    value = line.number(column)
    return int(value) if value is not None and value == int(value) else None


def _values(report: Report, table: str, row: str, column: str) -> list[int | None]:
    """The numbers of a cell, or of a group of rows ("outcome.refused.*": every row of
    不予公开, as many as the report's format has); a None where one was not read, or a
    row of the group is missing."""
    if not row.endswith(".*"):
        return [_value(report, table, row, column)]
    prefix = row[:-2]
    found = report.table(table)
    if found is None or any(m == prefix or m.startswith(prefix + ".") for m in found.missing):
        return [None]
    ids = [
        r.id
        for r in found.rows
        if r.id is not None and (r.id == prefix or r.id.startswith(prefix + "."))
    ]
    return [_value(report, table, i, column) for i in dict.fromkeys(ids)] or [None]


@attrs.frozen(slots=True)
class _Binding:
    """A quantity a sentence may state, and the table cells that hold it."""

    pattern: re.Pattern[str]  # group 1: the number
    cells: tuple[tuple[str, str, str], ...]  # (table, row, column), added up
    name: str  # the cells, as the message names them
    carry: bool = False  # the quantity is itself a carry-over (结转下年度)
    starts: tuple[str, ...] = ()  # the words the pattern starts with, one of them
    # where the words alone do not say whose quantity it is (行政复议 of any case, 申请 of
    # any kind): the sentence must name the topic, or stand in the part or under the
    # heading of applications
    topic: re.Pattern[str] | None = None
    part: str | None = None
    # words that make the sentence speak of another dealing with the same things
    # (reviewing or filing documents, not making them)
    other: re.Pattern[str] | None = None
    # words in the clause before the quantity that make it a part of it (通过信函方式收到
    # 申请 3 件: one channel's)
    not_before: re.Pattern[str] | None = None

    def speaks_of(self, text: str, sentence: Sentence) -> bool:
        """Whether ``text``, the sentence up to 其中, is about this binding's quantity."""
        if self.other is not None and self.other.search(text):
            return False
        if self.topic is None:
            return True
        # named after 其中 only, the topic is a part of the total before it (行政诉讼案件
        # 17 件，其中涉及政府信息公开的 8 件)
        if self.topic.search(text) is None and self.topic.search(sentence.text) is not None:
            return False
        if sentence.part == self.part:
            return True
        return _says(self.topic, text, sentence)


def _says(topic: re.Pattern[str], text: str, sentence: Sentence) -> bool:
    """Whether ``text`` (the sentence, or part of it) names ``topic``, or the sentence
    stands under the heading of disclosure applications, which says it for all its
    sentences ("（二）依申请公开情况", then "本年度收到的申请均已办结") unless it names
    applications of another kind. Other headings say nothing of it: nearly all of them
    name 公开."""
    if topic.search(text) is not None:
        return True
    heading = sentence.heading
    return heading is not None and "申请" in heading.text and not _OTHER_KIND.search(text)


# matters a body handles besides disclosure applications, counted in 件 too
_OTHER_MATTERS = "建议|提案|信访|工单|热线|咨询|来信|来访"
# applications of another kind than for information (行政许可申请, 低保申请), or other
# matters (人大代表建议, 信访): a sentence naming them speaks of them, even under the
# heading of disclosure applications
_OTHER_KIND = re.compile(
    r"(?:许可|低保|救助|补贴|补助|审批|登记|赔偿|听证|信访|服务|办件|认定|注册|备案|资格)"
    r"(?:事项)?申请|" + _OTHER_MATTERS
)


# applications of one channel or one kind of applicant: a part of them, not all
_SUBSET = (
    "当面|现场|窗口|网上|网络|在线|网站|信函|邮寄|邮件|传真|电话|自然人|法人|企业|组织|机构|个人"
)
# every kind of applicant at once, as the format names them: no part of the applications
_ALL_APPLICANTS = "公民、法人(?:和|或|及)其他组织"
# what the gap between a quantity's words and its number must not hold: a part of the
# applications (收到网上申请 17 件), another kind of case or a 其中 part (诉讼, 复议,
# 其中), documents or drafts rather than cases or applications (决定书, 处罚决定,
# 征求意见), an outcome of the cases (维持, 纠正 or 纠错, 驳回, 撤销, 审结, 结果), another
# outcome of applications (予以公开和部分公开共 17 件), or other matters (结转下年度办理
# 的建议 2 件)
_NOT_IN_GAP = (
    r"(?!诉讼|复议|其中|决定|维持|纠|驳回|撤销|审结|结果|征求|公开|"
    + _OTHER_MATTERS
    + "|"
    + _SUBSET
    + ")"
)


def _quantity(
    starts: tuple[str, ...], then: str = "", unit: str = "件", gap: int = 8
) -> re.Pattern[str]:
    """One of ``starts``, ``then``, a short gap without digits (at most ``gap``
    characters), a number, ``unit``."""
    return re.compile(
        "(?:"
        + "|".join(starts)
        + ")"
        + then
        + r"((?:"
        + _NOT_IN_GAP
        + r"[^0-9，,。；]){0,"
        + str(gap)
        + r"}?)([0-9]+)\s*(?:"
        + unit
        + ")"
    )


def _binding(
    starts: tuple[str, ...],
    then: str,
    unit: str,
    cells: tuple[tuple[str, str, str], ...],
    name: str,
    carry: bool = False,
    topic: re.Pattern[str] | None = None,
    part: str | None = None,
    other: str | None = None,
    gap: int = 8,
    not_before: str | None = None,
) -> _Binding:
    return _Binding(
        _quantity(starts, then, unit, gap),
        cells,
        name,
        carry,
        starts,
        topic,
        part,
        re.compile(other) if other is not None else None,
        re.compile(not_before) if not_before is not None else None,
    )


# applications for information (信息公开申请, 公开方面的申请, 依申请公开, 申请公开), as
# against applications of any kind (各类申请, 群众申请, 行政许可申请) in a sentence that
# names 公开 for another reason (办理结果全部公开)
_DISCLOSURE_APPLICATIONS = re.compile(r"公开[^，,。；0-9]{0,4}?申请|依申请|申请公开")
# the handling of applications, as against information published of the body's own
# accord
_APPLICATIONS = re.compile("申请|答复|办理")
# cases about this body's disclosure, as against all the reviews and suits it meets or
# (as a review body) decides: 信息公开 named, or the body the respondent (被申请, 被诉)
_DISCLOSURE_CASES = re.compile(r"信息公开|依申请|被(?:申请|提起|起诉|诉)")


# an outcome on its own: not published of the body's own accord (主动予以公开), nor joined
# to another outcome, whose number is then theirs together (予以公开及部分公开 258 件,
# 全部或部分公开, 不予公开（含部分公开）)
_NOT_JOINED = r"(?<!主动)(?<!(?:公开|提供|处理|全部)[及和或与、])(?<!含)"

_BINDINGS = (
    _binding(
        ("收到", "接到", "受理", "新收"),
        # applications for disclosure (政府信息公开申请, 依申请公开) or unnamed (申请):
        # not a review's or a suit's, nor of another kind (行政许可申请), nor a part of
        # them (网上申请); no applicants or forms (申请人, 申请材料)
        r"(?:(?:"
        + _ALL_APPLICANTS
        + r"|(?!复议|诉讼|"
        + _SUBSET
        + r")[^，,。；0-9]){0,14}?(?:公开[^，,。；0-9]{0,4}?申请|依申请公开|申请公开)|申请)"
        + r"(?!人|材料|表|书)",
        "件|个",
        (("3", "new", "total"),),
        "表三“一、本年新收政府信息公开申请数量”总计",
        topic=_DISCLOSURE_APPLICATIONS,
        part="三",
        other="各类|各项",  # applications of every kind
        not_before=_SUBSET,  # 通过信函方式收到申请 3 件, 网上收到申请 5 件
    ),
    _binding(
        (_NOT_JOINED + "予以公开",),
        "",
        "件",
        (("3", "outcome.disclosed", "total"),),
        "表三“（一）予以公开”总计",
        topic=_APPLICATIONS,
        part="三",
    ),
    *(
        _binding(
            (_NOT_JOINED + words,),
            "",
            "件",
            (("3", rows, "total"),),
            f"表三“{title}”{'各项总计之和' if rows.endswith('*') else '总计'}",
            topic=_APPLICATIONS,
            part="三",
            # "不予公开属于国家秘密 2 件" counts a reason of it, not all of it
            gap=3,
        )
        for words, rows, title in (
            ("部分公开", "outcome.partial", "（二）部分公开"),
            ("不予公开", "outcome.refused.*", "（三）不予公开"),
            ("无法提供", "outcome.unavailable.*", "（四）无法提供"),
            ("不予处理", "outcome.not_processed.*", "（五）不予处理"),
            ("其他处理", "outcome.other.*", "（六）其他处理"),
        )
    ),
    _binding(
        ("结转",),
        r"(?:至|到)?下一?年度?(?:继续办理)?",
        "件",
        (("3", "carry_forward", "total"),),
        "表三“四、结转下年度继续办理”总计",
        carry=True,
        # the format's own words (继续办理) say whose, as disclosure applications do
        topic=re.compile(_DISCLOSURE_APPLICATIONS.pattern + "|继续办理"),
        part="三",
        other=_OTHER_MATTERS,  # 结转下年度办理的建议, 热线工单结转
    ),
    _binding(
        ("行政复议",),
        "",
        "件|起",
        (("4", "cases", "review.total"),),
        "表四“行政复议”总计",
        topic=_DISCLOSURE_CASES,
        part="四",
        # the body as the review body: the reviews it decides, not those of its disclosure
        other="复议机关|(?:办理|受理|审理)行政复议",
    ),
    _binding(
        ("行政诉讼",),
        "",
        "件|起",
        (("4", "cases", "direct_suit.total"), ("4", "cases", "suit_after_review.total")),
        "表四两组“行政诉讼”总计之和",
        topic=_DISCLOSURE_CASES,
        part="四",
    ),
    _binding(
        ("制发", "印发", "出台"),
        r"[^，,。；0-9]{0,6}?规范性文件",
        "件",
        (("2.1", "normative_documents", "issued"),),
        "表二“行政规范性文件”本年制发件数",
        other="审核|审查|备案|清理|报送",
        # the documents themselves (共 3 件, 数量为 3 件), not what is made about them
        # (规范性文件管理办法等制度 3 件)
        gap=4,
    ),
)
# a sentence with none of the words the bindings start with is skipped before them
_BOUND_WORDS = re.compile("|".join(w for binding in _BINDINGS for w in binding.starts))
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
_DIGIT = re.compile(r"[0-9]")
# a wider area, or the bodies under this one: their numbers, not this body's
_WIDER_AREA = re.compile(
    r"全县|全市|全区|全省|全旗|全州|全乡|全镇|各部门|各单位|各乡镇|各街道|下属|所属单位|直属单位"
)
_EARLIER = re.compile(r"上年|上一年|去年|以前年度|往年")
# a part of the year ("上半年", "一季度", "1至6月", "6月份"): its numbers are not the
# year's; a range of months from the first to the last is the year ("1月至12月")
_PART_OF_YEAR = re.compile(
    r"[上下]半年|(?:第|前)?[一二三四1-4]季度"
    r"|(?<![0-9])(?P<first>[0-9]{1,2})\s*月?\s*(?:至|到|-|—|~)\s*(?P<last>[0-9]{1,2})\s*月"
    r"(?!\s*[0-9]{1,2}\s*日)"
    r"|(?<![0-9])[0-9]{1,2}\s*月份"
)
# matters the sentence itself says are not disclosure's ("行政复议申请 28 件，均为非政府
# 信息公开类")
_NOT_DISCLOSURE = re.compile(
    r"非(?:政府)?信息公开|不(?:涉及|属于)(?:政府)?信息公开|与(?:政府)?信息公开无关"
)
_EARLIER_OR_CARRIED = re.compile(_EARLIER.pattern + r"|结转")
# a number that is not an exact count: a range, an approximation
_INEXACT = re.compile(r"^\s*(?:余|多|左右|以上|以下|以内|[-—~～至到]\s*[0-9])")
_APPROXIMATE = re.compile(r"(?:约|近|超过|不少于|逾|不到|不足|少于|多于)$")


def _of_another_year(sentence: str, year: int | None) -> bool:
    """Whether a sentence names a year other than the report's, or several."""
    years = {int(y) for y in _YEAR.findall(sentence)}
    return bool(years) and years != {year}


def _of_part_of_year_or_other_matters(sentence: str) -> bool:
    """Whether a sentence speaks of part of the year only, or of matters it says are not
    disclosure's: the tables' numbers are not its."""
    if _NOT_DISCLOSURE.search(sentence):
        return True
    return any(
        found.group("first") is None or (found.group("first"), found.group("last")) != ("1", "12")
        for found in _PART_OF_YEAR.finditer(sentence)
    )


def _new_by_name(found: re.Match[str], line: str, skip: re.Pattern[str]) -> bool:
    """Whether ``found`` (in ``line``, before any 其中) counts new applications by that
    name (新收), with nothing of earlier or carried ones in its clause or among the parts
    said to be in it ("新收申请 18 件（含上年结转 1 件）", "新收申请 18 件，其中上年结转 1 件"
    are no such)."""
    if not found.group().startswith("新收"):
        return False
    clause_end = _CLAUSE_BREAK.search(line, found.end())
    clause = line[found.start() : clause_end.start() if clause_end else len(line)]
    parts = line.partition("其中")[2]
    return skip.search(clause) is None and skip.search(parts) is None


class NarrativeTableMismatch(Rule):
    """正文所述数字与统计表不符。

    检查内容：正文所说本机关本年度的数量与统计表对应单元格不一致：收到（接到、受理、新收）申请 N 件
    对表三“一、本年新收政府信息公开申请数量”总计，予以公开 N 件对“（一）予以公开”总计，部分公开、
    不予公开、无法提供、不予处理、其他处理 N 件对表三相应办理结果的总计（有几行的，对各行总计之和；
    缺行或总计一栏空着时不比对，“不予公开属于国家秘密 N 件”这样只说其中一项理由的、
    “予以公开及部分公开 N 件”这样几种结果合说的不比对），结转下年度 N 件对
    “四、结转下年度继续办理”总计，行政复议 N 件对表四行政复议总计，行政诉讼 N 件对表四两组行政诉讼
    总计之和，制发规范性文件 N 件对表二“行政规范性文件”本年制发件数。只比对说的是同一机关同一年度的
    句子：说上年、其他年份、年内某段时间（上半年、一季度、1至6月）、全县（市、区）、各部门或下属单位的
    句子，总数含上年结转的句子（写明“新收”、
    所在分句和“其中”之后都不提上年或结转的新收申请数照常比对），只说某一渠道或某类
    申请人的申请（网上申请、自然人申请、通过信函方式收到的申请），其他种类的申请和事项（行政许可申请、人大代表建议、信访、咨询），
    “其中”之后的分项，范围（3-5 件）、约数（10 余件）和上下限（不到 10 件）都不比对。申请、结转、
    复议和诉讼要说明是政府信息公开的：句中写明（“政府信息公开申请”“因政府信息公开被申请行政复议”），
    或在第三、四部分，或在依申请公开的标题下；只在“其中”之后写明的（行政诉讼案件 17 件，其中涉及
    政府信息公开的 8 件）、句中说明不属于政府信息公开的（均为非政府信息公开类），复议机关办理的
    复议、复议决定书、复议结果（维持、纠正）、主动公开的处罚决定、审核备案的规范性文件都不比对。

    原因：正文和统计表数字不一，是通报中“数据前后不一致”的典型问题。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：正文“全年共收到政府信息公开申请 12 件”，表三本年新收总计为 10。

    修改方法：核对正文和统计表，改正其中有误的一处。
    """

    code = "GI601"
    name = "narrative-table-mismatch"
    checks_format = True
    summary = "A number the text states differs from the table cell that holds the same quantity."

    def check(self, report: Report) -> Iterator[Finding]:
        said: set[str] = set()
        for line in report.sentences:
            if _DIGIT.search(line.text) is None:
                continue  # no number stated
            sentence = line.text.split("其中", 1)[0]  # the parts after 其中 are examples
            if _BOUND_WORDS.search(sentence) is None:
                continue  # no quantity a table holds (a quick test before the patterns)
            if (
                _of_another_year(sentence, report.year)
                or _WIDER_AREA.search(sentence)
                or _of_part_of_year_or_other_matters(sentence)
            ):
                continue  # another year, or several; a wider area; a part of the year
            for binding in _BINDINGS:
                if binding.name in said or not binding.speaks_of(sentence, line):
                    continue
                found = binding.pattern.search(sentence)
                if found is None:
                    continue
                # the whole sentence: a total before 其中 may hold what its parts say was
                # carried over ("共受理申请 30 件，其中上年结转 5 件"); but not a count of
                # new applications by name, in a clause of its own ("新收申请 18 件，上年
                # 结转 1 件")
                skip = _EARLIER if binding.carry else _EARLIER_OR_CARRIED
                if skip.search(line.text) and not _new_by_name(found, line.text, skip):
                    continue
                if binding.not_before is not None and binding.not_before.search(
                    _CLAUSE_BREAK.split(sentence[: found.start()])[-1]
                ):
                    continue  # a part of the quantity: one channel's, one applicant's
                after = sentence[found.end() :]
                before = sentence[: found.start(2)]
                if _INEXACT.match(after) or _APPROXIMATE.search(before.rstrip()):
                    continue
                values = [v for cell in binding.cells for v in _values(report, *cell)]
                if any(v is None for v in values):
                    continue  # a cell not read: say nothing
                table = sum(v for v in values if v is not None)
                stated = int(found.group(2))
                if stated == table:
                    continue
                said.add(binding.name)
                yield self.finding(
                    line.span(found.start(), found.end()),
                    f"正文“{found.group()}”与{binding.name}（{table}）不一致",
                )


class NarrativeContradiction(Rule):
    """正文与统计表相互矛盾。

    检查内容：正文称“未收到政府信息公开申请”，而表三“一、本年新收政府信息公开申请数量”的总计
    大于 0；正文称申请“均已办结”或“无结转下年度”，而表三“四、结转下年度继续办理”的总计大于 0；
    正文称行政复议
    或行政诉讼“均获维持”，而表四相应各组“结果纠正”或“尚未审结”大于 0；正文称“未发生”行政复议
    或行政诉讼，而表四相应的总计大于 0（“无一例行政复议被纠错”这样说结果的不算）。只比对说的是
    本机关本年度政府信息公开申请或案件的句子（句中写明，或在依申请公开的标题下，案件还可在第四
    部分），说上年结转、年内某段时间（上半年、一季度、1至6月）、全县（市、区）情况的句子，说复议、
    诉讼、收费申请或其他种类申请（行政许可申请）的句子，句中说明不属于政府信息公开的句子（非政府
    信息公开类），以及申请只用来限定别的事物的句子（未收到政府信息公开申请的投诉、未收到申请人的
    反馈）不比对。

    原因：正文和统计表说法不一，读者无从判断哪一个是真的；通报中列为“数据前后不一致”。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：正文“本年度收到的申请均已办结”，表三结转下年度继续办理 2 件。

    修改方法：核对正文和统计表，改正其中有误的一处。
    """

    code = "GI603"
    name = "narrative-contradiction"
    checks_format = True
    severity = Severity.WARNING
    summary = (
        "The text says something the tables contradict"
        " (no applications, all done, none carried forward, all upheld, no cases)."
    )

    def check(self, report: Report) -> Iterator[Finding]:
        new = _value(report, "3", "new", "total")
        carried = _value(report, "3", "carry_forward", "total")
        said: set[str] = set()
        for line in report.sentences:
            sentence = line.text
            if _CLAIM_WORDS.search(sentence) is None:
                continue  # no claim the tables could contradict (a quick test)
            found = _NONE_CARRIED.search(sentence) if carried else None
            if (
                found
                and "carried" not in said
                and self._of_this_year_here(sentence, report)
                and _says(_DISCLOSURE_APPLICATIONS, sentence, line)
            ):  # (its own words name 结转, which turns the other claims away)
                said.add("carried")
                yield self.finding(
                    line.span(found.start(), found.end()),
                    f"正文称“{found.group()}”，但表三“四、结转下年度继续办理”总计为 {carried}",
                )
            if (
                _OTHER_SCOPE.search(sentence)
                or "其中" in sentence
                or _of_part_of_year_or_other_matters(sentence)
            ):
                continue
            applications = _says(_DISCLOSURE_APPLICATIONS, sentence, line)
            found = _NONE_RECEIVED.search(sentence) if applications else None
            if found and new and "none" not in said:
                said.add("none")
                yield self.finding(
                    line.span(found.start(), found.end()),
                    f"正文称“{found.group()}”，但表三“一、本年新收政府信息公开申请数量”"
                    f"总计为 {new}",
                )
            found = _ALL_DONE.search(sentence) if applications else None
            if found and "申请" in sentence and carried and "done" not in said:
                said.add("done")
                yield self.finding(
                    line.span(found.start(), found.end()),
                    f"正文称申请“{found.group()}”，但表三“四、结转下年度继续办理”总计为 {carried}",
                )
            found = _NONE_CASES.search(sentence)
            if found and "no cases" not in said and _of_disclosure_cases(sentence, line):
                cases = [
                    (group, value)
                    for group in _groups(found.group())
                    if (value := _value(report, "4", "cases", f"{group}.total"))
                ]
                if cases:
                    said.add("no cases")
                    group, value = cases[0]
                    yield self.finding(
                        line.span(found.start(), found.end()),
                        f"正文称“{found.group()}”，但表四{_GROUP_NAMES[group]}总计为 {value}",
                    )
            found = _ALL_UPHELD.search(sentence)
            if found and "upheld" not in said and _of_disclosure_cases(sentence, line):
                groups = _groups(sentence)
                unsettled = [
                    (group, column, value)
                    for group in groups
                    for column in ("corrected", "pending")
                    if (value := _value(report, "4", "cases", f"{group}.{column}"))
                ]
                if unsettled:
                    said.add("upheld")
                    group, column, value = unsettled[0]
                    yield self.finding(
                        line.span(found.start(), found.end()),
                        f"正文称“{found.group()}”，但表四{_GROUP_NAMES[group]}"
                        f"“{_OUTCOME_NAMES[column]}”为 {value}",
                    )

    @staticmethod
    def _of_this_year_here(sentence: str, report: Report) -> bool:
        """Whether a sentence speaks of this body and this year alone: no earlier year,
        no wider area or the bodies under it, no 其中 part, no other year named, not a
        part of the year, no matters it says are not disclosure's."""
        if (
            _EARLIER.search(sentence)
            or _WIDER_AREA.search(sentence)
            or "其中" in sentence
            or _of_part_of_year_or_other_matters(sentence)
        ):
            return False
        return not _of_another_year(sentence, report.year)


def _of_disclosure_cases(text: str, sentence: Sentence) -> bool:
    """Whether the sentence speaks of the cases table 四 counts, not of all the body's."""
    return sentence.part == "四" or _says(_DISCLOSURE_CASES, text, sentence)


_GROUP_NAMES = {
    "review": "行政复议",
    "direct_suit": "行政诉讼（未经复议直接起诉）",
    "suit_after_review": "行政诉讼（复议后起诉）",
}
_OUTCOME_NAMES = {"corrected": "结果纠正", "pending": "尚未审结"}


def _groups(sentence: str) -> tuple[str, ...]:
    """The groups of table 四 a sentence speaks of: 复议, 诉讼, or both (neither: none)."""
    review, suit = "复议" in sentence, "诉讼" in sentence
    if review and not suit:
        return ("review",)
    if suit and not review:
        return ("direct_suit", "suit_after_review")
    return ("review", "direct_suit", "suit_after_review") if review else ()


class NarrativeSum(Rule):
    """正文所列分项与其总数不符。

    检查内容：正文写“共 N 件（条、项……），分别为 A 件、B 件……”时，各分项之和应等于 N；写
    “共 N 件，其中 A 件、B 件……”或“分别为 A 件、B 件等”时（只举部分，各项可能交叠，如同一条
    信息在几个渠道发布），任何一项都不应超过 N。只比对单位相同的数字；与上年相比的增减（较上年
    增加 5 件、同比增长 20 条）、括号里的说明和“各 N 件”不算分项。

    原因：同一句话里的数字自相矛盾，读者无法知道哪个数字是对的。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：“全年共主动公开政府信息 120 条，分别为政策文件 50 条、工作动态 60 条。”

    修改方法：核对总数和各分项，改正有误的数字。
    """

    code = "GI602"
    name = "narrative-sum"
    severity = Severity.WARNING
    summary = "A sentence lists the parts of a total and they do not add up."

    def check(self, report: Report) -> Iterator[Finding]:
        for line in report.sentences:
            sentence = line.text
            if "共" not in sentence:
                continue  # no total stated (a quick test before the pattern)
            total = _TOTAL.search(sentence)
            if total is None:
                continue
            rest = sentence[total.end() :]
            start = _PARTS_START.match(rest) or _PARTS_START.search(rest[:4])
            if start is None:
                continue
            unit = total.group(2)
            listed = rest[start.end() :]
            if _SECOND_TOTAL.search(listed):
                continue  # a second total: the sentence is not one list
            listed = _list_itself(listed)
            if _EACH.search(listed):
                continue  # one number for several parts
            parts = [
                int(n) for ordinal, n in re.findall(_PART + re.escape(unit), listed) if not ordinal
            ]
            stated = int(total.group(1))
            # "分别为 A 条、B 条等": the list names some parts only, as 其中 does
            open_list = re.search(re.escape(unit) + r"\s*等", listed) is not None
            if start.group(1) == "其中" or open_list:
                # some parts only, which may overlap: none of them can exceed the total
                over = next((p for p in parts if p > stated), None)
                if over is not None:
                    yield self.finding(
                        line.span(total.start(), len(sentence)),
                        f"正文写共 {stated} {unit}，其中一项 {over} {unit}，超过总数",
                    )
                continue
            added = sum(parts)
            if len(parts) < 2 or added == stated:
                continue
            joined = "+".join(str(p) for p in parts)
            yield self.finding(
                line.span(total.start(), len(sentence)),
                f"正文写共 {stated} {unit}，所列分项 {joined} 合计 {added} {unit}",
            )


def _list_itself(listed: str) -> str:
    """The parts of a list as written, without what only comments on them: brackets (a
    part's own breakdown, a note) and every clause from the first comparison on."""
    listed = _BRACKETED.sub("", listed)
    clauses = _CLAUSE_BREAK.split(listed)
    end = next((i for i, c in enumerate(clauses) if _COMPARISON.search(c)), len(clauses))
    return "，".join(clauses[:end])
