"""Loaders: the files users hold (text, HTML, Word, PDF) to text gilint reads.

A loader turns a file's bytes into text in a layout the parser already reads
(paragraphs separated by blank lines; a table row per line with its cells separated by
tabs, a merged cell's continuation left blank) and a :class:`~gilint.places.SourceMap`
back to places in the original. Loaders come from the ``gilint_loaders`` hook, the
built-in ones too (:mod:`gilint.loaders.builtin`). A loader whose libraries are an
optional extra that is not installed raises :class:`MissingExtra`, and only that file is
left unchecked.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import ClassVar

from gilint.extras import importable
from gilint.loading import Loaded, LoadProblem
from gilint.places import Piece, Place, SourceMap

HEAD = 4096  # bytes a loader's sniff looks at first

# An image at least half as wide as its page and a twentieth as tall may hold what a
# report states: a table pasted as a picture, a scanned page. A seal, a logo or a rule
# line is smaller.
IMAGE_WIDTH = 0.5
IMAGE_HEIGHT = 0.05


def large_image(width: float, height: float, page_width: float, page_height: float) -> bool:
    """Whether an image of this size on a page of that size may hold part of a report."""
    return width >= IMAGE_WIDTH * page_width and height >= IMAGE_HEIGHT * page_height


# What may hold part of a report and is not read (images, a web page's hidden
# elements), noted one by one in a file; past them, one note says how many more there
# are (a page of 200 000 image tags is one thing to know, not 200 000 lines of output).
UNREAD_NOTES = 20


class LoaderError(Exception):
    """A file a loader could not read; the message (Chinese) says what to do."""


class NotInstalled(LoaderError):
    """What a loader needs is not installed: not the file's fault, so never a finding
    about it; the message says what to install."""


class MissingExtra(NotInstalled):
    """The libraries a loader needs are an optional extra that is not installed."""

    def __init__(self, extra: str, what: str) -> None:
        super().__init__(f'读取{what}文件需要安装 gilint[{extra}]：pip install "gilint[{extra}]"')
        self.extra = extra


class Loader:
    """Base of loaders. Subclasses set ``name``, ``suffixes`` (lower case, with the dot)
    and, when their libraries are an optional extra, ``extra`` and ``modules``; they
    implement :meth:`sniff` and :meth:`load`."""

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]] = ()
    extra: ClassVar[str | None] = None
    modules: ClassVar[tuple[str, ...]] = ()  # what the extra installs
    # Whether gilint runs this loader under the extraction limits (time and memory:
    # gilint.extraction_limits). Only a loader whose work is bounded by the file's size,
    # as decoding text is, needs none; leave it True for any format that is parsed.
    limited: ClassVar[bool] = True

    def sniff(self, data: bytes) -> bool:
        """Whether ``data`` (a whole file) is of this loader's format, whatever its name."""
        return False

    def load(self, data: bytes, origin: str) -> Loaded:
        raise NotImplementedError

    def cache_version(self) -> str | None:
        """What this loader's output depends on besides the file's bytes, gilint's own
        code and Python's version: the versions of its libraries and programs. With
        ``--cache``, what it extracted is kept under that and read back for the same
        bytes (:mod:`gilint.extraction_cache`). None, the default, is never cached. A
        loader that returns a version promises that its output depends on nothing else:
        not on the file's name, the time or the machine's settings."""
        return None

    @classmethod
    def installed(cls) -> bool:
        """Whether the libraries this loader needs can be imported."""
        return importable(*cls.modules)

    def claims(self, path: str) -> bool:
        return PurePath(path).suffix.lower() in self.suffixes


class TextWriter:
    """The text a loader extracts, written piece by piece, with the place in the original
    that each piece came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pieces: list[Piece] = []
        self._unread: list[LoadProblem] = []  # one problem for each, up to a limit
        self._noted = 0  # what was noted, past the limit too
        self._past_limit = 0  # where the first past the limit stands
        self._more: dict[str, int] = {}  # past the limit: how many of each kind

    def write(self, text: str, place: Place | None = None) -> None:
        if place is not None and text:
            self.pieces.append(Piece(self.length, self.length + len(text), place))
        self.parts.append(text)
        self.length += len(text)

    def unread_image(self, where: str, place: Place) -> None:
        """An image the loader cannot read that may hold part of the report (see
        :func:`large_image`) at ``place`` (``where`` names the place in the message:
        ``第 3 页``)."""
        self.unread_content(
            "unread-image",
            f"{where}有一幅图片，gilint 不识别图片中的文字，"
            "其中的内容（如以图片插入的表格）未参与检查",
            "幅图片",
            place,
        )

    def unread_content(self, code: str, message: str, kind: str, place: Place) -> None:
        """Content the loader does not read that may hold part of the report: a blank
        line of its own at ``place``, where the finding that notes it points. Past
        :data:`UNREAD_NOTES` of them, the rest are counted by ``kind`` (a measure word
        and a noun: ``幅图片``) and noted together."""
        self._noted += 1
        if self._noted <= UNREAD_NOTES:
            self._unread.append(LoadProblem(code, message, self.length))
        else:
            if self._noted == UNREAD_NOTES + 1:
                self._past_limit = self.length
            self._more[kind] = self._more.get(kind, 0) + 1
        self.write("\n", place)

    def loaded(self, name: str, problems: tuple[LoadProblem, ...] = ()) -> Loaded:
        """What the loader returns: the text, named by its format, with its source map,
        and the problems given with those of what it holds that is not read."""
        unread = list(self._unread)
        if self._more:
            counts = "、".join(f"{n} {kind}" for kind, n in self._more.items())
            message = f"从此处起还有 {counts}，同样可能含有报告内容，gilint 未能读取，不再逐一列出"
            unread.append(LoadProblem("unread-more", message, self._past_limit))
        return Loaded(
            "".join(self.parts),
            encoding=name,
            origin=name,
            problems=(*problems, *unread),
            source_map=SourceMap(self.pieces),
        )


def choose(loaders: Sequence[Loader], data: bytes, path: str | None) -> Loader:
    """The loader for a file: the first whose sniff recognises the bytes (an HTML page
    named ``.txt`` is read as HTML), else the first that claims the file's suffix, else
    the last one (the text loader, which reads anything). A sniff that raises (a
    plugin's, on bytes it did not expect) recognises nothing: the file is still read,
    by the loader its name or the text calls for."""
    if not loaders:
        from gilint.loaders.text import TextLoader

        return TextLoader()
    for loader in loaders:
        if _sniffs(loader, data):
            return loader
    if path is not None:
        for loader in loaders:
            if loader.claims(path):
                return loader
    return loaders[-1]


def _sniffs(loader: Loader, data: bytes) -> bool:
    try:
        return bool(loader.sniff(data))
    except Exception:
        return False


__all__ = [
    "HEAD",
    "Loader",
    "LoaderError",
    "MissingExtra",
    "NotInstalled",
    "TextWriter",
    "choose",
]
