"""``gilint check``: which files, with which configuration, in how many processes.

Each file is checked with the nearest configuration file above it (or ``--config``),
with the command line's settings on top. Files are checked in worker processes
(:mod:`gilint.workers`) when ``--jobs`` is above one; results come back in the order the
files were given, so the output is the same for any number of jobs.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from gilint.config import (
    DEFAULT_INCLUDE,
    Config,
    ConfigError,
    discover,
    guard_local_rules,
    read_file,
    with_overrides,
)
from gilint.linting import Linter
from gilint.loaders import LoaderError
from gilint.loading import MAX_BYTES, read_input
from gilint.messages import os_error
from gilint.parsing import open_cache
from gilint.reporters.base import FileResult
from gilint.review import report_view
from gilint.safe_text import display_path
from gilint.summary import summarise
from gilint.workers import WorkerLost, in_workers

STDIN = "-"


@attrs.frozen(slots=True)
class Outcome:
    """What checking one file gave: a result, or an error that stops it (exit 2)."""

    path: str
    result: FileResult | None = None
    error: str | None = None


@attrs.define
class Session:
    """The settings of one ``gilint check`` run; picklable, so workers get a copy.

    Configurations are cached per directory and linters per configuration file, so a
    batch reads each configuration file once; the caches are not pickled. ``isolated``
    ignores every configuration file; ``trust_local_rules`` lets a configuration found
    outside the user's own project (see :func:`gilint.config.owns`) load its local rules.
    ``refused`` holds, per configuration file, the warning that its local rules were
    not loaded.
    """

    overrides: dict[str, Any]
    config_file: Path | None = None
    # --config KEY=VALUE: fields that replace the file's, under the command line's flags
    inline: dict[str, Any] = attrs.field(factory=dict)
    needs_source: bool = False
    needs_view: bool = False
    needs_summary: bool = False
    summary_prose: bool = False  # a rule across reports reads their prose
    isolated: bool = False
    trust_local_rules: bool = False
    cache: bool = False  # keep what loaders extract (--cache, gilint.extraction_cache)
    max_bytes: int = MAX_BYTES
    # the file names a folder is searched for when the configuration names none
    default_include: tuple[str, ...] = DEFAULT_INCLUDE
    cwd: Path = attrs.field(factory=Path.cwd)
    refused: dict[Path, str] = attrs.field(factory=dict, repr=False)
    _told: set[Path] = attrs.field(factory=set, repr=False)
    _linters: dict[Path | None, Linter] = attrs.field(factory=dict, repr=False)
    _configs: dict[Path | None, Config] = attrs.field(factory=dict, repr=False)
    _by_folder: dict[str, Config] = attrs.field(factory=dict, repr=False)

    _PICKLED = (
        "overrides",
        "config_file",
        "inline",
        "needs_source",
        "needs_view",
        "needs_summary",
        "summary_prose",
        "isolated",
        "trust_local_rules",
        "cache",
        "max_bytes",
        "default_include",
        "cwd",
    )

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._PICKLED}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in self._PICKLED:
            setattr(self, name, state[name])
        self.refused = {}
        self._told = set()
        self._linters = {}
        self._configs = {}
        self._by_folder = {}

    def config_for(self, path: Path) -> Config:
        folder = (
            None
            if (self.config_file or self.isolated)
            else (path if path.is_dir() else path.parent)
        )
        config = self._configs.get(folder)
        if config is None:
            base = attrs.evolve(self._file_config(path), **self.inline)
            config = self._configs[folder] = with_overrides(base, **self.overrides)
        return config

    def config_for_file(self, path: str) -> Config:
        """:meth:`config_for` a file to check (:data:`STDIN`: the current folder's), asked
        once for each folder however many of its files ask (thousands of files of one
        folder cost no path object or lookup each)."""
        if path == STDIN:
            return self.config_for(Path.cwd())
        folder = os.path.dirname(path)
        config = self._by_folder.get(folder)
        if config is None:
            config = self._by_folder[folder] = self.config_for(Path(path))
        return config

    def new_warnings(self) -> list[str]:
        """The warnings of :attr:`refused` not handed out before: each is said once."""
        fresh = [w for source, w in self.refused.items() if source not in self._told]
        self._told.update(self.refused)
        return fresh

    def _file_config(self, path: Path) -> Config:
        if self.config_file:
            return read_file(self.config_file)  # named by the user: trusted
        if self.isolated:
            return Config()
        found = discover(path)
        guarded, warning = guard_local_rules(found, self.cwd, trust=self.trust_local_rules)
        if warning is not None and found.source is not None:
            self.refused[found.source] = warning
        return guarded

    def linter_for(self, path: Path) -> Linter:
        return self._linter_of(self.config_for(path))

    def _linter_of(self, config: Config) -> Linter:
        """The linter of a configuration, built once for all the files it governs."""
        if config.source not in self._linters:
            # (the cache is opened in the process that reads the files: a worker's own)
            self._linters[config.source] = Linter(config, cache=open_cache(self.cache))
            # the linter (grammar, templates, rules) lives as long as the process: the
            # cyclic collector need not scan it again after every batch of reports
            gc.freeze()
        return self._linters[config.source]

    def check(self, path: str, data: bytes | None = None, *, given: str | None = None) -> Outcome:
        """Check the file at ``path``; ``given`` is the path as the user gave it (when
        ``path`` was made absolute for a worker elsewhere), used in every message."""
        named = given or path
        try:
            linter = self._linter_of(self.config_for_file(path))
            if data is None:
                data = read_input(path, self.max_bytes)
        except ConfigError as exc:
            return Outcome(named, error=str(exc))
        except OSError as exc:
            return Outcome(named, error=f"无法读取文件 {display_path(named)}：{os_error(exc)}")
        shown = display_path(named)  # valid text in every output format
        try:
            reports = linter.parse_all(data, path=shown)
        except LoaderError as exc:
            return Outcome(named, error=f"{shown}：{exc}")
        findings = tuple(linter.check_all(reports))
        lines: dict[int, str] = {}
        if self.needs_source and findings:
            source = reports[0].source.split("\n")  # (every report's: the file's text)
            for finding in findings:
                for number in range(
                    finding.span.line, min(finding.span.end_line, finding.line + 3) + 1
                ):
                    if number <= len(source):
                        lines[number] = source[number - 1]
        view = report_view(reports, findings) if self.needs_view and findings else None
        summaries = (
            tuple(summarise(r, shown, self.summary_prose) for r in reports)
            if self.needs_summary
            else ()
        )
        given = named if named != shown else None
        return Outcome(named, FileResult(shown, findings, lines, view, summaries, given))

    def check_many(self, paths: Sequence[str]) -> list[Outcome]:
        return [self.check(p) for p in paths]


# Directories that tools and packaging create, never reports: walking into them finds
# build metadata (SOURCES.txt, top_level.txt …) that would each be reported as GI902.
SKIPPED_DIRECTORIES = ("__pycache__", "build", "dist", "node_modules", "site-packages", "venv")


def _skipped_directory(name: str) -> bool:
    """Hidden directories and those of :data:`SKIPPED_DIRECTORIES` (and ``*.egg-info``)
    are not walked into; a directory given on the command line is always checked."""
    return name.startswith(".") or name in SKIPPED_DIRECTORIES or name.endswith(".egg-info")


@attrs.frozen(slots=True)
class Collected:
    """The files a run checks; the paths it could not use (each a message: a path that
    does not exist, a folder it could not read); the folders given that hold no report
    file; the symbolic links found in a folder that point out of it, not checked."""

    files: tuple[str, ...]
    problems: tuple[str, ...] = ()
    empty: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()


def _points_outside(candidate: str, root: str) -> bool:
    """Whether ``candidate`` is a symbolic link to an existing file outside the folder
    whose real path is ``root``. A folder from someone else (an unpacked archive) may
    hold a link to any file of this machine, and a finding quotes what it reads; a link
    to nothing is left to the read, which reports it."""
    if not os.path.islink(candidate):
        return False
    target = os.path.realpath(candidate)
    if not os.path.exists(target):
        return False
    return os.path.commonpath((root, target)) != root


def collect(paths: Sequence[str], session: Session) -> Collected:
    """Files to check: given files as they are, directories recursively by the include
    and exclude patterns of their configuration, in a stable order. A folder that cannot
    be read is a problem to report, never silently left out. Inside a folder, links to
    folders are not walked (as ``os.walk`` does) and links to files outside the folder
    are not read: they are returned, to be named."""
    seen: set[str] = set()
    files: list[str] = []
    problems: list[str] = []
    empty: list[str] = []
    outside: list[str] = []

    def unreadable(error: OSError) -> None:
        problems.append(f"无法读取目录 {error.filename}：{os_error(error)}")

    for given in paths:
        if given == STDIN:
            files.append(STDIN)
            continue
        path = Path(given)
        if not os.path.lexists(given):
            problems.append(f"路径不存在：{display_path(given)}")
            continue
        if path.is_dir():
            before = len(files) + len(outside)
            config = session.config_for(path)
            root = os.path.realpath(path)
            for folder, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not _skipped_directory(d))
                for name in sorted(names):
                    candidate = Path(folder) / name
                    found = str(candidate)
                    if not config.included(candidate, session.default_include) or found in seen:
                        continue
                    seen.add(found)
                    if _points_outside(found, root):
                        outside.append(display_path(found))
                    else:
                        files.append(found)
            if len(files) + len(outside) == before:
                empty.append(display_path(given))
        elif given not in seen:
            seen.add(given)
            files.append(given)
    return Collected(tuple(files), tuple(problems), tuple(empty), tuple(outside))


def chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


BATCH = 64  # files a worker is given at most at a time


def batches(items: Sequence[str], jobs: int) -> list[Sequence[str]]:
    """``items`` cut for ``jobs`` workers: a batch is a quarter of what is left for each
    worker, at most :data:`BATCH` files and at least one. Large batches keep the traffic
    between processes small; small ones at the end keep a worker from finishing a large
    batch alone while the others have nothing left to do."""
    cut: list[Sequence[str]] = []
    start = 0
    while start < len(items):
        size = max(1, min(BATCH, (len(items) - start) // (jobs * 4)))
        cut.append(items[start : start + size])
        start += size
    return cut


def run(
    paths: Sequence[str], session: Session, jobs: int, stdin: bytes | None = None
) -> Iterator[Outcome]:
    """Check every file; outcomes come in the order of ``paths``. An interruption (or a
    caller that stops early) stops the workers at once."""
    files = [p for p in paths if p != STDIN]
    if STDIN in paths:
        yield session.check(STDIN, stdin or b"")
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield session.check(path)
        return
    cut = batches(files, jobs)
    with contextlib.closing(in_workers(session.check_many, cut, jobs)) as results:
        for batch, result in zip(cut, results, strict=True):
            if isinstance(result, WorkerLost):  # the other files are still checked
                for path in batch:
                    error = f"无法检查文件 {display_path(path)}：检查它的工作进程意外结束"
                    yield Outcome(path, error=f"{error}（{result}）")
            else:
                yield from result
