"""A time limit for one rule on one report.

A rule from a plugin can loop for ever on a report it did not expect; one such report
must not stop a batch of thousands. The limit is a real-time interval timer whose signal
raises :class:`RuleTimeout` inside the rule. Signals reach only the main thread, so the
limit holds where gilint runs there (the command line and its worker processes); a
library caller in another thread, or one whose program uses SIGALRM itself, gets no
limit rather than a broken one.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


class RuleTimeout(BaseException):
    """Raised inside a rule that ran past its limit. A BaseException, so that a rule's own
    ``except Exception`` does not swallow it."""


def _expired(signum: int, frame: FrameType | None) -> None:
    raise RuleTimeout


def _usable() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )


class TimeLimits:
    """Limits for the rules of one report: the signal handler is installed once for all
    of them (:meth:`armed`), the timer set once per rule (:meth:`limit`)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._active = False

    @contextlib.contextmanager
    def armed(self) -> Iterator[TimeLimits]:
        if self.seconds <= 0 or not _usable():
            yield self
            return
        previous = signal.signal(signal.SIGALRM, _expired)
        self._active = True
        try:
            yield self
        finally:
            self._active = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    @contextlib.contextmanager
    def limit(self) -> Iterator[None]:
        """The block raises :class:`RuleTimeout` once it has run ``seconds``."""
        if not self._active:
            yield
            return
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
