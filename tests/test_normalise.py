"""Canonical text and the map back to the user's text."""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

import gilint
from gilint import labels
from gilint.labels import KeyOffsets, compact_key, key_runs, keyed, paragraph_key
from gilint.normalise import TRANSLATION, canonical, normalise


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
    assert result.text.count("\n") == text.count("\n")


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
