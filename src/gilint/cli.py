"""The ``gilint`` command line.

Exit status: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 a usage,
configuration or I/O error, reported in one line without a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from gilint import __version__

if TYPE_CHECKING:  # imported where used, so that `gilint --version` starts quickly
    from collections.abc import Iterator

    from gilint.baseline import Entry
    from gilint.config import Config
    from gilint.findings import Finding
    from gilint.linting import Linter
    from gilint.loading import Loaded
    from gilint.reporters.base import FileResult
    from gilint.runner import Outcome, Session

FORMATS = ("concise", "full", "json", "jsonl", "parquet", "sarif", "github", "junit", "html")


class UsageError(Exception):
    """A problem with how gilint was called or configured: exit status 2."""


def _codes(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    from gilint.config import normal_code

    return tuple(normal_code(c) for v in values for c in v.split(",") if c.strip())


PROGRESS_DELAY = 2.0  # seconds a run lasts before its progress bar shows


def _progress(files: int) -> Any:
    """A progress bar on standard error, for a run that lasts (tqdm shows it after
    :data:`PROGRESS_DELAY`), only when standard error is a terminal: never in a pipe, a
    log or CI."""
    stream = sys.stderr
    if files < 2 or stream is None or not stream.isatty():
        return None
    from tqdm import tqdm

    class Bar(tqdm):  # type: ignore[misc]
        # No monitor thread: the bar is made before the workers are forked, and a
        # process forked while it has another thread may deadlock in the child (Python
        # 3.12 warns of it). The bar is updated once a file; it needs no monitor.
        monitor_interval = 0

    return Bar(
        total=files, desc="检查", unit="个文件", delay=PROGRESS_DELAY, leave=False, file=stream
    )


def _per_file_ignores(values: list[str] | None) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """``--per-file-ignores PATTERN:CODES`` as the configuration key's pairs."""
    if not values:
        return None
    pairs = []
    for value in values:
        pattern, sep, codes = value.rpartition(":")
        if not sep or not pattern or not codes.strip():
            raise UsageError(f"--per-file-ignores 应为“文件模式:代码,代码”：{value}")
        pairs.append((pattern, _codes([codes]) or ()))
    return tuple(pairs)


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _os_error(error: OSError) -> str:
    from gilint.messages import os_error

    return os_error(error)


def _warn(message: str) -> None:
    from gilint.messages import complain

    complain("警告", message)


def _config_file(given: str | None) -> Path | None:
    """The ``--config`` file, which must exist."""
    if given is None:
        return None
    if not Path(given).is_file():
        raise UsageError(f"配置文件不存在：{given}")
    return Path(given)


def _session(args: argparse.Namespace, overrides: dict[str, Any]) -> Session:
    """The run's settings from the options every command shares (``--config``,
    ``--isolated``, ``--trust-local-rules``) and the command's own ``overrides``."""
    from gilint.config import ConfigError, inline
    from gilint.runner import Session

    given = args.config or []
    settings = [g for g in given if "=" in g and not Path(g).is_file()]
    files = [g for g in given if g not in settings]
    if len(files) > 1:
        raise UsageError("--config 只能指定一个配置文件（其余的 --config 应为“键 = 值”）")
    if args.isolated and files:
        raise UsageError("--isolated 与 --config 配置文件不能同时使用")
    try:
        fields = inline(settings) if settings else {}
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    cache = getattr(args, "cache", False)
    if cache:
        from gilint.extraction_cache import ExtractionCache

        if ExtractionCache.open() is None:
            cache = False
            _warn(
                "没有只属于当前用户的缓存目录（$XDG_CACHE_HOME/gilint 或 ~/.cache/gilint），"
                "本次不使用 --cache"
            )
    return Session(
        overrides,
        _config_file(files[0] if files else None),
        inline=fields,
        isolated=args.isolated,
        trust_local_rules=args.trust_local_rules,
        cache=cache,
    )


def _local_rules(args: argparse.Namespace) -> tuple[Path, ...] | None:
    return tuple(Path(p).resolve() for p in args.local_rules) or None


def _linter(session: Session, where: Path) -> Linter:
    """The linter for ``where``: a configuration gilint cannot use is a usage error, a
    plugin it cannot use a warning, and so are local rules it refused to load."""
    from gilint.config import ConfigError

    try:
        linter = session.linter_for(where)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    for warning in session.new_warnings():
        _warn(warning)
    for problem in linter.problems:
        _warn(str(problem))
    return linter


# -- check --------------------------------------------------------------------------


def _check_command(args: argparse.Namespace) -> int:
    from gilint.extras import importable
    from gilint.findings import Severity
    from gilint.loading import read_input_stream
    from gilint.output import output
    from gilint.reporters import Summary, available
    from gilint.rule import CorpusRule
    from gilint.runner import STDIN, collect, run

    overrides: dict[str, Any] = {
        "select": _codes(args.select),
        "ignore": _codes(args.ignore),
        "extend_select": _codes(args.extend_select),
        "template": args.template,
        "local_rules": _local_rules(args),
        "rule_timeout": args.rule_timeout,
        "extract_timeout": args.extract_timeout,
        "per_file_ignores": _per_file_ignores(args.per_file_ignores),
    }
    paths = args.paths or ["."]
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler 只能与 --engine dask 同用")
    session = _session(args, overrides)
    session.max_bytes = args.max_file_size
    # validates the configuration before any work
    linter = _linter(session, Path.cwd() if paths[0] == STDIN else Path(paths[0]))
    reporters = available(linter.registry)
    if args.output and args.output.endswith(".parquet") and args.format == "concise":
        args.format = "parquet"  # -o findings.parquet says which format
    if args.format not in reporters:
        raise UsageError(f"未知的输出格式“{args.format}”，可选：{'、'.join(reporters)}")
    reporter_class = reporters[args.format]
    if reporter_class.binary and (not args.output or args.statistics):
        raise UsageError(
            f"{args.format} 格式只能写入文件：请用 -o 指定输出文件（不能与 --statistics 同用）"
        )
    if args.format == "parquet" and not importable("pyarrow"):
        raise UsageError('Parquet 输出需要安装 pyarrow：pip install "gilint[dask]"')
    session.needs_source = reporter_class.needs_source
    session.needs_view = reporter_class.needs_view
    session.default_include = _include_patterns(linter)
    session.needs_summary = bool(linter.registry.corpus_rules) and not args.no_cross_report
    session.summary_prose = any(
        issubclass(rule, CorpusRule) and rule.reads_prose and rule.installed()
        for rule in (entry.rule for entry in linter.registry.corpus_rules)
    )
    if args.show_settings:
        return _show_settings(session, linter, Path.cwd() if paths[0] == STDIN else Path(paths[0]))
    collected = collect(paths, session)
    files = list(collected.files)
    errors = list(collected.problems)
    for folder in collected.empty:
        patterns = "、".join(session.default_include)
        _warn(f"目录 {folder} 中没有找到报告文件（按 include 设置查找，默认为 {patterns}）")
    for link in collected.outside:
        reason = "它是指向所查目录之外的符号链接（如需检查，请在命令行直接给出该文件）"
        _warn(f"未检查 {link}：{reason}")
    _resolve_configs(session, files)
    if args.output:
        _refuse_an_input_as_output(args.output, [*paths, *files])
    stdin = None
    if STDIN in files:
        try:
            stdin = read_input_stream(sys.stdin.buffer, session.max_bytes)
        except OSError as exc:
            errors.append(f"无法读取标准输入：{_os_error(exc)}")
            files.remove(STDIN)
    threshold = Severity.parse(args.fail_on).rank
    failed = False
    known = _read_baseline(args.baseline)
    hidden: Counter[str] = Counter()  # baseline entries met, by status
    everything: list[Finding] = []
    progress = _progress(len(files))
    with output(args.output) as stream:
        reporter = reporter_class(
            stream, registry=linter.registry, color=_use_color(args.color, stream), quiet=args.quiet
        )
        summary = Summary()
        if not args.statistics:
            reporter.start()
        if args.engine == "dask":
            results = _dask_results(files, session, linter, args, stdin, progress, errors)
        else:
            results = _outcomes(run(files, session, args.jobs, stdin), progress, errors)
            if session.needs_summary:  # rules across reports need every report first
                checked = list(results)
                summaries = [s for r in checked for s in r.summaries]
                rules = (  # (one report has nothing to be compared with: no rule loaded)
                    _corpus_rules(linter, session, [r.path for r in checked])
                    if len(summaries) > 1
                    else []
                )
                found = [f for rule in rules for f in rule.check_corpus(summaries)]
                results = iter(_with_findings_across(checked, found, session))
        for result in results:
            everything.extend(result.findings)
            failing = list(result.findings)
            if known:
                result, failing = _apply_baseline(result, known, hidden)
            summary.add(result)
            failed = failed or any(f.severity.rank >= threshold for f in failing)
            if not args.statistics:
                reporter.file(result)
        if progress is not None:
            progress.close()
        if args.statistics:
            _statistics(summary, linter, stream, as_json=args.format == "json")
        else:
            reporter.finish(summary)
    if hidden:
        _warn(
            f"基线 {args.baseline} 中已记录的 {sum(hidden.values())} 个问题未显示"
            f"（确认存在 {hidden['confirmed']}，不是问题 {hidden['dismissed']}，"
            f"未处理 {hidden['new']}）"
        )
    if args.write_baseline:
        _write_baseline(Path(args.write_baseline), everything)
    if errors:
        from gilint.messages import complain

        for error in errors:
            complain("错误", error)
        return 2
    if args.write_baseline:
        return 0
    return 1 if failed and not args.exit_zero else 0


def _outcomes(
    outcomes: Iterator[Outcome], progress: Any, errors: list[str]
) -> Iterator[FileResult]:
    """The results of the checked files, as they come; errors are set aside."""
    for outcome in outcomes:
        if progress is not None:
            progress.update()
        if outcome.error is not None:
            errors.append(outcome.error)
            continue
        assert outcome.result is not None
        yield outcome.result


def _corpus_rules(linter: Linter, session: Session, paths: Sequence[str]) -> list[Any]:
    """The rules across reports that some checked file's configuration enables and whose
    libraries are installed; of the others the user is told once what to install."""
    from gilint.rule import CorpusRule

    chosen = []
    settings = _settings_of(session, paths)
    for entry in linter.registry.corpus_rules:
        rule = entry.rule(linter.registry.templates)
        assert isinstance(rule, CorpusRule)
        if not any(config.enabled(rule.code, path) for config, path in settings):
            continue
        if not rule.installed():
            # said when the user asked for the rule by name or prefix (GI703, GI7); a
            # plain run goes on quietly without an extra it was not asked to install
            if any(_names(config, rule.code) for config, _ in settings):
                _warn(
                    f"规则 {rule.code}（{rule.name}）未运行：需要安装 gilint[{rule.extra}]"
                    f'（pip install "gilint[{rule.extra}]"）'
                )
            continue
        chosen.append(rule)
    return chosen


def _settings_of(session: Session, paths: Sequence[str]) -> list[tuple[Config, str | None]]:
    """The different settings the files at ``paths`` are checked with: each folder's
    configuration, with the path only where per-file-ignores can set a file apart (a
    run over thousands of files of one folder asks its configuration once)."""
    distinct: dict[tuple[int, str | None], tuple[Config, str | None]] = {}
    for path in paths:
        config = session.config_for_file(path)
        key = path if config.per_file_ignores else None
        distinct.setdefault((id(config), key), (config, key))
    return list(distinct.values())


def _names(config: Any, code: str) -> bool:
    """Whether the configuration selects ``code`` by more than the GI prefix or ALL."""
    selectors = (*(config.select or ()), *config.extend_select)
    return any(len(s) > 2 and s != "ALL" and code.startswith(s) for s in selectors)


def _with_findings_across(
    results: list[FileResult], found: Sequence[Finding], session: Session
) -> list[FileResult]:
    """The results with the findings of the rules across reports added to the files they
    are about (each file's configuration decides whether such a rule runs for it, and at
    which severity)."""
    import attrs

    from gilint.findings import Finding

    by_path: dict[str, list[Finding]] = {}
    for finding in found:
        config = session.config_for_file(finding.path or ".")
        if not config.enabled(finding.code, finding.path):
            continue
        severity = config.severity_of(finding.code, finding.severity)
        by_path.setdefault(finding.path or "", []).append(attrs.evolve(finding, severity=severity))
    return [
        attrs.evolve(
            r,
            findings=tuple(sorted((*r.findings, *by_path.get(r.path, ())), key=Finding.sort_key)),
            summaries=(),
        )
        for r in results
    ]


def _dask_results(
    files: list[str],
    session: Session,
    linter: Linter,
    args: argparse.Namespace,
    stdin: bytes | None,
    progress: Any,
    errors: list[str],
) -> Iterator[FileResult]:
    """The results of a run on Dask (``--engine dask``): streamed in file order when no
    rule across reports runs, else held (findings only) until those rules are done."""
    from gilint import dask_engine
    from gilint.runner import Outcome

    if not dask_engine.installed():
        raise UsageError(
            f'--engine dask 需要安装 gilint[{dask_engine.EXTRA}]：pip install "gilint[dask]"'
        )
    checked: list[FileResult] = []
    rules = []
    if session.needs_summary:
        # which rules run is known before any file is read: the configuration of the
        # files decides, as in the in-process run
        rules = _corpus_rules(linter, session, files)
    try:
        stream = dask_engine.run(
            files,
            session,
            workers=args.jobs,
            scheduler=args.scheduler,
            corpus_rules=rules,
            stdin=stdin,
        )
        for item in stream:
            if isinstance(item, Outcome):
                for result in _outcomes(iter([item]), progress, errors):
                    if rules:
                        checked.append(result)
                    else:
                        yield result
            else:
                yield from _with_findings_across(checked, item, session)
                checked = []
    except TimeoutError:
        raise UsageError(f"无法连接 Dask 调度器 {args.scheduler}（30 秒内未连上）") from None
    except OSError as exc:
        raise UsageError(f"无法连接 Dask 调度器 {args.scheduler}：{_os_error(exc)}") from None
    yield from checked  # no summary reached the rules (fewer than two reports)


def _read_baseline(given: str | None) -> dict[str, Entry]:
    from gilint.baseline import Baseline
    from gilint.config import ConfigError

    if given is None:
        return {}
    try:
        return Baseline.read(Path(given)).by_fingerprint()
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _apply_baseline(
    result: FileResult, known: dict[str, Entry], hidden: Counter[str]
) -> tuple[FileResult, list[Finding]]:
    """The result without the findings the baseline records, and the findings that still
    decide the exit status: the new ones and those confirmed as real problems."""
    import attrs

    shown = []
    failing = []
    for finding in result.findings:
        entry = known.get(finding.fingerprint or "")
        if entry is None:
            shown.append(finding)
            failing.append(finding)
            continue
        hidden[entry.status] += 1
        if entry.status == "confirmed":
            failing.append(finding)
    return attrs.evolve(result, findings=tuple(shown)), failing


def _write_baseline(path: Path, findings: list[Finding]) -> None:
    """Record ``findings`` in the baseline file, keeping the decisions it already holds."""
    from gilint.baseline import Baseline
    from gilint.config import ConfigError
    from gilint.output import file_output

    try:
        existing = Baseline.read(path) if path.exists() else Baseline()
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    merged = existing.merged(findings)
    with file_output(str(path)) as stream:
        stream.write(merged.text())
    _warn(f"已将 {len(merged.entries)} 个问题写入基线 {path}")


def _include_patterns(linter: Linter) -> tuple[str, ...]:
    """What a folder is searched for by default: text files, and the files of every
    loader whose libraries are installed (``.pdf`` once ``gilint[pdf]`` is)."""
    from gilint.config import DEFAULT_INCLUDE

    found = [
        f"*{suffix}"
        for loader in linter.registry.loaders
        if loader.installed()
        for suffix in loader.suffixes
    ]
    return tuple(dict.fromkeys((*DEFAULT_INCLUDE, *found)))


def _refuse_an_input_as_output(target: str, inputs: list[str]) -> None:
    """``-o`` must not name a file being checked: writing it would destroy the input."""
    from gilint.runner import STDIN

    # (the output's own identity once, not once for each of thousands of inputs)
    real = os.path.realpath(target)
    try:
        status = os.stat(target)
        identity: tuple[int, int] | None = (status.st_dev, status.st_ino)
    except OSError:
        identity = None
    for given in inputs:
        if given == STDIN:
            continue
        try:
            status = os.stat(given)
            # the same file however it is named (links, "..", another spelling)
            same = identity == (status.st_dev, status.st_ino)
        except OSError:  # a link to nothing yet: writing the output would make it one
            same = os.path.realpath(given) == real
        if same:
            raise UsageError(
                f"输出文件 {target} 是被检查的文件之一，拒绝覆盖（请换一个输出文件名）"
            )


def _resolve_configs(session: Session, files: list[str]) -> None:
    """Find every file's configuration before any work, so that each refusal to load
    local rules is said once, here, whichever worker process checks the file. A
    configuration that cannot be used is reported with the files it concerns."""
    from gilint.config import ConfigError

    for file in files:
        with contextlib.suppress(ConfigError):
            session.config_for_file(file)
    for warning in session.new_warnings():
        _warn(warning)


def _statistics(summary: Any, linter: Any, output: TextIO, *, as_json: bool) -> None:
    """How many findings each rule gave, most first: a table, or JSON with ``--format
    json`` (as ruff's ``--statistics``)."""
    from gilint.rule_docs import title

    rows = []
    for code, count in sorted(summary.by_code.items(), key=lambda item: (-item[1], item[0])):
        entry = linter.registry.rule(code)
        name, heading = (entry.rule.name, title(entry)) if entry else ("", "")
        rows.append({"code": code, "name": name, "count": count, "title": heading})
    if as_json:
        json.dump(rows, output, ensure_ascii=False, indent=2)
        output.write("\n")
        return
    for row in rows:
        output.write(f"{row['count']:>6}  {row['code']}  {row['name']:<28} {row['title']}\n")
    output.write(summary.text() + "\n")


def _show_settings(session: Session, linter: Linter, where: Path) -> int:
    """``--show-settings``: the settings a file is checked with, and where they come from."""
    from gilint.output import standard_output

    config = session.config_for(where)
    source = str(config.source) if config.source else "无（默认设置）"
    if session.isolated:
        source = "无（--isolated）"
    lines = [
        f"# {where} 的检查设置",
        f"# 配置文件：{source}",
        f"select = {_toml_list(config.select or ('ALL',))}",
        f"extend-select = {_toml_list(config.extend_select)}",
        f"ignore = {_toml_list(config.ignore)}",
        f"template = {json.dumps(config.template)}",
        f"include = {_toml_list(config.include or session.default_include)}",
        f"extend-include = {_toml_list(config.extend_include)}",
        f"exclude = {_toml_list(config.exclude)}",
        f"local-rules = {_toml_list([str(p) for p in config.local_rules])}",
        f"rule-timeout = {config.rule_timeout:g}",
        f"extract-timeout = {config.extract_timeout:g}",
        f"max-file-size = {session.max_bytes / (1024 * 1024):g}  # MB",
        "",
        "[per-file-ignores]",
        *(
            f"{json.dumps(pattern, ensure_ascii=False)} = {_toml_list(codes)}"
            for pattern, codes in config.per_file_ignores
        ),
        "",
        "[severity]",
        *(f"{code} = {json.dumps(level.value)}" for code, level in config.severity),
        "",
        f"# 启用的规则（{sum(config.enabled(e.rule.code) for e in linter.registry.rules)} 条）："
        + " ".join(e.rule.code for e in linter.registry.rules if config.enabled(e.rule.code)),
        "# 读取器："
        + "、".join(
            f"{loader.name}{'' if loader.installed() else '（未安装）'}"
            for loader in linter.registry.loaders
        ),
    ]
    with standard_output() as stream:
        stream.write("\n".join(lines) + "\n")
    return 0


def _toml_list(values: Any) -> str:
    return json.dumps(list(values), ensure_ascii=False)


# -- rules, rule, parse ---------------------------------------------------------------


def _linter_here(args: argparse.Namespace) -> Linter:
    """The linter of the current directory's configuration (``gilint rules``, ``rule``)."""
    session = _session(args, {"local_rules": _local_rules(args)})
    return _linter(session, Path.cwd())


def _rules_command(args: argparse.Namespace) -> int:
    from gilint.output import standard_output
    from gilint.rule_docs import rule_rows, rules_markdown

    registry = _linter_here(args).registry
    with standard_output() as stream:
        if args.format == "json":
            json.dump(rule_rows(registry), stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        elif args.format == "markdown":
            stream.write(rules_markdown(registry))
        else:
            for row in rule_rows(registry):
                stream.write(
                    f"{row['code']}  {row['name']:<28} {_severity_label(row['severity'])}  "
                    f"{row['title']}"
                    f"  [{row['origin']}]\n"
                )
    return 0


def _severity_label(value: str) -> str:
    from gilint.findings import Severity

    return Severity(value).label


def _rule_command(args: argparse.Namespace) -> int:
    """One rule's documentation, every rule's with ``--all``, or those of a prefix
    (``gilint rule GI2``), as ruff's ``rule`` command."""
    from gilint.config import normal_code
    from gilint.output import standard_output
    from gilint.rule_docs import rule_text

    registry = _linter_here(args).registry
    if args.all:
        entries = list(registry.rules)
    elif args.code:
        prefix = normal_code(args.code)
        exact = registry.rule(prefix)
        entries = (
            [exact] if exact else [e for e in registry.rules if e.rule.code.startswith(prefix)]
        )
    else:
        raise UsageError("请给出规则代码或前缀（如 GI201、GI2），或用 --all 显示全部规则")
    if not entries:
        raise UsageError(f"未知的规则代码“{args.code}”（`gilint rules` 列出全部规则）")
    with standard_output() as stream:
        stream.write("\n".join(rule_text(entry) for entry in entries))
    return 0


def _read_one(args: argparse.Namespace, overrides: dict[str, Any]) -> tuple[Linter, Loaded]:
    """``parse`` and ``extract``: the linter the file's configuration gives, and the file
    read by its loader; what cannot be read is a usage error (one line, exit 2)."""
    from gilint.loaders import LoaderError
    from gilint.loading import read_input, read_input_stream
    from gilint.parsing import read_with
    from gilint.runner import STDIN

    session = _session(
        args,
        {**overrides, "local_rules": _local_rules(args), "extract_timeout": args.extract_timeout},
    )
    linter = _linter(session, Path.cwd() if args.file == STDIN else Path(args.file))
    try:
        if args.file == STDIN:
            data = read_input_stream(sys.stdin.buffer, args.max_file_size)
        else:
            data = read_input(args.file, args.max_file_size)
        loaded = read_with(
            linter.registry.loaders, data, args.file, linter.cache, linter.config.extract_timeout
        )
    except (OSError, LoaderError) as exc:
        reason = _os_error(exc) if isinstance(exc, OSError) and exc.strerror else exc
        raise UsageError(f"无法读取文件 {args.file}：{reason}") from None
    # a damaged file, or one stopped past a limit: ``check`` reports it as GI901
    unreadable = [p.message for p in loaded.problems if p.code == "unreadable"]
    if unreadable:
        raise UsageError(f"无法读取文件 {args.file}：{unreadable[0]}")
    return linter, loaded


def _parse_command(args: argparse.Namespace) -> int:
    """The report as ``check`` reads it: with the configuration ``check`` would use for
    the file (its template setting, and the templates of plugins)."""
    from gilint.export import report_dict
    from gilint.outline import outline
    from gilint.output import standard_output
    from gilint.safe_text import printable

    linter, loaded = _read_one(args, {"template": args.template})
    reports = linter.parse_reports(loaded, args.file)
    with standard_output() as stream:
        if args.format == "json":
            json.dump(report_dict(*reports), stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        else:
            for number, report in enumerate(reports, 1):
                if len(reports) > 1:  # a volume: each report under its number
                    line = report.title_span.line if report.title_span else report.span.line
                    stream.write("\n" if number > 1 else "")
                    stream.write(f"== 第 {number} 份报告（行 {line}）==\n")
                for text in outline(report):  # it quotes headings: no escape sequence
                    stream.write(printable(text) + "\n")
    return 0


def _extract_command(args: argparse.Namespace) -> int:
    """The text gilint reads from a file (a PDF's, a Word document's, a page's), for a
    person to see what the rules saw. Written to a file or a pipe, it is that text
    exactly; on a terminal, a control character in it (an escape sequence that came
    with the file) shows as U+FFFD, one for one, so columns still count as in findings."""
    from gilint.output import is_terminal, standard_output
    from gilint.safe_text import printable

    _, loaded = _read_one(args, {})
    text = loaded.text if loaded.text.endswith("\n") else loaded.text + "\n"
    with standard_output() as stream:
        if is_terminal(stream):
            text = "\n".join(printable(line) for line in text.split("\n"))
        stream.write(text)
    return 0


def _cache_command(args: argparse.Namespace) -> int:
    from gilint.cache_command import run

    return run(
        args.action or "info", getattr(args, "older_than", None), getattr(args, "dry_run", False)
    )


# -- the parser -----------------------------------------------------------------------


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
        # argparse passes "" when it builds a subcommand's name from its parent's usage
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Chinese: its usage line, group titles and help option here, its error
    texts through :func:`gilint.messages.argparse_error`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示此帮助信息并退出")

    def error(self, message: str) -> Any:  # one line, exit 2, as for every usage error
        from gilint.messages import argparse_error

        raise UsageError(argparse_error(message))


def _config_options(command: argparse.ArgumentParser) -> None:
    """Where the configuration and local rules come from: the same for every command."""
    command.add_argument(
        "--config",
        action="append",
        metavar="FILE|KEY=VALUE",
        help="使用此配置文件，不再查找；或以“键 = 值”覆盖一项设置（可重复）",
    )
    command.add_argument(
        "--isolated", action="store_true", help="忽略所有配置文件（只用命令行选项）"
    )
    command.add_argument(
        "--local-rules", action="append", default=[], metavar="PATH", help="本地规则文件或目录"
    )
    command.add_argument(
        "--trust-local-rules",
        action="store_true",
        help="也加载当前目录之外（如被检查的目录中）的配置文件所列的本地规则",
    )


def _max_jobs() -> int:
    return (os.cpu_count() or 1) * 4


def _jobs(value: str) -> int:
    """``--jobs``: 1 to four times the CPUs; more only costs memory and start-up."""
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数：{value}") from None
    if not 1 <= jobs <= _max_jobs():
        raise argparse.ArgumentTypeError(f"应在 1 至 {_max_jobs()} 之间（CPU 数的 4 倍）：{value}")
    return jobs


def _seconds(value: str) -> float:
    from gilint.config import ConfigError, seconds

    try:
        return seconds("", float(value))
    except (ValueError, ConfigError):
        raise argparse.ArgumentTypeError(f"应为秒数（0 表示不限）：{value}") from None


def _days(value: str) -> float:
    """``--older-than`` in days: any number from 0."""
    try:
        days = float(value)
    except ValueError:
        days = -1.0
    if not 0 <= days < 1e6:  # (NaN fails too)
        raise argparse.ArgumentTypeError(f"应为不小于 0 的天数：{value}")
    return days


def _megabytes(value: str) -> int:
    """``--max-file-size`` in MB, as bytes."""
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为数字（MB）：{value}") from None
    if not 0 < size <= 1 << 20:
        raise argparse.ArgumentTypeError(f"应为大于 0 的 MB 数：{value}")
    return int(size * 1024 * 1024)


def _input_options(command: argparse.ArgumentParser) -> None:
    from gilint.loading import MAX_BYTES

    command.add_argument(
        "--max-file-size",
        type=_megabytes,
        default=MAX_BYTES,
        metavar="MB",
        help=f"读取的文件大小上限（默认 {MAX_BYTES // (1024 * 1024)} MB），超过的文件不检查",
    )
    command.add_argument(
        "--cache",
        action="store_true",
        help="缓存从PDF、Word、网页文件中读出的文本（存于本用户的缓存目录），"
        "再次检查同一文件时不再重新读取",
    )
    command.add_argument(
        "--extract-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="从一个 PDF、Word、网页文件中提取文本的时间上限（默认 120 秒，0 表示不限），"
        "超时的文件报 GI901",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gilint", description="政府信息公开工作年度报告检查工具")
    parser.add_argument(
        "--version", action="version", version=f"gilint {__version__}", help="显示版本号并退出"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="检查报告（文件、目录，- 表示标准输入）")
    check.add_argument("paths", nargs="*", metavar="PATH", help="文件或目录，默认为当前目录")
    check.add_argument(
        "--select", action="append", metavar="CODES", help="只启用这些规则（逗号分隔的代码或前缀）"
    )
    check.add_argument("--ignore", action="append", metavar="CODES", help="停用这些规则")
    check.add_argument(
        "--extend-select", action="append", metavar="CODES", help="在已选规则之外再启用这些规则"
    )
    check.add_argument(
        "--per-file-ignores",
        action="append",
        metavar="PATTERN:CODES",
        help='对匹配的文件停用这些规则（如 "archive/*.txt:GI3,GI401"，可重复）',
    )
    check.add_argument(
        "--show-settings", action="store_true", help="显示第一个路径实际使用的设置后退出"
    )
    _config_options(check)
    check.add_argument(
        "--template", choices=None, metavar="auto|2019|2021", help="按此格式读取表格"
    )
    check.add_argument(
        "--format",
        "--output-format",
        dest="format",
        default="concise",
        metavar="|".join(FORMATS),
        help="输出格式（默认 concise）",
    )
    check.add_argument("-o", "--output", metavar="FILE", help="输出写入文件")
    check.add_argument(
        "--baseline", metavar="FILE", help="只显示基线文件中没有记录的问题（已审阅的不再显示）"
    )
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="把当前的问题写入基线文件（保留其中已有的审阅结论），以 0 退出",
    )
    check.add_argument("--statistics", action="store_true", help="只输出每条规则的问题数量")
    check.add_argument(
        "--no-cross-report",
        action="store_true",
        help="不做跨报告的检查（同一机关相邻年度的数字、雷同的段落）",
    )
    check.add_argument("--exit-zero", action="store_true", help="有问题也以 0 退出")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="error",
        help="达到此严重程度时以 1 退出（默认 error）",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help=f"并行进程数，1 至 {_max_jobs()}（默认为 CPU 数）",
    )
    check.add_argument(
        "--engine",
        choices=("process", "dask"),
        default="process",
        help="process：本机多进程（默认）；dask：每批报告作为一个 Dask 任务，"
        "跨报告的检查按机关分组在集群上运行（需安装 gilint[dask]）",
    )
    check.add_argument(
        "--scheduler",
        metavar="ADDR",
        help="--engine dask 时连接已运行的 Dask 调度器（如 tcp://10.0.0.1:8786），"
        "默认在本机启动 --jobs 个工作进程；各工作节点须能按同一路径读到报告文件",
    )
    _input_options(check)
    check.add_argument(
        "--rule-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="每条规则检查一份报告的时间上限（默认 10 秒，0 表示不限）",
    )
    check.add_argument("--quiet", "-q", action="store_true", help="不输出汇总行")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.set_defaults(run=_check_command)

    rules = commands.add_parser("rules", help="列出全部规则")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    _config_options(rules)
    rules.set_defaults(run=_rules_command)

    rule = commands.add_parser("rule", help="显示一条规则的说明")
    rule.add_argument("code", metavar="CODE", nargs="?", help="规则代码或前缀（如 GI201、GI2）")
    rule.add_argument("--all", action="store_true", help="显示全部规则的说明")
    _config_options(rule)
    rule.set_defaults(run=_rule_command)

    parse = commands.add_parser("parse", help="解析报告并输出其结构")
    parse.add_argument("file", help="报告文件（- 表示标准输入）")
    parse.add_argument("--format", choices=("json", "tree"), default="tree", help="输出格式")
    _config_options(parse)
    parse.add_argument(
        "--template", choices=None, metavar="auto|2019|2021", help="按此格式读取表格"
    )
    _input_options(parse)
    parse.set_defaults(run=_parse_command)

    extract = commands.add_parser(
        "extract", help="输出从文件（PDF、Word、网页）中读取出的文本，即规则检查的文本"
    )
    extract.add_argument("file", help="文件（- 表示标准输入）")
    _config_options(extract)
    _input_options(extract)
    extract.set_defaults(run=_extract_command)

    cache = commands.add_parser("cache", help="查看或删除 gilint 的缓存文件")
    actions = cache.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.add_parser("info", help="缓存目录中 gilint 的文件：数量、大小、上次使用的日期（默认）")
    clean = actions.add_parser("clean", help="删除 gilint 的缓存文件")
    clean.add_argument(
        "--older-than", type=_days, metavar="DAYS", help="只删除 DAYS 天以来未用过的文件"
    )
    clean.add_argument("--dry-run", action="store_true", help="只列出将删除的文件，不删除")
    cache.set_defaults(run=_cache_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from gilint.output import OutputError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "run", None):
            parser.print_help()
            return 2
        result: int = args.run(args)
        return result
    except (UsageError, OutputError) as exc:
        from gilint.messages import complain

        complain("错误", str(exc))
        return 2
    except KeyboardInterrupt:
        print("gilint: 已中断", file=sys.stderr)
        return 130
