"""How fast each CPU runs Python right now, all measured at the same moment.

On a virtual machine the CPUs a process sees need not be equally fast: each is a thread
of the host, and what else the host runs on or beside it slows one and not the other.
On the development machine a pure-Python loop pinned to one CPU has taken 1.75 times as
long as on the other, at the same moment, and minutes later as long. Two worker
processes then cannot finish two halves of a run in half the time, whatever gilint does:
with CPUs of speeds 1.00 and 0.57, ``--jobs 2`` can be at most 1.57 times as fast as one
process on the faster CPU. The speeds also change within seconds: a sample taken just
before or after a run of ``gilint check`` does not tell how fast the CPUs were during it
(four rounds of ``--jobs 1`` and ``--jobs 2`` over 3 000 reports gave speed-ups of 1.49
to 2.33 while the samples around them allowed 1.59 to 2.00). Run it before a benchmark
to see whether the machine is even enough to measure on.

:func:`speeds` starts one process per CPU, each pinned to its CPU, and has all of them
run the same loop over the same stretch of time. Linux only (it pins with
``os.sched_setaffinity``); elsewhere, or with one CPU, it measures nothing.
``python tests/benchmarks/cpus.py [--samples N]`` prints a few samples, a second apart.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

# One process pinned to a CPU: wait for the common start, then count rounds of a small
# pure-Python loop until the common end (time.monotonic is the same clock in every process).
_PROBE = """
import os, sys, time
cpu, start, end = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
os.sched_setaffinity(0, {cpu})
while time.monotonic() < start:
    pass
rounds = 0
while time.monotonic() < end:
    total = 0
    for k in range(2000):
        total += k & 7
    rounds += 1
print(rounds / (end - start))
"""


def speeds(seconds: float = 0.3) -> dict[int, float] | None:
    """Each CPU this process may use and its speed relative to the fastest (1.0), all
    measured over the same ``seconds``; None where CPUs cannot be pinned or there is one."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return None
    start = time.monotonic() + 0.25  # time enough for every process to start and wait
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _PROBE, str(cpu), str(start), str(start + seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for cpu in cpus
    ]
    rates = [float(child.communicate()[0]) for child in children]
    fastest = max(rates)
    return {cpu: rate / fastest for cpu, rate in zip(cpus, rates, strict=True)}


def allowed_speedup(relative: dict[int, float], processes: int) -> float:
    """How many times as fast ``processes`` processes on the fastest CPUs can be as one
    process on the fastest CPU, with CPUs of these ``relative`` speeds."""
    return sum(sorted(relative.values(), reverse=True)[:processes])


def describe(relative: dict[int, float] | None) -> str:
    if relative is None:
        return "not measured (needs Linux and two CPUs or more)"
    return ", ".join(f"CPU {cpu} {speed:.2f}" for cpu, speed in sorted(relative.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=5)
    args = parser.parse_args()
    for _ in range(args.samples):
        relative = speeds()
        if relative is None:
            print(describe(relative))
            return
        print(f"{describe(relative)}: two processes at most {allowed_speedup(relative, 2):.2f}x")
        time.sleep(1.0)


if __name__ == "__main__":
    main()
