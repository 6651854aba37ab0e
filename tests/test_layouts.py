"""Reports as they are published: every layout of the format notes ("Layouts seen in
published reports"), in both formats, with the wordings real reports use. A correct
report gets no error-level finding in any of them; what cannot be read is said once per
table, quietly (GI901, info), and named by the rules that could not run."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gilint
from gilint.ast import CellStatus, Reading, Table
from gilint.findings import Finding, Severity
from gilint.testing import LAYOUTS, SEPARATED_LAYOUTS, ReportData, render, sample_report, variants
from gilint.testing.strategies import report_data

from fixtures.make_fixtures import rows_not_read_in_full

VARIANTS = {
    "plain": lambda d: d,
    "echoing-subsections": variants.echoing_subsections,
    "label-variants": variants.label_variants,
    "fee-wordings": variants.fee_wordings,
    "ocr-issuer": variants.ocr_issuer,
    "blank-columns": variants.blank_columns,
    "blank-first-column": variants.blank_first_column,
    "narrative-first": variants.narrative_first,
    "tables-in-annex": variants.tables_in_annex,
    "tables-in-annex-2": lambda d: variants.tables_in_annex(d, 1),
    "tables-in-annex-3": lambda d: variants.tables_in_annex(d, 2),
}
# (variants.headless_overview has a warning of its own: tested below)
BLANK_VARIANTS = ("blank-columns", "blank-first-column")  # a warning on the blank cells


def lint(data: ReportData, layout: str) -> list[Finding]:
    return gilint.lint(render(data, layout).text, config={"select": ["GI"]})  # type: ignore[arg-type]


def allowed(finding: Finding, data: ReportData, layout: str) -> bool:
    """What a correct report may get: a quiet word on rows that could not be read, and
    the warning on blank cells where the report left cells blank and they can be seen."""
    if finding.code == "GI901" and finding.severity is Severity.INFO:
        return True
    blank = any("" in cells for cells in data.tables["3"].values())
    return finding.code == "GI205" and blank and finding.severity is Severity.WARNING


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_correct_reports_get_no_error_in_any_layout(
    variant: str, template: str, layout: str
) -> None:
    data = VARIANTS[variant](sample_report(template, seed=5))
    findings = lint(data, layout)
    assert all(allowed(f, data, layout) for f in findings), [
        (f.code, f.severity.value, f.message) for f in findings
    ]
    if layout in SEPARATED_LAYOUTS and variant not in BLANK_VARIANTS:
        assert findings == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_data(), st.sampled_from(LAYOUTS), st.sampled_from(sorted(VARIANTS)))
def test_random_correct_reports_get_no_error(data: ReportData, layout: str, variant: str) -> None:
    data = VARIANTS[variant](data)
    findings = lint(data, layout)
    assert all(allowed(f, data, layout) for f in findings), [
        (f.code, f.severity.value, f.message) for f in findings
    ]


# layouts that keep an empty cell as one (tabs, pipes); in the others a blank vanishes
BLANKS_KEPT = ("tabs", "markdown", "cells", "ocr")


@pytest.mark.parametrize("layout", BLANKS_KEPT)
def test_blank_columns_are_one_warning_where_they_can_be_seen(layout: str) -> None:
    data = variants.blank_columns(sample_report("2021", seed=3))
    findings = lint(data, layout)
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    assert "125 个单元格为空" in findings[0].message  # 25 rows × 5 columns
    assert len(findings[0].related) == 125  # each cell a related location


@pytest.mark.parametrize("layout", BLANKS_KEPT)
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_blank_first_cell_is_read_in_its_column(template: str, layout: str) -> None:
    """自然人 blank in every row: the empty cell before the numbers is the row's blank
    cell, not a merged label column, as the row's total tells; rows of zeros, where
    any reading adds up, take the blank written rather than a missing 总计."""
    data = variants.blank_first_column(sample_report(template, seed=3))
    findings = lint(data, layout)
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    rows = data.tables["3"]
    assert f"{len(rows)} 个单元格为空" in findings[0].message
    table = gilint.parse(render(data, layout).text).table("3")  # type: ignore[arg-type]
    assert table is not None and len(table.rows) == len(rows)
    for row in table.rows:
        assert row.id is not None and row.reading is Reading.REPAIRED, row.label
        assert row.statuses[0] is CellStatus.BLANK
        assert [str(v) for v in row.values[1:]] == list(rows[row.id][1:]), row.label
        assert row.repair is not None and "自然人" in row.repair


@pytest.mark.parametrize("layout", BLANKS_KEPT)
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_blank_column_of_totals_is_one_warning_where_its_cells_can_be_seen(
    template: str, layout: str
) -> None:
    """The totals left blank: a blank total states no sum, so no identity is checked
    against it (they said "总计为 0" row after row); the warning names the blanks. Tab
    text keeps no empty cell at a line's end, but its tabs say the totals are blank,
    not missing (they said "缺少“总计”列" row after row)."""
    data = variants.blank_total_column(sample_report(template, seed=3))
    findings = lint(data, layout)
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    assert f"{len(data.tables['3'])} 个单元格为空" in findings[0].message
    assert "“总计”" in findings[0].message


@pytest.mark.parametrize("layout", ["wrapped", "web", "runs"])
def test_blank_columns_where_blanks_vanish_read_their_totals_alone(layout: str) -> None:
    """Only 自然人 and 总计 filled, and blank cells leave no trace: ``3 3`` may put its
    3 in any of the six columns before 总计, so only the total is read (every way
    agrees on it), the rest unread, said in one note. The table was unread in full."""
    data = variants.blank_columns(sample_report("2021", seed=3))
    findings = lint(data, layout)
    assert [(f.code, f.severity) for f in findings] == [("GI901", Severity.INFO)]
    assert "只读出部分单元格" in findings[0].message and "“总计”已读出" in findings[0].message
    report = gilint.parse(render(data, layout).text)  # type: ignore[arg-type]
    table = report.table("3")
    assert table is not None and table.reading is Reading.PARTIAL
    assert len(table.partial_rows) == len(table.rows) == len(data.tables["3"])
    for row in table.rows:
        assert row.id is not None
        assert row.statuses == (CellStatus.UNREAD,) * 6 + (CellStatus.OK,)
        assert row.values[6] == int(data.tables["3"][row.id][6])
        total = row.cells[6]
        assert report.source[total.span.start : total.span.end] == data.tables["3"][row.id][6]


@pytest.mark.parametrize("layout", ["wrapped", "web", "runs"])
def test_a_row_that_fits_by_chance_where_the_totals_are_blank_is_unread(layout: str) -> None:
    """The column of totals blank, and 四 ``0 0 1 0 0 1``: its last number is the sum
    of the others, so it fits as five parts (a blank among them) and a total of 1,
    read so (a total the report left blank). The other rows fit no way: their totals
    are wrong or blank, so no row of the table is read from a split."""
    data = sample_report("2021", seed=1)
    rows = data.tables["3"]
    carried = ("0", "0", "1", "0", "0", "1")
    new = tuple(
        str(int(n) + int(c) - int(o))
        for n, c, o in zip(rows["new"][:6], carried, rows["carry_forward"][:6], strict=True)
    )
    changed = data.with_rows("3", {"new": (*new, "0"), "carry_forward": (*carried, "0")})
    text = render(variants.blank_total_column(changed), layout).text  # type: ignore[arg-type]
    table = gilint.parse(text).table("3")
    assert table is not None and len(table.unread_rows) == len(table.rows) == len(rows)
    row = table.row("carry_forward")
    assert row is not None and "拆分可能只是巧合" in (row.repair or "")
    assert [(f.code, f.severity) for f in gilint.lint(text)] == [("GI901", Severity.INFO)]


def test_a_total_read_alone_is_checked_down_its_column() -> None:
    """The same report with one row's 自然人 and 总计 both one more: the row still adds
    up, its column of totals no longer does, and that is found from the totals alone."""
    data = variants.blank_columns(sample_report("2021", seed=3))
    natural, *_, total = data.tables["3"]["new"]
    data = data.with_cell("3", "new", "natural_person", str(int(natural) + 1))
    data = data.with_cell("3", "new", "total", str(int(total) + 1))
    findings = lint(data, "web")
    assert [(f.code, f.severity) for f in findings] == [
        ("GI901", Severity.INFO),
        ("GI201", Severity.ERROR),
    ]
    assert "“总计”列" in findings[1].message


@pytest.mark.parametrize("which", range(len(variants.FEE_WORDINGS)))
def test_fee_statements_that_name_the_fee_in_other_words(which: int) -> None:
    data = variants.fee_wordings(sample_report("2021", seed=1), which)
    assert [f.code for f in lint(data, "tabs") if f.code.startswith("GI4")] == []


def test_vague_fee_statements_are_still_warned() -> None:
    data = attrs.evolve(sample_report("2021", seed=1), other_matters=("本年度不存在收费情况。",))
    assert [f.code for f in lint(data, "tabs") if f.code.startswith("GI4")] == ["GI402"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_subsections_that_echo_part_titles_stay_subsections(layout: str) -> None:
    data = variants.echoing_subsections(sample_report("2021", seed=2))
    report = gilint.parse(render(data, layout).text)  # type: ignore[arg-type]
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert "主动公开政府信息情况" in report.sections[0].text


@pytest.mark.parametrize("layout", LAYOUTS)
def test_web_chrome_and_ocr_issuer_do_not_matter(layout: str) -> None:
    data = variants.ocr_issuer(sample_report("2021", seed=4))
    report = gilint.parse(render(data, layout).text)  # type: ignore[arg-type]
    assert report.issuer == "沐阳县民政局" and report.year == data.year


_RECORDS = {
    "tabs": "索引号\t000000000/2024-00001\t分类\t政务公开\n发布机构\t示例县人民政府办公室\t"
    "发文日期\t2025-01-20\n文号\t\t主题词\t\n",
    "pipes": "索引号: | 000000000/2024-00001 | 公开方式: | 主动公开 |\n"
    "文号: | 公开日期: | 2025-01-20 | |\n发布单位: | 示例镇 | 有效性: |\n",
    "markdown": "| 索引号 | 000000000/2024-00001 | 分类 | 政务公开 |\n| --- | --- | --- | --- |\n"
    "| 发布机构 | 示例县人民政府办公室 | 发文日期 | 2025-01-20 |\n",
    "debris": "信息公开元数据\n|\n" + "|" * 120 + "\n",
}


@pytest.mark.parametrize("record", list(_RECORDS))
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_pages_record_of_the_document_before_the_report_is_front_matter(
    layout: str, record: str
) -> None:
    """Government pages publish a report under (or over) their record of it, a table
    (索引号, 发布机构, 文号, …). It was read as a table no format knows, an error (GI901),
    and, standing before the title, it ended the search for the title: the year was not
    found and the checks that need it did not run (GI303)."""
    plain = render(sample_report("2021", seed=2), layout).text  # type: ignore[arg-type]
    text = _RECORDS[record] + "\n" + plain
    report = gilint.parse(text)
    assert report.title is not None and report.year == gilint.parse(plain).year
    assert [t.id for t in report.tables()] == [t.id for t in gilint.parse(plain).tables()]

    def found(source: str) -> list[tuple[str, str]]:
        return [(f.code, f.message) for f in gilint.lint(source, config={})]

    assert found(text) == found(plain)
    # the same record under the report, after part 六: prose, no table
    assert found(plain + "\n" + _RECORDS[record]) == found(plain)


_OWN_TABLES = {
    "tabs": "类别\t条数\n政策文件\t30\n工作动态\t60\n通知公告\t20\n",
    "markdown": "| 类别 | 条数 |\n| --- | --- |\n| 政策文件 | 30 |\n| 工作动态 | 60 |\n",
    "wrapped": "类别 本年 上年 增减\n政策文件 30 20 10\n工作动态 60 50 10\n",
}


def _rows(table: Table | None) -> list[tuple[str | None, tuple[object, ...]]]:
    assert table is not None
    return [(row.id, row.values) for row in table.rows]


_CHANNELS = "申请方式 件数（件）\n\n当面申请 3\n\n网上申请 5\n\n信函申请 2"
_NEXT_HEADING = {
    "二": "三、收到和处理",
    "三": "四、政府信息公开行政复议",
    "四": "五、存在的主要问题",
}


@pytest.mark.parametrize(
    ("layout", "part"),
    [
        (layout, part)
        for layout in LAYOUTS
        for part in ("二", "三", "四")
        # (not after table 二's rows of one number in web page text, where the header
        # runs into the first label: nothing tells such a table from rows added to the
        # format's, and they stay rows the format does not name)
        if (layout, part) not in (("web", "二"), ("runs", "二"))
    ],
)
def test_a_table_the_report_adds_after_a_parts_table_is_its_own(layout: str, part: str) -> None:
    """A table of the body's own after the last row of a part's table (applications by
    channel under its header): its rows were rows of the format's table that the format
    does not name (GI901 errors; in web page text its cells were that row's, with GI205
    for its words). It is a table of its own, noted as not checked."""
    data = sample_report("2021", seed=6)
    plain = render(data, layout).text  # type: ignore[arg-type]
    at = plain.index(_NEXT_HEADING[part])
    line_start = plain.rfind("\n", 0, at) + 1
    if at - line_start > 40:  # run into web page text
        text = plain[:at] + _CHANNELS.replace("\n\n", " ") + " " + plain[at:]
    else:
        text = plain[:line_start] + _CHANNELS + "\n\n" + plain[line_start:]
    before = gilint.lint(plain, config={})
    added = [f for f in gilint.lint(text, config={}) if f not in before]
    assert [(f.code, f.severity) for f in added] == [("GI901", Severity.INFO)]
    report, expected = gilint.parse(text), gilint.parse(plain)
    for table in expected.tables():
        assert _rows(report.table(table.id or "")) == _rows(table)
    (own,) = (t for t in report.tables() if t.id is None)
    labels = [row.label or "" for row in own.rows]
    assert labels[0].endswith("当面申请") and labels[1:] == ["网上申请", "信函申请"]
    assert [[cell.raw for cell in row.extra] for row in own.rows] == [["3"], ["5"], ["2"]]


@pytest.mark.parametrize("layout", list(_OWN_TABLES))
def test_a_table_of_the_bodys_own_in_the_overview_is_only_noted(layout: str) -> None:
    """Reports add tables of their own where the format has none (information published
    by category, in 总体情况), and after the format's table in a part that has one
    (applications by channel, after table 三). Such a table was "无法识别的表格", an
    error on a correct report (after table 三, its rows were rows of table 三 no format
    names); it is noted (info) as not checked. In place of the format's table it is
    still an error."""
    plain = render(sample_report("2021", seed=2), layout).text  # type: ignore[arg-type]
    before = gilint.lint(plain, config={})
    for anchor in ("（二）依申请公开", "四、政府信息公开行政复议"):
        at = plain.index(anchor)
        text = plain[:at] + _OWN_TABLES[layout] + "\n" + plain[at:]
        added = [f for f in gilint.lint(text, config={}) if f not in before]
        assert [(f.code, f.severity) for f in added] == [("GI901", Severity.INFO)]
        assert "统计表以外的表格" in added[0].message
        assert _rows(gilint.parse(text).table("3")) == _rows(gilint.parse(plain).table("3"))
    # in place of table 三
    heading = plain.index("\n", plain.index("三、收到和处理政府信息公开申请情况")) + 1
    end = plain.rindex("\n", 0, plain.index("四、政府信息公开行政复议")) + 1
    text = plain[:heading] + "\n" + _OWN_TABLES[layout] + "\n" + plain[end:]
    assert ("GI901", Severity.ERROR) in {(f.code, f.severity) for f in gilint.lint(text, config={})}


def test_page_furniture_inside_tables_is_skipped() -> None:
    text = render(sample_report("2021", seed=6), "ocr").text
    assert "第 2 页 共 9 页" in text or "— 2 —" in text or "- 2 -" in text
    report = gilint.parse(text)
    for table in report.tables():
        assert table.unknown_rows == ()
        assert all(r.extra_count == 0 for r in table.rows)


def _run_together(data: ReportData, row: str) -> str:
    """The web text of ``data`` with table 三's row ``row`` run together."""
    text = render(data, "web").text
    cells = data.tables["3"][row]
    spaced = " ".join(cells)
    assert text.count(spaced) >= 1
    return text.replace(spaced, "".join(cells), 1)


def test_a_run_with_one_split_that_fits_is_repaired_cell_by_cell() -> None:
    data = sample_report("2021", seed=8)
    data = data.with_cell("3", "carry_forward", "natural_person", "6")
    for column in ("commercial", "research", "public_interest", "legal_services"):
        data = data.with_cell("3", "carry_forward", column, "0")
    data = data.with_cell("3", "carry_forward", "other", "1")
    data = data.with_cell("3", "carry_forward", "total", "7")
    # keep the column identities: 一 + 二 = (七) + 四, by moving the difference into 二
    for index, column in enumerate(data.spec.table("3").column_ids):  # type: ignore[union-attr]
        old = int(sample_report("2021", seed=8).tables["3"]["carry_forward"][index])
        new = int(data.tables["3"]["carry_forward"][index])
        carried = int(data.tables["3"]["carried_over"][index]) + new - old
        data = data.with_cell("3", "carried_over", column, str(carried))
    text = _run_together(data, "carry_forward")
    assert "6000017" in text
    report = gilint.parse(text)
    row = report.table("3").row("carry_forward")  # type: ignore[union-attr]
    assert row is not None and row.reading is Reading.REPAIRED
    assert "6000017" in (row.repair or "") and "6、0、0、0、0、1、7" in (row.repair or "")
    assert row.numbers == (6, 0, 0, 0, 0, 1, 7)
    at = text.index("6000017")
    assert [c.span.start for c in row.cells] == [at + i for i in range(7)]
    assert [f for f in gilint.lint(text) if f.severity is not Severity.INFO] == []


def test_a_repaired_row_is_checked_like_any_other() -> None:
    data = sample_report("2021", seed=8)
    row = ("6", "0", "0", "0", "0", "1", "7")
    for column, value in zip(data.spec.table("3").column_ids, row, strict=True):  # type: ignore[union-attr]
        data = data.with_cell("3", "carry_forward", column, value)
    text = _run_together(data, "carry_forward")  # consistent within the row, not the column
    codes = {f.code for f in gilint.lint(text) if f.severity is Severity.ERROR}
    assert codes == {"GI201"}


def test_a_run_its_own_total_leaves_open_is_settled_by_the_columns() -> None:
    """``55135434949214`` cuts into seven numbers adding up to its last in two ways;
    only one keeps 一 + 二 = (七) + 四 in every column."""
    data = sample_report("2021", seed=9, high=60)
    text = _run_together(data, "carry_forward")
    row = gilint.parse(text).table("3").row("carry_forward")  # type: ignore[union-attr]
    assert row is not None and row.reading is Reading.REPAIRED
    assert "按本行及各列的合计关系拆分为" in (row.repair or "")
    assert tuple(str(n) for n in row.numbers) == data.tables["3"]["carry_forward"]
    assert gilint.lint(text) == []


def test_a_run_the_columns_cannot_settle_is_read_where_its_ways_agree() -> None:
    """The same run, with 一's 商业企业 left blank and its 总计 less by as much, so that
    the column of totals no longer adds up: 一 may have its blank in any of six places
    (a blank leaves no trace in web text), and no reading of the table keeps its
    columns. Each open row is read in the cells all its ways agree on (一's 总计, four
    cells of 四), said in one note, and the column of totals is an error: it was
    missed while both rows were unread."""
    data = sample_report("2021", seed=9, high=60)
    new = data.tables["3"]["new"]
    data = data.with_cell("3", "new", "commercial", "")
    data = data.with_cell("3", "new", "total", str(int(new[-1]) - int(new[1])))
    text = _run_together(data, "carry_forward")
    table = gilint.parse(text).table("3")
    assert table is not None
    assert {r.id for r in table.partial_rows} == {"new", "carry_forward"}
    assert not table.unread_rows
    for row in table.partial_rows:
        assert row.id is not None
        read = [(i, v) for i, v in enumerate(row.values) if v is not None]
        assert read and all(str(v) == data.tables["3"][row.id][i] for i, v in read)
    assert sum(v is not None for v in table.row("new").values) == 1  # type: ignore[union-attr]
    findings = gilint.lint(text)
    assert [(f.code, f.severity) for f in findings] == [
        ("GI901", Severity.INFO),
        ("GI201", Severity.ERROR),
    ]
    assert "“四、结转下年度继续办理”" in findings[0].message
    assert "只读出部分单元格" in findings[0].message
    assert "“总计”列" in findings[1].message


@pytest.mark.parametrize("layout", ["web", "wrapped", "runs"])
def test_a_blank_cell_where_blanks_vanish_is_read_where_the_sums_place_it(layout: str) -> None:
    """A count of 0 left blank in a row whose cells only spaces separate (or nothing):
    the blank leaves no trace, six numbers stand for seven columns. Of the ways to place
    a blank (and, run together, to cut the digits), one keeps the row's total and its
    table's columns: the row is read with its blank cell, and warned of as in the
    layouts that keep it (it was unread, or, run together, read without its blank)."""
    data = sample_report("2021", seed=0, high=40)
    row_id = "outcome.unavailable.not_held"
    assert data.tables["3"][row_id][1] == "0"  # (this seed's count)
    data = data.with_cell("3", row_id, "commercial", "")
    text = render(data, layout).text
    table = gilint.parse(text).table("3")
    assert table is not None
    row = table.row(row_id)
    assert row is not None and row.reading is Reading.REPAIRED
    assert row.statuses[1] is CellStatus.BLANK and row.values[1] is None
    assert [str(v) for v in row.values if v is not None] == [
        c for c in data.tables["3"][row_id] if c
    ]
    assert "空白" in (row.repair or "")
    assert [(f.code, f.severity) for f in gilint.lint(text)] == [("GI205", Severity.WARNING)]


def test_blank_first_cells_run_together_are_not_misread() -> None:
    """自然人 blank in every row, the numbers run together: the digits of a row's six
    numbers often cut into seven that add up to its total, and where that cut was the
    only one without blanks it was read, and here gave six false GI201 errors. Counting
    the blank among the ways, no row has one way, nor does the table settle any: every
    row is read only in the cells all its ways agree on (its total, where they do), and
    those are the numbers written; said in one note."""
    data = variants.blank_first_column(sample_report("2019", seed=318, high=60))
    text = render(data, "runs").text
    table = gilint.parse(text).table("3")
    assert table is not None and len(table.rows) == len(data.tables["3"])
    assert all(r.reading in (Reading.PARTIAL, Reading.UNREAD) for r in table.rows)
    assert len(table.partial_rows) > len(table.rows) // 2
    for row in table.partial_rows:
        assert row.id is not None
        read = [(i, v) for i, v in enumerate(row.values) if v is not None]
        assert read and all(str(v) == data.tables["3"][row.id][i] for i, v in read)
    assert [(f.code, f.severity) for f in gilint.lint(text)] == [("GI901", Severity.INFO)]


def test_a_run_no_split_fits_is_unread_and_says_why() -> None:
    """A run whose digits no cut (blank cells counted in) makes add up to its total:
    a wrong number, or a blank total, as the note says; and, since the other rows of
    its table fit (their totals are written), a warning of the row's sum."""
    data = sample_report("2021", seed=8)
    row = ("6", "0", "0", "0", "0", "1", "8")  # 6 + 1 is not 8
    for column, value in zip(data.spec.table("3").column_ids, row, strict=True):  # type: ignore[union-attr]
        data = data.with_cell("3", "carry_forward", column, value)
    text = _run_together(data, "carry_forward")
    table = gilint.parse(text).table("3")
    assert table is not None and [r.id for r in table.unread_rows] == ["carry_forward"]
    assert table.row("carry_forward").fits_no_split  # type: ignore[union-attr]
    assert not any(r.fits_no_split for r in table.rows if r.id != "carry_forward")
    findings = gilint.lint(text)
    assert [(f.code, f.severity) for f in findings] == [
        ("GI203", Severity.WARNING),
        ("GI901", Severity.INFO),
    ]
    assert all(
        "无论怎样拆分（空白单元格也算在内）都与本行的合计对不上" in f.message for f in findings
    )
    assert findings[0].line == table.row("carry_forward").line  # type: ignore[union-attr]


def test_a_sum_broken_where_blanks_vanish_is_warned_of_at_its_row() -> None:
    """Only 自然人 and 总计 filled, web text: one row's 自然人 one more than its total.
    No place of the number makes the row add up, and the others all fit: a warning at
    the row (it was unread, and the defect missed)."""
    data = variants.blank_columns(sample_report("2021", seed=3))
    natural = data.tables["3"]["outcome.disclosed"][0]
    data = data.with_cell("3", "outcome.disclosed", "natural_person", str(int(natural) + 1))
    text = render(data, "web").text
    findings = [f for f in gilint.lint(text) if f.severity is not Severity.INFO]
    assert [(f.code, f.severity) for f in findings] == [("GI203", Severity.WARNING)]
    assert findings[0].message.startswith("表三“（一）予以公开”只读到 2 个数")
    row = gilint.parse(text).table("3").row("outcome.disclosed")  # type: ignore[union-attr]
    assert row is not None and findings[0].column == row.span.column


@pytest.mark.parametrize(
    ("template", "seed", "high"),
    [*((t, s, 9) for t in ("2019", "2021") for s in range(8)), ("2019", 5, 40), ("2021", 3, 40)],
)
def test_run_together_rows_are_unread_exactly_where_no_reading_of_the_table_settles_them(
    template: str, seed: int, high: int
) -> None:
    """Every row of table 三 run together: the rows gilint does not read in full are
    those that a brute force over every reading (the fixtures' generator) finds open,
    each read in the cells all its ways agree on and unread in the others; every row
    read in full has the numbers written. The two last cases settle some rows and
    leave others open."""
    data = sample_report(template, seed=seed, high=high)
    table = gilint.parse(render(data, "runs").text).table("3")
    assert table is not None and len(table.rows) == len(data.tables["3"])
    expected = rows_not_read_in_full(data.tables["3"])
    assert {r.id for r in table.rows if r.reading in (Reading.UNREAD, Reading.PARTIAL)} == set(
        expected
    )
    for row in table.rows:
        assert row.id is not None
        cells = expected.get(row.id)
        if cells is None:
            assert tuple(str(n) for n in row.numbers) == data.tables["3"][row.id], row.id
            continue
        read = [c is not None for c in cells]
        assert row.reading is (Reading.PARTIAL if any(read) else Reading.UNREAD), row.id
        assert row.statuses == tuple(
            CellStatus.UNREAD if c is None else CellStatus.BLANK if c == "" else CellStatus.OK
            for c in cells
        )
        assert row.values == tuple(int(c) if c else None for c in cells), row.id
        for cell, truth in zip(cells, data.tables["3"][row.id], strict=True):
            assert cell is None or cell == truth, row.id


@pytest.mark.parametrize("layout", LAYOUTS)
def test_tables_after_a_narrative_numbered_first_continue_their_parts(layout: str) -> None:
    data = variants.narrative_first(sample_report("2021", seed=9))
    report = gilint.parse(render(data, layout).text)  # type: ignore[arg-type]
    parts = [(s.part, s.continued, [t.id for t in s.all_tables()]) for s in report.sections]
    assert parts[:6] == [(p, False, []) for p in ("一", "二", "三", "四", "五", "六")]
    assert [(p, c) for p, c, _ in parts[6:]] == [("二", True), ("三", True), ("四", True)]
    assert parts[7][2] == ["3"] and parts[8][2] == ["4"]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("form", range(len(variants.ANNEX_TITLES)))
def test_tables_in_an_annex_under_their_titles_continue_their_parts(layout: str, form: int) -> None:
    """Parts 二 to 四 that say their tables are in the annex, and the annex's tables
    under titles that are the parts' ("附表2：收到和处理政府信息公开申请情况", "表3 政府信息
    公开行政复议、行政诉讼情况统计表", the title alone): those were text of the table
    before them, and table 四 no table of the format's (GI107, GI108, GI901 in every
    layout). Each title heads its part's table, as a heading does after a narrative
    numbered first. (A table's title within the parts stays text: see
    ``test_a_line_of_furniture_under_a_table_parts_heading_is_no_table``.)"""
    data = variants.tables_in_annex(sample_report("2021", seed=9), form)
    text = render(data, layout).text  # type: ignore[arg-type]
    report = gilint.parse(text)
    parts = [(s.part, s.continued, [t.id for t in s.all_tables()]) for s in report.sections]
    assert [(p, c) for p, c, _ in parts[6:]] == [("二", True), ("三", True), ("四", True)]
    assert parts[7][2] == ["3"] and parts[8][2] == ["4"]
    assert [f for f in gilint.lint(text, config={}) if f.severity is not Severity.INFO] == []
    broken = data.with_cell("4", "cases", "review.upheld", "999")
    codes = {f.code for f in gilint.lint(render(broken, layout).text, config={})}  # type: ignore[arg-type]
    assert {"GI201", "GI203", "GI204"} & codes  # (its numbers are checked)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_tables_in_an_annex_under_the_numbers_the_parts_refer_to(layout: str) -> None:
    """Parts 二 to 四 that say "见附表1" … "见附表3", and the annex's tables under those
    numbers alone: each number heads the table of the part that referred to it. With no
    part referring to it, a number alone says nothing: the tables are not the parts'."""
    data = sample_report("2021", seed=9)
    annexed = attrs.evolve(
        data, appendix={part: f"附表{n}" for n, part in enumerate(("二", "三", "四"), 1)}
    )
    plain = render(annexed, layout).text  # type: ignore[arg-type]
    text = plain
    for number in (1, 2, 3):
        text = re.sub(r"见附表(?=[\s*]*。)", f"见附表{number}", text, count=1)
    assert "见附表3" in text
    report = gilint.parse(text)
    parts = [(s.part, s.continued, [t.id for t in s.all_tables()]) for s in report.sections]
    assert [(p, c) for p, c, _ in parts[6:]] == [("二", True), ("三", True), ("四", True)]
    assert parts[8][2] == ["4"]
    assert [f for f in gilint.lint(text, config={}) if f.severity is not Severity.INFO] == []
    assert "GI107" in {f.code for f in gilint.lint(plain, config={})}


def test_a_part_repeated_with_its_table_twice_is_still_a_duplicate() -> None:
    text = render(sample_report("2021", seed=9), "tabs").text
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议")
    text = text + "\n" + text[start:end]
    codes = [f.code for f in gilint.lint(text) if f.severity is Severity.ERROR]
    assert "GI103" in codes


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_part_one_without_its_heading_is_found_from_its_subsections(
    template: str, layout: str
) -> None:
    data = variants.headless_overview(sample_report(template, seed=3))
    text = render(data, layout).text  # type: ignore[arg-type]
    report = gilint.parse(text)
    first = report.sections[0]
    assert first.part == "一" and first.headless and len(first.subsections) == 5
    findings = [f for f in gilint.lint(text) if f.severity is not Severity.INFO]
    assert [(f.code, f.severity) for f in findings] == [("GI104", Severity.WARNING)]
    assert "没有标题" in findings[0].message and findings[0].suggestion == "一、总体情况"


def test_subsections_before_part_one_are_not_taken_for_it_when_it_is_there() -> None:
    data = sample_report("2021", seed=3)
    report = gilint.parse(render(data, "tabs").text)
    assert [s.headless for s in report.sections] == [False] * 6


_REPORT_WORDS = r"\s*".join("政府信息公开工作年度报告")  # (a wrapped title breaks anywhere)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("words", ["政府信息公开年报", "政府信息公开工作年报"])
def test_a_title_that_calls_the_report_its_nianbao_is_its_title(layout: str, words: str) -> None:
    """ "示例镇2024年政府信息公开年报" names the report as its title does: the title, the
    body and the year are read from it (the rules across reports pair a body's reports by
    them). Before, no title was found; the year came from the period's sentence, where
    there is one."""
    written = render(sample_report(seed=2), layout).text
    text, count = re.subn(_REPORT_WORDS, words, written, count=1)
    assert count == 1
    report = gilint.parse(text)
    assert report.title is not None and report.title.replace(" ", "").endswith("2024年" + words)
    assert report.issuer == "示例县示例镇人民政府"
    assert report.title_year is not None and report.title_year.year == 2024
    assert [f.code for f in lint(sample_report(seed=2), layout)] == [
        f.code for f in gilint.lint(text, config={"select": ["GI"]})
    ]


def test_a_breadcrumb_naming_the_column_of_nianbao_is_no_title() -> None:
    text = "首页 > 政府信息公开 > 政府信息公开年报\n\n" + render(sample_report(seed=2), "tabs").text
    report = gilint.parse(text)
    assert report.title is not None and report.title.endswith("政府信息公开工作年度报告")


_TABLE_PARTS = (
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
)
_NOTE = "注：本表数据统计时限为本年1月1日至12月31日。"
_NOTES_ABOVE = ("", "说明：本表按申请人类别统计", "说明：本表统计本机关作为被申请人的案件。")


def _with_table_furniture(text: str) -> str:
    """``text`` with a title and a unit under each table part's heading (part 四's unit
    after its title), a note right above tables 三 and 四 and another right under
    tables 二 and 三 (no blank line between a note and the table): on lines of their
    own, or run into the line where the layout keeps the body on one."""
    one_line = text.count("\n") < 20  # web page text
    sep = " " if one_line else "\n"
    for number, heading in enumerate(_TABLE_PARTS, 1):
        at = text.index(heading) + len(heading)
        unit = "（单位：件）" if number == 3 else f"{sep}单位：件"
        above = f"{sep}{_NOTES_ABOVE[number - 1]}" if number > 1 else ""
        rest = text[at:].lstrip("\n ")
        text = f"{text[:at]}{unit}{sep}表{number} {heading[2:]}统计表{above}{sep}{rest}"
    for heading in _TABLE_PARTS[1:]:
        at = text.index(heading)
        if not one_line:
            at = text.rindex("\n", 0, at) + 1  # (Markdown's "## " before it)
        end = len(text[:at].rstrip())
        text = text[:end] + sep + _NOTE + text[end:]
    return text


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_tables_title_unit_and_note_are_not_read_as_its_cells(layout: str, template: str) -> None:
    """Published tables come with a title and a unit above them and a note under them.
    A unit or title before table 二's first 第二十条 caption was a table no format knows
    (GI901, an error), and a note right under a table made its rows one paragraph of
    prose with it: table 二 was missing (GI107) or table 三 short of its last rows
    (GI108)."""
    data = sample_report(template, seed=6)
    plain = render(data, layout).text  # type: ignore[arg-type]
    text = _with_table_furniture(plain)
    assert text.count("单位：件") == 3 and text.count(_NOTE) == 2
    report = gilint.parse(text)
    assert [s.title for s in report.sections] == [s.title for s in gilint.parse(plain).sections]

    def found(source: str) -> list[tuple[str, str, str]]:
        return [(f.code, f.severity.value, f.message) for f in gilint.lint(source, config={})]

    assert found(text) == found(plain)
    tables, plain_tables = gilint.parse(text).tables(), gilint.parse(plain).tables()
    assert [(t.id, len(t.rows)) for t in tables] == [(t.id, len(t.rows)) for t in plain_tables]
    # the note is prose of its part, and the row above it is still checked
    prose = [p.text for s in report.sections for p in s.paragraphs]
    assert [p for p in prose if p.startswith(("注", "说明"))] == [_NOTE, _NOTE, _NOTES_ABOVE[2]]
    cells = list(data.tables["3"]["carry_forward"])
    cells[-1] = str(int(cells[-1]) + 1)
    data = data.with_rows("3", {"carry_forward": tuple(cells)})
    broken = _with_table_furniture(render(data, layout).text)  # type: ignore[arg-type]
    # (its total, or where numbers run together its column's balance)
    assert {"GI201", "GI203"} & {f.code for f in gilint.lint(broken, config={})}


_FURNITURE_UNDER_HEADINGS = {
    "unit": "单位：件",
    "unit-in-brackets": "（单位：件）",
    "note-without-full-stop": "*注：本年度无不予公开情形",
    "page-number": "4",
    # written right after the title (on the heading's line, or run in with it)
    "unit-after-the-title": "（单位：件）",
    "reference": "（详见附表）",
    "note-and-unit": "说明：本表单位为件{sep}单位：件",
    "table-title": "表2 收到和处理政府信息公开申请情况统计表",
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_full_stop_after_a_row_label_leaves_the_row_in_its_table(
    layout: str, template: str
) -> None:
    """ "四、结转下年度继续办理。": a paragraph with a full stop in a part with a table was
    prose, so the row (in PDF-to-Markdown, its label standing as a heading over its
    numbers) ended the table before it (GI108, and GI901 for its numbers). A full stop
    that ends a known row's label before its numbers, or ends such a heading, is the
    table's; a sentence that ends in a row's words stays prose."""
    data = sample_report(template, seed=4)
    labels = {
        "3/new": "一、本年新收政府信息公开申请数量。",  # (a heading in OCR text: "### …。")
        "3/carry_forward": "四、结转下年度继续办理。",
        "3/outcome.total": "（七）总计。",
    }
    varied = attrs.evolve(data, row_labels={**data.row_labels, **labels})
    assert lint(varied, layout) == lint(data, layout)
    if layout == "ocr":
        assert "### 一、本年新收政府信息公开申请数量。" in render(varied, layout).text
    if layout == "wrapped":  # the numbers on the line below the label
        below = render(data, layout).text.replace(
            "四、结转下年度继续办理 ", "四、结转下年度继续办理。\n"
        )
        assert "继续办理。\n" in below
        assert gilint.lint(below, config={}) == gilint.lint(render(data, layout).text, config={})
    table = gilint.parse(render(varied, layout).text).table("3")  # type: ignore[arg-type]
    assert table is not None and table.missing == () and not table.unknown_rows
    # a part's prose that ends in a row's words is no row
    text = render(data, layout).text  # type: ignore[arg-type]
    sep = " " if text.count("\n") < 20 else "\n\n"
    heading = _TABLE_PARTS[1]
    at = text.index(heading) + len(heading)
    prose = (
        f"{text[:at]}{sep}（一）予以公开。{sep}本机关不予处理。 100 件申请已按期答复。{text[at:]}"
    )
    assert [f for f in gilint.lint(prose, config={}) if f.severity is not Severity.INFO] == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("heading", _TABLE_PARTS)
def test_a_sentence_between_a_parts_heading_and_its_table_is_prose(
    layout: str, heading: str
) -> None:
    """ "二、主动公开政府信息情况 本年度情况如下。 第二十条第（一）项 …": in web page text the
    sentence and the table were one paragraph with a full stop, so prose, and the part
    was without its table (GI107; table 三 without its first rows, GI108). The sentence
    is prose and the table after it the part's, in every layout."""
    data = sample_report("2021", seed=4)
    text = render(data, layout).text  # type: ignore[arg-type]
    sep = " " if text.count("\n") < 20 else "\n"
    at = text.index(heading) + len(heading)
    for sentence in ("本年度情况如下。", "本年度共办结申请。办理结果详见下表。"):
        written = f"{text[:at]}{sep}{sentence}{text[at:]}"
        assert gilint.lint(written, config={}) == gilint.lint(text, config={})
        report = gilint.parse(written)
        assert [t.id for t in report.tables()] == [t.id for t in gilint.parse(text).tables()]
        part = report.section(heading[0])
        assert part is not None and sentence.endswith(part.paragraphs[0].text)


@pytest.mark.parametrize(
    ("layout", "furniture"),
    [
        (layout, furniture)
        for layout in LAYOUTS
        for furniture in _FURNITURE_UNDER_HEADINGS
        # (a web page has no pages)
        if not (furniture == "page-number" and layout in ("web", "runs"))
    ],
)
@pytest.mark.parametrize("narrative_first", [False, True], ids=["plain", "narrative-first"])
def test_a_line_of_furniture_under_a_table_parts_heading_is_no_table(
    layout: str, furniture: str, narrative_first: bool
) -> None:
    """A unit, a note with no full stop, a table's title, a page number or a reference
    to the tables on a line of its own under the heading of a part with a table (or a
    unit right after its title): where the table follows, it was read as its table's
    first line (a page number made a table of its own before table 二, and table 四's
    row); where the part says its table is given elsewhere ("本年度有关情况见附表", the
    tables after the narrative under headings of their own), it was a table of that part,
    with no rows: the tables after the narrative were then read as other parts' (GI901,
    GI108); in web page text a unit right after the title was cut at its colon, and its
    first half was such a table. A line naming an attached file after the last table was
    a table too."""
    data = sample_report("2021", seed=5)
    if narrative_first:
        data = variants.narrative_first(data)
    plain = render(data, layout).text  # type: ignore[arg-type]
    one_line = plain.count("\n") < 20
    line = _FURNITURE_UNDER_HEADINGS[furniture].format(sep=" " if one_line else "\n")
    sep = " " if one_line else "\n\n"
    after_title = furniture == "unit-after-the-title"
    text = plain
    for heading in _TABLE_PARTS:
        at = text.index(heading)
        end = at + len(heading) if one_line or after_title else text.index("\n", at)
        text = f"{text[:end]}{'' if after_title else sep}{line}{text[end:]}"
    attached = f"附件：{data.year}年政府信息公开工作年度报告统计表"
    text = f"{text.rstrip()}{sep}{attached}\n"
    assert text.count(line) >= 3

    def found(source: str) -> list[tuple[str, str]]:
        return [
            (f.code, f.message)
            for f in gilint.lint(source, config={})
            if f.severity.value != "info"
        ]

    assert found(text) == found(plain)
    tables = [(t.id, len(t.rows)) for t in gilint.parse(text).tables()]
    assert tables == [(t.id, len(t.rows)) for t in gilint.parse(plain).tables()]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "numerals", ["〇一二三四五六七八九", "○一二三四五六七八九", "零一二三四五六七八九"]
)
def test_a_title_that_writes_its_year_in_chinese_numerals_has_that_year(
    layout: str, numerals: str
) -> None:
    """ "示例镇二〇二四年政府信息公开工作年度报告": the year was not read from such a title,
    nor (in web page text) the title found; the year came from the period's sentence
    where there is one, and the body's name was lost."""
    data = sample_report("2021", seed=3)
    plain = render(data, layout).text  # type: ignore[arg-type]
    written = "".join(numerals[int(d)] for d in str(data.year))
    text, count = re.subn(rf"{data.year}\s*年(?=\s*政\s*府)", written + "年", plain, count=1)
    assert count == 1
    report, expected = gilint.parse(text), gilint.parse(plain)
    assert report.title_year is not None and report.title_year.year == data.year
    assert report.title_year.span.start == text.index(written)
    assert report.issuer == expected.issuer == "示例县示例镇人民政府"
    assert [f.code for f in gilint.lint(text, config={})] == [
        f.code for f in gilint.lint(plain, config={})
    ]
    # the period's sentence gone, the year is still the title's
    period = re.search(r"本报告[^。\n]*统计[^。\n]*。", text)
    if period is not None:
        assert gilint.parse(text.replace(period.group(), "")).year == data.year


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_title_that_puts_its_year_first_names_the_body_after_it(layout: str) -> None:
    """ "2024年示例县示例镇人民政府政府信息公开工作年度报告": the body was looked for only
    before the year, so there was none; in web page text the page's last word ("微博")
    was taken for it, and the rules across reports pair a body's reports by it."""
    data = sample_report("2021", seed=3)
    plain = render(data, layout).text  # type: ignore[arg-type]
    body = r"\s*".join("示例县示例镇人民政府")
    year = rf"{data.year}\s*年"
    text, count = re.subn(f"{body}\\s*({year})", r"\1示例县示例镇人民政府", plain, count=1)
    assert count == 1
    report = gilint.parse(text)
    assert report.title is not None and report.title.replace(" ", "").endswith(
        f"{data.year}年示例县示例镇人民政府政府信息公开工作年度报告"
    )
    assert report.issuer == "示例县示例镇人民政府" and report.year == data.year
    # a title whose year leads words that name no body keeps the body before it
    other, count = re.subn(f"({year})", r"\1政务公开暨", plain, count=1)
    assert count == 1 and "政务公开暨" in (gilint.parse(other).title or "")
    assert gilint.parse(other).issuer == "示例县示例镇人民政府"


_TITLE_FORMS = {
    "about": "示例县示例镇人民政府关于{y}年度政府信息公开工作年度报告",
    "quoted": "《示例县示例镇人民政府{y}年政府信息公开工作年度报告》",
    "county-wide": "示例县示例镇人民政府{y}年度全县政府信息公开工作年度报告",
    "year-last": "示例县示例镇人民政府政府信息公开工作{y}年度报告",
    "year-in-brackets": "示例县示例镇人民政府政府信息公开工作年度报告（{y}年度）",
    "body-under": "{y}年政府信息公开工作年度报告{sep}示例县示例镇人民政府",
    "notice": "示例县人民政府办公室关于印发《示例县示例镇人民政府{y}年政府信息公开工作年度报告》"
    "的通知",
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("form", list(_TITLE_FORMS))
def test_the_body_is_read_from_the_titles_forms(layout: str, form: str) -> None:
    """The body's name is what the rules across reports pair a body's reports by: it is
    read without the title's quotation marks, a "关于" or the title's words, from the
    line under a title that names none, and from the report's own title quoted in a
    notice that issues it. In web page text, where the word before a year
    may be the page's ("微博"), a title whose body stands under it names none; one
    with its year last was not found there at all."""
    # (a wrong name pairs two bodies' reports as one body's years: none is better)
    data = sample_report("2021", seed=4)
    plain = render(data, layout).text  # type: ignore[arg-type]
    one_line = plain.count("\n") < 20
    title = _TITLE_FORMS[form].format(y=data.year, sep=" " if one_line else "\n")
    written = r"\s*".join(f"示例县示例镇人民政府{data.year}年政府信息公开工作年度报告")
    text, count = re.subn(written, title, plain, count=1)
    assert count == 1
    report = gilint.parse(text)
    assert report.year == data.year
    if form.startswith("year"):
        assert report.title_year is not None and report.title_year.year == data.year
    if form == "body-under" and one_line:
        assert report.issuer is None
    else:
        assert report.issuer == "示例县示例镇人民政府"
    assert [f.code for f in gilint.lint(text, config={})] == [
        f.code for f in gilint.lint(plain, config={})
    ]


@pytest.mark.parametrize("layout", [lay for lay in LAYOUTS if lay not in ("web", "runs")])
@pytest.mark.parametrize("ending", ["工作年度报告", "年度报告"])
def test_a_title_set_in_two_paragraphs_is_one_title(layout: str, ending: str) -> None:
    """ "…2024年政府信息公开" and "工作年度报告" with a blank line between, as a PDF's
    title in large type is extracted: the title was its second paragraph alone, with no
    year in it, and with no period's sentence the report had no year (GI303; the rules
    that need it did not run)."""
    data = sample_report("2021", seed=4)
    plain = render(data, layout).text  # type: ignore[arg-type]
    whole = f"示例县示例镇人民政府{data.year}年政府信息公开工作年度报告"
    first = whole[: -len(ending)]
    text, count = re.subn(r"\s*".join(whole), f"{first}\n\n{ending}", plain, count=1)
    assert count == 1
    period = re.search(r"本报告[^。\n]*统计[^。\n]*。", text)
    text = text.replace(period.group(), "") if period is not None else text
    report = gilint.parse(text)
    assert (report.title or "").replace(" ", "") == whole
    assert report.title_year is not None and report.title_year.year == data.year
    assert report.issuer == "示例县示例镇人民政府"
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    ("group", "written"),
    [
        ("三、本年度办理结果", "三、办理结果"),
        ("三、本年度办理结果", "三、本年度办理结果情况"),
        ("（四）无法提供", "（四）无法提供信息"),
    ],
)
def test_a_group_label_worded_otherwise_is_no_cell(layout: str, group: str, written: str) -> None:
    """A group label no format words so ("三、办理结果"), in web page text after the
    numbers of the row before it where the line is cut at its first row: it was a cell
    of that row written in words (GI901, an error). After a row's numbers that fill it,
    text that ends the line is read as on a line of its own; numbers run together fill
    it where the run has a digit for each of its cells."""
    plain = render(sample_report("2021", seed=0), layout).text  # type: ignore[arg-type]
    bracket = {"（": "[（(]", "）": "[）)]"}
    written_as = r"\s*".join(bracket.get(c, re.escape(c)) for c in group)
    text, count = re.subn(written_as, written, plain, count=1)
    assert count == 1
    assert gilint.lint(text, config={}) == gilint.lint(plain, config={}) == []
    assert _rows(gilint.parse(text).table("3")) == _rows(gilint.parse(plain).table("3"))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_colon_or_unit_after_a_row_label_is_part_of_its_cell(layout: str) -> None:
    """ "一、本年新收政府信息公开申请数量：", "（七）总计（件）": the text after the label was
    a label no format knows, which took the row's numbers (GI901), and the row was left
    without them (GI108)."""
    data = sample_report("2021", seed=5)
    labels = {
        "3/new": "一、本年新收政府信息公开申请数量：",
        "3/carried_over": "二、上年结转政府信息公开申请数量（件）",
        "3/outcome.total": "（七）总计:",
    }
    varied = attrs.evolve(data, row_labels={**data.row_labels, **labels})

    def found(report: ReportData) -> list[tuple[str, str]]:
        return [(f.code, f.message) for f in lint(report, layout)]

    assert found(varied) == found(data)
    table = gilint.parse(render(varied, layout).text).table("3")  # type: ignore[arg-type]
    assert table is not None and table.missing == () and not table.unknown_rows


@pytest.mark.parametrize(
    ("layout", "table"),
    # (the kit writes no blank table 四 in the other layouts)
    [(layout, "3") for layout in LAYOUTS]
    + [(layout, "4") for layout in ("wrapped", "tabs", "markdown", "ocr")],
)
def test_a_table_left_blank_is_still_a_table(layout: str, table: str) -> None:
    """A run of table lines with no number is no table when it looks like none (a
    reference to the tables, a unit): a table whose cells are all blank still is one,
    by its rows' labels, its header or its cells; it is not a part without a table."""
    data = sample_report("2021", seed=5)
    rows = {row: tuple("" for _ in cells) for row, cells in data.tables[table].items()}
    text = render(data.with_rows(table, rows), layout).text  # type: ignore[arg-type]
    read = [t for t in gilint.parse(text).tables() if t.id == table]
    assert len(read) == 1 and len(read[0].rows) == len(rows) - (table == "4")
    assert "GI107" not in {f.code for f in gilint.lint(text, config={})}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_reference_in_place_of_a_table_is_no_table(layout: str) -> None:
    """A part that only refers to its table ("（详见附表）"), after another part's table:
    the part has no table (GI107), not a table with none of its rows (GI108: the run's
    reading of the table before it was taken for this one's)."""
    plain = render(sample_report("2021", seed=5), layout).text  # type: ignore[arg-type]
    sep = " " if plain.count("\n") < 20 else "\n\n"
    start = plain.index(_TABLE_PARTS[1])
    end = plain.index(_TABLE_PARTS[2])
    text = f"{plain[:start]}{_TABLE_PARTS[1]}{sep}（详见附表）{sep}{plain[end:]}"
    assert "3" not in [t.id for t in gilint.parse(text).tables()]
    codes = [f.code for f in gilint.lint(text, config={}) if f.severity is Severity.ERROR]
    assert codes == ["GI107"]
