"""Ctrl-C held back while a library with compiled parts is imported.

A C extension interrupted in the middle of its initialisation does not stop cleanly: SciPy
(imported by datasketch, for GI703) turns the KeyboardInterrupt into ``ImportError:
initialization failed`` with a traceback, or leaves the process to die by the signal.
Held back for the length of the import, Ctrl-C takes effect just after it, where the
command turns it into exit status 130 and one line.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """SIGINT noted, not acted on, in the body; when the body ends, the handler that was
    in place gets it. Python runs signal handlers in the main thread whichever thread the
    signal reached, so this holds in a process with other threads too (masking the
    signal in one thread would not). Elsewhere than in the main thread, where no handler
    can be set, the body runs as it is; so it does where SIGINT is ignored (a background
    job of a script, started so by its shell): there is no Ctrl-C to hold back, and a
    handler of ours would only let a signal interrupt the import's system calls."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    ):
        yield
        return
    received: list[FrameType | None] = []

    def note(signum: int, frame: FrameType | None) -> None:
        received.append(frame)

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            if callable(previous):
                previous(signal.SIGINT, received[0])  # the usual one raises KeyboardInterrupt
            elif previous == signal.SIG_DFL:
                signal.raise_signal(signal.SIGINT)
