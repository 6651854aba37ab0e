"""Canonical text for matching, with a map back to the loaded text.

Extraction leaves full-width forms, odd spaces and parenthesised ideographs in reports,
and a report may be written in traditional characters.
The lexer matches on a canonical copy of the text in which each character is replaced
by its plain form. Almost every replacement is one character for one, so the canonical
text has the same offsets as the loaded text; the rare expanding characters (``㈠`` to
``(一)``) and the zero-width ones, dropped, are tracked by an :class:`OffsetMap`.
Unicode NFKC is deliberately not used: it turns ``①`` and ``¹`` into digits (phantom
table cells) and expands characters without telling us where.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import attrs

from gilint.traditional import traditional_forms


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII forms
        table[code] = chr(code - 0xFEE0)
    for code in (
        0x3000,
        0x00A0,
        0x2002,
        0x2003,
        0x2004,
        0x2005,
        0x2006,
        0x2007,
        0x2008,
        0x2009,
        0x200A,
        0x202F,
        0x205F,
        0x000B,
        0x000C,
    ):
        table[code] = " "  # odd spaces, form feeds
    for code in (0x2028, 0x2029):
        # Unicode's line and paragraph separators, which text taken from a script or a
        # JSON string keeps where the page broke its lines: read as line ends (the lines
        # and columns a finding gives still count ``\n`` only, as editors do).
        table[code] = "\n"
    for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF):
        # Zero-width characters, which web pages leave in text, are nothing a reader sees:
        # a space in their place would cut a number ("1\u200b2" is 12) or a title in two.
        table[code] = ""
    for code, plain in (
        (0x2212, "-"),
        (0xFE63, "-"),
        (0x2010, "-"),
        (0x2011, "-"),
        (0xFF5E, "~"),
        (0x3010, "["),
        (0x3011, "]"),
    ):
        table[code] = plain
    numerals = "一二三四五六七八九十"
    for i, numeral in enumerate(numerals):
        table[0x3220 + i] = f"({numeral})"  # ㈠ … ㈩
    for i in range(20):
        table[0x2474 + i] = f"({i + 1})"  # ⑴ … ⒇
    for traditional, simplified in traditional_forms().items():
        table[ord(traditional)] = simplified  # (gilint.traditional)
    return table


TRANSLATION: dict[int, str] = _build_table()
_REPLACEMENTS = {chr(code): plain for code, plain in TRANSLATION.items()}
# A report holds a few dozen characters to replace among thousands: finding them with one
# character class is several times faster than str.translate looking up every character.
_CHANGED = re.compile("[" + "".join(re.escape(c) for c in _REPLACEMENTS) + "]")
_RESIZING = re.compile(
    "[" + "".join(re.escape(chr(c)) for c, s in TRANSLATION.items() if len(s) != 1) + "]"
)


def canonical(text: str) -> str:
    """The canonical form of ``text`` (also used for template labels, so both match)."""
    return _CHANGED.sub(_replace, text)


def _replace(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


@attrs.frozen(slots=True)
class OffsetMap:
    """Maps offsets of the canonical text back to offsets of the loaded text.

    The canonical text is cut into runs at ``starts`` (canonical offsets). In a plain run,
    ``loaded = targets[i] + (offset - starts[i])``; in a clamped run (the extra characters
    of an expansion) every offset maps to ``targets[i]``, the expanded character itself.
    An empty map is the identity, the usual case.
    """

    starts: tuple[int, ...] = ()
    targets: tuple[int, ...] = ()
    clamped: tuple[bool, ...] = ()

    @property
    def is_identity(self) -> bool:
        return not self.starts

    def to_loaded(self, offset: int) -> int:
        if not self.starts:
            return offset
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return offset
        if self.clamped[i]:
            return self.targets[i]
        return self.targets[i] + offset - self.starts[i]

    def to_loaded_end(self, offset: int) -> int:
        """Map an exclusive end offset: an end inside an expansion covers the whole character."""
        if not self.starts or offset == 0:
            return self.to_loaded(offset)
        return self.to_loaded(offset - 1) + 1


@attrs.frozen(slots=True)
class Normalised:
    text: str
    offsets: OffsetMap


def normalise(loaded_text: str) -> Normalised:
    """Canonical text plus the map back to ``loaded_text``."""
    text = canonical(loaded_text)
    if len(text) == len(loaded_text) and not _RESIZING.search(loaded_text):
        return Normalised(text, OffsetMap())
    return Normalised(text, _expansion_map(loaded_text))


def _expansion_map(loaded_text: str) -> OffsetMap:
    """Record a clamped run for the extra characters of each expansion, and a plain run
    after each dropped character that starts at the character after it."""
    starts: list[int] = []
    targets: list[int] = []
    clamped: list[bool] = []
    grown = 0  # canonical length minus loaded length so far
    for match in _RESIZING.finditer(loaded_text):
        source = match.start()
        width = len(TRANSLATION[ord(match.group())])
        at = source + grown  # canonical offset of the expansion's first character
        if width == 0:  # dropped: what follows it in the canonical text is one further on
            grown -= 1
            starts.append(at)
            targets.append(source + 1)
            clamped.append(False)
            continue
        starts.append(at + 1)
        targets.append(source)
        clamped.append(True)
        grown += width - 1
        starts.append(at + width)
        targets.append(source + 1)
        clamped.append(False)
    return OffsetMap(tuple(starts), tuple(targets), tuple(clamped))
