"""``gilint.parse``: any input to a :class:`~gilint.ast.Report`, never an exception."""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import nullcontext
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs

from gilint.ast import Diagnostic, Report
from gilint.build import assemble, build_report
from gilint.collector import collector_paused
from gilint.extraction_limits import DEFAULT_EXTRACT_TIMEOUT, ExtractionStopped, extraction_limits
from gilint.grammar_loader import parse_tokens
from gilint.lexer import LineLexer
from gilint.loaders import Loader, LoaderError, NotInstalled, choose
from gilint.loading import Loaded, LoadProblem, load_text, read_input
from gilint.locator import Locator
from gilint.normalise import normalise
from gilint.span import Span
from gilint.templates import NATIONAL
from gilint.templates.model import TemplateSet

if TYPE_CHECKING:  # (imported when --cache asks for it: JSON and tempfile are ms of start)
    from gilint.extraction_cache import ExtractionCache

Source = str | bytes | os.PathLike[str]


@lru_cache(maxsize=8)
def _lexer(templates: TemplateSet) -> LineLexer:
    return LineLexer(templates)


def load(
    source: Source,
    loaders: Sequence[Loader] | None = None,
    name: str | None = None,
    cache: ExtractionCache | None = None,
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT,
) -> tuple[Loaded, str | None]:
    """Read a path, bytes or text. A ``str`` is a path when it names an existing file and
    has no line break; otherwise it is the report text itself. Bytes and files go to the
    loader :func:`~gilint.loaders.choose` picks from ``loaders`` (by default the built-in
    ones), by their content and by their name (``name`` for bytes).

    A path that is not a regular file, or is larger than
    :data:`~gilint.loading.MAX_BYTES`, raises :class:`~gilint.loading.InputError` (an
    ``OSError``); a file whose loader needs something that is not installed (an
    optional extra, LibreOffice) raises :class:`~gilint.loaders.NotInstalled`. A
    damaged PDF or Word file is content like any other: it is read as empty, with a
    problem that says why (GI901). With a ``cache``, what a loader extracts is kept
    there and read back for the same bytes (:mod:`gilint.extraction_cache`). A loader
    is stopped after ``extract_timeout`` seconds (0: never) or when it takes too much
    memory (:mod:`gilint.extraction_limits`): the file is read as empty, with a problem
    that says which limit; so is a file whose loader raises anything else (a bug of the
    loader's or of a library's), with a problem that names the loader and the error."""
    if isinstance(source, os.PathLike) or (
        isinstance(source, str)
        and "\n" not in source
        and len(source) < 4096
        and os.path.isfile(source)
    ):
        path = os.fspath(source)
        return read_with(loaders, read_input(path), path, cache, extract_timeout), path
    if isinstance(source, bytes):
        return read_with(loaders, source, name, cache, extract_timeout), None
    return load_text(source), None


def open_cache(wanted: bool) -> ExtractionCache | None:
    """The user's extraction cache when ``wanted`` (None where there is no folder gilint
    can trust: see :meth:`gilint.extraction_cache.ExtractionCache.open`)."""
    if not wanted:
        return None
    from gilint.extraction_cache import ExtractionCache

    return ExtractionCache.open()


def read_with(
    loaders: Sequence[Loader] | None,
    data: bytes,
    name: str | None,
    cache: ExtractionCache | None = None,
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT,
) -> Loaded:
    """``data`` read by the loader chosen for it (see :func:`load`)."""
    if loaders is None:
        from gilint.loaders.builtin import BUILTIN_LOADERS

        loaders = BUILTIN_LOADERS
    loader = choose(loaders, data, name)
    key = cache.key(loader, data) if cache is not None else None
    if cache is not None and key is not None and (kept := cache.get(key)) is not None:
        return kept
    try:
        limits = extraction_limits(extract_timeout) if loader.limited else nullcontext()
        with limits:
            loaded = loader.load(data, name or "bytes")
    except NotInstalled:
        raise  # not the file's fault: the user must install something
    except (LoaderError, ExtractionStopped) as exc:  # a damaged file: a finding
        return _unread(loader, str(exc))
    except (Exception, SystemExit) as exc:  # a loader's bug (or a library's) must not
        # cost the user the whole run: the file is reported unread, as the rules' are
        return _unread(
            loader,
            f"读取器 {loader.name} 提取文本时出错（{type(exc).__name__}: {exc}），"
            "此文件未能检查，请报告此问题",
        )
    if cache is not None and key is not None:
        cache.put(key, loaded)  # (a file that could not be read is not kept: see above)
    return loaded


def _unread(loader: Loader, reason: str) -> Loaded:
    """An empty text for a file ``loader`` could not read, with the reason (GI901)."""
    problem = LoadProblem("unreadable", reason)
    return Loaded("", encoding=loader.name, origin=loader.name, problems=(problem,))


def parse(
    source: Source,
    *,
    path: str | None = None,
    templates: TemplateSet | None = None,
    template: str | None = None,
    cache: bool = False,
) -> Report:
    """Parse a report given as a path, bytes or text.

    Content never makes this raise: what cannot be read becomes a diagnostic on the
    report (rule GI901 reports them). A path that cannot be read raises ``OSError``.
    ``template`` names the format version every table is read with, as the ``template``
    setting of the configuration does; by default it is detected. ``cache`` keeps what
    was extracted from a PDF, Word or HTML file, as ``--cache`` does
    (:func:`open_cache`).
    """
    loaded, found_path = load(source, cache=open_cache(cache))
    return parse_loaded(loaded, path=path or found_path, templates=templates, template=template)


def parse_loaded(
    loaded: Loaded,
    *,
    path: str | None = None,
    templates: TemplateSet | None = None,
    template: str | None = None,
) -> Report:
    """The report of decoded text: the first, where the text holds several (with a note
    of where each other begins: see :func:`parse_reports`)."""
    return parse_reports(loaded, path=path, templates=templates, template=template)[0]


# The reports of one file read, at most (a province's volume of its bodies' reports holds
# hundreds; each read costs memory until the file is checked)
MAX_REPORTS = 1000


def _report_limit(where: Span) -> Diagnostic:
    """What a file of more reports than are read says where the first one left stands."""
    return Diagnostic(
        "report-limit",
        f"文件中的年度报告超过 {MAX_REPORTS} 份，此处起的各份未读取，其内容未参与检查",
        where,
    )


def parse_reports(
    loaded: Loaded,
    *,
    path: str | None = None,
    templates: TemplateSet | None = None,
    template: str | None = None,
) -> tuple[Report, ...]:
    """The reports of decoded text: one for most files. A file of several (a region's
    reports bound in one volume) has each read on its own, at its place in the text
    (:meth:`~gilint.lexer.LineLexer.lex_report`); the first notes where the others
    begin, and one that repeats an earlier one is noted and left out
    (:func:`~gilint.build.assemble`)."""
    templates = templates or NATIONAL
    normalised = normalise(loaded.text)
    loc = Locator(loaded.text, normalised.text, normalised.offsets)
    lexer = _lexer(templates)
    try:
        with collector_paused():  # see gilint.collector
            lexed = lexer.lex(normalised.text)
            first = build_report(
                parse_tokens(lexed.tokens), lexed, loaded, loc, templates, path, template
            )
            later = []
            read = lexed.more_reports[: MAX_REPORTS - 1]
            starts = [r.start for r in lexed.more_reports]
            ends = [*starts[1:], len(normalised.text)][: len(read)]
            for found, end in zip(read, ends, strict=True):
                part = lexer.lex_report(normalised.text, found.start, end)
                tree = parse_tokens(part.tokens)
                report = build_report(tree, part, loaded, loc, templates, path, template)
                later.append((loc.span(found.start, found.end), report))
            if len(read) < len(lexed.more_reports):  # (at most MAX_REPORTS are read)
                left = lexed.more_reports[len(read)]
                first = attrs.evolve(
                    first,
                    diagnostics=(
                        *first.diagnostics,
                        _report_limit(loc.span(left.start, left.end)),
                    ),
                )
            return assemble(first, later)
    except Exception as exc:  # a bug of ours must not cost the user the whole run
        message = f"解析器内部错误（{type(exc).__name__}: {exc}），此文件未能检查，请报告此问题"
        diagnostic = Diagnostic("internal-error", message, loc.span(0, 0))
        unread = Report.unread(
            loaded.text, path, loc.whole(), diagnostic, loaded.encoding, loaded.source_map
        )
        return (unread,)
