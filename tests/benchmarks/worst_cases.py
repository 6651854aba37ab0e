"""Worst-case inputs: parse time at 1x, 2x, 4x and 8x size, and the growth exponent.

Run by hand or in CI: ``python tests/benchmarks/worst_cases.py [--scale S]``. It prints
numbers and asserts nothing; linear growth shows as an exponent near 1.0.
"""

from __future__ import annotations

import argparse
import math
import platform
import random
import time
from collections.abc import Callable

import gilint
from gilint.testing import render, sample_report


def _long_line(n: int) -> str:
    return "一、总体情况\n" + "总体情况 0 " * (n // 11)


def _spaced_numbers(n: int) -> str:
    return "三、收到和处理政府信息公开申请情况\n" + ("1 " * 7 + "\n") * (n // 15)


def _repeated_rows(n: int) -> str:
    return "三、收到和处理政府信息公开申请情况\n" + "（七）总计 0 0 0 0 0 0 0\n" * (n // 30)


def _repeated_headings(n: int) -> str:
    return "三、收到和处理政府信息公开申请情况\n" * (n // 18)


def _spaces(n: int) -> str:
    return "第二十条" + " " * n + "第（一）项"


def _random_bytes(n: int) -> bytes:
    return random.Random(n).randbytes(n)


_REPORT = render(sample_report("2021", seed=1), "wrapped").text


def _concatenated(n: int) -> str:
    return _REPORT * max(1, n // len(_REPORT))


CASES: dict[str, tuple[Callable[[int], str | bytes], int]] = {
    # name: (maker, characters or bytes at 1x)
    "long single line": (_long_line, 625_000),
    "spaced numbers": (_spaced_numbers, 250_000),
    "repeated row lines": (_repeated_rows, 250_000),
    "repeated headings": (_repeated_headings, 45_000),
    "whitespace run": (_spaces, 250_000),
    "random bytes": (_random_bytes, 25_000),
    "reports concatenated": (_concatenated, len(_REPORT) * 125),
}


def _time(data: str | bytes, repeat: int = 3) -> float:
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        gilint.parse(data)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every 1x size")
    args = parser.parse_args()
    print(
        f"python {platform.python_version()} on {platform.machine()}, gilint {gilint.__version__}"
    )
    print(
        f"{'case':24} {'1x size':>10} "
        + " ".join(f"{f'{m}x s':>8}" for m in (1, 2, 4, 8))
        + f" {'exponent':>9}"
    )
    for name, (make, size) in CASES.items():
        base = int(size * args.scale)
        times = [_time(make(base * m)) for m in (1, 2, 4, 8)]
        exponent = math.log(times[-1] / times[0], 8) if times[0] > 0 else float("nan")
        print(f"{name:24} {base:>10} " + " ".join(f"{t:8.3f}" for t in times) + f" {exponent:9.2f}")


if __name__ == "__main__":
    main()
