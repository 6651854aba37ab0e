"""Reading a table cell's text as a number of its column's kind."""

from __future__ import annotations

import re
from decimal import Decimal

from gilint.ast import CellStatus, Number
from gilint.templates.model import CellKind

_PLACEHOLDER = re.compile(r"/|-{1,2}|—{1,2}|–|―|无|空")
# A letter or sign alone in a cell that an OCR (or a typist) puts for a 0 or a 1: Latin
# and Greek O, Cyrillic о, 〇, ○, l and I, and the full-width forms (as the user's text
# has them; the lexer's canonical text has them half-width). It is read as no number
# (the sums it takes part in are not checked), and GI205 names it as a likely misreading.
DIGIT_LOOKALIKE = re.compile(r"[OoΟοОо〇○lIＯｏｌＩ]")
_NUMBER = re.compile(r"([+-]?)([0-9][0-9,]*)(?:\.([0-9]+))?(万元|元|件|个|条|项|次|人)?")
# int() refuses very long digit strings; no count in a report has more than this.
MAX_DIGITS = 18


def looks_like_digit(text: str) -> bool:
    """Whether a cell's text is a letter or sign alone that an OCR puts for a 0 or a 1."""
    return DIGIT_LOOKALIKE.fullmatch(text.strip().strip("*")) is not None


def read_value(text: str, kind: CellKind) -> tuple[Number | None, CellStatus, str | None]:
    """(value, status, unit) of a cell's canonical text."""
    if text.isdigit() and text.isascii() and len(text) <= MAX_DIGITS:  # the usual cell
        return (Decimal(text) if kind == "amount" else int(text)), CellStatus.OK, None
    clean = text.strip().strip("*").replace(" ", "")
    if not clean:
        return None, CellStatus.BLANK, None
    if _PLACEHOLDER.fullmatch(clean):
        return None, CellStatus.PLACEHOLDER, None
    m = _NUMBER.fullmatch(clean)
    if m is None:
        return None, CellStatus.INVALID, None
    sign, digits, fraction, unit = m.groups()
    digits = digits.replace(",", "")
    if len(digits) > MAX_DIGITS or (fraction and len(fraction) > MAX_DIGITS):
        return None, CellStatus.INVALID, unit
    if fraction is not None:
        if kind != "amount":
            return None, CellStatus.INVALID, unit
        amount = Decimal(f"{sign}{digits}.{fraction}")
        if amount < 0:
            return None, CellStatus.INVALID, unit
        return amount, CellStatus.OK, unit
    number = -int(digits) if sign == "-" else int(digits)
    if number < 0 and kind != "delta":
        return None, CellStatus.INVALID, unit
    if kind == "amount":
        return Decimal(number), CellStatus.OK, unit
    return number, CellStatus.OK, unit
