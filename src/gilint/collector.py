"""Pausing Python's cyclic garbage collector around work that builds many objects and
no reference cycles.

Importing gilint, building its rules and parsing a report each allocate thousands of
objects that live on (modules, classes, the report's tree). The collector, left on,
scans them again and again in vain: about 13 ms of a 170 ms start-up, and a superlinear
parse of large inputs (size^1.2 on repeated table rows in
``tests/benchmarks/worst_cases.py``, size^1.05 with the collector paused). Running the
rules over a large report is the same: each collection their allocations set off scans
the report's tree again (the whole lint of repeated row lines read size^1.08 to 1.17,
with the collector paused for the rules too 1.03 to 1.07). The previous state is
restored on leaving, so a program that uses gilint as a library keeps its own choice;
what a rule leaves in cycles is collected after it.
"""

from __future__ import annotations

import gc
from types import TracebackType


class collector_paused:  # used like a function: ``with collector_paused():``
    """The collector off inside the ``with`` block, as it was after it."""

    __slots__ = ("_was_enabled",)

    def __enter__(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._was_enabled:
            gc.enable()
