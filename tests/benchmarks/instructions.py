"""Instructions per report of each stage of a lint, counted by callgrind.

Wall time on a shared machine drifts by a third from hour to hour, more than most changes
gain; the number of instructions a stage executes does not drift. This renders the same
mix of reports as ``throughput.py`` and runs one child process under ``valgrind
--tool=callgrind``. The child lints some reports untimed (so that every memo is as warm
as in a long run), prepares each stage's input from the one before, and runs each stage
over all reports between two calls of ``os.getppid()``: callgrind writes its counts at
each such call (``--dump-before=getppid``), so one run gives every stage's count, with
nothing subtracted. The collector is off in the child, as ``stages.py`` has it. The
floor of ``throughput.py`` and the bare line pass of ``stages.py`` are counted the same
way, and every stage is also printed as a multiple of the floor's count; so is the
floor's decoding and NFKC alone, most of its count. For comparison it also counts the
performance issue's design for table rows (``row_probe.py``) over the same table runs.

Needs valgrind (``apt-get install valgrind``); without it, or if the counted run fails, it
says so and stops. Prints a table; asserts nothing:
``python tests/benchmarks/instructions.py [--reports N]`` (about two minutes for the
default 150 reports; CI runs 10, whose counts differ from 150's by a few per cent).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import row_probe
from stages import bare_pass, read_all, regions_and_template, table_lines
from throughput import floor, make_reports

import gilint
from gilint.build import build_report
from gilint.grammar_loader import parse_tokens
from gilint.lexer import LineLexer, lines_of
from gilint.loading import load_bytes
from gilint.locator import Locator
from gilint.normalise import normalise
from gilint.tables import region_of
from gilint.templates import NATIONAL

_LINT = "whole lint (Linter.lint), for comparison"  # each stage's share is of this
_FLOOR = "the floor: read + decode + NFKC + regex pass (throughput.floor)"  # and its multiple
_PROBE = "for comparison: table rows read one match each (row_probe.read, the issue's design)"
# (name, included in the stage above it): the rows of the table, in the child's order
STAGES = (
    ("load: decode, line ends; normalise", False),
    ("line lexer (table cells included)", False),
    ("cutting table lines into cells and row lines (in the lexer)", True),
    ("Lark LALR parse of the tokens", False),
    ("build the AST (table regions and reader included)", False),
    ("table regions: captions, format evidence (in the build)", True),
    ("the table reader (in the build)", True),
    # not a stage of a lint: the performance issue's design, over the same table runs
    (_PROBE, False),
    ("rules, on freshly parsed reports", False),
    (_LINT, False),
    ("for scale: the floor's reading, then a bare line pass (stages.bare_pass)", False),
    (_FLOOR, False),
    # most of the floor's count: a tight C loop, many more instructions a second than a
    # lint's (see docs/performance.md, "In instructions")
    ("decode and NFKC (the bytes already read)", True),
)
_WARM = 20  # reports linted before anything is counted


def _marker() -> None:
    """Where callgrind writes the counts so far and starts again (see the module doc)."""
    os.getppid()


def child(folder: Path) -> None:
    """Run every stage between markers (see the module doc)."""
    gc.disable()
    paths = sorted(folder.glob("*.txt"))
    data = [p.read_bytes() for p in paths]
    warm, counted = data[:_WARM], data[_WARM:]
    linter = gilint.Linter(gilint.Config(select=("GI",)))
    lexer = LineLexer(NATIONAL)
    for item in warm:
        linter.lint(item)
        lexer.lex(normalise(load_bytes(item).text).text)

    def stage(work: Callable[[Any], object], items: Sequence[Any]) -> list[Any]:
        _marker()
        results = [work(item) for item in items]
        _marker()
        return results

    pairs = stage(lambda item: (ld := load_bytes(item), normalise(ld.text)), counted)
    loaded, normalised = [ld for ld, _ in pairs], [n for _, n in pairs]
    lexed = stage(lambda n: lexer.lex(n.text), normalised)
    cut = [(n.text, table_lines(n.text, x)) for n, x in zip(normalised, lexed, strict=True)]
    stage(lambda item: [lexer._table_line(item[0], line) for line in item[1]], cut)
    trees = stage(lambda x: parse_tokens(x.tokens), lexed)
    locators = [
        Locator(ld.text, n.text, n.offsets) for ld, n in zip(loaded, normalised, strict=True)
    ]
    items = list(zip(trees, lexed, loaded, locators, strict=True))
    stage(lambda item: build_report(item[0], item[1], item[2], item[3], NATIONAL, None), items)
    blocks = [
        (t, loc)
        for x, loc in zip(lexed, locators, strict=True)
        for t in x.tokens
        if t.type == "TBLOCK"
    ]
    stage(
        lambda b: region_of(lines_of(b[0]), b[0].start_pos, b[0].end_pos, NATIONAL, b[1]),
        blocks,
    )
    tabled = [
        (*regions_and_template(tree, x, loc), loc)
        for tree, x, loc in zip(trees, lexed, locators, strict=True)
    ]
    stage(lambda item: read_all(item[0], item[1], item[2]), tabled)
    probed = [
        row_probe.prepare(n.text, x, item[1].id, item[2])
        for n, x, item in zip(normalised, lexed, tabled, strict=True)
    ]
    stage(lambda item: row_probe.read(*item), probed)
    reports = [linter.parse(item) for item in counted]
    stage(linter.check, reports)
    stage(linter.lint, counted)
    for path in paths[:_WARM]:
        bare_pass(path)
    stage(bare_pass, paths[_WARM:])
    for path in paths[:_WARM]:
        floor(path)
    stage(floor, paths[_WARM:])
    stage(lambda item: unicodedata.normalize("NFKC", item.decode("utf-8")), counted)


def _counts(folder: Path) -> list[int]:
    """The instruction counts of the dumps callgrind wrote, in the order written."""
    dumps = sorted(folder.glob("cg.out.*"), key=lambda p: int(p.suffix[1:]))
    counts = []
    for dump in dumps:
        found = re.search(r"^summary: (\d+)", dump.read_text(errors="replace"), re.M)
        counts.append(int(found.group(1)) if found else 0)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=150)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child)
        return
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing counted (apt-get install valgrind)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_reports(folder, _WARM + args.reports)
        command = [
            "valgrind",
            "--tool=callgrind",
            "--dump-before=getppid",
            f"--callgrind-out-file={folder / 'cg.out'}",
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            str(folder),
        ]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"the counted run failed ({done.returncode}):")
            print(done.stderr[-2000:])
            return
        counts = _counts(folder)
    # dumps: the start (up to the first marker), then per stage its work and the
    # preparation of the next one's input
    per_stage = dict(zip((name for name, _ in STAGES), counts[1::2], strict=False))
    whole, least = per_stage[_LINT], per_stage[_FLOOR]
    print(f"{args.reports} reports, million instructions per report, share of a lint and")
    print("multiple of the floor (the throughput benchmark's, counted the same way)")
    print()
    print("| stage | M instructions | share of a lint | x floor |")
    print("|---|---:|---:|---:|")
    for name, inner in STAGES:
        count = per_stage[name]
        label = f"of which: {name}" if inner else name
        per_report = count / args.reports / 1e6
        print(f"| {label} | {per_report:.2f} | {count / whole:.0%} | {count / least:.1f} |")


if __name__ == "__main__":
    main()
