"""The rule authors' API: one way to walk the report, and visitor rules.

A rule written the obvious way (loop over ``section.paragraphs``) must see every
paragraph of the part, its subsections' included; a visitor rule gets every node of the
types it names, with where the node stands, from one walk for all such rules."""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import gilint
from gilint.ast import Cell, Container, Heading, Paragraph, Report, Row, Section, Table
from gilint.findings import Finding, Severity
from gilint.linting import Linter
from gilint.plugins import Registry, RuleEntry, build_registry
from gilint.rule import Rule, VisitContext
from gilint.testing import render, sample_report

from conftest import CORPUS


class NaiveWeChat(Rule):
    """测试用规则。"""

    code = "XW001"
    name = "naive-wechat"
    summary = "Paragraphs that mention 微信, found by looping over section.paragraphs."

    def check(self, report: Report) -> Iterator[Finding]:
        for section in report.sections:
            for paragraph in section.paragraphs:
                if "微信" in paragraph.text:
                    yield self.finding(paragraph, f"第 {paragraph.span.line} 行提到微信")


class VisitingWeChat(Rule):
    """测试用规则。"""

    code = "XW002"
    name = "visiting-wechat"
    summary = "Paragraphs that mention 微信, found by visiting paragraphs."
    visits = (Paragraph,)

    def visit_paragraph(self, node: Paragraph, context: VisitContext) -> Iterator[Finding]:
        if "微信" in node.text:
            yield self.finding(node, f"第{context.part}部分第 {node.span.line} 行提到微信")


def _registry_with(rules: tuple[type[Rule], ...]) -> Registry:
    """The built-in registry with ``rules`` added, as a plugin would add them."""
    registry = build_registry(())
    return attrs.evolve(registry, rules=(*registry.rules, *(RuleEntry(r, "test") for r in rules)))


def _corpus_002() -> Path:
    found = sorted(CORPUS.glob("002_*.txt")) if CORPUS.is_dir() else []
    if not found:
        pytest.skip("the shared corpus is not here")
    return found[0]


def test_the_naive_rule_finds_every_paragraph_that_mentions_wechat() -> None:
    report = gilint.parse(_corpus_002())
    every = [p for p in report.iter(Paragraph) if "微信" in p.text]
    assert len(every) == 4  # in parts 一 (twice), 五 and 六, all inside subsections
    linter = Linter(gilint.Config(select=("XW",)), _registry_with((NaiveWeChat, VisitingWeChat)))
    findings = linter.check(report)
    naive = [f.span.start for f in findings if f.code == "XW001"]
    visiting = [f.span.start for f in findings if f.code == "XW002"]
    assert naive == visiting == sorted(p.span.start for p in every)


def test_walk_is_document_order_with_parents() -> None:
    report = gilint.parse(render(sample_report("2021", seed=1), "tabs").text)
    visits = list(report.walk(cells=False))
    starts = [v.node.span.start for v in visits if not isinstance(v.node, (Section,))]
    # nodes that hold others start where their first child starts, so order is by start
    assert starts == sorted(starts)
    for visit in visits:
        assert visit.parents[0] is report
        for parent, child in zip(visit.parents, (*visit.parents[1:], visit.node), strict=True):
            assert isinstance(parent, Container) and child in parent.children
    assert not any(isinstance(v.node, Cell) for v in visits)
    assert any(isinstance(v.node, Cell) for v in report.walk())
    tables = list(report.iter(Table))
    assert [t.id for t in tables] == [t.id for t in report.tables()]
    assert len(list(report.iter(Row))) == sum(len(t.rows) for t in tables)


def test_section_paragraphs_and_own_paragraphs() -> None:
    report = gilint.parse(render(sample_report("2021", seed=1), "tabs").text)
    one = report.sections[0]
    assert one.own_paragraphs == () and len(one.subsections) == 5
    assert one.paragraphs == tuple(p for s in one.subsections for p in s.paragraphs)
    prose = list(one.prose())
    assert [type(p) for p in prose[:2]] == [Heading, Paragraph]  # subsection titles too


def test_all_paragraphs_still_works_with_a_deprecation_warning() -> None:
    report = gilint.parse(render(sample_report("2021", seed=1), "tabs").text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old = list(report.sections[0].all_paragraphs())
    assert any(issubclass(w.category, DeprecationWarning) for w in caught)
    assert [p.text for p in old] == [p.text for p in report.sections[0].prose()]


def test_visitor_context_says_where_the_node_stands() -> None:
    seen: list[tuple[str | None, str | None, int]] = []

    class Where(Rule):
        """测试用规则。"""

        code = "XV001"
        name = "where"
        summary = "Records where tables stand."
        visits = (Table,)

        def visit_table(self, node: Table, context: VisitContext) -> Iterator[Finding]:
            template = context.template
            seen.append((node.id, context.part, len(context.parents)))
            assert template is not None and template.id == "2021"
            return iter(())

    report = gilint.parse(render(sample_report("2021", seed=1), "markdown").text)
    Linter(gilint.Config(select=("XV",)), _registry_with((Where,))).check(report)
    assert [(t, p) for t, p, _ in seen] == [
        ("2.1", "二"),
        ("2.5", "二"),
        ("2.6", "二"),
        ("2.8", "二"),
        ("3", "三"),
        ("4", "四"),
    ]


def test_one_walk_for_every_visitor_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    walks = 0
    original = Container.nodes

    def counting(self: Container, **options: object) -> Iterator[object]:
        nonlocal walks
        if isinstance(self, Report):
            walks += 1
        return original(self, **options)  # type: ignore[arg-type]

    class Second(VisitingWeChat):
        code = "XW003"
        name = "second"

    monkeypatch.setattr(Container, "nodes", counting)
    report = gilint.parse(render(sample_report("2021", seed=1), "tabs").text)
    linter = Linter(gilint.Config(select=("XW",)), _registry_with((VisitingWeChat, Second)))
    linter.check(report)
    assert walks == 1


def test_a_failing_visitor_is_reported_alone_and_the_others_run() -> None:
    class Broken(Rule):
        """测试用规则。"""

        code = "XV002"
        name = "broken"
        summary = "Fails on the third paragraph."
        visits = (Paragraph,)
        count = 0

        def visit_paragraph(self, node: Paragraph, context: VisitContext) -> Iterator[Finding]:
            Broken.count += 1
            if Broken.count == 3:
                raise ValueError("boom")
            yield self.finding(node, "段落")

    text = render(sample_report("2021", seed=1), "tabs").text
    text = text.replace("本机关", "本机关微信", 1)
    linter = Linter(
        gilint.Config(select=("XV", "XW", "GI900")), _registry_with((Broken, VisitingWeChat))
    )
    findings = linter.lint(text)
    codes = [f.code for f in findings]
    assert "XV002" not in codes and codes.count("GI900") == 1 and "XW002" in codes
    assert "XV002 broken 运行出错（ValueError: boom）" in next(
        f.message for f in findings if f.code == "GI900"
    )


def test_a_visitor_is_timed_over_the_whole_report() -> None:
    class Slow(Rule):
        """测试用规则。"""

        code = "XV003"
        name = "slow"
        summary = "Takes 0.05 s per paragraph."
        visits = (Paragraph,)

        def visit_paragraph(self, node: Paragraph, context: VisitContext) -> Iterator[Finding]:
            time.sleep(0.05)
            return iter(())

    config = gilint.Config(select=("XV", "GI900"), rule_timeout=0.3)
    text = render(sample_report("2021", seed=1), "tabs").text  # over a dozen paragraphs
    findings = Linter(config, _registry_with((Slow,))).lint(text)
    assert [f.code for f in findings] == ["GI900"] and "运行超过" in findings[0].message


def test_a_visitor_rule_alone_runs_through_check() -> None:
    report = gilint.parse(
        render(sample_report("2021", seed=1), "tabs").text.replace("本机关", "微信", 1)
    )
    findings = list(VisitingWeChat().check(report))
    assert len(findings) == 1 and findings[0].severity is Severity.ERROR


def test_malformed_visitor_rules_are_refused() -> None:
    class NoMethod(Rule):
        """测试用规则。"""

        code = "XV004"
        name = "no-method"
        summary = "Visits tables without a method."
        visits = (Table,)

    assert "未实现 visit_table(node, context)" in " ".join(NoMethod.problems())
    assert list(VisitingWeChat.problems()) == []
