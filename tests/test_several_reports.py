"""A file that holds several reports (a volume of a region's reports): each read and
checked on its own, its findings at their places in the PDF, Word or web page."""

from __future__ import annotations

import attrs
import pytest

import gilint
from gilint.testing import render, sample_report
from gilint.testing.documents import Document, document, to_docx, to_html, to_pdf

KINDS = {
    "volume.pdf": lambda d: to_pdf(d)[0],
    "volume.docx": to_docx,
    "volume.html": to_html,
}


def _volume() -> Document:
    """Two reports in one document, the second's table 三 off by its total."""
    first = document(sample_report("2021", seed=3))
    second = document(sample_report("2019", seed=4).with_cell("3", "new", "total", "999"))
    return attrs.evolve(first, blocks=first.blocks + second.blocks)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_report_of_a_document_is_checked(name: str) -> None:
    data = KINDS[name](_volume())
    findings = gilint.Linter().lint(data, path=name)
    assert [f.code for f in findings] == ["GI903", "GI201", "GI203"]
    more, balance, _ = findings
    assert "2020" in more.message and more.line < balance.line
    assert more.place is not None and balance.place is not None
    if name.endswith(".pdf"):  # the second report's title and table on their pages
        assert more.place.page is not None and balance.place.page is not None
        assert 1 < more.place.page < balance.place.page
    elif name.endswith(".docx"):
        assert (balance.place.table, balance.place.row) == (5, 4)
    else:
        assert balance.place.path is not None and balance.place.path.startswith("table[5]/")


def test_a_pdfs_numbered_headings_at_its_pages_tops_are_no_furniture() -> None:
    """Each report of a volume starts its table 三 on a page of its own, its heading at
    the same height on each such page: text, not a running head left out (part 三
    missing from both before)."""
    parts = [
        [s.part for s in r.sections]
        for r in gilint.Linter().parse_all(to_pdf(_volume())[0], path="volume.pdf")
    ]
    assert parts == [["一", "二", "三", "四", "五", "六"]] * 2


@pytest.mark.parametrize("layout", ["wrapped", "tabs", "markdown", "cells", "pipes", "ocr"])
def test_a_title_run_on_after_the_last_paragraph(layout: str) -> None:
    """The second report's title on the line after the first's last one, with no blank
    line between (PDF text runs a page's lines together): found in the paragraph."""
    first = render(sample_report("2021", seed=3), layout).text.rstrip("\n")
    second = render(sample_report("2019", seed=4).with_cell("3", "new", "total", "999"), layout)
    text = first + "\n" + second.text.lstrip("\n")
    findings = gilint.lint(text)
    assert [f.code for f in findings] == ["GI903", "GI201", "GI203"]
    assert findings[0].line == len(first.split("\n")) + 1


@pytest.mark.parametrize("layout", ["web", "runs"])
def test_web_pages_glued_on_one_line(layout: str) -> None:
    """Two web pages' text on one line: the second's title run into the line after the
    first page's links is where the second report begins."""
    first = render(sample_report("2021", seed=3), layout).text.rstrip("\n")
    second = render(sample_report("2019", seed=4).with_cell("3", "new", "total", "999"), layout)
    text = f"{first} {second.text}"
    findings = [f for f in gilint.lint(text) if f.code != "GI901"]
    # (numbers run together: the second's row read as far as its sums settle it)
    expected = ["GI903", "GI201", "GI203"] if layout == "web" else ["GI903", "GI203"]
    assert [f.code for f in findings] == expected
    title_at = text.index("示例县示例镇人民政府 2020")
    assert findings[0].span.start == title_at and findings[1].span.start > title_at


def test_a_title_broken_before_its_last_words_takes_no_line_above() -> None:
    """ "…2020年政府信息公开" / "工作年度报告" run on after the first report's last
    sentence: the title is its two lines, the sentence stays the first report's."""
    first = render(sample_report("2021", seed=3), "tabs").text.rstrip("\n")
    second = render(sample_report("2019", seed=4), "tabs").text.lstrip("\n")
    second = second.replace(
        "示例县示例镇人民政府\n\n2020 年政府信息公开工作年度报告",
        "示例县示例镇人民政府2020年政府信息公开\n工作年度报告",
        1,
    )
    ((finding,),) = [gilint.lint(first + "\n" + second)]
    assert finding.code == "GI903" and finding.line == len(first.split("\n")) + 1
    assert "（“示例县示例镇人民政府2020年政府信息公开工作年度报告”）" in finding.message
