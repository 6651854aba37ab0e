"""The national formats: the 2019 trial format and the 2021 revised format."""

from __future__ import annotations

from gilint.templates.model import (
    Aspect,
    ColumnSpec,
    PartSpec,
    RowSpec,
    SumIdentity,
    TableSpec,
    Template,
    TemplateSet,
)

# Heading keywords are keys (no spaces, half-width punctuation). A heading is a part
# heading when its title contains one of them.
PARTS = (
    PartSpec("一", "总体情况", ("总体情况", "总体工作情况", "概述"), roles=("overview",)),
    PartSpec("二", "主动公开政府信息情况", ("主动公开政府信息情况", "主动公开政府信息")),
    PartSpec(
        "三",
        "收到和处理政府信息公开申请情况",
        ("收到和处理政府信息公开申请", "收到和处理政府信息公开", "依申请公开政府信息情况"),
    ),
    PartSpec(
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        (
            "行政复议、行政诉讼",
            "行政复议,行政诉讼",
            "行政复议和行政诉讼",
            "行政复议及行政诉讼",
            "被申请行政复议",
            "行政复议、提起行政诉讼",
        ),
    ),
    PartSpec(
        "五",
        "存在的主要问题及改进情况",
        (
            "存在的主要问题",
            "存在问题",
            "存在的问题",
            "存在的不足",
            "主要问题及改进",
            "问题及改进情况",
        ),
    ),
    PartSpec(
        "六",
        "其他需要报告的事项",
        ("其他需要报告的事项", "其他需要报告", "其他需要说明", "其他事项"),
        roles=("fees",),
    ),
)

# --- Table 三 -----------------------------------------------------------------------

APPLICANT_COLUMNS = (
    ColumnSpec("natural_person", "自然人"),
    ColumnSpec("commercial", "商业企业"),
    ColumnSpec("research", "科研机构"),
    ColumnSpec("public_interest", "社会公益组织"),
    ColumnSpec("legal_services", "法律服务机构"),
    ColumnSpec("other", "其他"),
    ColumnSpec("total", "总计"),
)


def _table3_rows(other_rows: tuple[RowSpec, ...]) -> tuple[RowSpec, ...]:
    return (
        RowSpec("new", "一、本年新收政府信息公开申请数量"),
        RowSpec("carried_over", "二、上年结转政府信息公开申请数量"),
        RowSpec("outcome", "三、本年度办理结果", group=True),
        RowSpec("outcome.disclosed", "（一）予以公开"),
        RowSpec(
            "outcome.partial",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            aliases=("（二）部分公开",),
        ),
        RowSpec("outcome.refused", "（三）不予公开", group=True),
        RowSpec("outcome.refused.state_secret", "1.属于国家秘密"),
        RowSpec("outcome.refused.prohibited", "2.其他法律行政法规禁止公开"),
        RowSpec("outcome.refused.security", "3.危及“三安全一稳定”"),
        RowSpec("outcome.refused.third_party", "4.保护第三方合法权益"),
        RowSpec("outcome.refused.internal", "5.属于三类内部事务信息"),
        RowSpec("outcome.refused.process", "6.属于四类过程性信息"),
        RowSpec("outcome.refused.enforcement", "7.属于行政执法案卷"),
        RowSpec("outcome.refused.query", "8.属于行政查询事项"),
        RowSpec("outcome.unavailable", "（四）无法提供", group=True),
        RowSpec("outcome.unavailable.not_held", "1.本机关不掌握相关政府信息"),
        RowSpec("outcome.unavailable.needs_creation", "2.没有现成信息需要另行制作"),
        RowSpec("outcome.unavailable.unclear", "3.补正后申请内容仍不明确"),
        RowSpec("outcome.not_processed", "（五）不予处理", group=True),
        RowSpec("outcome.not_processed.petition", "1.信访举报投诉类申请"),
        RowSpec("outcome.not_processed.repeated", "2.重复申请"),
        RowSpec("outcome.not_processed.publications", "3.要求提供公开出版物"),
        RowSpec("outcome.not_processed.excessive", "4.无正当理由大量反复申请"),
        RowSpec("outcome.not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        *other_rows,
        RowSpec("outcome.total", "（七）总计", aliases=("（七）合计",)),
        RowSpec("carry_forward", "四、结转下年度继续办理"),
    )


def _table3(other_rows: tuple[RowSpec, ...]) -> TableSpec:
    rows = _table3_rows(other_rows)
    outcomes = tuple(
        r.id
        for r in rows
        if r.id.startswith("outcome.") and not r.group and r.id != "outcome.total"
    )
    applicants = tuple(c.id for c in APPLICANT_COLUMNS if c.id != "total")
    return TableSpec(
        id="3",
        display="表三",
        part="三",
        title="收到和处理政府信息公开申请情况",
        columns=APPLICANT_COLUMNS,
        rows=rows,
        identities=(
            SumIdentity(
                "table3-balance",
                "column",
                ("new", "carried_over"),
                ("outcome.total", "carry_forward"),
                "第一项加第二项之和，等于第三项加第四项之和",
                code="GI201",
            ),
            SumIdentity(
                "table3-outcome-total",
                "column",
                ("outcome.total",),
                outcomes,
                "（七）总计等于各项办理结果之和",
                code="GI202",
            ),
            SumIdentity(
                "table3-applicant-total",
                "row",
                ("total",),
                applicants,
                "总计等于自然人与各类法人或其他组织之和",
                code="GI203",
            ),
        ),
    )


TABLE3_2021 = _table3(
    (
        RowSpec("outcome.other", "（六）其他处理", group=True),
        RowSpec(
            "outcome.other.no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ),
        RowSpec(
            "outcome.other.no_fee",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        RowSpec("outcome.other.other", "3.其他"),
    )
)
TABLE3_2019 = _table3((RowSpec("outcome.other", "（六）其他处理"),))

# --- Table 四 -----------------------------------------------------------------------

_OUTCOMES = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
_GROUPS = (
    ("review", "行政复议"),
    ("direct_suit", "行政诉讼·未经复议直接起诉"),
    ("suit_after_review", "行政诉讼·复议后起诉"),
)

TABLE4 = TableSpec(
    id="4",
    display="表四",
    part="四",
    title="政府信息公开行政复议、行政诉讼情况",
    columns=tuple(ColumnSpec(f"{g}.{o}", f"{gl}·{ol}") for g, gl in _GROUPS for o, ol in _OUTCOMES),
    rows=(RowSpec("cases", None),),
    identities=tuple(
        SumIdentity(
            f"table4-{g}-total",
            "row",
            (f"{g}.total",),
            tuple(f"{g}.{o}" for o, _ in _OUTCOMES if o != "total"),
            f"{gl}总计等于结果维持、结果纠正、其他结果、尚未审结之和",
            code="GI204",
        )
        for g, gl in _GROUPS
    ),
)

# --- Table 二 -----------------------------------------------------------------------

_CONTENT = "信息内容"


def _item(number: str, columns: tuple[ColumnSpec, ...], rows: tuple[RowSpec, ...]) -> TableSpec:
    numeral = "一五六八九"["15689".index(number)]
    caption = f"第二十条第（{numeral}）项"
    return TableSpec(
        id=f"2.{number}", part="二", title=caption, caption=caption, columns=columns, rows=rows
    )


_DECISIONS_2021 = (ColumnSpec("decisions", "本年处理决定数量"),)
TABLES2_2021 = (
    _item(
        "1",
        (
            ColumnSpec("issued", "本年制发件数"),
            ColumnSpec("repealed", "本年废止件数"),
            ColumnSpec("in_force", "现行有效件数"),
        ),
        (
            RowSpec("regulations", "规章"),
            # many 2021-format reports keep the 2019 name of the row
            RowSpec("normative_documents", "行政规范性文件", aliases=("规范性文件",)),
        ),
    ),
    _item("5", _DECISIONS_2021, (RowSpec("licensing", "行政许可"),)),
    _item(
        "6", _DECISIONS_2021, (RowSpec("penalty", "行政处罚"), RowSpec("enforcement", "行政强制"))
    ),
    _item(
        "8",
        (
            ColumnSpec(
                "fee_amount", "本年收费金额（单位：万元）", "amount", aliases=("本年收费金额",)
            ),
        ),
        (RowSpec("fees", "行政事业性收费"),),
    ),
)

_PROJECTS_2019 = (
    ColumnSpec("previous", "上一年项目数量"),
    ColumnSpec("change", "本年增/减", "delta"),
    ColumnSpec("decisions", "处理决定数量"),
)
TABLES2_2019 = (
    _item(
        "1",
        (
            ColumnSpec("made", "本年新制作数量"),
            ColumnSpec("published", "本年新公开数量"),
            ColumnSpec("total_public", "对外公开总数量"),
        ),
        (RowSpec("regulations", "规章"), RowSpec("normative_documents", "规范性文件")),
    ),
    _item(
        "5",
        _PROJECTS_2019,
        (RowSpec("licensing", "行政许可"), RowSpec("other_services", "其他对外管理服务事项")),
    ),
    _item(
        "6", _PROJECTS_2019, (RowSpec("penalty", "行政处罚"), RowSpec("enforcement", "行政强制"))
    ),
    _item("8", _PROJECTS_2019[:2], (RowSpec("fees", "行政事业性收费"),)),
    _item(
        "9",
        (ColumnSpec("projects", "采购项目数量"), ColumnSpec("amount", "采购总金额", "amount")),
        (RowSpec("procurement", "政府集中采购"),),
    ),
)

OVERVIEW_ASPECTS_2021 = (
    Aspect("主动公开", ("主动公开",)),
    Aspect("依申请公开", ("依申请公开", "政府信息公开申请", "公开申请")),
    # 政府信息资源管理, 信息资源规范化管理, 发布审核, 保密审查, 公开属性认定: the same
    # aspect in other words
    Aspect(
        "政府信息管理",
        (
            "政府信息管理",
            "政务信息管理",
            "信息管理",
            "信息资源",
            "发布审核",
            "保密审查",
            "公开属性",
        ),
    ),
    # the platforms by name, built or run: 网站集约化建设, 政务新媒体, 政府公报, 公开专区;
    # work on a website's columns or running (优化网站栏目, 完善信息公开专栏, 网站改版,
    # 网站运维); not a website named as where something was published (在门户网站公开)
    Aspect(
        "政府信息公开平台建设",
        (
            "平台建设",
            "公开平台",
            "网站建设",
            "集约化",
            "政务新媒体",
            "政府公报",
            "公开专区",
            "网站栏目",
            "公开专栏",
            "网站改版",
            "网站运维",
            "网站管理",
        ),
    ),
    # 考核监督, 监督检查, 督查: the aspect's own parts in other words (not 监督 alone, as
    # in 监督权 or 事中事后监督管理, which speak of other things)
    Aspect(
        "监督保障", ("监督保障", "工作考核", "社会评议", "责任追究", "考核", "监督检查", "督查")
    ),
)

FORMAT_2019 = Template(
    id="2019",
    name="2019 年试行格式",
    document="国办公开办函〔2019〕60号",
    parts=PARTS,
    tables=(*TABLES2_2019, TABLE3_2019, TABLE4),
    first_year=2019,
    last_year=2020,
)

FORMAT_2021 = Template(
    id="2021",
    name="2021 年修订格式",
    document="国办公开办函〔2021〕30号",
    parts=PARTS,
    tables=(*TABLES2_2021, TABLE3_2021, TABLE4),
    first_year=2021,
    overview_aspects=OVERVIEW_ASPECTS_2021,
    requires_fee_statement=True,
)

NATIONAL = TemplateSet((FORMAT_2019, FORMAT_2021))
