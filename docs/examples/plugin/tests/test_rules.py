"""The plugin's own tests, written with gilint.testing only."""

from __future__ import annotations

from pathlib import Path

import attrs
import gilint
import pytest
from gilint.testing import assert_findings, lint_text, load_cases, render, run_case, sample_report
from gilint.testing.strategies import rendered_reports
from hypothesis import given, settings
from hypothesis import strategies as st

from gilint_example_province import gilint_templates
from gilint_example_province.rules import RULES, ProblemsWithoutImprovements

CASES = load_cases(Path(__file__).with_name("cases.toml"))


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case) -> None:  # type: ignore[no-untyped-def]
    run_case(case, rules=RULES)


@settings(max_examples=40, deadline=None)
@given(rendered_reports())
def test_xa002_quiet_on_every_valid_report(case) -> None:  # type: ignore[no-untyped-def]
    assert lint_text(case.text, rules=[ProblemsWithoutImprovements]) == []


@settings(max_examples=40, deadline=None)
@given(rendered_reports(), st.sampled_from(["问题", "改进"]))
def test_xa002_fires_when_a_subsection_goes(case, word) -> None:  # type: ignore[no-untyped-def]
    kept = tuple(p for p in case.data.problems if word not in p.split("。")[0])
    text = render(attrs.evolve(case.data, problems=kept), case.rendered.layout).text  # type: ignore[arg-type]
    line = next(i for i, s in enumerate(text.split("\n"), 1) if "存在的主要问题及改进情况" in s)
    assert_findings(text, [("XA002", line)], rules=[ProblemsWithoutImprovements])


def test_the_plugin_is_registered() -> None:
    rules = {f.code for f in gilint.lint(render(sample_report(), "wrapped").text, config={})}
    assert "XA001" in rules  # the sample report has no contact sentence


def test_province_template_reads_its_own_table() -> None:
    (template,) = gilint_templates()
    text = render(sample_report(), "wrapped").text
    extra = (
        "第二十条第（十三）项\n信息内容 本年发布数量 现行有效数量\n\n突发公共事件应急预案 2 5\n\n"
    )
    text = text.replace("三、收到和处理", extra + "三、收到和处理")
    report = gilint.Linter().parse(text)
    table = report.table("2.13")
    assert table is not None and table.template == template.id
    assert [c.value for c in table.row("emergency_plans").cells] == [2, 5]  # type: ignore[union-attr]
