"""Any input parses: no exception, no internal error, spans always valid."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import gilint
from gilint.testing import LAYOUTS, render, sample_report

from support import assert_spans

# Characters that matter to the lexer, mixed into arbitrary text.
_REPORTISH = st.sampled_from(
    [
        *"一二三四五六七八九十、（）()0123456789 \t\n|-—/*#。，：年总计第条项",
        "总体情况",
        "主动公开政府信息情况",
        "收到和处理政府信息公开申请情况",
        "行政复议、行政诉讼",
        "存在的主要问题",
        "其他需要报告的事项",
        "第二十条第（一）项",
        "（七）总计",
        "1.属于国家秘密",
        "四、结转下年度继续办理",
        "㈠",
        "⑿",
        "\r",
        "\f",
        "\ufeff",
    ]
)


def _check(report: gilint.Report) -> None:
    assert not [d for d in report.diagnostics if d.code == "internal-error"]
    assert_spans(report)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_arbitrary_text(text: str) -> None:
    _check(gilint.parse(text))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORTISH, max_size=200).map("".join))
@example("六其他需要报告的事项。\ufeff一")  # a part's end past the text's (a dropped character)
def test_report_like_text(text: str) -> None:
    _check(gilint.parse(text))


@settings(max_examples=200)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    _check(gilint.parse(data))


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(LAYOUTS),
    st.sampled_from(["2019", "2021"]),
    st.integers(0, 10_000),
    st.data(),
)
def test_damaged_reports(layout: str, template: str, seed: int, data: st.DataObject) -> None:
    """Real-looking reports with a random slice cut out or duplicated still parse."""
    text = render(sample_report(template, seed=seed), layout).text  # type: ignore[arg-type]
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, min(len(text), a + 400)))
    _check(gilint.parse(text[:a] + text[b:]))
    _check(gilint.parse(text[:b] + text[a:]))


def test_large_inputs_parse() -> None:
    """Inputs of the kinds that made naive parsers quadratic, at a size tests can afford
    (tests/benchmarks/worst_cases.py measures growth at full size)."""
    long_line = "一、总体情况" + "0 " * 100_000
    headings = "\n".join(["三、收到和处理政府信息公开申请情况"] * 2_000)
    spaces = "第二十条" + " " * 50_000 + "第（一）项"
    for text in (long_line, headings, spaces):
        _check(gilint.parse(text))


def test_a_parser_bug_becomes_a_finding_not_a_traceback(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gilint.parsing

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(gilint.parsing, "build_report", broken)
    report = gilint.parse("一、总体情况\n正文。\n")
    assert [d.code for d in report.diagnostics] == ["internal-error"]
    findings = gilint.lint("一、总体情况\n正文。\n", config={"select": ["GI"]})
    assert [(f.code, f.line) for f in findings] == [("GI901", 1)]
    assert "RuntimeError: boom" in findings[0].message


def test_parse_restores_the_garbage_collector() -> None:
    import gc

    assert gc.isenabled()
    gilint.parse("一、总体情况\n正文。\n")
    assert gc.isenabled()
    gc.disable()
    try:
        gilint.parse("一、总体情况\n正文。\n")
        assert not gc.isenabled()  # a caller's choice is left alone
    finally:
        gc.enable()


def test_building_a_linter_restores_the_garbage_collector_even_when_it_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The collector is paused while rules are built (and gilint is imported): a caller's
    choice survives that, and so does a build that raises."""
    import gc

    import gilint.linting
    from gilint.collector import collector_paused

    gilint.Linter()
    assert gc.isenabled()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("plugin host broke")

    monkeypatch.setattr(gilint.linting, "build_registry", broken)
    with pytest.raises(RuntimeError, match="plugin host broke"):
        gilint.Linter()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            with collector_paused():  # nested: the inner one restores "paused"
                pass
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_long_run_of_numbers_is_counted_not_cut_into_cells() -> None:
    """Numbers past a row's columns are a count with the first few as cells: a line of a
    million numbers must not become a million objects."""
    from gilint.lexer import RUN_CELLS, LineLexer, cells_of
    from gilint.templates import NATIONAL

    text = "三、收到和处理政府信息公开申请情况\n（一）予以公开 " + "0 " * 100_000 + "\n"
    lexed = LineLexer(NATIONAL).lex(text)
    blocks = [cells_of(t) for t in lexed.tokens if t.type == "TBLOCK"]
    assert sum(len(line) for lines in blocks for line in lines) <= RUN_CELLS + 3
    report = gilint.parse(text)
    _check(report)
    (row,) = report.table("3").rows  # type: ignore[union-attr]
    assert row.values == (0,) * 7
    assert row.extra_count == 100_000 - 7 and 0 < len(row.extra) <= 16
    (finding,) = [f for f in gilint.lint(text, config={"select": ["GI901"]})]
    assert "多出 99993 个数据" in finding.message and "…" in finding.message


def test_a_long_run_keeps_the_rows_after_it() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n（一）予以公开 "
        + "1 " * 600
        + "\n（二）部分公开（区分处理的，只计这一情形，不计其他情形） 1 0 0 0 0 0 1\n"
    )
    report = gilint.parse(text)
    _check(report)
    rows = {r.id: r for r in report.table("3").rows}  # type: ignore[union-attr]
    assert rows["outcome.disclosed"].extra_count == 593
    assert rows["outcome.partial"].values == (1, 0, 0, 0, 0, 0, 1)


def test_repeats_are_one_finding_with_a_count() -> None:
    rows = "三、收到和处理政府信息公开申请情况\n" + "（七）总计 0 0 0 0 0 0 0\n" * 2_000
    (repeated,) = [f for f in gilint.lint(rows, config={}) if f.code == "GI901"]
    assert "同样的问题共 1999 处" in repeated.message
    assert repeated.line == 3 and len(repeated.related) == 100
    headings = "三、收到和处理政府信息公开申请情况\n" * 2_000
    codes = [f.code for f in gilint.lint(headings, config={})]
    assert codes.count("GI103") == 1 and codes.count("GI107") == 1


def test_distinct_problems_are_not_collapsed() -> None:
    from gilint.testing import render, sample_report

    report = sample_report("2021", seed=2)
    for column in ("natural_person", "commercial"):
        report = report.with_cell("3", "new", column, "x")
    findings = gilint.lint(render(report, "tabs").text, config={"select": ["GI2"]})
    assert all("同样的问题" not in f.message for f in findings)


def _dump(lines: int) -> str:
    """A data export pasted after a report: tab-separated rows of a name and numbers
    (each row 40 characters with its line break)."""
    row = "某某街道办事处\t{}\t{:06d}\t1\t2\t3\t4\t5\n"
    return "".join(row.format(2000 + i % 25, i) for i in range(lines))


def test_table_text_past_the_limit_is_left_unread_and_said_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cutting table text into cells costs memory and time by the character: past
    ``TABLE_TEXT`` characters of table lines a report's tables are read no further (a
    50 MB export would cost gigabytes), and GI901 says from which line."""
    import gilint.lexer

    report_text = render(sample_report("2021", seed=3), "tabs").text
    before = gilint.parse(report_text)
    table_text = sum(t.span.end - t.span.start for t in before.tables())  # (a few thousand)
    monkeypatch.setattr(gilint.lexer, "TABLE_TEXT", table_text + 2_000)
    text = report_text + "\n" + _dump(200)
    report = gilint.parse(text)
    _check(report)
    (limit,) = [d for d in report.diagnostics if d.code == "table-text-limit"]
    first_unread = limit.span.line
    dump_start = report_text.count("\n") + 2
    assert dump_start < first_unread < dump_start + 200
    assert report.source[limit.span.start : limit.span.end].startswith("某某街道办事处\t")
    # the report's own tables are read as before; of the dump, only lines before the limit
    assert [t.rows for t in report.tables()][: len(list(before.tables()))] == [
        t.rows for t in before.tables()
    ]
    read = [r for t in report.tables() for r in t.rows if r.span.line >= dump_start]
    assert read and max(r.span.line for r in read) < first_unread
    findings = gilint.lint(text, config={"select": ["GI901"]})
    assert [f.line for f in findings if "从此行起的表格行未读取" in f.message] == [first_unread]


def test_a_table_run_left_wholly_unread_keeps_its_text_in_the_tree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lexer drops no text: a run of table lines none of which is read is still a
    table block of its section, so the section spans it."""
    import gilint.lexer

    monkeypatch.setattr(gilint.lexer, "TABLE_TEXT", 10)
    text = "一、总体情况\n本机关全年主动公开信息。\n\n" + _dump(5) + "\n二、主动公开政府信息情况\n"
    report = gilint.parse(text)
    _check(report)
    assert [d.code for d in report.diagnostics] == ["table-text-limit"]
    first = report.sections[0]
    spanned = report.source[first.span.start : first.span.end]
    assert spanned.rstrip().endswith("000004\t1\t2\t3\t4\t5")
    assert not list(report.tables())


def test_real_reports_are_far_below_the_table_text_limit() -> None:
    from gilint.lexer import TABLE_TEXT

    for layout in LAYOUTS:
        report = gilint.parse(render(sample_report("2019", seed=1, high=999), layout).text)
        assert not [d for d in report.diagnostics if d.code == "table-text-limit"]
        assert sum(t.span.end - t.span.start for t in report.tables()) * 50 < TABLE_TEXT
