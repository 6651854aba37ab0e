"""Structural problems reach the tree: nothing misplaced or unknown is dropped."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

import gilint
from gilint.ast import CellStatus
from gilint.findings import Severity
from gilint.testing import LAYOUTS, render, sample_report

from support import assert_spans


def _text(layout: str = "wrapped", template: str = "2021", **changes: object) -> str:
    import attrs

    data = attrs.evolve(sample_report(template, seed=5), **changes)
    return render(data, layout).text  # type: ignore[arg-type]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def test_missing_part_is_absent_and_the_rest_is_read() -> None:
    report = gilint.parse(_text(parts=("一", "二", "三", "五", "六")))
    assert [s.part for s in report.sections] == ["一", "二", "三", "五", "六"]
    assert report.section("四") is None
    assert report.table("3") is not None and report.table("4") is None


def test_parts_out_of_order_keep_their_order() -> None:
    text = _text()
    five = text.index("五、存在的主要问题")
    six = text.index("六、其他需要报告的事项")
    swapped = text[:five] + text[six:] + "\n" + text[five:six]
    report = gilint.parse(swapped)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "六", "五"]


def test_duplicate_part_gives_two_sections() -> None:
    text = _text() + "\n六、其他需要报告的事项\n\n重复的内容。\n"
    report = gilint.parse(text)
    assert [s.part for s in report.sections].count("六") == 2


def test_wrong_ordinal_is_kept_as_written() -> None:
    text = _text().replace("五、存在的主要问题及改进情况", "七、存在的主要问题及改进情况")
    report = gilint.parse(text)
    section = report.section("五")
    assert section is not None and section.ordinal == "七"


def test_nonstandard_title_is_still_the_part() -> None:
    text = _text().replace(
        "五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"
    )
    section = gilint.parse(text).section("五")
    assert section is not None and section.title == "政府信息公开工作存在的主要问题及改进情况"
    unknown = _text().replace("五、存在的主要问题及改进情况", "五、工作中的不足")
    section = gilint.parse(unknown).section("五")
    assert section is not None and not section.title_recognised


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    ("standard", "written"),
    [
        ("五、存在的主要问题及改进情况", "五、存在的不足及改进措施"),
        ("五、存在的主要问题及改进情况", "五、工作中存在的问题及改进措施"),
        ("六、其他需要报告的事项", "六、其他事项"),
        ("六、其他需要报告的事项", "六、其他需要说明的事项"),
    ],
)
def test_part_titles_worded_otherwise_are_the_parts(
    layout: str, standard: str, written: str
) -> None:
    """Titles that name their part in other words. On a line of their own, next in
    order, they were the part already; run into web page text, where only a title's
    words tell a heading, they were no heading (GI101). The part, with GI104 alone."""
    text = _text(layout).replace(standard, written, 1)
    assert written in text
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert [f.code for f in gilint.lint(text, config={})] == ["GI104"]


def test_heading_with_extraction_debris() -> None:
    text = _text().replace("二、主动公开政府信息情况", "|二、主动公开政府信息情况")
    text = text.replace("三、收到和处理政府信息公开申请情况", "(三)收到和处理政府信息公开申请情况")
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert report.section("二").heading.text == "二、主动公开政府信息情况"  # type: ignore[union-attr]


@pytest.mark.parametrize("layout", ["wrapped", "web", "tabs"])
@pytest.mark.parametrize("mark", [" ", "：", "、", "."])
def test_parts_numbered_by_part_with_a_mark_after_it(layout: str, mark: str) -> None:
    """ "第一部分：总体情况": the mark after 部分 is no part of the title."""
    titles = "总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|"
    titles += "政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项"
    text = re.sub(
        f"(?<![（(])([一二三四五六])、({titles})",
        lambda m: f"第{m.group(1)}部分{mark}{m.group(2)}",
        _text(layout),
    )
    assert "第三部分" in text
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert all(s.title_recognised for s in report.sections)
    assert gilint.lint(text, config={}) == []


_TITLES = {
    "一": "总体情况",
    "二": "主动公开政府信息情况",
    "三": "收到和处理政府信息公开申请情况",
    "四": "政府信息公开行政复议、行政诉讼情况",
    "五": "存在的主要问题及改进情况",
    "六": "其他需要报告的事项",
}


def _renumbered(text: str, heading: Callable[[int, str, str], str]) -> str:
    """``text`` with each part's heading written as ``heading(number, ordinal, title)``."""
    for number, (ordinal, title) in enumerate(_TITLES.items(), 1):
        written = heading(number, ordinal, title)
        text = re.sub(f"(?<![（(]){ordinal}、{re.escape(title)}", written, text, count=1)
    return text


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("number", ["{n}.", "{n}、", "（{n}）", "第{n}部分 "])
def test_parts_numbered_in_arabic_numerals(layout: str, number: str) -> None:
    """ "1.总体情况" … "6.其他需要报告的事项", "（1）总体情况", "第1部分 总体情况": each
    part's own title under its own number was no heading (GI101 for every part, and a
    table's rows read into the one before). They are the parts, with one warning for
    the six numbers (GI104) at the first, the others its related places, and nothing
    else. A single part so numbered is named alone."""
    text = _renumbered(_text(layout), lambda n, _, title: number.format(n=n) + title)
    assert number.format(n=3) + "收到和处理" in text
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == list(_TITLES)
    assert [s.ordinal for s in report.sections] == ["1", "2", "3", "4", "5", "6"]
    findings = gilint.lint(text, config={})
    assert [(f.code, f.severity) for f in findings] == [("GI104", Severity.WARNING)]
    assert findings[0].message == (
        "第一、二、三、四、五、六部分的序号用了阿拉伯数字（写作“1”“2”“3”“4”“5”“6”），"
        "格式规定用“一、”“二、”等汉字数字"
    )
    assert findings[0].line == _line_of(text, number.format(n=1) + "总体")
    assert [span.line for span in findings[0].related] == [
        _line_of(text, number.format(n=n) + title[:2])
        for n, title in enumerate(list(_TITLES.values())[1:], 2)
    ]
    # one part numbered so, the others as the format says
    one = _renumbered(
        _text(layout), lambda n, o, t: (number.format(n=n) if n == 5 else f"{o}、") + t
    )
    (finding,) = gilint.lint(one, config={})
    assert finding.message == "第五部分“存在的主要问题及改进情况”的序号写作“5”，格式规定用“五、”"
    assert finding.line == _line_of(one, number.format(n=5) + "存在")


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("mark", [" ", "", "）"])
def test_parts_numbered_with_no_mark(layout: str, mark: str) -> None:
    """ "一 总体情况", "一总体情况", "一）总体情况": OCR and copies drop the mark after the
    number, or the first half of parentheses. The number and title are the format's: the
    parts, with no finding."""
    text = _renumbered(_text(layout), lambda _, ordinal, title: f"{ordinal}{mark}{title}")
    assert f"三{mark}收到和处理" in text
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == list(_TITLES)
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_part_titles_with_no_number(layout: str) -> None:
    """A page's list numbers lost in a copy: each part's own title with no number, also
    run into web page text, and with its table's unit after it. The parts, each title
    warned of as lacking its number."""
    text = _renumbered(_text(layout), lambda _, __, title: title)
    title = "收到和处理政府信息公开申请情况"
    text = text.replace(title, f"{title}（单位：件）", 1)
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == list(_TITLES)
    findings = gilint.lint(text, config={})
    assert [f.code for f in findings] == ["GI104"]
    assert findings[0].message.startswith("第一、二、三、四、五、六部分的标题缺少序号")
    assert len(findings[0].related) == 5


@pytest.mark.parametrize("layout", ["web", "runs"])
@pytest.mark.parametrize(
    "introduction",
    [
        # the parts listed by their titles, as a page's list shows them with its numbers
        # lost: all but the last title a table of contents, the last no part either
        "本年度报告由" + " ".join(_TITLES.values()) + "六部分组成。",
        "本报告包括：" + " ".join(_TITLES.values()) + "。",
        # one part's title alone
        "本报告着重说明 存在的主要问题及改进情况 并列明统计数据。",
    ],
)
def test_a_title_with_no_number_before_the_parts_own_heading_is_none(
    layout: str, introduction: str
) -> None:
    """A part's title with no number in web page text is its heading where a list's
    numbers were lost, but not where the part's heading with its own number follows:
    the parts start at their numbered headings, with no finding."""
    text = _text(layout)
    at = text.index("一、总体情况")
    text = text[:at] + introduction + " " + text[at:]
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == list(_TITLES)
    assert [s.ordinal for s in report.sections] == list(_TITLES)
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_number_not_the_parts_own_makes_no_heading(layout: str) -> None:
    """Another part's number ("2.总体情况"), or a part's title inside a sentence, is no
    heading: part 一 is known only by its subsections, and said to have no title."""
    for written in ("2.总体情况", "总体情况如下"):
        text = _text(layout).replace("一、总体情况", written, 1)
        assert gilint.parse(text).sections[0].headless
        (finding,) = gilint.lint(text, config={})
        assert finding.message == "第一部分“总体情况”没有标题，直接从其下的各小节开始"


def test_row_labels_are_not_part_headings() -> None:
    # 四、结转下年度继续办理 alone on a line is a row label of table 三, not part 四
    text = _text().replace("四、结转下年度继续办理 ", "四、结转下年度继续办理\n\n")
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert report.table("3").row("carry_forward") is not None  # type: ignore[union-attr]


def test_unknown_row_label_becomes_a_row_without_id() -> None:
    text = _text().replace("1.属于国家秘密", "1.属于涉密事项")
    table = gilint.parse(text).table("3")
    assert table is not None
    unknown = table.unknown_rows
    assert len(unknown) == 1 and unknown[0].label == "1.属于涉密事项"
    assert unknown[0].line == _line_of(text, "1.属于涉密事项")
    assert table.missing == ("outcome.refused.state_secret",)


def test_a_label_a_character_off_is_read_as_its_row() -> None:
    text = _text().replace("1.属于国家秘密", "1.属于国家秘蜜")
    table = gilint.parse(text).table("3")
    assert table is not None and not table.unknown_rows and not table.missing
    row = table.row("outcome.refused.state_secret")
    assert row is not None and row.near_label and row.label == "1.属于国家秘蜜"
    assert row.template_label == "1.属于国家秘密"
    assert row.line == _line_of(text, "1.属于国家秘蜜")
    exact = gilint.parse(_text()).table("3").row("outcome.refused.state_secret")  # type: ignore[union-attr]
    assert exact is not None and not exact.near_label and row.values == exact.values


def test_numbers_without_a_row_are_kept() -> None:
    text = _text()
    anchor = "（七）总计"
    at = text.index(anchor)
    line_end = text.index("\n", at)
    text = text[:line_end] + "\n\n9 9 9" + text[line_end:]
    table = gilint.parse(text).table("3")
    orphans = [r for r in table.rows if r.id is None]  # type: ignore[union-attr]
    assert len(orphans) == 1 and orphans[0].label is None
    assert [c.raw for c in orphans[0].cells[:3]] == ["9", "9", "9"]
    assert orphans[0].cells[3].status is CellStatus.MISSING


def test_truncated_table_lists_missing_rows_and_short_row_cells() -> None:
    text = _text(layout="tabs")
    lines = text.split("\n")
    cut = _line_of(text, "2.重复申请")
    lines[cut - 1] = "\t".join(lines[cut - 1].split("\t")[:6])  # the row stops early
    text = "\n".join(lines[:cut] + lines[_line_of(text, "四、政府信息公开行政复议") - 2 :])
    table = gilint.parse(text).table("3")
    assert table is not None
    row = table.row("outcome.not_processed.repeated")
    assert row is not None
    assert [c.status for c in row.cells].count(CellStatus.MISSING) == 4
    assert "outcome.total" in table.missing and "carry_forward" in table.missing


def test_placeholders_blanks_and_invalid_cells() -> None:
    data = sample_report("2021", seed=2)
    data = data.with_cell("3", "new", "research", "/")
    data = data.with_cell("3", "new", "other", "五")
    data = data.with_cell("3", "carried_over", "commercial", "-2")
    data = data.with_cell("3", "carried_over", "research", "1.5")
    data = data.with_cell("3", "outcome.disclosed", "commercial", "")
    report = gilint.parse(render(data, "tabs").text)
    table = report.table("3")
    assert table is not None
    assert table.cell("new", "research").status is CellStatus.PLACEHOLDER  # type: ignore[union-attr]
    assert table.cell("new", "other").status is CellStatus.INVALID  # type: ignore[union-attr]
    assert table.cell("carried_over", "commercial").status is CellStatus.INVALID  # type: ignore[union-attr]
    assert table.cell("carried_over", "research").status is CellStatus.INVALID  # type: ignore[union-attr]
    blank = table.cell("outcome.disclosed", "commercial")
    assert blank is not None and blank.status is CellStatus.BLANK and blank.value is None
    assert table.cell("outcome.disclosed", "research").status is CellStatus.OK  # type: ignore[union-attr]


def test_delta_columns_accept_negative_numbers() -> None:
    data = sample_report("2019", seed=1).with_cell("2.5", "licensing", "change", "-3")
    cell = gilint.parse(render(data, "wrapped").text).table("2.5").cell("licensing", "change")  # type: ignore[union-attr]
    assert cell is not None and cell.value == -3 and cell.status is CellStatus.OK


def test_amount_with_unit() -> None:
    data = sample_report("2021", seed=1).with_cell("2.8", "fees", "fee_amount", "251000元")
    cell = gilint.parse(render(data, "wrapped").text).table("2.8").cell("fees", "fee_amount")  # type: ignore[union-attr]
    assert cell is not None and cell.unit == "元" and str(cell.value) == "251000"


def test_template_from_labels_beats_the_year() -> None:
    # a 2023 report with 2019 tables: the tables say 2019
    data = sample_report("2019", seed=4)
    import attrs

    report = gilint.parse(render(attrs.evolve(data, year=2023), "wrapped").text)
    assert report.year == 2023
    assert report.template.id == "2019" and report.template.basis == "labels"
    assert {e.templates for e in report.template.evidence} == {("2019",)}


def test_parse_reads_every_table_with_the_template_it_is_given() -> None:
    text = _text()  # 2021 tables
    assert gilint.parse(text).template.id == "2021"
    report = gilint.parse(text, template="2019")
    assert report.template.id == "2019" and report.template.basis == "config"
    assert all(t.template == "2019" for t in report.tables())


def test_mixed_templates_are_visible_per_table() -> None:
    text_2021 = _text()
    text_2019 = render(sample_report("2019", seed=5), "wrapped").text
    start = text_2019.index("二、主动公开政府信息情况")
    end = text_2019.index("三、收到和处理政府信息公开申请情况")
    mixed = text_2021.replace(
        text_2021[text_2021.index("二、主动公开") : text_2021.index("三、收到和处理")],
        text_2019[start:end],
    )
    report = gilint.parse(mixed)
    assert report.table("2.1").template == "2019"  # type: ignore[union-attr]
    assert report.table("3").template == "2021"  # type: ignore[union-attr]
    assert report.template.templates_seen == ("2019", "2021")


def test_template_from_year_when_no_table_says() -> None:
    report = gilint.parse("示例镇2024年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n")
    assert report.template.id == "2021" and report.template.basis == "year"
    report = gilint.parse("示例镇2020年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n")
    assert report.template.id == "2019" and report.template.basis == "year"


def test_title_and_period_years() -> None:
    text = (
        "示例局2023年政府信息公开工作年度报告\n\n"
        "本报告统计期限自2024年1月1日起，至2024年12月31日止。\n\n一、总体情况\n\n正文。\n"
    )
    report = gilint.parse(text)
    assert report.title_year is not None and report.title_year.year == 2023
    assert report.period_year is not None and report.period_year.year == 2024
    assert report.period_year.span.line == 3
    assert report.source[report.period_year.span.start : report.period_year.span.end] == "2024"
    assert report.year == 2023


def test_run_in_headings_split_heading_from_paragraph() -> None:
    report = gilint.parse(
        "一、总体情况。本年度工作有序开展。\n（一）主动公开情况。公开信息10条。\n"
    )
    section = report.section("一")
    assert section is not None and section.title == "总体情况"
    assert section.paragraphs[0].text == "本年度工作有序开展。"
    assert section.subsections[0].title == "主动公开情况"
    assert section.subsections[0].paragraphs[0].text == "公开信息10条。"


_OPENING = (
    "2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开各项工作，"
    "取得了较好成效。"
)


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
@pytest.mark.parametrize("between", [" ", "", "\u3000\u3000"])
def test_a_parts_first_paragraph_on_its_headings_line(layout: str, between: str) -> None:
    """A heading in bold at the start of its paragraph, as Word documents and web pages
    have it: the part's own title, then on the same line its first paragraph (a sentence,
    a subsection, the fee statement). The heading is the title, the paragraph the part's:
    the parts, with no finding (the title was read to the first full stop: part 一 was
    missing, part 五's title said to differ, the fee said to be unreported)."""
    text = _text(layout)
    for ordinal in ("一", "五", "六"):
        heading = f"{ordinal}、{_TITLES[ordinal]}"
        text, joined = re.subn(f"(?m)^((?:#+ )?{heading})\n+", f"\\1{between}", text, count=1)
        assert joined == 1
    opening = f"一、总体情况{between}"
    text = text.replace(opening, opening + _OPENING + "\n\n", 1)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    one, five, six = (report.section(ordinal) for ordinal in ("一", "五", "六"))
    assert one is not None and one.paragraphs[0].text == _OPENING
    assert five is not None and five.subsections[0].title == "存在的主要问题"
    assert six is not None and "本年度本机关未收取信息处理费" in six.paragraphs[0].text
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
@pytest.mark.parametrize(
    "written",
    [
        "一、概述",
        "一、总体工作情况",
        "五、存在的不足及改进措施",
        "五、工作中存在的问题及改进措施",
        "六、其他事项",
    ],
)
def test_a_title_in_other_words_with_the_parts_text_after_a_space(
    layout: str, written: str
) -> None:
    """ "五、存在的不足及改进措施 2024年，……。": a title in other words that names the part,
    then after a space the part's first paragraph. The title is the first word, as a
    title run into web page text is (the line was no heading: GI101), and only that
    title is warned of."""
    ordinal = written[0]
    text = _text(layout).replace(f"{ordinal}、{_TITLES[ordinal]}", written, 1)
    end = text.index(written) + len(written)
    text = text[:end] + " " + _OPENING + "\n\n" + text[end:].lstrip(" \t\n")
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == list(_TITLES)
    section = report.section(ordinal)
    assert section is not None and section.title == written[2:]
    assert section.paragraphs[0].text == _OPENING
    (finding,) = gilint.lint(text, config={})
    assert finding.code == "GI104" and f"的标题写作“{written[2:]}”" in finding.message


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
@pytest.mark.parametrize("between", [" ", ""])
def test_a_title_no_part_is_known_by_before_a_subsection_on_its_line(
    layout: str, between: str
) -> None:
    """ "一、基本情况 （一）主动公开情况。……": a title no keyword knows, next in order, with
    the part's first subsection on its line. No title holds a subsection's number: the
    title ends before it (the subsection was lost in the title, and with it what the
    overview covers: GI105 in some wordings)."""
    text = _text(layout).replace("一、总体情况", "一、基本情况", 1)
    end = text.index("一、基本情况") + len("一、基本情况")
    text = text[:end] + between + text[end:].lstrip(" \t\n")
    report = gilint.parse(text)
    one = report.section("一")
    assert one is not None and one.title == "基本情况"
    assert [s.title for s in one.subsections][:2] == ["主动公开情况", "依申请公开情况"]
    (finding,) = gilint.lint(text, config={})
    assert finding.code == "GI104" and "的标题写作“基本情况”" in finding.message


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
@pytest.mark.parametrize("at", [3, 8, 14])
def test_a_title_wrapped_onto_the_next_line_is_the_parts_own(layout: str, at: int) -> None:
    """ "四、政府信息公开行政复议、行政诉" / "讼情况": a heading in large type wrapped in a
    PDF's text. The next line completes the part's own title: it is the title's (it was
    a paragraph of the part, and the title said to differ: GI104)."""
    title = _TITLES["四"]
    text = _text(layout).replace(title, title[:at] + "\n" + title[at:], 1)
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == list(_TITLES)
    four = report.section("四")
    assert four is not None and four.title.replace("\n", "") == title
    assert not four.paragraphs
    assert gilint.lint(text, config={}) == []
    # a shorter title of its own, with the part's text after it, stays as written
    text = _text(layout).replace("五、存在的主要问题及改进情况", "五、存在的主要问题", 1)
    five = gilint.parse(text).section("五")
    assert five is not None and five.title == "存在的主要问题"


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
@pytest.mark.parametrize("number", ["{}、", "第{}部分", "**{}.**", "{} 、"])
@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_parts_number_alone_on_the_line_above_its_title(
    layout: str, number: str, between: str
) -> None:
    """ "一、" / "总体情况": a heading in large type broken in a PDF's text, or by OCR,
    a blank line between them or not. The number is the heading's (the title was read
    as a heading with no number, GI104 for every part, and the number as a paragraph of
    the part before)."""
    text = _text(layout)
    for ordinal, title in _TITLES.items():
        assert text.count(f"{ordinal}、{title}") == 1
        text = text.replace(f"{ordinal}、{title}", number.format(ordinal) + between + title)
    report = gilint.parse(text)
    assert [(s.part, s.heading.ordinal, s.title) for s in report.sections] == [
        (ordinal, ordinal, title) for ordinal, title in _TITLES.items()
    ]
    for section in report.sections:
        written = number.format(section.part).lstrip("*")  # (from the number on)
        assert section.heading.text == written + between + section.title
        assert report.source.startswith(section.heading.text, section.heading.span.start)
    one = report.section("一")
    assert one is not None and all(p.text.strip("*") != "二、" for p in one.paragraphs)
    assert assert_spans(report)
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
@pytest.mark.parametrize("number", ["{}、", "第{}部分", "**{}.**"])
@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_parts_number_alone_above_its_title_run_into_text(
    layout: str, number: str, between: str
) -> None:
    """ "五、" / "存在的主要问题及改进情况　　本年度，……": the number broken from a title
    that runs into the part's first sentence. The number is the heading's, the sentence
    the part's first paragraph (the part was missing: GI101)."""
    text = _text(layout)
    said = "　　本年度，本机关按计划推进各项工作。"
    for ordinal, title in _TITLES.items():
        assert text.count(f"{ordinal}、{title}") == 1
        written = number.format(ordinal) + between + title + said
        text = text.replace(f"{ordinal}、{title}", written)
    report = gilint.parse(text)
    assert [(s.part, s.heading.ordinal, s.title) for s in report.sections] == [
        (ordinal, ordinal, title) for ordinal, title in _TITLES.items()
    ]
    for section in report.sections:
        written = number.format(section.part).lstrip("*")
        assert section.heading.text == written + between + section.title
        assert section.paragraphs[0].text == said.strip()
    assert assert_spans(report)
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", ["web", "runs"])
@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize(("before", "between"), [("\n", "\n\n"), (" ", "\n"), (" ", "\n\n")])
def test_a_parts_number_ending_a_line_of_web_text_above_its_title(
    layout: str, template: str, before: str, between: str
) -> None:
    """Web page text broken as "…（单位：件）" / "三、" / "" / "收到和处理…情况 (本列数据…"
    each part, or as "… 36 3.53 三、" / "收到和处理…": the number ends the lines before it,
    alone or after their text (prose, a table's last row), and its title, after a blank
    line or not, runs into the part's text. The number is the heading's (the part was
    missing, GI101, or without its number, GI104)."""
    text = _text(layout, template)
    for ordinal, title in _TITLES.items():
        assert text.count(f" {ordinal}、{title}") == 1
        text = text.replace(f" {ordinal}、{title}", f"{before}{ordinal}、{between}{title}")
    report = gilint.parse(text)
    assert [(s.part, s.heading.ordinal) for s in report.sections] == [(o, o) for o in _TITLES]
    for section in report.sections:
        assert section.heading.text == f"{section.part}、{between}{_TITLES[section.part]}"
    tables = gilint.parse(_text(layout, template)).tables()
    assert [t.id for t in report.tables()] == [t.id for t in tables]
    assert assert_spans(report)
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_number_ending_a_line_with_no_title_after_it_stays_in_its_line(layout: str) -> None:
    """ "…工作要点有三、" ending a line, prose after it: no heading, and the paragraph is
    the text as written."""
    said = "本机关今年的工作重点如下 三、"
    sub = "（二）依申请公开情况"
    text = _text(layout).replace(sub, f"{said}\n继续推进。\n\n{sub}", 1)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    one = report.section("一")
    assert one is not None
    assert any(f"{said}\n继续推进。" in p.text for p in one.paragraphs)
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
def test_a_number_alone_before_a_blank_line_and_prose_is_a_paragraph(layout: str) -> None:
    """A number alone, a blank line, then prose that no heading starts: the number is a
    paragraph of its own, not the first line of the prose's."""
    prose = "本年度，本机关继续做好政府信息公开工作。"
    text = _text(layout).replace(
        "五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况" + "\n\n三、\n\n" + prose, 1
    )
    five = gilint.parse(text).section("五")
    assert five is not None
    texts = [p.text.strip("*# ") for p in five.paragraphs]
    assert texts[:2] == ["三、", prose]


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_another_parts_number_above_a_title_is_not_its_number(layout: str, between: str) -> None:
    """A number alone above a part's title is the title's only where it is the part's own
    number: "二、" above "总体情况" stays a paragraph, and the title a heading without
    its number."""
    text = _text(layout).replace("一、总体情况", f"二、{between}总体情况", 1)
    report = gilint.parse(text)
    one = report.section("一")
    assert one is not None and one.heading.ordinal is None and one.heading.text == "总体情况"
    codes = [f.code for f in gilint.lint(text, config={})]
    assert "GI104" in codes


@pytest.mark.parametrize("layout", ["web", "runs"])
@pytest.mark.parametrize("broken", ["", "一", "二", "五", "一二三四五六"])
@pytest.mark.parametrize("spaced", [True, False])
def test_web_page_text_in_a_few_lines_each_from_a_part_heading(
    layout: str, broken: str, spaced: bool
) -> None:
    """Web page text kept as a few long lines, each from a part's heading to the next
    (a page's paragraphs, each a part): a line of the page's chrome, the title and part
    一; a short line of parts 五 and 六. And each narrative part's heading with no space
    before its text (a heading in bold in the page: "一、总体情况（一）主动公开情况。……").
    The parts, their text in order, with no finding."""
    text = _text(layout)
    if not spaced:
        for ordinal in ("一", "五", "六"):
            heading = f"{ordinal}、{_TITLES[ordinal]}"
            assert heading + " " in text
            text = text.replace(heading + " ", heading, 1)
    for ordinal in broken:
        at = text.index(f" {ordinal}、{_TITLES[ordinal]}")
        text = text[:at] + "\n" + text[at + 1 :]
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    one, five, six = (report.section(ordinal) for ordinal in ("一", "五", "六"))
    assert one is not None and [s.title for s in one.subsections][:2] == [
        "主动公开情况",
        "依申请公开情况",
    ]
    assert five is not None and [s.title for s in five.subsections] == [
        "存在的主要问题",
        "改进情况",
    ]
    assert six is not None and "本年度本机关未收取信息处理费" in six.paragraphs[0].text
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", ["web", "runs"])
@pytest.mark.parametrize(
    ("table", "first_cell", "next_part"),
    [("2", "第二十条", "三"), ("3", "申请人情况", "四"), ("4", "行政复议 ", "五")],
)
def test_a_web_line_from_a_table_to_the_next_parts_heading(
    layout: str, table: str, first_cell: str, next_part: str
) -> None:
    """Web page text broken before a table's first cell and after the next part's
    text: the line holds the table's rows, then one part heading right after the last
    row's numbers. The heading is the next part's (it was left in the line, as one
    heading run into a paragraph: the part was missing, and its text the table's)."""
    text = _text(layout)
    after = "一二三四五六"["一二三四五六".index(next_part) + 1]  # (the line ends before it)
    for needle in (f" {first_cell}", f" {after}、{_TITLES[after]}"):
        at = text.index(needle)
        text = text[:at] + "\n" + text[at + 1 :]
    line = next(line for line in text.split("\n") if line.startswith(first_cell))
    heading = f"{next_part}、{_TITLES[next_part]}"
    assert line.count("、") >= 1 and heading in line and len(line) > 200
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    part = report.section(next_part)
    assert part is not None
    assert part.heading.span.line == text[: text.index(heading)].count("\n") + 1
    assert [t.id[0] for t in report.tables()][-2:] == ["3", "4"]
    assert assert_spans(report)
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", ["web", "runs", "wrapped", "tabs"])
@pytest.mark.parametrize(
    ("ordinal", "short"), [("二", "主动公开情况"), ("二", "主动公开"), ("三", "依申请公开情况")]
)
def test_a_tables_part_titled_in_other_words_run_into_a_line(
    layout: str, ordinal: str, short: str
) -> None:
    """ "… 二、主动公开情况 第二十条第（一）项 信息内容 …": in web page text a part with a
    table, titled in words that name no part, is its heading where its table follows,
    as on a line of its own (GI104 for the wording; it was no heading in a line: the
    part missing, GI101, and in the runs layout table 三's rows read into table 二)."""
    text = _text(layout).replace(f"{ordinal}、{_TITLES[ordinal]}", f"{ordinal}、{short}", 1)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == [
        (part, short if part == ordinal else title) for part, title in _TITLES.items()
    ]
    assert [t.id[0] for t in report.tables()] == ["2"] * 4 + ["3", "4"]
    assert assert_spans(report)
    (finding,) = gilint.lint(text, config={})
    assert finding.code == "GI104" and f"写作“{short}”" in finding.message


@pytest.mark.parametrize("layout", ["web", "runs"])
@pytest.mark.parametrize(
    ("ordinal", "short"), [("二", "主动公开情况"), ("二", "主动公开"), ("三", "依申请公开情况")]
)
@pytest.mark.parametrize("template", ["2021", "2019"])
def test_a_tables_part_titled_in_other_words_starting_a_web_line(
    layout: str, ordinal: str, short: str, template: str
) -> None:
    """Web page text broken before each part, "二、主动公开情况 第二十条第（一）项 信息内容
    …" a line: at a line's start, the title in other words ran on into its table and
    was too long for a heading (the part missing, GI101; in the 2019 format, whose
    table 二 ends its line with a number, the line was taken for a table's row). Its
    order and its table after it tell it, as in a line."""
    text = _text(layout, template)
    text = text.replace(f"{ordinal}、{_TITLES[ordinal]}", f"{ordinal}、{short}", 1)
    for part, title in _TITLES.items():
        heading = f"{part}、{short if part == ordinal else title}"
        assert text.count(" " + heading) == 1
        text = text.replace(" " + heading, "\n" + heading)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == [
        (part, short if part == ordinal else title) for part, title in _TITLES.items()
    ]
    tables = [t.id for t in gilint.parse(_text(layout, template)).tables()]
    assert [t.id for t in report.tables()] == tables
    assert [t[0] for t in tables[-2:]] == ["3", "4"]
    (finding,) = gilint.lint(text, config={})
    assert finding.code == "GI104" and f"写作“{short}”" in finding.message


@pytest.mark.parametrize("layout", ["web", "runs"])
def test_a_sentence_naming_a_tables_rows_after_a_number_starting_a_line_is_no_part(
    layout: str,
) -> None:
    """ "二、主动公开情况 本年度制发规章 2 件，行政规范性文件 3 件。" starting a line in part
    一's text: a sentence with the table's words and numbers, not the table, follows
    the title in other words; no part begins there."""
    text = _text(layout)
    for part, title in _TITLES.items():
        text = text.replace(f" {part}、{title}", f"\n{part}、{title}")
    said = "二、主动公开情况 本年度制发规章 2 件，行政规范性文件 3 件。"
    text = text.replace("（二）依申请公开情况", f"\n{said} （二）依申请公开情况", 1)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("space", [" ", "　", "  "])
def test_a_short_title_spaced_out_is_the_parts(layout: str, space: str) -> None:
    """ "一、总 体 情 况": a short title set with spaces between its characters, as Word
    documents and web pages set them. In web page text, run into the line, it was no
    heading (part 一 without its heading, GI104; part 六 missing, GI101)."""
    text = _text(layout)
    for ordinal in ("一", "六"):
        title = _TITLES[ordinal]
        text = text.replace(f"{ordinal}、{title}", f"{ordinal}、" + space.join(title), 1)
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == list(_TITLES)
    one = report.section("一")
    assert one is not None and one.heading.ordinal == "一"
    assert one.heading.text == "一、" + space.join(_TITLES["一"])
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("after", ["　　2024年，本机关认真落实公开要求。", " （一）主动公开情况。"])
def test_a_short_title_spaced_out_with_its_parts_text_after_it(layout: str, after: str) -> None:
    """ "一、总 体 情 况　　2024年，……": the spaced-out title, then the part's text on its
    heading's line. The title is the part's (part 一 had no heading, GI104)."""
    text = _text(layout)
    spaced = "一、" + " ".join(_TITLES["一"])
    assert text.count("一、总体情况") == 1
    text = text.replace("一、总体情况", spaced + after, 1)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == [
        (part, " ".join(title) if part == "一" else title) for part, title in _TITLES.items()
    ]
    one = report.section("一")
    assert one is not None and one.heading.text == spaced
    assert gilint.lint(text, config={}) == []


def _nth_numbered(layout: str, template: str = "2021") -> str:
    """A kit report whose parts are headed "第一部分 总体情况", and whose subsections in
    parts 一 and 五 are numbered a level below them, "一、主动公开情况"."""
    text = _text(layout, template)
    for ordinal, title in _TITLES.items():
        assert text.count(f"{ordinal}、{title}") == 1
        text = text.replace(f"{ordinal}、{title}", f"第{ordinal}部分 {title}")
    cut = [text.index(f"第{ordinal}部分") for ordinal in "一二五六"]
    pieces = [text[: cut[0]], text[cut[0] : cut[1]], text[cut[1] : cut[2]], text[cut[2] : cut[3]]]
    below = [re.sub(r"[（(]([一二三四五])[）)] ?", r"\1、", pieces[i]) for i in (1, 3)]
    return pieces[0] + below[0] + pieces[2] + below[1] + text[cut[3] :]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_parts_headed_nth_with_subsections_numbered_below_them(layout: str, template: str) -> None:
    """ "第一部分 总体情况" / "一、主动公开情况" / "二、依申请公开情况" …: a report that heads
    its parts "第X部分" numbers what stands below them "一、", "二、". Those are no parts
    (each was read as the next part, in other words: a part repeated, GI103, its title
    warned of, GI104, and the overview short of four of its aspects, GI105)."""
    text = _nth_numbered(layout, template)
    assert "二、依申请公开" in text and "二、改进情况" in text
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_parts_own_list_numbered_as_parts_are_is_no_part(layout: str) -> None:
    """ "一、总体情况" / "一、主动公开情况" / "二、依申请公开情况" …: subsections numbered
    as parts are, their list begun again at 一 within the part. Each item after the first
    continues the list, not the parts (each was read as the next part in other words:
    GI103, GI104, GI105); a part after the list, whose number the list does not reach,
    is a part, in other words too ("六、其他" after part 五's "一、…" "二、…")."""
    text = _text(layout)
    start, end = text.index("一、总体情况") + 6, text.index("二、主动公开政府信息情况")
    listed = re.sub(r"[（(]([一二三四五])[）)] ?", r"\1、", text[start:end])
    text = text[:start] + listed + text[end:]
    assert "二、依申请公开" in text
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    assert gilint.lint(text, config={}) == []
    if layout in ("web", "runs"):
        return  # (a title no keyword knows, run into a web line, is no heading there)
    start, end = (
        text.index("五、存在的主要问题及改进情况") + 14,
        text.index("六、其他需要报告的事项"),
    )
    listed = re.sub(r"[（(]([一二])[）)] ?", r"\1、", text[start:end])
    text = text[:start] + listed + text[end:].replace("六、其他需要报告的事项", "六、其他", 1)
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == list(_TITLES)
    six = report.section("六")
    assert six is not None and six.title == "其他"


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
def test_an_item_in_other_words_before_its_numbers_own_part_is_no_part(layout: str) -> None:
    """ "二、加强组织领导" in part 一, and part 二's own heading next, no other part between:
    the first was an item of part 一, not part 二 in other words (part 一 cut short: its
    overview's aspects missing, GI105; part 二's title warned of, GI104). Where another
    part's heading stands between ("二、公开工作情况" / "三、申请办理情况" / "二、主动公开
    政府信息情况", a narrative numbered first), it stays a part."""
    text = _text(layout)
    item = "二、加强组织领导\n\n本机关成立了政务公开工作领导小组。\n\n"
    listed = text.replace("（二）依申请公开情况", item + "（二）依申请公开情况", 1)
    report = gilint.parse(listed)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    assert gilint.lint(listed, config={}) == []
    narrative = (
        "二、公开工作情况\n\n本机关主动公开各类信息。\n\n三、申请办理情况\n\n本机关依法办理申请。"
    )
    first = text.replace("二、主动公开政府信息情况", narrative + "\n\n二、主动公开政府信息情况", 1)
    report = gilint.parse(first)
    assert [(s.part, s.title) for s in report.sections][:3] == [
        ("一", "总体情况"),
        ("二", "公开工作情况"),
        ("三", "申请办理情况"),
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_under_a_part_headed_nth_a_part_numbered_as_its_title_says_is_a_part(layout: str) -> None:
    """Under "第一部分 总体情况", "二、主动公开政府信息情况" is part 二 still: its title names
    the part its number says."""
    text = _text(layout).replace("一、总体情况", "第一部分 总体情况", 1)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    assert gilint.lint(text, config={}) == []


_TITLES_A_CHARACTER_OFF = {
    "一": "总休情况",
    "三": "收到和处理政府信息公开申诗情况",
    "五": "存在的主要问趣及改进情况",
    "六": "其他需要报吿的事项",
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("ordinal", "written"), list(_TITLES_A_CHARACTER_OFF.items()))
def test_a_parts_own_title_a_character_off_is_its_heading(
    layout: str, ordinal: str, written: str
) -> None:
    """ "五、存在的主要问趣及改进情况": a part's own title with a wrong character (OCR, a
    typist, an old variant of a character), with the part's own number. The part's
    heading, warned of as written (in web page text, where a heading run into a line is
    known by its words, the part was missing: GI101)."""
    text = _text(layout)
    assert text.count(f"{ordinal}、{_TITLES[ordinal]}") == 1
    text = text.replace(f"{ordinal}、{_TITLES[ordinal]}", f"{ordinal}、{written}")
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == [
        (part, written if part == ordinal else title) for part, title in _TITLES.items()
    ]
    (finding,) = [f for f in gilint.lint(text, config={}) if f.severity is not Severity.INFO]
    assert finding.code == "GI104" and f"写作“{written}”" in finding.message


@pytest.mark.parametrize("layout", ["web", "runs"])
def test_a_title_a_character_off_anothers_number_is_no_part(layout: str) -> None:
    """A part's own title a character off is its heading only with that part's number:
    "二、其他需要报吿的事项" run into part 一's text is no part."""
    text = _text(layout).replace(
        "（二）依申请公开情况", "二、其他需要报吿的事项 （二）依申请公开情况", 1
    )
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())


@pytest.mark.parametrize("layout", [name for name in LAYOUTS if name not in ("web", "runs")])
def test_a_short_title_spaced_out_with_text_run_on_after_it(layout: str) -> None:
    """ "一、总 体 情 况本年度…": the spaced-out title, then the part's text with no space
    between (its last character followed by the text's first). The title is the part's
    (part 一 had no heading, GI104)."""
    text = _text(layout).replace("一、总体情况", "一、总 体 情 况本年度本机关按计划推进工作。", 1)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == [
        (part, "总 体 情 况" if part == "一" else title) for part, title in _TITLES.items()
    ]
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", ["web", "runs"])
def test_spaced_words_after_a_number_that_spell_no_title_are_no_part(layout: str) -> None:
    """Only a part's own title, with its own number, spaced out is a heading: "二、总 体
    情 况" is no part 二, nor "一、主 要 做 法" any part."""
    text = _text(layout).replace(
        "（二）依申请公开情况", "二、总 体 情 况 一、主 要 做 法 （二）依申请公开情况", 1
    )
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())


def test_a_numbered_list_in_a_web_line_is_no_part() -> None:
    """The items of a list numbered as parts are, in a part's text on a web page's line,
    with no table after them: not parts."""
    listed = "主要做法：一、加强组织领导 二、健全工作制度 三、强化平台建设 四、严格审核把关。"
    text = _text("web").replace("（二）依申请公开情况", listed + " （二）依申请公开情况", 1)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    assert gilint.lint(text, config={}) == []


_NOTE_ON_TABLE = "注：本表数据统计截至2024年12月31日。"


@pytest.mark.parametrize(
    ("layout", "broken"),
    [("wrapped", False), ("web", False), ("web", True), ("runs", True), ("tabs", False)],
)
@pytest.mark.parametrize("after", ["", " 本年度行政复议案件均已审结。"])
def test_a_note_run_into_a_tables_last_line(layout: str, broken: bool, after: str) -> None:
    """ "… 4 2 7 9 22 注：本表数据统计截至2024年12月31日。": a note under table 四 (or in
    its last row) run into the table's last line, the line broken before the table or
    not. The table is read and the note is prose of the part (its full stop made the
    table's line prose with it, and part 四 without its table: GI107; in tab text, the
    note was read as the last cell: GI205)."""
    text = _text(layout)
    if broken:
        at = text.index(" 行政复议 ")
        text = text[:at] + "\n" + text[at + 1 :]
    last = text[: text.index("五、存在")].rstrip(" \n")
    assert last[-1].isdigit()
    text = last + " " + _NOTE_ON_TABLE + after + "\n\n" + text[len(last) :].lstrip(" \n")
    report = gilint.parse(text)
    assert [t.id[0] for t in report.tables()][-2:] == ["3", "4"]
    four = report.section("四")
    assert four is not None
    assert " ".join(p.text for p in four.paragraphs) == _NOTE_ON_TABLE + after
    assert assert_spans(report)
    assert gilint.lint(text, config={}) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_subsection_headings_are_read_without_their_bold(layout: str) -> None:
    """ "**（一）存在的主要问题**。……": the subsection's heading is its number and title,
    without the bold around them (its title ended in "**")."""
    report = gilint.parse(_text(layout))
    five = report.section("五")
    assert five is not None
    assert [s.title for s in five.subsections] == ["存在的主要问题", "改进情况"]
    for sub in five.subsections:
        written = report.source[sub.heading.span.start : sub.heading.span.end]
        assert written == sub.heading.text
        assert written[0] in "（(" and written.endswith(sub.title)


def test_text_that_is_not_a_report() -> None:
    report = gilint.parse("这是一份会议纪要。\n会议决定如下。\n")
    assert report.sections == ()
    assert [d.code for d in report.diagnostics] == ["not-a-report"]
    assert assert_spans(report)


def test_report_section_lookup() -> None:
    report = gilint.parse(_text())
    six = report.section("六")
    assert six is not None and "信息处理费" in six.text
    assert report.section("七") is None


TOC = (
    "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n\n"
)


def _with_contents(contents: str, layout: str = "wrapped") -> str:
    text = _text(layout)
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if "一、总体情况" in line)
    return "\n".join(lines[:first]) + "\n" + contents + "\n".join(lines[first:])


@pytest.mark.parametrize("layout", ["wrapped", "tabs", "markdown"])
@pytest.mark.parametrize(
    "contents",
    [TOC, TOC.replace("总体情况\n", "总体情况…………1\n"), TOC.replace("总体情况\n", "总体情况 1\n")],
    ids=["plain", "dot-leaders", "page-numbers"],
)
def test_table_of_contents_is_not_the_parts(contents: str, layout: str) -> None:
    text = _with_contents(contents, layout)
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    real = [i for i, line in enumerate(text.split("\n"), 1) if "一、总体情况" in line][-1]
    assert report.section("一").heading.span.line == real  # type: ignore[union-attr]
    assert any("目录" in p.text for p in report.preamble)
    assert gilint.lint(text, config={"select": ["GI"]}) == []


def test_two_headings_in_a_row_are_still_parts() -> None:
    text = (
        _text().replace("（一）存在的主要问题", "（一）x").split("五、存在的主要问题及改进情况")[0]
    )
    text += "五、存在的主要问题及改进情况\n\n六、其他需要报告的事项\n\n本年度未收取信息处理费。\n"
    report = gilint.parse(text)
    assert [s.part for s in report.sections][-2:] == ["五", "六"]
    assert [f.code for f in gilint.lint(text, config={"select": ["GI106"]})] == ["GI106"]


def test_a_table_before_the_first_part_is_kept_and_checked() -> None:
    """A table before part 一 belongs to no part; it used to be parsed and then dropped
    without a word. It is kept, its spans are right, and the rules check it."""
    from support import assert_spans

    report = sample_report("2021", seed=1).with_cell("3", "new", "natural_person", "999")
    body = render(report, "tabs").text
    table = body[body.index("(本列数据") : body.index("四、政府信息公开行政复议")]
    text = "示例镇2024年政府信息公开工作年度报告\n\n" + table + "一、总体情况\n正文。\n"
    parsed = gilint.parse(text)
    assert [t.id for t in parsed.tables()] == ["3"]
    assert assert_spans(parsed) > 100
    codes = {f.code for f in gilint.lint(text, config={"select": ["GI2"]})}
    assert {"GI201", "GI203"} <= codes


def test_a_table_right_after_the_contents_ends_them() -> None:
    """Headings with a table between them are parts, not a table of contents: the table
    ends the list as a paragraph would, before the next line is read (a part heading
    without its number is then recognised as the part after the first)."""
    text = (
        "示例县2024年政府信息公开工作年度报告\n\n"
        + TOC
        + "一、总体情况\n项目\t数量\n主动公开\t120\n\n"
        + "主动公开政府信息情况\n\n本年度主动公开政府信息 120 条。\n"
    )
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == ["一", "二"]
    assert report.sections[1].heading.text == "主动公开政府信息情况"
    assert any("目录" in p.text for p in report.preamble)


@pytest.mark.parametrize("mark", [" 、", ",", "，"])
def test_headings_run_into_a_web_line_with_the_marks_a_line_start_allows(mark: str) -> None:
    """A heading at a line's start may have a space before its 、 or a comma for it
    (``二 、主动公开政府信息情况``); run into a web page's one line, it was not cut out,
    and the report lost five parts (errors for each, and table 三 read as one table)."""
    text = render(sample_report("2021", seed=1), "web").text
    rewritten, count = re.subn(
        r"(?<![（(])([二三四五六])、(?=主动公开|收到和处理|政府信息公开行政复议|存在的主要|其他需要)",
        lambda m: m.group(1) + mark,
        text,
    )
    assert count == 5
    report = gilint.parse(rewritten)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert [f.code for f in gilint.lint(rewritten, config={}) if f.severity.value != "info"] == []


@pytest.mark.parametrize(
    "listed",
    [
        "报告由六部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；"
        "四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。",
        "本报告包括以下内容 一,总体情况 二,主动公开政府信息情况 三,收到和处理政府信息公开申请情况",
    ],
)
@pytest.mark.parametrize("layout", ["web", "wrapped"])
def test_an_introduction_that_lists_the_parts_is_no_part(listed: str, layout: str) -> None:
    """An introduction listing the parts with their numbers, run into a web page's one
    line, was cut into headings: separated by "；", each took the next as its part (two
    of each part); listed with nothing between, the last stayed a part, which took the
    overview. Marks alone between headings are nothing, and a list of the parts from
    一 in order is a list to its end."""
    import attrs

    data = sample_report("2021", seed=1)
    overview = (listed + data.overview[0], *data.overview[1:])
    text = render(attrs.evolve(data, overview=overview), layout).text
    report = gilint.parse(text)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert [f.code for f in gilint.lint(text, config={}) if f.severity.value != "info"] == []


_PART_TITLES = "|".join(
    [
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议",
        "存在的主要",
        "其他需要",
    ]
)
_HEADING_FORMS = {
    "a full stop after the title": lambda n, title: f"{n}、{title}。",
    "a colon after the title": lambda n, title: f"{n}、{title}：",
    "the ordinal in parentheses": lambda n, title: f"（{n}）{title}",
}


@pytest.mark.parametrize("layout", ["web", "wrapped", "tabs"])
@pytest.mark.parametrize("form", sorted(_HEADING_FORMS))
def test_headings_end_and_number_alike_on_a_line_and_run_into_one(layout: str, form: str) -> None:
    """A part heading may end with a full stop or a colon, or be numbered in parentheses
    (``（二）主动公开政府信息情况``). On a line of its own it always was read so; run into a
    web page's one line, the mark was left at the start of the table after it (part 二 and
    四 without their tables) and a numbered heading was not cut out at all (the tables'
    parts lost, table 四 read as rows of table 三)."""
    text = render(sample_report("2021", seed=1), layout).text  # type: ignore[arg-type]
    rewritten, count = re.subn(
        rf"(?<![（(])([一二三四五六])、((?:{_PART_TITLES})[^\s。]*)",
        lambda m: _HEADING_FORMS[form](m.group(1), m.group(2)),
        text,
    )
    assert count == 6
    report = gilint.parse(rewritten)
    assert [s.part for s in report.sections] == ["一", "二", "三", "四", "五", "六"]
    assert [s.part for s in report.sections if s.tables] == ["二", "三", "四"]
    assert [f.code for f in gilint.lint(rewritten, config={}) if f.severity.value != "info"] == []


@pytest.mark.parametrize(
    ("layout", "form"),
    [(layout, "【{}】") for layout in LAYOUTS]
    # (Markdown bold around it where the text keeps Markdown: not web page text)
    + [(layout, "**【{}】**") for layout in LAYOUTS if layout not in ("web", "runs")],
)
def test_part_headings_in_brackets_are_the_parts(layout: str, form: str) -> None:
    """ "【一、总体情况】": a web page's style of heading. Its parts were read as
    missing (GI101 for five of them, GI104) or its titles with the bracket in them
    (GI104 for each). Now the heading is the part's, its span the number and title."""
    text = _text(layout)
    for ordinal, title in _TITLES.items():
        text = text.replace(f"{ordinal}、{title}", form.format(f"{ordinal}、{title}"), 1)
    report = gilint.parse(text)
    assert [(s.part, s.title) for s in report.sections] == list(_TITLES.items())
    for section in report.sections:
        assert section.heading is not None
        span = section.heading.span
        assert text[span.start : span.end] == f"{section.part}、{_TITLES[section.part]}"
    assert gilint.lint(text, config={}) == []
    # a title in other words, in brackets, is still said to be one
    other = text.replace("一、总体情况】", "一、基本情况】", 1)
    assert [(f.code, f.severity) for f in gilint.lint(other, config={})] == [
        ("GI104", Severity.WARNING)
    ]
