"""A web page that holds no report but links to one: many sites publish the report as
an attached PDF or Word file, with a page that only names it. "May not be a report"
told a researcher nothing; the finding names the documents the page links to."""

from __future__ import annotations

import attrs

from gilint.config import Config
from gilint.findings import Severity
from gilint.linting import Linter
from gilint.loaders.html_text import extract
from gilint.testing import sample_report
from gilint.testing.documents import Block, document, to_html


def _findings(page: str) -> list[tuple[str, str]]:
    linter = Linter(Config(select=("GI",)))
    return [(f.code, f.message) for f in linter.check(linter.parse_loaded(extract(page.encode())))]


_HEAD = "<html><head><title>t</title></head><body>"


def test_a_page_that_links_to_the_report_names_the_attachment() -> None:
    page = (
        _HEAD + '<nav><a href="/help.pdf">帮助</a></nav><h1>某局2023年政府信息公开工作年度报告</h1>'
        '\n<p>附件：<a href="/u/2023%E5%B9%B4%E6%8A%A5.PDF?id=7#p1">下载</a></p>'
        '\n<iframe src="viewer/report.docx"></iframe></body></html>'
    )
    ((code, message),) = _findings(page)
    assert code == "GI902"
    assert (
        "报告可能在网页链接的附件中：“2023年报.PDF”（网页第 2 行）、“report.docx”（网页第 3 行）"
        in (message)
    )
    assert "help.pdf" not in message  # the site's navigation


def test_a_page_without_links_to_documents_may_not_be_a_report() -> None:
    page = _HEAD + '<p>会议纪要</p><p><a href="/a.html">上一篇</a><a href="x.pdf.html">x</a></p>'
    ((code, message),) = _findings(page)
    assert code == "GI902" and "此文件可能不是政府信息公开工作年度报告" in message


def test_a_report_on_the_page_is_checked_whatever_it_links_to() -> None:
    page = to_html(document(sample_report("2021", seed=4))).decode()
    at = page.index("</body>")
    linked = page[:at] + '<p>附件：<a href="2023.pdf">年报 PDF 版</a></p>' + page[at:]
    assert _findings(page) == [] and _findings(linked) == []


def test_at_most_three_attachments_are_named() -> None:
    links = "".join(f'<p><a href="{n}.doc">{n}</a></p>' for n in range(10))
    ((_, message),) = _findings(_HEAD + links)
    assert "“2.doc”" in message and "“3.doc”" not in message


def test_a_download_scripts_file_name_is_read_from_its_query() -> None:
    """Many sites' attachments go through a script: ``downfile.jsp?filename=….pdf``."""
    page = _HEAD + (
        '<p><a href="/module/download/downfile.jsp?classid=0&amp;filename=2401151.pdf">'
        '年报</a><a href="/dl?f=D%3A%5Cfiles%5Cnotes.docx">b</a><a href="x.jsp?id=3">c</a></p>'
    )
    ((_, message),) = _findings(page)
    assert "“2401151.pdf”（网页第 1 行）、“notes.docx”（网页第 1 行）。" in message


def _without_tables() -> str:
    """A report page whose parts 二, 三 and 四 say "详见附件" instead of their tables."""
    doc = document(sample_report("2021", seed=4))
    blocks = []
    for block in doc.blocks:
        if block.paragraph is None:
            continue
        blocks.append(block)
        if block.paragraph[:2] in ("二、", "三、", "四、"):
            blocks.append(Block(paragraph="详见附件。"))
    return to_html(attrs.evolve(doc, blocks=tuple(blocks))).decode()


def test_a_part_without_its_table_where_the_page_links_a_spreadsheet_is_a_note() -> None:
    """The tables published as a spreadsheet the page links to: gilint cannot read them,
    and says so quietly, not that the report has none."""
    page = _without_tables()
    missing = _findings(page)
    assert [code for code, _ in missing] == ["GI107", "GI107", "GI107"]
    at = page.index("</body>")
    link = '<p>附件：<a href="/files/2023%E7%BB%9F%E8%AE%A1%E8%A1%A8.xlsx">统计表</a></p>'
    linked = page[:at] + link + page[at:]
    linter = Linter(Config(select=("GI",)))
    findings = linter.check(linter.parse_loaded(extract(linked.encode())))
    assert [(f.code, f.severity) for f in findings] == [("GI107", Severity.INFO)] * 3
    assert "网页链接了表格文件“2023统计表.xlsx”（网页第" in findings[0].message
    assert "统计表可能在其中" in findings[0].message
    # a document the page links to says nothing of where the tables are
    pdf = page[:at] + '<p>附件：<a href="2023.pdf">年报 PDF 版</a></p>' + page[at:]
    assert _findings(pdf) == missing


def test_a_spreadsheet_linked_beside_a_report_with_its_tables_changes_nothing() -> None:
    page = to_html(document(sample_report("2021", seed=4))).decode()
    at = page.index("</body>")
    linked = page[:at] + '<p>附件：<a href="统计表.xls">统计表</a></p>' + page[at:]
    assert _findings(linked) == []
