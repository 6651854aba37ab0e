"""``python -m gilint`` and the ``gilint`` command.

The command line is imported here, inside a guard: Ctrl-C while the interpreter is still
importing gilint ends the run like Ctrl-C at any later moment, with exit status 130 and
one line, not a traceback.
"""

from __future__ import annotations

import sys


def run() -> int:
    try:
        from gilint.cli import main

        return main()
    except KeyboardInterrupt:
        print("gilint: 已中断", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(run())
