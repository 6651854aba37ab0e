"""Text made safe to show: what gilint writes names files and quotes reports, and both
arrive from strangers. Nothing in them may reach the terminal as a control (an escape
sequence, a line break that starts a line of its own), and a file name whose bytes are
not UTF-8 must still tell its file apart from the others."""

from __future__ import annotations

import re

_SURROGATES = re.compile("[\ud800-\udfff]")
# what Python's surrogateescape makes of a byte that is not UTF-8: U+DC80 to U+DCFF
_UNDECODED_BYTES = re.compile("[\udc80-\udcff]")
# C0 controls but the tab, DEL and C1 controls: ESC starts terminal escape sequences, a
# line break would start a line of its own (which GitHub reads as a command if it
# starts with "::"), and the rest have no business in a line of text.
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def display_path(path: str) -> str:
    """A path as valid text that still tells files apart. A part of it whose bytes are
    not UTF-8 (a name unpacked from an archive made on a Chinese Windows is GBK; Python
    keeps such bytes as lone surrogates) shows each of its non-ASCII bytes as ``\\xNN``,
    as Python writes bytes: shown as U+FFFD, 教育局.pdf and 公安局.pdf in GBK would both be
    ``������.pdf``. The other parts, a folder named in Chinese among them, stay as they
    are."""
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # surrogates that no file name's bytes gave
        return _SURROGATES.sub("\ufffd", path)
    return "/".join(_display_part(part) for part in raw.split(b"/"))


def _display_part(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("ascii", "backslashreplace")


def printable(text: str) -> str:
    """Text safe to print on a terminal line: every control character (and any lone
    surrogate) becomes U+FFFD, one for one, so columns still line up under it."""
    return _CONTROLS.sub("\ufffd", _SURROGATES.sub("\ufffd", text))


def diagnostic(text: str) -> str:
    """A message for standard error, which may name a file found in a stranger's folder:
    each byte of a file name that is not UTF-8 shown as ``\\xNN`` (:func:`display_path`,
    which knows the path's parts, also escapes the bytes around it that happen to decode),
    and every control character as U+FFFD."""
    escaped = _UNDECODED_BYTES.sub(lambda byte: f"\\x{ord(byte.group()) - 0xDC00:02x}", text)
    return printable(escaped)
