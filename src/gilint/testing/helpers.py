"""Linting text in tests, and comparing findings with what a test expects."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from gilint.config import Config, from_mapping
from gilint.findings import Finding
from gilint.linting import Linter
from gilint.plugins import Registry, RuleEntry, build_registry
from gilint.rule import Rule
from gilint.templates import NATIONAL

ConfigArg = Config | Mapping[str, Any] | None


def _config(config: ConfigArg) -> Config:
    if isinstance(config, Config):
        return config
    return from_mapping(config or {}, root=Path.cwd())


def linter_for(rules: Sequence[type[Rule]] | None = None, config: ConfigArg = None) -> Linter:
    """A linter with exactly ``rules`` (or every installed rule when ``None``)."""
    settings = _config(config)
    if rules is None:
        return Linter(settings)
    for rule in rules:
        faults = list(rule.problems())
        if faults:
            raise AssertionError(f"{rule.__name__} 不是合格的规则：{'；'.join(faults)}")
    registry = Registry(
        rules=tuple(RuleEntry(rule, "test") for rule in rules),
        templates=build_registry(settings.local_rules).templates
        if settings.local_rules
        else NATIONAL,
        reporters=(),
        problems=(),
    )
    return Linter(settings, registry)


def lint_text(
    text: str, rules: Sequence[type[Rule]] | None = None, config: ConfigArg = None
) -> list[Finding]:
    """Findings for a report given as text, from ``rules`` only when given."""
    return linter_for(rules, config).lint(text)


def _describe(finding: Finding, lines: list[str]) -> str:
    source = lines[finding.line - 1].strip() if 0 < finding.line <= len(lines) else ""
    return f"{finding.code} 第 {finding.line} 行：{finding.message}  | {source[:40]}"


def assert_findings(
    text: str,
    expected: Iterable[tuple[str, int]],
    rules: Sequence[type[Rule]] | None = None,
    config: ConfigArg = None,
) -> list[Finding]:
    """Assert that linting ``text`` gives exactly the ``(code, line)`` pairs ``expected``
    (in any order); on failure, say which are missing and which unexpected, with the
    message and the source line of each. Returns the findings for further checks."""
    findings = lint_text(text, rules, config)
    wanted = sorted((code, int(line)) for code, line in expected)
    got = sorted((f.code, f.line) for f in findings)
    if wanted == got:
        return findings
    lines = text.split("\n")
    missing = list(wanted)
    unexpected: list[Finding] = []
    for finding in sorted(findings, key=Finding.sort_key):
        if (finding.code, finding.line) in missing:
            missing.remove((finding.code, finding.line))
        else:
            unexpected.append(finding)
    report = ["findings differ from what was expected:"]
    report += [f"  missing:    {code} 第 {line} 行" for code, line in missing]
    report += [f"  unexpected: {_describe(f, lines)}" for f in unexpected]
    raise AssertionError("\n".join(report))
