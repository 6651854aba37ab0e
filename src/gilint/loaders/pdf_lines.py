"""A PDF's lines of text where a table has no ruling lines: each row's label before its
numbers.

pdfplumber's table finder follows a table's ruling lines; a table drawn without them is
read as lines of text, top to bottom. A row whose label wraps in its cell has its
numbers beside the middle of the label: on a line between two of the label's lines
(``1.本机关不掌握相关政`` / ``2 6 4 4 5 9 30`` / ``府信息``) or on its middle line
(``确认或重新出具 1 1 8 1 3 1 15``), with the text of merged cells (group labels) beside
them where it is centred. Read in that order, the end of each label would open the next
row's. Here a row's label lines under its numbers are put before them, and the text of
other columns on the numbers' line before the label, which is the order the parser
reads: group labels, the label, the numbers.

Only lines that stand like a wrapped label are moved: left of the numbers, one under
another at most a line's leading apart, none above them nearer to the numbers of the
row above; below them, those before the widest gap up to the next row's numbers (the
cells' padding), or, where no gap stands out, none farther below the numbers than the
label begins above them. Prose, headings and a table's headers span the numbers'
columns or stand apart, and stay; so does a line that ends in a single number.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any, NamedTuple

Box = tuple[float, float, float, float]

# The characters of the numbers a line ends in, and the spaces between them.
_NUMBER_CHARACTERS = frozenset("0123456789 ")
_TRAILING_NUMBERS = re.compile(r"[0-9]+(?:\s+[0-9]+)*$")
# How far apart two lines of one cell may stand, in line heights (their leading).
_LEADING = 1.5
# How much a line may pass a limit by, in line heights (rounding of the drawn text).
_SLACK = 0.25
# A gap between two lines this many times the next widest between two rows' numbers
# is the border between the rows (the cells' padding).
_ROW_GAP = 1.25


class Line(NamedTuple):
    """A line of text on a page, its characters (text, left, right), and, for one that
    ends in numbers, where they begin and how many there are (``values``)."""

    text: str
    box: Box
    characters: tuple[tuple[str, float, float], ...] = ()
    numbers: float | None = None
    values: int = 0


def line(text: str, box: Box, characters: Sequence[dict[str, Any]]) -> Line:
    """A line as pdfplumber reads it (``extract_text_lines`` with its characters)."""
    drawn = tuple(
        (c["text"], float(c["x0"]), float(c["x1"])) for c in characters if c["text"].strip()
    )
    first = len(drawn)
    while first and drawn[first - 1][0] in _NUMBER_CHARACTERS:
        first -= 1
    match = _TRAILING_NUMBERS.search(text)
    if first == len(drawn) or match is None:
        return Line(text, box, drawn)
    return Line(text, box, drawn, drawn[first][1], len(match.group().split()))


def labels_before_numbers(lines: list[Line]) -> list[Line]:
    """The lines in the order the parser reads a table's rows (see the module)."""
    out: list[Line] = []
    claimed: set[int] = set()  # label lines put before the numbers of a row above
    numbers = [i for i, ln in enumerate(lines) if ln.numbers is not None]
    following = dict(itertools.pairwise(numbers))
    preceding = {b: a for a, b in following.items()}
    done = 0  # lines before this one are in ``out``
    for at in numbers:
        if lines[at].values < 2:
            continue  # a table row has numbers; prose may end a line in one
        above = lines[preceding[at]].box[1] if at in preceding else float("-inf")
        upward = range(at - 1, done - 1, -1)
        heads = _label_lines(lines, upward, lines[at], claimed, above)
        stop = following.get(at)
        below = _label_lines(lines, range(at + 1, stop or len(lines)), lines[at], claimed)
        if not heads and not below:
            continue  # a row of one line
        label = [*reversed(heads), *below]
        column = max(lines[i].box[0] for i in label)  # the label's column
        own = [i for i in below if not _aside(lines[i], column)]
        reaches = bool(below) and stop is not None and below[-1] == stop - 1
        tails = _tails(lines, at, heads, own, stop if reaches else None)
        beside = [_split(ln, column) for ln in _piece(_before(lines[at]), lines[at].box)]
        if not tails and not (heads and any(aside and own for aside, own in beside)):
            continue  # the row reads in order: its label, then its numbers
        claimed.update(tails)
        pieces = [_split(lines[i], column) for i in reversed(heads)]
        pieces += [*beside, *(_split(lines[i], column) for i in tails)]
        first = heads[-1] if heads else at
        out.extend(lines[done:first])
        out.extend(ln for aside, _ in pieces for ln in aside)  # group labels first
        out.extend(ln for _, own in pieces for ln in own)
        out.append(_numbers(lines[at]))
        last = tails[-1] if tails else at
        out.extend(lines[i] for i in below if i < last and i not in claimed)  # (aside)
        done = last + 1
    return [*out, *lines[done:]]


def _tails(
    lines: list[Line], at: int, heads: list[int], below: list[int], following: int | None
) -> list[int]:
    """Of the label lines ``below`` the numbers at ``at`` (the label's column only),
    those of the same row. Where they run on to the next row's numbers (at
    ``following``), rows are told apart by the gap between them (a cell's padding), if
    one gap stands out; else a row's label reaches no farther below its numbers than it
    begins above them (its numbers centred beside it)."""
    if following is not None:
        tops = [lines[at].box[1], *(lines[i].box[1] for i in below), lines[following].box[1]]
        gaps = [b - a for a, b in itertools.pairwise(tops)]
        widest = max(range(len(gaps)), key=gaps.__getitem__)
        rest = max((g for i, g in enumerate(gaps) if i != widest), default=0.0)
        if len(gaps) > 1 and gaps[widest] > _ROW_GAP * rest:
            return below[:widest]
    if not heads:
        return []
    top = lines[at].box[1]
    reach = top - lines[heads[-1]].box[1]  # how far above its numbers the label begins
    found = []
    for index in below:
        box = lines[index].box
        if box[1] - top > reach + _SLACK * (box[3] - box[1]):
            break
        found.append(index)
    return found


def _label_lines(
    lines: list[Line],
    indices: range,
    numbers: Line,
    claimed: set[int],
    above: float | None = None,
) -> list[int]:
    """The lines that may be of a row's label, walking ``indices`` away from the line of
    its ``numbers``: lines of text left of the numbers, each within a line's leading of
    the one before, none another row's (``claimed``, or past a line that ends in
    numbers); walking up, each nearer to them than to the numbers of the row above (at
    ``above``)."""
    assert numbers.numbers is not None
    top = numbers.box[1]
    found: list[int] = []
    previous = top
    for index in indices:
        ln = lines[index]
        if ln.numbers is not None or index in claimed:
            break
        height = ln.box[3] - ln.box[1]
        if ln.box[2] > numbers.numbers or abs(ln.box[1] - previous) > _LEADING * height:
            break
        if above is not None and above > 2 * ln.box[1] - top:
            break  # nearer to the numbers above
        found.append(index)
        previous = ln.box[1]
    return found


def _aside(ln: Line, column: float) -> bool:
    """Whether a line stands wholly left of a label's ``column``: a group label."""
    return ln.box[2] <= column + _SLACK * (ln.box[3] - ln.box[1])


def _before(numbers: Line) -> list[tuple[str, float, float]]:
    """The characters of a line before the numbers it ends in."""
    assert numbers.numbers is not None
    return [c for c in numbers.characters if c[1] < numbers.numbers]


def _numbers(numbers: Line) -> Line:
    """The numbers a line ends in, as a line of their own."""
    assert numbers.numbers is not None
    _, top, right, bottom = numbers.box
    match = _TRAILING_NUMBERS.search(numbers.text)
    text = match.group() if match else numbers.text
    drawn = tuple(c for c in numbers.characters if c[1] >= numbers.numbers)
    return Line(text, (numbers.numbers, top, right, bottom), drawn, numbers.numbers, numbers.values)


def _split(ln: Line, column: float) -> tuple[list[Line], list[Line]]:
    """A line of a row's label in two: the text of columns left of the label's
    ``column`` (group labels, in merged cells beside it) and the label's own."""
    slack = _SLACK * (ln.box[3] - ln.box[1])
    aside = [c for c in ln.characters if c[2] <= column + slack]
    if not aside:
        return [], [ln] if ln.characters else []
    own = [c for c in ln.characters if c[2] > column + slack]
    if not own:
        return [ln], []
    return _piece(aside, ln.box), _piece(own, ln.box)


def _piece(characters: list[tuple[str, float, float]], box: Box) -> list[Line]:
    """Characters of a line as a line of their own (a space where they stand apart),
    or none."""
    if not characters:
        return []
    _, top, _, bottom = box
    text = characters[0][0]
    for (_, _, right), (char, left, _) in itertools.pairwise(characters):
        text += (" " if left - right > _SLACK * (bottom - top) else "") + char
    return [Line(text, (characters[0][1], top, characters[-1][2], bottom), tuple(characters))]
