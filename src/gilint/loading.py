"""Bytes to text: decoding and line ends.

The loader's result is the text the user sees in an editor, with ``\\n`` line ends.
Line and column numbers of that text are those of the user's file, so every later
stage reports positions against it. The loaders of other formats (HTML, Word, PDF, in
:mod:`gilint.loaders`) return a :class:`Loaded` too: the extracted text, ``origin``
naming the format, and a ``source_map`` from offsets of the text back to places in the
original file (None for plain text, whose lines and columns are the file's own).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from typing import BinaryIO

import attrs

from gilint.places import SourceMap

_NEWLINES = re.compile(r"\r\n?")

MAX_BYTES = 50 * 1024 * 1024  # larger than any report; what a read stops at by default


class InputError(OSError):
    """A file that is not read at all (not a regular file, or too large), with a message
    in Chinese for the user."""


def _too_large(limit: int) -> InputError:
    return InputError(
        f"文件超过 {limit // (1024 * 1024) or 1} MB，未读取（可用 --max-file-size 调整上限）"
    )


def read_input(path: str | os.PathLike[str], limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    The file is opened without blocking and checked on its descriptor, so a FIFO, a device
    (``/dev/zero``) or a socket is refused with a message instead of hanging or filling
    memory, even if it replaced a regular file after the user listed it.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("不是普通文件（如管道、设备或目录），未读取")
        if info.st_size > limit:
            raise _too_large(limit)
        return read_input_stream(stream, limit, size=info.st_size)


def read_input_stream(stream: BinaryIO, limit: int = MAX_BYTES, size: int | None = None) -> bytes:
    """At most ``limit`` bytes of a stream (standard input); more is an InputError.

    ``size`` is what the file said it holds: one read of that much and a byte more finds
    its end, where a read of ``limit`` bytes would first allocate ``limit`` bytes (50 MB
    for a report of 20 KB). A file that grew since is read on to ``limit``."""
    data = stream.read(limit + 1 if size is None else min(size, limit) + 1)
    if size is not None and len(data) > size:
        data += stream.read(limit + 1 - len(data))
    if len(data) > limit:
        raise _too_large(limit)
    return data


# (BOM, codec) in the order they must be tested: UTF-32 LE starts with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@attrs.frozen(slots=True)
class LoadProblem:
    """Something the loader had to guess or repair; ``offset`` is into the loaded text."""

    code: str
    message: str
    offset: int = 0


@attrs.frozen(slots=True)
class Loaded:
    """Decoded text with ``\\n`` line ends, and how it was obtained."""

    text: str
    encoding: str
    bom: bool = False
    newline: str = "\n"
    origin: str = "text"
    problems: tuple[LoadProblem, ...] = ()
    source_map: SourceMap | None = attrs.field(default=None, eq=False, repr=False)


def _line_ends(text: str) -> tuple[str, str]:
    """Replace CRLF and lone CR by LF; report the dominant original style."""
    if "\r" not in text:
        return text, "\n"
    style = "\r\n" if "\r\n" in text else "\r"
    return _NEWLINES.sub("\n", text), style


def load_text(text: str, origin: str = "text") -> Loaded:
    """Load text that is already decoded (a string given to the library)."""
    problems: list[LoadProblem] = []
    if text.startswith("\ufeff"):
        text = text[1:]
    text, newline = _line_ends(text)
    _check_controls(text, problems)
    return Loaded(text, "str", False, newline, origin, tuple(problems))


def load_bytes(data: bytes, origin: str = "bytes") -> Loaded:
    """Decode bytes: a BOM wins; then UTF-16 without one, where its zero bytes say so
    (:func:`_utf16_codec`); then strict UTF-8; then GB18030 (a superset of GBK).

    Undecodable input is decoded as UTF-8 with replacement characters and reported,
    so that the rest of the file can still be parsed.
    """
    problems: list[LoadProblem] = []
    text: str | None = None
    encoding = ""
    bom = False
    for mark, codec in _BOMS:
        if data.startswith(mark):
            if codec == "utf-32-le" and not _is_utf32(data[len(mark) :]):
                continue  # the UTF-16 LE BOM, then text that starts with U+0000
            bom = True
            encoding = codec
            text = data[len(mark) :].decode(codec, errors="replace")
            if "\ufffd" in text:
                problems.append(_replaced(text, codec))
            break
    if text is None:
        for codec in (*_utf16_codec(data), "utf-8", "gb18030"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            encoding = codec
            break
    if text is None:
        # the codec that needs fewer replacements (a GB18030 file with one bad byte must
        # not be read as UTF-8 throughout), UTF-8 on a tie
        readings = [(_decode_by_line(data, codec), codec) for codec in ("utf-8", "gb18030")]
        text, encoding = min(readings, key=lambda reading: reading[0].count("\ufffd"))
        problems.append(_replaced(text, "UTF-8 或 GB18030"))
    text, newline = _line_ends(text)
    _check_controls(text, problems)
    return Loaded(text, encoding, bom, newline, origin, tuple(problems))


_BYTE_LINE_BREAKS = re.compile(rb"(\r\n?|\n)")


def _utf16_codec(data: bytes) -> tuple[str, ...]:
    """The UTF-16 codec of text saved without a BOM, if zero bytes tell it is UTF-16:
    text in UTF-8 or GB18030 has none, and in UTF-16 every ASCII character (a report's
    digits, spaces and line ends) has one. The byte order is the one that reads more of
    them as such (read in the other order, a line end is U+0A00, no line end), where it
    reads a good share of the zero bytes so (zero bytes that pad a file in UTF-8 are
    U+0000 in either order)."""
    zeros = data.count(0)
    if zeros < 2 or zeros * 100 < len(data):
        return ()
    ascii_read = {
        codec: sum(map(data.decode(codec, errors="replace").count, "\n 0123456789"))
        for codec in ("utf-16-le", "utf-16-be")
    }
    little, big = ascii_read["utf-16-le"], ascii_read["utf-16-be"]
    if max(little, big) * 4 < zeros:
        return ()
    return ("utf-16-le",) if little > big else ("utf-16-be",) if big > little else ()


def _decode_by_line(data: bytes, codec: str) -> str:
    """``data`` decoded with replacement characters, one line at a time. A multi-byte
    decoder that meets a broken sequence may swallow the line break after it (GB18030
    reads ``b"\\x810\\n"`` as one U+FFFD), and every later line number would move; in
    UTF-8 and GB18030 a CR or LF byte is never part of a character, so the split is exact."""
    pieces = _BYTE_LINE_BREAKS.split(data)
    return "".join(
        piece.decode("ascii") if index % 2 else piece.decode(codec, errors="replace")
        for index, piece in enumerate(pieces)
    )


def _is_utf32(body: bytes) -> bool:
    """Whether bytes after ``FF FE 00 00`` are UTF-32 LE. The same four bytes are the
    UTF-16 LE BOM followed by U+0000; UTF-16 text read as UTF-32 almost never decodes
    (its units pair up into code points above U+10FFFF), so a strict decode decides."""
    if len(body) % 4:
        return False
    try:
        body.decode("utf-32-le")
    except UnicodeDecodeError:
        return False
    return True


def _replaced(text: str, codec: str) -> LoadProblem:
    return LoadProblem(
        "decode-error",
        f"文件无法按 {codec} 完整解码，无法识别的字节已替换为 “\ufffd”",
        text.find("\ufffd"),
    )


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def _check_controls(text: str, problems: list[LoadProblem]) -> None:
    match = _CONTROL.search(text)
    if match:
        problems.append(
            LoadProblem(
                "control-characters",
                "文件含有控制字符（可能不是文本文件），相关内容可能无法识别",
                match.start(),
            )
        )
