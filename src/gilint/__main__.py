"""``python -m gilint`` and the ``gilint`` command.

The command line is imported here, inside a guard: Ctrl-C while the interpreter is still
importing gilint ends the run like Ctrl-C at any later moment, with exit status 130 and
one line, not a traceback.
"""

from __future__ import annotations

import contextlib
import signal
import sys


def run() -> int:
    try:
        from gilint.cli import main

        status = main()
        _flush_outputs()
    except KeyboardInterrupt:
        print("gilint: 已中断", file=sys.stderr)
        _flush_outputs()
        status = 130
    finally:
        _end_at_once_on_ctrl_c()
    return status


def _flush_outputs() -> None:
    for stream in (sys.stdout, sys.stderr):  # None when the command started without one
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):  # a closed or broken output
                stream.flush()


def _end_at_once_on_ctrl_c() -> None:
    """The run is over and its output written; what is left is the interpreter's own
    shutdown (joining threads, freeing modules). A handler written in Python may not run
    there at all (Ctrl-C was lost, and the run's own status came out) or run inside
    Python's own code (a traceback). From here Ctrl-C ends the process at once, by the
    signal itself: a shell shows status 130, and a calling script sees that the command
    was interrupted. Where whoever started gilint had SIGINT ignored (a script's
    background job), it stays ignored to the end."""
    if signal.getsignal(signal.SIGINT) != signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.SIG_DFL)


if __name__ == "__main__":
    sys.exit(run())
