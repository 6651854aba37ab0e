"""Rows with blank cells, where cells are separated (tabs, pipes, a table).

The empty cells between a row's label and its numbers are the label columns of merged
cells as often as the row's own blank cells: ``（三）不予公开 | 1.属于国家秘密 | | 7 | …``
has its 自然人 blank, ``一、本年新收… | | 5 | …`` a label over two columns. Read as
written, a row with its first cell blank stood a column too far left: a missing 总计
and every column identity failing, some eight false errors a row. The row's own
identities tell which it is; where they cannot, the row is read as written; where they
prefer a way only over one that leaves the total blank, the table's columns settle it. A row
left blank in all its cells (nothing happened) read as a row without cells: missing
every column, an error; its empty cells are now read, a warning.
"""

from __future__ import annotations

import re

import attrs
import pytest

import gilint
from gilint.ast import CellStatus, Reading, Row
from gilint.findings import Finding, Severity
from gilint.testing import LAYOUTS, ReportData, render, sample_report

ROW = "outcome.refused.state_secret"  # 1.属于国家秘密, a sub-row under its group label
SIBLING = "outcome.refused.prohibited"  # 2.其他法律行政法规禁止公开, in the same group
OTHER, OTHER_SIBLING = "outcome.not_processed.petition", "outcome.not_processed.repeated"


def _moved(data: ReportData, row: str, sibling: str) -> dict[str, tuple[str, ...]]:
    """The sibling row with ``row``'s counts added, so every column still adds up
    when ``row`` is emptied."""
    rows = data.tables["3"]
    return {
        sibling: tuple(str(int(a) + int(b)) for a, b in zip(rows[row], rows[sibling], strict=True))
    }


def _data(cells: tuple[str, ...], moved: bool = False) -> ReportData:
    """The report with the row's cells replaced; ``moved``: its counts are added to
    its sibling's, so every column still adds up."""
    data = sample_report("2021", seed=1)
    return data.with_rows("3", {**(_moved(data, ROW, SIBLING) if moved else {}), ROW: cells})


def _read(data: ReportData, layout: str) -> tuple[Row, list[Finding]]:
    text = render(data, layout).text
    table = gilint.parse(text).table("3")
    assert table is not None
    row = table.row(ROW)
    assert row is not None
    return row, gilint.lint(text, config={"select": ["GI"]})


@pytest.mark.parametrize("layout", ["tabs", "markdown", "cells"])
def test_a_blank_first_cell_that_the_total_places(layout: str) -> None:
    # the data has 0 natural persons here: left blank, the report stays correct
    assert sample_report("2021", seed=1).tables["3"][ROW][0] == "0"
    row, findings = _read(_data(("", "7", "7", "7", "8", "8", "37")), layout)
    assert row.reading is Reading.REPAIRED
    assert row.statuses == (CellStatus.BLANK,) + (CellStatus.OK,) * 6
    assert row.values[1:] == (7, 7, 7, 8, 8, 37)
    assert row.repair == "空白单元格按本行的合计关系读作“自然人”"
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    assert "“1.属于国家秘密”“自然人”" in findings[0].message
    blank = row.cells[0]
    assert blank.span.start < row.cells[1].span.start  # the empty cell before the 7


@pytest.mark.parametrize("layout", ["tabs", "markdown"])
def test_a_row_of_zeros_takes_the_blank_written(layout: str) -> None:
    """Any reading of zeros adds up: the blank written before them is the row's blank
    cell, rather than a 总计 the row has no cell for."""
    row, findings = _read(_data(("", "0", "0", "0", "0", "0", "0"), moved=True), layout)
    assert row.reading is Reading.REPAIRED
    assert row.statuses[0] is CellStatus.BLANK and row.values[1:] == (0,) * 6
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]


@pytest.mark.parametrize("layout", ["tabs", "markdown"])
def test_a_blank_total_is_read_blank(layout: str) -> None:
    """总计 left blank: the six numbers are 自然人 … 其他 (they add up to no total as
    any other reading), and the total is blank, where tab text shows it by its tabs and
    pipes by an empty cell. The sum it leaves out of its column is an error there."""
    row, findings = _read(_data(("0", "7", "7", "7", "8", "8", "")), layout)
    assert row.values[:6] == (0, 7, 7, 7, 8, 8)
    assert row.statuses[6] is CellStatus.BLANK
    assert {f.code for f in findings} == {"GI202", "GI205"}  # the column of totals


@pytest.mark.parametrize("layout", ["tabs", "markdown"])
def test_a_row_that_adds_up_in_no_reading_keeps_its_error(layout: str) -> None:
    # 自然人 blank, and a total that is wrong whichever column the blank is in: no
    # reading makes the row right, and its column sums say so
    row, findings = _read(_data(("", "7", "7", "7", "8", "8", "40")), layout)
    assert 40 in row.values
    assert any(f.severity is Severity.ERROR and f.line == row.line for f in findings)


def _blank_rows() -> ReportData:
    """Two rows left blank in all their cells, their counts moved to a sibling row."""
    data = sample_report("2021", seed=1)
    rows = {**_moved(data, ROW, SIBLING), **_moved(data, OTHER, OTHER_SIBLING)}
    return data.with_rows("3", {**rows, ROW: ("",) * 7, OTHER: ("",) * 7})


@pytest.mark.parametrize("layout", ["tabs", "markdown", "cells", "pipes", "ocr"])
def test_a_row_left_blank_is_read_blank(layout: str) -> None:
    """(In a table a cell a line whose pipes stand on lines of their own, the row was
    read as having no cells: GI108, an error.)"""
    row, findings = _read(_blank_rows(), layout)
    assert row.statuses == (CellStatus.BLANK,) * 7
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    assert "14 个单元格为空" in findings[0].message


@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "report.html"])
def test_a_row_left_blank_is_read_blank_in_the_kits_files(name: str) -> None:
    from gilint.config import Config
    from gilint.linting import Linter
    from gilint.testing.documents import document, to_docx, to_html, to_pdf

    doc = document(_blank_rows())
    data = {"pdf": to_pdf(doc)[0], "docx": to_docx(doc), "html": to_html(doc)}[name[7:]]
    findings = Linter(Config()).lint(data, name)
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]


def test_a_label_without_cells_is_still_a_row_missing_its_cells() -> None:
    """A label alone on its line, no cell after it: the row stops there (GI108)."""
    text = render(_blank_rows(), "tabs").text
    line = next(ln for ln in text.split("\n") if "1.属于国家秘密" in ln)
    text = text.replace(line, line.rstrip("\t"))
    findings = gilint.lint(text, config={"select": ["GI"]})
    assert [f.code for f in findings if f.severity is Severity.ERROR] == ["GI108"]


def _table2_row(cells: tuple[str, str, str]) -> ReportData:
    """The report with table 二's 规章 row replaced (a table with no sum in a row)."""
    return sample_report("2021", seed=2).with_rows("2.1", {"regulations": cells})


@pytest.mark.parametrize("layout", ["tabs", "markdown", "cells", "ocr"])
@pytest.mark.parametrize(
    ("cells", "column"), [(("", "0", "30"), "本年制发件数"), (("5", "0", ""), "现行有效件数")]
)
def test_a_blank_at_either_end_of_a_row_without_sums_is_where_its_line_puts_it(
    layout: str, cells: tuple[str, str, str], column: str
) -> None:
    """Table 二 has no sum in a row to weigh: a row ends where its line does (its last
    column), so the blanks before its numbers are its first cells, and the tabs or
    empty cells after them its last. It read one number short, a column left (GI108)."""
    findings = gilint.lint(render(_table2_row(cells), layout).text, config={"select": ["GI"]})
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    assert f"“规章”“{column}”" in findings[0].message
    table = gilint.parse(render(_table2_row(cells), layout).text).table("2.1")
    assert table is not None
    row = next(r for r in table.rows if r.id == "regulations")
    assert row.values == tuple(int(c) if c else None for c in cells)
    assert row.statuses[cells.index("")] is CellStatus.BLANK


def test_a_short_row_without_sums_in_text_by_lines_is_unread_not_cut() -> None:
    """Text by lines keeps no blank cell: 规章 with its first cell blank reads "0 30".
    Cut into three columns the one way the digits allow, it read 0, 3, 0; with no sum
    in the row to confirm a cut, it is unread and said so (GI901, a note)."""
    from gilint.repairs import row_splits
    from gilint.templates.national import NATIONAL

    spec = NATIONAL.get("2021").table("2.1")
    assert spec is not None and row_splits(["0", "30"], spec) is None
    text = render(_table2_row(("", "0", "30")), "wrapped").text
    assert "规章 0 30" in text
    table = gilint.parse(text).table("2.1")
    assert table is not None
    row = next(r for r in table.rows if r.id == "regulations")
    assert row.reading is Reading.UNREAD
    findings = gilint.lint(text, config={"select": ["GI"]})
    assert [(f.code, f.severity) for f in findings] == [("GI901", Severity.INFO)]


def test_a_blank_total_stands_after_the_tab_that_opens_it() -> None:
    """Where every line of the table ends with a tab (a converter's), a row's blank 总计
    is the cell the first tab after its last number opens, not the one the line's last
    tab opens."""
    from gilint.testing import variants

    text = render(variants.blank_total_column(sample_report("2021", seed=1)), "tabs").text
    lines = text.split("\n")
    text = "\n".join(ln + "\t" if "\t" in ln and ln[-1] != "\t" else ln for ln in lines)
    table = gilint.parse(text).table("3")
    assert table is not None
    row = table.row(ROW)
    assert row is not None and row.statuses[6] is CellStatus.BLANK
    last = row.cells[5].span.end  # 其他's number
    assert text[last : last + 3] == "\t\t\n"
    assert row.cells[6].span.start == last + 1


def _total_column_blank(carried: tuple[str, ...]) -> ReportData:
    """The report with its column of totals blank and 四 (carried forward) set to
    ``carried``; 一 takes the difference, so every column still adds up."""
    from gilint.testing import variants

    data = sample_report("2021", seed=1)
    rows = data.tables["3"]
    new = tuple(
        str(int(n) + int(c) - int(o))
        for n, c, o in zip(rows["new"][:6], carried, rows["carry_forward"][:6], strict=True)
    )
    assert all(int(n) >= 0 for n in new)
    changed = data.with_rows("3", {"new": (*new, "0"), "carry_forward": (*carried, "0")})
    return variants.blank_total_column(changed)


@pytest.mark.parametrize("layout", ["tabs", "markdown", "cells", "ocr"])
def test_a_blank_total_that_a_shifted_reading_would_fill_is_settled_by_the_columns(
    layout: str,
) -> None:
    """四 reads ``0 0 1 0 0 1`` and a blank 总计; read a column to the right (自然人
    blank) its parts add up to a total of 1, which its own sums preferred over a total
    they cannot check: three false GI201 errors down the columns. The table's column
    identities hold only with the total blank, and settle it so."""
    text = render(_total_column_blank(("0", "0", "1", "0", "0", "1")), layout).text
    table = gilint.parse(text).table("3")
    assert table is not None
    row = table.row("carry_forward")
    assert row is not None
    assert row.values[:6] == (0, 0, 1, 0, 0, 1)
    assert row.statuses[6] is CellStatus.BLANK
    findings = gilint.lint(text, config={"select": ["GI"]})
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]


@pytest.mark.parametrize("layout", ["tabs", "markdown"])
def test_a_first_cell_blank_in_every_row_keeps_the_reading_its_sums_give(layout: str) -> None:
    """自然人 blank in every row: each row's own sums place the blank first over a blank
    total, and the columns add up so: every row keeps that reading."""
    from gilint.testing import variants

    data = variants.blank_first_column(sample_report("2021", seed=1))
    table = gilint.parse(render(data, layout).text).table("3")
    assert table is not None
    for row in table.rows:
        assert row.id is not None
        assert row.statuses[0] is CellStatus.BLANK
        assert row.values[1:] == tuple(int(c) for c in data.tables["3"][row.id][1:])
        assert row.repair == "空白单元格按本行的合计关系读作“自然人”"


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("layout", ["markdown", "ocr"])
@pytest.mark.parametrize("blank", ["natural", "other"])
def test_blanks_at_both_ends_are_placed_by_the_cells_written_after_the_numbers(
    layout: str, template: str, blank: str
) -> None:
    """自然人 and 总计 blank in every row (or 其他 and 总计): five numbers, blank cells
    before them (label columns, or 自然人) and after them, and no sum to tell which,
    the total being blank. The cells the row's line writes after its numbers are its
    last ones: 自然人 and 总计 were read as 其他 and a missing 总计, every number a
    column to the left (GI108 in every row, an error). A row's blanks stay where its
    line puts them when they are 其他 and 总计."""
    from gilint.testing import variants

    data = sample_report(template, seed=2)
    if blank == "natural":
        data = variants.blank_total_column(variants.blank_first_column(data))
    else:
        data = data.with_rows("3", {r: (*c[:5], "", "") for r, c in data.tables["3"].items()})
    text = render(data, layout).text
    table = gilint.parse(text).table("3")
    assert table is not None
    for row in table.rows:
        assert row.id is not None
        written = data.tables["3"][row.id]
        assert row.values == tuple(int(c) if c else None for c in written), row.id
        assert row.statuses[-1] is CellStatus.BLANK
    findings = gilint.lint(text, config={"select": ["GI"]})
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    named = "自然人" if blank == "natural" else "其他"
    assert f"“{named}”" in findings[0].message


@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "report.html"])
def test_blanks_at_both_ends_are_placed_in_the_kits_files(name: str) -> None:
    """The same in files: a table's cells extracted as tabs or pipes on the row's line
    (GI108 in every row before, 24 to 26 errors, and the blank cells named 其他)."""
    from gilint.config import Config
    from gilint.linting import Linter
    from gilint.testing import variants
    from gilint.testing.documents import document, to_docx, to_html, to_pdf

    data = variants.blank_total_column(variants.blank_first_column(sample_report("2021", seed=2)))
    doc = document(data)
    raw = {"pdf": to_pdf(doc)[0], "docx": to_docx(doc), "html": to_html(doc)}[name[7:]]
    findings = Linter(Config()).lint(raw, name)
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    assert "“自然人”" in findings[0].message


def _only_natural_persons(template: str) -> ReportData:
    """A body that fills only 自然人 and leaves the other applicants and every 总计
    blank, as small bodies publish: each row a number, then blank cells to its end."""
    from gilint.testing import variants

    data = sample_report(template, seed=3)
    return variants.blank_total_column(variants.blank_columns(data))


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("layout", ["tabs", "markdown", "cells"])
def test_a_number_then_blanks_to_the_row_end_is_read_blank(layout: str, template: str) -> None:
    """Its blank cells were taken for missing ones (GI108 "只有 1 个数据", an error in
    every row) wherever the row's label left blank cells before its number: they could
    be the row's first cells, its total being blank to tell, and the tabs after its
    number were dropped. Unsettled, the row is read as written: its number after its
    label, the tabs after it its blank cells."""
    data = _only_natural_persons(template)
    assert data.tables["3"]["outcome.partial"][1:] == ("",) * 6
    text = render(data, layout).text
    table = gilint.parse(text).table("3")
    assert table is not None
    for row in table.rows:
        if row.id is not None and row.id in data.tables["3"]:
            assert row.statuses[1:] == (CellStatus.BLANK,) * 6, row.id
    findings = gilint.lint(text, config={"select": ["GI"]})
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("name", ["report.pdf", "report.docx", "report.html"])
def test_a_number_then_blanks_to_the_row_end_in_the_kits_files(name: str, template: str) -> None:
    """In files the group label's merged cell leaves the next line's first cells blank
    (``\\t（四）无法提供\\t1.本机关…``): those were cut off as the end of the row before,
    filling its room, and its own blank cells counted missing."""
    from gilint.config import Config
    from gilint.linting import Linter
    from gilint.testing.documents import document, to_docx, to_html, to_pdf

    doc = document(_only_natural_persons(template))
    data = {"pdf": to_pdf(doc)[0], "docx": to_docx(doc), "html": to_html(doc)}[name[7:]]
    findings = Linter(Config()).lint(data, name)
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]


@pytest.mark.parametrize("placeholder", ["/", "—", "无"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_table_four_of_placeholders_only_is_read_as_its_row(layout: str, placeholder: str) -> None:
    """Table 四's row has no label: a line of nothing but placeholders (a body with no
    reviews or suits writing "/" in every column) had its first read as the row's label
    text, and the row was short a cell (or, a cell a line, missing): an error. A lone
    placeholder word stays a paragraph's (其他需要报告的事项：无)."""
    data = sample_report("2021", seed=1).with_rows("4", {"cases": (placeholder,) * 15})
    text = render(data, layout).text
    table = gilint.parse(text).table("4")
    assert table is not None
    row = table.row("cases")
    assert row is not None and row.statuses == (CellStatus.PLACEHOLDER,) * 15
    findings = gilint.lint(text, config={"select": ["GI"]})
    # one warning for the table's signs, as for its blank cells
    assert [(f.code, f.severity) for f in findings] == [("GI205", Severity.WARNING)]
    assert f"表四有 15 个单元格写作“{placeholder}”" in findings[0].message


_FIFTEEN_SEVENS = re.compile(r"7(?:[ \t|\n]+7){14}")


@pytest.mark.parametrize("text", ["无", "0"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_table_four_of_one_none_is_its_whole_row(layout: str, text: str) -> None:
    """One "无" (or "0") where table 四's fifteen numbers stand: a cell merged over the
    row, as a page copied as text or a converted table gives it. A lone "无" was read as
    text and the row as missing (an error); each cell now reads what it says. A lone
    "无" elsewhere stays text: a part that says "无" instead of drawing its table still
    lacks the table's row."""
    data = sample_report("2021", seed=2).with_rows("4", {"cases": ("7",) * 15})
    rendered = render(data, layout).text
    merged, count = _FIFTEEN_SEVENS.subn(text, rendered)
    assert count == 1
    table = gilint.parse(merged).table("4")
    assert table is not None
    cases = table.row("cases")
    assert cases is not None and cases.reading is Reading.REPAIRED
    findings = [(f.code, f.severity) for f in gilint.lint(merged, config={"select": ["GI"]})]
    if text == "0":
        assert cases.values == (0,) * 15
        assert findings == []
    else:
        assert cases.statuses == (CellStatus.PLACEHOLDER,) * 15
        assert findings == [("GI205", Severity.WARNING)]


@pytest.mark.parametrize("layout", ["wrapped", "tabs"])
def test_a_part_four_that_says_none_instead_of_its_table_still_lacks_it(layout: str) -> None:
    data = sample_report("2021", seed=2)
    rendered = render(data, layout).text
    start = rendered.index("四、政府信息公开行政复议")
    end = rendered.index("五、存在的主要问题")
    text = rendered[:start] + "四、政府信息公开行政复议、行政诉讼情况\n\n无\n\n" + rendered[end:]
    codes = {f.code for f in gilint.lint(text, config={"select": ["GI"]})}
    # (a lone 无 under the heading is no table: the part has none, not a table short of
    # its row, as a table 四 whose header stands above the 无 is)
    assert "GI107" in codes


def _zeros_written(data: ReportData, mark: str, table: str) -> ReportData:
    """``data`` with every 0 of the tables whose ids start with ``table`` written as
    ``mark``."""
    tables = {
        tid: {
            row: tuple(mark if cell == "0" else cell for cell in cells)
            for row, cells in rows.items()
        }
        if tid.startswith(table)
        else dict(rows)
        for tid, rows in data.tables.items()
    }
    return attrs.evolve(data, tables=tables)


@pytest.mark.parametrize("table", ["2", "3", "4"])
@pytest.mark.parametrize("mark", ["/", "—", "无"])
@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name != "runs"])
def test_placeholders_for_zero_are_cells_in_every_layout(
    layout: str, mark: str, table: str
) -> None:
    """A placeholder written for 0 among a table's numbers is that cell, a warning, in
    every layout (but numbers run together: "/121/15" is not split, and its row is said
    to be unread). In a table converted a cell per line whose pipes stand on lines of
    their own (``/`` / ``|``), it was read as text: a row's label ("/" no row the
    format names, GI901) and the row short of its cells (GI108, an error)."""
    data = _zeros_written(sample_report("2021", seed=0, high=2), mark, table)
    placed = [
        (tid, row, index)
        for tid, rows in data.tables.items()
        if tid.startswith(table)
        for row, cells in rows.items()
        for index, cell in enumerate(cells)
        if cell == mark
    ]
    assert placed
    report = gilint.parse(render(data, layout).text)
    for tid, row_id, index in placed:
        read = report.table(tid)
        assert read is not None
        row = read.row(row_id)
        assert row is not None and row.statuses[index] is CellStatus.PLACEHOLDER
    findings = gilint.lint(render(data, layout).text, config={"select": ["GI"]})
    assert {(f.code, f.severity) for f in findings} == {("GI205", Severity.WARNING)}


@pytest.mark.parametrize("layout", ["tabs", "markdown", "ocr"])
def test_one_row_blank_at_both_ends_among_full_rows(layout: str) -> None:
    """One row with its 自然人 and 总计 blank, in a table whose other rows are full. In
    tab text whose converter ends every row with a tab, but the header's first line
    with its merged 总计, the tab after the row's blank 总计 was read as one more blank
    cell: the row a column to the left (其他 and 总计 blank), a GI202 error in three
    columns where one is wrong. The padding is what the full rows end with. The blank
    总计, counted as 0 in its column's sum, is said to be blank."""
    data = sample_report("2021", seed=4)
    cells = data.tables["3"][ROW]
    data = data.with_rows("3", {ROW: ("", *cells[1:-1], "")})
    row, findings = _read(data, layout)
    assert row.values == (None, *map(int, cells[1:-1]), None)
    assert row.statuses[0] is row.statuses[-1] is CellStatus.BLANK
    errors = [f for f in findings if f.severity is Severity.ERROR]
    # the blank 自然人 (3 in the total row's sum) and the blank 总计 (16)
    assert [(f.code, f.span) for f in errors] == [
        ("GI202", row.cells[0].span),
        ("GI202", row.cells[-1].span),
    ]
    assert all("一栏为空白（按 0 计）" in f.message for f in errors)
