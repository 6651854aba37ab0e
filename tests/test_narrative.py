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


def test_none_received_is_read_in_its_clause_and_of_disclosure_only() -> None:
    # applications of another kind, in the clause before: not the claim, nor its place
    said = "（二）依申请公开情况。全年未收到行政许可申请；全年未接到信息公开申请；发布信息 44 条。"
    report = _with(said)
    (finding,) = _gi6(report)
    text = render(report, "wrapped").text
    assert text[finding.span.start : finding.span.end] == "未接到信息公开申请"
    assert "行政许可" not in finding.message
    # of another kind alone, even under the heading of applications: no claim
    assert _gi6(_with("（二）依申请公开情况。本年度未收到行政许可申请。")) == []
    # who applied, between the words: still disclosure applications
    said = "（二）依申请公开情况。本年度未收到公民、法人或其他组织提出的政府信息公开申请。"
    assert [f.code for f in _gi6(_with(said))] == ["GI603"]
    said = "（五）监督保障情况。本年度没有收到过任何政府信息公开方面的申请。"
    assert [f.code for f in _gi6(_with(said))] == ["GI603"]


@pytest.mark.parametrize(
    "sentence",
    [
        # what was not received is something else: the applications only qualify it
        "本年度未收到政府信息公开申请的投诉举报",
        "本年度未收到政府信息公开申请方面的意见建议",
        "全年未收到因依申请公开答复引起的投诉",
        "本年度未收到申请人对答复不满意的反馈",
        "未收到政府信息公开申请以外的其他申请",
    ],
)
def test_none_received_of_something_the_applications_qualify_is_no_claim(sentence: str) -> None:
    findings = _gi6(_with(f"（二）依申请公开情况。{sentence}。"))
    assert [f for f in findings if f.code == "GI603"] == []


@pytest.mark.parametrize(
    "said",
    [
        "本年度共接到政府信息公开申请 {} 件",
        "全年共收到和办理依申请公开 {} 件",
        "本年度共受理群众申请公开政府信息 {} 件",
    ],
)
def test_applications_received_said_in_other_words(said: str) -> None:
    report = sample_report("2021", seed=5)
    new = int(report.tables["3"]["new"][-1])
    (finding,) = _gi6(_with("（五）监督保障情况。" + said.format(new + 1)))
    assert finding.code == "GI601" and f"（{new}）" in finding.message
    assert _gi6(_with("（五）监督保障情况。" + said.format(new))) == []


@pytest.mark.parametrize("heading", ["（二）依申请公开情况。", "（五）监督保障情况。"])
def test_applications_of_another_kind_are_not_disclosure_applications(heading: str) -> None:
    # the sentence names 公开 for another reason; the applications are of another kind
    for said in (
        "本年度共受理行政许可申请 2345 件，均已按时办结，并及时公开办理结果。",
        "本年度收到低保申请 345 件，审核结果均在村务公开栏公示公开。",
        "通过政务公开专区受理咨询 245 件，收到申请材料 17 件。",
    ):
        assert _gi6(_with(heading + said)) == [], said


def test_applications_of_all_applicants_are_all_applications() -> None:
    report = sample_report("2021", seed=5)
    new = int(report.tables["3"]["new"][-1])
    said = "（五）监督保障情况。本年度受理公民、法人和其他组织提出的政府信息公开申请 {} 件。"
    (finding,) = _gi6(_with(said.format(new + 2)))
    assert finding.code == "GI601" and f"（{new}）" in finding.message
    assert _gi6(_with(said.format(new))) == []
    # of natural persons only: a part of them
    said = "（五）监督保障情况。本年度受理自然人提出的政府信息公开申请 {} 件。"
    assert _gi6(_with(said.format(new + 2))) == []


def test_all_done_while_some_are_carried_forward() -> None:
    (finding,) = _gi6(_with("（二）依申请公开情况。本年度收到的申请均已办结。"))
    assert finding.code == "GI603" and "结转下年度继续办理" in finding.message
    # last year's applications may all be done while this year's are carried forward
    assert _gi6(_with("（二）依申请公开情况。上年结转的申请均已办结。")) == []
    # out of the heading of applications, applications of another kind
    assert _gi6(_with("（五）监督保障情况。本年度群众提出的申请均已办结。")) == []
    said = "（五）监督保障情况。本年度收到的政府信息公开申请均已办结。"
    assert [f.code for f in _gi6(_with(said))] == ["GI603"]
    # in time: still all done
    for said in ("本年度收到的申请均已按期办结。", "申请全部按期答复。"):
        assert [f.code for f in _gi6(_with(f"（二）依申请公开情况。{said}"))] == ["GI603"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_none_carried_forward_while_some_are(layout: str) -> None:
    """ "无结转下年度的申请" while table 三 carries some forward: GI603 at the words, under
    the heading of applications or where the sentence names them; not for last year's,
    a wider area's, another year's or other matters'."""
    carried = int(sample_report("2021", seed=5).tables["3"]["carry_forward"][-1])
    assert carried > 0
    said = "（二）依申请公开情况。申请均在法定期限内办结，无结转下年度的申请。"
    (finding,) = _gi6(_with(said), layout)
    assert finding.code == "GI603" and f"总计为 {carried}" in finding.message
    text = render(_with(said), layout).text  # type: ignore[arg-type]
    assert text[finding.span.start : finding.span.end] == "无结转下年度"
    said = "（五）监督保障情况。本年度没有结转至下一年度办理的政府信息公开申请。"
    assert [f.code for f in _gi6(_with(said), layout)] == ["GI603"]
    for other in (
        "上年无结转下年度的申请。",
        "全县无结转下年度的申请。",
        "2023年无结转下年度的申请。",
        "人大代表建议无结转下年度办理的情况。",
        "本年度无上年结转申请。",
    ):
        assert _gi6(_with(f"（二）依申请公开情况。{other}"), layout) == []
    # the table agreeing: nothing
    cells = ("0",) * 7
    agreeing = _with(said).with_rows("3", {"carry_forward": cells})
    assert [f.code for f in _gi6(agreeing, layout) if f.code == "GI603"] == []


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
    said = "（五）监督保障情况。因政府信息公开被申请行政复议的案件均获维持。"
    (finding,) = _gi6(_with(said))
    assert finding.code == "GI603" and "行政复议" in finding.message
    # all the body's reviews, of which table 四 counts the disclosure ones only
    assert _gi6(_with("（五）监督保障情况。行政复议案件均获维持。")) == []


def test_narrative_sums() -> None:
    fires = _with(
        "（一）主动公开情况。全年共主动公开政府信息 120 条，分别为政策文件 50 条、工作动态 60 条。"
    )
    (finding,) = _gi6(fires)
    assert finding.code == "GI602" and "50+60 合计 110 条" in finding.message
    over = _with(
        "（一）主动公开情况。全年共主动公开政府信息 100 条，其中政策文件 60 条、工作动态 120 条。"
    )
    (finding,) = _gi6(over)
    assert finding.code == "GI602" and "其中一项 120 条，超过总数" in finding.message
    # 其中 parts may overlap (the same item published on several channels)
    channels = _with(
        "（一）主动公开情况。全年共主动公开政府信息 100 条，其中政府网站发布 100 条、"
        "政务微信发布 60 条。"
    )
    assert _gi6(channels) == []
    partial = _with(
        "（一）主动公开情况。全年共主动公开政府信息 120 条，其中政策文件 50 条、工作动态 60 条。"
    )
    assert _gi6(partial) == []  # 其中 names some of the parts only
    exact = _with(
        "（一）主动公开情况。全年共主动公开政府信息 110 条，分别为政策文件 50 条、工作动态 60 条。"
    )
    assert _gi6(exact) == []
    # 分别为 … 等: the list names some of the parts only, as 其中 does
    some = "（一）主动公开情况。全年共发布信息 1234 条，分别为政务动态 500 条、通知公告 {} 条等。"
    assert _gi6(_with(some.format(300))) == []
    (finding,) = _gi6(_with(some.format(1300)))
    assert "其中一项 1300 条，超过总数" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        # a comparison after the list: its number is a difference, not a part
        "全年共收到政府信息公开申请 80 件，分别为自然人申请 70 件、法人申请 10 件，较上年增加 5 件",
        "全年共主动公开政府信息 300 条，分别为政策文件 100 条、工作动态 200 条，同比增长 20 条",
        # a part's own breakdown in brackets
        "全年共公开信息 300 条，分别为：政策文件 100 条（其中规范性文件 20 条）、工作动态 200 条",
        # an ordinal is no part, one number for several parts is not added up
        "全年共召开会议 3 次，分别为第 1 次 1 月、第 2 次 5 月、第 3 次 9 月",
        "全年共开展培训 5 次，分别为春季和秋季各 2 次、冬季 1 次",
    ],
)
def test_what_only_comments_on_a_list_is_no_part_of_it(sentence: str) -> None:
    assert _gi6(_with(f"（一）主动公开情况。{sentence}。")) == []
    # the same list with a part changed is still checked
    changed = sentence.replace(" 10 件", " 11 件").replace(" 200 条", " 201 条")
    if changed != sentence:
        assert [f.code for f in _gi6(_with(f"（一）主动公开情况。{changed}。"))] == ["GI602"]


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
    "disclosed": "经审查办理，予以公开 {} 件",
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


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "sentence",
    [
        "本年度新收政府信息公开申请 {} 件，上年结转 {carried} 件，合计 {both} 件",
        "上年结转 {carried} 件，本年度新收政府信息公开申请 {} 件",
        "本年度新收政府信息公开申请 {} 件，比上年减少 2 件",
    ],
)
def test_new_applications_by_name_beside_last_years(layout: str, sentence: str) -> None:
    """A count of new applications by that name (新收), in a clause of its own, is
    compared even where the sentence speaks of last year's too (it was skipped with the
    whole sentence): the same number says nothing, another is GI601."""
    report = sample_report("2021", seed=5)
    new, carried = (int(report.tables["3"][row][-1]) for row in ("new", "carried_over"))
    for stated, codes in ((new, []), (new + 3, ["GI601"])):
        said = sentence.format(stated, carried=carried, both=stated + carried)
        found = _gi6(_with(f"（二）依申请公开情况。{said}。"), layout)
        assert [f.code for f in found] == codes
        if codes:
            assert f"新收政府信息公开申请 {stated} 件" in found[0].message
            assert f"（{new}）不一致" in found[0].message


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
        "共收到政府信息公开申请不到 999 件",  # a bound
        "共收到政府信息公开申请 999 件以内",
        # a total whose 其中 part says it holds last year's
        "共受理政府信息公开申请 999 件，其中上年结转 5 件",
        # new by name, but said to hold last year's, or with them
        "本年度新收政府信息公开申请 999 件（含上年结转 5 件）",
        "本年度新收政府信息公开申请 999 件，其中上年结转 5 件",
        "本年度新收及上年结转政府信息公开申请 999 件",
        # an outcome of the cases, not their number
        "因政府信息公开被申请行政复议若干件，行政复议维持 999 件",
        # the bodies under this one
        "各部门共收到政府信息公开申请 999 件",
        "本机关下属单位收到政府信息公开申请 999 件",
        # applications of one channel or one kind of applicant: a part of them
        "本年度收到网上申请 999 件，当面申请若干件",
        "全年收到自然人申请 999 件",
        "本年度收到申请人通过信函方式提交的申请 999 件",
        "通过信函方式收到申请 999 件，网上申请若干件",  # the channel before the verb
        "网上收到政府信息公开申请 999 件",
        # under the heading of applications too: what says it speaks of others
        "本机关作为复议机关，全年收到行政复议申请 999 件",
        "全年办理行政复议案件 999 件，其中涉及政府信息公开的若干件",
        "全年共受理各类申请 999 件，其中政府信息公开申请若干件",
        "全年发生行政诉讼案件 999 件，其中涉及政府信息公开的若干件",
        # applications of another kind, other matters, what is made about documents
        "本年度共受理行政许可申请 999 件，并及时公开办理结果",
        "人大代表建议和政协提案共 30 件，结转下年度办理的建议 999 件",
        "结转下年度继续办理的信访件 999 件",
        "共受理政府信息公开申请及咨询 999 件",  # with inquiries, letters and visits
        "本年度收到申请和来信来访 999 件",
        "全年印发行政规范性文件管理办法等制度 999 件",
        # outcomes joined: their number is theirs together
        "予以公开及部分公开 999 件",
        "予以公开和部分公开共 999 件",
        "予以公开、部分公开 999 件",
        "全部或部分公开 999 件",
        "不予公开（含部分公开）999 件",
        "无法提供和不予处理 999 件",
        # a part of the year
        "2024年1至6月收到政府信息公开申请 999 件",
        "一季度共收到政府信息公开申请 999 件",
        "上半年收到政府信息公开申请 999 件，下半年若干件",
        "3月份收到政府信息公开申请 999 件",
        # what the sentence says is not disclosure's
        "本年度共收到行政复议申请 999 件，均为非政府信息公开类",
        "全年发生行政诉讼案件 999 件，均不涉及政府信息公开",
    ],
)
def test_sentences_about_other_things_are_not_bound(sentence: str) -> None:
    assert [
        f for f in _gi6(_with(f"（二）依申请公开情况。{sentence}。")) if f.code == "GI601"
    ] == []


@pytest.mark.parametrize(
    "when", ["2024年1月至12月，", "2024年1月1日至12月31日，", "截至12月31日，", "全年"]
)
def test_a_range_of_months_that_is_the_whole_year_is_the_year(when: str) -> None:
    """ "1月至12月" is the year, not a part of it: the number is compared."""
    findings = _gi6(_with(f"（二）依申请公开情况。{when}共收到政府信息公开申请 999 件。"))
    assert [f.code for f in findings] == ["GI601"]


def test_a_blank_total_beside_numbers_states_no_number() -> None:
    report = sample_report("2021", seed=5)
    said = "（二）依申请公开情况。本年度无法提供 999 件，部分公开 {} 件。"
    rows = [r for r in report.tables["3"] if r.startswith("outcome.unavailable.")]
    blank_totals = report
    for row in rows:  # the rows' totals left blank, their parts filled
        blank_totals = blank_totals.with_cell("3", row, "total", "")
    partial = int(report.tables["3"]["outcome.partial"][-1])
    assert _gi6(_with_data(blank_totals, said.format(partial))) == []
    # a row left blank throughout: nothing happened, and the text says otherwise
    width = len(report.tables["3"]["outcome.partial"])
    nothing = blank_totals.with_rows("3", {"outcome.partial": ("",) * width})
    found = _gi6(_with_data(nothing, said.format(3)), "tabs")  # (its blank cells kept)
    (finding,) = [f for f in found if f.code == "GI601"]
    assert "部分公开" in finding.message and "（0）" in finding.message


def _with_data(report: ReportData, narrative: str) -> ReportData:
    overview = (*report.overview[:1], narrative, *report.overview[2:])
    return attrs.evolve(report, overview=overview)


@pytest.mark.parametrize(
    "sentence",
    [
        # reviews this body decides, or their decisions, not cases against its disclosure
        "本机关作为复议机关，全年收到行政复议申请 999 件",
        "全年办理行政复议案件 999 件，其中涉及政府信息公开的若干件",
        "依法公开行政复议决定书 999 件",
        # applications of every kind
        "全年共受理各类申请 999 件，其中政府信息公开申请若干件",
        # information published of the body's own accord, not applications answered
        "主动予以公开行政处罚决定 999 件",
        "对重大行政决策草案予以公开征求意见 999 件",
        # documents reviewed or filed, not made
        "全年共审核把关制发的规范性文件 999 件",
        # carried forward, of what the sentence does not say
        "本年度 12345 热线工单结转至下年度 999 件",
        "本年度结转至下一年度 999 件",
    ],
)
def test_sentences_of_other_dealings_outside_the_applications_are_not_bound(
    sentence: str,
) -> None:
    """Out of the heading of applications (here 监督保障), a sentence must say itself
    that it speaks of disclosure applications or of the cases about them."""
    assert [f for f in _gi6(_with(f"（五）监督保障情况。{sentence}。")) if f.code == "GI601"] == []


_OUTCOMES = {
    "部分公开": ("outcome.partial", "（二）部分公开"),
    "不予公开": ("outcome.refused", "（三）不予公开"),
    "无法提供": ("outcome.unavailable", "（四）无法提供"),
    "不予处理": ("outcome.not_processed", "（五）不予处理"),
    "其他处理": ("outcome.other", "（六）其他处理"),
}


def _outcome(report: ReportData, group: str) -> int:
    """An outcome's total in table 三: its row's, or its rows' together."""
    rows = report.tables["3"]
    return sum(int(v[-1]) for k, v in rows.items() if k == group or k.startswith(group + "."))


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("words", list(_OUTCOMES))
def test_an_outcome_the_text_counts_is_the_tables(words: str, template: str) -> None:
    """The outcomes of applications in the text against table 三: an outcome of several
    rows (不予公开's eight reasons) against their totals together."""
    report = sample_report(template, seed=5)
    group, title = _OUTCOMES[words]
    value = _outcome(report, group)
    said = lambda n: attrs.evolve(  # noqa: E731
        report, overview=(report.overview[0], f"（二）依申请公开情况。办理结果：{words} {n} 件。")
    )
    assert _gi6(said(value)) == []
    (finding,) = _gi6(said(value + 2))
    assert finding.code == "GI601" and f"“{title}”" in finding.message
    assert f"（{value}）不一致" in finding.message


def test_a_reason_counted_after_its_outcome_is_not_its_outcome() -> None:
    report = _with("（二）依申请公开情况。不予公开属于国家秘密 999 件。")
    assert _gi6(report) == []


def test_an_outcome_with_a_row_missing_is_not_compared() -> None:
    """A row of 不予处理 missing from the table: its rows' sum is not the outcome's."""
    report = sample_report("2021", seed=5)
    value = _outcome(report, "outcome.not_processed")
    said = f"（二）依申请公开情况。办理结果：不予处理 {value} 件。"
    report = attrs.evolve(report, overview=(report.overview[0], said))
    text = render(report, "wrapped").text
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("2.重复申请"))
    repeated = int(report.tables["3"]["outcome.not_processed.repeated"][-1])
    assert repeated > 0
    del lines[at]
    findings = gilint.lint("\n".join(lines), config={"select": ["GI"]})
    assert "GI108" in [f.code for f in findings]
    assert "GI601" not in [f.code for f in findings]


@pytest.mark.parametrize("layout", ["wrapped", "tabs", "markdown", "cells"])
def test_a_sentence_in_part_four_speaks_of_its_cases(layout: str) -> None:
    """In part 四 行政复议 and 行政诉讼 are the disclosure cases table 四 counts; elsewhere
    a sentence must say so (信息公开, 被申请) before it is compared."""
    report = sample_report("2021", seed=5)
    review = _totals(report)["review"]
    text = render(report, layout).text  # type: ignore[arg-type]
    title = "四、政府信息公开行政复议、行政诉讼情况"
    line_end = text.index("\n", text.index(title)) + 1
    for said, codes in ((review + 2, ["GI601"]), (review, [])):
        sentence = f"本年度发生行政复议 {said} 件。"
        in_four = text[:line_end] + sentence + "\n" + text[line_end:]
        assert [f.code for f in gilint.lint(in_four, config={"select": ["GI6"]})] == codes
        # under the heading of applications the cases are theirs too; elsewhere a
        # body's reviews may be any
        applications = _with(f"（二）依申请公开情况。{sentence}")
        assert [f.code for f in _gi6(applications, layout)] == codes
        elsewhere = _with(f"（五）监督保障情况。{sentence}")
        assert _gi6(elsewhere, layout) == []


def test_no_review_applications_is_no_claim_about_disclosure_applications() -> None:
    report = _with("（二）依申请公开情况。本年度未收到政府信息公开行政复议申请。")
    assert _totals(report)["new"] > 0 and _totals(report)["review"] > 0
    # a claim about table 四's reviews, not about table 三's applications
    (finding,) = _gi6(report)
    assert "表四行政复议总计" in finding.message and "表三" not in finding.message


def _no_cases(report: ReportData) -> ReportData:
    """The report with table 四 all zero."""
    return report.with_rows("4", {"cases": ("0",) * len(report.tables["4"]["cases"])})


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_cases_said_while_table_four_has_some(layout: str) -> None:
    said = "（二）依申请公开情况。本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。"
    report = _with(said)
    (finding,) = _gi6(report, layout)
    assert finding.code == "GI603" and "表四行政复议总计为" in finding.message
    text = render(report, layout).text  # type: ignore[arg-type]
    claim = text[finding.span.start : finding.span.end].replace("\n", "")
    assert claim == "未发生因政府信息公开引起的行政复议、行政诉讼"
    assert _gi6(_no_cases(report), layout) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "无一例政府信息公开行政复议被纠错",  # an outcome that was none
        "政府信息公开工作未发生行政复议被纠错的情况",
        "未经行政复议直接提起政府信息公开行政诉讼若干件",  # a kind of suit
        "上年未发生政府信息公开行政复议",  # last year
        "未发生因政府信息公开被纠错的行政复议案件",  # the outcome before the case word
        "没有因政府信息公开引起行政诉讼被判败诉的情况",
        "上半年未发生政府信息公开行政复议",  # a part of the year
        "一季度未收到政府信息公开申请",
        "本年度未发生行政复议，全年行政诉讼案件均与政府信息公开无关",
    ],
)
def test_sentences_that_say_no_outcome_or_another_time_claim_no_cases(sentence: str) -> None:
    findings = _gi6(_with(f"（二）依申请公开情况。{sentence}。"))
    assert [f for f in findings if f.code == "GI603"] == []


def test_no_cases_of_one_kind_is_checked_against_that_kind() -> None:
    report = _with("（二）依申请公开情况。本年度发生政府信息公开行政复议若干件，未发生行政诉讼。")
    (finding,) = [f for f in _gi6(report) if f.code == "GI603"]
    assert "未发生行政诉讼" in finding.message and "表四行政诉讼" in finding.message
    suits_only_zero = list(report.tables["4"]["cases"])
    suits_only_zero[5:] = ["0"] * (len(suits_only_zero) - 5)
    quiet = report.with_rows("4", {"cases": tuple(suits_only_zero)})
    assert [f for f in _gi6(quiet) if f.code == "GI603"] == []
    # outside the heading of applications and part 四, all the body's cases: not compared
    elsewhere = _with("（五）监督保障情况。本年度未发生行政复议和行政诉讼。")
    assert _gi6(elsewhere) == []


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
