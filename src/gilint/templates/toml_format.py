"""Format descriptions as data: a TOML file describes a format version, usually a
provincial variant or a new national revision that extends one gilint knows.

::

    id = "2021-示例省"
    name = "示例省 2021 年格式"
    extends = "2021"                 # start from this format; the rest adds to it
    first-year = 2024                # optional: the years it governs

    [[tables]]                       # a table of the extended format: rows added
    id = "2.1"
    rows = [{ id = "provincial_documents", label = "省级规范性文件" }]

    [[requirements]]                 # something a part must speak of (rule GI105)
    part = "六"
    name = "政务公开工作考核"
    keywords = ["考核"]

A table whose ``id`` the extended format does not have is a new table and gives its
``part``, ``title``, ``columns`` and ``rows`` (and may give ``caption``, ``display``,
``identities``, each identity naming the rule that checks it with ``code``). Parts may
be replaced whole with ``[[parts]]`` (``ordinal``, ``title``, ``keywords``, ``roles``).
``caption-patterns`` adds what table captions may look like. Nothing in the file is run:
it is data, read with the standard library's TOML reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from gilint.config import toml_reader
from gilint.templates.model import (
    NATIONAL_CAPTIONS,
    Aspect,
    ColumnSpec,
    PartSpec,
    RowSpec,
    SumIdentity,
    TableSpec,
    Template,
    TemplateSet,
)

_KEYS = {
    "id",
    "name",
    "document",
    "extends",
    "first-year",
    "last-year",
    "requires-fee-statement",
    "caption-patterns",
    "parts",
    "tables",
    "requirements",
}


class FormatError(ValueError):
    """A format file that cannot be read; the message (Chinese) names the file."""


def load_format(path: str | Path, base: TemplateSet | None = None) -> Template:
    """The format described by the TOML file at ``path``; ``extends`` names a format of
    ``base`` (the national ones by default)."""
    from gilint.templates import NATIONAL

    where = f"格式文件 {path}"
    toml = toml_reader()
    try:
        data = toml.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"无法读取{where}：{exc}") from None
    except toml.TOMLDecodeError as exc:
        raise FormatError(f"{where}不是有效的 TOML：{exc}") from None
    return format_from(data, base or NATIONAL, where)


def format_from(data: dict[str, Any], base: TemplateSet, where: str) -> Template:
    unknown = set(data) - _KEYS
    if unknown:
        raise FormatError(f"{where}：不认识的键 {sorted(unknown)}")
    for required in ("id", "name"):
        if not isinstance(data.get(required), str):
            raise FormatError(f"{where}：缺少 {required}（文本）")
    parent: Template | None = None
    if "extends" in data:
        parent = base.get(str(data["extends"]))
        if parent is None:
            known = "、".join(t.id for t in base.templates)
            raise FormatError(f"{where}：extends 的格式“{data['extends']}”不存在（可选：{known}）")
    parts = (
        tuple(_part(p, where) for p in _list(data, "parts", where))
        if "parts" in data
        else (parent.parts if parent else ())
    )
    if not parts:
        raise FormatError(f"{where}：没有 parts，也没有 extends 一个已有的格式")
    tables = list(parent.tables) if parent else []
    for raw in _list(data, "tables", where):
        _merge_table(tables, raw, where)
    requirements = tuple(
        (str(r["part"]), Aspect(str(r["name"]), tuple(map(str, r["keywords"]))))
        for r in _list(data, "requirements", where)
    )
    captions = tuple(map(str, data.get("caption-patterns", ())))
    return Template(
        id=data["id"],
        name=data["name"],
        document=str(data.get("document", parent.document if parent else "")),
        parts=parts,
        tables=tuple(tables),
        first_year=_year(data, "first-year", parent.first_year if parent else None, where),
        last_year=_year(data, "last-year", parent.last_year if parent else None, where),
        overview_aspects=parent.overview_aspects if parent else (),
        requires_fee_statement=bool(
            data.get("requires-fee-statement", parent.requires_fee_statement if parent else False)
        ),
        requirements=(*(parent.requirements if parent else ()), *requirements),
        caption_patterns=(*(parent.caption_patterns if parent else NATIONAL_CAPTIONS), *captions),
    )


def _list(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise FormatError(f"{where}：{key} 应为表的数组（[[{key}]]）")
    return value


def _year(data: dict[str, Any], key: str, default: int | None, where: str) -> int | None:
    value = data.get(key, default)
    if value is not None and not isinstance(value, int):
        raise FormatError(f"{where}：{key} 应为年份（整数）")
    return value


def _part(raw: dict[str, Any], where: str) -> PartSpec:
    try:
        return PartSpec(
            str(raw["ordinal"]),
            str(raw["title"]),
            tuple(map(str, raw.get("keywords", [raw["title"]]))),
            tuple(map(str, raw.get("roles", ()))),
        )
    except KeyError as exc:
        raise FormatError(f"{where}：parts 的一项缺少 {exc.args[0]}") from None


def _row(raw: dict[str, Any], where: str) -> RowSpec:
    try:
        return RowSpec(
            str(raw["id"]),
            None if raw.get("label") is None else str(raw["label"]),
            tuple(map(str, raw.get("aliases", ()))),
            bool(raw.get("group", False)),
        )
    except KeyError as exc:
        raise FormatError(f"{where}：rows 的一项缺少 {exc.args[0]}") from None


def _column(raw: dict[str, Any], where: str) -> ColumnSpec:
    kind = raw.get("kind", "count")
    if kind not in ("count", "amount", "delta"):
        raise FormatError(f"{where}：列 {raw.get('id')} 的 kind 应为 count、amount 或 delta")
    try:
        return ColumnSpec(str(raw["id"]), str(raw["label"]), kind, tuple(raw.get("aliases", ())))
    except KeyError as exc:
        raise FormatError(f"{where}：columns 的一项缺少 {exc.args[0]}") from None


def _identity(raw: dict[str, Any], where: str) -> SumIdentity:
    if raw.get("axis") not in ("column", "row"):
        raise FormatError(f"{where}：identities 的 axis 应为 column 或 row")
    try:
        return SumIdentity(
            str(raw["id"]),
            raw["axis"],
            tuple(map(str, raw["left"])),
            tuple(map(str, raw["right"])),
            str(raw.get("description", "")),
            None if raw.get("code") is None else str(raw["code"]),
        )
    except KeyError as exc:
        raise FormatError(f"{where}：identities 的一项缺少 {exc.args[0]}") from None


def _merge_table(tables: list[TableSpec], raw: dict[str, Any], where: str) -> None:
    """Add ``raw``'s rows, columns and identities to the table of that id, or add ``raw``
    as a new table."""
    table_id = str(raw.get("id", ""))
    rows = tuple(_row(r, where) for r in raw.get("rows", ()))
    columns = tuple(_column(c, where) for c in raw.get("columns", ()))
    identities = tuple(_identity(i, where) for i in raw.get("identities", ()))
    for index, table in enumerate(tables):
        if table.id == table_id:
            tables[index] = attrs.evolve(
                table,
                rows=(*table.rows, *rows),
                columns=(*table.columns, *columns),
                identities=(*table.identities, *identities),
            )
            return
    for required in ("part", "title"):
        if required not in raw:
            raise FormatError(f"{where}：新的表格 {table_id} 缺少 {required}")
    if not rows or not columns:
        raise FormatError(f"{where}：新的表格 {table_id} 须有 rows 和 columns")
    tables.append(
        TableSpec(
            id=table_id,
            part=str(raw["part"]),
            title=str(raw["title"]),
            columns=columns,
            rows=rows,
            caption=None if raw.get("caption") is None else str(raw["caption"]),
            identities=identities,
            display=None if raw.get("display") is None else str(raw["display"]),
        )
    )
