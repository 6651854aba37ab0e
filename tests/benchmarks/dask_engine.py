"""The Dask engine's throughput: reports per second of ``gilint check`` with the
in-process engine (``--jobs 1``, ``--jobs 2``) and with ``--engine dask`` on a local
cluster of 1 and 2 workers, cluster start-up included, and the same again with the
cluster's start-up taken out (a running scheduler, ``--scheduler``).

Reports are those of the throughput benchmark, issued by bodies over two years, so the
rules across reports (GI701–GI703) have work to do. It prints a table and asserts
nothing: ``python tests/benchmarks/dask_engine.py [--reports N]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

from gilint.testing import LAYOUTS, render, sample_report


def make_reports(folder: Path, count: int) -> None:
    for i in range(count):
        body = f"示例县第{i // 2}号机关"
        data = sample_report("2021", seed=i, issuer=body, high=(9, 60, 999)[i % 3])
        data = attrs.evolve(data, year=2023 + i % 2)
        text = render(data, LAYOUTS[i % 3]).text
        (folder / f"report-{i:05d}.txt").write_text(text, encoding="utf-8")


def timed(*args: str, cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gilint",
            "check",
            ".",
            "--isolated",
            "--format",
            "jsonl",
            "-o",
            os.devnull,
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=2000)
    args = parser.parse_args()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_reports(folder, args.reports)
        print(f"{args.reports} reports, {os.cpu_count()} CPUs")
        print(f"{'run':<44} {'seconds':>8} {'reports/s':>10}")
        runs: list[tuple[str, tuple[str, ...]]] = [
            ("in-process, --jobs 1", ("-j", "1")),
            ("in-process, --jobs 2", ("-j", "2")),
            ("dask, local cluster of 1 worker", ("--engine", "dask", "-j", "1")),
            ("dask, local cluster of 2 workers", ("--engine", "dask", "-j", "2")),
        ]
        for name, extra in runs:
            seconds = timed(*extra, cwd=folder)
            print(f"{name:<44} {seconds:8.2f} {args.reports / seconds:10.0f}")
        for workers in (1, 2):
            with LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster:
                address = cluster.scheduler_address
                seconds = timed("--engine", "dask", "--scheduler", address, cwd=folder)
            name = f"dask, running scheduler, {workers} worker(s)"
            print(f"{name:<44} {seconds:8.2f} {args.reports / seconds:10.0f}")


if __name__ == "__main__":
    main()
