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

    @property
    def spec(self) -> Template:
        template = NATIONAL.get(self.template)
        assert template is not None, self.template
        return template

    def with_cell(self, table: str, row: str, column: str, text: str) -> ReportData:
        """A copy with one cell's text replaced."""
        spec = self.spec.table(table)
        assert spec is not None
        index = [c.id for c in spec.columns].index(column)
        cells = list(self.tables[table][row])
        cells[index] = text
        tables = {t: dict(rows) for t, rows in self.tables.items()}
        tables[table][row] = tuple(cells)
        return attrs.evolve(self, tables=tables)


def _table3(spec: TableSpec, rnd: random.Random, high: int) -> dict[str, Cells]:
    outcome_rows = [
        r.id for r in spec.data_rows if r.id.startswith("outcome.") and r.id != "outcome.total"
    ]
    applicants = [c.id for c in spec.columns if c.id != "total"]
    rows: dict[str, list[int]] = {r.id: [] for r in spec.data_rows}
    for _ in applicants:
        outcomes = {r: rnd.randint(0, high) for r in outcome_rows}
        total = sum(outcomes.values())
        carry_forward = rnd.randint(0, high)
        carried_over = rnd.randint(0, total + carry_forward)
        for r, v in outcomes.items():
            rows[r].append(v)
        rows["outcome.total"].append(total)
        rows["carry_forward"].append(carry_forward)
        rows["carried_over"].append(carried_over)
        rows["new"].append(total + carry_forward - carried_over)
    return {r: tuple(str(v) for v in (*vs, sum(vs))) for r, vs in rows.items()}


def _table4(spec: TableSpec, rnd: random.Random, high: int) -> dict[str, Cells]:
    cells: list[int] = []
    for _ in range(len(spec.columns) // 5):
        four = [rnd.randint(0, high) for _ in range(4)]
        cells.extend((*four, sum(four)))
    return {"cases": tuple(str(v) for v in cells)}


def _small(spec: TableSpec, rnd: random.Random, high: int) -> dict[str, Cells]:
    def cell(kind: str) -> str:
        if kind == "amount":
            return f"{rnd.randint(0, high * 10)}.{rnd.randint(0, 99):02d}"
        if kind == "delta":
            return str(rnd.randint(-high, high))
        return str(rnd.randint(0, high * 5))

    return {r.id: tuple(cell(c.kind) for c in spec.columns) for r in spec.data_rows}


def consistent_tables(template: Template, seed: int, high: int = 9) -> dict[str, dict[str, Cells]]:
    """Numbers for every table of ``template`` that satisfy all of its identities."""
    rnd = random.Random(seed)
    tables: dict[str, dict[str, Cells]] = {}
    for spec in template.tables:
        if spec.id == "3":
            tables[spec.id] = _table3(spec, rnd, high)
        elif spec.id == "4":
            tables[spec.id] = _table4(spec, rnd, high)
        else:
            tables[spec.id] = _small(spec, rnd, high)
    return tables


def sample_report(
    template: str = "2021",
    year: int | None = None,
    seed: int = 0,
    issuer: str = "示例县示例镇人民政府",
    high: int = 9,
) -> ReportData:
    """A correct report of the given format with random consistent numbers."""
    spec = FORMAT_2021 if template == "2021" else FORMAT_2019
    if year is None:
        year = 2024 if template == "2021" else 2020
    return ReportData(
        spec.id,
        year,
        issuer,
        consistent_tables(spec, seed, high),
        overview=_worded(_OVERVIEW_WORDINGS, seed),
        problems=_worded(_PROBLEM_WORDINGS, seed // 3),
    )


def _worded(wordings: tuple[tuple[str, ...], ...], seed: int) -> tuple[str, ...]:
    """One wording of each sentence, chosen by the digits of ``seed`` in base 3: reports
    of neighbouring seeds differ in their first sentences."""
    chosen = []
    for options in wordings:
        chosen.append(options[seed % len(options)])
        seed //= len(options)
    return tuple(chosen)
