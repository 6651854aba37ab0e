"""What a web page hides: gilint reads what the browser shows.

A page may hold a hidden copy of the article (for printing), letters slipped between a
heading's characters against copying, a hidden picture and caption for sharing, or tables
shown only on a click. Reading the hidden copy reported every part twice (GI103, GI102),
eleven errors on a correct report; a hidden letter in a heading lost the heading. Hidden
content is not read; a hidden element that may hold part of the report (enough text
outside links and scripts) is noted where it stands, like an image, and what a rule finds
missing there is not reported. A page that hides most of its text shows it from a script:
it is read whole.
"""

from __future__ import annotations

import pytest

from gilint.ast import UNREAD_CONTENT
from gilint.config import Config
from gilint.findings import Severity
from gilint.linting import Linter
from gilint.loaders import UNREAD_NOTES
from gilint.loaders.html_hidden import hides
from gilint.loaders.html_text import HIDDEN_CHARS, extract
from gilint.testing import sample_report
from gilint.testing.documents import document, to_html

_PAGE = to_html(document(sample_report("2021", seed=6))).decode()
_ARTICLE = _PAGE[_PAGE.index("<p>", _PAGE.index("</div>")) : _PAGE.index('<div style="display')]
_END = _PAGE.index("</body>")


def _findings(page: str) -> list[tuple[str, Severity, str]]:
    linter = Linter(Config(select=("GI",)))
    report = linter.parse_loaded(extract(page.encode()))
    return [(f.code, f.severity, f.message) for f in linter.check(report)]


def _text(body: str) -> str:
    """What the loader reads of a page with ``body``."""
    return extract(f"<html><body>{body}</body></html>".encode()).text


# Text a page shows beside what it hides: a page that hides most of its text is read
# whole (test_a_page_that_hides_most_of_its_text_is_read_whole).
_SHOWN = "<p>" + "本页正文。" * 40 + "</p>"


def _codes(body: str) -> list[str]:
    loaded = extract(f"<html><body>{_SHOWN}{body}</body></html>".encode())
    return [p.code for p in loaded.problems if p.code in UNREAD_CONTENT]


def test_the_kits_page_is_read_whole_and_its_hidden_share_block_is_not() -> None:
    """Every page of the testing kit has a hidden picture and caption for sharing after
    the article: neither is read nor noted (the picture, of unstated size, was noted)."""
    loaded = extract(_PAGE.encode())
    assert "分享到微信" not in loaded.text
    assert not [p for p in loaded.problems if p.code in UNREAD_CONTENT]
    assert _findings(_PAGE) == []


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div id="print" style="display:none">{}</div>',
        "<div hidden>{}</div>",
        '<section style="visibility: hidden">{}</section>',
        '<div style="DISPLAY: NONE !important">{}</div>',
    ],
)
def test_a_hidden_copy_of_the_article_is_one_note_not_every_part_twice(wrapper: str) -> None:
    page = _PAGE[:_END] + wrapper.format(_ARTICLE) + _PAGE[_END:]
    ((code, _, shown),) = _findings(_PAGE[:_END] + _ARTICLE + _PAGE[_END:])
    assert code == "GI903" and "同一份报告又出现一次" in shown  # read, the copy is one
    ((code, severity, message),) = _findings(page)
    assert (code, severity) == ("GI901", Severity.INFO)
    assert "隐藏内容" in message and message.startswith("网页第 ")


def test_letters_hidden_inside_a_heading_and_a_cell_are_left_out() -> None:
    """Against copying, some pages slip hidden letters into their text: the heading and
    the number stay what the reader sees, and nothing is noted."""
    heading = "二、主动公开政府信息情况"
    page = _PAGE.replace(heading, '二、主动<span style="display:none">X9</span>公开政府信息情况')
    first = page.index("<td>", page.index("<table"))
    cell = page.index(">", first) + 1
    page = page[:cell] + '<font style="display:none">7</font>' + page[cell:]
    loaded = extract(page.encode())
    assert heading in loaded.text and "X9" not in loaded.text
    assert not [p for p in loaded.problems if p.code in UNREAD_CONTENT]
    assert _findings(page) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # HTML ends these without their end tags: so does gilint
        ('<p style="display:none">hidden<p>shown', "shown"),
        ("<ul><li hidden>hidden<li>shown</ul>", "shown"),
        ("<dl><dt hidden>hidden<dd>shown</dl>", "shown"),
        ('<h2 style="display:none">hidden<h3>shown</h3>', "shown"),
        ('<p><a style="display:none" href="/">hidden<a href="/">shown</a></p>', "shown"),
        ('<div><span style="display:none">hidden</div><p>shown</p>', "shown"),
        # an end tag of an element opened before it, or of none at all, ends it too:
        # broken markup shows too much rather than too little
        ("<div><div hidden><div>hidden</div></div>shown</div>", "shown"),
        ("<div hidden><b>hidden</b></i>shown</div>", "shown"),
        # what is not hidden
        ('<div hidden="until-found">shown</div>', "shown"),
        ('<body style="display:none"><p>shown</p>', "shown"),
        ('<div style="display:block">shown</div>', "shown"),
        ('<div style="visibility:visible">shown</div>', "shown"),
        ('<input type="hidden" value="x"><p>shown</p>', "shown"),
        ("<br hidden>shown", "shown"),
    ],
)
def test_a_hidden_element_ends_where_the_browser_ends_it(body: str, expected: str) -> None:
    assert _text(body).split() == [expected]


def test_hidden_table_cells_and_rows_are_left_out_as_the_browser_leaves_them() -> None:
    body = (
        "<table><tr><td>a</td><td style='display:none'>h</td><td>b</td></tr>"
        "<tr hidden><td>x</td><td>y</td></tr><tr><td>c<td hidden>h<td>d</tr></table>"
    )
    assert _text(body) == "a\tb\nc\td\n\n"


def test_only_a_hidden_element_with_content_is_noted() -> None:
    """Links (a hidden menu), scripts and a short caption are no content of the report;
    fifty characters of text are."""
    links = "".join(f'<a href="/{n}">第{n}篇文章的标题</a>' for n in range(20))
    assert _codes(f"<p>x</p><div hidden>{links}</div>") == []
    assert _codes(f"<p>x</p><div hidden><script>{'var a=1;' * 50}</script></div>") == []
    assert _codes(f"<p>x</p><div hidden>{'字' * (HIDDEN_CHARS - 1)}</div>") == []
    assert _codes(f"<p>x</p><div hidden>{'字' * HIDDEN_CHARS}</div>") == ["unread-hidden"]


def test_an_image_in_a_hidden_element_is_not_noted() -> None:
    assert _codes('<p>x</p><div style="display:none"><p><img src="share.png"></p></div>') == []
    assert _codes('<p>x</p><div><p><img src="table.png"></p></div>') == ["unread-image"]


def test_a_hidden_element_in_a_table_cell_is_noted_at_its_cell() -> None:
    body = f"<p>x</p><table><tr><td>a</td><td>b<div hidden>{'字' * 60}</div></td></tr></table>"
    loaded = extract(f"<html><body>{body}{_SHOWN}</body></html>".encode())
    (problem,) = [p for p in loaded.problems if p.code == "unread-hidden"]
    assert loaded.text.startswith("x\n\na\tb\n")
    assert loaded.source_map is not None
    place = loaded.source_map.place(problem.offset)
    assert place is not None and place.path == "table[1]/tr[1]/td[2]"


def test_tables_shown_on_a_click_withhold_only_what_would_stand_there() -> None:
    """Table 二 in a tab the page shows on a click, and part 四 left out: "part 二 has no
    table" is not reported, "part 四 is missing" is."""
    start = _PAGE.index("<table")
    end = _PAGE.index("</table>") + len("</table>")
    page = _PAGE[:start] + '<div class="tab" style="display:none">' + _PAGE[start:end]
    page += "</div>" + _PAGE[end:]
    four = page.index("<p>四、")
    page = page[:four] + page[page.index("<p>五、") :]
    findings = _findings(page)
    errors = [(code, message) for code, severity, message in findings if severity is Severity.ERROR]
    assert [code for code, _ in errors] == ["GI101"] and "第四部分" in errors[0][1]
    notes = [message for code, _, message in findings if code == "GI901"]
    assert any("隐藏内容" in m for m in notes)
    assert any(m.endswith("结论未报告：GI107") for m in notes)


def test_a_page_that_hides_most_of_its_text_is_read_whole() -> None:
    """An article hidden until a script shows it (a tab, a page revealed once loaded)
    is most of the page's text: it is read, as a browser shows it after the script."""
    page = _PAGE[: _PAGE.index("<p>")] + f"<div hidden>{_ARTICLE}</div>" + _PAGE[_END:]
    assert _findings(page) == []
    assert _findings(page.replace("<p>四、", "<p>")) != []  # (a defect is still found)


def test_a_page_showing_other_text_and_hiding_its_report_says_so() -> None:
    """Where the page shows as much other text (a notice, a site's description) and
    hides the report, GI902 says where the report may be, and asks for no OCR."""
    notice = "<p>" + "本网站所载内容仅供参考，请以正式文件为准。" * 60 + "</p>"
    page = _PAGE[: _PAGE.index("<p>")] + notice + f"<div hidden>{_ARTICLE}</div>" + _PAGE[_END:]
    findings = _findings(page)
    (not_found,) = [m for code, _, m in findings if code == "GI902"]
    assert "隐藏内容" in not_found and "点击后才显示" in not_found
    assert not any("文字识别" in m for _, _, m in findings)


def test_a_hidden_element_above_the_title_is_none_of_the_report() -> None:
    title = _PAGE.index("<p>", _PAGE.index("</div>"))
    menu = f'<div class="menu" style="display:none">{"栏目说明文字" * 20}</div>'
    assert _findings(_PAGE[:title] + menu + _PAGE[title:]) == []


def test_past_the_limit_images_and_hidden_elements_are_counted_in_one_note() -> None:
    hidden = f"<div hidden>{'字' * HIDDEN_CHARS}</div>"
    body = _SHOWN + '<p><img src="t.png"></p>' * UNREAD_NOTES + hidden * 3
    body += '<p><img src="t.png"></p>' * 2
    loaded = extract(f"<html><body>{body}</body></html>".encode())
    notes = [p for p in loaded.problems if p.code in UNREAD_CONTENT]
    assert [p.code for p in notes] == ["unread-image"] * UNREAD_NOTES + ["unread-more"]
    assert "还有 3 处隐藏内容、2 幅图片，" in notes[-1].message


def test_a_million_elements_opened_in_a_hidden_one_are_followed_in_one_pass() -> None:
    """Each end tag finds its element by name, not by searching the open ones: a hidden
    element holding 200 000 open elements and as many end tags of another name ends at
    the first of them, and one holding 200 000 nested ones at its own end."""
    stray = "<div hidden>" + "<div>" * 200_000 + "</span>" * 200_000 + "<p>shown</p>"
    assert _text(stray).split() == ["shown"]
    nested = "<div hidden>" + "<div>" * 200_000 + "</div>" * 200_001 + "<p>shown</p>"
    assert _text(nested).split() == ["shown"]


@pytest.mark.parametrize(
    ("values", "hidden"),
    [
        ({"hidden": ""}, True),
        ({"hidden": "hidden"}, True),
        ({"hidden": "until-found"}, False),
        ({"style": "display:none"}, True),
        ({"style": "color: red; display : none ; "}, True),
        ({"style": "display:none; display:block"}, False),  # the last one holds
        ({"style": "visibility:hidden"}, True),
        ({"style": "overflow:hidden"}, False),
        ({"style": "border:none"}, False),
        ({"class": "hidden"}, False),  # a class's style is in a stylesheet (tested below)
    ],
)
def test_what_hides_an_element(values: dict[str, str], hidden: bool) -> None:
    assert hides("div", values) is hidden


# A stylesheet of the page's own, and an anti-copy letter hidden by its class.
_SHEET = "<html><head><style>{css}</style></head><body><p>依<span {attrs}>k9</span>法</p>"


@pytest.mark.parametrize(
    ("css", "attrs", "shown"),
    [
        (".x7{display:none}", 'class="x7"', "依法"),
        ("span.x7 { display: none !important }", 'class="a x7"', "依法"),
        ("#k { visibility: hidden }", 'id="k"', "依法"),
        (".a, .x7 {color:red; display:none}", 'class="x7"', "依法"),
        ("/* .x7{display:none} */ .y{display:none}", 'class="x7"', "依k9法"),
        # a later rule shows it again; its own style shows it whatever the class says
        (".x7{display:none} .x7{display:inline}", 'class="x7"', "依k9法"),
        (".x7{display:none}", 'class="x7" style="display:inline"', "依k9法"),
        # what cannot be told for sure is read: print styles, other selectors, other tags
        ("@media print { .x7 { display: none } }", 'class="x7"', "依k9法"),
        ("p .x7{display:none}", 'class="x7"', "依k9法"),
        ("span[class=x7]{display:none}", 'class="x7"', "依k9法"),
        ("div.x7{display:none}", 'class="x7"', "依k9法"),
        (".X7{display:none}", 'class="x7"', "依k9法"),  # classes are case-sensitive
        ("@import url(a.css); .x7{display:none}", 'class="x7"', "依法"),
        (".x7{display:none", 'class="x7"', "依k9法"),  # a rule never closed
    ],
)
def test_what_a_pages_own_stylesheet_hides(css: str, attrs: str, shown: str) -> None:
    loaded = extract(_SHEET.format(css=css, attrs=attrs).encode())
    assert loaded.text.strip() == shown


def test_letters_hidden_by_a_class_inside_a_heading_are_left_out() -> None:
    """Anti-copy letters hidden by a class of the page's stylesheet: the heading stays
    what the reader sees; read, it was no heading, and the part was missing."""
    heading = "二、主动公开政府信息情况"
    page = _PAGE.replace(heading, '二、主动<span class="hc">X9</span>公开政府信息情况')
    page = page.replace("</head>", "<style>.hc{display:none}</style></head>", 1)
    assert "<style>.hc" in page
    loaded = extract(page.encode())
    assert heading in loaded.text and "X9" not in loaded.text
    assert _findings(page) == []
    unstyled = page.replace("<style>.hc{display:none}</style>", "")
    assert "X9" in extract(unstyled.encode()).text  # (the class alone hides nothing)


def test_a_stylesheet_is_read_only_so_far() -> None:
    """A stylesheet past the limit is not read: its rules hide nothing."""
    from gilint.loaders.stylesheet import MAX_STYLE_CHARS

    padding = "/*" + "x" * MAX_STYLE_CHARS + "*/"
    page = _SHEET.format(css=padding + ".x7{display:none}", attrs='class="x7"')
    assert extract(page.encode()).text.strip() == "依k9法"
