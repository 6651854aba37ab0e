"""Running rules: ``gilint.lint`` and the :class:`Linter` behind it."""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from gilint.ast import Cell, Report, Row
from gilint.collector import collector_paused
from gilint.config import (
    Config,
    ConfigError,
    discover,
    from_mapping,
    guard_local_rules,
    read_file,
)
from gilint.findings import Finding, Severity
from gilint.loading import Loaded
from gilint.parsing import Source, load, open_cache, parse_reports
from gilint.plugins import PluginProblem, Registry, build_registry
from gilint.rule import HasSpan, Rule, VisitContext
from gilint.span import LineIndex, Span
from gilint.timelimit import RuleTimeout, TimeLimits

if TYPE_CHECKING:
    from gilint.extraction_cache import ExtractionCache
    from gilint.templates.model import TemplateSet

ConfigLike = Config | Mapping[str, Any] | str | os.PathLike[str] | None


class PluginWarning(UserWarning):
    """A plugin could not be used; the run went on without it."""


class UntrustedLocalRulesWarning(PluginWarning):
    """A configuration file found beside the report named local rules, and they were
    not loaded: code that arrives with a report is never run unless the caller asks."""


class Linter:
    """Rules and configuration, ready to check any number of reports."""

    def __init__(
        self,
        config: Config | None = None,
        registry: Registry | None = None,
        *,
        cache: ExtractionCache | None = None,
    ) -> None:
        self.config = config or Config()
        self.cache = cache  # what loaders extracted, kept (see gilint.extraction_cache)
        with collector_paused():  # plugins imported, rules and templates built: all kept
            self.registry = registry or build_registry(
                self.config.local_rules, formats=self.config.formats
            )
        self.config.validate(
            self.registry.codes, tuple(t.id for t in self.registry.templates.templates)
        )
        self._rules: list[Rule] = [e.rule(self.registry.templates) for e in self.registry.rules]
        # the rules every file runs, unless per-file ignores take some away
        self._selected = [r for r in self._rules if self.config.enabled(r.code)]

    @property
    def problems(self) -> tuple[PluginProblem, ...]:
        return self.registry.problems

    def parse(self, source: Source, path: str | None = None) -> Report:
        """Parse a path, bytes or text (see :func:`gilint.parsing.load`) with this
        linter's loaders; ``path`` names the report (and, for bytes, their format)."""
        loaded, found = load(
            source, self.registry.loaders, path, self.cache, self.config.extract_timeout
        )
        return self.parse_loaded(loaded, path or found)

    def parse_loaded(self, loaded: Loaded, path: str | None = None) -> Report:
        """Parse decoded text with this linter's templates (plugins' included) and its
        ``template`` setting: the reading its rules check (the first report, where the
        text holds several: see :meth:`parse_all`)."""
        return self.parse_reports(loaded, path)[0]

    def parse_all(self, source: Source, path: str | None = None) -> tuple[Report, ...]:
        """Every report of a path, bytes or text (most files hold one; a volume of a
        region's reports holds several): what :meth:`lint` checks."""
        loaded, found = load(
            source, self.registry.loaders, path, self.cache, self.config.extract_timeout
        )
        return self.parse_reports(loaded, path or found)

    def parse_reports(self, loaded: Loaded, path: str | None = None) -> tuple[Report, ...]:
        """Every report of decoded text (:func:`gilint.parsing.parse_reports`)."""
        return parse_reports(
            loaded,
            path=path,
            templates=self.registry.templates,
            template=None if self.config.template == "auto" else self.config.template,
        )

    def check(self, report: Report) -> list[Finding]:
        """Findings of every enabled rule, sorted by position."""
        findings: list[Finding] = []
        rules = self._selected
        if self.config.per_file_ignores and report.path is not None:
            rules = [r for r in rules if self.config.enabled(r.code, report.path)]
        before = _before_formats(report, self.registry.templates)
        if before is not None:  # (the rules that check a format say nothing of it)
            unchecked = [r.code for r in rules if r.checks_format]
            rules = [r for r in rules if not r.checks_format]
        visitors = [r for r in rules if r.visits and type(r).check is Rule.check]
        # (the collector paused as for the parse: it would scan the report's tree again
        # at each collection the rules' allocations set off, which grows with the report)
        with collector_paused(), TimeLimits(self.config.rule_timeout).armed() as limits:
            for rule in rules:
                if rule not in visitors:
                    findings.extend(self._run(rule, report, limits))
            if visitors:
                findings.extend(self._visit(visitors, report, limits))
        if report.unread_content:
            findings, withheld = _withheld(findings, rules, report)
            if withheld:
                findings.extend(self._withheld_note(withheld, report))
        if before is not None and unchecked:
            findings.extend(self._before_formats_note(unchecked, before, report))
        if findings:
            findings = _described(findings, report)
        return sorted(findings, key=Finding.sort_key)

    def lint(self, source: Source, path: str | None = None) -> list[Finding]:
        """The findings of every report of a path, bytes or text, sorted by position."""
        return self.check_all(self.parse_all(source, path))

    def check_all(self, reports: Sequence[Report]) -> list[Finding]:
        """The findings of every enabled rule on each of a file's reports, sorted by
        position."""
        if len(reports) == 1:
            return self.check(reports[0])
        found = [finding for report in reports for finding in self.check(report)]
        return sorted(found, key=Finding.sort_key)

    def _run(self, rule: Rule, report: Report, limits: TimeLimits) -> list[Finding]:
        """One rule's findings. A rule that raises (``sys.exit`` included), runs past the
        time limit or yields what is not a well-formed finding is reported under GI900,
        naming it, and the run goes on with its well-formed findings."""
        try:
            limits.begin()
            try:
                produced = list(rule.check(report))
            finally:
                limits.end()
        except RuleTimeout:
            return self._failed(rule, f"运行超过 {limits.seconds:g} 秒，已停止", report)
        except (Exception, SystemExit) as exc:
            return self._failed(rule, f"运行出错（{type(exc).__name__}: {exc}）", report)
        return self._finish(rule, produced, report)

    def _visit(self, rules: list[Rule], report: Report, limits: TimeLimits) -> list[Finding]:
        """The findings of the visitor rules, from one walk of the report for all of them.
        Each rule runs under the same guards as a whole-document rule: one failure or
        one time limit per report stops that rule alone."""
        handlers: dict[type, list[tuple[Rule, Any]]] = {}
        for rule in rules:
            for node_type, method in rule.visitors().items():
                handlers.setdefault(node_type, []).append((rule, method))
        produced: dict[Rule, list[Any]] = {rule: [] for rule in rules}
        spent = dict.fromkeys(rules, 0.0)
        failed: dict[Rule, str] = {}
        cells = any(issubclass(t, Cell) for t in handlers)
        rows = cells or any(issubclass(t, Row) for t in handlers)
        templates = self.registry.templates
        for node, parents in report.nodes(rows=rows, cells=cells, only=tuple(handlers)):
            found = handlers.get(type(node))
            if not found:
                continue
            context = VisitContext(report, parents, templates)
            for rule, method in found:
                if rule in failed:
                    continue
                started = limits.begin(spent[rule])
                try:
                    try:
                        produced[rule].extend(method(node, context))
                    finally:
                        limits.end()
                except RuleTimeout:
                    failed[rule] = f"运行超过 {limits.seconds:g} 秒，已停止"
                except (Exception, SystemExit) as exc:
                    failed[rule] = f"运行出错（{type(exc).__name__}: {exc}）"
                spent[rule] = time.monotonic() - started
        findings: list[Finding] = []
        for rule in rules:
            if rule in failed:
                findings += self._failed(rule, failed[rule], report)
            else:
                findings += self._finish(rule, produced[rule], report)
        return findings

    def _finish(self, rule: Rule, produced: list[Any], report: Report) -> list[Finding]:
        """A rule's findings as reported: well-formed ones only, repeats collapsed, at the
        configured severity; what was not a finding is reported under GI900."""
        if not produced:
            return []  # the usual rule on the usual report
        checked = [(f, _malformed(f, report)) for f in produced]
        kept = [f for f, problem in checked if problem is None]
        problems = [problem for _, problem in checked if problem is not None]
        severity = self.config.severity_of(rule.code, rule.severity)
        overridden = severity is not rule.severity
        findings = [
            attrs.evolve(f, path=report.path, severity=severity if overridden else f.severity)
            for f in collapse_repeats(kept)
        ]
        if problems:
            more = f"等 {len(problems)} 处" if len(problems) > 1 else ""
            findings += self._failed(rule, f"返回了无效的结果：{problems[0]}{more}", report)
        return findings

    def _withheld_note(self, codes: list[str], report: Report) -> list[Finding]:
        """The rules whose findings of something missing were withheld for content gilint
        could not read where it would stand: said once under GI901, at the first such
        content, so the user knows which conclusions were not drawn."""
        message = (
            "文件中有 gilint 未能读取的内容（如图片），报告看似缺少的部分、表格、行或说明"
            "可能就在其中，以下规则在这些内容所在之处的结论未报告：" + "、".join(codes)
        )
        return self._said("GI901", report.unread_content[0], message, report, Severity.INFO)

    def _before_formats_note(
        self, codes: list[str], first_year: int, report: Report
    ) -> list[Finding]:
        """The rules that check a format, not run on a report of a year before every
        format version known (:func:`_before_formats`): said once under GI304."""
        message = (
            f"报告年度为 {report.year} 年，早于 gilint 所知的格式版本（适用于 {first_year} 年起的"
            "年度报告），报告中也没有按格式填写的统计表；以下按格式进行的检查未运行："
            + "、".join(codes)
        )
        where = report.title_span or LineIndex(report.source).span(0, 0)
        return self._said("GI304", where, message, report)

    def _failed(self, rule: Rule, what: str, report: Report) -> list[Finding]:
        """A failed rule is reported under GI900; the run goes on."""
        message = f"规则 {rule.code} {rule.name} {what}，其检查未完成"
        return self._said("GI900", LineIndex(report.source).span(0, 0), message, report)

    def _said(
        self,
        code: str,
        where: HasSpan | Span,
        message: str,
        report: Report,
        severity: Severity | None = None,
    ) -> list[Finding]:
        """What the engine itself says of ``report`` under a built-in rule's code, at
        ``severity`` (the rule's by default) or the one the configuration gives that
        code; nothing when the rule is not enabled for the file."""
        reporter = next((r for r in self._rules if r.code == code), None)
        if reporter is None or not self.config.enabled(code, report.path):
            return []
        finding = reporter.finding(where, message)
        chosen = self.config.severity_of(code, severity or reporter.severity)
        return [attrs.evolve(finding, path=report.path, severity=chosen)]


def _before_formats(report: Report, templates: TemplateSet) -> int | None:
    """The first year a format version known governs, where ``report`` is of a year
    before it, none of its tables was read as a version's and none was configured: a
    report under the rules of its time ("2017年…年度报告", in seven parts). None
    otherwise."""
    first = templates.first_year()
    if report.year is None or first is None or report.year >= first:
        return None
    return None if report.template.basis in ("config", "labels") else first


def _described(findings: list[Finding], report: Report) -> list[Finding]:
    """The findings with what they are about, independent of lines (``fingerprint``,
    ``anchor``, ``body``, ``year``: see gilint.baseline) and, for a file a loader
    extracted, where their spans stand in the original (``place``, ``related_places``)
    and what they are by name (``logical``)."""
    from gilint.baseline import anchor, body_of, fingerprint

    body = body_of(report)
    places = report.source_map
    described = []
    for finding in findings:
        logical = report.logical_location(finding.span.start)
        where = anchor(report, finding, logical)
        keyed = attrs.evolve(
            finding,
            fingerprint=fingerprint(finding.code, body, report.year, where),
            anchor=where,
            body=body or None,
            year=report.year,
        )
        if places is not None:
            keyed = attrs.evolve(
                keyed,
                place=places.place(finding.span.start),
                related_places=tuple(places.place(s.start) for s in finding.related),
                logical=logical,
            )
        described.append(keyed)
    return described


MAX_RELATED = 100  # places a collapsed finding lists beside its own


def _withheld(
    findings: list[Finding], rules: Sequence[Rule], report: Report
) -> tuple[list[Finding], list[str]]:
    """The findings kept, and the codes of the rules some of whose findings were withheld:
    those of rules that conclude from absence whose ``missing_from`` holds content
    gilint could not read (any, for a finding that does not say where)."""
    absent = {r.code for r in rules if r.concludes_from_absence}
    unread = report.unread_stretches
    kept: list[Finding] = []
    withheld: set[str] = set()
    for finding in findings:
        region = finding.missing_from
        if finding.code in absent and (
            region is None or any(s < region.end and region.start < e for s, e in unread)
        ):
            withheld.add(finding.code)
        else:
            kept.append(finding)
    return kept, sorted(withheld)


def collapse_repeats(findings: list[Finding]) -> list[Finding]:
    """One rule's findings with the same message at several places, as one finding.

    A heading or row repeated 20 000 times is one problem to fix, not 20 000 lines of
    output: the first place keeps the finding, its message says how many there are, and
    the other places (up to :data:`MAX_RELATED`) become its related locations.
    """
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.message, []).append(finding)
    if len(groups) == len(findings):
        return findings  # the usual case: nothing repeats
    collapsed: list[Finding] = []
    for message, same in groups.items():
        if len(same) == 1:
            collapsed.append(same[0])
            continue
        same.sort(key=Finding.sort_key)
        first = same[0]
        others = tuple(f.span for f in same[1 : MAX_RELATED + 1])
        collapsed.append(
            attrs.evolve(
                first,
                message=f"{message}（同样的问题共 {len(same)} 处，此为第一处）",
                related=(*first.related, *others),
            )
        )
    return collapsed


def _malformed(produced: object, report: Report) -> str | None:
    """What is wrong with something a rule yielded as a finding (None: nothing)."""
    if not isinstance(produced, Finding):
        return f"不是 Finding 的对象（{type(produced).__name__}）"
    if not isinstance(produced.message, str):
        return f"问题说明不是文本（{type(produced.message).__name__}）"
    size = len(report.source)
    for span in (produced.span, *produced.related):
        if not isinstance(span, Span):
            return f"位置不是 Span（{type(span).__name__}）"
        if not 0 <= span.start <= span.end <= size:
            return f"位置无效（{span.start}–{span.end}，全文 {size} 个字符）"
    return None


def resolve_config(
    config: ConfigLike, source: Source | None = None, *, trust_local_rules: bool = False
) -> Config:
    """A Config from what a library caller gave: a Config, a mapping of the same keys as
    ``[tool.gilint]``, a configuration file, or None (the nearest file, as the command
    line finds it: upward from the linted file, or from the current directory).

    What the caller gives is trusted. A file found by looking is trusted only at or above
    the current directory; elsewhere its ``local-rules`` are dropped with an
    :class:`UntrustedLocalRulesWarning`, unless ``trust_local_rules`` is true.
    """
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return from_mapping(config, root=Path.cwd())
    if config is not None:
        return read_file(Path(config))
    if isinstance(source, os.PathLike) or (
        isinstance(source, str) and "\n" not in source and os.path.isfile(source)
    ):
        found = discover(Path(os.fspath(source)))
    else:
        found = discover(Path.cwd())
    guarded, warning = guard_local_rules(found, Path.cwd(), trust=trust_local_rules)
    if warning is not None:
        warnings.warn(warning, UntrustedLocalRulesWarning, stacklevel=3)
    return guarded


def lint(
    source: Source,
    config: ConfigLike = None,
    *,
    trust_local_rules: bool = False,
    cache: bool = False,
) -> list[Finding]:
    """Check one report (a path, bytes or text) and return its findings.

    Plugins that cannot be used are reported as :class:`PluginWarning` warnings; an
    unusable configuration raises :class:`gilint.config.ConfigError`. Local rules named
    by a configuration file found beside the report run only with ``trust_local_rules``
    (see :func:`resolve_config`). ``cache`` keeps what was extracted from a PDF, Word or
    HTML file in the user's own cache folder, as ``--cache`` does.
    """
    linter = Linter(
        resolve_config(config, source, trust_local_rules=trust_local_rules),
        cache=open_cache(cache),
    )
    for problem in linter.problems:
        warnings.warn(str(problem), PluginWarning, stacklevel=2)
    return linter.lint(source)


__all__ = [
    "ConfigError",
    "Linter",
    "PluginWarning",
    "UntrustedLocalRulesWarning",
    "lint",
    "resolve_config",
]
