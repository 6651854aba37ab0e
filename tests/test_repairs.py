"""Splitting numbers run together: every way a row's own identities allow, and the ways
its table's identities down the columns settle."""

from __future__ import annotations

import random

import pytest

import gilint
from gilint.ast import Reading
from gilint.repairs import (
    MAX_REPORT_STEPS,
    MAX_TABLE_STEPS,
    RepairBudget,
    row_splits,
    settled_splits,
)
from gilint.templates.model import TableSpec
from gilint.templates.national import NATIONAL
from gilint.testing import render, sample_report, variants

from fixtures.make_fixtures import splits_that_fit


def _spec(template: str = "2021") -> TableSpec:
    spec = NATIONAL.get(template).table("3")
    assert spec is not None
    return spec


@pytest.mark.parametrize(("seed", "blank"), [*((s, False) for s in range(4)), (4, True), (5, True)])
def test_every_way_a_row_allows_up_to_the_most_asked(seed: int, blank: bool) -> None:
    """Against the fixtures' brute force over every choice of blank cells and every set
    of cut points; the rows as written, and with 自然人 blank."""
    data = sample_report("2021", seed=seed, high=60 if not blank else 9)
    if blank:
        data = variants.blank_first_column(data)
    for cells in data.tables["3"].values():
        expected = sorted(splits_that_fit(cells))
        assert tuple(cells) in expected
        found = row_splits(["".join(cells)], _spec(), most=16)
        if len(expected) <= 16:
            assert found is not None and sorted(found) == expected
        else:
            assert found is None
        assert row_splits(["".join(cells)], _spec()) == (
            (tuple(cells),) if len(expected) == 1 else None
        )


def test_blank_cells_between_spaced_numbers_are_placed_every_way_the_total_allows() -> None:
    """Six numbers for seven columns, spaced: the blank may stand before any of the six
    parts, and no number is cut (none would add up); run together, the same digits cut
    no other way."""
    found = row_splits(["5", "13", "5", "4", "3", "30"], _spec(), most=16)
    assert found is not None and len(found) == 6
    assert {way.index("") for way in found} == set(range(6))
    assert all([c for c in way if c] == ["5", "13", "5", "4", "3", "30"] for way in found)
    assert row_splits(["5", "13", "5", "4", "3", "30"], _spec(), most=5) is None
    run = row_splits(["51354330"], _spec(), most=16)
    assert run is not None and set(found) == set(run)


def _open_and_read(
    seed: int, opened: tuple[str, ...]
) -> tuple[dict[str, tuple[tuple[str, ...], ...]], dict[str, tuple[int, ...]]]:
    rows = sample_report("2021", seed=seed, high=60).tables["3"]
    open_rows = {r: row_splits(["".join(rows[r])], _spec(), most=16) for r in opened}
    read = {r: tuple(map(int, cells)) for r, cells in rows.items() if r not in open_rows}
    return open_rows, read


def test_a_row_the_columns_settle() -> None:
    open_rows, read = _open_and_read(9, ("carry_forward",))
    assert len(open_rows["carry_forward"]) == 2
    settled = settled_splits(_spec(), open_rows, read)
    rows = sample_report("2021", seed=9, high=60).tables["3"]
    assert settled == {"carry_forward": rows["carry_forward"]}


def test_searches_spend_the_report_budget_and_stop_when_it_is_spent() -> None:
    cells = sample_report("2021", seed=9, high=60).tables["3"]["carry_forward"]
    budget = RepairBudget()
    assert row_splits(["".join(cells)], _spec(), 16, budget) is not None
    spent = MAX_REPORT_STEPS - budget.left
    assert 10 < spent < 10_000
    short = RepairBudget(spent - 1)
    assert row_splits(["".join(cells)], _spec(), 16, short) is None
    assert short.left == 0
    open_rows, read = _open_and_read(9, ("carry_forward",))
    assert settled_splits(_spec(), open_rows, read, RepairBudget(0)) == {}
    budget = RepairBudget()
    assert settled_splits(_spec(), open_rows, read, budget) != {}
    assert budget.left < MAX_REPORT_STEPS


def test_a_row_searched_again_in_the_same_report_costs_nothing_more() -> None:
    """A table written twice (pasted again, or a page's line met twice) is searched once:
    the second search of the same digits in the same table is what the first found."""
    cells = sample_report("2021", seed=9, high=60).tables["3"]["carry_forward"]
    budget = RepairBudget()
    first = row_splits(["".join(cells)], _spec(), 16, budget)
    left = budget.left
    assert left < MAX_REPORT_STEPS
    assert row_splits(["".join(cells)], _spec(), 16, budget) == first
    assert budget.left == left
    # another table's spec, or fewer ways asked for, is another search
    assert row_splits(["".join(cells)], _spec(), 1, budget) is None
    assert budget.left < left
    left = budget.left
    row_splits(["".join(cells)], _spec("2019"), 16, budget)
    assert budget.left < left


def test_no_identity_with_all_its_rows_settles_nothing() -> None:
    open_rows, read = _open_and_read(9, ("carry_forward",))
    del read["new"]  # unread: 一 + 二 = (七) + 四 cannot be checked
    assert settled_splits(_spec(), open_rows, read) == {}
    read["new"] = (1, 2, 3, 4, 5, 6, None)  # type: ignore[assignment]  # a blank cell
    assert settled_splits(_spec(), open_rows, read) == {}


def test_a_table_that_does_not_add_up_settles_nothing() -> None:
    open_rows, read = _open_and_read(9, ("carry_forward",))
    read["new"] = (read["new"][0] + 1, *read["new"][1:-1], read["new"][-1] + 1)
    assert settled_splits(_spec(), open_rows, read) == {}


def test_ways_that_all_fit_leave_a_row_open_and_settle_the_others() -> None:
    """Two rows whose ways trade the same amounts between the same columns: each way of
    one fits with the matching way of the other, and neither is settled; a third row,
    split the same way in every fitting reading, is."""
    open_rows, read = _open_and_read(9, ("carry_forward",))
    rows = sample_report("2021", seed=9, high=60).tables["3"]
    a, b = "outcome.other.no_fee", "outcome.other.other"
    one, two = read.pop(a), read.pop(b)
    shift = (1, -1, 0, 0, 0, 0, 0)
    assert min(one[1], two[0]) >= 1  # (this seed's counts leave room for the shift)
    swapped_a = tuple(str(v + s) for v, s in zip(one, shift, strict=True))
    swapped_b = tuple(str(v - s) for v, s in zip(two, shift, strict=True))
    open_rows[a] = (tuple(map(str, one)), swapped_a)
    open_rows[b] = (swapped_b, tuple(map(str, two)))
    settled = settled_splits(_spec(), open_rows, read)
    assert settled == {"carry_forward": rows["carry_forward"]}


@pytest.mark.parametrize("opened", [3, 4])
def test_a_search_that_goes_on_too_long_settles_nothing(opened: int) -> None:
    """Outcome rows with sixteen ways each, the one that fits last, checked only when all
    are chosen: three rows are settled in some 4 000 steps; four would take 65 000, and
    the search stops before, settling nothing."""
    rnd = random.Random(1)
    rows = sample_report("2021", seed=9, high=60).tables["3"]
    outcomes = [r for r in rows if r.startswith("outcome.") and r != "outcome.total"]
    open_rows = {
        r: (
            *(tuple(str(rnd.randint(0, 60)) for _ in range(7)) for _ in range(15)),
            rows[r],
        )
        for r in outcomes[:opened]
    }
    read = {r: tuple(map(int, cells)) for r, cells in rows.items() if r not in open_rows}
    settled = settled_splits(_spec(), open_rows, read)
    if 16**opened < MAX_TABLE_STEPS:
        assert settled == {r: rows[r] for r in open_rows}
    else:
        assert settled == {}


def test_a_row_twice_settles_nothing() -> None:
    """一 written twice: which of the two the columns should use is not known."""
    data = sample_report("2021", seed=9, high=60)
    text = render(data, "web").text
    rows = data.tables["3"]
    text = text.replace(" ".join(rows["carry_forward"]), "".join(rows["carry_forward"]), 1)
    new = "一、本年新收政府信息公开申请数量 " + " ".join(rows["new"])
    assert text.count(new) == 1
    table = gilint.parse(text.replace(new, f"{new} {new}", 1)).table("3")
    assert table is not None
    assert [r.id for r in table.rows if r.duplicate] == ["new"]
    # (read only in the cells all its ways agree on: no identity settled the rest)
    assert [r.id for r in table.rows if r.reading is Reading.PARTIAL] == ["carry_forward"]
