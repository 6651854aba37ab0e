"""Web pages with broken markup: read as a browser shows them, never a traceback.

The standard library's parser raised AssertionError on some declarations (``<![`` and
a stray character), and gave markup that never ends (a tag, a comment, a declaration
left open to the end of the page) to the text, trying again at every ``<`` of the rest:
quadratic time, 13 s for 40 KB of ``<a`` lines. A browser hides such a tail inside the
open tag or comment; so does the loader now, in one pass. A charset that names one of
Python's own codecs (punycode decodes in quadratic time) is ignored, as a browser
ignores a label it does not know."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gilint.loaders.html_text import _Extractor, extract
from gilint.testing import sample_report
from gilint.testing.documents import document, to_html

from support import run_gilint

_PAGE = "<html><body><p>一、总体情况</p><p>本机关主动公开信息。</p>"
_SHOWN = "一、总体情况\n\n本机关主动公开信息。"


def _text(page: str) -> str:
    return extract(page.encode()).text.strip()


@pytest.mark.parametrize(
    "declaration", ["<![<![ x>", "<![ 1]>", "<![$>", '<!["x"]>', "<![-- >", "<![CDATA[ x ]]>"]
)
def test_a_declaration_the_parser_cannot_name_is_a_comment(declaration: str) -> None:
    """``<![`` is a bogus comment up to the next ``>``. The standard library's parser
    raised AssertionError on all but the last of these."""
    page = _PAGE + declaration + "<p>二、主动公开政府信息情况</p></body></html>"
    assert _text(page) == _SHOWN + "\n\n二、主动公开政府信息情况"


@pytest.mark.parametrize(
    "tail",
    [
        "<a href='x",  # a tag whose quoted attribute never ends
        "<p\n",  # a tag cut short
        "</bo",  # an end tag cut short
        "<!-- 注释没有结束 <p>看不见</p>",
        "<!-- a> <p>看不见</p>",  # a '>' that does not end a comment
        "<? 处理指令 看不见",
        "<!DOCTYPE html 看不见",
        "<![CDATA[ 看不见",
        "<![if x ] 看不见",
    ],
)
def test_markup_that_never_ends_hides_the_rest_of_the_page(tail: str) -> None:
    assert _text(_PAGE + tail) == _SHOWN


def test_word_conditional_sections_leave_their_text() -> None:
    """Word saves its list numbers between ``<![if !supportLists]>`` and ``<![endif]>``;
    each is a bogus comment to its ``>``, so the number stays, as a browser shows it."""
    page = _PAGE + "<p><![if !supportLists]>（一）<![endif]>主动公开</p>"
    assert _text(page) == _SHOWN + "\n\n（一）主动公开"


def test_markup_that_ends_further_on_is_read_as_before() -> None:
    """Only markup open to the end of the page is hidden: a comment, a tag and a
    declaration that end later leave the text after them."""
    page = _PAGE + "<!-- 注释 -->" + "<a\nhref='x'>链接</a>" + "<!DOCTYPE html><p>末段</p>"
    assert _text(page) == _SHOWN + "\n\n链接\n\n末段"


@pytest.mark.parametrize(
    "unit", ["<a\n", "<a x='", "<!--", "<p>x<!--", "<!-- a>", "</", "<![CDATA[ a", "<?"]
)
def test_a_tail_of_open_markup_is_searched_once(unit: str) -> None:
    """The open construct is parsed twice (when the page is fed, and when it is
    closed), not once more for every ``<`` after it; none of it becomes text."""
    tries = 0

    class Counting(_Extractor):
        def _to_end(self, end: int) -> int:
            nonlocal tries
            tries += end < 0
            return super()._to_end(end)

        def handle_data(self, data: str) -> None:
            assert "<" not in data, "open markup passed on as text"
            super().handle_data(data)

    extractor = Counting()
    extractor.feed(_PAGE + unit * 5_000)
    extractor.close()
    assert tries == 2 and extractor.rawdata == ""


def _in_order(texts: list[str], within: str) -> bool:
    at = 0
    for text in texts:
        at = within.find(text, at)
        if at < 0:
            return False
        at += len(text)
    return True


@pytest.mark.parametrize("year", ["2019", "2021"])
@pytest.mark.parametrize("one_line", [False, True])
def test_well_formed_pages_are_read_whole(year: str, one_line: bool) -> None:
    """Every paragraph and every cell of a page that ends all it opens is read, in
    order: nothing of it is hidden."""
    doc = document(sample_report(year, seed=3))
    texts = []
    for block in doc.blocks:
        if block.paragraph is not None:
            texts.append(" ".join(block.paragraph.split()))
        else:
            texts.extend(c.text for row in block.rows for c in row if c is not None and c.text)
    assert len(texts) > 100
    assert _in_order(texts, extract(to_html(doc, one_line=one_line)).text)


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<td rowspan=2>",
        "<td rowspan=0>",
        "</td>",
        "<tbody>",
        "</tbody>",
        "<thead>",
        "<img src=x>",
        '<img style="width:90%;height:1e9px">',
        "<header>",
        "</header>",
        "</a>",
        '<a href="x.pdf">',
        '<iframe src="http://[">',
        "<tr>",
        "<table>",
        "</table>",
        "一",
        " ",
        "\n",
        "<!--",
        "-->",
        "--!>",
        "<!",
        "<![",
        "<![CDATA[",
        "<![if !supportLists]>",
        "]]>",
        "]>",
        "<?",
        "<",
        "</",
        ">",
        "'",
        '"',
        "=",
        "<a ",
        "<script>",
        "</script>",
        "&amp;",
        "&",
        "<!DOCTYPE html>",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_markup_is_read_without_an_error(markup: str) -> None:
    loaded = extract(("<html><body>" + markup).encode())
    for piece in loaded.source_map.pieces if loaded.source_map else ():
        assert piece.place is not None and piece.place.line >= 1


def test_a_page_that_broke_the_parser_is_checked(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(_PAGE + "<![<![ x</body></html>", "utf-8")
    result = run_gilint("check", "page.html", "--isolated", cwd=tmp_path)
    assert "Traceback" not in result.stderr and result.stderr == ""
    assert result.returncode == 1 and "page.html:" in result.stdout
    assert "GI902" not in result.stdout  # its part heading was read


@pytest.mark.parametrize("charset", ["punycode", "unicode_escape", "idna", "rot13", "no-such"])
@pytest.mark.parametrize(
    "body", ["<p>一、总体情况</p><p>路径 C:\\u4e00 照录。</p>", "<p>Annual report</p>"]
)
def test_a_charset_that_is_no_page_encoding_is_ignored(charset: str, body: str) -> None:
    """(punycode raised UnicodeError on a page of ASCII, which ended the run.)"""
    page = f'<html><head><meta charset="{charset}"></head><body>{body}</body></html>'
    loaded = extract(page.encode("utf-8"))
    assert loaded.encoding in ("utf-8", "ascii")
    assert loaded.text.strip() == "\n\n".join(re.findall("<p>(.*?)</p>", body))


@pytest.mark.parametrize("charset", ["gb2312", "GBK", "big5", "windows-1252", "utf-8"])
def test_a_page_encoding_named_by_its_charset_is_used(charset: str) -> None:
    text = {"windows-1252": "Café", "big5": "一、總體情況"}.get(charset, "一、总体情况")
    page = f'<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'
    codec = "gb18030" if charset.lower() in ("gb2312", "gbk") else charset
    loaded = extract(page.encode(codec))
    assert loaded.encoding == codec and loaded.text.strip() == text
