"""The peak resident memory of one process, as the process itself saw it.

``ru_maxrss`` is no good for this on Linux: a child started from a large parent reports
the parent's size at the fork as its own peak (the benchmarks' parents hold thousands of
parsed reports), and ``RUSAGE_CHILDREN`` is the largest of all children so far.
``VmHWM`` in ``/proc/self/status`` is the high-water mark of the process's own memory
since it started its program; where there is no ``/proc``, ``ru_maxrss`` is the fallback.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

_REPORT = "PEAK_KIB"


def peak_kib() -> int:
    """This process's peak resident memory in KiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def run_reporting_peak() -> None:
    """``python -m gilint`` with the arguments given, writing this process's peak to
    stderr as it exits (run in the child by :func:`gilint_peak_mb`)."""
    import atexit
    import runpy

    atexit.register(lambda: sys.stderr.write(f"{_REPORT} {peak_kib()}\n"))
    sys.argv = ["gilint", *sys.argv[1:]]
    runpy.run_module("gilint", run_name="__main__", alter_sys=True)


def gilint_peak_mb(args: list[str], env: dict[str, str]) -> float:
    """Run ``gilint ARGS`` in a fresh interpreter and return its peak resident memory."""
    folder = str(Path(__file__).resolve().parent)
    code = f"import sys; sys.path.insert(0, {folder!r}); import peak; peak.run_reporting_peak()"
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    for line in done.stderr.splitlines():
        if line.startswith(_REPORT):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"gilint reported no peak (exit {done.returncode}): {done.stderr[-500:]}")
