"""Repairs of table rows whose cell separators were lost.

Web page text and some PDF conversions run a row's numbers together: ``6000017`` for a
row whose cells are 6, 0, 0, 0, 0, 1, 7. Which split is meant can only be told from the
row itself: its total and the format's identities within a row (the applicants' total,
each outcome group's total). A run is split only when exactly one split is consistent
with them; when several fit, the row is left unread, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from gilint.templates.model import TableSpec

# A cell of a run holds at most this many digits (a count of a year's applications).
MAX_CELL_DIGITS = 6
# Splits tried before a row is given up as unread (the search is cut short well before
# it could cost a reader's patience; real rows need a few hundred).
MAX_TRIES = 20_000


class _GiveUp(Exception):
    pass


def unique_split(runs: Sequence[str], spec: TableSpec) -> tuple[str, ...] | None:
    """The one way to cut ``runs`` (the digit strings of a row, in order: each is one
    number or several run together) into the table's columns that its identities within
    a row allow; None when there is none or more than one, or when finding out would take
    too long. A column that is the total of columns before it is not cut but computed:
    its digits must be the sum."""
    if not runs or not all(r.isdigit() and r.isascii() for r in runs):
        return None
    columns = spec.column_ids
    width = len(columns)
    digits = "".join(runs)
    cuts = set()  # where one run ends and the next begins: always a cell boundary
    at = 0
    for run in runs[:-1]:
        at += len(run)
        cuts.add(at)
    totals: dict[int, tuple[int, ...]] = {}  # column -> the columns it is the sum of
    for identity in spec.identities:
        if identity.axis == "row" and len(identity.left) == 1:
            total = columns.index(identity.left[0])
            parts = tuple(columns.index(c) for c in identity.right)
            if all(p < total for p in parts):
                totals[total] = parts
    found: list[tuple[str, ...]] = []
    tries = 0

    def search(pos: int, column: int, cells: list[str]) -> None:
        nonlocal tries
        tries += 1
        if tries > MAX_TRIES:
            raise _GiveUp
        if column == width:
            if pos == len(digits):
                found.append(tuple(cells))
                if len(found) > 1:
                    raise _GiveUp
            return
        left = width - column - 1  # cells still to come after this one
        limit = min((c for c in cuts if c > pos), default=len(digits))
        if column in totals:
            text = str(sum(int(cells[p]) for p in totals[column]))
            sizes: Sequence[int] = (len(text),) if digits.startswith(text, pos) else ()
        else:
            longest = 1 if digits[pos : pos + 1] == "0" else MAX_CELL_DIGITS
            sizes = range(1, longest + 1)
        for size in sizes:
            end = pos + size
            if end > limit or len(digits) - end < left:
                break
            if end < limit and left == 0:
                continue
            cells.append(digits[pos:end])
            search(end, column + 1, cells)
            cells.pop()

    try:
        search(0, 0, [])
    except _GiveUp:
        return None
    return found[0] if len(found) == 1 else None
