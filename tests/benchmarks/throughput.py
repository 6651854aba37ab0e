"""Throughput benchmark: gilint against the floor of reading text at all.

Renders N reports with ``gilint.testing`` (both formats, all three layouts, one in three
with a defect), writes them to a temporary directory and measures, in one run:

* the floor: read + decode + NFKC + one regex tokenisation pass, in one process;
* ``gilint.parse`` and ``Linter.lint`` (parse + every built-in rule) in one process;
* ``gilint check --format json --jobs 1`` and ``--jobs 2`` as whole processes, start-up
  included (the speed-up is the median of the rounds' ratios);
* for comparison with ``--jobs 2``: two independent ``gilint check --jobs 1`` processes,
  each over half of the reports, run at the same time, against one over all of them.
  What two processes that share nothing gain is what the machine gives two processes
  at that moment; ``--jobs 2``'s speed-up is printed over theirs;
* in process, three rounds over the reports in slices of 100, each slice timed with the
  floor, then with each measure: a multiple of the floor (the median over all slices)
  compares timings taken under a second apart, whatever the machine's speed does in
  between; whole processes, three rounds of one run each, the floor's pass first;
* start-up (interpreter + gilint imported, parser built, rules loaded) and the peak resident memory
  of ``gilint check --jobs 1`` over ``--memory-reports`` reports;
* the same floor and in-process lint for each real report of ``--corpus`` (by default the
  shared corpus beside the repository, when it is there);
* for each loader whose files can be made here (HTML always; Word and PDF with the
  ``test`` extra), ms per report to extract the text and to lint it, so that the whole
  pipeline's cost is visible (see ``loaders.py``).

It prints a table and asserts nothing: ``python tests/benchmarks/throughput.py``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import attrs
import loaders
from peak import gilint_peak_mb

import gilint
from gilint.testing import LAYOUTS, ReportData, render, sample_report

_WORDS = re.compile(r"\S+")


def with_defect(data: ReportData, kind: int) -> ReportData:
    """``data`` with one of three defects: 0 a cell of table 三 one off, 1 part 四
    missing, 2 a 2023 report in the 2019 format with no word on fees."""
    if kind == 0:
        cell = data.tables["3"]["outcome.disclosed"][0]
        return data.with_cell("3", "outcome.disclosed", "natural_person", str(int(cell) + 1))
    if kind == 1:
        return attrs.evolve(data, parts=("一", "二", "三", "五", "六"))
    return attrs.evolve(data, year=2023, other_matters=("无其他事项。",))


def make_reports(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        data = sample_report("2021" if i % 2 else "2019", seed=i, high=(9, 60, 999)[i % 3])
        if i % 3 == 1:  # one report in three has a defect, each kind in turn
            data = with_defect(data, (i // 3) % 3)
        path = folder / f"report-{i:05d}.txt"
        path.write_text(render(data, LAYOUTS[i % 3]).text, encoding="utf-8")
        paths.append(path)
    return paths


def per_report(paths: list[Path], work: Callable[[Path], object], repeat: int = 3) -> float:
    """Best-of-``repeat`` seconds per report for ``work`` over all ``paths``."""
    best = float("inf")
    for _ in range(repeat):
        best = min(best, one_pass(paths, work))
    return best


def one_pass(paths: list[Path], work: Callable[[Path], object]) -> float:
    """Seconds per report of one pass of ``work`` over all ``paths``."""
    start = time.perf_counter()
    for path in paths:
        work(path)
    return (time.perf_counter() - start) / len(paths)


@attrs.frozen
class Timed:
    """A measure's best seconds per report, and its multiple of the floor: the median of
    its time over the floor's time taken just before it on the same reports (a round, or
    a slice of one). ``rounds`` are the rounds' own multiples: their spread shows how
    much the machine moved in one run."""

    seconds: float
    multiple: float
    rounds: tuple[float, ...] = ()

    @classmethod
    def of(cls, values: list[float], floors: list[float]) -> Timed:
        ratios = tuple(v / f for v, f in zip(values, floors, strict=True))
        return cls(min(values), statistics.median(ratios), ratios)


SLICE = 100  # reports in a slice of an in-process round (about half a second of lint)


def in_rounds(
    paths: list[Path],
    works: dict[str, Callable[[Path], object]],
    rounds: int = 3,
    size: int = SLICE,
) -> dict[str, Timed]:
    """The floor and each of ``works`` timed in turn over each slice of ``size`` reports,
    in ``rounds`` rounds over all of them. A multiple of the floor is the median, over
    every slice of every round, of the measure's time on the slice over the floor's,
    taken under a second before; a round's own multiple is the median over its slices.

    The machine's speed moves within seconds: timed one pass over all reports each, some
    20 seconds apart, the rounds of one run read a lint 10.0 to 14.9 times the floor;
    slices of a second read it 10.4 to 11.0 times in every round of the same evening
    (docs/performance.md, "Method")."""
    totals: dict[str, list[float]] = {name: [] for name in ("floor", *works)}
    ratios: dict[str, list[list[float]]] = {name: [] for name in works}
    for _ in range(rounds):
        for name in totals:
            totals[name].append(0.0)
        for name in ratios:
            ratios[name].append([])
        for start in range(0, len(paths), size):
            part = paths[start : start + size]
            floor_seconds = one_pass(part, floor)
            totals["floor"][-1] += floor_seconds * len(part)
            for name, work in works.items():
                seconds = one_pass(part, work)
                totals[name][-1] += seconds * len(part)
                ratios[name][-1].append(seconds / floor_seconds)
    timed = {"floor": Timed(min(totals["floor"]) / len(paths), 1.0, (1.0,) * rounds)}
    for name, per_round in ratios.items():
        timed[name] = Timed(
            min(totals[name]) / len(paths),
            statistics.median(r for one_round in per_round for r in one_round),
            tuple(statistics.median(one_round) for one_round in per_round),
        )
    return timed


def floor(path: Path) -> int:
    text = unicodedata.normalize("NFKC", path.read_bytes().decode("utf-8"))
    return sum(1 for _ in _WORDS.finditer(text))


def check_command(folder: Path, jobs: int) -> list[str]:
    """``gilint check`` over ``folder`` as the benchmark runs it: JSON to nowhere."""
    return [
        sys.executable,
        "-m",
        "gilint",
        "check",
        str(folder),
        "--format",
        "json",
        "--jobs",
        str(jobs),
        "--exit-zero",
        "-o",
        os.devnull,
        "--select",
        "GI",
    ]


def installed_env() -> dict[str, str]:
    """The environment of the child processes: as an installed gilint runs, from bytecode
    (pip compiles it at install). An editable install run with PYTHONDONTWRITEBYTECODE
    set would recompile gilint's modules from source at every start."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@attrs.frozen
class SpeedUps:
    """Per round: the speed-up of ``--jobs 2`` over ``--jobs 1``, and for comparison the
    speed-up of two independent ``--jobs 1`` processes over halves of the reports run at
    once (see :func:`halves`): what the machine gives two processes that share nothing."""

    jobs2: tuple[float, ...]
    independent: tuple[float, ...]

    def share(self) -> float:
        """``--jobs 2``'s speed-up over the independent pair's: the median of the rounds'."""
        pairs = zip(self.jobs2, self.independent, strict=True)
        return statistics.median(j / i for j, i in pairs)


def halves(paths: list[Path], folder: Path) -> tuple[Path, Path]:
    """Two folders beside ``folder`` holding the first and the second half of ``paths``
    (hard links where the file system has them), for two processes that share no work."""
    made = []
    for name, part in (
        ("first-half", paths[: len(paths) // 2]),
        ("second-half", paths[len(paths) // 2 :]),
    ):
        half = folder.parent / name
        half.mkdir()
        for path in part:
            try:
                os.link(path, half / path.name)
            except OSError:  # a file system without hard links
                shutil.copyfile(path, half / path.name)
        made.append(half)
    return made[0], made[1]


def whole_processes(
    paths: list[Path], folder: Path, rounds: int = 3
) -> tuple[dict[str, Timed], SpeedUps]:
    """``gilint check --jobs 1`` and ``--jobs 2`` over ``folder`` as whole processes
    (per report: the wall time over the number of reports), each round the floor's pass
    over ``paths``, then one run of each, so that the machine's drift falls on all three
    alike (timed one after the other, the same two versions read anywhere from 1.54x to
    2.07x apart); then, the same round, two ``--jobs 1`` processes over the two halves
    at once, whose speed-up is what the machine gives two processes that share nothing."""
    env = installed_env()
    first, second = halves(paths, folder)

    def seconds(jobs: int) -> float:
        start = time.perf_counter()
        subprocess.run(check_command(folder, jobs), check=True, env=env)
        return (time.perf_counter() - start) / len(paths)

    def together() -> float:
        start = time.perf_counter()
        both = [subprocess.Popen(check_command(half, 1), env=env) for half in (first, second)]
        codes = [process.wait() for process in both]  # both waited for, even if one fails
        for process, code in zip(both, codes, strict=True):
            if code != 0:
                raise subprocess.CalledProcessError(code, process.args)
        return (time.perf_counter() - start) / len(paths)

    floors: list[float] = []
    ones: list[float] = []
    twos: list[float] = []
    pairs: list[float] = []
    for _ in range(rounds):
        floors.append(one_pass(paths, floor))
        ones.append(seconds(1))
        twos.append(seconds(2))
        pairs.append(together())

    timed = {"jobs1": Timed.of(ones, floors), "jobs2": Timed.of(twos, floors)}
    return timed, SpeedUps(
        tuple(o / t for o, t in zip(ones, twos, strict=True)),
        tuple(o / p for o, p in zip(ones, pairs, strict=True)),
    )


def startup() -> tuple[float, float]:
    """(bare interpreter, interpreter ready to lint: gilint, its parsing pipeline and
    rules imported, the parser built), median of 7 after one untimed run, in seconds."""
    code = "import gilint; gilint.lint('', config={})"
    env = installed_env()

    def run(args: list[str]) -> float:
        subprocess.run([sys.executable, *args], check=True, env=env)
        times = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], check=True, env=env)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    return run(["-c", "pass"]), run(["-c", code])


def peak_memory_mb(folder: Path) -> float:
    """Peak resident memory of one ``gilint check --jobs 1`` process over ``folder``, as
    that process saw it (see ``peak.py``)."""
    return gilint_peak_mb(check_command(folder, 1)[3:], installed_env())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--memory-reports", type=int, default=10000)
    parser.add_argument(
        "--corpus", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "corpus"
    )
    parser.add_argument("--loader-reports", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        paths = make_reports(folder, args.reports)
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024

        gilint.parse(paths[0])  # build the parser outside the timing
        linter = gilint.Linter(gilint.Config(select=("GI",)))
        timed = in_rounds(paths, {"parse": gilint.parse, "lint": linter.lint})
        whole, speedups = whole_processes(paths, folder)
        timed.update(whole)
        bare, started = startup()
        corpus = sorted(args.corpus.glob("*.txt")) if args.corpus.is_dir() else []
        corpus_rows = [
            (
                path,
                path.stat().st_size,
                per_report([path], floor, 30),
                per_report([path], linter.lint, 30),
            )
            for path in corpus
        ]
        loader_rows = loaders.measure(args.loader_reports)

        memory_folder = Path(tmp) / "memory"
        memory_folder.mkdir()
        make_reports(memory_folder, args.memory_reports)
        peak = peak_memory_mb(memory_folder)

    ms = 1000.0
    print(
        f"gilint {gilint.__version__}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"{args.reports} reports of {size:.1f} KiB on average"
    )
    print()
    print("| measure | ms per report | reports per second | x floor | each round | target |")
    print("|---|---:|---:|---:|---|---|")
    rows = (
        ("floor: read + decode + NFKC + regex pass", "floor", ""),
        ("gilint.parse, in process", "parse", ""),
        ("parse + all built-in rules, in process", "lint", "<= 4"),
        ("gilint check --jobs 1, whole process", "jobs1", "<= 5"),
        ("gilint check --jobs 2, whole process", "jobs2", ""),
    )
    for label, name, target in rows:
        each = _each(timed[name].rounds, places=1)
        print(
            f"| {label} | {timed[name].seconds * ms:.3f} | {1 / timed[name].seconds:.0f} | "
            f"{timed[name].multiple:.1f} | {each} | {target} |"
        )
    print()
    print(
        "(ms: the best of three rounds, and reports per second the same rounds' on one CPU, "
        "two for --jobs 2; x floor: in process, the median over all slices of "
        f"{SLICE} reports of the time over the floor's on the same slice, and for whole "
        "processes the median over the rounds of the time over the floor's in the same "
        "round; each round: the rounds' own multiples, in order)"
    )
    print()
    print("| measure | value | target |")
    print("|---|---:|---|")
    print(
        "| speed-up of --jobs 2 over --jobs 1 (median of 3 alternating rounds; each round) | "
        f"{statistics.median(speedups.jobs2):.2f}x ({_each(speedups.jobs2)}) | >= 1.8x |"
    )
    print(
        "| for comparison: two independent --jobs 1 processes over halves at once, speed-up "
        f"over one over all (each round) | {statistics.median(speedups.independent):.2f}x "
        f"({_each(speedups.independent)}) | |"
    )
    print(f"| --jobs 2's speed-up over theirs (median of the rounds') | {speedups.share():.0%} | |")
    print(
        "| start-up: import, parser build, rules loaded (from bytecode) | "
        f"{(started - bare) * ms:.0f} ms (interpreter alone {bare * ms:.0f} ms) | < 150 ms |"
    )
    print(
        f"| peak memory, gilint check --jobs 1 over {args.memory_reports} reports | "
        f"{peak:.0f} MB | < 100 MB |"
    )
    print()
    if corpus_rows:
        print(f"Real reports ({args.corpus.name}), best of 30:")
        print()
        print("| report | KiB | floor ms | lint ms | x floor |")
        print("|---|---:|---:|---:|---:|")
        for path, size_b, floor_r, lint_r in corpus_rows:
            print(
                f"| {path.name} | {size_b / 1024:.1f} | {floor_r * ms:.3f} | "
                f"{lint_r * ms:.3f} | {lint_r / floor_r:.1f} |"
            )
    else:
        print(f"Real reports: none in {args.corpus} (pass --corpus DIR)")
    print()
    print(f"Loaders ({args.loader_reports} reports of each kind):")
    print()
    print(
        "| loader | extract ms per report | from the cache (--cache) | lint ms per report "
        "| extraction share |"
    )
    print("|---|---:|---:|---:|---:|")
    for result in loader_rows:
        if len(result) == 2:
            print(f"| {result[0]} | {result[1]} | | | |")
            continue
        kind, extract_ms, cached_ms, lint_ms = result
        print(
            f"| {kind} | {extract_ms:.1f} | {cached_ms:.2f} | {lint_ms:.2f} | "
            f"{extract_ms / (extract_ms + lint_ms):.0%} |"
        )


def _each(values: tuple[float, ...], places: int = 2) -> str:
    """Each round's figure, in order."""
    return ", ".join(f"{v:.{places}f}" for v in values)


if __name__ == "__main__":
    main()
