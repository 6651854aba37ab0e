"""Loading plugins: installed ones (entry-point group ``gilint``) and local rules.

Every plugin is loaded, validated and asked for its rules in its own ``try``: a broken
plugin costs one clear message naming it, never the run. Rules keep the origin they came
from (built-in, an installed distribution, a local-rules path), and a rule whose code or
name is already taken is refused with a message, never silently replaced.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pluggy

from gilint import hookspecs
from gilint.installed import GROUP, declared
from gilint.loaders import Loader
from gilint.rule import CorpusRule, Rule
from gilint.templates import NATIONAL
from gilint.templates.model import Template, TemplateSet


@attrs.frozen(slots=True)
class RuleEntry:
    rule: type[Rule]
    origin: str


@attrs.frozen(slots=True)
class PluginProblem:
    """A plugin that could not be used, or a part of one that was refused."""

    plugin: str
    message: str

    def __str__(self) -> str:
        return f"插件 {self.plugin}: {self.message}"


@attrs.frozen(slots=True)
class Registry:
    """What the plugins of a run provide."""

    rules: tuple[RuleEntry, ...]
    templates: TemplateSet
    reporters: tuple[tuple[type[Any], str], ...]
    problems: tuple[PluginProblem, ...]
    # file readers, in the order gilint.loaders.choose tries them (the text loader last)
    loaders: tuple[Loader, ...] = ()

    def rule(self, code: str) -> RuleEntry | None:
        return next((e for e in self.rules if e.rule.code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(e.rule.code for e in self.rules)

    @property
    def corpus_rules(self) -> tuple[RuleEntry, ...]:
        """The rules across reports (registered through ``gilint_corpus_rules``)."""
        return tuple(e for e in self.rules if issubclass(e.rule, CorpusRule))


class PluginHost:
    """A pluggy manager plus where each registered plugin came from."""

    def __init__(self) -> None:
        self.manager = pluggy.PluginManager(GROUP)
        self.manager.add_hookspecs(hookspecs)
        self.origins: dict[str, str] = {}
        self.order: dict[str, int] = {}  # plugin name -> when it was registered
        self.problems: list[PluginProblem] = []

    def add(self, plugin: object, name: str, origin: str) -> None:
        """Register one plugin; a plugin that does not fit the hook specifications is
        refused with a message."""
        try:
            self.manager.register(plugin, name=name)
            self.manager.check_pending()
        except Exception as exc:
            if self.manager.is_registered(plugin):
                self.manager.unregister(plugin)
            self.problems.append(PluginProblem(origin, f"无法注册：{_describe(exc)}"))
            return
        self.origins[name] = origin
        self.order[name] = len(self.order)

    def results(self, hook: str, problems: list[PluginProblem]) -> Iterable[tuple[str, Any]]:
        """(origin, result) of every implementation of ``hook`` in the order the plugins
        were registered (built-in rules first), each called in its own try; failures are
        added to ``problems``.

        Not pluggy's calling order: that is last registered first, and ``tryfirst`` lets a
        plugin move itself ahead, so a plugin could take a code from the built-in rules
        or from a plugin registered before it."""
        caller: Any = getattr(self.manager.hook, hook)
        impls = sorted(caller.get_hookimpls(), key=lambda impl: self.order[impl.plugin_name])
        for impl in impls:
            origin = self.origins.get(impl.plugin_name, impl.plugin_name)
            try:
                result = impl.function()
            except Exception as exc:
                problems.append(PluginProblem(origin, f"{hook}() 出错：{_describe(exc)}"))
                continue
            if result is not None:
                yield origin, result


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


_INSTALLED: list[PluginHost] = []  # the process's one plugin manager, made on first use


def installed_host() -> PluginHost:
    """The host of every installed plugin, loaded once per process."""
    if not _INSTALLED:
        _INSTALLED.append(load_installed())
    return _INSTALLED[0]


def load_installed() -> PluginHost:
    """A new host with every installed plugin; the built-in rules come first."""
    host = PluginHost()
    for entry_point in declared():
        try:
            plugin = entry_point.load()
        except Exception as exc:
            host.problems.append(PluginProblem(entry_point.origin, f"无法加载：{_describe(exc)}"))
            continue
        host.add(plugin, f"ep:{entry_point.name}", entry_point.origin)
    return host


def _local_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.py") if not p.name.startswith("_"))
    return [path]


def _import_file(path: Path) -> ModuleType:
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:12]
    name = f"gilint_local_{path.stem}_{digest}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"不是 Python 文件：{path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def local_host(paths: Sequence[Path]) -> PluginHost:
    """A host with the modules of ``local-rules`` paths (files, or directories of files)."""
    host = PluginHost()
    for path in paths:
        origin = f"local: {path}"
        if not path.exists():
            host.problems.append(PluginProblem(origin, "路径不存在"))
            continue
        for file in _local_files(path):
            file_origin = f"local: {file}"
            try:
                module = _import_file(file.resolve())
            except BaseException as exc:  # a local module may even call sys.exit
                host.problems.append(PluginProblem(file_origin, f"无法导入：{_describe(exc)}"))
                continue
            host.add(module, f"local:{file.resolve()}", file_origin)
    return host


def _accept_rules(hosts: Sequence[PluginHost], problems: list[PluginProblem]) -> list[RuleEntry]:
    accepted: list[RuleEntry] = []
    by_code: dict[str, RuleEntry] = {}
    by_name: dict[str, RuleEntry] = {}
    offered = [
        (origin, rule, hook)
        for hook in ("gilint_rules", "gilint_corpus_rules")
        for origin, result in _results(hosts, hook, problems)
        for rule in _as_sequence(result)
    ]
    for origin, rule, hook in offered:
        label = getattr(rule, "__name__", repr(rule))
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            problems.append(PluginProblem(origin, f"{label} 不是 gilint.Rule 的子类"))
            continue
        if (hook == "gilint_corpus_rules") != issubclass(rule, CorpusRule):
            kind = "CorpusRule" if hook == "gilint_corpus_rules" else "Rule（非 CorpusRule）"
            problems.append(PluginProblem(origin, f"{label}：{hook}() 应返回 {kind} 的子类"))
            continue
        faults = list(rule.problems())
        if faults:
            problems.append(PluginProblem(origin, f"规则 {label}：{'；'.join(faults)}"))
            continue
        taken = by_code.get(rule.code) or by_name.get(rule.name)
        if taken is not None and taken.rule is not rule:
            what = f"代码 {rule.code}" if taken.rule.code == rule.code else f"名称 {rule.name}"
            problems.append(
                PluginProblem(
                    origin,
                    f"规则 {rule.code} {rule.name} 的{what}已被 {taken.origin} 的规则 "
                    f"{taken.rule.code} {taken.rule.name} 使用，已拒绝（代码不可重复）",
                )
            )
            continue
        if taken is not None:
            continue  # the same class offered twice
        entry = RuleEntry(rule, origin)
        by_code[rule.code] = by_name[rule.name] = entry
        accepted.append(entry)
    return sorted(accepted, key=lambda e: e.rule.code)


def _accept_templates(
    hosts: Sequence[PluginHost], problems: list[PluginProblem], formats: Sequence[Path] = ()
) -> TemplateSet:
    templates = list(NATIONAL.templates)
    described: list[tuple[str, Any]] = []
    for path in formats:
        # (imported only when a format is described as data: TOML is not read otherwise)
        from gilint.templates.toml_format import FormatError, load_format

        try:
            described.append((str(path), [load_format(path, TemplateSet(tuple(templates)))]))
        except FormatError as exc:
            problems.append(PluginProblem(str(path), str(exc)))
    for origin, result in [*described, *_results(hosts, "gilint_templates", problems)]:
        for template in _as_sequence(result):
            if not isinstance(template, Template):
                problems.append(PluginProblem(origin, f"{template!r} 不是格式描述 Template"))
            elif any(t.id == template.id for t in templates):
                problems.append(
                    PluginProblem(origin, f"格式描述 {template.id} 与已有的同名格式冲突，已拒绝")
                )
            else:
                templates.append(template)
    if len(templates) == len(NATIONAL.templates):
        return NATIONAL
    return TemplateSet(tuple(templates))


def _accept_reporters(
    hosts: Sequence[PluginHost], problems: list[PluginProblem]
) -> tuple[tuple[type[Any], str], ...]:
    found: list[tuple[type[Any], str]] = []
    for origin, result in _results(hosts, "gilint_reporters", problems):
        found.extend((reporter, origin) for reporter in _as_sequence(result))
    return tuple(found)


def _accept_loaders(
    hosts: Sequence[PluginHost], problems: list[PluginProblem]
) -> tuple[Loader, ...]:
    """Loaders in registration order, each name once; the text loader, which reads any
    file, goes last whoever registered it."""
    found: list[Loader] = []
    for origin, result in _results(hosts, "gilint_loaders", problems):
        for loader in _as_sequence(result):
            if not isinstance(loader, Loader):
                problems.append(PluginProblem(origin, f"{loader!r} 不是 gilint.loaders.Loader"))
            elif any(known.name == loader.name for known in found):
                problems.append(PluginProblem(origin, f"读取器 {loader.name} 已存在，已拒绝"))
            else:
                found.append(loader)
    found.sort(key=lambda loader: loader.name == "text")
    return tuple(found)


def _as_sequence(result: Any) -> Sequence[Any]:
    if isinstance(result, (list, tuple)):
        return result
    return [result]


def _results(
    hosts: Sequence[PluginHost], hook: str, problems: list[PluginProblem]
) -> Iterable[tuple[str, Any]]:
    for host in hosts:
        yield from host.results(hook, problems)


def build_registry(
    local_rules: Sequence[Path] = (),
    installed: PluginHost | None = None,
    formats: Sequence[Path] = (),
) -> Registry:
    """Everything the installed plugins and the given local rules provide, with the
    formats described as data in ``formats`` (TOML files: read, never run)."""
    hosts = [installed or installed_host()]
    if local_rules:
        hosts.append(local_host(local_rules))
    problems = [p for host in hosts for p in host.problems]
    rules = _accept_rules(hosts, problems)
    templates = _accept_templates(hosts, problems, formats)
    reporters = _accept_reporters(hosts, problems)
    loaders = _accept_loaders(hosts, problems)
    return Registry(tuple(rules), templates, reporters, tuple(problems), loaders)
