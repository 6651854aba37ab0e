"""A time limit for one rule on one report.

A rule from a plugin can loop for ever on a report it did not expect; one such report
must not stop a batch of thousands. The limit is a real-time interval timer whose signal
raises :class:`RuleTimeout` inside the rule that is past it. Signals reach only the main
thread, so the limit holds where gilint runs there (the command line and its worker
processes); a library caller in another thread, or one whose program uses SIGALRM
itself, gets no limit rather than a broken one.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType


class RuleTimeout(BaseException):
    """Raised inside a rule that ran past its limit. A BaseException, so that a rule's own
    ``except Exception`` does not swallow it."""


def usable() -> bool:
    """Whether a SIGALRM timer can be used here: the main thread, the signal unclaimed."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )


@contextlib.contextmanager
def ticking(handler: Callable[[int, FrameType | None], None], every: float) -> Iterator[None]:
    """``handler`` called every ``every`` seconds of real time while the body runs, from
    SIGALRM; the signal's previous handler is back afterwards. Only where
    :func:`usable` says so."""
    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, every, every)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class TimeLimits:
    """Limits for the rules of one report.

    One periodic timer runs while the report's rules run (:meth:`armed`); each tick
    checks how long the current rule has been running and stops it once it is past the
    limit. A rule costs only two clock readings (:meth:`begin`, :meth:`end`), not two
    system calls, and a rule is stopped between ``seconds`` and 1.5 × ``seconds``.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._started: float | None = None

    def begin(self, spent: float = 0.0) -> float:
        """Start timing a rule that has already run ``spent`` seconds on this report (a
        visitor rule runs once per node it visits, against one limit for the report);
        returns when, by the clock, the rule would have started."""
        started = self._started = time.monotonic() - spent
        return started

    def end(self) -> None:
        self._started = None

    def _tick(self, signum: int, frame: FrameType | None) -> None:
        started = self._started
        if started is not None and time.monotonic() - started >= self.seconds:
            self._started = None  # stopped once
            raise RuleTimeout

    @contextlib.contextmanager
    def armed(self) -> Iterator[TimeLimits]:
        if self.seconds <= 0 or not usable():
            yield self
            return
        with ticking(self._tick, min(1.0, self.seconds / 2)):
            yield self
