"""Text formats for people: ``concise`` (one line per finding) and ``full`` (with source)."""

from __future__ import annotations

import unicodedata

from gilint.findings import Finding, Severity
from gilint.reporters.base import FileResult, Reporter, Summary
from gilint.safe_text import printable

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class Concise(Reporter):
    """``path:line:col: CODE [severity] message``, then a summary line."""

    name = "concise"
    description = "每个问题一行，最后一行为汇总（默认）"

    def paint(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text

    def headline(self, finding: Finding) -> str:
        """The finding's line. Nothing from the report or its file name can start a line
        of its own or reach the terminal as an escape sequence (see :func:`printable`),
        and a line never starts with "::" (a GitHub workflow command)."""
        path = printable(finding.path or "-")
        if path.lstrip().startswith("::"):
            path = "./" + path
        if finding.place is not None:  # a PDF, Word or HTML file: the original's place
            where = f"{path}:{finding.place.label()}:"
        else:
            where = f"{path}:{finding.line}:{finding.column}:"
        severity = self.paint(f"[{finding.severity.label}]", _COLORS[finding.severity])
        message = printable(finding.message)
        return f"{self.paint(where, '1')} {self.paint(finding.code, '1')} {severity} {message}"

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            self.stream.write(self.headline(finding) + "\n")

    def finish(self, summary: Summary) -> None:
        if not self.quiet:
            self.stream.write(summary.text() + "\n")


class Full(Concise):
    """The concise line, then the source lines with the span underlined and the suggestion,
    the way rustc and ruff show them."""

    name = "full"
    description = "显示源文本并标出问题位置，附修改建议"
    needs_source = True

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            self.stream.write(self.headline(finding) + "\n")
            if finding.place is not None:
                self.stream.write(f"    = 原文位置：{_describe(finding)}\n")
            self.stream.write(self.excerpt(finding, result.lines))
            if finding.suggestion:
                self.stream.write(f"    = 建议：{printable(finding.suggestion)}\n")
            self.stream.write("\n")

    def excerpt(self, finding: Finding, lines: dict[int, str]) -> str:
        span = finding.span
        last = min(span.end_line, span.line + 3)
        if span.end_line > span.line and span.end_column == 1:
            last = min(last, span.end_line - 1)  # a span ending at a line start
        gutter = len(str(last))
        out = [f"{' ' * gutter} |\n"]
        for number in range(span.line, last + 1):
            raw = printable(lines.get(number, ""))  # tabs kept: they are widened below
            text = raw.replace("\t", "    ")
            out.append(f"{number:>{gutter}} | {text}\n")
            start = span.column - 1 if number == span.line else 0
            end = span.end_column - 1 if number == span.end_line else len(raw)
            lead = display_width(raw[:start].replace("\t", "    "))
            width = max(1, display_width(raw[start:end].replace("\t", "    ")))
            marks = self.paint("^" * width, _COLORS[finding.severity])
            out.append(f"{' ' * gutter} | {' ' * lead}{marks}\n")
        if last < span.end_line:
            out.append(f"{' ' * gutter} | …\n")
        return "".join(out)


def _describe(finding: Finding) -> str:
    """Where an extracted file's finding stands in the original, in full; the excerpt
    below it is the text gilint extracted (its line numbers)."""
    place = finding.place
    assert place is not None
    parts = [place.label()]
    if place.path:
        parts.append(place.path)
    if place.bbox:
        parts.append("坐标 " + ", ".join(f"{v:.0f}" for v in place.bbox))
    if finding.logical:
        parts.append(finding.logical)
    where = "，".join(parts)
    return f"{printable(where)}（以下为提取出的文本，第 {finding.line} 行）"
