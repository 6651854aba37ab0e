"""The numbers a browser draws before the items of an ordered list (``<ol>``).

A part's heading written as a list item (``<ol style="list-style-type:
cjk-ideographic"><li>总体情况</li></ol>``) holds no "一、" in the page's text: a browser
draws it. Read without it, every part lacked its number (GI104) where the page shows
"一、", or was said to lack one where the page shows "1.". The number is drawn as the
page states it: the list's ``type`` attribute or its inline ``list-style-type`` (a
stylesheet's rules are not applied), its ``start``, an item's ``value`` (a ``reversed``
list is counted up). Unordered lists draw bullets, which say nothing: no text is added
for them.
"""

from __future__ import annotations

import attrs

from gilint.loaders.css import declarations
from gilint.loaders.docx_numbering import formatted

# CSS list styles as the number formats of :func:`formatted`, and what follows the number
_STYLES: dict[str, tuple[str, str]] = {
    "decimal": ("decimal", ". "),
    "decimal-leading-zero": ("decimalZero", ". "),
    "lower-alpha": ("lowerLetter", ". "),
    "lower-latin": ("lowerLetter", ". "),
    "upper-alpha": ("upperLetter", ". "),
    "upper-latin": ("upperLetter", ". "),
    "lower-roman": ("lowerRoman", ". "),
    "upper-roman": ("upperRoman", ". "),
    "cjk-ideographic": ("chineseCounting", "、"),
    "cjk-decimal": ("chineseCounting", "、"),
    "simp-chinese-informal": ("chineseCounting", "、"),
    "trad-chinese-informal": ("chineseCounting", "、"),
    "none": ("none", ""),
}
# the ``type`` attribute's values (HTML: case matters, "a" and "A" differ)
_TYPES = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman"}
_TYPES["I"] = "upper-roman"
_MAX_DEPTH = 64  # lists open inside one another that are counted (deeper ones are not)


@attrs.define
class _List:
    ordered: bool
    style: str
    next: int  # the number its next item gets


def _style(values: dict[str, str]) -> str:
    """The list style an ``<ol>``'s attributes state: its inline style's, else its
    ``type``'s, else decimal."""
    found = declarations(values.get("style"))
    for name in ("list-style-type", "list-style"):
        for word in (found.get(name) or "").split():
            if word.lower() in _STYLES:
                return word.lower()
    return _TYPES.get(values.get("type", ""), "decimal")


def _whole(value: str | None) -> int | None:
    """A ``start`` or ``value`` attribute's whole number; None where it states none (a
    number longer than any list reaches counts as none)."""
    text = (value or "").strip()
    digits = text.lstrip("+-")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 9):
        return None
    return -int(digits) if text.startswith("-") else int(digits)


@attrs.define
class ListNumbers:
    """The open lists of a page, innermost last, as the extractor meets their tags."""

    lists: list[_List] = attrs.field(factory=list)
    ignored: int = 0  # lists opened past _MAX_DEPTH

    def open(self, tag: str, values: dict[str, str]) -> None:
        if len(self.lists) >= _MAX_DEPTH:
            self.ignored += 1
            return
        if tag != "ol":
            self.lists.append(_List(False, "none", 1))
            return
        start = _whole(values.get("start"))
        self.lists.append(_List(True, _style(values), 1 if start is None else start))

    def close(self) -> None:
        if self.ignored:
            self.ignored -= 1
        elif self.lists:
            self.lists.pop()

    def item(self, values: dict[str, str]) -> str:
        """The number drawn before an ``<li>`` with these attributes ("一、", "2. "); ""
        outside an ordered list, or for a list that draws none."""
        if not self.lists or not self.lists[-1].ordered:
            return ""
        found = self.lists[-1]
        value = _whole(values.get("value"))
        number = found.next if value is None else value
        found.next = number + 1
        form, suffix = _STYLES[found.style]
        drawn = formatted(number, form) if number > 0 else str(number)
        return drawn + suffix if drawn else ""
