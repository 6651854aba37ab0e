"""The performance issue's design for table rows, measured on the benchmark's reports.

The issue proposes reading each table row with one regular-expression match over a
table's whole region: the label text since the previous run of numbers (over any number
of lines and cells), then the row's run of numbers, the label looked up among the row
labels, the numbers read with ``split`` and no object per cell. This module is that
design built on gilint's own pieces, so that its cost can be set beside the table path
gilint has: the same canonical text and table runs (the lexer's ``TBLOCK`` spans), the
same label keys (``key_runs``) and row matcher, the same ``Row`` objects with spans of
the label and the row, each cell's place left to when a finding asks.

It is a measurement, not a reader: it keeps no header or group-label texts, reads no
captions or format evidence, joins no row split by an empty cell, repairs no run-together
numbers and knows no layout but what the one pattern covers. :func:`agreement` tells how
many of gilint's rows it reads the same. ``stages.py`` times it and ``instructions.py``
counts it beside gilint's table path; ``python tests/benchmarks/row_probe.py [--corpus
DIR] [--seeds N]`` prints, for the layout fixtures, the corpus and generated reports in
every layout, how many of gilint's labelled rows it reads the same.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from gilint.ast import CellStatus, Number, Row, Table
from gilint.labels import KeyOffsets, key_runs
from gilint.lexer import LexResult, heading_of
from gilint.locator import Locator
from gilint.tables import _label_range
from gilint.templates import NATIONAL
from gilint.templates.model import RowSpec, TableSpec, Template
from gilint.values import read_value

# A run of numbers: each a digit run (with decimals) standing alone between white space
# or pipes, the run going on over spaces, tabs, pipes and line ends. Possessive, so that
# no failed match backtracks over a long run (the issue's own warning).
_NUMBER = r"(?<![^\s|])-?+\d++(?:\.\d++)?+(?![^\s|])"
_RUN = re.compile(rf"{_NUMBER}(?:[ \t|\n]++{_NUMBER})*+")

Block = tuple[int, int, str | None]  # a table run's canonical start and end, and its part


def blocks(lexed: LexResult) -> list[Block]:
    """The table runs of a lexed report, each with the part it stands in."""
    found: list[Block] = []
    part: str | None = None
    for token in lexed.tokens:
        if token.type == "PART":
            part = heading_of(token).part or part
        elif token.type == "TBLOCK":
            found.append((token.start_pos or 0, token.end_pos or 0, part))
    return found


Prepared = tuple[str, list[Block], Template | None, Locator]  # what :func:`read` takes


def prepare(text: str, lexed: LexResult, template_id: str | None, loc: Locator) -> Prepared:
    """The probe's input for a report: its canonical text, its table runs, the template
    gilint chose for it (by id) and its locator; set apart so that benchmarks time
    :func:`read` alone."""
    return text, blocks(lexed), NATIONAL.get(template_id or ""), loc


def read(text: str, runs: Sequence[Block], template: Template | None, loc: Locator) -> list[Table]:
    """The tables of a report's table runs, one pattern match per row (none without a
    template: there are no row labels to look for)."""
    if template is None:
        return []
    tables: list[Table] = []
    for start, end, part in runs:
        candidates = tuple(t for t in template.tables if t.part == part) or template.tables
        matcher = NATIONAL.row_matcher(candidates)
        # rows by table, keyed by identity (a TableSpec's own hash walks all its rows)
        rows: dict[int, tuple[TableSpec | None, list[Row]]] = {}
        unlabelled: set[int] = set()  # the tables whose unlabelled row has been read
        previous = start
        for match in _RUN.finditer(text, start, end):
            label_text = text[previous : match.start()]
            key, key_starts, targets = key_runs(label_text)
            found = matcher.find(key) if key else ()
            row: RowSpec | None = None
            spec: TableSpec | None = candidates[0] if len(candidates) == 1 else None
            label_span = None
            # the last label, when nothing but the pipes of its cell follows it
            if found and not key[found[-1][1] :].strip("|"):
                at, stop, row, spec = found[-1]
                offsets = KeyOffsets(list(key_starts), [previous + t for t in targets])
                label_span = loc.span(*_label_range(offsets, at, stop, text))
            elif spec is not None and spec.anonymous_row is not None and id(spec) not in unlabelled:
                row = spec.anonymous_row  # the one unlabelled row of its table (table 四)
                unlabelled.add(id(spec))
            numbers = match.group().replace("|", " ").split()
            width = len(spec.columns) if spec is not None else len(numbers)
            values = _values(numbers[:width], spec)
            rows.setdefault(id(spec), (spec, []))[1].append(
                Row(
                    id=row.id if row is not None else None,
                    label=loc.text(label_span) if label_span is not None else None,
                    label_span=label_span,
                    span=loc.span(
                        label_span.start if label_span is not None else match.start(),
                        match.end(),
                    ),
                    columns=spec.column_ids if spec is not None else (),
                    statuses=(CellStatus.OK,) * len(values),
                    values=values,
                    extra_count=max(0, len(numbers) - width),
                    template_label=row.label if row is not None else None,
                )
            )
            previous = match.end()
        for spec, table_rows in rows.values():
            tables.append(
                Table(
                    id=spec.id if spec is not None else None,
                    template=template.id if spec is not None else None,
                    title=spec.title if spec is not None else "",
                    span=loc.span(table_rows[0].span.start, table_rows[-1].span.end),
                    rows=tuple(table_rows),
                )
            )
    return tables


def _values(numbers: list[str], spec: TableSpec | None) -> tuple[Number | None, ...]:
    """A row's values as gilint reads them: plain counts at once, the rest cell by cell."""
    if spec is not None and spec.counts_only and "".join(numbers).isdigit():
        return tuple(map(int, numbers))
    kinds = [c.kind for c in spec.columns] if spec is not None else ["count"] * len(numbers)
    return tuple(read_value(n, kind)[0] for n, kind in zip(numbers, kinds, strict=False))


def row_readings(tables: Sequence[Table], spans: bool = False) -> Counter[tuple[object, ...]]:
    """Each labelled row as (table, row, values), and with ``spans`` its label's and its
    own span too, counted."""
    return Counter(
        (table.id, row.id, row.values)
        + (
            (
                (row.label_span.start, row.label_span.end) if row.label_span else None,
                (row.span.start, row.span.end),
            )
            if spans
            else ()
        )
        for table in tables
        for row in table.rows
        if row.id
    )


def agreement(gilint_tables: Sequence[Table], probe_tables: Sequence[Table]) -> tuple[int, int]:
    """(gilint's labelled rows the probe read with the same table, row and values; all of
    gilint's labelled rows)."""
    theirs = row_readings(gilint_tables)
    same = row_readings(probe_tables) & theirs
    return sum(same.values()), sum(theirs.values())


def _inputs(corpus: Path, seeds: int) -> list[tuple[str, bytes]]:
    """(group, text) of the layout fixtures, the corpus and generated reports in every
    layout, grouped as the table of :func:`main` shows them."""
    from gilint.testing import LAYOUTS, render, sample_report

    root = Path(__file__).resolve().parents[2]
    found = [
        (f"layout {path.stem.split('-')[-1]}", path.read_bytes())
        for path in sorted((root / "tests" / "fixtures" / "reports").glob("*.txt"))
    ]
    found += [("corpus", path.read_bytes()) for path in sorted(corpus.glob("*.txt"))]
    for seed in range(seeds):
        for year in ("2019", "2021"):
            data = sample_report(year, seed=seed, high=(9, 60, 999)[seed % 3])
            found += [
                (f"layout {layout}", render(data, layout).text.encode()) for layout in LAYOUTS
            ]
    return found


def main() -> None:
    """Print, per group of inputs, how many of gilint's labelled rows the probe reads with
    the same table, row and values, and with the same spans too."""
    import gilint
    from gilint.lexer import LineLexer
    from gilint.loading import load_bytes
    from gilint.normalise import normalise

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "corpus"
    )
    parser.add_argument("--seeds", type=int, default=6)
    args = parser.parse_args()
    lexer = LineLexer(NATIONAL)
    linter = gilint.Linter(gilint.Config(select=("GI",)))
    totals: dict[str, list[int]] = {}
    for group, data in _inputs(args.corpus, args.seeds):
        report = linter.parse(data)
        loaded = load_bytes(data)
        canonical = normalise(loaded.text)
        loc = Locator(loaded.text, canonical.text, canonical.offsets)
        lexed = lexer.lex(canonical.text)
        probe = read(*prepare(canonical.text, lexed, report.template.id, loc))
        theirs = list(report.tables())
        same, labelled = agreement(theirs, probe)
        placed = sum((row_readings(theirs, spans=True) & row_readings(probe, spans=True)).values())
        extra = sum((row_readings(probe) - row_readings(theirs)).values())
        counts = totals.setdefault(group, [0, 0, 0, 0])
        for i, n in enumerate((labelled, same, placed, extra)):
            counts[i] += n
    print("| inputs | gilint's labelled rows | same values | and spans | rows gilint has not |")
    print("|---|---:|---:|---:|---:|")
    for group, (labelled, same, placed, extra) in totals.items():
        shares = [f"{n / labelled:.0%}" if labelled else "" for n in (same, placed)]
        print(f"| {group} | {labelled} | {shares[0]} | {shares[1]} | {extra} |")


if __name__ == "__main__":
    main()
