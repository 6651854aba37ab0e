"""Correct reports in the wordings and shapes published reports take (see the format
notes, "Layouts seen in published reports"): each function returns a copy of a report
that says the same things differently, and that no rule may call wrong.

* :func:`echoing_subsections`: part 一's subsections titled like parts
  (``（一）主动公开政府信息情况``);
* :func:`label_variants`: ``规范性文件`` for ``行政规范性文件``, ASCII punctuation inside
  row labels, ``（七）合计`` for ``（七）总计``;
* :func:`fee_wordings`: the fee statement in the other precise wordings
  (``未收取信息公开处理费`` …);
* :func:`ocr_issuer`: an OCR confusion in the body's name (``沐阳`` for ``沭阳``);
* :func:`blank_columns`: table 三 with only 自然人 and 总计 filled;
* :func:`narrative_first`: the narrative numbered 一…六 first, the tables after it under
  headings numbered anew (``二、收到和处理政府信息公开申请情况`` where the format says 三);
* :func:`tables_in_annex`: the tables in an annex after the narrative, each under a
  table's title that is its part's (``附表2：收到和处理政府信息公开申请情况``,
  ``表3 政府信息公开行政复议、行政诉讼情况统计表``, ``…情况表``, or the part's title alone);
* :func:`headless_overview`: part 一 without its heading, straight to its subsections.
"""

from __future__ import annotations

import attrs

from gilint.testing.data import ReportData

ECHOING_OVERVIEW = (
    "（一）主动公开政府信息情况。本机关通过门户网站主动公开政策文件、工作动态和公示公告。",
    "（二）依申请公开政府信息情况。本机关依法办理政府信息公开申请，均在法定期限内答复。",
    "（三）政府信息管理情况。本机关落实公开前保密审查，及时清理过时信息。",
    "（四）政府信息公开平台建设情况。本机关完善网站公开专栏，方便公众查询。",
    "（五）监督保障情况。本机关将政务公开纳入工作考核，开展社会评议。",
)

FEE_WORDINGS = (
    "本年度本机关未收取信息公开处理费。",
    "本年度本机关未收取政府信息公开处理费。",
    "本年度本机关无收取信息处理费的情况。",
    "本机关本年度未向申请人收取信息处理费用。",
    # the format's own account of the fee, without its name
    "本年度发出收费通知的件数和总金额以及实际收取的总金额均为 0。",
)


def echoing_subsections(data: ReportData) -> ReportData:
    return attrs.evolve(data, overview=ECHOING_OVERVIEW)


def label_variants(data: ReportData) -> ReportData:
    """Row labels as many reports write them: the 2019 name of a 2021 row, ASCII
    parentheses and full stops in the numbering, 合计 for 总计."""
    labels = {
        "3/outcome.refused.state_secret": "1. 属于国家秘密",
        "3/outcome.disclosed": "(一)予以公开",
        "3/outcome.total": "(七)合计",
    }
    if data.template == "2021":
        labels["2.1/normative_documents"] = "规范性文件"
    return attrs.evolve(data, row_labels={**data.row_labels, **labels})


def fee_wordings(data: ReportData, which: int = 0) -> ReportData:
    statement = FEE_WORDINGS[which % len(FEE_WORDINGS)]
    return attrs.evolve(data, other_matters=(statement, *data.other_matters[1:]))


def ocr_issuer(data: ReportData) -> ReportData:
    return attrs.evolve(data, issuer="沐阳县民政局")


def blank_columns(data: ReportData) -> ReportData:
    """Table 三 filled only for 自然人 and 总计, as many small bodies do: the five columns
    of 法人或其他组织 are left blank. The numbers stay consistent: each row's natural
    persons are its total."""
    rows = {
        row: (cells[0], "", "", "", "", "", cells[0]) for row, cells in data.tables["3"].items()
    }
    return data.with_rows("3", rows)


def blank_first_column(data: ReportData) -> ReportData:
    """Table 三 with 自然人 left blank in every row, as a body that only organisations
    applied to may leave it: the blank stands right after the row's label, where the
    empty cells of merged label columns stand too. The numbers stay consistent: each
    row's natural persons are counted with 商业企业 instead."""
    rows: dict[str, tuple[str, ...]] = {}
    for row, cells in data.tables["3"].items():
        natural, commercial, *rest = cells
        rows[row] = ("", str(int(natural or 0) + int(commercial or 0)), *rest)
    return data.with_rows("3", rows)


def blank_total_column(data: ReportData) -> ReportData:
    """Table 三 with its column of totals (总计) left blank in every row, as some bodies
    leave it; every other cell as it was."""
    return data.with_rows("3", {row: (*cells[:-1], "") for row, cells in data.tables["3"].items()})


def narrative_first(data: ReportData) -> ReportData:
    spec = data.spec
    return attrs.evolve(
        data,
        appendix={
            part: f"{new}、{spec.part(part).title}"  # type: ignore[union-attr]
            for part, new in (("二", "一"), ("三", "二"), ("四", "三"))
        },
    )


ANNEX_TITLES = (
    "附表{number}：{title}",
    "表{number} {title}统计表",
    "{title}",
    "表{number} {title}表",
)


def tables_in_annex(data: ReportData, form: int = 0) -> ReportData:
    """The tables of parts 二 to 四 after part 六, under annex titles of ``form``
    (:data:`ANNEX_TITLES`)."""
    spec = data.spec
    return attrs.evolve(
        data,
        appendix={
            part: ANNEX_TITLES[form % len(ANNEX_TITLES)].format(
                number=number,
                title=spec.part(part).title,  # type: ignore[union-attr]
            )
            for number, part in enumerate(("二", "三", "四"), 1)
        },
    )


def headless_overview(data: ReportData) -> ReportData:
    return attrs.evolve(data, headings={**data.headings, "一": None})
