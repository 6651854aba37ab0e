"""Web pages laid out with tables: a site's columns, the frame around the article.

Older government sites put the whole article in a cell of a layout table, often beside
a column of links. The loader read a table inside a cell as that cell's text, and the
inner table's rows as the outer table's: every correct report on such a page got GI901
("无法识别的表格") for table 二, which was never checked. A table that holds a table in a
cell now lays out the page: its cells are read as blocks, and the tables inside them
as tables, at their own paths.
"""

from __future__ import annotations

from gilint.config import Config
from gilint.linting import Linter
from gilint.loaders.html_text import _MAX_NESTING, extract
from gilint.testing import sample_report
from gilint.testing.documents import document, html_path, to_html

_SIDEBAR = (
    '<table width="1000"><tr><td width="200"><p><a href="/">首页</a></p>'
    '<p><a href="/jg">机构概况</a></p></td>\n<td width="800"><table><tr><td class="article">'
)
_CLOSE = "</td></tr></table></td></tr></table>"


def _framed(page: str) -> str:
    """The page with its body inside a two-column layout, the article in a nested frame."""
    start = page.index("<body>") + len("<body>")
    end = page.index("</body>")
    return page[:start] + _SIDEBAR + page[start:end] + _CLOSE + page[end:]


def _findings(page: str) -> list[tuple[str, str | None]]:
    linter = Linter(Config(select=("GI",)))
    findings = linter.check(linter.parse_loaded(extract(page.encode())))
    return [(f.code, f.place.path if f.place else None) for f in findings]


def test_a_correct_report_in_a_layout_table_is_correct() -> None:
    for year in ("2019", "2021"):
        page = to_html(document(sample_report(year, seed=3))).decode()
        assert _findings(page) == []
        assert _findings(_framed(page)) == []


def test_a_wrong_number_in_a_framed_report_points_at_its_cell() -> None:
    """The data tables keep their paths, numbered among all the page's tables: the two
    layout tables come first."""
    cell = ("3", "outcome.disclosed", "natural_person")
    broken = document(sample_report("2021", seed=3).with_cell(*cell, "999"))
    page = to_html(broken).decode()
    path = html_path(broken, cell)
    table, rest = path.split("/", 1)
    number = int(table[len("table[") : -1])
    plain = [p for code, p in _findings(page) if code == "GI202"]
    framed = [p for code, p in _findings(_framed(page)) if code == "GI202"]
    assert plain == [path]
    assert framed == [f"table[{number + 2}]/{rest}"]


def test_the_cells_of_a_layout_table_are_paragraphs_where_they_stand() -> None:
    page = (
        "<html><body><table><tr><td>栏目<br>链接</td>\n<td><h1>标题</h1>"
        "<p>第一段</p>正文<img src='t.png'>图后<table><tr><td>1</td><td>2</td></tr></table>"
        "末段</td></tr></table><p>页脚</p></body></html>"
    )
    loaded = extract(page.encode())
    # the image is a blank line of its own after 正文
    assert (
        loaded.text
        == "栏目\n\n链接\n\n标题\n\n第一段\n\n正文\n\n\n图后\n\n1\t2\n\n末段\n\n页脚\n\n"
    )
    assert loaded.source_map is not None
    place = loaded.source_map.place(loaded.text.index("标题"))
    assert place is not None and (place.line, place.column, place.path) == (2, 9, None)
    cell = loaded.source_map.place(loaded.text.index("2\n"))
    assert cell is not None and cell.path == "table[2]/tr[1]/td[2]"
    (image,) = [p for p in loaded.problems if p.code == "unread-image"]
    assert loaded.text[: image.offset].split()[-1] == "正文"


def test_a_data_table_keeps_its_cells_text_whole() -> None:
    """Paragraphs and breaks inside a data table's cell are one cell's text."""
    page = "<table><tr><td><p>1.属于</p><p>国家秘密</p></td><td>3<br></td></tr></table>"
    assert extract(page.encode()).text == "1.属于国家秘密\t3\n\n"


def test_tables_nested_past_the_limit_are_read_as_their_parent() -> None:
    deep = _MAX_NESTING * 4
    page = "<table><tr><td>" * deep + "深处" + "</td></tr></table>" * deep + "<p>之后</p>"
    assert extract(page.encode()).text.split() == ["深处", "之后"]


def test_a_table_between_rows_is_read_before_its_table() -> None:
    page = "<table><tr><td>a</td></tr><table><tr><td>b</td></tr></table><tr><td>c</td></tr></table>"
    assert extract(page.encode()).text == "b\n\na\nc\n\n"
