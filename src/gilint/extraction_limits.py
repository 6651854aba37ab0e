"""Limits on what extracting one file may take: time and memory.

A damaged or hostile PDF can hold a page that draws millions of characters from a few
kilobytes (a compressed content stream, a form drawn over and over): pdfminer would work
on it for minutes and take gigabytes, and a loader from a plugin can loop for ever. A
real-time interval timer checks a few times a second how long the loader has run and,
on Linux, how much the process has grown since the loader began, and stops the loader
with :class:`ExtractionStopped` past either limit: that file gets a finding (GI901) and
the run goes on. As for the rules' limits (:mod:`gilint.timelimit`), the timer works
only in the main thread with SIGALRM unclaimed; elsewhere extraction runs unlimited.

A timer's signal is handled between two steps of Python code, so it cannot stop one
call into C that takes memory by itself: zlib inflating a PDF stream of 1.5 MB to
1.5 GB, the standard library's regular expression reading a start tag of a million
attributes. While a loader runs, the process's address space is therefore also capped
by the kernel (``RLIMIT_AS``) a little above the limit: such a call fails with
MemoryError, which ends the loader with the same finding, however the loader wrapped it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from types import FrameType, ModuleType

from gilint.timelimit import ticking, usable

DEFAULT_EXTRACT_TIMEOUT = 120.0  # seconds one file's extraction may take
MEMORY_GROWTH = 1 << 30  # bytes one file's extraction may add to the process
TICK = 0.25  # seconds between two checks
# How far above MEMORY_GROWTH the kernel's cap on the address space stands, so that
# growth in Python code is mostly stopped by the timer, whose ExtractionStopped no
# ``except Exception`` swallows, before any allocation fails.
HEADROOM = 64 << 20


class ExtractionStopped(BaseException):
    """Raised inside a loader past a limit. A BaseException, so that a loader's or a
    library's ``except Exception`` does not swallow it; the message (Chinese) says
    which limit."""


def mapped_bytes() -> int | None:
    """The process's address space now (Linux's ``/proc``); None where not known."""
    try:
        with open("/proc/self/statm", "rb") as stream:
            return int(stream.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def extraction_limits(seconds: float) -> Iterator[None]:
    """The body (one loader's work) stopped after ``seconds`` (0: no time limit) or once
    the process has grown by :data:`MEMORY_GROWTH` bytes. Arming costs about 25 µs: the
    timer, reading the address space and setting its cap."""
    if not usable():
        yield
        return
    memory = MEMORY_GROWTH
    too_much = f"提取文本占用的内存超过 {memory >> 20} MB，已停止（文件内容异常，可能经过构造）"
    started = time.monotonic()
    base = mapped_bytes()

    def tick(signum: int, frame: FrameType | None) -> None:
        if seconds > 0 and time.monotonic() - started >= seconds:
            raise ExtractionStopped(
                f"提取文本用时超过 {seconds:g} 秒，已停止（可用 extract-timeout 调整上限）"
            )
        now = mapped_bytes()
        if now is not None and base is not None and now - base > memory:
            raise ExtractionStopped(too_much)

    cap = None if base is None else base + memory + HEADROOM
    with ticking(tick, TICK), _address_space_capped(cap):
        try:
            yield
        except Exception as exc:
            if _out_of_memory(exc):
                raise ExtractionStopped(too_much) from exc
            raise


@contextlib.contextmanager
def _address_space_capped(cap: int | None) -> Iterator[None]:
    """The body run with the process's address space capped at ``cap`` bytes (or at a
    lower cap already set); the previous cap back afterwards. Nothing where the platform
    has no such limit."""
    resource = _address_limits()
    if cap is None or resource is None:
        yield
        return
    previous = resource.getrlimit(resource.RLIMIT_AS)
    soft, hard = previous
    if soft != resource.RLIM_INFINITY:  # (the soft limit is never above the hard one)
        cap = min(cap, soft)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, previous)


def lift_address_cap() -> None:
    """For a loader that runs a program (``preexec_fn`` of :mod:`subprocess`): the child
    starts with its address space limited only by the hard limit. A child inherits the
    cap set on gilint's process, a number counted from gilint's size, against which the
    program's whole address space would count; its memory is its own, and its run has a
    time limit of its own."""
    resource = _address_limits()
    if resource is not None:
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _address_limits() -> ModuleType | None:
    """The ``resource`` module where it can limit the address space (``RLIMIT_AS``)."""
    try:
        import resource
    except ImportError:  # not Unix
        return None
    return resource if hasattr(resource, "RLIMIT_AS") else None


def _out_of_memory(exc: BaseException) -> bool:
    """Whether ``exc`` is, or was raised while handling, a MemoryError (a loader may
    wrap what a library raised in its own error)."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, MemoryError):
            return True
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return False
