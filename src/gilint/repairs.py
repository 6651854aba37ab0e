"""Repairs of table rows whose cell separators were lost.

Web page text and some PDF conversions run a row's numbers together: ``6000017`` for a
row whose cells are 6, 0, 0, 0, 0, 1, 7. Which split is meant can only be told from the
row itself: its total and the format's identities within a row (the applicants' total,
each outcome group's total). A run is split only when exactly one split is consistent
with them; when several fit, the row is left unread, never guessed.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from gilint.templates.model import TableSpec

# A cell of a run holds at most this many digits (a count of a year's applications).
MAX_CELL_DIGITS = 6
# A run is tried only up to this many digits per column (counts of real rows are short;
# the search grows with the digits: 0.04 s for 20, 0.3 s for 42 digits of table 三).
MAX_RUN_DIGITS_PER_CELL = 4


def unique_split(runs: Sequence[str], spec: TableSpec) -> tuple[str, ...] | None:
    """The one way to cut ``runs`` (the digit strings of a row, in order: each is one
    number or several run together) into the table's columns that its identities within
    a row allow; None when there is none or more than one, and for a table with no
    total in a row.

    A column that is the total of columns before it is not cut but computed: its digits
    must be the sum. Ways are counted (up to two) with a memo on where the search stands:
    the position in the digits, the column, and the partial sums of the totals still
    open; so a row of any length costs at most (digits × columns × sums) steps."""
    if not runs or not all(r.isdigit() and r.isascii() for r in runs):
        return None
    columns = spec.column_ids
    width = len(columns)
    digits = "".join(runs)
    if len(digits) > width * MAX_RUN_DIGITS_PER_CELL:
        return None
    cuts = []  # where one run ends and the next begins: always a cell boundary
    at = 0
    for run in runs[:-1]:
        at += len(run)
        cuts.append(at)
    totals: dict[int, tuple[int, ...]] = {}  # column -> the columns it is the sum of
    for identity in spec.identities:
        if identity.axis == "row" and len(identity.left) == 1:
            total = columns.index(identity.left[0])
            parts = tuple(columns.index(c) for c in identity.right)
            if all(p < total for p in parts):
                totals[total] = parts
    if not totals:
        # nothing to check a cut against (table 二): that the digits cut into the
        # columns one way only is no evidence, as a blank cell could stand anywhere
        return None
    # for each column, the totals (by column) it is a part of
    part_of = {c: tuple(t for t, ps in totals.items() if c in ps) for c in range(width)}
    open_totals = tuple(sorted(totals))

    def limit(pos: int) -> int:
        return next((c for c in cuts if c > pos), len(digits))

    def choices(pos: int, column: int, sums: tuple[int, ...]) -> list[str]:
        left = width - column - 1  # cells still to come after this one
        stop = limit(pos)
        if column in totals:
            text = str(sums[open_totals.index(column)])
            candidates = [text] if digits.startswith(text, pos) else []
        else:
            longest = 1 if digits[pos : pos + 1] == "0" else MAX_CELL_DIGITS
            candidates = [digits[pos : pos + n] for n in range(1, longest + 1)]
        found = []
        for text in candidates:
            end = pos + len(text)
            if end > stop or len(digits) - end < left or (left == 0 and end != len(digits)):
                continue
            if column not in totals:
                # the totals still to come need at least the digits of their sums so far
                after = advance(column, sums, text)
                needed = sum(
                    len(str(total)) - 1
                    for t, total in zip(open_totals, after, strict=True)
                    if t > column
                )
                if len(digits) - end < left + needed:
                    continue
            found.append(text)
        return found

    def advance(column: int, sums: tuple[int, ...], text: str) -> tuple[int, ...]:
        value = int(text)
        return tuple(
            s + value if t in part_of[column] else s for t, s in zip(open_totals, sums, strict=True)
        )

    @functools.cache
    def ways(pos: int, column: int, sums: tuple[int, ...]) -> int:
        if column == width:
            return 1 if pos == len(digits) else 0
        count = 0
        for text in choices(pos, column, sums):
            count += ways(pos + len(text), column + 1, advance(column, sums, text))
            if count > 1:
                return 2
        return count

    start = (0,) * len(open_totals)
    if ways(0, 0, start) != 1:
        return None
    cells: list[str] = []
    pos, sums = 0, start
    for column in range(width):  # follow the one way
        for text in choices(pos, column, sums):
            after = advance(column, sums, text)
            if ways(pos + len(text), column + 1, after) == 1:
                cells.append(text)
                pos, sums = pos + len(text), after
                break
    return tuple(cells)
