"""What a web page's own stylesheets hide: classes and ids a ``<style>`` element hides.

Letters slipped between a report's characters against copying are hidden by a class as
often as by a style attribute (``<style>.x7{display:none}</style>`` … ``依<span
class="x7">k9</span>法``); read, they broke headings and row labels. Only what can be
told for sure is read: top-level rules whose selectors are a class or an id, with a tag
or without (``.x``, ``span.x``, ``#x``, ``p#x``). Rules under ``@media`` (a print
stylesheet hides what the screen shows) and selectors of any other form (descendants,
attributes, pseudo-classes) are not: what they hide is read, as gilint read every
hidden element before. Nothing is fetched: a linked stylesheet is not read.
"""

from __future__ import annotations

import re

from gilint.loaders.css import declarations, keyword

# A page's stylesheets are read up to this many characters in all (a page's own styles
# are a few kilobytes; a framework pasted inline some hundreds).
MAX_STYLE_CHARS = 1_000_000

# A selector read: a class or an id, after a tag name or not.
_SIMPLE = re.compile(r"([a-zA-Z][a-zA-Z0-9]*)?([.#])([-_a-zA-Z0-9\u0080-\U0010ffff]+)")

# What the pass over a stylesheet stops at: a block's start and end, a statement's end.
_BRACES = re.compile(r"[{};]")

Selector = tuple[str, str, str]  # (tag, or "" for any; "." or "#"; the class or id)


class StyleRules:
    """The selectors a page's stylesheets hide, as far as they are read."""

    def __init__(self) -> None:
        self.hidden: set[Selector] = set()
        self.chars = 0  # characters of stylesheet taken so far
        self.sheet: list[str] = []  # the text of the stylesheet being read

    def feed(self, text: str) -> None:
        """Text of the ``<style>`` element being read (past the limit, none is kept)."""
        text = text[: max(0, MAX_STYLE_CHARS - self.chars)]
        self.chars += len(text)
        self.sheet.append(text)

    def end(self) -> None:
        """The ``<style>`` element has ended: its rules are read (see :meth:`add`)."""
        css, self.sheet = "".join(self.sheet), []
        self.add(css)

    def add(self, css: str) -> None:
        """Read one stylesheet, in page order: a later rule for the same selector that
        shows it again undoes an earlier one."""
        for selectors, body in _rules(_without_comments(css)):
            found = declarations(body)
            display, visibility = found.get("display"), found.get("visibility")
            if display is None and visibility is None:
                continue
            hides = keyword(display) == "none" or keyword(visibility) == "hidden"
            for selector in selectors.split(","):
                match = _SIMPLE.fullmatch(selector.strip())
                if match is None:
                    continue
                key = ((match.group(1) or "").lower(), match.group(2), match.group(3))
                if hides:
                    self.hidden.add(key)
                else:
                    self.hidden.discard(key)

    def hides(self, tag: str, values: dict[str, str]) -> bool:
        """Whether a rule read hides an element with these attributes."""
        if not self.hidden:
            return False
        keys: list[Selector] = []
        for name in values.get("class", "").split():
            keys += [("", ".", name), (tag, ".", name)]
        element_id = values.get("id", "").strip()
        if element_id:
            keys += [("", "#", element_id), (tag, "#", element_id)]
        return any(key in self.hidden for key in keys)


def shown_by_style(values: dict[str, str]) -> bool:
    """Whether the element's own style shows it whatever a stylesheet says (it wins
    over a class or an id): a ``display`` other than ``none``."""
    style = values.get("style")
    if not style or "display" not in style.lower():
        return False
    display = declarations(style).get("display")
    return display is not None and keyword(display) not in ("", "none")


def _without_comments(css: str) -> str:
    """The stylesheet without its comments (one that is not closed runs to the end)."""
    out: list[str] = []
    at = 0
    while True:
        start = css.find("/*", at)
        if start < 0:
            out.append(css[at:])
            return "".join(out)
        out.append(css[at:start])
        end = css.find("*/", start + 2)
        if end < 0:
            return "".join(out)
        at = end + 2


def _rules(css: str) -> list[tuple[str, str]]:
    """The top-level rules of a stylesheet as (selectors, declarations); at-rules and
    everything in their blocks left out. One pass over the text."""
    out: list[tuple[str, str]] = []
    depth = 0
    prelude_start = 0
    body_start = 0
    prelude = ""
    for match in _BRACES.finditer(css):
        char = match.group()
        at = match.start()
        if char == "{":
            if depth == 0:
                prelude = css[prelude_start:at].strip()
                body_start = at + 1
            depth += 1
        elif char == "}":
            if depth == 0:
                prelude_start = at + 1  # a stray brace
                continue
            depth -= 1
            if depth == 0:
                if prelude and not prelude.startswith("@"):
                    out.append((prelude, css[body_start:at]))
                prelude_start = at + 1
        elif depth == 0:  # "@import …;", "@charset …;": a statement, no rule
            prelude_start = at + 1
    return out
