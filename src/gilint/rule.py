"""The Rule base class that built-in and plugin rules subclass."""

from __future__ import annotations

import importlib.util
import inspect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs

from gilint.ast import Report
from gilint.findings import Finding, Severity
from gilint.span import Span
from gilint.templates.model import TemplateSet

if TYPE_CHECKING:
    from gilint.summary import ReportSummary

_CODE = re.compile(r"[A-Z]{1,6}[0-9]{3}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class HasSpan(Protocol):
    @property
    def span(self) -> Span: ...


class Rule:
    """A check of a parsed report.

    Subclasses set ``code`` (a prefix of capital letters and three digits, never
    renumbered), ``name`` (kebab-case), ``severity`` (the default) and ``summary`` (one
    line, English), write their documentation as the class docstring, and implement
    :meth:`check`, yielding findings made with :meth:`finding`.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str]

    def __init__(self, templates: TemplateSet | None = None) -> None:
        from gilint.templates import NATIONAL

        self.templates = templates or NATIONAL

    def check(self, report: Report) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        node: HasSpan | Span,
        message: str,
        *,
        suggestion: str | None = None,
        related: Iterable[HasSpan | Span] = (),
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule at ``node`` (any AST node, or a span)."""
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            path=None,
            span=_span_of(node),
            suggestion=suggestion,
            related=tuple(_span_of(r) for r in related),
        )

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def problems(cls) -> Iterator[str]:
        """What is wrong with this class as a rule (empty when it is well formed)."""
        for attribute in ("code", "name", "summary"):
            if not isinstance(getattr(cls, attribute, None), str):
                yield f"缺少类属性 {attribute}"
        if isinstance(getattr(cls, "code", None), str) and not _CODE.fullmatch(cls.code):
            yield f"代码“{cls.code}”不符合“前缀字母 + 三位数字”的格式"
        if isinstance(getattr(cls, "name", None), str) and not _NAME.fullmatch(cls.name):
            yield f"名称“{cls.name}”应为小写短横线格式（kebab-case）"
        if not isinstance(getattr(cls, "severity", None), Severity):
            yield "severity 应为 gilint.Severity"
        if cls.check is Rule.check:
            yield "未实现 check(report)"


def _span_of(node: Any) -> Span:
    return node if isinstance(node, Span) else node.span


class CorpusRule(Rule):
    """A check across reports: a body's report of one year against its previous one,
    reports against each other. Registered through ``gilint_corpus_rules``; it reads the
    reports' summaries (:class:`gilint.summary.ReportSummary`), never whole trees, so a
    run over a province stays small in memory. Its findings carry the path and a span
    of the report they are about (``summary.span(start, end)``).

    A rule whose libraries are an optional extra names it in ``extra`` and the modules it
    imports in ``modules``; when they are not installed the rule does not run and the
    user is told once what to install."""

    extra: ClassVar[str | None] = None
    modules: ClassVar[tuple[str, ...]] = ()
    # "body": the rule compares only reports of one issuing body, so running it on each
    # body's summaries apart gives the same findings (an engine may spread the groups)
    groups_by: ClassVar[str | None] = None

    @classmethod
    def installed(cls) -> bool:
        return all(importlib.util.find_spec(name) is not None for name in cls.modules)

    def check(self, report: Report) -> Iterable[Finding]:
        return ()  # a corpus rule reads summaries (check_corpus), not one report

    def check_corpus(self, summaries: Sequence[ReportSummary]) -> Iterable[Finding]:
        raise NotImplementedError

    def at(self, summary: ReportSummary, start: int, end: int, message: str) -> Finding:
        """A finding about ``summary``'s report at ``start:end``."""
        return attrs.evolve(self.finding(summary.span(start, end), message), path=summary.path)
