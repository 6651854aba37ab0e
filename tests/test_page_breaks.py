"""A table that runs onto the next page, its header repeated there, and a row broken
across the two pages.

A word processor repeats a table's heading rows at the top of every page the table
runs onto, and lets a row break across pages: the first lines of its label stay at the
foot of one page, the rest comes after the page number and the repeated header. Read
in that order, the header stood inside the row's label, and every correct report so
printed got two false errors (an unknown row label, a row missing). The table reader
now reads such a label without its table's header inside it. A running head (the
report's title at the top of every page) stood there too: the PDF loader leaves out
what stands in a page's margin at the same height on other pages.
"""

from __future__ import annotations

import io
from typing import Literal

import attrs
import pytest

from gilint import parse as gilint_parse
from gilint.config import Config
from gilint.findings import Finding, Severity
from gilint.linting import Linter
from gilint.loaders.pdf import _Page, _without_furniture
from gilint.loaders.pdf_lines import Line
from gilint.testing import render, sample_report
from gilint.testing.documents import Block, Document, GridCell, document, to_pdf
from gilint.testing.helpers import lint_text

Numbers = Literal["before", "after"]


def _header(lines: list[str]) -> list[str]:
    """Table 三's header lines in the tabs layout: from the note on its sums to the
    line before the first row."""
    first = next(i for i, ln in enumerate(lines) if ln.startswith("(本列数据"))
    last = next(i for i in range(first, len(lines)) if "一、本年新收" in lines[i])
    return lines[first:last]


def _broken(
    text: str, label: str, cut: int, numbers: Numbers, header: list[str] | None = None
) -> str:
    """The tabs layout with the row of ``label`` broken after ``cut`` characters of it:
    its numbers on the page before the break or after it, then a page number and the
    table's header again (or the lines of ``header``)."""
    lines = text.split("\n")
    header = _header(lines) if header is None else header
    at = next(i for i, ln in enumerate(lines) if f"\t{label}\t" in f"\t{ln}")
    before, _, values = lines[at].partition(f"{label}\t")
    head = f"{before}{label[:cut]}"
    tail = "\t" * before.count("\t") + label[cut:]
    page = ["", "- 2 -", "", *header]
    if numbers == "before":
        broken = [f"{head}\t{values}", *page, tail]
    else:
        broken = [head, *page, f"{tail}\t{values}"]
    return "\n".join([*lines[:at], *broken, *lines[at + 1 :]])


def _long_labels(text: str) -> list[str]:
    """The labels of table 三's rows that a narrow cell wraps (over 12 characters)."""
    lines = text.split("\n")
    start = lines.index(_header(lines)[0])
    found = []
    for ln in lines[start:]:
        cells = [c for c in ln.split("\t") if c.strip()]
        if cells and cells[-1].strip().isdigit() and len(cells) > 7:
            labels = [c for c in cells if not c.strip().isdigit()]
            if labels and len(labels[-1]) > 12:
                found.append(labels[-1])
    return found


@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("numbers", ["before", "after"])
def test_a_row_broken_across_a_page_under_a_repeated_header_reads_as_one(
    template: str, numbers: Numbers
) -> None:
    text = render(sample_report(template, seed=7), "tabs").text
    labels = _long_labels(text)
    assert len(labels) >= 4
    for label in labels:
        for cut in (4, len(label) // 2, len(label) - 3):
            broken = _broken(text, label, cut, numbers)
            assert broken.count("(本列数据") == 2
            assert lint_text(broken, config={}) == [], (label, cut)


@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize(
    "label", ["（二）部分公开（区分处理的，只计", "5.要求行政机关确认或重新出具已"]
)
def test_the_same_break_in_text_by_lines_reads_as_one(template: str, label: str) -> None:
    """Text laid out by lines (``pdftotext``): the header's lines and the page number
    between the two lines of a wrapped label (``label``, its first), its numbers after
    them."""
    text = render(sample_report(template, seed=7), "wrapped").text
    header = text[text.index("（本列数据") : text.index("一、本年新收")]
    at = text.index(f"{label}\n") + len(label) + 1
    broken = f"{text[:at]}\n- 2 -\n\n{header}{text[at:]}"
    assert broken.count("（本列数据") == 2
    assert lint_text(broken, config={}) == []


@pytest.mark.parametrize("template", ["2021", "2019"])
def test_a_group_label_and_the_header_inside_a_broken_label(template: str) -> None:
    """A PDF's row open at the foot of the page (no rule under it), read by lines: the
    label's first line, the group label centred beside it, the label's end; then the
    page number, the repeated header and, on the new page, the row's numbers."""
    text = render(sample_report(template, seed=7), "tabs").text
    lines = text.split("\n")
    header = _header(lines)
    at = next(i for i, ln in enumerate(lines) if "\t1.本机关不掌握相关政府信息\t" in ln)
    before, _, values = lines[at].partition("1.本机关不掌握相关政府信息\t")
    group = before.strip("\t")
    assert "无法提供" in group
    broken = ["1.本机关不掌握相关政", group, "府信息", "", "- 2 -", "", *header, f"\t\t{values}"]
    text = "\n".join([*lines[:at], *broken, *lines[at + 1 :]])
    assert lint_text(text, config={}) == []


@pytest.mark.parametrize("numbers", ["before", "after"])
def test_other_text_inside_a_broken_label_still_leaves_it_unread(numbers: Numbers) -> None:
    """Only the table's own header is read out of a label: other text at the top of the
    page (here a line no header holds) leaves the row as the reader found it."""
    text = render(sample_report("2021", seed=7), "tabs").text
    label = "(二) 部分公开(区分处理的，只计这一情形，不计其他情形)"
    broken = _broken(text, label, 6, numbers, header=["续表说明：单位为件"])
    assert "GI108" in {f.code for f in lint_text(broken, config={})}


def test_a_wrong_number_in_a_broken_row_is_found_at_that_row() -> None:
    data = sample_report("2021", seed=7).with_cell("3", "outcome.partial", "natural_person", "99")
    text = render(data, "tabs").text
    label = "(二) 部分公开(区分处理的，只计这一情形，不计其他情形)"
    for numbers in ("before", "after"):
        broken = _broken(text, label, 6, numbers)  # type: ignore[arg-type]
        findings = [f for f in lint_text(broken, config={}) if f.severity.value == "error"]
        assert findings and {f.code for f in findings} <= {"GI201", "GI202", "GI203"}
        line = next(i for i, ln in enumerate(broken.split("\n"), 1) if "\t99\t" in ln)
        assert any(f.line == line for f in findings), numbers


def _split_table(doc: Document, row: int, cut: int, repeat: int) -> Document:
    """``doc`` with table 三 (the document's second table) broken before its grid row
    ``row`` as a word processor breaks it over two pages: the label of that row cut
    after ``cut`` characters, its numbers on the first page, the table's first
    ``repeat`` rows drawn again above the rest, and merged cells across the break
    continuing empty."""
    blocks = list(doc.blocks)
    index = [i for i, b in enumerate(blocks) if b.paragraph is None][1]
    rows = [list(r) for r in blocks[index].rows]
    first = [list(r) for r in rows[: row + 1]]
    rest: list[list[GridCell | None]] = [list(r) for r in rows[:repeat]]
    rest.append([None] * len(rows[row]))
    rest.extend(list(r) for r in rows[row + 1 :])
    for r, cells in enumerate(rows[: row + 1]):
        for c, cell in enumerate(cells):
            if cell is None:
                continue
            last = r + cell.rowspan - 1
            if r < row <= last:  # across the break: empty below it
                first[r][c] = attrs.evolve(cell, rowspan=row - r + 1)
                rest[repeat][c] = GridCell("", rowspan=last - row + 1, colspan=cell.colspan)
            elif r == row and cell.rowspan > 1:
                first[r][c] = attrs.evolve(cell, rowspan=1)
                rest[repeat][c] = GridCell("", rowspan=last - row + 1, colspan=cell.colspan)
            elif r == row:
                number = cell.text.strip().isdigit()
                cut_here = not number and len(cell.text) > cut
                first[r][c] = attrs.evolve(cell, text=cell.text[:cut]) if cut_here else cell
                rest[repeat][c] = attrs.evolve(cell, text=cell.text[cut:] if cut_here else "")
    blocks[index : index + 1] = [
        Block(rows=tuple(tuple(r) for r in first)),
        Block(rows=tuple(tuple(r) for r in rest)),
    ]
    return Document(blocks=tuple(blocks), cells=doc.cells)


def _findings(data: bytes) -> list[Finding]:
    return Linter(Config()).lint(data, "report.pdf")


@pytest.mark.parametrize("template", ["2021", "2019"])
def test_a_pdf_whose_table_three_runs_onto_a_second_page_is_clean(template: str) -> None:
    import pdfplumber

    doc = document(sample_report(template, seed=7))
    rows = doc.tables[1].rows
    row = next(i for i, r in enumerate(rows) if r[1] is not None and "部分公开" in r[1].text)
    data, _ = to_pdf(_split_table(doc, row, 6, repeat=3))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    assert sum("申请人情况" in p for p in pages) == 2  # (the header on both pages)
    assert any(p.count("部分公开") == 0 and "不计其他情形" in p for p in pages)
    assert [(f.code, f.message) for f in _findings(data)] == []


@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("repeat", [0, 3])
def test_a_running_head_inside_a_broken_row_is_not_read(template: str, repeat: int) -> None:
    import pdfplumber

    data_ = sample_report(template, seed=7)
    head = f"{data_.issuer}{data_.year}年政府信息公开工作年度报告"
    doc = document(data_)
    rows = doc.tables[1].rows
    row = next(i for i, r in enumerate(rows) if r[1] is not None and "部分公开" in r[1].text)
    data, _ = to_pdf(_split_table(doc, row, 6, repeat=repeat), running_head=head)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert all(head in (p.extract_text() or "") for p in pdf.pages)
        assert len(pdf.pages) >= 3
    assert [(f.code, f.message) for f in _findings(data)] == []
    text = Linter(Config()).parse(data, "report.pdf").source
    assert head not in text.replace(" ", "")  # (the title itself is on two lines)
    assert "- 2 -" not in text
    assert data_.issuer in text  # the title's first line


def _page(number: int, *lines: tuple[str, float]) -> _Page:
    page = _Page(number, 842.0)
    for text, top in lines:
        page.line(Line(text, (100.0, top, 300.0, top + 10)))
    page.settle()
    return page


def test_only_what_stands_in_a_margin_at_one_height_on_several_pages_is_furniture() -> None:
    """A running head and a page number repeat; a line met once, a line at another
    height, a line in the body and a line of numbers alone (a row's, in a table
    without ruling lines) are the report's."""
    pages = [
        _page(1, ("某某报告", 30.0), ("标题", 60.0), ("正文", 300.0), ("- 1 -", 810.0)),
        _page(2, ("某某报告", 31.0), ("3 4 5 21", 80.0), ("正文", 300.0), ("- 2 -", 810.0)),
        _page(3, ("某某报告", 30.5), ("3 4 5 21", 80.0), ("标题", 90.0), ("- 3 -", 800.0)),
    ]
    _without_furniture(pages)
    kept = [[item[1].text for item in page.ordered] for page in pages]
    assert kept == [["标题", "正文"], ["3 4 5 21", "正文"], ["3 4 5 21", "标题", "- 3 -"]]


_HEAD = "示例县示例镇人民政府2024年政府信息公开工作年度报告"


@pytest.mark.parametrize("numbers", ["before", "after"])
def test_a_running_head_in_text_after_two_page_numbers_is_not_read(numbers: Numbers) -> None:
    """A PDF's text from another tool keeps the running head at the top of each page,
    after the page number: where it follows two page numbers or more, it is read as the
    page number is, and a row broken under it reads as one."""
    text = render(sample_report("2021", seed=7), "tabs").text
    label = "(二) 部分公开(区分处理的，只计这一情形，不计其他情形)"
    broken = _broken(text, label, 6, numbers, header=[_HEAD]).split("\n")
    at = next(i for i, ln in enumerate(broken) if "1.属于国家秘密" in ln)
    twice = "\n".join([*broken[:at], "", "- 3 -", "", _HEAD, *broken[at:]])
    assert twice.count(_HEAD) == 2
    assert lint_text(twice, config={}) == []


def test_a_line_after_one_page_number_is_read() -> None:
    """Once is no running head: a line after a single page number (a paragraph that
    begins the page) stays the report's, and so do lines of a table's cells."""
    text = render(sample_report("2021", seed=7), "wrapped").text
    paragraph = "本机关全年未发生因政府信息公开引发的舆情事件。"
    first = text.index("（二）依申请公开情况")
    once = f"{text[:first]}- 1 -\n\n{paragraph}\n\n{text[first:]}"
    assert paragraph in _prose(once)
    at = once.index("六、其他需要报告的事项")
    twice = f"{once[:at]}- 2 -\n\n{paragraph}\n\n{once[at:]}"
    assert paragraph not in _prose(twice)


def _prose(text: str) -> str:
    import gilint

    return "".join(p.text for s in gilint.parse(text).sections for p in s.paragraphs)


_LINE_LAYOUTS = ("wrapped", "tabs", "markdown", "cells", "pipes", "ocr")


def _with_page_mark(text: str, mark: str, before: str) -> str:
    """``text`` with ``mark`` on a line of its own, blank lines around it, before the
    line that holds ``before`` (table 三's first row: just under its header)."""
    lines = text.split("\n")
    at = next(i for i, ln in enumerate(lines) if before in ln)
    return "\n".join([*lines[:at], "", mark, "", *lines[at:]])


@pytest.mark.parametrize("layout", _LINE_LAYOUTS)
@pytest.mark.parametrize("mark", ["Page 4", "Page 4 of 9", "page 4/9", "4/9", "4 of 9"])
def test_a_page_number_in_latin_words_or_as_a_fraction_is_skipped(layout: str, mark: str) -> None:
    """ "Page 4" inside a table was a row labelled "Page" (GI901, an error on a correct
    report); it is skipped as "- 4 -" and "第 4 页" are, before a row and between two."""
    plain = render(sample_report("2021", seed=7), layout).text  # type: ignore[arg-type]
    expected = lint_text(plain, config={})
    for before in ("一、本年新收", "3.危及"):
        text = _with_page_mark(plain, mark, before)
        assert lint_text(text, config={}) == expected
        assert gilint_parse(text).table("3").unknown_rows == ()


@pytest.mark.parametrize("layout", _LINE_LAYOUTS)
@pytest.mark.parametrize(
    "mark", ["P. 4", "p.4", "·4·", "· 4 ·", "•4•", "Page 4 - 示例县2024年政府信息公开工作年度报告"]
)
def test_a_flip_books_and_a_printed_books_page_numbers_are_skipped(layout: str, mark: str) -> None:
    """A flip-book's "P. 4" and "Page 4 - <its title>", a printed book's "·4·": inside
    a table each was a row labelled "P." or "Page" (GI901 and GI205, errors on a correct
    report), in a row's label broken over lines part of it (GI109)."""
    plain = render(sample_report("2021", seed=7), layout).text  # type: ignore[arg-type]
    expected = lint_text(plain, config={})
    for before in ("一、本年新收", "3.危及", "（一）主动公开"):
        text = _with_page_mark(plain, mark, before)
        assert lint_text(text, config={}) == expected
        assert gilint_parse(text).table("3").unknown_rows == ()


@pytest.mark.parametrize("layout", _LINE_LAYOUTS)
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_lone_page_number_under_a_tables_header_is_only_noted(layout: str, template: str) -> None:
    """A page number right under table 三's header, before its first row, took the header
    for its row's label: "the row name '…自然人 商业企业…' is not the format's", an error
    on a correct report. In a table of several columns no row is one number alone on its
    line: the header stays the table's text and the number is noted as a page number."""
    plain = render(sample_report(template, seed=7), layout).text  # type: ignore[arg-type]
    text = _with_page_mark(plain, "4", "一、本年新收")
    found = [f for f in lint_text(text, config={}) if f not in lint_text(plain, config={})]
    assert [(f.code, f.severity) for f in found] == [("GI901", Severity.INFO)]
    assert "（4），可能是页码" in found[0].message
    lines = text.split("\n")
    under = next(i for i, ln in enumerate(lines) if "一、本年新收" in ln)
    assert found[0].line == under - 1  # (the mark's line, 1-based, a blank line between)
    table = gilint_parse(text).table("3")
    assert [r.label for r in table.unknown_rows] == [None]  # (the number's row)
    assert "自然人" in "".join(t.text for t in table.texts)


def test_a_row_no_format_names_with_one_number_is_still_an_error() -> None:
    """Only a number alone on its line, in a table of several columns, is taken for a page
    number: an unknown label with one number on its own line in table 二's one-column
    part, or beside the number, is a row the format does not name (GI901, error)."""
    plain = render(sample_report("2021", seed=7), "wrapped").text
    lines = plain.split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("行政强制"))
    one_column = "\n".join([*lines[: at + 1], "行政检查", "4", *lines[at + 1 :]])
    beside = _with_page_mark(plain, "页码 4", "一、本年新收")
    for text in (one_column, beside):
        found = [f for f in lint_text(text, config={}) if f not in lint_text(plain, config={})]
        assert ("GI901", Severity.ERROR) in {(f.code, f.severity) for f in found}
