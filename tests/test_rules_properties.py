"""Property tests of the arithmetic rules over generated reports."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gilint
from gilint.findings import Severity
from gilint.testing import LAYOUTS, SEPARATED_LAYOUTS, render
from gilint.testing.strategies import perturbed_cell, rendered_reports, report_data

# Which identity codes a changed cell of table 三 / 四 must break, worked out from the
# format's rules (not from gilint's template data).
BALANCE_ROWS = {"new", "carried_over", "outcome.total", "carry_forward"}


def expected_codes(table: str, row: str) -> set[str]:
    if table == "4":
        return {"GI204"}
    codes = {"GI203"}  # every cell of a row is in that row's total
    if row in BALANCE_ROWS:
        codes.add("GI201")
    if row.startswith("outcome."):
        codes.add("GI202")
    return codes


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(rendered_reports())
def test_valid_reports_have_no_findings(case) -> None:  # type: ignore[no-untyped-def]
    findings = gilint.lint(case.text, config={"select": ["GI"]})
    shown = [f"{f.line}: {f.code} {f.message}" for f in findings]
    if case.rendered.layout in SEPARATED_LAYOUTS:
        assert findings == [], shown
    else:  # numbers run together: a row that splits more than one way is said quietly,
        # in a note for a table's rows unread and one for its rows read in part
        assert all((f.code, f.severity) == ("GI901", Severity.INFO) for f in findings), shown
        assert len({f.message.split("：", 1)[0] for f in findings}) == len(findings), shown


@SETTINGS
@given(st.data(), report_data(), st.sampled_from(SEPARATED_LAYOUTS))
def test_one_changed_cell_breaks_exactly_its_identities(data, report, layout) -> None:  # type: ignore[no-untyped-def]
    changed, what = data.draw(perturbed_cell(report))
    rendered = render(changed, layout)
    findings = [
        f for f in gilint.lint(rendered.text, config={"select": ["GI"]}) if f.code.startswith("GI2")
    ]
    assert {f.code for f in findings} == expected_codes(what.table, what.row), (what, findings)
    assert len(findings) == len(expected_codes(what.table, what.row))
    # each finding underlines a cell of the changed row: the changed cell (a column
    # sum) or a total of the row (a row sum)
    places = {
        position
        for (table, row, column), position in rendered.cells.items()
        if (table, row) == (what.table, what.row)
        and (column == what.column or column.endswith("total"))
    }
    assert all((f.line, f.column) in places for f in findings), (
        places,
        [(f.code, f.line, f.column) for f in findings],
    )
    other = [
        f
        for f in gilint.lint(rendered.text, config={"select": ["GI"]})
        if not f.code.startswith("GI2")
    ]
    assert other == []


@SETTINGS
@given(st.data(), report_data(("2021",)), st.sampled_from(SEPARATED_LAYOUTS))
def test_messages_name_the_expected_value(data, report, layout) -> None:  # type: ignore[no-untyped-def]
    changed, what = data.draw(perturbed_cell(report, tables=("3",)))
    if what.column == "total" or what.row not in ("outcome.disclosed", "outcome.partial"):
        return
    findings = gilint.lint(render(changed, layout).text, config={"select": ["GI"]})
    gi202 = [f for f in findings if f.code == "GI202"]
    assert len(gi202) == 1
    assert f"为 {what.new}" in gi202[0].message and f"应为 {what.old}" in gi202[0].message


@SETTINGS
@given(st.data(), report_data(), st.sampled_from(LAYOUTS))
def test_dropping_a_part_gives_exactly_gi101(data, report, layout) -> None:  # type: ignore[no-untyped-def]
    from gilint.testing.strategies import without_part

    changed, part = data.draw(without_part(report))
    rendered = render(changed, layout)
    findings = gilint.lint(rendered.text, config={"select": ["GI1", "GI2"]})
    missing = [f for f in findings if f.code == "GI101"]
    assert len(missing) == 1 and f"第{part}部分" in missing[0].message
    tables = {"二": "GI107", "三": "GI107", "四": "GI107"}
    assert {f.code for f in findings} <= {"GI101", tables.get(part, "GI101")}


@SETTINGS
@given(report_data(("2021",)), st.sampled_from(LAYOUTS))
def test_rewriting_part_six_without_fees_gives_gi401(report, layout) -> None:  # type: ignore[no-untyped-def]
    from gilint.testing.strategies import with_part_six

    text = render(with_part_six(report, ("本年度无其他需要报告的事项。",)), layout).text
    findings = gilint.lint(text, config={"select": ["GI"]})
    # (rows of numbers run together that split more than one way are said at INFO)
    codes = [f.code for f in findings if f.severity is not Severity.INFO]
    assert codes == ["GI401"]
