"""``gilint check --engine dask``: each batch of reports is a Dask task, and the rules
across reports run on the cluster too, as a group-by on the issuing body where a rule
allows it (``CorpusRule.groups_by``).

The reports' summaries stay on the workers; only findings come back. Results are handed
out in the order the files were given, and the findings across reports are merged in as
in the in-process run, so every output format gives the same output for either engine.
Workers read the files themselves: on a remote scheduler the paths must be the same on
every machine (a shared file system).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from gilint.extras import importable
from gilint.findings import Finding
from gilint.interrupts import interrupts_deferred
from gilint.rule import CorpusRule
from gilint.runner import STDIN, Outcome, Session, chunks
from gilint.summary import ReportSummary

# the extra that installs what this engine needs
EXTRA = "dask"


def installed() -> bool:
    return importable("dask", "distributed")


@contextlib.contextmanager
def client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers``
    single-threaded processes (the parser holds the GIL: threads would not help)."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="30s") as connected:  # type: ignore[no-untyped-call]
            yield connected
        return
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as connected,  # type: ignore[no-untyped-call]
    ):
        yield connected


def _check(
    session: Session, batch: Sequence[tuple[str, str]]
) -> tuple[list[Outcome], list[ReportSummary]]:
    """One task: a batch of (absolute path, path as given) checked; the outcomes without
    summaries, and the summaries."""
    import attrs

    outcomes: list[Outcome] = []
    summaries: list[ReportSummary] = []
    for absolute, given in batch:
        outcome = session.check(absolute, given=given)
        result = outcome.result
        if result is not None and result.summaries:
            summaries.extend(result.summaries)
            outcome = attrs.evolve(outcome, result=attrs.evolve(result, summaries=()))
        outcomes.append(outcome)
    return outcomes, summaries


def _first(pair: tuple[Any, Any]) -> Any:
    return pair[0]


def _second(pair: tuple[Any, Any]) -> Any:
    return pair[1]


def _rule(session: Session, where: str, code: str) -> CorpusRule:
    """The corpus rule ``code`` as the run's configuration registers it, rebuilt on the
    worker (a plugin's class need not be importable by name there)."""
    registry = session.linter_for(Path(where)).registry
    entry = next(e for e in registry.corpus_rules if e.rule.code == code)
    rule = entry.rule(registry.templates)
    assert isinstance(rule, CorpusRule)
    return rule


def _run_rule(
    session: Session, where: str, code: str, summaries: Sequence[ReportSummary]
) -> list[Finding]:
    return list(_rule(session, where, code).check_corpus(summaries))


def _run_group(
    session: Session, where: str, code: str, group: tuple[str, list[ReportSummary]]
) -> list[Finding]:
    return _run_rule(session, where, code, group[1])


def _body(summary: ReportSummary) -> str:
    return summary.body


def run(
    files: Sequence[str],
    session: Session,
    *,
    workers: int,
    scheduler: str | None,
    corpus_rules: Sequence[CorpusRule],
    stdin: bytes | None = None,
) -> Iterator[Outcome | list[Finding]]:
    """Outcomes in the order of ``files``, then, when ``corpus_rules`` run, one list of
    the findings across reports (not yet filtered by each file's configuration)."""
    with interrupts_deferred():  # NumPy and more: Ctrl-C waits for the import's end
        import dask.bag
        from dask.delayed import delayed

    paths = [p for p in files if p != STDIN]
    stdin_summaries: tuple[ReportSummary, ...] = ()
    if STDIN in files:  # standard input is read here; it never goes to a worker
        outcome = session.check(STDIN, stdin or b"")
        if outcome.result is not None:
            stdin_summaries = outcome.result.summaries
        yield outcome
    if not paths and not stdin_summaries:
        return
    with client(scheduler, workers) as connected:
        size = max(1, min(64, len(paths) // (workers * 4) or 1))
        # workers may run elsewhere, in another working directory: they get absolute
        # paths, and the paths as given for every message
        batches = [[(os.path.abspath(p), p) for p in batch] for batch in chunks(paths, size)]
        checked = connected.map(_check, [session] * len(batches), batches, pure=False)
        outcomes = connected.map(_first, checked)
        summaries = connected.map(_second, checked)
        del checked
        for future in outcomes:
            yield from future.result()
            future.release()
        if not corpus_rules:
            return
        parts = [delayed(f) for f in summaries]
        if stdin_summaries:
            parts.append(delayed(list(stdin_summaries)))
        bag = dask.bag.from_delayed(parts)  # type: ignore[no-untyped-call]
        where = paths[0] if paths else STDIN
        found = []
        for rule in corpus_rules:
            if rule.groups_by == "body":
                task = functools.partial(_run_group, session, where, rule.code)
                found.append(bag.groupby(_body, shuffle="tasks").map(task).flatten())
            else:
                found.append(delayed(_run_rule)(session, where, rule.code, bag))
        findings: list[Finding] = []
        for computed in connected.gather(connected.compute(found)):
            findings.extend(computed)
        yield findings
