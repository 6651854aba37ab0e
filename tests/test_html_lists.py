"""Ordered lists on web pages: the numbers a browser draws before their items are read.

A part's heading written as a list item holds no number in the page's text. Read
without it, each part was said to lack its number (GI104) where the page shows "一、",
and where it shows "1." the message named no number at all."""

from __future__ import annotations

import re

import pytest

import gilint
from gilint.loaders.html_text import extract
from gilint.testing import sample_report
from gilint.testing.documents import document, to_html

_ORDINALS = "一二三四五六"


def _page(attributes: str, one_list: bool = False) -> str:
    """The kit's web page with each part's heading an item of an ordered list: a list
    of its own each (numbered on by ``start``), or one list whose items hold the parts'
    headings and everything up to the next."""
    page = to_html(document(sample_report("2021", seed=1))).decode()
    for number, ordinal in enumerate(_ORDINALS, 1):
        if one_list:
            opening = f"<ol{attributes}><li>" if number == 1 else "</li><li>"
            page = re.sub(f"<p>{ordinal}、([^<]*)</p>", opening + r"\1", page, count=1)
        else:
            item = f'<ol start="{number}"{attributes}><li>' + r"\1</li></ol>"
            page = re.sub(f"<p>{ordinal}、([^<]*)</p>", item, page, count=1)
    return page.replace("</body>", "</li></ol></body>") if one_list else page


def _codes(page: str) -> list[tuple[str, str]]:
    findings = gilint.Linter().lint(page.encode(), path="report.html")
    return [(f.code, f.message) for f in findings]


@pytest.mark.parametrize("one_list", [False, True])
@pytest.mark.parametrize(
    "attributes",
    [
        ' style="list-style-type: cjk-ideographic"',
        ' style="list-style: simp-chinese-informal inside"',
        ' class="x" style="LIST-STYLE-TYPE:CJK-IDEOGRAPHIC;"',
    ],
)
def test_parts_numbered_by_a_chinese_list_are_the_formats(attributes: str, one_list: bool) -> None:
    page = _page(attributes, one_list)
    assert _codes(page) == []
    text = extract(page.encode()).text
    assert "三、收到和处理政府信息公开申请情况" in text


@pytest.mark.parametrize("attributes", ["", ' type="1"', ' style="list-style-type:decimal"'])
def test_parts_numbered_by_a_decimal_list_are_in_arabic_numerals(attributes: str) -> None:
    ((code, message),) = _codes(_page(attributes))
    assert code == "GI104"
    assert "阿拉伯数字（写作“1”“2”“3”“4”“5”“6”）" in message


def test_a_list_that_draws_no_number_and_a_bulleted_one_add_none() -> None:
    for page in (
        _page(' style="list-style-type:none"'),
        _page("").replace("<ol", "<ul").replace("</ol>", "</ul>"),
    ):
        ((code, message),) = _codes(page)
        assert code == "GI104" and "的标题缺少序号" in message


def test_an_items_number_is_placed_at_the_item() -> None:
    page = _page("")
    findings = gilint.Linter().lint(page.encode(), path="report.html")
    (finding,) = findings
    line = next(i for i, ln in enumerate(page.split("\n"), 1) if "<li>总体情况" in ln)
    assert finding.place is not None and finding.place.line == line
    assert page.split("\n")[line - 1][finding.place.column - 1 :].startswith("<li>")


@pytest.mark.parametrize(
    ("markup", "shown"),
    [
        ('<ol type="a"><li>甲</li><li>乙</li></ol>', ["a. 甲", "b. 乙"]),
        (
            '<ol type="I" start="3"><li>甲</li><li value="9">乙</li><li>丙</li></ol>',
            ["III. 甲", "IX. 乙", "X. 丙"],
        ),
        ('<ol style="list-style-type:cjk-ideographic" start="11"><li>甲</li></ol>', ["十一、甲"]),
        # a list inside an item: numbered on its own, its parent's numbering going on
        ("<ol><li>甲<ol><li>子</li></ol></li><li>乙</li></ol>", ["1. 甲", "1. 子", "2. 乙"]),
        # a menu's items are not numbered
        ("<nav><ol><li>首页</li></ol></nav><ol><li>甲</li></ol>", ["首页", "1. 甲"]),
    ],
)
def test_list_numbers_as_a_browser_draws_them(markup: str, shown: list[str]) -> None:
    text = extract(f"<html><body>{markup}</body></html>".encode()).text
    assert [line for line in text.split("\n") if line.strip()] == shown
