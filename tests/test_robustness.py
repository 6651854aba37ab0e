"""Any input parses: no exception, no internal error, spans always valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
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
