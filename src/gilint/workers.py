"""Worker processes for ``gilint check --jobs N``: each with a pipe of its own, so that
stopping them never waits on anything.

``multiprocessing.Pool`` could hang for good on Ctrl-C. Its workers share one result
pipe behind one lock, and ``terminate()`` sends its end marker through that pipe after
the pool's own reader of it has stopped. A worker that was writing a large result at
that moment holds the lock while it waits for room that never comes, and
``terminate()`` waits for the lock. Here nothing is shared and no thread runs beside
the main one: each worker reads a task from its own pipe and writes the result back on
it, and stopping is killing the workers and closing the pipes.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections.abc import Callable, Generator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.context import DefaultContext
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class WorkerLost(Exception):
    """A worker process ended in the middle of a task (killed, out of memory): the
    task's result, in its place."""


class _Worker:
    """A started worker process and the main process's end of its pipe."""

    __slots__ = ("conn", "process")

    def __init__(self, conn: Connection, process: BaseProcess) -> None:
        self.conn = conn
        self.process = process


def _serve(conn: Connection, inherited: Sequence[Connection]) -> None:
    """A worker's life: the work (a picklable callable) first, then tasks in and results
    out, until the main process closes the pipe or is gone. Ctrl-C reaches the whole
    process group; the main process alone handles it (it stops the workers), so no
    worker prints a traceback."""
    for other in inherited:
        other.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        work = conn.recv()
        while True:
            task = conn.recv()
            try:
                result: tuple[bool, Any] = (True, work(task))
            except Exception as exc:  # the main process raises it
                result = (False, exc)
            try:
                conn.send(result)
            except Exception as exc:  # a result that cannot be pickled
                conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    except (EOFError, BrokenPipeError):
        return  # the main process is done (or gone)


def _start(context: DefaultContext, work: Callable[[T], R], others: Sequence[_Worker]) -> _Worker:
    """One worker, with SIGINT blocked while it starts, so that none is interrupted
    before it has said that it ignores it; the main process then gets it (if any).
    A forked worker holds a copy of every pipe end the main process has open: it closes
    those of the ``others`` and the main process's end of its own, so that every pipe
    has one end in each process, and one closed, or its process gone, reads as ended at
    the other."""
    ours, theirs = context.Pipe()
    inherited = [*(w.conn for w in others), ours] if context.get_start_method() == "fork" else []
    blocked = (
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        if hasattr(signal, "pthread_sigmask")
        else None
    )
    try:
        process = context.Process(target=_serve, args=(theirs, inherited), daemon=True)
        process.start()
    finally:
        if blocked is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    theirs.close()  # (the worker's end: once the worker is gone, reading ours ends)
    ours.send(work)
    return _Worker(ours, process)


def in_workers(
    work: Callable[[T], R], tasks: Sequence[T], jobs: int
) -> Generator[R | WorkerLost, None, None]:
    """``work`` over ``tasks`` in ``jobs`` worker processes, each with one task in hand
    at a time; the results come in the order of the tasks. A task whose worker ended
    gives a :class:`WorkerLost` (and a new worker takes the next task); an exception
    raised by ``work`` is raised here. Closed early, by an exception or by the caller
    (close it: ``contextlib.closing``), it kills the workers at once."""
    context = multiprocessing.get_context()
    workers: list[_Worker] = []
    finished = False
    try:
        for _ in range(min(jobs, len(tasks))):
            workers.append(_start(context, work, workers))
        idle = list(workers)
        busy: dict[Connection, tuple[int, _Worker]] = {}  # by the worker's end of its pipe
        done: dict[int, R | WorkerLost] = {}
        given = handed = 0  # tasks handed to workers; results handed on
        while handed < len(tasks):
            while idle and given < len(tasks):
                worker = idle.pop()
                busy[worker.conn] = (given, worker)
                given += 1
                # (to a worker gone already, in vain: its end of the pipe reads as ended)
                with contextlib.suppress(OSError):
                    worker.conn.send(tasks[given - 1])
            ready = wait(list(busy))
            for conn in [c for c in busy if c in ready]:
                index, worker = busy.pop(conn)
                try:
                    ok, value = worker.conn.recv()
                except (EOFError, OSError):
                    workers.remove(worker)
                    done[index] = WorkerLost(_end(worker))
                    if given < len(tasks):  # a new worker, for the tasks still to give
                        workers.append(_start(context, work, workers))
                        idle.append(workers[-1])
                    continue
                if not ok:
                    raise value
                done[index] = value
                idle.append(worker)
            while handed in done:
                yield done.pop(handed)
                handed += 1
        finished = True
    finally:
        for worker in workers:
            if not finished:
                worker.process.terminate()  # (SIGTERM: a worker ignores only SIGINT)
            worker.conn.close()  # a worker waiting for a task reads the end and ends
        for worker in workers:
            worker.process.join()


def _end(worker: _Worker) -> str:
    """A worker whose pipe ended: made sure to be gone, and how it went."""
    worker.conn.close()
    worker.process.join(1)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    code = worker.process.exitcode
    return f"被信号 {-code} 终止" if code is not None and code < 0 else f"退出码 {code}"
