"""A baseline of decisions: the findings a reviewer has seen, and what they decided.

The document equivalent of ``# noqa``. ``gilint check --write-baseline FILE`` records the
current findings; ``--baseline FILE`` then shows only findings that are not in it. An
entry may carry ``status = "dismissed"`` (checked: not a problem) or ``"confirmed"`` (a
real problem, known), and a ``reason``.

Entries are keyed by what a finding is about, not by its line, so they survive edits
elsewhere in the report: the rule's code, the issuing body and year of the report, and
an anchor. The anchor is the table cell (``表三/（一）予以公开/自然人``), or a hash of the
paragraph the finding is in, or a hash of the message for a finding about the report as
a whole (a missing part).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from gilint.ast import Report
from gilint.config import ConfigError, toml_reader
from gilint.findings import Finding
from gilint.messages import os_error

STATUSES = ("new", "confirmed", "dismissed")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def anchor(report: Report, finding: Finding, logical: str | None) -> str:
    """What the finding is about, in words that do not change when lines move;
    ``logical`` is what stands at the finding's start (:meth:`Report.logical_location`)."""
    offset = finding.span.start
    if logical is not None and logical.startswith("表"):
        return logical
    for section in report.sections:
        for paragraph in section.prose():
            if paragraph.span.start <= offset < paragraph.span.end:
                return f"段落 {_digest(paragraph.compact)}"
    for paragraph in report.preamble:
        if paragraph.span.start <= offset < paragraph.span.end:
            return f"段落 {_digest(paragraph.compact)}"
    return f"说明 {_digest(finding.message)}"


def body_of(report: Report) -> str:
    """The issuing body as a key: its name without spaces."""
    return "".join((report.issuer or "").split())


def fingerprint(code: str, body: str, year: int | None, where: str) -> str:
    """A finding's key as one string: its code, body, year and anchor, hashed."""
    return _digest(f"{code}\0{body}\0{year}\0{where}")


@attrs.frozen(slots=True)
class Entry:
    """One recorded finding; ``file``, ``line`` and ``message`` are for the reader."""

    fingerprint: str
    code: str
    body: str
    year: int | None
    anchor: str
    status: str = "new"
    reason: str = ""
    file: str = ""
    message: str = ""


@attrs.frozen(slots=True)
class Baseline:
    entries: tuple[Entry, ...] = ()

    def by_fingerprint(self) -> dict[str, Entry]:
        return {e.fingerprint: e for e in self.entries}

    @classmethod
    def read(cls, path: Path) -> Baseline:
        """A baseline file; one gilint cannot use is a ConfigError (exit 2)."""
        toml = toml_reader()
        try:
            data = toml.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"无法读取基线文件 {path}：{os_error(exc)}") from None
        except (toml.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"基线文件 {path} 不是有效的 TOML：{exc}") from None
        entries = []
        for number, item in enumerate(data.get("finding", []), 1):
            try:
                entry = Entry(
                    fingerprint=str(item["fingerprint"]),
                    code=str(item["code"]),
                    body=str(item.get("body", "")),
                    year=item.get("year"),
                    anchor=str(item.get("anchor", "")),
                    status=str(item.get("status", "new")),
                    reason=str(item.get("reason", "")),
                    file=str(item.get("file", "")),
                    message=str(item.get("message", "")),
                )
            except (KeyError, TypeError):
                raise ConfigError(
                    f"基线文件 {path} 第 {number} 条缺少 fingerprint 或 code"
                ) from None
            if entry.status not in STATUSES:
                raise ConfigError(
                    f"基线文件 {path} 第 {number} 条的 status 应为 {'、'.join(STATUSES)}"
                )
            entries.append(entry)
        return cls(tuple(entries))

    def merged(self, findings: Iterable[Finding]) -> Baseline:
        """The entries for ``findings``, keeping the decision (status and reason) an
        existing entry of the same finding holds."""
        known = self.by_fingerprint()
        entries: dict[str, Entry] = {}
        for finding in findings:
            if finding.fingerprint is None or finding.fingerprint in entries:
                continue
            old = known.get(finding.fingerprint)
            entries[finding.fingerprint] = Entry(
                fingerprint=finding.fingerprint,
                code=finding.code,
                body=finding.body or "",
                year=finding.year,
                anchor=finding.anchor or "",
                status=old.status if old else "new",
                reason=old.reason if old else "",
                file=finding.path or "",
                message=finding.message,
            )
        return Baseline(tuple(entries.values()))

    def text(self) -> str:
        """The baseline as TOML (strings as JSON strings, which TOML reads the same)."""
        out = [
            "# gilint 基线：已审阅的问题。status 可为 new（未处理）、confirmed（确认存在）、",
            "# dismissed（经审阅不是问题）；reason 写明理由。按问题所涉内容（规则、机关、年度、",
            "# 表格单元格或段落）匹配，不依赖行号。",
        ]
        for entry in self.entries:
            out += ["", "[[finding]]"]
            fields: dict[str, Any] = attrs.asdict(entry)
            for key, value in fields.items():
                if value is None or (value == "" and key not in ("reason",)):
                    continue
                out.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        return "\n".join(out) + "\n"
