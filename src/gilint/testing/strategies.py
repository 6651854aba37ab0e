"""Hypothesis strategies for valid reports, and for reports with one defect.

Import this module only where Hypothesis is installed (it is a test dependency)::

    from hypothesis import given
    from gilint.testing.strategies import rendered_reports

    @given(rendered_reports())
    def test_my_rule_is_quiet_on_valid_reports(case):
        assert not lint_text(case.rendered.text, rules=[MyRule])

Every strategy draws a :class:`Case`: the report's data, its text in one layout, and where
the renderer put each row and cell.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from gilint.templates import NATIONAL
from gilint.testing.data import ReportData, sample_report
from gilint.testing.render import LAYOUTS, Layout, Rendered, render


@attrs.frozen(slots=True)
class Case:
    data: ReportData
    rendered: Rendered

    @property
    def text(self) -> str:
        return self.rendered.text


@attrs.frozen(slots=True)
class Perturbation:
    """One cell changed: which, from what, to what."""

    table: str
    row: str
    column: str
    old: str
    new: str


def report_data(templates: tuple[str, ...] = ("2019", "2021")) -> st.SearchStrategy[ReportData]:
    """Valid report contents with random consistent numbers; the year fits the format."""

    @st.composite
    def build(draw: st.DrawFn) -> ReportData:
        template = draw(st.sampled_from(templates))
        spec = NATIONAL.get(template)
        assert spec is not None and spec.first_year is not None
        last = spec.last_year or spec.first_year + 4
        year = draw(st.integers(spec.first_year, last))
        seed = draw(st.integers(0, 2**32 - 1))
        high = draw(st.sampled_from([0, 1, 9, 60, 999]))
        return attrs.evolve(sample_report(template, seed=seed, high=high), year=year)

    return build()


def layouts() -> st.SearchStrategy[Layout]:
    return st.sampled_from(LAYOUTS)


def rendered_reports(
    data: st.SearchStrategy[ReportData] | None = None,
    layout: st.SearchStrategy[Layout] | None = None,
) -> st.SearchStrategy[Case]:
    """Valid reports rendered in every layout."""
    return st.builds(
        lambda d, lay: Case(d, render(d, lay)), data or report_data(), layout or layouts()
    )


def perturbed_cell(
    data: ReportData, tables: tuple[str, ...] = ("3", "4")
) -> st.SearchStrategy[tuple[ReportData, Perturbation]]:
    """``data`` with one numeric cell of ``tables`` changed to another non-negative count."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[ReportData, Perturbation]:
        table = draw(st.sampled_from([t for t in tables if t in data.tables]))
        spec = data.spec.table(table)
        assert spec is not None
        row = draw(st.sampled_from(sorted(data.tables[table])))
        column = draw(st.sampled_from([c.id for c in spec.columns]))
        index = [c.id for c in spec.columns].index(column)
        old = data.tables[table][row][index]
        new = str(draw(st.integers(0, int(old) + 50).filter(lambda v: v != int(old))))
        return data.with_cell(table, row, column, new), Perturbation(table, row, column, old, new)

    return build()


def without_part(data: ReportData) -> st.SearchStrategy[tuple[ReportData, str]]:
    """``data`` with one of its parts left out, and which."""
    return st.sampled_from(data.parts).map(
        lambda part: (attrs.evolve(data, parts=tuple(p for p in data.parts if p != part)), part)
    )


def with_part_six(data: ReportData, paragraphs: tuple[str, ...]) -> ReportData:
    """``data`` with part 六 rewritten."""
    return attrs.evolve(data, other_matters=paragraphs)
