"""Limits on what extracting one file may take: time and memory.

A damaged or hostile PDF can hold a page that draws millions of characters from a few
kilobytes (a compressed content stream, a form drawn over and over): pdfminer would work
on it for minutes and take gigabytes, and a loader from a plugin can loop for ever. A
real-time interval timer checks a few times a second how long the loader has run and,
on Linux, how much the process has grown since its first check, and stops the loader
with :class:`ExtractionStopped` past either limit: that file gets a finding (GI901) and
the run goes on. As for the rules' limits (:mod:`gilint.timelimit`), the timer works
only in the main thread with SIGALRM unclaimed; elsewhere extraction runs unlimited.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from types import FrameType

from gilint.timelimit import ticking, usable

DEFAULT_EXTRACT_TIMEOUT = 120.0  # seconds one file's extraction may take
MEMORY_GROWTH = 1 << 30  # bytes one file's extraction may add to the process
TICK = 0.25  # seconds between two checks


class ExtractionStopped(BaseException):
    """Raised inside a loader past a limit. A BaseException, so that a loader's or a
    library's ``except Exception`` does not swallow it; the message (Chinese) says
    which limit."""


def resident_bytes() -> int | None:
    """The process's resident memory now (Linux's ``/proc``); None where not known."""
    try:
        with open("/proc/self/statm", "rb") as stream:
            return int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def extraction_limits(seconds: float) -> Iterator[None]:
    """The body (one loader's work) stopped after ``seconds`` (0: no time limit) or once
    the process has grown by :data:`MEMORY_GROWTH` bytes since the first check. Arming
    costs a few microseconds; memory is first read at the first tick, so a quick loader
    never reads it."""
    if not usable():
        yield
        return
    memory = MEMORY_GROWTH
    started = time.monotonic()
    base: list[int | None] = []  # the resident memory at the first tick

    def tick(signum: int, frame: FrameType | None) -> None:
        if seconds > 0 and time.monotonic() - started >= seconds:
            raise ExtractionStopped(
                f"提取文本用时超过 {seconds:g} 秒，已停止（可用 extract-timeout 调整上限）"
            )
        now = resident_bytes()
        if not base:
            base.append(now)
        elif now is not None and base[0] is not None and now - base[0] > memory:
            raise ExtractionStopped(
                f"提取文本占用的内存超过 {memory >> 20} MB，已停止（文件内容异常，可能经过构造）"
            )

    with ticking(tick, TICK):
        yield
