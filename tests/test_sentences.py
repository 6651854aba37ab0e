"""``Report.sentences``: the prose split into sentences once, for every rule that reads
sentences (GI601–GI603 and plugins), each sentence placed back on the text it came from."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gilint
from gilint.testing import LAYOUTS, render, sample_report

_ENDS = "。；;！!？?"


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=8, deadline=None)
@given(seed=st.integers(0, 10_000), template=st.sampled_from(["2019", "2021"]))
def test_every_sentence_spans_its_own_text(layout: str, seed: int, template: str) -> None:
    text = render(sample_report(template, seed=seed), layout).text  # type: ignore[arg-type]
    report = gilint.parse(text)
    sentences = report.sentences
    assert sentences, "a sample report has prose"
    previous = -1
    for sentence in sentences:
        span = sentence.span(0, len(sentence.text))
        # the text under the span is the sentence, but for the line breaks taken out
        assert text[span.start : span.end].replace("\n", "") == sentence.text
        assert not any(end in sentence.text for end in _ENDS)
        assert span.start > previous  # in text order
        previous = span.start
        # any piece of it is placed as exactly
        if len(sentence.text) > 4:
            piece = sentence.span(2, len(sentence.text) - 1)
            assert text[piece.start : piece.end].replace("\n", "") == sentence.text[2:-1]


def test_a_wrapped_sentence_keeps_its_line_breaks_out_of_its_text() -> None:
    report = gilint.parse(
        "示例县2024年政府信息公开工作年度报告\n\n一、总体情况\n\n"
        "本年度共主动公开政府信\n息 120 条。其余\n略。\n"
    )
    texts = [s.text for s in report.sentences]
    assert "本年度共主动公开政府信息 120 条" in texts
    sentence = next(s for s in report.sentences if s.text.startswith("本年度"))
    assert sentence.cuts == (11,)
    span = sentence.span(sentence.text.index("息"), sentence.text.index("条") + 1)
    assert report.source[span.start : span.end] == "息 120 条"
    assert span.line == 6 and span.column == 1


def test_the_split_is_made_once_however_many_rules_read_it() -> None:
    report = gilint.parse(render(sample_report("2021", seed=3)).text)
    assert report.sentences is report.sentences


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_sentence_knows_the_part_it_stands_in(layout: str) -> None:
    text = render(sample_report("2021", seed=3), layout).text  # type: ignore[arg-type]
    report = gilint.parse(text)
    for sentence in report.sentences:
        holding = [s for s in report.sections if s.span.start <= sentence.start < s.span.end]
        assert sentence.part == (holding[0].part if holding else None), sentence.text
    parts = {s.part for s in report.sentences}
    assert {"一", "五", "六"} <= parts, parts
