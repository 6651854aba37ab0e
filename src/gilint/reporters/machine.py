"""Formats for machines: ``json``, ``sarif`` (GitHub code scanning), ``github``
(workflow commands) and ``junit``."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote
from xml.etree import ElementTree as ET

from gilint import __version__
from gilint.findings import Finding, Severity
from gilint.places import Place
from gilint.reporters.base import FileResult, Reporter, Summary
from gilint.safe_text import printable
from gilint.span import Span


class Json(Reporter):
    """A JSON array of findings."""

    name = "json"
    description = "JSON 数组，每个问题一个对象"

    def start(self) -> None:
        self._first = True
        self.stream.write("[")

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            self.stream.write("\n  " if self._first else ",\n  ")
            self.stream.write(json.dumps(finding.to_dict(), ensure_ascii=False))
            self._first = False

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n]\n" if not self._first else "]\n")


def relative_uri(path: str | None, root: Path) -> str:
    """A repository-relative, percent-encoded URI, as SARIF consumers expect."""
    if not path or path == "-":
        return "stdin"
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root.resolve())
    except ValueError:
        return absolute.as_uri()
    return quote(os.fsencode(relative.as_posix()))  # a name's own bytes, UTF-8 or not


_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class Sarif(Reporter):
    """SARIF 2.1.0 as GitHub code scanning accepts it."""

    name = "sarif"
    description = "SARIF 2.1.0，可上传至 GitHub 代码扫描"

    def start(self) -> None:
        self._results: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        index = {e.rule.code: i for i, e in enumerate(self.registry.rules)}
        uri = relative_uri(result.given or result.path, self.root)
        for finding in result.findings:
            item: dict[str, Any] = {
                "ruleId": finding.code,
                "level": _LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [self.location(finding, uri)],
            }
            related = [
                {"id": number, **self.location(finding, uri, span, place)}
                for number, (span, place) in enumerate(
                    zip(
                        finding.related,
                        finding.related_places or (None,) * len(finding.related),
                        strict=True,
                    ),
                    1,
                )
            ]
            if related:
                item["relatedLocations"] = related
            if finding.place is not None:
                item["properties"] = {"source": finding.place.to_dict()}
            if finding.code in index:
                item["ruleIndex"] = index[finding.code]
            if finding.suggestion:
                item["message"]["text"] += f"。建议：{finding.suggestion}"
            self._results.append(item)

    def location(
        self, finding: Finding, uri: str, span: Span | None = None, place: Place | None = None
    ) -> dict[str, Any]:
        """The finding's place in the file the user holds. A text file: the span's full
        region. An HTML page: the line and column of its source where the text began. A
        PDF or Word file has no lines: the file, and what the span is by name
        (``表三/（一）予以公开/自然人``) as a logical location; the page or cell is in the
        result's properties. ``uri`` names the file (:func:`relative_uri`)."""
        artifact: dict[str, Any] = {"uri": uri}
        if "://" not in uri:  # an absolute file: URI stands alone, without a base
            artifact["uriBaseId"] = "%SRCROOT%"
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if span is None:  # the finding's own location
            span, place = finding.span, finding.place
        if place is None:
            physical["region"] = {
                "startLine": span.line,
                "startColumn": span.column,
                "endLine": span.end_line,
                "endColumn": span.end_column,
            }
        elif place.line is not None:
            physical["region"] = {"startLine": place.line, "startColumn": place.column or 1}
        location: dict[str, Any] = {"physicalLocation": physical}
        if place is not None and finding.logical and span is finding.span:
            location["logicalLocations"] = [
                {"fullyQualifiedName": finding.logical, "kind": "element"}
            ]
        return location

    def finish(self, summary: Summary) -> None:
        rules = []
        for entry in self.registry.rules:
            rule = entry.rule
            doc = rule.documentation()
            title = doc.split("\n", 1)[0] if doc else rule.summary
            rules.append(
                {
                    "id": rule.code,
                    "name": rule.name,
                    "shortDescription": {"text": title},
                    "fullDescription": {"text": rule.summary},
                    "help": {"text": doc or rule.summary},
                    "defaultConfiguration": {"level": _LEVELS[rule.severity]},
                    "properties": {"origin": entry.origin},
                }
            )
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "gilint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "originalUriBaseIds": {
                        "%SRCROOT%": {"uri": self.root.resolve().as_uri() + "/"}
                    },
                    "results": self._results,
                }
            ],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _escape_data(text: str) -> str:
    """A workflow command's data: line breaks escaped as GitHub reads them, any other
    control character (a terminal escape in the log) made harmless."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class Github(Reporter):
    """GitHub Actions workflow commands: annotations on the pull request."""

    name = "github"
    description = "GitHub Actions 工作流命令（在拉取请求中标注）"
    _commands: ClassVar[dict[Severity, str]] = {
        Severity.ERROR: "error",
        Severity.WARNING: "warning",
        Severity.INFO: "notice",
    }

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            span = f.span
            if f.place is None:
                where = (
                    f"line={span.line},col={span.column},"
                    f"endLine={span.end_line},endColumn={span.end_column},"
                )
            elif f.place.line is not None:  # an HTML page: its source's line
                where = f"line={f.place.line},col={f.place.column or 1},"
            else:  # a PDF or Word file has no lines to annotate
                where = ""
            props = (
                f"file={_escape_property(f.path or '-')},{where}"
                f"title={_escape_property(f'{f.code} {f.name}')}"
            )
            self.stream.write(
                f"::{self._commands[f.severity]} {props}::{_escape_data(f.message)}\n"
            )


# What XML 1.0 cannot hold at all, not even escaped: most C0 controls, lone surrogates
# and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """Text an XML document can hold: what it cannot becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


class Junit(Reporter):
    """JUnit XML: one test case per file, one failure per finding."""

    name = "junit"
    description = "JUnit XML，每个文件一个测试用例"

    def start(self) -> None:
        self._cases: list[ET.Element] = []

    def file(self, result: FileResult) -> None:
        case = ET.Element("testcase", {"name": _xml(result.path), "classname": "gilint"})
        for f in result.findings:
            failure = ET.SubElement(
                case, "failure", {"message": _xml(f"{f.code} {f.message}"), "type": _xml(f.code)}
            )
            where = f.place.label() if f.place is not None else f"{f.line}:{f.column}"
            failure.text = _xml(f"{f.path}:{where}: {f.code} [{f.severity.label}] {f.message}")
        self._cases.append(case)

    def finish(self, summary: Summary) -> None:
        failures = sum(1 for c in self._cases if len(c))
        suites = ET.Element(
            "testsuites",
            {"name": "gilint", "tests": str(len(self._cases)), "failures": str(failures)},
        )
        suite = ET.SubElement(
            suites,
            "testsuite",
            {
                "name": "gilint",
                "tests": str(len(self._cases)),
                "failures": str(failures),
                "errors": "0",
                "skipped": "0",
            },
        )
        suite.extend(self._cases)
        ET.indent(suites)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(suites, encoding="unicode") + "\n")
