"""Row labels written a little differently from the format's: which row they are.

Reports retype the format's tables, and a row label comes out a character or two off
(``四、结转下一年度继续办理``, ``2.其他法律、行政法规禁止公开``). Read as a label no format
knows, such a row left its numbers unchecked and the table short of a row: two errors on
a table whose numbers may be right. A label is taken for a format row only where that is
beyond doubt: its ordinal (``四、``, ``2.``) the row's own, the rest a few edits from the
row's (one for every five characters, three at most; none for a text under six, where
one character tells 行政处罚 from 行政处分), or the row's with words left out that name no
row (``一、本年新收申请数量``, ``四、结转下年度办理``), and no other row as near. A label
that stands in the one place a row is missing from, between the rows before and after
it, is compared with that row alone, however short (:func:`in_its_place`): an OCR's
one wrong character in ``（一）予以公开`` leaves no doubt there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from gilint.labels import key, numeral_value, strip_enumeration
from gilint.templates.model import RowSpec

_MOST_EDITS = 3
_CHARACTERS_AN_EDIT = 5  # a label's text (less its ordinal) allows an edit for each
_SHORTEST = 6  # a shorter text (less its ordinal) allows none
_FEWEST_PLACED = 3  # a label in its row's place, with no ordinal, is compared from so many
# Words a retyped label leaves out of the format's without naming another row by it (the
# table is about disclosure applications; what is carried forward is still to be
# handled): labels are also compared without them, their absence one edit more. Keys
# hold no spaces or marks, so the words stand whole in them.
_LEFT_OUT = re.compile("政府信息公开|继续")


# A row's label as compared: its ordinal, the rest of its key, that less the words a
# label may leave out, the row
Candidate = tuple[str, str, str, RowSpec]


def candidates(rows: Iterable[RowSpec]) -> tuple[Candidate, ...]:
    """The labels (and aliases) of ``rows`` a label is compared with: labelled rows that
    are no group's, keyed once."""
    found: list[Candidate] = []
    for row in rows:
        if row.label is None or row.group:
            continue
        for text in (row.label, *row.aliases):
            ordinal, core = _ordinal_and_core(key(text))
            found.append((ordinal, core, _LEFT_OUT.sub("", core), row))
    return tuple(found)


def _ordinal_and_core(label_key: str) -> tuple[str, str]:
    """A label's key cut into its ordinal ("2.", "(一)", or "") and the rest."""
    core = strip_enumeration(label_key)
    return label_key[: len(label_key) - len(core)], core


def near_row(label_key: str, compared: Sequence[Candidate]) -> RowSpec | None:
    """The one row among ``compared`` whose label ``label_key`` (a key, as
    :func:`gilint.labels.key` gives) is a few edits from, if exactly one is."""
    fewest: dict[int, tuple[int, RowSpec]] = {}  # by the row's identity (label or alias)
    for edits, row in _near_rows(label_key, compared):
        if id(row) not in fewest or edits < fewest[id(row)][0]:
            fewest[id(row)] = edits, row
    ranked = sorted(fewest.values(), key=lambda pair: pair[0])
    if not ranked or (len(ranked) > 1 and ranked[1][0] <= ranked[0][0] + 1):
        return None  # none near, or another row about as near: no telling which
    return ranked[0][1]


def near_any(label_key: str, compared: Sequence[Candidate]) -> bool:
    """Whether ``label_key`` is a few edits from any label among ``compared``."""
    return next(_near_rows(label_key, compared), None) is not None


def _near_rows(label_key: str, compared: Sequence[Candidate]) -> Iterator[tuple[int, RowSpec]]:
    """The labels ``label_key`` is a few edits from, each as (edits, its row)."""
    ordinal, core = _ordinal_and_core(label_key)
    if len(core) < _SHORTEST:
        return
    most = _most_edits(core)
    bare = _LEFT_OUT.sub("", core)
    bare_most = _most_edits(bare)
    for row_ordinal, row_core, row_bare, row in compared:
        if ordinal and row_ordinal != ordinal:
            continue  # another row's ordinal ("3.其他" is not "2.其他")
        edits = edit_distance(core, row_core, most)
        if edits is not None:
            yield edits, row
        elif bare_most >= 0 and (bare, row_bare) != (core, row_core):
            edits = edit_distance(bare, row_bare, bare_most)
            if edits is not None:
                yield edits + 1, row  # (the words left out: one edit more)


def in_its_place(label_key: str, row: RowSpec) -> bool:
    """Whether ``label_key`` is ``row``'s label where a label stands in that row's place
    (between the rows before and after it, the row itself not read): its ordinal the
    row's own, written so or otherwise ("2." for "（二）", as a renumbered label is read;
    none, in table 二), the rest an edit from the row's for every five characters, one
    however short it is (an OCR's one wrong or lost character in ``（一）予以公开``,
    ``1.属于国家秘密`` or ``行政强制``, too short to be compared with every row); without
    an ordinal, three characters at least."""
    ordinal, core = _ordinal_and_core(label_key)
    if not core or (not ordinal and len(core) < _FEWEST_PLACED):
        return False
    number = _ordinal_number(ordinal)
    return any(
        (row_ordinal == ordinal or (number and _ordinal_number(row_ordinal) == number))
        and a_character_off(core, row_core)
        for row_ordinal, row_core, _, _ in candidates((row,))
    )


def a_character_off(text: str, wanted: str) -> bool:
    """Whether ``text`` is ``wanted`` but for an edit for every five characters of it, one
    however short it is: a known text with an OCR's or a typist's wrong or lost
    character, compared with the one text it can be (a row's label in its place, a
    part's own title under its number)."""
    return edit_distance(text, wanted, max(1, len(wanted) // _CHARACTERS_AN_EDIT)) is not None


def _ordinal_number(ordinal: str) -> int:
    """The number an ordinal's key says ("(二)", "二、", "2." are 2); 0 for none."""
    return numeral_value(ordinal.strip("().、,:"))


def _most_edits(text: str) -> int:
    """The edits a text (less its ordinal) allows: -1 where it is too short to compare."""
    return min(_MOST_EDITS, len(text) // _CHARACTERS_AN_EDIT) if len(text) >= _SHORTEST else -1


def edit_distance(a: str, b: str, most: int) -> int | None:
    """The edits (insertions, deletions, substitutions) from ``a`` to ``b``, if at most
    ``most``; else None. Only a band of ``most`` either side of the diagonal is worked
    out, and the work stops once every cell of a row is past ``most``."""
    if abs(len(a) - len(b)) > most:
        return None
    beyond = most + 1
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        low, high = max(1, i - most), min(len(b), i + most)
        current = [beyond] * (len(b) + 1)
        current[0] = i if i <= most else beyond
        char = a[i - 1]
        for j in range(low, high + 1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (char != b[j - 1]),
            )
        if min(current[low - 1 : high + 1]) > most:
            return None
        previous = current
    return previous[len(b)] if previous[len(b)] <= most else None
