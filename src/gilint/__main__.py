"""``python -m gilint`` and the ``gilint`` command.

The command line is imported here, inside a guard: Ctrl-C while the interpreter is still
importing gilint ends the run like Ctrl-C at any later moment, with exit status 130 and
one line, not a traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType


def run() -> int:
    try:
        from gilint.cli import main

        status = main()
    except KeyboardInterrupt:
        print("gilint: 已中断", file=sys.stderr)
        status = 130
    _end_at_once_on_ctrl_c()
    return status


def _end_at_once_on_ctrl_c() -> None:
    """The run is over and its output written; what is left is the interpreter's own
    shutdown (joining threads, freeing modules), where Ctrl-C printed a traceback from
    Python's code. From here Ctrl-C ends the process at once, with status 130."""
    for stream in (sys.stdout, sys.stderr):  # None when the command started without one
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):  # a closed or broken output
                stream.flush()

    def leave(signum: int, frame: FrameType | None) -> None:
        os._exit(130)

    signal.signal(signal.SIGINT, leave)


if __name__ == "__main__":
    sys.exit(run())
