"""What a web page hides: the elements a browser does not draw, and where each ends.

A page may hold text no reader sees: a hidden copy of the article for printing, letters
slipped between a heading's characters against copying, a share picture for a chat
app. gilint reads what the browser shows. An element is hidden by ``display: none`` or
``visibility: hidden`` in its style, by the ``hidden`` attribute (not
``hidden="until-found"``, which a reader's search opens), or by a rule of the page's own
stylesheets for its class or id (:mod:`gilint.loaders.stylesheet`).

The loader streams the page without building a tree, so the elements opened inside a
hidden one are followed until it ends: at its end tag, at the end tag of an element
opened before it, or where HTML ends it without one (a paragraph at the next block, a
cell at the next cell). Where the page's markup is broken, a hidden element ends early
rather than late: what is shown too much is read, as gilint read every hidden element
before; what is hidden too much would be lost.
"""

from __future__ import annotations

from bisect import bisect_right
from enum import Enum

from gilint.loaders.css import declarations, keyword
from gilint.loaders.stylesheet import StyleRules, shown_by_style
from gilint.places import Place

# Elements without an end tag: nothing opens inside them.
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "frame",
        "keygen",
        "basefont",
        "bgsound",
    ]
)
# A page that hides its whole body shows it from a script once it has loaded.
_NEVER_HIDDEN = frozenset({"html", "body"})
# Text in these is no content of the page: a link's (a menu, a list of other pages) and
# a script's or a style's source.
_UNCOUNTED = ("a", "script", "style", "template", "noscript")

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Start tags that end an open paragraph (HTML's "close a p element").
_PARAGRAPH_ENDERS = _HEADINGS | frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dd",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
        "xmp",
        "listing",
        "plaintext",
    ]
)
# Where a paragraph, list item or cell opened further out is out of reach (a table's
# cell starts a new scope).
_SCOPE = frozenset({"table", "td", "th", "caption", "button", "object", "template"})
_CELLS = frozenset({"td", "th"})
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})

# The elements a start tag ends without their end tags, and what shields them: each
# (ended, shield) pair ends the outermost open element of ``ended`` that no element of
# ``shield`` opened after.
_ENDED_BY: dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]] = {
    tag: ((frozenset({"p"}), _SCOPE),) for tag in _PARAGRAPH_ENDERS
}
_ENDED_BY["li"] += ((frozenset({"li"}), _SCOPE | {"ul", "ol", "menu"}),)
for _tag in ("dt", "dd"):
    _ENDED_BY[_tag] += ((frozenset({"dt", "dd"}), _SCOPE | {"dl"}),)
for _tag in _CELLS:
    _ENDED_BY[_tag] = ((_CELLS, frozenset({"table"})),)
_ENDED_BY["tr"] = ((_CELLS | {"tr"}, frozenset({"table"})),)
for _tag in _ROW_GROUPS:
    _ENDED_BY[_tag] = ((_CELLS | _ROW_GROUPS | {"tr"}, frozenset({"table"})),)
_ENDED_BY["option"] = ((frozenset({"option"}), frozenset({"select"})),)
_ENDED_BY["optgroup"] = ((frozenset({"option", "optgroup"}), frozenset({"select"})),)
_ENDED_BY["a"] = ((frozenset({"a"}), _SCOPE),)  # a link is not opened inside a link


def hides(tag: str, values: dict[str, str], styles: StyleRules | None = None) -> bool:
    """Whether an element with these attributes is hidden, by itself, from the reader:
    by its attributes, or by a rule of the page's stylesheets read so far (``styles``)
    that its own style does not overrule."""
    if tag in _NEVER_HIDDEN:
        return False
    hidden = values.get("hidden")
    if hidden is not None and hidden.strip().lower() != "until-found":
        return True
    style = values.get("style")
    if style and ("none" in style.lower() or "hidden" in style.lower()):
        found = declarations(style)
        if keyword(found.get("display")) == "none" or keyword(found.get("visibility")) == (
            "hidden"
        ):
            return True
    return styles is not None and styles.hides(tag, values) and not shown_by_style(values)


class Ended(Enum):
    """What a tag did to a hidden element."""

    NO = "no"  # it is still open; the tag is in it
    BY_ITS_END = "by its end"  # its own end tag: nothing more of it to read
    BY_ANOTHER = "by another"  # ended by a tag that is read in its own right


class HiddenElement:
    """A hidden element being read past: the elements open in it, itself first. Each
    is indexed by its name, so that an end tag finds its element at once however deep
    a page nests (a hostile page may open a million)."""

    def __init__(self, tag: str, place: Place) -> None:
        self.place = place
        self.chars = 0  # characters of content in it, outside links and scripts
        self._open: list[str] = []
        self._where: dict[str, list[int]] = {}
        self._push(tag)

    def _push(self, tag: str) -> None:
        self._where.setdefault(tag, []).append(len(self._open))
        self._open.append(tag)

    def _close_from(self, index: int) -> None:
        """Ends the element at ``index`` and every one opened in it."""
        while len(self._open) > index:
            tag = self._open.pop()
            at = self._where[tag]
            at.pop()
            if not at:
                del self._where[tag]

    def _last(self, tags: frozenset[str]) -> int:
        return max((self._where[t][-1] for t in tags if t in self._where), default=-1)

    def start(self, tag: str) -> Ended:
        """A start tag inside: it may end open elements (this one too) first."""
        for ended, shield in _ENDED_BY.get(tag, ()):
            after = self._last(shield)
            found = [
                at[bisect_right(at, after)]
                for t in ended
                if (at := self._where.get(t)) and at[-1] > after
            ]
            if found:
                self._close_from(min(found))
        if tag in _HEADINGS and self._open and self._open[-1] in _HEADINGS:
            self._close_from(len(self._open) - 1)  # a heading does not hold a heading
        if not self._open:
            return Ended.BY_ANOTHER
        if tag not in VOID:
            self._push(tag)
        return Ended.NO

    def end(self, tag: str) -> Ended:
        """An end tag: of an element opened inside, of this one, or of one around it
        (or of none, which ends this one too: see the module's docstring)."""
        if tag in VOID:
            return Ended.NO
        at = self._where.get(tag)
        if at is None:
            self._close_from(0)
            return Ended.BY_ANOTHER
        self._close_from(at[-1])
        return Ended.NO if self._open else Ended.BY_ITS_END

    def data(self, text: str) -> None:
        """Text inside: counted when it would be content."""
        if not any(t in self._where for t in _UNCOUNTED):
            self.chars += len("".join(text.split()))
