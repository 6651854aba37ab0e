"""Where a report's time goes: each stage of ``gilint.lint`` timed on its own.

Renders the same mix of reports as ``throughput.py``, then times, per report and against
the same floor: loading (decode, line ends), normalising, the line lexer, Lark's LALR
parse of the lexer's tokens, building the AST (the table reader included) and running
every built-in rule on a freshly parsed report (so the rules pay for whatever the AST
computes on first use). Each stage runs over all reports, best of three, with the
garbage collector paused as it is during a parse. Prints a table; asserts nothing:
``python tests/benchmarks/stages.py [--reports N]``.

For scale it also times a *bare line pass*: the least a Python checker of these reports
does on top of the floor (see :func:`bare_pass`). It is not gilint and finds nothing a
user could act on; it tells how much of the per-report budget Python's own per-line
cost takes before any positions, tree, template or rule.

Last it times a whole lint (``Linter.lint``), each report through every stage in turn,
beside the sum of the stages, each of which ran over all reports before the next began:
the difference is what taking the stages one report at a time costs, not work of its own.

With ``--rules`` it then times each enabled built-in rule alone (a linter that selects
that rule only) on freshly parsed reports: whether the rules' share of a lint is one
rule's or spread over all of them. Each rule pays for what the AST computes on first
use for it, as it would if it ran alone, so the rules' times add up to more than all
rules run together, which the table gives beside them.

With ``--select GI1,GI2`` (code prefixes, as ``Config.select`` takes them) it also times
the rules and a whole lint with only those rules enabled: what a lint of a narrower
scope costs, such as the structure and table rules that the performance issue's own
probe ran, and so what the other rules add to a lint.
"""

from __future__ import annotations

import argparse
import gc
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import row_probe
from throughput import floor, make_reports

import gilint
from gilint.build import _block_regions, _Tree, _Years, build_report
from gilint.collector import collector_paused
from gilint.config import ConfigError
from gilint.grammar_loader import parse_tokens
from gilint.labels import compact_key
from gilint.lexer import LexResult, LineLexer, _Line
from gilint.loading import load_bytes
from gilint.locator import Locator
from gilint.normalise import normalise
from gilint.repairs import RepairBudget
from gilint.tables import read_region
from gilint.template_detection import detect
from gilint.templates import NATIONAL

# a part heading's start, and a row line: text, then numbers to the line's end (any layout)
_BARE_HEADING = re.compile(r"[\s*#|>]*(?:第[一二三四五六]部分|[一二三四五六七八九十]\s*[、.,:])")
_BARE_ROW = re.compile(r"(.*?)((?:[ \t|]+\d+)+)[ \t|]*$")
_ROW_KEYS = {
    k: row.id
    for template in NATIONAL.templates
    for table in template.tables
    for row in table.rows
    for k in row.match_keys()
}


def bare_pass(path: Path) -> tuple[int, list[tuple[str | None, tuple[int, ...]]]]:
    """The floor's reading, then one pass over the lines: a regular expression for part
    headings and one for row lines, each row's label looked up by its key and its numbers
    read as integers. No positions, no wrapped labels, no tree, no template, no rule."""
    text = unicodedata.normalize("NFKC", path.read_bytes().decode("utf-8"))
    headings = 0
    rows: list[tuple[str | None, tuple[int, ...]]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if _BARE_HEADING.match(line):
            headings += 1
            continue
        m = _BARE_ROW.match(line)
        if m is not None:
            numbers = tuple(map(int, m.group(2).replace("|", " ").split()))
            label = compact_key(m.group(1).strip(" \t|"))
            rows.append((_ROW_KEYS.get(label), numbers))
    return headings, rows


def table_lines(text: str, lexed: LexResult) -> list[_Line]:
    """The lines the lexer cut into cells: every line of every table run."""
    lines = []
    for token in lexed.tokens:
        if token.type == "TBLOCK":
            at = text.rfind("\n", 0, token.start_pos or 0) + 1
            for piece in text[at : token.end_pos].split("\n"):
                if piece.strip():  # (blank lines between a table's paragraphs have none)
                    lines.append(_Line(at, piece))
                at += len(piece) + 1
    return lines


def regions_and_template(tree: Any, lexed: LexResult, loc: Locator) -> tuple[list[Any], Any]:
    """The table regions of a parse tree (built bottom-up, as the AST builder does) and
    the template the report's tables are read with."""
    drafts = _Tree(loc, NATIONAL).transform(tree)
    title, period = _Years(loc).read(lexed.tokens)
    year = title.year if title else (period.year if period else None)
    regions = [(r, None) for r in _block_regions(drafts.preamble)]
    regions += [(r, s.part) for s in drafts.sections for r in _block_regions(s.block)]
    return regions, detect((e for r, _ in regions for e in r.evidence), NATIONAL, year)


def read_all(regions: list[Any], info: Any, loc: Locator) -> list[Any]:
    """The tables of (region, part) pairs."""
    budget = RepairBudget()
    return [t for r, part in regions for t in read_region(r, part, info, NATIONAL, loc, budget)]


In = TypeVar("In")
Out = TypeVar("Out")


def timed(work: Callable[[In], Out], items: Sequence[In]) -> tuple[float, list[Out]]:
    """Best-of-three seconds per item of ``work`` over ``items``, and its results."""
    best, results = float("inf"), []
    for _ in range(3):
        start = time.perf_counter()
        results = [work(item) for item in items]
        best = min(best, (time.perf_counter() - start) / len(items))
    return best, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=600)
    parser.add_argument("--rules", action="store_true", help="time each rule alone too")
    parser.add_argument(
        "--select",
        default="",
        help="code prefixes, comma-separated: also time a lint with only those rules",
    )
    args = parser.parse_args()
    selected = tuple(code.strip() for code in args.select.split(",") if code.strip())
    try:  # an unknown code or prefix is the user's mistake: say so, no traceback
        narrow = gilint.Linter(gilint.Config(select=selected)) if selected else None
    except ConfigError as exc:
        parser.error(f"--select: {exc}")
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_reports(Path(tmp), args.reports)
        floor_s, _ = timed(floor, paths)
        bare_s, _ = timed(bare_pass, paths)
        data = [p.read_bytes() for p in paths]
    nfkc_s, _ = timed(lambda item: unicodedata.normalize("NFKC", item.decode("utf-8")), data)

    gilint.parse(data[0])  # build the parser outside the timing
    lexer = LineLexer(NATIONAL)
    linter = gilint.Linter(gilint.Config(select=("GI",)))
    gc.disable()
    try:
        load_s, loaded = timed(load_bytes, data)
        norm_s, normalised = timed(lambda item: normalise(item.text), loaded)
        lex_s, lexed = timed(lambda item: lexer.lex(item.text), normalised)
        lark_s, trees = timed(lambda item: parse_tokens(item.tokens), lexed)
        items = list(zip(trees, lexed, loaded, normalised, strict=True))
        # the table path on its own: cutting table lines into cells and row lines (lexer)
        # and reading the cells against the templates (part of building the AST)
        cut = [(n.text, table_lines(n.text, x)) for n, x in zip(normalised, lexed, strict=True)]
        # as the lexer cuts them: digit-free lines (headers, wrapped labels) remembered
        cut_s, _ = timed(lambda item: [lexer._table_line(item[0], line) for line in item[1]], cut)
        locators = [
            Locator(ld.text, n.text, n.offsets) for ld, n in zip(loaded, normalised, strict=True)
        ]
        tabled = [
            (*regions_and_template(tree, x, loc), loc)
            for tree, x, loc in zip(trees, lexed, locators, strict=True)
        ]
        reader_s, read_tables = timed(lambda item: read_all(item[0], item[1], item[2]), tabled)
        # the performance issue's design over the same table runs (row_probe), and how
        # many of gilint's labelled rows it reads the same
        probed = [
            row_probe.prepare(n.text, x, item[1].id, item[2])
            for n, x, item in zip(normalised, lexed, tabled, strict=True)
        ]
        probe_s, probe_tables = timed(lambda item: row_probe.read(*item), probed)
        agreed = [
            row_probe.agreement(ours, theirs)
            for ours, theirs in zip(read_tables, probe_tables, strict=True)
        ]
        same, labelled = sum(a for a, _ in agreed), sum(b for _, b in agreed)
        build_s, _ = timed(
            lambda item: build_report(
                item[0],
                item[1],
                item[2],
                Locator(item[2].text, item[3].text, item[3].offsets),
                NATIONAL,
                None,
            ),
            items,
        )
        # rules on fresh reports, so that what the AST builds on first use is counted
        reports = [linter.parse(d) for d in data]
        rules_s, _ = timed(linter.check, reports)
        rules_fresh = fresh_check(linter, data)
        # the same stages as a lint runs them: each report through all of them in turn,
        # where every stage above ran over all reports before the next began
        lint_s, _ = timed(linter.lint, data)
        if narrow is not None:
            narrow_rules = fresh_check(narrow, data)
            narrow_lint, _ = timed(narrow.lint, data)
    finally:
        gc.enable()

    ms = 1000.0
    summed = load_s + norm_s + lex_s + lark_s + build_s + rules_fresh  # load to rules
    print(f"{args.reports} reports, ms per report and multiple of the floor")
    print()
    print("| stage | ms | x floor |")
    print("|---|---:|---:|")
    rows = [
        ("floor: read + decode + NFKC + regex pass", floor_s),
        ("of which: decode and NFKC (the bytes already read)", nfkc_s),
        ("load: decode, line ends", load_s),
        ("normalise", norm_s),
        ("line lexer (table cells included)", lex_s),
        ("Lark LALR parse of the tokens", lark_s),
        ("build the AST (table reader included)", build_s),
        ("rules, on freshly parsed reports", rules_fresh),
        ("rules, again on the same reports", rules_s),
        ("line lexer + Lark", lex_s + lark_s),
        (
            "text to Lark's tree: load, normalise, line lexer, Lark",
            load_s + norm_s + lex_s + lark_s,
        ),
        ("table path: cutting table lines into cells and row lines (in the lexer)", cut_s),
        ("table path: the table reader (in the AST build)", reader_s),
        (
            f"for comparison: table rows read one match each (row_probe, the issue's design; "
            f"{same} of gilint's {labelled} labelled rows read the same)",
            probe_s,
        ),
        (
            "every stage above but the table path",
            summed - cut_s - reader_s,
        ),
        ("for scale: the floor's reading, then a bare line pass (bare_pass)", bare_s),
        ("the stages from load to rules, summed", summed),
        ("a whole lint: each report through every stage in turn (Linter.lint)", lint_s),
    ]
    if narrow is not None:
        only = ", ".join(selected)
        rows += [
            (f"rules, on freshly parsed reports, only {only}", narrow_rules),
            (f"a whole lint with only {only} (Linter.lint)", narrow_lint),
        ]
    for name, seconds in rows:
        print(f"| {name} | {seconds * ms:.3f} | {seconds / floor_s:.1f} |")
    if args.rules:
        print()
        print("| rule, alone on freshly parsed reports | ms | x floor |")
        print("|---|---:|---:|")
        for name, seconds in each_rule(linter, data, rules_fresh):
            print(f"| {name} | {seconds * ms:.4f} | {seconds / floor_s:.2f} |")


def fresh_check(linter: gilint.Linter, data: Sequence[bytes]) -> float:
    """Best-of-three seconds per report of ``linter.check`` on reports parsed anew for
    each round (outside the timing, so that what the AST builds on first use is counted),
    with the collector paused."""
    best = float("inf")
    for _ in range(3):
        reports = [linter.parse(d) for d in data]
        with collector_paused():
            start = time.perf_counter()
            for report in reports:
                linter.check(report)
            best = min(best, (time.perf_counter() - start) / len(reports))
    return best


def each_rule(
    linter: gilint.Linter, data: Sequence[bytes], together: float
) -> list[tuple[str, float]]:
    """Each enabled rule's check time alone, slowest first, then their sum and
    ``together``, the time of all of them in one linter that the caller measured."""
    codes = [e.rule.code for e in linter.registry.rules if linter.config.enabled(e.rule.code)]
    alone = [
        (code, fresh_check(gilint.Linter(gilint.Config(select=(code,))), data)) for code in codes
    ]
    alone.sort(key=lambda item: -item[1])
    return [
        *alone,
        ("the rules' times alone, summed", sum(s for _, s in alone)),
        ("every rule in one linter (as a lint runs them)", together),
    ]


if __name__ == "__main__":
    main()
