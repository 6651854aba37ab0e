"""The Rule base class that built-in and plugin rules subclass."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import attrs

from gilint.ast import Cell, Node, Report, Row, Section, section_of
from gilint.extras import importable
from gilint.findings import Finding, Severity
from gilint.span import Span
from gilint.templates.model import Template, TemplateSet

if TYPE_CHECKING:
    from gilint.summary import ReportSummary

_CODE = re.compile(r"[A-Z]{1,6}[0-9]{3}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class HasSpan(Protocol):
    @property
    def span(self) -> Span: ...


def visitor_name(node_type: type) -> str:
    """The method a visitor rule implements for nodes of ``node_type``:
    ``Paragraph`` -> ``visit_paragraph``."""
    return "visit_" + re.sub(r"(?<!^)(?=[A-Z])", "_", node_type.__name__).lower()


class VisitContext:
    """Where a visited node stands: the report, its ancestors (outermost first) and the
    format the report is read with. (A plain slotted class: one is made per visited
    node, and an attrs class costs twice as much to make.)"""

    __slots__ = ("parents", "report", "templates")

    def __init__(self, report: Report, parents: tuple[Node, ...], templates: TemplateSet):
        self.report = report
        self.parents = parents
        self.templates = templates

    @property
    def section(self) -> Section | None:
        """The part the node stands in (None in the preamble)."""
        return section_of(self.parents)

    @property
    def part(self) -> str | None:
        section = self.section
        return section.part if section is not None else None

    @property
    def template(self) -> Template | None:
        """The format version the report is read with."""
        found = self.report.template.id
        return self.templates.get(found) if found else None


class Rule:
    """A check of a parsed report.

    Subclasses set ``code`` (a prefix of capital letters and three digits, never
    renumbered), ``name`` (kebab-case), ``severity`` (the default) and ``summary`` (one
    line, English), write their documentation as the class docstring, and either

    * visit nodes: set ``visits`` to the node types (``(Paragraph, Table)``) and write a
      ``visit_<type>(node, context)`` method for each (``visit_paragraph``,
      ``visit_table``), yielding findings; the engine walks each report once for all
      such rules and passes a :class:`VisitContext`; or
    * implement :meth:`check` for a check of the whole document.

    Findings are made with :meth:`finding`.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str]
    visits: ClassVar[tuple[type, ...]] = ()
    # The rule concludes from what a report lacks (a part, a table, a row, a statement).
    # Where the report's file holds content gilint could not read (an image in a PDF,
    # Word or HTML file: Report.unread_content), what seems lacking may stand there: a
    # finding of such a rule is withheld when that content lies in its missing_from
    # (anywhere, when it has none), and one GI901 note names the rules withheld.
    concludes_from_absence: ClassVar[bool] = False
    # The rule checks the report against a format version (its parts, tables, wording,
    # statements): a report of a year before every version known, whose tables were not
    # read as any version's (an annual report of 2017, under the rules of its time), is
    # not checked by it, and one GI304 note names the rules that did not run.
    checks_format: ClassVar[bool] = False

    def __init__(self, templates: TemplateSet | None = None) -> None:
        from gilint.templates import NATIONAL

        self.templates = templates or NATIONAL

    def check(self, report: Report) -> Iterable[Finding]:
        """The rule's findings on ``report``. A visitor rule need not write this: it
        walks the report for the rule alone (the engine walks once for all of them)."""
        if not self.visits:
            raise NotImplementedError
        methods = self.visitors()
        cells = any(issubclass(t, Cell) for t in self.visits)
        rows = cells or any(issubclass(t, Row) for t in self.visits)
        for node, parents in report.nodes(rows=rows, cells=cells, only=self.visits):
            method = methods.get(type(node))
            if method is not None:
                yield from method(node, VisitContext(report, parents, self.templates))

    def visitors(self) -> dict[type, Any]:
        """The methods this rule visits nodes with, by node type."""
        return {t: getattr(self, visitor_name(t)) for t in self.visits}

    def finding(
        self,
        node: HasSpan | Span,
        message: str,
        *,
        suggestion: str | None = None,
        related: Iterable[HasSpan | Span] = (),
        severity: Severity | None = None,
        missing_from: HasSpan | Span | None = None,
    ) -> Finding:
        """A finding of this rule at ``node`` (any AST node, or a span); for one that says
        something is missing, ``missing_from`` is where it would stand
        (:attr:`concludes_from_absence`)."""
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            path=None,
            span=_span_of(node),
            suggestion=suggestion,
            related=tuple(_span_of(r) for r in related),
            missing_from=None if missing_from is None else _span_of(missing_from),
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
        visits = getattr(cls, "visits", ())
        if not isinstance(visits, tuple) or not all(isinstance(t, type) for t in visits):
            yield "visits 应为节点类型的元组，如 (Paragraph, Table)"
        elif visits:
            for node_type in visits:
                method = visitor_name(node_type)
                if not callable(getattr(cls, method, None)):
                    yield f"visits 中有 {node_type.__name__}，但未实现 {method}(node, context)"
        elif cls.check is Rule.check:
            yield "未实现 check(report)（或以 visits 和 visit_… 方法访问节点）"


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
    # whether it reads the prose of the summaries (kept for every report only then)
    reads_prose: ClassVar[bool] = False

    @classmethod
    def installed(cls) -> bool:
        return importable(*cls.modules)

    def check(self, report: Report) -> Iterable[Finding]:
        return ()  # a corpus rule reads summaries (check_corpus), not one report

    def check_corpus(self, summaries: Sequence[ReportSummary]) -> Iterable[Finding]:
        raise NotImplementedError

    def at(self, summary: ReportSummary, start: int, end: int, message: str) -> Finding:
        """A finding about ``summary``'s report at ``start:end``."""
        return attrs.evolve(self.finding(summary.span(start, end), message), path=summary.path)
