"""What the compiled build gains, and whether it reads reports the same.

gilint installs as pure Python; ``GILINT_COMPILE=1 pip install .`` also compiles the
modules a lint spends its time in with mypyc (``[tool.gilint-build]`` in pyproject.toml,
see ``setup.py``). This builds that wheel from the checkout, unpacks its package into a
folder, and then, in child processes, one importing the compiled package and one the
gilint this interpreter has installed:

* parses and lints the same inputs (the layout fixtures, the examples, the corpus when it
  is there, and generated reports in every layout, each kind of defect among them) and
  compares, input by input, the parse JSON, every row's cells and the findings;
* times ``Linter.lint`` over the throughput benchmark's reports, the two in turn (three
  rounds, each the best of three passes), so that the machine's drift falls on both.

Needs pip, a C compiler and the Python headers (pip installs mypy, which carries mypyc,
into the build's own environment); without them it says so and stops. Prints numbers and
the inputs that differ; asserts nothing: ``python tests/benchmarks/compiled.py [--reports
N] [--keep DIR] [--wheel WHEEL]``. With ``--wheel`` it takes a compiled wheel already
built (as CI does, which runs the whole suite on it too) instead of building one. With
``--keep`` the compiled package stays in DIR, and any other benchmark measures it with
``PYTHONPATH=DIR`` (``instructions.py`` counts it exactly).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from throughput import make_reports, with_defect

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("GILINT_CORPUS", ROOT.parent / "shared" / "corpus"))

sys.path.insert(0, str(ROOT / "build_support"))
from compile_options import compiled_modules  # noqa: E402


def missing_tools() -> str | None:
    """What the compiled build needs and this machine lacks, or None."""
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        return "no C compiler (apt-get install gcc python3-dev)"
    return None


def build_wheel(into: Path) -> Path | str:
    """The compiled wheel built from the checkout into ``into``; the build's last words
    when it fails."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(into), "."],
        cwd=ROOT,
        env={**os.environ, "GILINT_COMPILE": "1"},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return (done.stdout + done.stderr)[-3000:]
    (wheel,) = into.glob("gilint-*.whl")
    return wheel


def unpack(wheel: Path, folder: Path) -> None:
    """The wheel's package unpacked into ``folder``, without its metadata: the installed
    gilint's entry points name the same modules, and the compiled ones come first on the
    path."""
    with zipfile.ZipFile(wheel) as archive:
        names = [name for name in archive.namelist() if ".dist-info/" not in name]
        archive.extractall(folder, names)


def inputs() -> list[tuple[str, bytes]]:
    """The compared inputs: the layout fixtures, the example reports, the corpus, generated
    reports."""
    from gilint.testing import LAYOUTS, render, sample_report

    found = [
        *sorted((ROOT / "tests" / "fixtures" / "reports").glob("*.txt")),
        *sorted((ROOT / "docs" / "examples").glob("*.txt")),  # the example reports
        *(sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []),
    ]
    out = [(str(p.relative_to(p.parents[1])), p.read_bytes()) for p in found]
    for seed in range(8):
        for year in ("2019", "2021"):
            data = sample_report(year, seed=seed, high=(9, 60, 999)[seed % 3])
            if seed % 4:  # three seeds in four with a defect, each kind in turn
                data = with_defect(data, seed % 4 - 1)
            for layout in LAYOUTS:
                out.append(
                    (f"generated {seed} {year} {layout}", render(data, layout).text.encode())
                )
    return out


def fingerprints() -> dict[str, Any]:
    """In a child: which build it runs, and a digest of each input's reading."""
    import gilint
    import gilint.lexer
    from gilint.export import report_dict

    linter = gilint.Linter(gilint.Config(select=("GI",)))
    digests = {}
    for name, data in inputs():
        report = linter.parse(data)
        cells = [repr(row.cells) for table in report.tables() for row in table.rows]
        findings = [
            (f.code, f.span.start, f.span.end, f.message, [(s.start, s.end) for s in f.related])
            for f in linter.check(report)
        ]
        text = json.dumps([report_dict(report), cells, findings], ensure_ascii=False, default=str)
        digests[name] = hashlib.sha256(text.encode()).hexdigest()
    return {"lexer": gilint.lexer.__file__, "digests": digests}


def lint_ms(folder: Path) -> float:
    """In a child: best of three passes of ``Linter.lint``, ms per report."""
    import gilint

    data = [p.read_bytes() for p in sorted(folder.glob("*.txt"))]
    linter = gilint.Linter(gilint.Config(select=("GI",)))
    for item in data[:20]:
        linter.lint(item)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for item in data:
            linter.lint(item)
        best = min(best, (time.perf_counter() - start) / len(data))
    return best * 1000


class ChildFailed(Exception):
    """A child process failed; the message is the end of what it wrote."""


def _child(compiled: Path | None, *args: str) -> Any:
    """What a child run of this script printed (JSON): with the compiled package first on
    the path when ``compiled`` is given, else with the gilint this interpreter has."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if compiled is not None:
        env["PYTHONPATH"] = str(compiled)
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        build = "compiled" if compiled is not None else "interpreted"
        raise ChildFailed(f"the {build} run failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def compare_and_time(folder: Path, reports: Path, count: int) -> dict[str, list[float]] | None:
    """Prints how many inputs the compiled package in ``folder`` reads the same, and returns
    the ms per report of both builds over ``count`` benchmark reports written to
    ``reports``, three alternating rounds (None when the compiled package was not the one
    imported)."""
    compiled, installed = _child(folder, "--child-digests"), _child(None, "--child-digests")
    if not compiled["lexer"].endswith((".so", ".pyd")):
        print(f"the compiled package was not imported (the lexer came from {compiled['lexer']})")
        return None
    differ = [
        name
        for name, digest in installed["digests"].items()
        if compiled["digests"].get(name) != digest
    ]
    total = len(installed["digests"])
    print(f"inputs read the same, compiled and not: {total - len(differ)} of {total}")
    for name in differ:
        print(f"  differs: {name}")

    reports.mkdir()
    make_reports(reports, count)
    times: dict[str, list[float]] = {"compiled": [], "interpreted": []}
    for _ in range(3):
        times["compiled"].append(_child(folder, "--child-time", str(reports)))
        times["interpreted"].append(_child(None, "--child-time", str(reports)))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="compile into this folder and keep it")
    parser.add_argument("--wheel", type=Path, help="a compiled wheel already built: use it")
    parser.add_argument("--child-digests", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-time", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_digests:
        print(json.dumps(fingerprints()))
        return
    if args.child_time is not None:
        print(json.dumps(lint_ms(args.child_time)))
        return
    lacking = None if args.wheel else missing_tools()
    if lacking is not None:
        print(f"nothing compiled: {lacking}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "compiled"
        if folder.exists() and any(folder.iterdir()):
            print(f"{folder} is not empty: give a new or empty folder to --keep")
            return
        folder.mkdir(parents=True, exist_ok=True)
        wheel = args.wheel
        if wheel is None:
            start = time.perf_counter()
            built = build_wheel(Path(tmp))
            if isinstance(built, str):
                print("the compiled build failed:")
                print(built)
                return
            wheel, took = built, time.perf_counter() - start
            modules = len(compiled_modules(ROOT))
            print(f"built {wheel.name} ({modules} modules compiled) in {took:.0f} s")
        unpack(wheel, folder)

        try:
            times = compare_and_time(folder, Path(tmp) / "reports", args.reports)
        except ChildFailed as problem:
            print(problem)
            return
    if times is None:
        return
    ratios = [i / c for c, i in zip(times["compiled"], times["interpreted"], strict=True)]
    print()
    print(f"Linter.lint, {args.reports} benchmark reports, ms per report (3 alternating rounds)")
    print()
    print("| build | round 1 | round 2 | round 3 |")
    print("|---|---:|---:|---:|")
    for build, values in times.items():
        print(f"| {build} | " + " | ".join(f"{v:.3f}" for v in values) + " |")
    print()
    print(f"interpreted / compiled, median of the rounds: {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
