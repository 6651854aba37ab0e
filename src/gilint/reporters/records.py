"""Formats for runs over many reports: ``jsonl`` (a JSON object per finding per line,
written as each file is checked) and ``parquet`` (a columnar file for analysis, written
in row groups as the run goes). Both hold the same record per finding."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from gilint.findings import Finding
from gilint.interrupts import interrupts_deferred
from gilint.reporters.base import FileResult, Reporter, Summary


def record(finding: Finding) -> dict[str, Any]:
    """One finding as a flat record: ``json``'s object, with the nested places as JSON
    text so that every record has the same columns."""
    data = finding.to_dict()
    return {
        "path": data["path"],
        "code": data["code"],
        "name": data["name"],
        "severity": data["severity"],
        "message": data["message"],
        "line": data["line"],
        "column": data["column"],
        "end_line": data["end_line"],
        "end_column": data["end_column"],
        "suggestion": data["suggestion"],
        "logical": data.get("logical"),
        "fingerprint": data.get("fingerprint"),
        "source": _json(data.get("source")),
        "related": _json(data["related"] or None),
    }


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


class JsonLines(Reporter):
    """A JSON object per finding, one per line."""

    name = "jsonl"
    description = "JSON Lines，每行一个问题，逐个文件写出（适合大批量检查）"

    def file(self, result: FileResult) -> None:
        for finding in result.findings:
            self.stream.write(json.dumps(record(finding), ensure_ascii=False) + "\n")


class Parquet(Reporter):
    """A Parquet file of findings (pyarrow), a row group per batch of files, so a
    national run does not hold every finding in memory. Only to a file (``-o``)."""

    name = "parquet"
    description = "Parquet 列式文件（需 -o 指定文件，需安装 gilint[dask]）"
    binary = True
    BATCH: ClassVar[int] = 10_000  # findings per row group

    def start(self) -> None:
        with interrupts_deferred():  # compiled parts: Ctrl-C waits for the import's end
            import pyarrow as pa
            import pyarrow.parquet as pq

        self._pa = pa
        strings = ("path", "code", "name", "severity", "message", "suggestion")
        more = ("logical", "fingerprint", "source", "related")
        numbers = ("line", "column", "end_line", "end_column")
        fields = [pa.field(n, pa.string()) for n in strings]
        fields += [pa.field(n, pa.int64()) for n in numbers]
        fields += [pa.field(n, pa.string()) for n in more]
        self._schema = pa.schema(fields)
        self._writer = pq.ParquetWriter(self.stream.buffer, self._schema)
        self._rows: list[dict[str, Any]] = []

    def file(self, result: FileResult) -> None:
        self._rows.extend(record(f) for f in result.findings)
        if len(self._rows) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []

    def finish(self, summary: Summary) -> None:
        self._flush()
        self._writer.close()
