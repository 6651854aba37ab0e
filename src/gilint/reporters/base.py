"""The reporter interface: findings are handed over file by file, as they are found."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import ClassVar, TextIO

import attrs

from gilint.findings import Finding, Severity
from gilint.plugins import Registry
from gilint.review import ReportView
from gilint.summary import ReportSummary


@attrs.frozen(slots=True)
class FileResult:
    """A checked file: its findings and the source lines they point at (for excerpts)."""

    path: str
    findings: tuple[Finding, ...]
    lines: dict[int, str] = attrs.field(factory=dict)
    # the report's tables and the paragraphs findings speak of, for reporters that draw
    # them (``needs_view``)
    view: ReportView | None = None
    # what rules across reports read, one for each report the file holds (when the run
    # has them; dropped once they ran)
    summaries: tuple[ReportSummary, ...] = ()
    # the path as the file system has it, when ``path`` shows it otherwise (a name that
    # is not UTF-8, with its bytes as Python's surrogate escapes): for a URI that names
    # the file
    given: str | None = None


@attrs.define
class Summary:
    files: int = 0
    counts: Counter[str] = attrs.field(factory=Counter)
    by_code: Counter[str] = attrs.field(factory=Counter)

    def add(self, result: FileResult) -> None:
        self.files += 1
        for finding in result.findings:
            self.counts[finding.severity.value] += 1
            self.by_code[finding.code] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def text(self) -> str:
        files = f"检查了 {self.files} 个文件"
        if not self.total:
            return f"未发现问题，{files}。"
        parts = "，".join(
            f"{s.label} {self.counts[s.value]}" for s in Severity if self.counts[s.value]
        )
        return f"发现 {self.total} 个问题（{parts}），{files}。"


class Reporter:
    """Base of the output formats. Plugins may add more through ``gilint_reporters``."""

    name: ClassVar[str]
    description: ClassVar[str] = ""
    needs_source: ClassVar[bool] = False  # FileResult.lines: the lines findings are on
    needs_view: ClassVar[bool] = False  # FileResult.view: tables and paragraphs
    # writes bytes to ``stream.buffer``: only to a file named with -o, never a terminal
    binary: ClassVar[bool] = False

    def __init__(
        self,
        stream: TextIO,
        *,
        registry: Registry,
        color: bool = False,
        quiet: bool = False,
        root: Path | None = None,
    ) -> None:
        self.stream = stream
        self.registry = registry
        self.color = color
        self.quiet = quiet
        self.root = root or Path.cwd()

    def start(self) -> None:
        """Called once before the first file."""

    def file(self, result: FileResult) -> None:
        """Called once per checked file, in the order the files were given."""

    def finish(self, summary: Summary) -> None:
        """Called once after the last file."""
