"""The HTML loader: a published web page to text (see :mod:`gilint.loaders.html_text`).

The page is read by :func:`gilint.loaders.html_text.extract`, imported when a page
arrives: the standard library's HTML parser is a few milliseconds of every start-up
that reads no web page.
"""

from __future__ import annotations

import re

from gilint.loaders import HEAD, Loader
from gilint.loading import Loaded

_SNIFF = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)


class HtmlLoader(Loader):
    """Web pages (``.html``, ``.htm``, ``.shtml``), and any file that starts like one."""

    name = "html"
    suffixes = (".html", ".htm", ".shtml", ".xhtml")

    def sniff(self, data: bytes) -> bool:
        return _SNIFF.match(data[:HEAD]) is not None

    def cache_version(self) -> str | None:
        return ""  # the standard library's parser: Python's version is in every key

    def load(self, data: bytes, origin: str) -> Loaded:
        from gilint.loaders.html_text import extract

        return extract(data)
