"""Canonical text and the map back to the user's text."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gilint
from gilint import labels
from gilint.labels import KeyOffsets, compact_key, key_runs, keyed, paragraph_key
from gilint.normalise import TRANSLATION, canonical, normalise
from gilint.testing import LAYOUTS, SEPARATED_LAYOUTS, Layout, render, sample_report

from support import assert_spans


def test_full_width_forms_become_half_width_one_for_one() -> None:
    text = "（一）１２３，ＡＢ　ｘ"
    result = normalise(text)
    assert result.text == "(一)123,AB x"
    assert result.offsets.is_identity


def test_expanding_characters_map_back_to_their_source() -> None:
    text = "a㈠b⑿c"
    result = normalise(text)
    assert result.text == "a(一)b(12)c"
    back = [text[result.offsets.to_loaded(i)] for i in range(len(result.text))]
    assert back == ["a", "㈠", "㈠", "㈠", "b", "⑿", "⑿", "⑿", "⑿", "c"]
    assert result.offsets.to_loaded_end(4) == 2  # the end of "(一)" is the end of ㈠


def test_circled_digits_are_not_turned_into_numbers() -> None:
    # NFKC would make these "1" and "2": phantom table cells
    assert normalise("①¹").text == "①¹"


@given(st.text(alphabet=st.sampled_from([*map(chr, TRANSLATION), "a", "一", " ", "\n", "1"])))
def test_offset_map_is_monotone_and_in_bounds(text: str) -> None:
    result = normalise(text)
    mapped = [result.offsets.to_loaded(i) for i in range(len(result.text))]
    assert mapped == sorted(mapped)
    assert all(0 <= m < len(text) for m in mapped)
    breaks = sum(text.count(end) for end in ("\n", "\u2028", "\u2029"))
    assert result.text.count("\n") == breaks


@given(st.text(alphabet=st.sampled_from([*map(chr, TRANSLATION), "a", "一", " ", "\n", "（"])))
def test_canonical_replaces_exactly_what_the_table_says(text: str) -> None:
    assert canonical(text) == text.translate(TRANSLATION)


@given(st.text())
def test_keyed_agrees_with_compact_key(text: str) -> None:
    key, offsets = keyed(text, 5)
    assert key == compact_key(text)
    assert len(offsets) == len(key)
    assert all(5 <= o < 5 + len(text) for o in offsets)


@given(st.text(alphabet=st.sampled_from(["a", "一", " ", "\n", "“", "”", "1", "、", "*", "\t"])))
def test_key_runs_agree_with_keyed(text: str) -> None:
    key, offsets = keyed(text, 7)
    run_key, starts, targets = key_runs(text)
    runs = KeyOffsets(list(starts), [7 + t for t in targets])
    assert run_key == key
    assert [runs[k] for k in range(len(key))] == offsets


@given(st.text(alphabet=st.sampled_from(["a", "一", " ", "\n", "“", "”", "1", "、", "*", "\t"])))
def test_paragraph_key_agrees_with_keyed(text: str) -> None:
    key, offsets = keyed(text, 11)
    paragraph, runs = paragraph_key(text, 11)
    assert paragraph == key
    assert [runs[k] for k in range(len(key))] == offsets


@given(st.text(alphabet=st.sampled_from(["a", "一", " ", "\n", "”", "1", "2", "、", ".", "*"])))
def test_a_long_text_keyed_slice_by_slice_is_keyed_the_same(text: str) -> None:
    # slices of three characters, so that runs of dropped characters and "1、" are cut
    # by slice ends everywhere: the key is the one read in one piece
    with mock.patch.object(labels, "_SLICE", 3):
        assert compact_key(text) == keyed(text)[0]


def test_the_slices_of_a_long_text_are_as_long_as_shipped() -> None:
    text = ("一 1、“二” " * 20_000)[: labels._SLICE * 2 + 5]
    assert compact_key(text) == keyed(text)[0]


def test_spans_point_at_the_original_characters_after_expansion() -> None:
    text = "一、总体情况\n㈠主动公开情况。本年度公开信息１２条。\n"
    report = gilint.parse(text)
    sub = report.sections[0].subsections[0]
    assert sub.heading.text.startswith("㈠")
    assert sub.heading.span.column == 1
    assert report.source[sub.heading.span.start : sub.heading.span.end] == sub.heading.text


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("inserted", ["\u200b", "㈠"])
def test_parts_and_subsections_end_at_their_last_character_where_lengths_changed(
    layout: Layout, inserted: str
) -> None:
    """A character normalising drops ("\u200b") or writes as three ("㈠" as "(一)") in a
    part's text: each part and subsection ends where its last paragraph or table ends in
    the user's text (its end was the user's offset of a paragraph's end taken as the
    canonical text's and mapped again: past the text's end with a zero-width space
    before the report's last character)."""
    text = render(sample_report("2021", seed=3), layout).text
    text = text.replace("。", "。" + inserted).rstrip("\n") + "本年度无其他需要报告的事项。"
    text = text[:-1] + inserted + text[-1]
    report = gilint.parse(text)
    assert_spans(report)
    for section in report.sections:
        pieces = [*section.paragraphs, *section.tables, *section.subsections]
        last = max([section.heading.span.end, *(p.span.end for p in pieces)])
        # (a table's node may end past its last cell: " |")
        assert section.span.end >= last and not text[last : section.span.end].strip(" |\n")
        for sub in section.subsections:
            ends = [sub.heading.span.end, *(p.span.end for p in (*sub.paragraphs, *sub.tables))]
            assert sub.span.end >= max(ends) and not text[max(ends) : sub.span.end].strip(" |\n")
    assert report.sections[-1].span.end == len(text)


def test_zero_width_characters_are_dropped_and_map_back() -> None:
    text = "a\u200bb\u200c\u200dc\u2060\ufeff"
    result = normalise(text)
    assert result.text == "abc"
    assert [result.offsets.to_loaded(i) for i in range(3)] == [0, 2, 5]
    assert result.offsets.to_loaded_end(2) == 3  # "ab" ends at b, before what was dropped
    assert canonical("1\u200b2") == "12"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_zero_width_characters_in_a_report_are_not_spaces(layout: Layout) -> None:
    """Web pages leave zero-width spaces in their text. Read as spaces they cut a title
    run into web page text ("四、\u200b政府信息公开…") and so lost part 四. Dropped, the
    report reads as it shows."""
    text = render(sample_report("2021", seed=3), layout).text
    zero_width = text.replace("、", "、\u200b").replace("总计", "总\u200b计")
    assert gilint.lint(zero_width, config={}) == []


@pytest.mark.parametrize("layout", SEPARATED_LAYOUTS)
def test_a_zero_width_character_in_a_number_does_not_cut_it(layout: Layout) -> None:
    """ "1\u200b9" shows as 19: one cell, whose span is the user's text, with the
    character in it."""
    text = render(sample_report("2021", seed=3), layout).text
    cell = gilint.parse(text).table("3").row("new").cells[0]  # type: ignore[union-attr]
    at = text.index(cell.raw, text.index("本年新收"))
    broken = text[:at] + cell.raw + "\u200b9" + text[at + len(cell.raw) :]
    assert {f.code for f in gilint.lint(broken, config={})} == {"GI201", "GI203"}
    read = gilint.parse(broken).table("3").row("new").cells[0]  # type: ignore[union-attr]
    assert read.value == int(cell.raw + "9")
    assert broken[read.span.start : read.span.end] == cell.raw + "\u200b9"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_unicode_line_separators_end_lines(layout: Layout, separator: str) -> None:
    """Text taken from a script or a JSON string may break its lines with U+2028 or
    U+2029. Read as characters within one line, every table after the first line of
    its header was one cell or label (GI108 and GI901 errors in most layouts, every part
    missing in some). Now they end lines as ``\\n`` does, and a finding stands at the
    same character as in the text with ``\\n``."""
    data = sample_report("2021", seed=3)
    assert gilint.lint(render(data, layout).text.replace("\n", separator), config={}) == []
    cells = data.tables["3"]["new"]
    wrong = data.with_rows("3", {"new": (str(int(cells[0]) + 1), *cells[1:])})
    text = render(wrong, layout).text
    expected = [(f.code, f.span.start) for f in gilint.lint(text, config={})]
    assert "GI203" in {code for code, _ in expected}
    found = gilint.lint(text.replace("\n", separator), config={})
    assert [(f.code, f.span.start) for f in found] == expected
