"""Each built-in rule, firing and not firing, in every layout."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest

import gilint
from gilint.findings import Finding, Severity
from gilint.templates import NATIONAL
from gilint.testing import LAYOUTS, SEPARATED_LAYOUTS, ReportData, render, sample_report

LAYOUT = pytest.mark.parametrize("layout", LAYOUTS)
# A changed cell is read as that cell only where cells stay separated (not where the
# numbers of a row ran together: such a row may be unread).
NUMBER_LAYOUT = pytest.mark.parametrize("layout", SEPARATED_LAYOUTS)
# Tests that edit the text line by line (move, delete or add a line) need layouts that put
# headings and rows on lines of their own: not web page text kept on one line.
LINE_LAYOUT = pytest.mark.parametrize(
    "layout", [lay for lay in LAYOUTS if lay not in ("web", "runs")]
)


def run(text: str, *codes: str) -> list[Finding]:
    """Findings of the built-in rules (installed plugins must not change these tests)."""
    return gilint.lint(text, config={"select": list(codes or ["GI"])})


def rendered(data: ReportData, layout: str) -> str:
    return render(data, layout).text  # type: ignore[arg-type]


def good(template: str = "2021") -> ReportData:
    return sample_report(template, seed=7, high=20)


def line_of(text: str, needle: str, nth: int = 0) -> int:
    hits = [i for i, line in enumerate(text.split("\n"), 1) if needle in line]
    return hits[nth]


@LAYOUT
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_clean_reports_have_no_findings(layout: str, template: str) -> None:
    findings = run(rendered(good(template), layout))
    if layout in SEPARATED_LAYOUTS:
        assert findings == []
    else:  # rows whose numbers ran together in more than one consistent way: said quietly
        assert [(f.code, f.severity) for f in findings] in ([], [("GI901", Severity.INFO)])


# -- structure ----------------------------------------------------------------------


@LAYOUT
def test_gi101_missing_section(layout: str) -> None:
    text = rendered(attrs.evolve(good(), parts=("一", "二", "三", "五", "六")), layout)
    findings = run(text, "GI101")
    assert [(f.code, f.line) for f in findings] == [("GI101", line_of(text, "五、存在的主要问题"))]
    assert "第四部分" in findings[0].message and "行政复议" in findings[0].message


@LAYOUT
def test_gi101_missing_last_section_points_at_the_end(layout: str) -> None:
    text = rendered(attrs.evolve(good(), parts=("一", "二", "三", "四", "五")), layout)
    findings = run(text, "GI101")
    assert len(findings) == 1 and "第六部分" in findings[0].message
    assert findings[0].line == len(text.rstrip().split("\n"))


def test_gi101_not_for_files_that_are_no_report() -> None:
    assert run("会议纪要。\n", "GI101") == []
    assert [f.code for f in run("会议纪要。\n", "GI902")] == ["GI902"]


# A notice numbered 一、二、三 as a report's parts are, with no report's title and no table
NOTICE = """关于做好本年度档案整理工作的通知

各科室：

为规范档案管理，现将有关事项通知如下。

一、整理范围
本年度形成的各类文书档案。

二、整理要求
（一）按年度、机构分类。
（二）卷内文件按时间排列。

三、时间安排
请于十二月底前完成。

办公室
"""
# Part headings in words no keyword of the format knows
OTHER_WORDS = {
    "一": "一、年度回顾",
    "二": "二、制度文件发布",
    "三": "三、来函办理",
    "四": "四、救济途径",
    "五": "五、短板与举措",
    "六": "六、附记",
}


def test_gi902_a_notice_numbered_as_parts_are() -> None:
    findings = run(NOTICE)
    assert [(f.code, f.line) for f in findings] == [("GI902", 1)]
    assert "“一、整理范围”" in findings[0].message
    assert gilint.parse(NOTICE).sections == ()


# Another annual report: its "存在的不足和原因" reads as part 五's title in other words
ANOTHER_REPORT = """某县司法局2024年法治政府建设年度报告

现将本年度法治政府建设情况报告如下。

一、主要举措和成效
全年开展执法检查三十余次，落实行政执法三项制度。

二、存在的不足和原因
执法人员业务能力有待提升。

三、下一年度的主要安排
持续加强执法队伍建设。
"""


def test_gi902_another_annual_report() -> None:
    findings = run(ANOTHER_REPORT)
    assert [(f.code, f.line) for f in findings] == [("GI902", 1)]
    assert "“法治政府建设”" in findings[0].message


@LAYOUT
def test_gi902_not_for_a_report_under_another_title_with_the_formats_tables(layout: str) -> None:
    text = rendered(good(), layout)
    title_span = gilint.parse(text).title_span
    assert title_span is not None
    retitled = f"{text[: title_span.start]}某镇2024年法治政府建设年度报告{text[title_span.end :]}"
    assert "GI902" not in {f.code for f in run(retitled)}


@LINE_LAYOUT
def test_gi902_not_for_a_report_whose_part_titles_are_in_other_words(layout: str) -> None:
    text = rendered(attrs.evolve(good(), headings=OTHER_WORDS), layout)
    report = gilint.parse(text)
    assert not any(s.title_recognised for s in report.sections)
    assert report.title_span is not None
    untitled = text[: report.title_span.start] + text[report.title_span.end :]
    for kept in (text, untitled):  # its title or its tables make it a report
        codes = {f.code for f in run(kept)}
        assert "GI902" not in codes and "GI104" in codes
    notice = run(NOTICE.replace("关于做好本年度档案整理工作的通知", report.title or ""))
    assert "GI902" not in {f.code for f in notice}  # a report's title over the items


@NUMBER_LAYOUT
def test_gi903_each_report_of_a_file_is_checked(layout: str) -> None:
    first = rendered(attrs.evolve(good(), parts=("一", "二", "三", "四", "五")), layout)
    second = rendered(good("2019").with_cell("3", "new", "total", "999"), layout)
    third = rendered(attrs.evolve(good(), year=2023), layout)
    text = "\n\n".join((first, second, third))
    findings = [f for f in run(text) if f.code != "GI901"]
    second_at, third_at = (  # where the second and third report's titles start
        text.index(part, len(first)) + title_start(part) for part in (second, third)
    )
    # each report's own defects at their places: part 六 missing where the first ends,
    # the second's table 三 total off by its row
    assert [f.code for f in findings] == ["GI101", "GI903", "GI201", "GI203"]
    missing, more, balance, total = findings
    assert "第六部分" in missing.message and missing.span.start < second_at
    assert second_at < balance.span.start < third_at and "999" in total.message
    assert (more.span.start, more.severity) == (second_at, Severity.INFO)
    assert "另一份年度报告" in more.message and "2020" in more.message
    assert "其中 3 份年度报告分别检查" in more.message
    assert [span.start for span in more.related] == [third_at]
    assert [r.year for r in gilint.Linter().parse_all(text)] == [2024, 2020, 2023]


def title_start(text: str) -> int:
    title_span = gilint.parse(text).title_span
    assert title_span is not None
    return title_span.start


@LAYOUT
def test_gi903_the_same_report_twice(layout: str) -> None:
    text = rendered(good(), layout)
    ((finding,),) = [[f for f in run(text + "\n\n" + text) if f.code != "GI901"]]
    assert finding.code == "GI903" and "同一份报告又出现一次" in finding.message


@LINE_LAYOUT
@pytest.mark.parametrize(
    "title",
    [
        "图解：示例镇2024年政府信息公开工作年度报告",
        "《示例镇2024年政府信息公开工作年度报告》解读",
        "附件：示例镇2023年政府信息公开工作年度报告",
    ],
)
def test_gi903_a_reading_of_the_report_after_it(layout: str, title: str) -> None:
    """A reading of the report laid out as one (its parts numbered again) is neither the
    report's parts repeated (GI103 for each before) nor a report lacking its tables."""
    text = rendered(good(), layout)
    parts = "一、总体情况\n全年主动公开信息120条。\n\n二、主动公开政府信息情况\n制发文件3件。\n"
    reading = f"{title}\n\n{parts}"
    findings = run(f"{text}\n\n{reading}")
    assert [(f.code, f.line) for f in findings] == [
        ("GI903", line_of(text + "\n\n" + reading, title))
    ]
    assert "没有格式规定的统计表" in findings[0].message


@LINE_LAYOUT
def test_gi903_a_report_of_a_volume_without_its_tables_is_checked(layout: str) -> None:
    """A volume's report that has its parts but not its tables lacks them: it is checked
    as a report (GI107 for each part's missing table, at its parts), where before it was
    taken for a reading of the report and not checked. A reading's marks ("解读",
    "图解：", "附件：") or the title of the report before it still keep one unchecked."""
    first = rendered(good(), layout)
    third = rendered(sample_report("2021", seed=3), layout)
    title = "示例县乙镇人民政府2024年政府信息公开工作年度报告"
    parts = "\n\n".join(
        f"{p.ordinal}、{p.title}\n\n本年度{p.title}的有关工作已按要求开展。" for p in NATIONAL.parts
    )
    second = f"{title}\n\n{parts}\n\n本年度未收取信息处理费。"
    text = f"{first}\n\n{second}\n\n{third}"
    start, end = text.index(title), text.index(second) + len(second)
    findings = [f for f in run(text) if f.code in ("GI107", "GI903")]
    assert [f.code for f in findings] == ["GI903", "GI107", "GI107", "GI107"]
    more, *missing = findings
    assert "其中 3 份年度报告分别检查" in more.message
    assert all(start <= f.span.start < end for f in missing)
    assert [f.message[:3] for f in missing] == ["第二部", "第三部", "第四部"]
    # with the first report's title it is an excerpt of it, not checked; so is a short
    # version, marked in its title
    first_title = gilint.parse(first).title
    assert first_title is not None
    for named in (first_title, f"{first_title}（简版）"):
        again = text.replace(title, named)
        assert [f.code for f in run(again) if f.code in ("GI107", "GI903")] == ["GI903"]
    # the volume's first report without its tables: the second is still another report
    # (its parts were read as the first's repeated, GI102 and GI103, and the first's
    # missing tables were not said)
    leading = f"{second}\n\n{third}"
    findings = [f for f in run(leading) if f.code.startswith(("GI10", "GI903"))]
    assert [f.code for f in findings if f.code != "GI105"] == ["GI107"] * 3 + ["GI903"]
    assert all(f.span.start < len(second) for f in findings if f.code == "GI107")


@LAYOUT
def test_gi903_not_for_a_title_repeated_in_one_report(layout: str) -> None:
    """A title over the body after a table of contents, or at the top of a page (before
    part 四, after the tables), is the report's own."""
    text = rendered(good(), layout)
    title_span = gilint.parse(text).title_span
    assert title_span is not None
    title = text[title_span.start : title_span.end]
    contents = "目录\n" + "\n".join(f"{p.ordinal}、{p.title}" for p in NATIONAL.parts)
    listed = f"{text[: title_span.end]}\n\n{contents}\n\n{title}\n\n{text[title_span.end :]}"
    four = text.index("四、政府信息公开行政复议")
    four = max(text.rfind("\n", 0, four) + 1, text.rfind(" ", 0, four) + 1)
    headed = f"{text[:four]}{title}\n\n{text[four:]}"
    for kept in (listed, headed):
        assert [f for f in run(kept) if f.code in ("GI903", "GI103", "GI102")] == []


@LINE_LAYOUT
def test_gi102_out_of_order(layout: str) -> None:
    text = rendered(good(), layout)
    five, six = text.index("五、存在的主要问题"), text.index("六、其他需要报告的事项")
    start = text.rfind("\n", 0, five) + 1
    six_start = text.rfind("\n", 0, six) + 1
    swapped = text[:start] + text[six_start:] + "\n" + text[start:six_start]
    findings = run(swapped, "GI102")
    assert [f.line for f in findings] == [line_of(swapped, "五、存在的主要问题")]
    assert "第五部分" in findings[0].message and "第六部分之后" in findings[0].message


@LAYOUT
def test_gi102_wrong_ordinal(layout: str) -> None:
    text = rendered(good(), layout).replace("五、存在的主要问题", "七、存在的主要问题")
    findings = run(text, "GI102")
    assert len(findings) == 1 and "“七”" in findings[0].message
    assert findings[0].suggestion == "五、存在的主要问题及改进情况"


@LAYOUT
def test_gi103_duplicate(layout: str) -> None:
    text = rendered(good(), layout) + "\n六、其他需要报告的事项\n\n本年度未收取信息处理费。\n"
    findings = run(text, "GI103")
    assert [f.line for f in findings] == [line_of(text, "六、其他需要报告的事项", 1)]
    assert findings[0].related[0].line == line_of(text, "六、其他需要报告的事项")


@LAYOUT
def test_gi104_nonstandard_title(layout: str) -> None:
    text = rendered(good(), layout).replace(
        "五、存在的主要问题及改进情况", "五、存在问题及改进情况"
    )
    findings = run(text, "GI104")
    assert len(findings) == 1 and findings[0].severity is Severity.WARNING
    assert findings[0].suggestion == "存在的主要问题及改进情况"
    assert findings[0].line == line_of(text, "五、存在问题及改进情况")


@LAYOUT
def test_gi105_overview_aspect(layout: str) -> None:
    data = attrs.evolve(good(), overview=good().overview[:3])
    findings = run(rendered(data, layout), "GI105")
    assert sorted(f.message.split("“")[1].split("”")[0] for f in findings) == [
        "政府信息公开平台建设",
        "监督保障",
    ]
    assert run(rendered(good("2019"), layout), "GI105") == []  # not asked of 2019 reports
    # the aspects in other words, as reports title them
    other_words = (
        *good().overview[:2],
        "（三）政府信息资源管理情况。本机关定期清理过时文件。",
        "（四）政务公开平台建设情况。本机关完善网站栏目。",
        "（五）强化考核监督。本机关开展自查并通报结果。",
    )
    data = attrs.evolve(good(), overview=other_words)
    assert run(rendered(data, layout), "GI105") == []
    # without the format's headings: what the work was
    described = (
        *good().overview[:2],
        "（三）严格落实信息发布审核和保密审查制度。",
        "（四）推进政府网站集约化建设，规范政务新媒体运营。",
        "（五）开展政务公开工作考核。",
    )
    data = attrs.evolve(good(), overview=described)
    assert run(rendered(data, layout), "GI105") == []
    # work on a website's columns or its running is platform work
    for website in (
        "（四）持续优化门户网站栏目设置，方便公众查找。",
        "（四）完善政府信息公开专栏，及时更新内容。",
        "（四）做好网站改版和日常运维。",
    ):
        data = attrs.evolve(good(), overview=(*good().overview[:3], website, good().overview[4]))
        assert run(rendered(data, layout), "GI105") == [], website
    # a website named only as where something was published covers no platform work
    published = (*good().overview[:2], "（三）在门户网站公开信息管理制度。", "（五）开展考核。")
    data = attrs.evolve(good(), overview=published)
    assert [
        f.message.split("“")[1].split("”")[0] for f in run(rendered(data, layout), "GI105")
    ] == ["政府信息公开平台建设"]


@LAYOUT
def test_gi106_empty_section(layout: str) -> None:
    data = attrs.evolve(good(), problems=("无。",))
    findings = run(rendered(data, layout), "GI106")
    assert len(findings) == 1 and "第五部分" in findings[0].message
    # "其他需要报告的事项：无" is an answer: nothing else to report
    answered = attrs.evolve(good("2019"), other_matters=("无。",))
    assert run(rendered(answered, layout), "GI106") == []
    if layout not in ("web", "runs"):  # (web text: the page's footer follows the part)
        silent = attrs.evolve(good("2019"), other_matters=())
        (finding,) = run(rendered(silent, layout), "GI106")
        assert "第六部分" in finding.message  # nothing at all is no answer


@LAYOUT
def test_gi107_missing_table(layout: str) -> None:
    text = rendered(good(), layout)
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议")
    text = (
        text[:start]
        + "三、收到和处理政府信息公开申请情况\n\n本年度未收到政府信息公开申请。\n\n"
        + text[end:]
    )
    findings = run(text, "GI107")
    assert [f.line for f in findings] == [line_of(text, "三、收到和处理")]
    assert run(rendered(good(), layout), "GI107") == []


@LINE_LAYOUT
def test_gi108_missing_rows_and_cells(layout: str) -> None:
    text = rendered(good(), layout)
    lines = text.split("\n")
    total = line_of(text, "（七）总计" if layout != "tabs" else "(七) 总计")
    del lines[total - 1]
    text = "\n".join(lines)
    findings = run(text, "GI108")
    assert len(findings) == 1 and "“（七）总计”" in findings[0].message
    assert findings[0].line == line_of(text, "3.其他")  # where the row belongs


def test_gi108_names_table_four_s_numbers_row_without_its_id() -> None:
    """Table 四's row of numbers has no label in the format: its id (cases) is no name
    a user knows."""
    text = rendered(good(), "wrapped")
    lines = text.split("\n")
    header = line_of(text, "复议后起诉")
    numbers = next(i for i in range(header, len(lines)) if lines[i][:1].isdigit())
    del lines[numbers]
    (finding,) = run("\n".join(lines), "GI108")
    assert finding.message == "表四缺少 1 行：（无行标签的数字行）"


def test_a_short_row_without_separators_is_unread_not_missing_cells() -> None:
    # pdftotext drops a blank cell: six numbers for seven columns, and nothing says
    # which column is blank. That is not GI108: the row is unread, said once, quietly.
    # Here the count of the cell left blank (7) is still in the total, so no place of
    # the blank makes the row add up: that is a defect of the report, warned of (a
    # wrong number, or a blank total).
    data = good().with_cell("3", "outcome.disclosed", "commercial", "")
    assert good().tables["3"]["outcome.disclosed"][1] == "7"
    text = rendered(data, "wrapped")
    findings = run(text)
    assert [(f.code, f.severity) for f in findings] == [
        ("GI203", Severity.WARNING),
        ("GI901", Severity.INFO),
    ]
    assert "“（一）予以公开”" in findings[1].message and "只读到 6 个数" in findings[1].message
    assert "无论怎样拆分（空白单元格也算在内）都与本行的合计对不上" in findings[0].message
    assert findings[0].line == findings[1].line == line_of(text, "（一）予以公开")


def test_a_short_row_with_separators_misses_cells() -> None:
    text = rendered(good(), "tabs")
    lines = text.split("\n")
    at = line_of(text, "(一) 予以公开") - 1
    lines[at] = lines[at].rstrip("\t").rsplit("\t", 2)[0]  # the row stops two cells early
    findings = run("\n".join(lines), "GI108")
    assert len(findings) == 1 and "缺少" in findings[0].message
    assert findings[0].severity is Severity.ERROR


# -- numbers ------------------------------------------------------------------------


@NUMBER_LAYOUT
def test_gi201_balance(layout: str) -> None:
    data = good()
    old = int(data.tables["3"]["carry_forward"][0])
    data = data.with_cell("3", "carry_forward", "natural_person", str(old + 2))
    text = rendered(data, layout)
    findings = run(text, "GI201")
    # at the cell the renderer wrote (in a table converted a cell per line it is not on
    # the label's line)
    cell = render(data, layout).cells[("3", "carry_forward", "natural_person")]  # type: ignore[arg-type]
    assert [(f.code, f.line, f.column) for f in findings] == [("GI201", *cell)]
    assert f"为 {old + 2}，" in findings[0].message and f"应为 {old}" in findings[0].message


@NUMBER_LAYOUT
def test_gi201_when_the_culprit_cannot_be_told(layout: str) -> None:
    # two cells of one row changed so that the row still adds up: the column is wrong,
    # but no single cell can be blamed, so the finding says so without guessing
    data = good()
    row = data.tables["3"]["carry_forward"]
    data = data.with_cell("3", "carry_forward", "natural_person", str(int(row[0]) + 2))
    data = data.with_cell("3", "carry_forward", "total", str(int(row[6]) + 2))
    text = rendered(data, layout)
    findings = run(text, "GI2")
    assert [f.code for f in findings] == ["GI201", "GI201"]
    assert all("列不符合" in f.message and "应为" not in f.message for f in findings)
    # at the column's first cell, where the renderer wrote it
    where = render(data, layout).cells  # type: ignore[arg-type]
    expected = {where[("3", "new", c)][0] for c in ("natural_person", "total")}
    assert {f.line for f in findings} == expected


@NUMBER_LAYOUT
def test_gi204_table4(layout: str) -> None:
    data = good()
    cells = list(data.tables["4"]["cases"])
    data = data.with_cell("4", "cases", "review.total", str(int(cells[4]) + 1))
    text = rendered(data, layout)
    findings = run(text, "GI2")
    assert [f.code for f in findings] == ["GI204"]
    assert "行政复议" in findings[0].message
    cell = render(data, layout).cells[("4", "cases", "review.total")]  # type: ignore[arg-type]
    assert (findings[0].line, findings[0].column) == cell


@pytest.mark.parametrize("layout", ["tabs", "markdown"])
def test_gi205_invalid_and_placeholder_cells(layout: str) -> None:
    data = good().with_cell("3", "new", "research", "/")
    data = data.with_cell("3", "carried_over", "other", "1.5")
    data = data.with_cell("2.1", "regulations", "issued", "若干")
    text = rendered(data, layout)
    findings = run(text, "GI205")
    assert [(f.severity, f.line) for f in findings] == [
        (Severity.ERROR, line_of(text, "规章")),
        (Severity.WARNING, line_of(text, "一、本年新收")),
        (Severity.ERROR, line_of(text, "二、上年结转")),
    ]
    # an unreadable cell is reported once, not again as a broken sum
    all_codes = {f.code for f in run(text)}
    assert "GI203" in all_codes  # "/" stands for 0 and the original was not 0 ...
    assert not [
        f
        for f in run(text)
        if f.code.startswith("GI20")
        and f.code != "GI205"
        and f.line == line_of(text, "二、上年结转")
    ]  # ... but 1.5 takes no part


# -- versions, fees, years --------------------------------------------------------


@LAYOUT
def test_gi301_outdated_template(layout: str) -> None:
    data = attrs.evolve(good("2019"), year=2023)
    text = rendered(data, layout)
    findings = run(text, "GI3")
    assert [f.code for f in findings] == ["GI301"]
    assert findings[0].line == line_of(text, "本年新制作数量")
    assert run(rendered(good("2019"), layout), "GI301") == []  # 2020: the 2019 format is right


@LAYOUT
def test_gi302_mixed_template(layout: str) -> None:
    new, old = rendered(good("2021"), layout), rendered(good("2019"), layout)
    part2 = slice(new.index("二、主动公开"), new.index("三、收到和处理"))
    old2 = old[old.index("二、主动公开") : old.index("三、收到和处理")]
    text = new[: part2.start] + old2 + new[part2.stop :]
    codes = [f.code for f in run(text, "GI302")]
    assert codes and set(codes) == {"GI302"}


def test_gi303_unknown_year() -> None:
    text = rendered(good(), "wrapped").replace("2024年", "")
    findings = run(text, "GI303")
    assert len(findings) == 1 and findings[0].severity is Severity.INFO


_REPORT_OF_2017 = """示例市人民政府2017年政府信息公开工作年度报告

一、概述

本机关认真贯彻落实《条例》，推进政府信息公开工作。

二、依申请公开政府信息情况

本年度共收到政府信息公开申请35件。全年共办结申请30件，分别为予以公开20件、不予公开5件。

三、政府信息公开的收费及减免情况

本年度未收取任何费用。
"""


def test_gi304_a_report_before_the_formats_is_not_checked_against_them() -> None:
    """A report of 2017 in the parts of its time: the rules that check a format do not
    run, one note names them; the rules that check the text alone still run (GI602: 20
    and 5 are not the 30 done). Configured to a format, it is checked against it; with
    GI304 ignored, the rules still do not run, unnamed."""
    findings = gilint.lint(_REPORT_OF_2017, config={})
    assert [f.code for f in findings] == ["GI304", "GI602"]
    note = findings[0]
    assert note.severity is Severity.INFO and note.line == 1
    assert "2017 年" in note.message and "GI101" in note.message and "GI401" in note.message
    assert "GI602" not in note.message
    configured = {f.code for f in gilint.lint(_REPORT_OF_2017, config={"template": "2021"})}
    assert {"GI101", "GI107"} <= configured and "GI304" not in configured
    ignored = gilint.lint(_REPORT_OF_2017, config={"ignore": ["GI304"]})
    assert [f.code for f in ignored] == ["GI602"]
    # a year of the formats: checked as before
    of_2020 = {f.code for f in gilint.lint(_REPORT_OF_2017.replace("2017年", "2020年"))}
    assert "GI101" in of_2020 and "GI304" not in of_2020


@LAYOUT
def test_gi401_and_gi402_fee_statement(layout: str) -> None:
    silent = attrs.evolve(good(), other_matters=("本年度无其他需要报告的事项。",))
    vague = attrs.evolve(good(), other_matters=("本单位本年度不存在收费情况。",))
    assert [f.code for f in run(rendered(silent, layout), "GI4")] == ["GI401"]
    text = rendered(vague, layout)
    findings = run(text, "GI4")
    assert [f.code for f in findings] == ["GI402"]
    assert findings[0].line == line_of(text, "不存在收费情况")
    old = attrs.evolve(good("2019"), other_matters=("本年度无其他需要报告的事项。",))
    assert run(rendered(old, layout), "GI4") == []  # no duty before 2021


@LAYOUT
def test_gi401_a_fee_statement_in_another_part_is_a_warning(layout: str) -> None:
    """The statement made, in the wrong place: a warning that points at it."""
    report = good()
    said = report.overview[1] + "本年度未收取信息处理费。"
    moved = attrs.evolve(
        report,
        overview=(report.overview[0], said, *report.overview[2:]),
        other_matters=("本年度无其他需要报告的事项。",),
    )
    text = rendered(moved, layout)
    (finding,) = run(text, "GI4")
    assert finding.code == "GI401" and finding.severity is Severity.WARNING
    assert "第一部分提到了信息处理费" in finding.message
    (related,) = finding.related
    assert "信息处理费" in text[related.start : related.end].replace("\n", "")


@LAYOUT
@pytest.mark.parametrize("between", [" ", ""])
def test_gi401_a_fee_statement_on_part_sixs_heading_line(layout: str, between: str) -> None:
    """Part 六 titled in other words with the fee statement on its line: after a space the
    title is its first word and the statement its paragraph; with no space where the
    title ends cannot be told, and the statement is read as part of it. Either way the
    statement is made: no GI401 (the title in other words is GI104's)."""
    text = rendered(good(), layout).replace("六、其他需要报告的事项", "六、其他事项", 1)
    end = text.index("六、其他事项") + len("六、其他事项")
    text = text[:end] + between + text[end:].lstrip(" \t\n")
    assert "六、其他事项" + between + "本年度本机关未收取信息处理费" in text.replace("*", "")
    assert run(text, "GI4") == []
    six = gilint.parse(text).section("六")
    assert six is not None and (six.title == "其他事项") == (between == " ")
    (finding,) = run(text, "GI104")
    assert "其他需要报告的事项" in finding.message


def test_gi501_year_mismatch() -> None:
    text = rendered(good(), "tabs").replace("数据从 2024 年", "数据从 2023 年")
    findings = run(text, "GI501")
    assert len(findings) == 1 and "2023" in findings[0].message
    assert findings[0].line == line_of(text, "数据从 2023 年")
    assert findings[0].related[0].line == line_of(text, "2024 年政府信息公开工作年度报告")


# -- unreadable content -------------------------------------------------------------


@NUMBER_LAYOUT
def test_gi901_unknown_row_is_reported_once(layout: str) -> None:
    text = rendered(good(), layout).replace("1.属于国家秘密", "1.属于涉密事项")
    findings = run(text)
    assert sorted(f.code for f in findings) == ["GI108", "GI901"]
    unknown = next(f for f in findings if f.code == "GI901")
    assert "1.属于涉密事项" in unknown.message
    assert unknown.line == line_of(text, "1.属于涉密事项")


_NEAR_LABELS = {
    "carry_forward": ("四、结转下年度继续办理", "四、结转下一年度继续办理"),
    "new": ("一、本年新收政府信息公开申请数量", "一、本年度新收政府信息公开申请数量"),
    "outcome.refused.prohibited": ("2.其他法律行政法规禁止公开", "2.其他法律、行政法规禁止公开"),
    "outcome.unavailable.not_held": ("1.本机关不掌握相关政府信息", "1.本机关不掌握相关的政府信息"),
    # words left out that name no row (政府信息公开, 继续), with an edit more or not
    "new/short": ("一、本年新收政府信息公开申请数量", "一、本年新收申请数量"),
    "carried_over": ("二、上年结转政府信息公开申请数量", "二、上年结转申请数量"),
    "carry_forward/short": ("四、结转下年度继续办理", "四、结转下年度办理"),
    "carry_forward/short-and-one": ("四、结转下年度继续办理", "四、结转下一年度办理"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", list(_NEAR_LABELS))
def test_gi109_a_row_label_a_few_characters_off_is_read_as_its_row(layout: str, case: str) -> None:
    """A retyped label a character or two off the format's, or the format's with words
    left out that name no row, was a label no format knows: an error for it (GI901) and
    one for the row missing (GI108), its numbers unchecked; in a layout of one cell per
    line, "四、结转下一年度办理" was even part 四's heading. It is read as the row it is
    near, and warned of once, where it stands."""
    row_id = case.partition("/")[0]
    standard, written = _NEAR_LABELS[case]
    data = attrs.evolve(good(), row_labels={**good().row_labels, f"3/{row_id}": written})
    text = rendered(data, layout)
    findings = [f for f in run(text) if f.severity is not Severity.INFO]
    assert [(f.code, f.severity) for f in findings] == [("GI109", Severity.WARNING)]
    assert written in findings[0].message and findings[0].suggestion == standard
    assert findings[0].line == line_of(text, written[:6])
    # its numbers are checked as that row's
    cells = list(data.tables["3"][row_id])
    cells[0] = str(int(cells[0]) + 1)
    broken = rendered(data.with_rows("3", {row_id: tuple(cells)}), layout)
    assert {"GI201", "GI202", "GI203"} & {f.code for f in run(broken)}


@LAYOUT
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_row_label_with_de_after_it_is_its_row(layout: str, template: str) -> None:
    """Labels written as the law's clauses are ("（一）予以公开的", "1.属于国家秘密的"):
    the "的" was read as a label of its own after the row's, and the numbers went with
    it (GI901, GI108). Every row of every table so written reads as the format's, with
    no finding, and its numbers are checked."""
    report = good(template)
    written = {
        f"{spec.id}/{row.id}": f"{row.label}的"
        for spec in report.spec.tables
        for row in spec.rows
        if row.label
    }
    data = attrs.evolve(report, row_labels=written)
    text = rendered(data, layout)
    assert "予以公开的" in text
    assert [f for f in run(text) if f.severity is not Severity.INFO] == []
    cells = list(data.tables["3"]["outcome.disclosed"])
    cells[0] = str(int(cells[0]) + 1)
    broken = rendered(data.with_rows("3", {"outcome.disclosed": tuple(cells)}), layout)
    assert {"GI201", "GI202", "GI203"} & {f.code for f in run(broken)}


def test_gi109_a_label_too_short_or_too_far_stays_unknown() -> None:
    """A label too short to tell by a character ("2.重复申": three characters less its
    ordinal) where it does not stand alone in its row's place, or further off than one
    edit in five ("8.属于行政执法事项": two in eight), also once the words a label may
    leave out are left out, is not taken for a row."""
    text = rendered(good(), "tabs")
    text = text.replace("2.重复申请", "2.重复申").replace("3.要求提供公开出版物", "3.要求出版物")
    codes = [f.code for f in run(text)]
    assert "GI109" not in codes and codes.count("GI901") == 2
    text = rendered(good(), "tabs").replace("8.属于行政查询事项", "8.属于行政执法事项")
    assert {"GI108", "GI901"} <= {f.code for f in run(text)}
    # words left out and what is left too short to tell ("结转办理", four characters)
    text = rendered(good(), "tabs").replace("四、结转下年度继续办理", "四、结转办理")
    assert {"GI108", "GI901"} <= {f.code for f in run(text)}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    ("row_id", "written", "wrong"),
    [
        ("outcome.disclosed", "予以公开", "予以公土"),  # (after its "（一）")
        ("outcome.refused.state_secret", "属于国家秘密", "属于国家密"),
        ("outcome.not_processed.repeated", "重复申请", "重复申"),
    ],
)
def test_gi109_a_short_label_a_character_off_in_its_rows_place(
    layout: str, row_id: str, written: str, wrong: str
) -> None:
    """A label too short to be compared with every row, a character off (an OCR's wrong
    or lost character), standing alone where its row is missing (between the rows
    before and after that row), with the row's ordinal: read as that row, a warning
    (GI109), and its numbers checked. It was a row missing (GI108, an error) and a row
    no format knows (GI901)."""
    text = rendered(good(), layout)
    assert text.count(written) == 1
    text = text.replace(written, wrong)
    findings = [f for f in run(text) if f.severity is not Severity.INFO]
    assert [f.code for f in findings] == ["GI109"]
    assert wrong in findings[0].message
    table = gilint.parse(text).table("3")
    assert table is not None and table.row(row_id) is not None
    cells = list(good().tables["3"][row_id])
    cells[-1] = str(int(cells[-1]) + 1)  # its total now wrong: the row is checked
    broken = rendered(good().with_rows("3", {row_id: tuple(cells)}), layout)
    assert "GI203" in {f.code for f in run(broken.replace(written, wrong))}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    ("table_id", "row_id", "written", "wrong"),
    [
        ("2.6", "enforcement", "行政强制", "行政夫制"),
        ("2.8", "fees", "行政事业性收费", "行政事性收费"),
    ],
)
def test_gi109_a_table_two_label_a_character_off_in_its_rows_place(
    layout: str, table_id: str, row_id: str, written: str, wrong: str
) -> None:
    """Table 二's labels have no ordinal: in its row's place (the last row of its
    section after the one before it, or its section's only row), a label a character
    off is that row's, and its number is read (in tab and web page text, the header
    that runs into it aside)."""
    text = rendered(good(), layout)
    assert text.count(written) == 1
    text = text.replace(written, wrong)
    findings = [f for f in run(text) if f.severity is not Severity.INFO]
    assert [f.code for f in findings] == ["GI109"]
    assert f"“{wrong}”" in findings[0].message
    table = gilint.parse(text).table(table_id)
    row = table.row(row_id) if table is not None else None
    assert row is not None and row.label == wrong
    written_values = good().tables[table_id][row_id]
    assert row.values == tuple(Decimal(c) if "." in c else int(c) for c in written_values)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_gi109_a_renumbered_label_a_character_off_in_its_rows_place(layout: str) -> None:
    """ "2.部分刀开（…）" for "（二）部分公开（…）": a label numbered otherwise (as a renumbered
    label is read, by its words) and a character off, where its row is missing. Read as
    that row (GI109); it was a row missing (GI108, an error) and one no format knows
    (GI901). Another number ("3.") in that place is no reading of the row."""
    text = rendered(good(), layout)
    label = re.compile(r"[（(]二[）)] ?部分公开")
    assert len(label.findall(text)) == 1
    findings = [f for f in run(label.sub("2.部分刀开", text)) if f.severity is not Severity.INFO]
    assert [f.code for f in findings] == ["GI109"] and "2.部分刀开" in findings[0].message
    codes = {f.code for f in run(label.sub("3.部分刀开", text))}
    assert {"GI108", "GI901"} <= codes and "GI109" not in codes


def test_gi901_orphan_numbers_and_extra_cells() -> None:
    text = rendered(good(), "wrapped")
    at = text.index("\n", text.index("（七）总计"))
    text = text[:at] + " 5" + "\n\n3 3 3" + text[at:]
    findings = run(text, "GI901")
    assert len(findings) == 2
    assert "多出 1 个数据" in findings[0].message and "没有行名" in findings[1].message


@pytest.mark.parametrize("layout", ["wrapped", "tabs", "ocr"])
def test_gi901_a_lone_small_number_between_rows_is_only_noted(layout: str) -> None:
    """A page number a PDF's text leaves between two rows of a table ("4" on a line of
    its own) was "a group of numbers without a row", an error on a correct report."""
    lines = rendered(good(), layout).split("\n")
    at = next(i for i, line in enumerate(lines) if "3.危及" in line)
    text = "\n".join([*lines[:at], "", "4", "", *lines[at:]])
    (finding,) = run(text)
    assert finding.code == "GI901" and finding.severity is Severity.INFO
    assert "（4），可能是页码" in finding.message and finding.line == at + 2
    # more than a page number: still an error
    text = "\n".join([*lines[:at], "", "4000", "", *lines[at:]])
    assert [(f.code, f.severity) for f in run(text)] == [("GI901", Severity.ERROR)]


def test_gi901_repeated_row_names_the_first() -> None:
    text = rendered(good(), "spaced")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "本年新收" in line)
    lines.insert(at + 2, lines[at])  # the row again, one line further down
    text = "\n".join(lines)
    findings = [f for f in run(text, "GI901") if "重复出现" in f.message]
    assert [f.line for f in findings] == [at + 3]
    assert f"第一次在第 {at + 1} 行" in findings[0].message


def _crashing_rule(folder) -> str:  # type: ignore[no-untyped-def]
    """A local-rules directory with a rule XB001 that always raises."""
    rules = folder / "checks"
    rules.mkdir()
    (rules / "boom.py").write_text(
        "import gilint\n"
        "class Boom(gilint.Rule):\n"
        "    code = 'XB001'\n    name = 'boom'\n    summary = 'Always fails.'\n"
        "    def check(self, report):\n        raise RuntimeError('kaput')\n"
        "@gilint.hookimpl\ndef gilint_rules():\n    return [Boom]\n",
        encoding="utf-8",
    )
    return str(rules)


def test_gi900_a_crashing_rule_is_reported_and_the_rest_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rules = _crashing_rule(tmp_path)
    text = rendered(attrs.evolve(good(), parts=("一", "二", "三", "五", "六")), "wrapped")
    findings = gilint.lint(text, config={"local-rules": [rules], "select": ["GI", "XB"]})
    assert {f.code for f in findings} == {"GI900", "GI101"}
    assert "XB001" in next(f for f in findings if f.code == "GI900").message


def test_gi900_is_a_rule_that_can_be_ignored(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rules = _crashing_rule(tmp_path)
    text = rendered(attrs.evolve(good(), parts=("一", "二", "三", "五", "六")), "wrapped")
    config = {"local-rules": [rules], "select": ["GI", "XB"], "ignore": ["GI900"]}
    assert {f.code for f in gilint.lint(text, config=config)} == {"GI101"}


@pytest.mark.parametrize("layout", ["tabs", "markdown"])
def test_gi205_blank_cells_are_one_finding_per_table(layout: str) -> None:
    data = good()
    for column in ("commercial", "research", "public_interest", "legal_services", "other"):
        data = data.with_cell("3", "outcome.disclosed", column, "")
    text = rendered(data, layout)
    (blank,) = [f for f in run(text, "GI205") if "为空" in f.message]
    assert (blank.severity, blank.line, len(blank.related)) == (
        Severity.WARNING,
        line_of(text, "予以公开"),
        5,
    )
    assert "表三有 5 个单元格为空" in blank.message and "等 5 个" in blank.message
    assert blank.span == blank.related[0]  # the first blank cell; all of them as related


def test_gi901_a_file_of_more_reports_than_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the reports read of one file (MAX_REPORTS), the rest is said to be unread."""
    monkeypatch.setattr("gilint.parsing.MAX_REPORTS", 2)
    years = [attrs.evolve(good(), year=year) for year in (2022, 2023, 2024)]
    parts = [rendered(report, "wrapped") for report in years]
    text = "\n\n".join(parts)
    findings = run(text)
    assert [f.code for f in findings] == ["GI903", "GI901"]
    assert findings[1].severity == Severity.ERROR and "超过 2 份" in findings[1].message
    assert findings[1].line == line_of(text, "2024年政府信息公开")
    assert [r.year for r in gilint.Linter().parse_all(text)] == [2022, 2023]
