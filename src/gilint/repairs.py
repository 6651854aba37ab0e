"""Repairs of table rows whose cell separators were lost.

Web page text and some PDF conversions run a row's numbers together: ``6000017`` for a
row whose cells are 6, 0, 0, 0, 0, 1, 7. Which split is meant can only be told from the
identities: first the row's own (the applicants' total, each outcome group's total),
then, for rows these leave open, the table's identities down its columns (the outcomes
add up to their total in every column) over the rows read and the rows still open. A
row is split only when every way consistent with them gives it the same cells; when
several fit, it is left unread, never guessed.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from gilint.ast import Number
from gilint.templates.model import SumIdentity, TableSpec

# A cell of a run holds at most this many digits (a count of a year's applications).
MAX_CELL_DIGITS = 6
# A run is tried only up to this many digits per column (counts of real rows are short;
# the search grows with the digits: 0.04 s for 20, 0.3 s for 42 digits of table 三).
MAX_RUN_DIGITS_PER_CELL = 4
# Ways a row may still split and be settled by its table's columns: two-digit counts
# leave a row two to a dozen ways; more, and the row says too little to be worth a search.
MAX_OPEN_SPLITS = 16
# Steps (rows tried) the search over a table's open rows may take, and ways of reading
# all of them it collects, before it gives up and leaves them unread: a table with a few
# open rows takes some hundreds of steps and has one way.
MAX_TABLE_STEPS = 20_000
MAX_TABLE_WAYS = 16

Split = tuple[str, ...]


def row_splits(runs: Sequence[str], spec: TableSpec, most: int = 1) -> tuple[Split, ...]:
    """The ways to cut ``runs`` (the digit strings of a row, in order: each is one
    number or several run together) into the table's columns that its identities within
    a row allow, when there are ``most`` or fewer; none when there are more, and none
    for a table with no total in a row.

    A column that is the total of columns before it is not cut but computed: its digits
    must be the sum. Ways are counted (up to ``most`` + 1) with a memo on where the
    search stands: the position in the digits, the column, and the partial sums of the
    totals still open; so a row of any length costs at most (digits × columns × sums)
    steps, and following the ways found as many again for each."""
    if not runs or not all(r.isdigit() and r.isascii() for r in runs):
        return ()
    columns = spec.column_ids
    width = len(columns)
    digits = "".join(runs)
    if len(digits) > width * MAX_RUN_DIGITS_PER_CELL:
        return ()
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
        return ()
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
            if count > most:
                return most + 1
        return count

    start = (0,) * len(open_totals)
    if not 0 < ways(0, 0, start) <= most:
        return ()
    found: list[Split] = []

    def follow(pos: int, column: int, sums: tuple[int, ...], cells: Split) -> None:
        if column == width:
            found.append(cells)
            return
        for text in choices(pos, column, sums):
            after = advance(column, sums, text)
            if ways(pos + len(text), column + 1, after):
                follow(pos + len(text), column + 1, after, (*cells, text))

    follow(0, 0, start, ())
    return tuple(found)


def settled_splits(
    spec: TableSpec,
    open_rows: Mapping[str, Sequence[Split]],
    read: Mapping[str, Sequence[Number | None]],
) -> dict[str, Split]:
    """The rows of ``open_rows`` (row id: the ways its own identities leave it) that the
    table's identities down its columns settle, each with its one split: the split it
    has in every way of reading all open rows under which every such identity holds,
    over the rows ``read`` (row id: its numbers). An identity is used only where each of
    its rows is read, with a count in every column, or open; a row in no such identity,
    or split differently by two ways, stays open. No way at all (a table that does not
    add up) settles nothing."""
    counts = {r: found for r, row in read.items() if (found := _counts(row)) is not None}
    usable = [
        identity
        for identity in spec.identities
        if identity.axis == "column"
        and all(r in counts or r in open_rows for r in (*identity.left, *identity.right))
        and any(r in open_rows for r in (*identity.left, *identity.right))
    ]
    if not usable:
        return {}
    # the rows with the fewest ways first, so that the identities they are in are
    # complete, and checked, as early in the search as they can be
    order = sorted(
        {r for identity in usable for r in (*identity.left, *identity.right) if r in open_rows},
        key=lambda r: (len(open_rows[r]), r),
    )
    place = {r: index for index, r in enumerate(order)}
    checked_at: dict[int, list[SumIdentity]] = {}
    for identity in usable:
        last = max(place[r] for r in (*identity.left, *identity.right) if r in place)
        checked_at.setdefault(last, []).append(identity)
    numbers = {r: [tuple(map(int, way)) for way in open_rows[r]] for r in order}
    values = {r: row for r, row in counts.items() if r not in place}
    ways: list[dict[str, int]] = []
    chosen: dict[str, int] = {}
    steps = 0

    def holds(identity: SumIdentity) -> bool:
        def column(r: str, c: int) -> int:
            return numbers[r][chosen[r]][c] if r in chosen else values[r][c]

        return all(
            sum(column(r, c) for r in identity.left) == sum(column(r, c) for r in identity.right)
            for c in range(len(spec.columns))
        )

    def search(index: int) -> bool:
        """False once the search has gone on too long or found too many ways."""
        nonlocal steps
        if index == len(order):
            ways.append(dict(chosen))
            return len(ways) <= MAX_TABLE_WAYS
        row = order[index]
        for way in range(len(numbers[row])):
            steps += 1
            if steps > MAX_TABLE_STEPS:
                return False
            chosen[row] = way
            fits = all(holds(identity) for identity in checked_at.get(index, ()))
            if fits and not search(index + 1):
                return False
        chosen.pop(row, None)
        return True

    if not search(0) or not ways:
        return {}
    return {r: open_rows[r][ways[0][r]] for r in order if all(way[r] == ways[0][r] for way in ways)}


def _counts(row: Sequence[Number | None]) -> tuple[int, ...] | None:
    """``row``'s numbers, where each of its columns holds a whole number."""
    found = tuple(v for v in row if isinstance(v, int))
    return found if len(found) == len(row) else None
