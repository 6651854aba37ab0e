"""What the parser remembers between reports gives what it would work out afresh.

Labels, headers and wrapped label lines recur report after report, so the lexer keeps
the cells of digit-free table lines (and leaves a row line's numbers uncut until asked),
the table reader the keys of runs of label cells and how they read, and a row matcher
its matches by key.
Each is a shortcut: a remembered reading, moved to where the text stands now, must equal
the reading of that text there.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import gilint
from gilint.ast import Report
from gilint.labels import keyed
from gilint.lexer import LexCell, LineLexer, _cells, _Line, cut_lines
from gilint.span import Span
from gilint.tables import _join_keys
from gilint.templates import NATIONAL
from gilint.templates.model import RowMatcher, TemplateSet
from gilint.testing import LAYOUTS, render, sample_report

# pieces of table lines: labels, headers, numbers, placeholders, rules and separators
_PIECES = [
    "自然人",
    "法人或其他组织",
    "1.属于国家秘密",
    "(三)不予公开",
    "（七）总计",
    "3.危及“三安全一稳定”",
    "第二十条第(一)项",
    "**规章**",
    "列1",
    "12",
    "0",
    "214.12",
    "/",
    "无",
    "---",
    " ",
    "\t",
    "|",
]
_LINES = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


@settings(max_examples=300)
@given(_LINES, st.text(alphabet=" 甲\n", max_size=5), st.text(alphabet=" 乙\n", max_size=5))
def test_a_remembered_table_line_gives_the_cells_of_its_text_where_it_stands(
    line_text: str, first: str, second: str
) -> None:
    lexer = LineLexer(NATIONAL)
    for before in (first, second, first):  # read, then remembered at other places
        text = before + line_text
        line = _Line(len(before), line_text)
        (read,) = cut_lines([lexer._table_line(text, line)])
        assert read == _cells(text, line)


_LABELS = st.lists(
    st.tuples(st.sampled_from(_PIECES[:9]), st.integers(min_value=0, max_value=3)),
    min_size=1,
    max_size=6,
)


def _placed(labels: list[tuple[str, int]], at: int) -> list[LexCell]:
    """Label cells from ``at`` on, each after a gap of the given width."""
    cells = []
    for text, gap in labels:
        at += gap
        cells.append(LexCell("FRAG", text, at, at + len(text)))
        at += len(text)
    return cells


@settings(max_examples=300)
@given(_LABELS, st.integers(min_value=0, max_value=500), st.integers(min_value=0, max_value=500))
def test_a_remembered_key_gives_the_offsets_of_the_cells_where_they_stand(
    labels: list[tuple[str, int]], at: int, elsewhere: int
) -> None:
    for start in (at, elsewhere, at):
        cells = _placed(labels, start)
        key, offsets = _join_keys(cells)
        # each cell keyed on its own where it stands, one offset per key character
        fresh = [keyed(c.text, c.start) for c in cells]
        assert key == "".join(k for k, _ in fresh)
        assert [offsets[k] for k in range(len(key))] == [o for _, at in fresh for o in at]


def test_a_long_run_of_cells_is_keyed_where_it_stands() -> None:
    labels = [("规章", 1)] * 5000  # the debris of a megabyte line: not remembered
    cells = _placed(labels, 7)
    key, offsets = _join_keys(cells)
    assert key == "规章" * 5000
    assert offsets[0] == 8
    assert offsets[len(key) - 1] == cells[-1].end - 1


def test_a_matcher_finds_the_same_labels_the_second_time() -> None:
    tables = NATIONAL.templates[0].tables
    matcher = RowMatcher.of(tables)
    key = "三.本年度办理结果(一)予以公开1.属于国家秘密"
    first = matcher.find(key)
    assert [row.id for _, _, row, _ in first] == [
        "outcome",
        "outcome.disclosed",
        "outcome.refused.state_secret",
    ]
    assert matcher.find(key) == first
    assert matcher.find("无关的文字") == ()


_MARKED = st.lists(
    st.sampled_from([m for m, _ in NATIONAL.markers] + ["自然人", "规章", "其他", "0"]),
    max_size=8,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(first=_MARKED, second=_MARKED)
def test_the_markers_found_in_a_key_are_the_first_of_each_there(first: str, second: str) -> None:
    """Remembered or not, a key's markers are where each first stands in it (keys of a
    table's labels differ from report to report only as their tables do)."""
    templates = TemplateSet(NATIONAL.templates)  # a memo of its own
    for text in (first, second, first, "x" * 500 + first):
        expected = tuple((text.find(m), m, fits) for m, fits in templates.markers if m in text)
        assert templates.markers_in(text) == expected


def _readings(report: Report, shift: int = 0) -> list[tuple[object, ...]]:
    """Everything the table reader read in a report, at offsets less ``shift``."""

    def at(span: Span | None) -> tuple[int, int] | None:
        return None if span is None else (span.start - shift, span.end - shift)

    return [
        (
            table.id,
            at(table.span),
            table.missing,
            [at(t.span) for t in table.texts],
            [(e.marker, at(e.span)) for e in table.evidence],
            [
                (
                    row.id,
                    at(row.label_span),
                    at(row.span),
                    row.values,
                    row.statuses,
                    row.duplicate,
                    [(label, at(span)) for label, span in row.cell_places()],
                )
                for row in table.rows
            ],
        )
        for table in report.tables()
    ]


def test_a_remembered_reading_of_label_text_gives_the_rows_of_a_fresh_one() -> None:
    """The table reader remembers how a run of label cells reads (the rows of its labels
    and the text no label took) by its text and its cells' places: read again where it
    stands, or lines further down, it gives what a fresh reading gives."""
    for year, seed in (("2019", 1), ("2021", 2)):
        data = sample_report(year, seed=seed, high=60)
        for layout in LAYOUTS:
            text = render(data, layout).text
            for matcher in NATIONAL._matchers.values():
                matcher.readings.clear()
            fresh = _readings(gilint.parse(text))
            assert any(m.readings for m in NATIONAL._matchers.values()), layout
            assert _readings(gilint.parse(text)) == fresh, layout
            assert _readings(gilint.parse("\n\n\n" + text), shift=3) == fresh, layout
