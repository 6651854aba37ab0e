"""Word's list numbering: a heading whose ordinal Word draws from a list (一、, （一）) is
read with its ordinal, as the user sees it, and the labels count as Word counts them."""

from __future__ import annotations

import io

import pytest

import gilint
from gilint.config import Config
from gilint.loaders.docx_numbering import ListNumbering, formatted
from gilint.parsing import read_with
from gilint.testing import sample_report
from gilint.testing.documents import document, to_docx

docx = pytest.importorskip("docx", reason="the test extra installs python-docx")
from docx.oxml import parse_xml  # noqa: E402

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = f'xmlns:w="{_W}"'


@pytest.mark.parametrize(
    ("n", "form", "drawn"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (99, "chineseCounting", "九十九"),
        (100, "chineseCounting", "100"),
        (3, "chineseLegalSimplified", "叁"),
        (2, "ideographTraditional", "乙"),
        (3, "decimal", "3"),
        (3, "decimalZero", "03"),
        (3, "decimalEnclosedCircle", "③"),
        (3, "decimalEnclosedParen", "⑶"),
        (28, "upperLetter", "BB"),
        (4, "lowerLetter", "d"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (10**8, "upperLetter", "100000000"),  # no letter repeated millions of times
        (5, "none", ""),
        (5, "a format gilint does not know", "5"),
    ],
)
def test_numbers_are_drawn_as_word_draws_them(n: int, form: str, drawn: str) -> None:
    assert formatted(n, form) == drawn


def _numbering(*lists: str) -> object:
    return parse_xml(f"<w:numbering {_NS}>{''.join(lists)}</w:numbering>")


_TWO_LEVELS = (
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/><w:pStyle w:val="Sub"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%3"/><w:isLgl/></w:lvl>'
    "</w:abstractNum>"
    '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="7"><w:abstractNumId w:val="1"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
)


def _p(number: str | None = None, level: str | None = None, style: str | None = None) -> object:
    props = ""
    if style is not None:
        props += f'<w:pStyle w:val="{style}"/>'
    if number is not None or level is not None:
        props += "<w:numPr>"
        props += f'<w:ilvl w:val="{level}"/>' if level is not None else ""
        props += f'<w:numId w:val="{number}"/>' if number is not None else ""
        props += "</w:numPr>"
    return parse_xml(f"<w:p {_NS}><w:pPr>{props}</w:pPr><w:r><w:t>x</w:t></w:r></w:p>")


def test_levels_count_and_restart_as_word_counts_them() -> None:
    numbering = ListNumbering(_numbering(_TWO_LEVELS), None)
    labels = [
        numbering.label(p)
        for p in (
            _p("5", "0"),
            _p("5", "1"),
            _p("5", "1"),
            _p(),  # not numbered: no label, no count
            _p("6", "0"),  # another list of the same definition goes on counting
            _p("5", "1"),  # a lower level starts again under a new higher one
            _p("5", "2"),  # legal numbering: every level in digits
            _p("0", "0"),  # numbering taken off
            _p("7", "0"),  # a list that starts afresh at 4
            _p("7", "0"),
            _p("5", "0"),  # the first lists' count is theirs
        )
    ]
    assert labels == [
        "一、",
        "（一）",
        "（二）",
        "",
        "二、",
        "（一）",
        "2.1 ",
        "",
        "四、",
        "五、",
        "三、",
    ]


def test_a_style_numbers_its_paragraphs() -> None:
    styles = parse_xml(
        f"<w:styles {_NS}>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
        '<w:style w:type="paragraph" w:styleId="Part">'
        '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="PartBold"><w:basedOn w:val="Part"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Sub">'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        "</w:styles>"
    )
    numbering = ListNumbering(_numbering(_TWO_LEVELS), styles)
    labels = [
        numbering.label(p)
        for p in (
            _p(style="Part"),
            _p(style="Sub"),  # the level whose pStyle is the paragraph's style
            _p(style="PartBold"),  # numbering inherited through basedOn
            _p(style="Normal"),
            _p(level="1", style="Part"),  # the paragraph's own level over its style's
        )
    ]
    assert labels == ["一、", "（一）", "二、", "", "（一）"]


def test_a_label_pattern_longer_than_any_word_draws_is_not_drawn() -> None:
    """A crafted pattern drawn before every paragraph would multiply the text."""
    long = (
        '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%1{"、" * 5000}"/></w:lvl>'
        "</w:abstractNum>"
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    )
    assert ListNumbering(_numbering(long), None).label(_p("3", "0")) == ""


def test_a_definition_linked_to_a_list_style_draws_the_styles_levels() -> None:
    """Word's list styles: one definition holds the levels, another only points to the
    style (w:numStyleLink), and lists of either count together."""
    definitions = (
        '<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="Parts"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Parts"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    )
    styles = parse_xml(
        f"<w:styles {_NS}>"
        '<w:style w:type="numbering" w:styleId="Parts">'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        "</w:styles>"
    )
    numbering = ListNumbering(_numbering(definitions), styles)
    assert [numbering.label(_p(n, "0")) for n in ("2", "2", "1")] == ["一、", "二、", "三、"]


def test_a_document_without_numbering_reads_as_before() -> None:
    numbering = ListNumbering(None, None)
    assert numbering.label(_p("5", "0")) == ""


def test_a_bullet_draws_nothing() -> None:
    bullets = (
        '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    )
    assert ListNumbering(_numbering(bullets), None).label(_p("3", "0")) == ""


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_report_whose_headings_word_numbers_reads_as_one_that_types_them(seed: int) -> None:
    doc = document(sample_report("2021", seed=seed))
    numbered = to_docx(doc, numbered=True)
    word = docx.Document(io.BytesIO(numbered))
    texts = [p.text for p in word.paragraphs]
    assert "总体情况" in texts and "一、总体情况" not in texts  # the ordinals are Word's
    typed = read_with(None, to_docx(doc), "typed.docx")
    drawn = read_with(None, numbered, "drawn.docx")
    assert drawn.text == typed.text
    assert gilint.Linter(Config()).lint(numbered, "drawn.docx") == []
