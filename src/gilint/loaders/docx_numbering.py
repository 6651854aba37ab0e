"""Word's list numbering: the labels Word draws before numbered paragraphs.

A heading numbered by Word's lists ("一、总体情况" typed as "总体情况" with a numbering
definition, as Word and WPS make of a typed "一、" as one goes on) holds no "一、" in its
text: without the label the part's heading would not read as one. Each numbered
paragraph's label is worked out as Word shows it, from the numbering part
(``word/numbering.xml``: abstract definitions, the lists that use them, their levels'
formats and start values) and the paragraph styles that carry numbering (Heading 1 tied
to a multilevel list). Paragraphs must be asked in document order: a label depends on
the paragraphs numbered before it.
"""

from __future__ import annotations

from typing import Any

import attrs

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9  # a list has levels 0 … 8
_BASED_ON_DEPTH = 16  # how far a style's basedOn chain is followed
# the longest label pattern drawn: Word's are a few characters ("第%1章", "%1.%2.%3"); a
# longer one, drawn before each of thousands of paragraphs, would only multiply the text
MAX_PATTERN = 40

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _val(element: Any, name: str) -> str | None:
    """The ``w:val`` of ``element``'s child ``name`` (None when there is none)."""
    child = element.find(f"{_W}{name}") if element is not None else None
    return None if child is None else child.get(f"{_W}val")


def _number(value: str | None, default: int) -> int:
    """A whole number attribute; ``default`` when it is none or not a plain number (a
    value longer than any list reaches counts as none)."""
    if value and len(value) <= 9 and value.isascii() and value.isdigit():
        return int(value)
    return default


def _counting(n: int, digits: str, ten: str) -> str:
    """1 … 99 counted in Chinese numerals (十一, 二十, 九十九); others in digits."""
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    if tens == 0:
        return digits[units]
    return (digits[tens] if tens > 1 else "") + ten + (digits[units] if units else "")


def _letters(n: int, first: str) -> str:
    """A, B … Z, AA, BB …: Word repeats the letter (at most 30 times, then digits)."""
    if not 0 < n <= 26 * 30:
        return str(n)
    return chr(ord(first) + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _enclosed(n: int, first: int, last: int) -> str:
    """A number in one of Unicode's enclosed forms (①, ⑴, ⒈) while it has one."""
    return chr(first + n - 1) if 0 < n <= last else str(n)


def formatted(n: int, form: str) -> str:
    """``n`` as a level of the number format ``form`` (``w:numFmt``) draws it; a format
    gilint does not know is drawn in digits."""
    if form in ("chineseCounting", "chineseCountingThousand", "japaneseCounting"):
        return _counting(n, _DIGITS, "十")
    if form == "chineseLegalSimplified":
        return _counting(n, _LEGAL, "拾")
    if form == "ideographTraditional":
        return _HEAVENLY_STEMS[n - 1] if 0 < n <= 10 else str(n)
    if form == "ideographZodiac":
        return _EARTHLY_BRANCHES[n - 1] if 0 < n <= 12 else str(n)
    if form == "decimalZero":
        return f"{n:02d}"
    if form == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if form == "decimalEnclosedCircle":
        return _enclosed(n, 0x2460, 20)
    if form == "decimalEnclosedParen":
        return _enclosed(n, 0x2474, 20)
    if form == "decimalEnclosedFullstop":
        return _enclosed(n, 0x2488, 20)
    if form in ("upperLetter", "lowerLetter"):
        return _letters(n, "A" if form == "upperLetter" else "a")
    if form in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if form == "upperRoman" else roman.lower()
    if form == "none":
        return ""
    return str(n)


@attrs.frozen(slots=True)
class Level:
    """One level of a list: where it starts, how its number is drawn, the label's
    pattern (``%1、``, ``（%2）``), what follows the label, and the style it numbers."""

    start: int = 1
    form: str = "decimal"
    text: str = "%1."
    suffix: str = " "
    legal: bool = False  # every level's number drawn in digits (w:isLgl)
    restarts: bool = True  # restarts after a higher level (w:lvlRestart 0: never)
    style: str | None = None


def _level(element: Any) -> Level:
    suffix = _val(element, "suff")
    restart = _val(element, "lvlRestart")
    legal = element.find(f"{_W}isLgl")
    return Level(
        start=_number(_val(element, "start"), 0),
        form=_val(element, "numFmt") or "decimal",
        text=text if len(text := _val(element, "lvlText") or "") <= MAX_PATTERN else "",
        suffix="" if suffix == "nothing" else " ",
        legal=legal is not None and legal.get(f"{_W}val", "true") not in ("false", "0", "off"),
        restarts=restart != "0",
        style=_val(element, "pStyle"),
    )


def _levels(element: Any) -> dict[int, Level]:
    found: dict[int, Level] = {}
    for lvl in element.findall(f"{_W}lvl"):
        index = _number(lvl.get(f"{_W}ilvl"), LEVELS)
        if index < LEVELS:
            found[index] = _level(lvl)
    return found


def _numbered(
    style: str, declared: dict[str, tuple[str | None, str | None, str | None]]
) -> tuple[str | None, str | None]:
    """The list and level a paragraph style numbers with, along its basedOn chain."""
    current: str | None = style
    for _ in range(_BASED_ON_DEPTH):
        if current is None or current not in declared:
            break
        number, level, based_on = declared[current]
        if number is not None:
            return number, level
        current = based_on
    return None, None


@attrs.frozen(slots=True)
class _List:
    """A list (``w:num``): its levels, and where it restarts its own count."""

    counter: str  # whose count it continues: its abstract definition's, or its own
    levels: dict[int, Level]
    starts: dict[int, int]  # levels the list starts afresh (w:startOverride)


class ListNumbering:
    """The labels of a document's numbered paragraphs, asked in document order."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self._default_style: str | None = None
        declared: dict[str, tuple[str | None, str | None, str | None]] = {}
        list_styles: dict[str | None, str | None] = {}  # a list style's id: its list
        for style in styles.findall(f"{_W}style") if styles is not None else ():
            kind, name = style.get(f"{_W}type"), str(style.get(f"{_W}styleId"))
            number = style.find(f"{_W}pPr/{_W}numPr")
            if kind == "numbering":
                list_styles[name] = _val(number, "numId")
            if kind != "paragraph":
                continue
            declared[name] = (_val(number, "numId"), _val(number, "ilvl"), _val(style, "basedOn"))
            if style.get(f"{_W}default") in ("1", "true", "on"):
                self._default_style = name
        # the paragraph styles that number, with their list and level (theirs, or the
        # one of a style they are based on)
        self._styles = {name: found for name in declared if (found := _numbered(name, declared))[0]}
        elements = numbering if numbering is not None else ()
        abstracts = {
            e.get(f"{_W}abstractNumId"): e for e in elements if e.tag == f"{_W}abstractNum"
        }
        nums = [e for e in elements if e.tag == f"{_W}num"]
        definitions = {e.get(f"{_W}numId"): _val(e, "abstractNumId") for e in nums}
        # a definition that only points to a list style (w:numStyleLink) takes the levels
        # of the definition the style's list uses
        linked = {
            key: definitions.get(list_styles.get(_val(e, "numStyleLink")))
            for key, e in abstracts.items()
            if e.find(f"{_W}numStyleLink") is not None
        }
        levels = {key: _levels(e) for key, e in abstracts.items()}
        self._lists: dict[str, _List] = {}
        for element in nums:
            abstract = _val(element, "abstractNumId")
            abstract = linked.get(abstract) or abstract
            self._add_list(element, abstract, levels.get(abstract, {}))
        self._counts: dict[str, list[int | None]] = {}

    def _add_list(self, element: Any, abstract: str | None, defined: dict[int, Level]) -> None:
        levels = dict(defined)
        starts: dict[int, int] = {}
        for override in element.findall(f"{_W}lvlOverride"):
            index = _number(override.get(f"{_W}ilvl"), LEVELS)
            if index >= LEVELS:
                continue
            start = _val(override, "startOverride")
            if start is not None:
                starts[index] = _number(start, 0)
            lvl = override.find(f"{_W}lvl")
            if lvl is not None:
                levels[index] = _level(lvl)
        list_id = element.get(f"{_W}numId")
        # a list that starts afresh counts on its own; others continue their definition's
        counter = f"num {list_id}" if starts else f"abstract {abstract}"
        self._lists[str(list_id)] = _List(counter, levels, starts)

    def label(self, paragraph: Any) -> str:
        """The label Word draws before ``paragraph`` (a ``w:p``), with what follows it;
        "" for a paragraph that is not numbered. Counts the paragraph."""
        properties = paragraph.find(f"{_W}pPr")
        direct = properties.find(f"{_W}numPr") if properties is not None else None
        style = _val(properties, "pStyle") or self._default_style
        if direct is None and (style is None or style not in self._styles):
            return ""  # the common case: no numbering at all
        by_style, style_level = self._styles.get(style or "", (None, None))
        number = _val(direct, "numId") or by_style
        found = self._lists.get(number) if number is not None and number != "0" else None
        if found is None:
            return ""
        level_text = _val(direct, "ilvl") or style_level
        if level_text is None:  # a style tied to a level of the list (Heading 1: level 0)
            level_text = next(
                (str(i) for i, lvl in found.levels.items() if lvl.style == style), "0"
            )
        index = _number(level_text, LEVELS)
        level = found.levels.get(index)
        if level is None:
            return ""
        counts = self._counts.setdefault(found.counter, [None] * LEVELS)
        current = counts[index]
        counts[index] = self._start(found, index) if current is None else current + 1
        for deeper in range(index + 1, LEVELS):
            below = found.levels.get(deeper)
            if below is None or below.restarts:
                counts[deeper] = None
        if level.form == "bullet":
            return ""  # a bullet's symbol (often a private-use character) says nothing
        drawn = self._draw(found, level, counts)
        return drawn + level.suffix if drawn else ""

    @staticmethod
    def _start(found: _List, index: int) -> int:
        level = found.levels.get(index)
        return found.starts.get(index, level.start if level is not None else 1)

    def _draw(self, found: _List, level: Level, counts: list[int | None]) -> str:
        """The level's pattern with each %k replaced by level k's number as it draws it."""
        out = []
        text = level.text
        i = 0
        while i < len(text):
            char = text[i]
            if char == "%" and i + 1 < len(text) and "1" <= text[i + 1] <= "9":
                k = int(text[i + 1]) - 1
                value = counts[k]
                if value is None:
                    value = self._start(found, k)
                other = found.levels.get(k)
                form = "decimal" if level.legal or other is None else other.form
                out.append(formatted(value, form))
                i += 2
                continue
            out.append(char)
            i += 1
        return "".join(out)
