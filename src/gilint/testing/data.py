"""Report contents as data, and consistent numbers for them."""

from __future__ import annotations

import random
from collections.abc import Mapping

import attrs

from gilint.templates import FORMAT_2019, FORMAT_2021, NATIONAL
from gilint.templates.model import TableSpec, Template

Cells = tuple[str, ...]
TableValues = Mapping[str, Cells]

OVERVIEW_2021 = (
    "（一）主动公开情况。本机关通过政府网站主动公开政府信息，及时发布政策文件和工作动态。",
    "（二）依申请公开情况。本机关依法受理政府信息公开申请，均在法定期限内答复。",
    "（三）政府信息管理情况。本机关落实公开前保密审查制度，规范政府信息管理流程。",
    "（四）政府信息公开平台建设情况。本机关持续完善政府网站信息公开专栏，方便公众查询。",
    "（五）监督保障情况。本机关将政务公开纳入工作考核，开展社会评议，本年度无责任追究情况。",
)
PROBLEMS = (
    "（一）存在的主要问题。政策解读形式较为单一，部分信息更新不够及时。",
    "（二）改进情况。下一步将丰富解读形式，建立信息更新台账，确保公开及时准确。",
)
# Other wordings of the same sentences: a report of the kit says each aspect in one of
# them, chosen by its seed, so that reports of different seeds are not copies of each
# other (the rule on copied text, GI703, compares them).
_OVERVIEW_WORDINGS = (
    (
        OVERVIEW_2021[0],
        "（一）主动公开情况。围绕群众关心的事项，本机关在网站专栏逐月更新政策文件、规划计划和办事指南。",
        "（一）主动公开情况。本机关坚持以公开为常态，重要政策出台后同步发布图文解读和答问材料。",
    ),
    (
        OVERVIEW_2021[1],
        "（二）依申请公开情况。本机关畅通网上和当面两种申请渠道，逐件登记政府信息公开申请并按时答复。",
        "（二）依申请公开情况。收到申请后由专人审核、法律顾问把关，答复文书统一格式后送达申请人。",
    ),
    (
        OVERVIEW_2021[2],
        "（三）政府信息管理情况。本机关建立政府信息公开属性源头认定机制，定期清理过时文件。",
        "（三）政府信息管理情况。对拟公开的信息逐条登记台账，发布前经分管负责人审签。",
    ),
    (
        OVERVIEW_2021[3],
        "（四）政府信息公开平台建设情况。本机关完成网站适老化改造，公开平台栏目设置更加清晰。",
        "（四）政府信息公开平台建设情况。依托政务新媒体拓展公开平台，信息同步推送到政务服务大厅。",
    ),
    (
        OVERVIEW_2021[4],
        "（五）监督保障情况。本机关把政务公开列入年度工作考核，邀请群众代表参加社会评议。",
        "（五）监督保障情况。本机关每季度开展一次自查，工作考核结果在班子会议上通报。",
    ),
)
_PROBLEM_WORDINGS = (
    (
        PROBLEMS[0],
        "（一）存在的主要问题。个别栏目内容更新偏慢，政策解读的针对性还需提高。",
        "（一）存在的主要问题。基层工作人员业务能力参差不齐，信息发布质量有待提升。",
    ),
    (
        PROBLEMS[1],
        "（二）改进情况。下一步将加强业务培训，完善栏目更新提醒机制，提高解读质量。",
        "（二）改进情况。下一步将建立发布前审核清单，定期通报各栏目更新情况。",
    ),
)
FEE_STATEMENT = "本年度本机关未收取信息处理费。"
OTHER_MATTERS = "本年度无其他需要报告的事项。"


@attrs.frozen(slots=True)
class ReportData:
    """Everything a rendered report says. Table cells are strings, so a test can write
    anything into one (``"-1"``, ``"/"``, ``"五"``)."""

    template: str
    year: int
    issuer: str
    tables: Mapping[str, TableValues]
    overview: tuple[str, ...] = OVERVIEW_2021
    problems: tuple[str, ...] = PROBLEMS
    other_matters: tuple[str, ...] = (FEE_STATEMENT, OTHER_MATTERS)
    parts: tuple[str, ...] = ("一", "二", "三", "四", "五", "六")
    # what the report writes in place of the format's: a row's label ("3/new": …), a
    # part's heading ("三": "二、收到和处理…", or None for no heading at all)
    row_labels: Mapping[str, str] = attrs.field(factory=dict)
    headings: Mapping[str, str | None] = attrs.field(factory=dict)
    # the parts whose tables stand after part 六, under these headings (the report numbers
    # its narrative 一…六 first): {"二": "一、主动公开政府信息情况", …}
    appendix: Mapping[str, str] = attrs.field(factory=dict)
    # the format, when it is not one of the national ones (a format described as data)
    format: Template | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def spec(self) -> Template:
        template = self.format or NATIONAL.get(self.template)
        assert template is not None, self.template
        return template

    def with_cell(self, table: str, row: str, column: str, text: str) -> ReportData:
        """A copy with one cell's text replaced."""
        spec = self.spec.table(table)
        assert spec is not None
        index = [c.id for c in spec.columns].index(column)
        cells = list(self.tables[table][row])
        cells[index] = text
        return self.with_rows(table, {row: tuple(cells)})

    def with_rows(self, table: str, rows: Mapping[str, tuple[str, ...]]) -> ReportData:
        """A copy with these rows of ``table`` (cell texts by row id) replaced."""
        tables = {t: dict(values) for t, values in self.tables.items()}
        tables[table].update(rows)
        return attrs.evolve(self, tables=tables)


def _cell(kind: str, rnd: random.Random, high: int) -> str:
    if kind == "amount":
        return f"{rnd.randint(0, high * 10)}.{rnd.randint(0, 99):02d}"
    if kind == "delta":
        return str(rnd.randint(-high, high))
    return str(rnd.randint(0, high * 5))


def _column(spec: TableSpec, rnd: random.Random, high: int) -> dict[str, int]:
    """One column's numbers that satisfy the table's column identities (all counts).

    Each identity's first left row is worked out from the others: a single total is the
    sum of its parts; in ``a + b = c + d`` the rows after the first on the left are drawn
    no larger than the right side's sum, so the first is never negative. The other rows
    are drawn freely, in the table's order."""
    identities = [i for i in spec.identities if i.axis == "column"]
    worked = {i.left[0] for i in identities}
    bounded = {m for i in identities for m in i.left[1:]}
    known = {
        r.id: rnd.randint(0, high)
        for r in spec.data_rows
        if r.id not in worked and r.id not in bounded
    }
    pending = list(identities)
    while pending:
        ready = [i for i in pending if all(r in known for r in i.right)]
        if not ready:
            raise ValueError(f"表 {spec.id} 的勾稽关系无法依次求出")
        for identity in ready:
            total = sum(known[r] for r in identity.right)
            for member in identity.left[1:]:
                if member not in known:
                    taken = sum(known.get(m, 0) for m in identity.left[1:])
                    known[member] = rnd.randint(0, max(0, total - taken))
            known[identity.left[0]] = total - sum(known[m] for m in identity.left[1:])
            pending.remove(identity)
    return known


def _consistent(spec: TableSpec, rnd: random.Random, high: int) -> dict[str, Cells]:
    """Numbers for one table that satisfy all of its identities, derived from them: the
    columns that are a row's total are summed last; the others are drawn column by
    column under the column identities (or freely, row by row, in a table without
    identities, each cell by its column's kind)."""
    if not spec.identities:
        return {r.id: tuple(_cell(c.kind, rnd, high) for c in spec.columns) for r in spec.data_rows}
    totals = {i.left[0]: i.right for i in spec.identities if i.axis == "row" and len(i.left) == 1}
    columns: dict[str, dict[str, int]] = {}
    for column in spec.column_ids:
        if column not in totals:
            columns[column] = _column(spec, rnd, high)
    for column in spec.column_ids:
        if column in totals:
            columns[column] = {
                r.id: sum(columns[p][r.id] for p in totals[column]) for r in spec.data_rows
            }
    return {r.id: tuple(str(columns[c][r.id]) for c in spec.column_ids) for r in spec.data_rows}


def consistent_tables(template: Template, seed: int, high: int = 9) -> dict[str, dict[str, Cells]]:
    """Numbers for every table of ``template`` that satisfy all of its identities,
    derived from the identities themselves: any format described as data gets them."""
    rnd = random.Random(seed)
    return {spec.id: _consistent(spec, rnd, high) for spec in template.tables}


def sample_report(
    template: str | Template = "2021",
    year: int | None = None,
    seed: int = 0,
    issuer: str = "示例县示例镇人民政府",
    high: int = 9,
) -> ReportData:
    """A correct report of the given format (an id of the national formats, or any
    :class:`Template`, one described as data included) with random consistent numbers."""
    if isinstance(template, Template):
        spec = template
    else:
        spec = FORMAT_2021 if template == "2021" else FORMAT_2019
    if year is None:
        national = {"2021": 2024, "2019": 2020}
        year = national.get(spec.id) or max(spec.first_year or 2024, 2024)
    return ReportData(
        spec.id,
        year,
        issuer,
        consistent_tables(spec, seed, high),
        overview=_worded(_OVERVIEW_WORDINGS, seed),
        problems=_worded(_PROBLEM_WORDINGS, seed // 3),
        format=spec if isinstance(template, Template) else None,
    )


def _worded(wordings: tuple[tuple[str, ...], ...], seed: int) -> tuple[str, ...]:
    """One wording of each sentence, chosen by the digits of ``seed`` in base 3: reports
    of neighbouring seeds differ in their first sentences."""
    chosen = []
    for options in wordings:
        chosen.append(options[seed % len(options)])
        seed //= len(options)
    return tuple(chosen)
