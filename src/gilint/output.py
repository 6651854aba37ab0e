"""Where a command's output goes: standard output, or a file that is written whole or
not at all.

A linter's output is what a reviewer keeps. A full disk, a closed pipe (``| head -1``)
or a closed standard output must end the run with one clear line and a non-zero exit,
and must never leave a truncated file where the user expects a whole one. Nor may a
character fail it: findings quote reports and name their files, which can hold any
character, and standard output need not be UTF-8 (redirected on a Chinese Windows, it
is GBK). Output redirected to a file or a pipe is UTF-8, as a file written with ``-o``
is; a terminal gets its own encoding, with what it cannot show escaped (``\U0001f600``).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import TextIO

from gilint.messages import os_error


class OutputError(Exception):
    """The output could not be written; the message (Chinese) says why."""


def _reason(error: OSError) -> str:
    if isinstance(error, BrokenPipeError):
        return "输出管道已关闭（如 | head），输出不完整"
    return os_error(error)


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's final flush of
    what could not be written raises nothing more at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _as_it_was() -> None:
    """What :func:`_any_text` returns for a stream it left alone."""


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (a closed or odd stream is not)."""
    try:
        return stream.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def _any_text(stream: TextIO) -> Callable[[], None]:
    """Make ``stream`` take any character (see the module docstring); return what puts
    it back as it was, for a caller whose standard output is its own."""
    if not isinstance(stream, io.TextIOWrapper):
        return _as_it_was  # (a caller's own stream: it chose what it takes)
    encoding, errors = stream.encoding, stream.errors
    if codecs.lookup(encoding).name == "utf-8":
        return _as_it_was
    terminal = is_terminal(stream)
    stream.flush()
    if terminal:
        stream.reconfigure(errors="backslashreplace")
    else:
        stream.reconfigure(encoding="utf-8", errors="strict")

    def restore() -> None:
        with contextlib.suppress(OSError, ValueError):  # a closed or broken output
            stream.flush()
            stream.reconfigure(encoding=encoding, errors=errors)

    return restore


@contextlib.contextmanager
def standard_output() -> Iterator[TextIO]:
    """Standard output, taking any character, flushed before the block ends so that
    every write error is seen here, as an :class:`OutputError`."""
    stream = sys.stdout
    if stream is None or stream.closed:
        raise OutputError("标准输出已关闭，无处输出结果（可用 -o 指定输出文件）")
    restore = _as_it_was
    try:
        restore = _any_text(stream)  # (it flushes: a broken output fails here too)
        yield stream
        stream.flush()
    except OSError as exc:
        _silence_stdout()
        raise OutputError(f"无法写入标准输出：{_reason(exc)}") from None
    finally:
        restore()


def _new_file_mode(path: str) -> int:
    """The mode the output file gets: the old file's, or what the umask gives a new one."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def file_output(path: str) -> Iterator[TextIO]:
    """A file written under a temporary name beside ``path`` and renamed over it only when
    the block succeeds: a failure (or an interruption) leaves the old file, or none."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise OutputError(f"无法写入输出文件 {path}：{_reason(exc)}") from None
    try:
        with open(fd, "w", encoding="utf-8") as stream:
            yield stream
        os.chmod(temporary, _new_file_mode(path))
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"无法写入输出文件 {path}：{_reason(exc)}") from None
        raise


def output(path: str | None) -> contextlib.AbstractContextManager[TextIO]:
    """``file_output(path)``, or :func:`standard_output` when no file is named."""
    return file_output(path) if path else standard_output()
