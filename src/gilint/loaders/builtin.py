"""The built-in loaders, registered through the ``gilint_loaders`` hook like any
plugin's. Order matters to :func:`gilint.loaders.choose`: the text loader comes last."""

from __future__ import annotations

from collections.abc import Sequence

from gilint.hookspecs import hookimpl
from gilint.loaders import Loader
from gilint.loaders.docx import DocxLoader
from gilint.loaders.html import HtmlLoader
from gilint.loaders.office import OfficeLoader
from gilint.loaders.pdf import PdfLoader
from gilint.loaders.text import TextLoader

BUILTIN_LOADERS: tuple[Loader, ...] = (
    PdfLoader(),
    DocxLoader(),
    OfficeLoader(),
    HtmlLoader(),
    TextLoader(),
)


@hookimpl
def gilint_loaders() -> Sequence[Loader]:
    return BUILTIN_LOADERS
