"""Rules on the numbers: the identities of tables 三 and 四, and cells that hold no count.

The identities are data of the format descriptions (``SumIdentity``). One wrong cell
breaks every identity it takes part in, and each broken identity is reported once, at
the row that is wrong: a broken column sum is pinned to the row whose own row sum is
also broken, which is the row holding the wrong cell.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import ClassVar

import attrs
from gilint.rules._support import row_span, table_name, table_spec

from gilint.ast import Cell, CellStatus, Report, Row, Table
from gilint.findings import Finding, Severity
from gilint.rule import Rule
from gilint.span import Span
from gilint.templates.model import RowSpec, SumIdentity, TableSpec, TemplateSet
from gilint.values import looks_like_digit

Number = int | Decimal


def _quoted(label: str | None) -> str:
    """A row's label in quotes; nothing for the one unlabelled row of table 四."""
    return f"“{label.replace(chr(10), '')}”" if label else ""


def _cell_span(row: Row, column: str) -> Span:
    """Where a finding about a sum points: the cell it is about (its row's label when
    the row stops before that column)."""
    cell = row.cell(column)
    return cell.span if cell is not None else row_span(row)


def _short_label(row: RowSpec | None, row_id: str) -> str:
    """A row's label up to its first "、" (``一、本年新收…`` → ``一``), or its id."""
    return ((row.label if row else None) or row_id).split("、")[0]


def _fmt(value: Number) -> str:
    return str(value)


@attrs.frozen(slots=True)
class Outcome:
    """One identity evaluated in one column (column axis) or one row (row axis)."""

    identity: SumIdentity
    key: str  # the column (column axis) or row (row axis) it was evaluated in
    left: Number
    right: Number
    cells: tuple[tuple[str, str], ...]  # (row, column) of every cell it sums

    @property
    def holds(self) -> bool:
        return self.left == self.right


def evaluate(
    table: Table,
    spec: TableSpec,
    only: tuple[str, ...] | None = None,
) -> list[Outcome]:
    """The identities of ``spec`` (those named in ``only``, or all) in every column or row
    of ``table`` whose cells are all readable; where a cell is missing or unreadable the
    identity is left out. So is one whose total (its left side) is left blank where the
    parts add up to more than nothing: a blank total states no sum (some bodies leave
    the whole column of totals blank), and GI205 names the blank cells."""
    rows = table.first_rows
    outcomes: list[Outcome] = []
    for identity in spec.identities:
        if only is not None and identity.id not in only:
            continue
        ids = (*identity.left, *identity.right)
        for key, left, right in _places(identity, spec, rows):
            if None in left or None in right:
                continue
            left_sum, right_sum = _sum(left), _sum(right)
            if left_sum != right_sum and _blank_total(identity, spec, rows, key):
                continue
            if identity.axis == "column":
                refs = tuple((r, key) for r in ids)
            else:
                refs = tuple((key, c) for c in ids)
            outcomes.append(Outcome(identity, key, left_sum, right_sum, refs))
    return outcomes


def _blank_total(identity: SumIdentity, spec: TableSpec, rows: Mapping[str, Row], key: str) -> bool:
    """Whether every cell of the identity's left side, where it is evaluated at ``key``
    (a column, or a row), is blank."""
    if identity.axis == "column":
        at = spec.column_ids.index(key)
        return all(rows[r].statuses[at] is CellStatus.BLANK for r in identity.left)
    statuses = rows[key].statuses
    return all(statuses[spec.column_ids.index(c)] is CellStatus.BLANK for c in identity.left)


def _places(
    identity: SumIdentity, spec: TableSpec, rows: Mapping[str, Row]
) -> Iterator[tuple[str, Sequence[Number | None], Sequence[Number | None]]]:
    """Where ``identity`` is evaluated: (column or row id, left numbers, right numbers)."""
    if identity.axis == "column":
        if not all(r in rows for r in (*identity.left, *identity.right)):
            return
        left_rows = [rows[r].numbers for r in identity.left]
        right_rows = [rows[r].numbers for r in identity.right]
        columns = zip(*left_rows, strict=True), zip(*right_rows, strict=True)
        yield from zip(spec.column_ids, *columns, strict=True)
        return
    left, right = _picker(spec, identity.left), _picker(spec, identity.right)
    for row_spec in spec.data_rows:
        row = rows.get(row_spec.id)
        if row is not None:
            numbers = row.numbers
            yield row_spec.id, left(numbers), right(numbers)


def _picker(
    spec: TableSpec, columns: tuple[str, ...]
) -> Callable[[Sequence[Number | None]], Sequence[Number | None]]:
    """What picks ``columns``' numbers out of a row's, as a tuple (one C call a row)."""
    at = [spec.column_ids.index(c) for c in columns]
    if len(at) == 1:
        index = at[0]
        return lambda numbers: (numbers[index],)
    return operator.itemgetter(*at)


def _all_hold(table: Table, spec: TableSpec, only: tuple[str, ...]) -> bool:
    """Whether every identity named in ``only`` holds wherever it can be evaluated (the
    usual table), without building outcomes. False also when a cell is unreadable, so
    that :func:`evaluate` sorts it out."""
    rows = table.first_rows
    for identity in spec.identities:
        if identity.id in only:
            for _, left, right in _places(identity, spec, rows):
                if None in left or None in right or _sum(left) != _sum(right):
                    return False
    return True


def _sum(numbers: Iterable[Number | None]) -> Number:
    return sum(numbers, start=0)  # type: ignore[arg-type]


def _tally(outcomes: list[Outcome]) -> dict[tuple[str, str], int]:
    """For every cell, how many of the identities through it are broken, less how many
    hold: a wrong cell breaks every sum it is in, a correct one mostly sums that hold."""
    tally: dict[tuple[str, str], int] = {}
    for outcome in outcomes:
        vote = -1 if outcome.holds else 1
        for cell in set(outcome.cells):
            tally[cell] = tally.get(cell, 0) + vote
    return tally


def _culprit(outcome: Outcome, tally: dict[tuple[str, str], int]) -> str | None:
    """The row of a broken column sum whose cell is to blame, when the other identities
    through the candidate cells single one out (see :func:`_tally`)."""
    own = -1 if outcome.holds else 1
    scores = {row: tally[(row, column)] - own for row, column in outcome.cells}
    best = max(scores.values())
    leaders = [r for r, v in scores.items() if v == best]
    return leaders[0] if len(leaders) == 1 else None


# a table's spec and the identities a rule checks in it, by (template, table)
_SpecAndMine = tuple[TableSpec | None, tuple[str, ...]]


class IdentityRule(Rule):
    """Base of the rules that each check some identities of the format descriptions:
    those whose ``code`` is the rule's (a format added as data names its identities'
    rules), and those named in ``identities``."""

    identities: ClassVar[tuple[str, ...]] = ()

    def __init__(self, templates: TemplateSet | None = None) -> None:
        super().__init__(templates)
        self._specs: dict[tuple[str | None, str | None], _SpecAndMine] = {}

    def _mine(self, spec: TableSpec) -> tuple[str, ...]:
        return tuple(
            i.id for i in spec.identities if i.code == self.code or i.id in self.identities
        )

    def _spec_and_mine(self, table: Table) -> _SpecAndMine:
        """A table's spec and this rule's identities in it, looked up once per kind of
        table (every report has the same few)."""
        found = self._specs.get((table.template, table.id))
        if found is None:
            spec = table_spec(table, self.templates)
            found = self._specs[(table.template, table.id)] = (
                spec,
                self._mine(spec) if spec is not None else (),
            )
        return found

    def check(self, report: Report) -> Iterator[Finding]:
        for table in report.tables():
            spec, mine = self._spec_and_mine(table)
            if spec is None or not mine:
                continue
            if _all_hold(table, spec, mine):
                continue  # the usual table
            if next((i.id for i in spec.identities if i.axis == "row"), None) in mine:
                yield from self._fitting_no_split(table)
            outcomes = evaluate(table, spec)  # all of them, to tell which cell is wrong
            rows = table.first_rows
            tally = _tally(outcomes)
            for outcome in outcomes:
                if not outcome.holds and outcome.identity.id in mine:
                    yield self._report(table, spec, rows, outcome, tally)

    def _fitting_no_split(self, table: Table) -> Iterator[Finding]:
        """A warning at each row whose spaced or run-together numbers fit its own sums
        no way (:attr:`Row.fits_no_split`), from the rule of the table's first row sum:
        a number is wrong, or its total blank. Not where half the table's rows or more
        fit none: their totals are likelier blank, or lost in extraction, than all
        wrong, and GI901 says they were not read."""
        unfit = [row for row in table.rows if row.fits_no_split]
        if not unfit or 2 * len(unfit) >= sum(row.id is not None for row in table.rows):
            return
        name = table_name(table)
        for row in unfit:
            yield self.finding(
                row_span(row),
                f"{name}{_quoted(row.template_label)}{row.repair}",
                severity=Severity.WARNING,
            )

    def _report(
        self,
        table: Table,
        spec: TableSpec,
        rows: Mapping[str, Row],
        item: Outcome,
        tally: dict[tuple[str, str], int],
    ) -> Finding:
        identity = item.identity
        name = table_name(table)
        related = [rows[r].cell(c) for r, c in item.cells]
        cells = [c for c in related if c is not None]
        if identity.axis == "row":
            row = rows[item.key]
            total = identity.left[0]
            column = spec.column(total)
            label = column.label if column else total
            return self.finding(
                _cell_span(row, total),
                f"{name}{_quoted(row.template_label)}：{label}为 {_fmt(item.left)}，"
                f"但其余各列之和为 {_fmt(item.right)}（{identity.description}）",
                related=cells,
            )
        column = spec.column(item.key)
        column_label = column.label if column else item.key
        sides = self.describe(spec, identity, item)
        culprit = _culprit(item, tally)
        if culprit is None:
            anchor = rows[identity.left[0]]
            return self.finding(
                _cell_span(anchor, item.key),
                f"{name}“{column_label}”列不符合“{identity.description}”：{sides}",
                related=cells,
            )
        row = rows[culprit]
        current = row.number(item.key) or 0
        delta = item.right - item.left if culprit in identity.left else item.left - item.right
        cell = row.cell(item.key)
        # a blank cell is counted as 0, and said to be blank
        blank = cell is not None and cell.status is CellStatus.BLANK
        written = "空白（按 0 计）" if blank else f" {_fmt(current)}"
        return self.finding(
            _cell_span(row, item.key),
            f"{name}{_quoted(row.template_label)}“{column_label}”一栏为{written}，"
            f"按“{identity.description}”应为 {_fmt(current + delta)}：{sides}",
            related=cells,
        )

    @staticmethod
    def describe(spec: TableSpec, identity: SumIdentity, item: Outcome) -> str:
        def side(ids: tuple[str, ...]) -> str:
            if len(ids) > 3:
                return "各项之和"
            return "+".join(_short_label(spec.row(i), i) for i in ids)

        left, right = side(identity.left), side(identity.right)
        return f"{left}为 {_fmt(item.left)}，{right}为 {_fmt(item.right)}"


class Table3Balance(IdentityRule):
    """表三各列不平衡：第一项加第二项不等于第三项加第四项。

    检查内容：收到和处理政府信息公开申请情况表的每一列，是否满足表中注明的勾稽关系
    “第一项加第二项之和，等于第三项加第四项之和”，即
    本年新收 + 上年结转 = 本年度办理结果（七）总计 + 结转下年度继续办理。

    原因：申请要么在本年办结，要么结转下年；两边不等说明有申请被漏计或重复计算。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）
    表三注释。

    示例：自然人一列本年新收 10、上年结转 2，而（七）总计 9、结转下年度 1：10+2 ≠ 9+1。

    修改方法：逐项核对该列的申请数量，修正错误的数据。
    """

    code = "GI201"
    name = "table3-balance"
    checks_format = True
    summary = "In a column of table 三, 一 + 二 ≠ （七）总计 + 四."


class Table3OutcomeTotal(IdentityRule):
    """表三（七）总计不等于各项办理结果之和。

    检查内容：收到和处理政府信息公开申请情况表的每一列，（七）总计是否等于（一）予以公开、
    （二）部分公开、（三）不予公开各项、（四）无法提供各项、（五）不予处理各项、
    （六）其他处理各项之和。

    原因：总计与分项不一致，说明某一办理结果被漏填、错填或重复计算。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：自然人一列（七）总计为 20，但各项办理结果之和为 26。

    修改方法：核对各项办理结果和总计，修正错误的数据。
    """

    code = "GI202"
    name = "table3-outcome-total"
    checks_format = True
    summary = "In a column of table 三, （七）总计 ≠ the sum of the outcome rows."


class Table3ApplicantTotal(IdentityRule):
    """表三某行总计不等于各类申请人之和。

    检查内容：收到和处理政府信息公开申请情况表的每一行，“总计”列是否等于自然人、
    商业企业、科研机构、社会公益组织、法律服务机构、其他各列之和。

    原因：总计与分项不一致，说明某类申请人的数据被漏填或错填。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：“（一）予以公开”一行各类申请人合计 7 件，总计却填 8。

    一行的数字少于列数又没有分隔符时（网页文本、PDF 转换后空单元格不留痕迹，或数字连在
    一起），无论怎样拆分（空白单元格也算在内）都与本行总计对不上的，给出警告：可能有数字
    填错，或总计空白。表中半数以上的行都如此时（总计一栏可能空白或未能提取），不作判断，
    只由 GI901 提示这些行未能读出。

    修改方法：核对该行各列数据与总计，修正错误的数据。
    """

    code = "GI203"
    name = "table3-applicant-total"
    checks_format = True
    summary = "In a row of table 三, 总计 ≠ the sum of the six applicant columns."


class Table4Total(IdentityRule):
    """表四某组总计不等于分项之和。

    检查内容：政府信息公开行政复议、行政诉讼情况表中，行政复议、未经复议直接起诉、
    复议后起诉三组，每组的“总计”是否等于结果维持、结果纠正、其他结果、尚未审结之和。

    原因：总计与分项不一致，说明案件数量被漏填或错填。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：行政复议结果维持 1、结果纠正 1、其他结果 0、尚未审结 0，总计却填 3。

    一行的数字少于列数又没有分隔符、无论怎样拆分都与各组总计对不上的，同 GI203 给出警告。

    修改方法：核对该组各项案件数量与总计。
    """

    code = "GI204"
    name = "table4-total"
    checks_format = True
    summary = "In a group of table 四, 总计 ≠ the sum of its four outcomes."


class InvalidCell(Rule):
    """表格中的数据不是规定的数字。

    检查内容：统计表中应填数量的单元格是否为非负整数（金额列可为小数，“本年增/减”列可为负数）。
    单元格为空，或以“/”“-”“—”“无”代替 0 的，给出警告（一张表的空白单元格合为一条，以符号代替
    0 的也合为一条）。核对勾稽关系（GI201–GI204）时，
    空白的分项按 0 计；空白的总计不按 0 核对（空白并未写明合计数），只在此提示。
    单元格只有一个形似数字的字母或符号（“O”“〇”“○”“l”“I”，多见于扫描件的文字识别结果）的，
    给出警告（一张表的合为一条）：原件可能就是 0 或 1；这些单元格不按任何数字计，所涉合计不核对。

    原因：文字、小数或负数无法参与统计；空白和符号让读者无法判断是 0 还是漏填。

    依据：《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。

    示例：“1.属于国家秘密”一行自然人列填“/”；“（一）予以公开”一行填“1.5”。

    修改方法：填写实际数量；没有发生的填 0。
    """

    code = "GI205"
    name = "invalid-cell"
    checks_format = True
    summary = "A cell that should hold a count holds text, a negative or a fraction."

    def check(self, report: Report) -> Iterator[Finding]:
        # A whole-document rule, not a visitor: dispatching it per table costs ~40 µs a
        # report (measured), and the built-in rules must not get slower.
        for table in report.tables():
            yield from self._table(table)

    def _table(self, table: Table) -> Iterator[Finding]:
        if table.id is not None:
            name = table_name(table)
            blank: list[tuple[str, Cell]] = []  # (what, cell) of the table's empty cells
            marked: list[tuple[str, Cell]] = []  # (what, cell) of those with a sign for 0
            misread: list[tuple[str, Cell]] = []  # (what, cell) of those with "O", "l"…
            for row in table.rows:
                if row.statuses.count(CellStatus.OK) == len(row.statuses):
                    continue  # the usual row: no cell object needed
                for cell in row.cells:
                    what = f"{_quoted(row.template_label or row.label)}“{cell.column_label}”"
                    if cell.status is CellStatus.INVALID and looks_like_digit(cell.raw):
                        misread.append((what, cell))
                    elif cell.status is CellStatus.INVALID:
                        yield self.finding(
                            cell,
                            f"{name}{what}一栏应填写数量，实为“{cell.raw}”",
                            suggestion="填写非负整数；没有发生的填 0",
                        )
                    elif cell.status is CellStatus.BLANK:
                        blank.append((what, cell))
                    elif cell.status is CellStatus.PLACEHOLDER:
                        marked.append((what, cell))
            if marked:
                signs = "”“".join(dict.fromkeys(cell.raw for _, cell in marked))
                yield self._named(name, marked, f"写作“{signs}”", "应填写 0", "0")
            if blank:
                yield self._grouped(name, blank, "为空", "应填写 0 或实际数量")
            if misread:
                signs = "”“".join(dict.fromkeys(cell.raw for _, cell in misread))
                state = f"为“{signs}”，不是数字"
                yield self._named(name, misread, state, _MISREAD, _MISREAD_FIX)

    def _named(
        self, name: str, cells: list[tuple[str, Cell]], state: str, fix: str, suggestion: str
    ) -> Finding:
        """One cell in ``state`` named alone ("…一栏写作“/”，应填写 0"), several together
        (:meth:`_grouped`)."""
        if len(cells) > 1:
            return self._grouped(name, cells, state, fix, suggestion)
        ((what, cell),) = cells
        message = f"{name}{what}一栏{state}，{fix}"
        return self.finding(cell, message, severity=Severity.WARNING, suggestion=suggestion)

    def _grouped(
        self,
        name: str,
        cells: list[tuple[str, Cell]],
        state: str,
        fix: str,
        suggestion: str = "0",
    ) -> Finding:
        """Cells of one table in the same state (empty, or a sign for 0) as one finding:
        many small bodies leave whole columns blank or write “/” for every zero, and one
        line per cell would bury everything else."""
        shown = "、".join(what for what, _ in cells[:_GROUP_SHOWN])
        more = f"等 {len(cells)} 个" if len(cells) > _GROUP_SHOWN else ""
        return self.finding(
            cells[0][1],
            f"{name}有 {len(cells)} 个单元格{state}（{shown}{more}），{fix}",
            severity=Severity.WARNING,
            suggestion=suggestion,
            related=[cell for _, cell in cells],
        )


_GROUP_SHOWN = 4  # cells a grouped finding names; all of them are its related locations
# A letter for a digit is a warning, not an error: the report as printed may hold the
# digit, and only its conversion (an OCR) the letter. The sums it takes part in are not
# checked, so the finding says what to look at.
_MISREAD = "可能是数字 0 或 1 在文字识别或录入时误作字母、符号，相关合计未核对"
_MISREAD_FIX = "核对原件，填写阿拉伯数字"
