"""Sizes as a style attribute or an HTML attribute states them.

A web page's ``<img>`` and a Word document's VML picture (``v:shape``) say how large
they are drawn in CSS: ``style="width:415pt;height:300pt"``, or in HTML's ``width``
and ``height`` attributes. The loaders read them to tell a picture that may hold part of
a report from a logo (:func:`gilint.loaders.large_image`).
"""

from __future__ import annotations

import re

import attrs

# CSS pixels in one unit (96 to the inch). A length without a unit is in pixels, as
# browsers read a style in quirks mode and HTML reads a width attribute.
PIXELS = {
    "": 1.0,
    "px": 1.0,
    "pt": 96 / 72,
    "pc": 16.0,
    "in": 96.0,
    "cm": 96 / 2.54,
    "mm": 96 / 25.4,
    "em": 16.0,  # the default font size: an image sized in em is sized by its text
    "rem": 16.0,
}
# A number and its unit at the start of a value; what follows ("!important", a second
# value) is not read. Percentages are of the box the image is in.
_LENGTH = re.compile(r"\s*\+?([0-9]{1,9}(?:\.[0-9]{0,9})?|\.[0-9]{1,9})\s*(%|[a-z]{0,3})", re.I)


@attrs.frozen
class Length:
    """A length in CSS pixels, or in percent of the box that holds it."""

    value: float
    percent: bool = False

    def pixels(self, whole: float) -> float:
        """The length in pixels, a percentage taken of ``whole``."""
        return self.value * whole / 100 if self.percent else self.value


def length(value: str | None) -> Length | None:
    """The length a value states (``600``, ``415.3pt``, ``80%``); None for ``auto``, a
    unit no length has, or no number."""
    match = _LENGTH.match(value or "")
    if match is None:
        return None
    unit = match.group(2).lower()
    if unit == "%":
        return Length(float(match.group(1)), percent=True)
    if unit not in PIXELS:
        return None
    return Length(float(match.group(1)) * PIXELS[unit])


def declarations(style: str | None) -> dict[str, str]:
    """A style attribute's properties, by lower-case name; the last one stated holds."""
    found: dict[str, str] = {}
    for declaration in (style or "").split(";"):
        name, colon, value = declaration.partition(":")
        if colon:
            found[name.strip().lower()] = value.strip()
    return found


def keyword(value: str | None) -> str:
    """A property's keyword (``none !important`` is ``none``)."""
    words = (value or "").split()
    return words[0].lower() if words else ""
