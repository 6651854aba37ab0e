"""A rule that misbehaves costs its own checks, never the run: GI900 names it, and the
other rules' findings stand."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

import gilint
from gilint.config import Config
from gilint.linting import Linter
from gilint.plugins import build_registry

from support import run_gilint

_SHORT = "一、总体情况\n正文。\n"  # GI101 for the missing parts, from the built-in rules

_BODIES = {
    "not-a-finding": 'yield "一条文本"',
    "exits": "import sys; sys.exit(3)",
    "reversed-span": "yield self.finding(gilint.Span(5, 2, report.span._lines), '反向')",
    "outside-text": "yield self.finding(gilint.Span(0, 10**6, report.span._lines), '越界')",
    # swallowing every Exception does not keep it from being stopped
    "loops": "while True:\n    try:\n        sum(range(1000))\n    except Exception:\n        pass",
}


def _module(tmp_path: Path, body: str, *, good: bool = True) -> Path:
    """A local rule module: one rule (XG001) with ``body``, and one that works (XG002)."""
    module = tmp_path / "guarded.py"
    body = body.replace("\n", "\n" + " " * 16)  # the indentation of {body} below
    module.write_text(
        textwrap.dedent(f'''
        import gilint

        class Bad(gilint.Rule):
            """坏规则。"""
            code = "XG001"
            name = "bad-rule"
            summary = "Misbehaves."
            def check(self, report):
                yield self.finding(report.span, "有效的问题")
                {body}

        class Good(gilint.Rule):
            """好规则。"""
            code = "XG002"
            name = "good-rule"
            summary = "Works."
            def check(self, report):
                yield self.finding(report.span, "好规则的问题")

        @gilint.hookimpl
        def gilint_rules():
            return [Bad, Good]
        '''),
        encoding="utf-8",
    )
    return module


def _lint(module: Path, timeout: float = 10.0) -> list[gilint.Finding]:
    registry = build_registry([module])
    assert registry.problems == ()
    return Linter(Config(rule_timeout=timeout), registry).lint(_SHORT)


@pytest.mark.parametrize("kind", ["not-a-finding", "exits", "reversed-span", "outside-text"])
def test_a_misbehaving_rule_is_gi900_and_the_run_goes_on(tmp_path: Path, kind: str) -> None:
    findings = _lint(_module(tmp_path, _BODIES[kind]))
    codes = [f.code for f in findings]
    assert "GI101" in codes and "XG002" in codes  # the other rules ran
    (failure,) = [f for f in findings if f.code == "GI900"]
    assert "XG001 bad-rule" in failure.message
    if kind == "exits":
        assert "SystemExit" in failure.message
    else:  # what it yielded well stays; what it yielded badly is named
        assert "有效的问题" in [f.message for f in findings if f.code == "XG001"]
        assert "无效" in failure.message


def test_a_rule_past_its_time_limit_is_stopped(tmp_path: Path) -> None:
    start = time.monotonic()
    findings = _lint(_module(tmp_path, _BODIES["loops"]), timeout=0.3)
    assert time.monotonic() - start < 5
    (failure,) = [f for f in findings if f.code == "GI900"]
    assert "XG001" in failure.message and "0.3 秒" in failure.message
    assert {"GI101", "XG002"} <= {f.code for f in findings}


def test_the_time_limit_holds_in_worker_processes_and_is_configurable(tmp_path: Path) -> None:
    _module(tmp_path, _BODIES["loops"])
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(_SHORT, "utf-8")
    (tmp_path / "gilint.toml").write_text(
        'local-rules = ["guarded.py"]\nrule-timeout = 0.3\n', "utf-8"
    )
    start = time.monotonic()
    result = run_gilint("check", "a.txt", "b.txt", "--jobs", "2", cwd=tmp_path)
    assert time.monotonic() - start < 20
    assert result.stdout.count("GI900") == 2 and result.stdout.count("XG002") == 2
    quick = run_gilint("check", "a.txt", "--rule-timeout", "0.2", "-j", "1", cwd=tmp_path)
    assert "0.2 秒" in quick.stdout


@pytest.mark.parametrize("value", ["-1", '"ten"', "true"])
def test_a_bad_rule_timeout_is_a_configuration_error(tmp_path: Path, value: str) -> None:
    (tmp_path / "gilint.toml").write_text(f"rule-timeout = {value}\n", "utf-8")
    (tmp_path / "a.txt").write_text(_SHORT, "utf-8")
    result = run_gilint("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2 and "rule-timeout" in result.stderr


@pytest.mark.parametrize(
    "body", ["import gc; assert not gc.isenabled()", "raise RuntimeError('x')"]
)
def test_rules_run_with_the_collector_paused_and_leave_it_as_it_was(
    tmp_path: Path, body: str
) -> None:
    """The rules run with the cyclic collector paused, as the parse does (over a large
    report each collection scanned its tree again); the collector is as it was after
    them, whether a rule raises or not, and a caller's choice is left alone."""
    import gc

    module = _module(tmp_path, body)
    assert gc.isenabled()
    findings = _lint(module)
    assert gc.isenabled()
    # (the first rule asserts the collector off as it runs: GI900 if it was not)
    assert ("GI900" in {f.code for f in findings}) == ("raise" in body)
    gc.disable()
    try:
        _lint(module)
        assert not gc.isenabled()
    finally:
        gc.enable()
