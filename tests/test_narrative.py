"""GI602 and GI603: the text against itself and against the tables. Precision first:
they fire on a contradiction and on nothing else (the corpus, every correct fixture,
generated narratives that agree)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gilint
from gilint.testing import LAYOUTS, ReportData, render, sample_report

from conftest import CORPUS


def _with(narrative: str, **cells: str) -> ReportData:
    report = sample_report("2021", seed=5)
    for key, value in cells.items():
        table, row, column = key.split("__")
        report = report.with_cell(table, row.replace("_", "."), column.replace("-", "_"), value)
    overview = (*report.overview[:1], narrative, *report.overview[2:])
    return attrs.evolve(report, overview=overview)


def _gi6(report: ReportData, layout: str = "wrapped") -> list[gilint.Finding]:
    text = render(report, layout).text  # type: ignore[arg-type]
    return gilint.lint(text, config={"select": ["GI6"]})


@pytest.mark.parametrize("layout", LAYOUTS)
def test_none_received_while_table_three_has_some(layout: str) -> None:
    report = _with("（二）依申请公开情况。本年度本机关未收到政府信息公开申请。")
    (finding,) = _gi6(report, layout)
    assert finding.code == "GI603" and "未收到政府信息公开申请" in finding.message
    text = render(report, layout).text  # type: ignore[arg-type]
    assert text[finding.span.start : finding.span.end] == "未收到政府信息公开申请"


def test_all_done_while_some_are_carried_forward() -> None:
    (finding,) = _gi6(_with("（二）依申请公开情况。本年度收到的申请均已办结。"))
    assert finding.code == "GI603" and "结转下年度继续办理" in finding.message
    # last year's applications may all be done while this year's are carried forward
    assert _gi6(_with("（二）依申请公开情况。上年结转的申请均已办结。")) == []


def test_all_upheld_only_for_the_groups_the_sentence_names() -> None:
    report = sample_report("2021", seed=5)
    values = dict(
        zip(
            ["review.upheld", "review.corrected", "review.other", "review.pending", "review.total"],
            report.tables["4"]["cases"][:5],
            strict=True,
        )
    )
    assert int(values["review.corrected"]) + int(values["review.pending"]) > 0
    (finding,) = _gi6(_with("（五）监督保障情况。行政复议案件均获维持。"))
    assert finding.code == "GI603" and "行政复议" in finding.message


def test_narrative_sums() -> None:
    fires = _with(
        "（一）主动公开情况。全年共主动公开政府信息 120 条，分别为政策文件 50 条、工作动态 60 条。"
    )
    (finding,) = _gi6(fires)
    assert finding.code == "GI602" and "50+60 合计 110 条" in finding.message
    over = _with(
        "（一）主动公开情况。全年共主动公开政府信息 100 条，其中政策文件 60 条、工作动态 50 条。"
    )
    assert [f.code for f in _gi6(over)] == ["GI602"]
    partial = _with(
        "（一）主动公开情况。全年共主动公开政府信息 120 条，其中政策文件 50 条、工作动态 60 条。"
    )
    assert _gi6(partial) == []  # 其中 names some of the parts only
    exact = _with(
        "（一）主动公开情况。全年共主动公开政府信息 110 条，分别为政策文件 50 条、工作动态 60 条。"
    )
    assert _gi6(exact) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 500), min_size=2, max_size=5), st.integers(0, 3), st.data())
def test_narratives_that_agree_give_nothing(
    parts: list[int], drop: int, data: st.DataObject
) -> None:
    """A total with all its parts (分别为), or with some of them (其中), never fires."""
    units = data.draw(st.sampled_from(["条", "件", "次"]))
    listed = "、".join(f"第{i}类 {n} {units}" for i, n in enumerate(parts, 1))
    exhaustive = f"（一）主动公开情况。全年共发布信息 {sum(parts)} {units}，分别为{listed}。"
    some = "、".join(
        f"第{i}类 {n} {units}" for i, n in enumerate(parts[: len(parts) - drop or 1], 1)
    )
    partial = f"（一）主动公开情况。全年共发布信息 {sum(parts)} {units}，其中{some}。"
    layout = data.draw(st.sampled_from(LAYOUTS))
    assert _gi6(_with(exhaustive), layout) == []
    assert _gi6(_with(partial), layout) == []


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(LAYOUTS))
def test_statements_that_agree_with_the_tables_give_nothing(seed: int, layout: str) -> None:
    """Generated reports whose text says only what their tables show."""
    report = sample_report("2021", seed=seed)
    new = int(report.tables["3"]["new"][-1])
    carried = int(report.tables["3"]["carry_forward"][-1])
    said = []
    said.append("本年度未收到政府信息公开申请。" if new == 0 else f"本年度新收申请 {new} 件。")
    if carried == 0:
        said.append("本年度收到的申请均已办结。")
    report = attrs.evolve(report, overview=(*report.overview, "（六）" + "".join(said)))
    assert _gi6(report, layout) == []


def test_the_corpus_and_the_fixtures_give_nothing() -> None:
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures" / "reports"
    files = [*sorted(fixtures.glob("*.txt")), *sorted(Path("docs/examples").glob("*.txt"))]
    if CORPUS.is_dir():
        files += sorted(CORPUS.glob("*.txt"))
    assert files
    for path in files:
        assert gilint.lint(path, config={"select": ["GI6"]}) == [], path


def _totals(report: ReportData) -> dict[str, int]:
    t3, t4 = report.tables["3"], report.tables["4"]["cases"]
    return {
        "new": int(t3["new"][-1]),
        "disclosed": int(t3["outcome.disclosed"][-1]),
        "carried": int(t3["carry_forward"][-1]),
        "review": int(t4[4]),
        "suit": int(t4[9]) + int(t4[14]),
        "normative": int(report.tables["2.1"]["normative_documents"][0]),
    }


_SENTENCES = {
    "new": "全年共收到政府信息公开申请 {} 件",
    "disclosed": "经审查予以公开 {} 件",
    "carried": "结转下年度继续办理 {} 件",
    "review": "因政府信息公开被申请行政复议 {} 件",
    "suit": "被提起行政诉讼 {} 件",
    "normative": "本年度制发行政规范性文件 {} 件",
}


@pytest.mark.parametrize("what", list(_SENTENCES))
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_number_that_differs_from_its_cell(what: str, layout: str) -> None:
    value = _totals(sample_report("2021", seed=5))[what]
    sentence = _SENTENCES[what].format(value + 3)
    (finding,) = _gi6(_with(f"（二）依申请公开情况。{sentence}。"), layout)
    assert finding.code == "GI601" and f"（{value}）不一致" in finding.message
    text = render(_with(f"（二）依申请公开情况。{sentence}。"), layout).text  # type: ignore[arg-type]
    bound = text[finding.span.start : finding.span.end].replace("\n", "")
    assert bound.endswith(f"{value + 3} 件") and bound in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年共收到政府信息公开申请 999 件",  # another year
        "全县共收到政府信息公开申请 999 件",  # the whole county
        "上年结转的申请 999 件",  # last year's
        "共收到申请若干件，其中予以公开 999 件",  # a 其中 part
        "共收到政府信息公开申请 10 余件",  # an approximation
        "共收到政府信息公开申请约 999 件",
        "共收到政府信息公开申请 3-5 件",  # a range
    ],
)
def test_sentences_about_other_things_are_not_bound(sentence: str) -> None:
    assert [
        f for f in _gi6(_with(f"（二）依申请公开情况。{sentence}。")) if f.code == "GI601"
    ] == []


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(LAYOUTS), st.data())
def test_numbers_that_agree_with_the_tables_give_nothing(
    seed: int, layout: str, data: st.DataObject
) -> None:
    report = sample_report("2021", seed=seed)
    totals = _totals(report)
    chosen = data.draw(st.lists(st.sampled_from(list(_SENTENCES)), min_size=1, unique=True))
    text = "，".join(_SENTENCES[w].format(totals[w]) for w in chosen)
    report = attrs.evolve(report, overview=(*report.overview, f"（六）{text}。"))
    assert _gi6(report, layout) == []


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_sentence_cut_by_a_subsection_title_is_read_whole(layout: str) -> None:
    # "（二）全年共……120 条，" reads as a subsection title up to the comma; the sentence
    # goes on in the paragraph, and its parts are checked against its total
    report = _with("（二）全年共主动公开政府信息 120 条，分别为政策文件 50 条、工作动态 60 条。")
    assert [f.code for f in _gi6(report, layout)] == ["GI602"]
    agree = _with("（二）全年共主动公开政府信息 110 条，分别为政策文件 50 条、工作动态 60 条。")
    assert _gi6(agree, layout) == []
