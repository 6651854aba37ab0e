"""The format descriptions are consistent data."""

from __future__ import annotations

import pytest

from gilint.templates import FORMAT_2019, FORMAT_2021, NATIONAL
from gilint.templates.model import Template


@pytest.mark.parametrize("template", [FORMAT_2019, FORMAT_2021], ids=lambda t: t.id)
def test_row_keys_are_unique_within_a_template(template: Template) -> None:
    seen: dict[str, str] = {}
    for table in template.tables:
        for row in table.rows:
            for k in row.match_keys():
                assert k not in seen, (k, row.id, seen.get(k))
                seen[k] = row.id


@pytest.mark.parametrize("template", [FORMAT_2019, FORMAT_2021], ids=lambda t: t.id)
def test_identities_name_real_rows_and_columns(template: Template) -> None:
    for table in template.tables:
        rows = {r.id for r in table.data_rows}
        columns = {c.id for c in table.columns}
        for identity in table.identities:
            names = rows if identity.axis == "column" else columns
            assert set(identity.left) | set(identity.right) <= names, identity.id


def test_row_counts_of_table_three() -> None:
    assert len(FORMAT_2021.table("3").data_rows) == 25  # type: ignore[union-attr]
    assert len(FORMAT_2019.table("3").data_rows) == 23  # type: ignore[union-attr]
    assert len(FORMAT_2021.table("4").columns) == 15  # type: ignore[union-attr]


def test_markers_separate_the_versions() -> None:
    markers = dict(NATIONAL.markers)
    assert markers["本年新制作数量"] == ("2019",)
    assert markers["第二十条第(九)项"] == ("2019",)
    assert markers["本年制发件数"] == ("2021",)
    assert "规范性文件" not in markers  # also part of 2021's 行政规范性文件
    assert "处理决定数量" not in markers  # also part of 2021's 本年处理决定数量


def test_year_governs_template() -> None:
    assert NATIONAL.for_year(2019).id == "2019"  # type: ignore[union-attr]
    assert NATIONAL.for_year(2020).id == "2019"  # type: ignore[union-attr]
    assert NATIONAL.for_year(2021).id == "2021"  # type: ignore[union-attr]
    assert NATIONAL.for_year(2030).id == "2021"  # type: ignore[union-attr]
    assert NATIONAL.for_year(None).id == "2021"  # type: ignore[union-attr]


def test_a_variant_shares_the_evidence_of_the_format_it_extends() -> None:
    import attrs

    from gilint.templates import TableSpec, TemplateSet
    from gilint.templates.model import ColumnSpec, RowSpec

    extra = TableSpec(
        "2.13",
        "二",
        "第二十条第（十三）项",
        (ColumnSpec("n", "本年发布数量"),),
        (RowSpec("plans", "突发公共事件应急预案"),),
        caption="第二十条第（十三）项",
    )
    variant = attrs.evolve(FORMAT_2021, id="2021-v", tables=(*FORMAT_2021.tables, extra))
    templates = TemplateSet((FORMAT_2019, FORMAT_2021, variant))
    markers = dict(templates.markers)
    assert markers["本年制发件数"] == ("2021", "2021-v")  # evidence for both, not for none
    assert markers["突发公共事件应急预案"] == ("2021-v",)
    assert templates.best([("2021", "2021-v")], prefer="2021") == "2021"
    assert templates.best([("2021", "2021-v"), ("2021-v",)], prefer="2021") == "2021-v"
