"""A PDF table without ruling lines, read as lines of text: each row's label before its
numbers.

pdfplumber's table finder follows ruling lines; a table drawn without them comes out
as lines, top to bottom, and a row whose label wraps has its numbers beside the middle
of the label (or its first line, or its last). Read in that order, the end of each
label opened the next row's: every correct report with such a table got some ten false
errors (unknown row labels, rows missing). The loader now puts a row's label lines
before its numbers, and group labels (merged cells beside the label) before the label.
"""

from __future__ import annotations

import io
import re
from typing import Any, Literal

import pytest

from gilint.config import Config
from gilint.findings import Finding
from gilint.linting import Linter
from gilint.loaders.pdf_lines import Line, labels_before_numbers, line
from gilint.testing import ReportData, render, sample_report
from gilint.testing.documents import document, to_pdf
from gilint.testing.helpers import lint_text

_SIZE = 9.0  # a character's width and height, in points


def _line(text: str, left: float, top: float) -> Line:
    """A line as pdfplumber reads it: each character ``_SIZE`` wide, a space half of
    one (the gap between two words), and the numbers it ends in, if any, at
    ``_NUMBERS`` (their own column) unless the line begins there."""
    characters: list[dict[str, Any]] = []
    x = left
    words = text.split(" ")
    first = len(words)
    while first and words[first - 1].isdigit():
        first -= 1
    for index, word in enumerate(words):
        if index == first and index and x < _NUMBERS:
            x = _NUMBERS
        for char in word:
            characters.append({"text": char, "x0": x, "x1": x + _SIZE})
            x += _SIZE
        x += _SIZE / 2
    return line(text, (left, top, x - _SIZE / 2, top + _SIZE), characters)


_NUMBERS = 300.0  # where a row's numbers begin


def _order(*lines: Line) -> list[str]:
    return [ln.text for ln in labels_before_numbers(list(lines))]


# Lines as (text, left, top), and the order the reader is given them in.
_REORDERED = [
    pytest.param(
        # the numbers between the label's two lines, and on the middle one of three;
        # rows apart by the cells' padding
        [
            ("1.本机关不掌握相关政", 200, 100),
            ("2 6 4 4 5 9 30", _NUMBERS, 105.6),
            ("府信息", 200, 111.2),
            ("5.要求行政机关", 200, 126),
            ("确认或重新出具 1 1 8 1 3 1 15", 200, 137.2),
            ("已获取信息", 200, 148.4),
        ],
        "1.本机关不掌握相关政 府信息 2_6_4_4_5_9_30 5.要求行政机关 确认或重新出具 已获取信息"
        " 1_1_8_1_3_1_15",
        id="centred",
    ),
    pytest.param(
        # no padding: numbers between two lines of a label stand half a line from each,
        # and the rows' border is the widest gap
        [
            ("4.无正当理由大量反复", 200, 100),
            ("8 5 9 0 3 9 34", _NUMBERS, 105.6),
            ("申请", 200, 111.2),
            ("5.要求行政机关确认或", 200, 122.4),
            ("1 1 8 1 3 1 15", _NUMBERS, 128),
            ("重新出具已获取信息", 200, 133.6),
        ],
        "4.无正当理由大量反复 申请 8_5_9_0_3_9_34 5.要求行政机关确认或 重新出具已获取信息"
        " 1_1_8_1_3_1_15",
        id="centred, no padding",
    ),
    pytest.param(
        # cells aligned at their top: the label's first line beside the numbers, the
        # rest under them, up to the padding between rows
        [
            ("2.其他法律行政法规禁 1 2 3 4 5 6 21", 200, 100),
            ("止公开", 200, 111.2),
            ("3.危及“三安全一稳定 1 2 3 4 5 6 21", 200, 128.4),
            ("”", 200, 139.6),
            ("6.属于四类过程性信息 1 2 3 4 5 6 21", 200, 156.8),
        ],
        "2.其他法律行政法规禁 止公开 1_2_3_4_5_6_21 3.危及“三安全一稳定 ” 1_2_3_4_5_6_21"
        " 6.属于四类过程性信息_1_2_3_4_5_6_21",
        id="top",
    ),
]


@pytest.mark.parametrize(("lines", "expected"), _REORDERED)
def test_a_rows_label_comes_before_its_numbers(
    lines: list[tuple[str, float, float]], expected: str
) -> None:
    """(In ``expected``, a line's own spaces are written ``_``.)"""
    order = _order(*(_line(*spec) for spec in lines))
    assert [text.replace(" ", "_") for text in order] == expected.split()


def test_a_label_ending_beside_its_numbers_stays_as_it_is() -> None:
    """Cells aligned at their bottom read in order already."""
    lines = (
        _line("2.其他法律行政法规禁", 200, 100),
        _line("止公开 1 2 3 4 5 6 21", 200, 111.2),
        _line("3.危及“三安全一稳定", 200, 128.4),
        _line("” 1 2 3 4 5 6 21", 200, 139.6),
    )
    assert _order(*lines) == [ln.text for ln in lines]


def test_a_group_label_beside_a_row_goes_before_its_label() -> None:
    """The text of a merged cell, centred in it, stands beside some row's lines: on the
    numbers' line or a label line. It is put before that row's label."""
    order = _order(
        _line("2.没有现成信息需要另", 200, 100),
        _line("三、本年度办理结果 （四）无法提供 4 0 1 7 9 1 22", 30, 105.6),
        _line("行制作", 200, 111.2),
        _line("2.申请人逾期未", 200, 126),
        _line("（六）其他处理", 110, 131.6),
        _line("按收费通知要求", 200, 137.2),
        _line("6 9 4 6 4 1 30", _NUMBERS, 142.8),
        _line("请", 200, 148.4),
    )
    assert order == [
        "三、本年度办理结果 （四）无法提供",
        "2.没有现成信息需要另",
        "行制作",
        "4 0 1 7 9 1 22",
        "（六）其他处理",
        "2.申请人逾期未",
        "按收费通知要求",
        "请",
        "6 9 4 6 4 1 30",
    ]


def test_prose_headings_and_headers_stay_where_they_stand() -> None:
    """Lines across the numbers' columns (prose, a table's header) are no label; a line
    that ends in one number is prose; a heading under a table stands apart."""
    lines = (
        _line("本机关全年主动公开政府信息共计条数为 3256", 30, 80),
        _line("信息内容 本年新收 上年结转 总计", 30, 91.2),
        _line("1.本机关不掌握相关政府信息 1 2 3", 200, 105),
        _line("五、存在的主要问题", 30, 130),
        _line("及改进情况", 30, 141.2),
    )
    assert _order(*lines) == [ln.text for ln in lines]
    prose = (
        _line("截至年底，本机关共有", 30, 100),
        _line("有效文件 12", 30, 111.2),
        _line("件，均已公开。", 30, 122.4),
    )
    assert _order(*prose) == [ln.text for ln in prose]


def test_a_centred_label_takes_no_more_below_than_it_has_above() -> None:
    """The last row's label, centred beside its numbers, ends as far below them as it
    begins above; the paragraph under the table is no part of it."""
    assert _order(
        _line("1.申请人无正当理由逾", 200, 100),
        _line("5 3 9 8 0 6 31", _NUMBERS, 105.6),
        _line("期不补正", 200, 111.2),
        _line("此后段落", 200, 122.4),
    ) == ["1.申请人无正当理由逾", "期不补正", "5 3 9 8 0 6 31", "此后段落"]


pytest.importorskip("reportlab", reason="the test extra installs reportlab")
pytest.importorskip("pdfplumber", reason="the test extra installs pdfplumber")


def _findings(data: bytes) -> list[Finding]:
    linter = Linter(Config(select=("GI",)))
    return linter.check(linter.parse(data, path="report.pdf"))


@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("align", ["TOP", "MIDDLE", "BOTTOM"])
def test_a_correct_report_whose_tables_have_no_ruling_lines_is_clean(
    template: str, align: Literal["TOP", "MIDDLE", "BOTTOM"]
) -> None:
    data, _ = to_pdf(document(sample_report(template, seed=7)), ruled=False, align=align)
    assert [(f.code, f.message) for f in _findings(data)] == []


def test_a_wrong_number_in_a_table_without_ruling_lines_is_found_at_its_row() -> None:
    import pdfplumber

    cell = ("3", "outcome.disclosed", "natural_person")
    broken = document(sample_report("2021", seed=7).with_cell(*cell, "999"))
    data, pages = to_pdf(broken, ruled=False)
    findings = [f for f in _findings(data) if f.severity.value == "error"]
    assert sorted(f.code for f in findings) == ["GI202", "GI203"]
    page = pages[broken.cells[cell][0]]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for finding in findings:
            assert finding.place is not None and finding.place.page == page
            boxes = [p.bbox for p in finding.related_places if p and p.page == page and p.bbox]
            texts = [pdf.pages[page - 1].crop(box).extract_text() for box in boxes]
            assert any("999" in text.split() for text in texts)  # the row's numbers


def test_group_labels_between_a_label_and_its_numbers_take_none_of_them() -> None:
    """Such a table's text as other tools give it: the group label beside a row's
    numbers, after the row's label. A group label holds no numbers: they are the row's."""
    text = render(sample_report("2021", seed=7), "tabs").text
    old = next(ln for ln in text.split("\n") if "1.本机关不掌握相关政府信息" in ln)
    numbers = "\t".join(cell for cell in old.split("\t") if cell.strip().isdigit())
    text = text.replace(old, f"1.本机关不掌握相关政府信息\n(四) 无法提供\t{numbers}")
    assert "1.本机关不掌握相关政府信息\n(四) 无法提供\t" in text
    assert lint_text(text, config={}) == []


def _wrapped_rows(text: str, numbers: Literal["TOP", "MIDDLE", "BOTTOM"]) -> str:
    """Table 三 of the tabs layout as such a table's text by lines gives it: a long
    label wrapped after ten characters, its numbers on its first line, between its two
    lines, or on its last, and the group labels beside them at the top or middle, on
    the label's last line at the bottom (inside the label's text)."""
    out = []
    for ln in text.split("\n"):
        cells = [c for c in ln.split("\t") if c.strip()]
        values = " ".join(c for c in cells if c.strip().isdigit())
        labels = [c for c in cells if not c.strip().isdigit()]
        if len(values.split()) != 7 or not labels or len(labels[-1]) <= 12:
            out.append(ln)
            continue
        *groups, label = labels
        head, tail = label[:10], label[10:]
        if numbers == "TOP":
            out += [" ".join([*groups, head, values]), tail]
        elif numbers == "MIDDLE":
            out += [" ".join([*groups, head]), values, tail]
        else:
            out += [head, " ".join([*groups, tail, values])]
    return "\n".join(out)


@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("numbers", ["TOP", "MIDDLE", "BOTTOM"])
def test_a_labels_end_after_its_numbers_completes_its_row(
    template: str, numbers: Literal["TOP", "MIDDLE", "BOTTOM"]
) -> None:
    """The same tables as text (a PDF converted by another tool): the reader takes the
    text after a row's numbers that completes its label as the label's end, and a
    label read without the group label inside it."""
    text = render(sample_report(template, seed=7), "tabs").text
    wrapped = _wrapped_rows(text, numbers)
    assert wrapped.count("\n") > text.count("\n") + 5  # (labels wrapped)
    assert lint_text(wrapped, config={}) == []


def _group_label_split(data: ReportData, arrangement: str) -> tuple[str, int]:
    """The ``wrapped`` layout with each group label of table 三's sub-rows taken from
    its place before its rows and cut in two around one of them, as a label centred
    in a merged cell falls among its rows' lines: ``前半 label`` / ``后半`` / numbers
    (``around``), or label / ``前半`` / numbers / ``后半`` (``numbers``). Also the
    number of rows so cut."""
    spec = data.spec.table("3")
    assert spec is not None
    text = render(data, "wrapped").text
    members: dict[str, list[str]] = {}
    group = None
    for row in spec.rows:
        if row.group:
            group = row.label
        elif group is not None and row.id.count(".") == 2 and row.label is not None:
            members.setdefault(group, []).append(row.label)
    cut = 0
    for group_label, labels in members.items():
        wrapped = "\n".join(group_label[i : i + 3] for i in range(0, len(group_label), 3))
        assert f"\n{wrapped}\n" in text
        text = text.replace(f"\n{wrapped}\n", "\n", 1)
        head, tail = group_label[: len(group_label) // 2], group_label[len(group_label) // 2 :]
        for label in labels[1:2]:  # the second row of the group: its middle
            found = re.search(rf"^{re.escape(label)} ((?:\d+ ){{6}}\d+)$", text, re.M)
            if found is None:
                continue  # a long label, wrapped by the layout
            numbers = found.group(1)
            if arrangement == "around":
                text = text.replace(found.group(0), f"{head} {label}\n{tail}\n{numbers}")
            else:
                text = text.replace(found.group(0), f"{label}\n{head}\n{numbers}\n{tail}")
            cut += 1
    return text, cut


@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("arrangement", ["around", "numbers"])
def test_a_group_label_cut_among_its_rows_lines_takes_no_row(
    template: str, arrangement: str
) -> None:
    """A group label centred in its merged cell, read by lines, falls in pieces among
    its rows' lines: around a row's label, or between the label and its numbers. Its
    pieces are read as the table's text, not as a row's label (an unknown row label
    and a row without numbers, two false errors)."""
    text, cut = _group_label_split(sample_report(template, seed=4), arrangement)
    assert cut >= 3
    assert lint_text(text, config={}) == []
