"""A readable outline of a parsed report, for ``gilint parse --format tree``."""

from __future__ import annotations

from collections.abc import Iterator

from gilint.ast import Report, Table

_BASIS = {"labels": "表格标签", "year": "报告年度", "config": "配置设定", "default": "默认"}


def _table(table: Table, indent: str) -> Iterator[str]:
    name = f"表 {table.id}" if table.id else "无法识别的表格"
    version = f"（{table.template} 格式）" if table.template else ""
    yield f"{indent}{name} {table.title}{version} 行 {table.span.line}-{table.span.end_line}"
    for row in table.rows:
        label = row.template_label or row.label or "（无行标签）"
        values = " ".join(c.raw or "·" for c in row.cells)
        extra = f" +{row.extra_count}" if row.extra_count else ""
        mark = " [重复]" if row.duplicate else ""
        yield f"{indent}  {row.line:>5}  {row.id or '?'}  {label}: {values}{extra}{mark}"
    for row_id in table.missing:
        yield f"{indent}  缺失行 {row_id}"


def outline(report: Report) -> Iterator[str]:
    yield f"标题: {report.title or '（未找到）'}"
    yield f"发布机关: {report.issuer or '（未找到）'}  年度: {report.year or '（未找到）'}"
    basis = _BASIS.get(report.template.basis, report.template.basis)
    yield f"格式: {report.template.id or '（未知）'}（依据: {basis}）"
    for table in report.preamble_tables:
        yield "第一部分之前的表格："
        yield from _table(table, "  ")
    for section in report.sections:
        heading = section.heading
        lines = f"{section.span.line}-{section.span.end_line}"
        yield f"{section.part or '?'} {heading.text}  行 {lines}"
        yield f"  段落 {len(section.paragraphs)}  小节 {len(section.subsections)}"
        for sub in section.subsections:
            yield f"  {sub.heading.text}  行 {sub.span.line}"
        for table in section.iter(Table):
            yield from _table(table, "  ")
    for diagnostic in report.diagnostics:
        yield f"诊断 {diagnostic.code} 行 {diagnostic.span.line}: {diagnostic.message}"
