"""Repairs of table rows whose cell separators were lost.

Web page text and some PDF conversions run a row's numbers together: ``6000017`` for a
row whose cells are 6, 0, 0, 0, 0, 1, 7. The same text keeps no trace of a blank cell,
so each cell but a total may also be blank (no digits; zero in a sum, as the rules count
it). Which split is meant can only be told from the identities: first the row's own
(the applicants' total, each outcome group's total), then, for rows these leave open,
the table's identities down its columns (the outcomes add up to their total in every
column) over the rows read and the rows still open. A row is split only when every way
consistent with them, blank cells or not, gives it the same cells; when several fit,
only the cells they all agree on are read (by the table reader), never guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from gilint.ast import Number
from gilint.templates.model import SumIdentity, TableSpec

# A cell of a run holds at most this many digits (a count of a year's applications).
MAX_CELL_DIGITS = 6
# A run is tried only up to this many digits per column (counts of real rows are short:
# table 三's 35 digits hold six counts of four digits and their total). A row's search
# takes some milliseconds, up to about 35 for table 三's digits that cut many ways and
# 250 for table 四's fifteen columns; a report's searches stop at its RepairBudget.
MAX_RUN_DIGITS_PER_CELL = 5
# Ways a row may still split and be settled by its table's columns: two-digit counts
# leave a row two to a dozen ways, and a blank cell among them as many again for each
# place it may stand; more, and the row says too little to be worth a search.
MAX_OPEN_SPLITS = 32
# Steps (rows tried) the search over a table's open rows may take, and ways of reading
# all of them it collects, before it gives up and leaves them unread: a table with a few
# open rows takes some hundreds of steps and has one way.
MAX_TABLE_STEPS = 20_000
MAX_TABLE_WAYS = 16
# Steps all the searches of one report may take (RepairBudget): the kit's reports with
# every row of table 三 run together take at most some 33 000; this many take about 1 s.
MAX_REPORT_STEPS = 150_000

Split = tuple[str, ...]


class RepairBudget:
    """The steps the searches of one report may still take: for a row, the places in its
    search it reaches (each a few microseconds); for a table's open rows, the readings
    tried. A report's tables of run-together rows take some thousands to a few tens of
    thousands; a file built to cut many ways must not cost minutes, so once the budget
    is spent rows are left unread.

    It also keeps what each row's search found (:func:`row_splits`), by the row's digits,
    its table and how many ways were asked for: a table written twice (pasted again, or
    the same line met twice in a page's text) is searched once, not once per copy."""

    def __init__(self, steps: int = MAX_REPORT_STEPS) -> None:
        self.left = steps
        self.found: dict[tuple[tuple[str, ...], TableSpec, int], tuple[Split, ...] | None] = {}

    def spend(self, steps: int) -> None:
        self.left = max(0, self.left - steps)


class _OutOfSteps(Exception):
    """A row's search reached more places than its budget has left."""


def row_splits(
    runs: Sequence[str], spec: TableSpec, most: int = 1, budget: RepairBudget | None = None
) -> tuple[Split, ...] | None:
    """The ways to cut ``runs`` (the digit strings of a row, in order: each is one
    number or several run together, with blank cells lost among them) into the table's
    columns that its identities within a row allow, when there are ``most`` or fewer
    (``()`` where none does). None where that cannot be told: there are more, the
    digits are too many to try, or the table has no total in a row to check a cut.

    A cell of a way is its digits, or "" for a blank cell (a part only: a blank total
    states no sum to check the cut by). A column that is the total of columns before it
    is not cut but computed: its digits must be the sum. A total in the last column is
    the digits' end: each of its lengths is tried in turn, and its parts may neither sum
    past it nor be longer. Ways are counted (up to ``most`` + 1) with a memo on where
    the search stands: the position in the digits, the column, and the partial sums of
    the totals still open; so a row of any length costs at most (digits × columns ×
    sums) steps, the sums bounded by the last total, and following the ways found as
    many again for each. The places reached are spent from ``budget`` (a fresh one
    where none is given); past it, None."""
    if not runs or not all(r.isdigit() and r.isascii() for r in runs):
        return None
    columns = spec.column_ids
    width = len(columns)
    digits = "".join(runs)
    if len(digits) > width * MAX_RUN_DIGITS_PER_CELL:
        return None
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
    budget = budget if budget is not None else RepairBudget()
    searched = (tuple(runs), spec, most)
    if searched in budget.found:
        return budget.found[searched]
    budget.found[searched] = found = _row_splits(digits, runs, width, totals, most, budget)
    return found


def _row_splits(
    digits: str,
    runs: Sequence[str],
    width: int,
    totals: dict[int, tuple[int, ...]],
    most: int,
    budget: RepairBudget,
) -> tuple[Split, ...] | None:
    """:func:`row_splits` once its row is known to be worth a search."""
    cuts = list(itertools.accumulate(len(run) for run in runs[:-1]))
    found: list[Split] = []
    # Where every column but the last is a part of the last, its total, the parts hold
    # all the digits before the total's: however they are cut, their sum is the sum of
    # those digits modulo 9 (a number is its digits' sum modulo 9). A value of the total
    # that differs from it there has no way, and is not searched (casting out nines).
    nines = list(totals) == [width - 1] and sorted(totals[width - 1]) == list(range(width - 1))
    digit_sum = sum(map(int, digits)) if nines else 0
    for bound in _last_totals(digits, cuts, len(totals), width - 1 in totals):
        if nines and bound is not None and (digit_sum - 2 * bound) % 9:
            continue  # (the total's own digits are bound modulo 9 too)
        search = _RowSearch(digits, cuts, width, totals, bound, most, budget.left)
        try:
            count: int | None = search.ways(0, 0, search.start)
        except _OutOfSteps:
            count = None
        budget.spend(search.reached)
        if count is None or len(found) + count > most:
            return None
        search.follow(0, 0, search.start, (), found)
    return tuple(found)


def _last_totals(
    digits: str, cuts: Sequence[int], totals: int, last_is_total: bool
) -> list[int | None]:
    """The values a total in the last column may have: the digits' last one to six
    (a whole number, within the last run, leaving a digit for each other total)."""
    if not last_is_total:
        return [None]
    start = cuts[-1] if cuts else 0
    return [
        int(digits[-length:])
        for length in range(1, MAX_CELL_DIGITS + 1)
        if len(digits) - length >= max(start, totals - 1)
        and (length == 1 or digits[-length] != "0")
    ]


class _RowSearch:
    """The search of :func:`row_splits` for one value of the last total (``bound``;
    None where the last column is not a total), counting ways up to ``most`` + 1."""

    def __init__(
        self,
        digits: str,
        cuts: Sequence[int],
        width: int,
        totals: dict[int, tuple[int, ...]],
        bound: int | None,
        most: int,
        steps: int,
    ) -> None:
        self.digits = digits
        self.most = most
        self.steps = steps  # the most places it may reach
        self.reached = 0
        self.cuts = cuts
        self.width = width
        self.totals = totals
        self.bound = bound
        self.last = width - 1
        # for each column, the totals (by column) it is a part of
        self.part_of = {c: tuple(t for t, ps in totals.items() if c in ps) for c in range(width)}
        self.open_totals = tuple(sorted(totals))
        # for each column, how many totals come after it: each takes a digit at least,
        # where a part may be blank and take none
        self.totals_after = [sum(1 for t in totals if t > c) for c in range(width)]
        self.start = (0,) * len(self.open_totals)
        # the most digits each column may take: a part of the last total is no longer
        widest = len(str(bound)) if bound is not None else MAX_CELL_DIGITS
        self.widest = [
            widest if self.last in self.part_of[c] or c == self.last else MAX_CELL_DIGITS
            for c in range(width)
        ]
        # the most digits the columns from each one to the end may take
        self.room = [sum(self.widest[c:]) for c in range(width)] + [0]
        # from this column on, every column before the last is a part of the last total,
        # so the rest of its sum is bounded by the digits left (:meth:`reaches`)
        self.plain_from = self.last
        while self.plain_from > 0 and self._plain(self.plain_from - 1):
            self.plain_from -= 1
        self.memo: dict[tuple[int, int, tuple[int, ...]], int] = {}

    def _plain(self, column: int) -> bool:
        return column not in self.totals and self.last in self.part_of[column]

    def limit(self, pos: int) -> int:
        return next((c for c in self.cuts if c > pos), len(self.digits))

    def choices(
        self, pos: int, column: int, sums: tuple[int, ...]
    ) -> list[tuple[str, tuple[int, ...]]]:
        """The cells ``column`` may take at ``pos``, each with the totals' sums after it."""
        digits = self.digits
        stop = self.limit(pos)
        least = self.totals_after[column]  # the fewest digits the cells after it take
        room = self.room[column + 1]
        if column in self.totals:
            total = sums[self.open_totals.index(column)]
            text = str(total)
            end = pos + len(text)
            rest = len(digits) - end
            # (the last column has no room after it: its total ends the digits)
            if (
                digits.startswith(text, pos)
                and (column != self.last or total == self.bound)
                and end <= stop
                and least <= rest <= room
            ):
                return [(text, self.advance(column, sums, text))]
            return []
        longest = 1 if digits[pos : pos + 1] == "0" else self.widest[column]
        longest = min(longest, stop - pos)
        found = []
        for end in range(pos, pos + longest + 1):
            rest = len(digits) - end
            if rest < least or rest > room:
                continue
            text = digits[pos:end]
            after = self.advance(column, sums, text)
            if self.bound is not None and not self.reaches(end, column + 1, after[-1]):
                continue
            # the totals still to come need at least the digits of their sums so far
            needed = sum(
                len(str(total)) - 1
                for t, total in zip(self.open_totals, after, strict=True)
                if t > column
            )
            if rest < least + needed:
                continue
            found.append((text, after))
        return found

    def reaches(self, pos: int, column: int, total: int) -> bool:
        """Whether the parts from ``column`` on, cut from the digits from ``pos`` to the
        last total's, can bring the last total's sum from ``total`` to its value: no
        further than it, and, where only its parts are left, as far as it."""
        bound = self.bound
        assert bound is not None
        if total > bound:
            return False
        if column < self.plain_from or column >= self.last:
            return True
        count = self.last - column  # parts left, each of them digits or blank
        left = len(self.digits) - len(str(bound)) - pos  # their digits
        widest = self.widest[column]
        if left > count * widest:
            return False
        # the most: digits gathered in as few parts as possible, the rest blank
        full, rest = divmod(left, widest)
        most = full * (10**widest - 1) + 10**rest - 1
        # the least: digits spread evenly over as many parts as they fill
        used = min(count, left)
        least = 0
        if used:
            share, over = divmod(left, used)
            least = over * 10**share + (used - over) * (10 ** (share - 1) if share > 1 else 0)
        return bool(total + least <= bound <= total + most)

    def advance(self, column: int, sums: tuple[int, ...], text: str) -> tuple[int, ...]:
        """The totals' sums once ``column`` holds ``text``: its value added to those of
        the totals it is a part of. A total's own sum, once its column is read, matters
        no more and is set to zero, so that ways differing only in it share their memo."""
        value = int(text) if text else 0
        part_of = self.part_of[column]
        return tuple(
            0 if t == column else s + value if t in part_of else s
            for t, s in zip(self.open_totals, sums, strict=True)
        )

    def ways(self, pos: int, column: int, sums: tuple[int, ...]) -> int:
        """The ways from here to the end, counted up to ``most`` + 1."""
        key = (pos, column, sums)
        known = self.memo.get(key)
        if known is not None:
            return known
        self.reached += 1
        if self.reached > self.steps:
            raise _OutOfSteps
        if column == self.width:
            count = 1 if pos == len(self.digits) else 0
        else:
            count = 0
            for text, after in self.choices(pos, column, sums):
                count += self.ways(pos + len(text), column + 1, after)
                if count > self.most:
                    break
        self.memo[key] = count
        return count

    def follow(
        self, pos: int, column: int, sums: tuple[int, ...], cells: Split, found: list[Split]
    ) -> None:
        if column == self.width:
            found.append(cells)
            return
        for text, after in self.choices(pos, column, sums):
            if self.ways(pos + len(text), column + 1, after):
                self.follow(pos + len(text), column + 1, after, (*cells, text), found)


def settled_splits(
    spec: TableSpec,
    open_rows: Mapping[str, Sequence[Split]],
    read: Mapping[str, Sequence[Number | None]],
    budget: RepairBudget | None = None,
) -> dict[str, Split]:
    """The rows of ``open_rows`` (row id: the ways its own identities leave it) that the
    table's identities down its columns settle, each with its one split: the split it
    has in every way of reading all open rows under which every such identity holds,
    over the rows ``read`` (row id: its numbers, a blank cell as zero); a blank cell of
    a way counts as zero too, as the rules count it. An identity is used only where each
    of its rows is read, with a count in every column, or open; a row in no such identity,
    or split differently by two ways, stays open. No way at all (a table that does not
    add up) settles nothing, nor does a search that would take more than
    ``MAX_TABLE_STEPS`` steps, or than ``budget`` (a fresh one where none is given) has
    left."""
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
    numbers = {r: [tuple(int(cell or 0) for cell in way) for way in open_rows[r]] for r in order}
    values = {r: row for r, row in counts.items() if r not in place}
    ways: list[dict[str, int]] = []
    chosen: dict[str, int] = {}
    steps = 0
    budget = budget if budget is not None else RepairBudget()
    most = min(MAX_TABLE_STEPS, budget.left)

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
            if steps > most:
                return False
            chosen[row] = way
            fits = all(holds(identity) for identity in checked_at.get(index, ()))
            if fits and not search(index + 1):
                return False
        chosen.pop(row, None)
        return True

    complete = search(0)
    budget.spend(steps)
    if not complete or not ways:
        return {}
    return {r: open_rows[r][ways[0][r]] for r in order if all(way[r] == ways[0][r] for way in ways)}


def _counts(row: Sequence[Number | None]) -> tuple[int, ...] | None:
    """``row``'s numbers, where each of its columns holds a whole number."""
    found = tuple(v for v in row if isinstance(v, int))
    return found if len(found) == len(row) else None
