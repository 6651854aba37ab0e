"""Images in a web page: which may hold part of the report.

gilint reads no image. A table published as a picture must not be reported missing, so
an image that may hold one is noted, and the rules that conclude from absence do not
run (test_loaders.py). A logo, a button or a QR code holds no part of a report: noting
it would turn those rules off on every page of the site, so the loader tells them apart
by the size the page draws the image at and where it stands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gilint
from gilint.ast import UNREAD_CONTENT
from gilint.config import Config
from gilint.linting import Linter
from gilint.loaders.css import Length, declarations, length
from gilint.loaders.html_text import extract
from gilint.testing import sample_report
from gilint.testing.documents import document, to_html


def _noted(body: str) -> list[str]:
    """The messages of the images noted in a page with ``body``."""
    page = f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
    loaded = extract(page.encode())
    return [p.message for p in loaded.problems if p.code == "unread-image"]


@pytest.mark.parametrize(
    "image",
    [
        '<img src="t.png" width="600" height="320">',
        '<img src="t.png" style="width: 640px; height: 400px">',
        '<img src="t.png" style="width:450pt">',  # 600 pixels; the height not stated
        '<img src="t.png" width="100%">',
        '<img src="t.png">',  # drawn at its own size, which the page does not state
        '<img src="t.png" width="auto" height="auto">',
        '<a href="t.png"><img src="t.png" width="800" height="1000"></a>',  # a larger view
        '<img src="t.png" width="50" style="width: 600px">',  # the style holds
    ],
)
def test_an_image_that_may_be_a_table_is_noted(image: str) -> None:
    (message,) = _noted(f"<p>一、总体情况</p><p>{image}</p>")
    assert message.startswith("网页第 1 行第 ") and "有一幅图片" in message


@pytest.mark.parametrize(
    "image",
    [
        '<img src="seal.png" width="160" height="160">',  # narrower than half the column
        '<img src="line.png" width="600" height="2">',  # a rule line
        '<img src="qr.png" style="width: 120px; height: 120px">',
        '<img src="t.png" width="30%">',
        '<img src="t.png" width="600" height="320" hidden>',
        '<img src="t.png" width="600" height="320" style="display: none">',
        '<img src="t.png" width="600" height="320" style="visibility:hidden">',
        '<a href="/"><img src="logo.png"></a>',  # a link's image of unknown size
        '<header><img src="banner.png" width="1000" height="200"></header>',
        '<nav><img src="menu.png"></nav>',
        '<footer><img src="badge.png"></footer>',
        "<script>document.write('<img src=\"t.png\">')</script>",
    ],
)
def test_a_logo_a_button_or_a_hidden_image_is_not_noted(image: str) -> None:
    assert _noted(f"<p>一、总体情况</p><p>{image}</p>") == []


def test_after_a_link_or_the_header_an_image_of_unknown_size_is_noted_again() -> None:
    assert len(_noted('<header><a href="/"><img src="l.png"></a></header><img src="t.png">')) == 1


def test_an_image_stands_where_the_page_shows_it() -> None:
    """A block of its own between the paragraphs around it, at its line and column; in
    a table cell, noted after the table's rows, with the cell's path."""
    page = (
        "<html><body>\n<p>前文<img src='a.png'>后文</p>\n"
        "<table><tr><td>标签</td><td>\n  <img src='b.png'></td></tr></table>\n<p>末尾</p>"
        "</body></html>"
    )
    loaded = extract(page.encode())
    assert loaded.text.split() == ["前文", "后文", "标签", "末尾"]
    assert loaded.source_map is not None
    first, second = (p for p in loaded.problems if p.code == "unread-image")
    assert loaded.text[: first.offset].strip() == "前文"
    assert loaded.text[first.offset :].split()[0] == "后文"
    assert first.message.startswith("网页第 2 行第 6 列")
    assert loaded.text[: second.offset].split()[-1] == "标签"
    assert loaded.text[second.offset :].split() == ["末尾"]
    place = loaded.source_map.place(second.offset)
    assert place is not None and (place.line, place.column) == (4, 3)
    assert place.path == "table[1]/tr[1]/td[2]"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("600", Length(600)),
        ("600px", Length(600)),
        (" +450pt !important", Length(600)),
        ("2in", Length(192)),
        ("80%", Length(80, percent=True)),
        (".5em", Length(8)),
        ("auto", None),
        ("", None),
        (None, None),
        ("12vw", None),  # a unit of the window, whose size is not known
        ("-5px", None),
    ],
)
def test_lengths_are_read_as_css_states_them(value: str | None, expected: Length | None) -> None:
    assert length(value) == expected


def test_a_style_property_stated_twice_holds_its_last_value() -> None:
    found = declarations("WIDTH: 100px; height:2px;width : 600px ; junk; :x")
    assert found == {"width": "600px", "height": "2px", "": "x"}


def test_past_twenty_images_the_rest_are_one_note() -> None:
    """A page of thousands of image tags is one more thing to know, not thousands of
    lines of output: twenty are noted where they stand, the rest in one note at the
    first of them."""
    from gilint.loaders import UNREAD_NOTES

    page = "<html><body><p>一、总体情况</p>" + "".join(
        f'\n<p><img src="{n}.png"></p>' for n in range(UNREAD_NOTES + 5)
    )
    loaded = extract(page.encode())
    notes = [p for p in loaded.problems if p.code in UNREAD_CONTENT]
    assert [p.code for p in notes] == ["unread-image"] * UNREAD_NOTES + ["unread-more"]
    assert all("有一幅图片" in p.message for p in notes[:-1])
    assert "从此处起还有 5 幅" in notes[-1].message
    assert loaded.source_map is not None
    place = loaded.source_map.place(notes[-1].offset)
    assert place is not None and place.line == UNREAD_NOTES + 2


def test_an_image_above_the_reports_title_is_none_of_the_report() -> None:
    """A site's logo of unknown size above the article's title is not noted; the same
    image below the title is noted (info), and, since the report lacks nothing, no rule
    had a conclusion to withhold."""
    page = to_html(document(sample_report("2021", seed=4))).decode()
    title = page.index("<p>", page.index("</div>"))
    logo = '<div class="logo"><img src="/images/site.png"></div>'
    linter = Linter(Config(select=("GI",)))

    def findings(html: str) -> list[tuple[str, str]]:
        report = linter.parse_loaded(extract(html.encode()))
        return [(f.code, f.severity.value) for f in linter.check(report)]

    assert findings(page) == []
    assert findings(page[:title] + logo + page[title:]) == []
    below = page.index("<p>一、总体情况")
    assert findings(page[:below] + logo + page[below:]) == [("GI901", "info")]


def test_an_image_after_characters_normalising_resizes_is_noted_at_its_place(
    tmp_path: Path,
) -> None:
    """A loader's notes are offsets into the loaded text. They were placed as offsets
    into the canonical text, which "㈠" (read as "(一)") lengthens and a zero-width space
    (dropped) shortens: the note stood characters away from the image."""
    page = tmp_path / "report.html"
    body = "<p>㈠㈠㈠ 前文\u200b\u200b<img src='a.png'>后文</p><p>一、总体情况</p>"
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    report = gilint.parse(page)
    (note,) = (d for d in report.diagnostics if d.code == "unread-image")
    # (the image stands on a line of its own, between the words around it)
    assert report.source[note.span.start :].lstrip("\n").startswith("后文")
    assert report.source[: note.span.start].rstrip("\n").endswith("前文\u200b\u200b")
