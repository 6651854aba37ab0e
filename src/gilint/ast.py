"""The report AST: frozen attrs classes, each node with a :class:`~gilint.span.Span`.

Rules read these. Tables know which template row and column every cell is, so a rule can
speak of ``（七）总计 / 自然人`` rather than of indices; rows and cells that are missing
from the text are explicit (``Table.missing``, ``CellStatus.MISSING``), never zero.
"""

from __future__ import annotations

import enum
import functools
import warnings
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

import attrs

from gilint.labels import key
from gilint.places import SourceMap
from gilint.span import Span

if TYPE_CHECKING:
    from gilint.sentences import Sentence

Number = int | Decimal
_T = TypeVar("_T")


@attrs.frozen(slots=True)
class Visit:
    """A node met by :meth:`Container.walk`, with its ancestors (outermost first)."""

    node: Node
    parents: tuple[Node, ...]

    @property
    def section(self) -> Section | None:
        """The part the node stands in (None in the preamble)."""
        return section_of(self.parents)


def section_of(parents: tuple[Node, ...]) -> Section | None:
    """The part among a node's ancestors (None in the preamble)."""
    return next((p for p in parents if isinstance(p, Section)), None)


class Container:
    """One traversal protocol for every node that holds others: ``children`` in document
    order, :meth:`walk` over every node below with its ancestors, and :meth:`iter` over
    the nodes of some types wherever they stand."""

    __slots__ = ()

    @property
    def children(self) -> tuple[Node, ...]:
        raise NotImplementedError

    def walk(self, *, rows: bool = True, cells: bool = True) -> Iterator[Visit]:
        """Every node below this one, in document order, each with its ancestors.
        ``rows=False`` does not go into tables, ``cells=False`` not into rows (cells
        are built on demand: a walk that needs none should not build them)."""
        for node, parents in self.nodes(rows=rows, cells=cells):
            yield Visit(node, parents)

    def nodes(
        self,
        *,
        rows: bool = True,
        cells: bool = True,
        only: tuple[type, ...] | None = None,
    ) -> Iterator[tuple[Node, tuple[Node, ...]]]:
        """:meth:`walk` as (node, ancestors) pairs, for engines that visit many nodes;
        ``only`` keeps the nodes of those types (the others are still gone through)."""
        leaves: tuple[type, ...] = (Paragraph, Heading, Cell)
        if not rows:
            leaves = (*leaves, Table)
        elif not cells:
            leaves = (*leaves, Row)
        skipped: tuple[type, ...] = ()
        if only is not None:  # leaves no one asked for are not even put on the stack
            skipped = tuple(t for t in (Paragraph, Heading, Cell) if not issubclass(t, only))
        top: tuple[Node, ...] = (self,)  # type: ignore[assignment]
        stack: list[tuple[Node, tuple[Node, ...]]] = [
            (child, top) for child in reversed(self.children) if not isinstance(child, skipped)
        ]
        pop, extend = stack.pop, stack.extend
        while stack:
            node, parents = pop()
            if only is None or isinstance(node, only):
                yield node, parents
            if not isinstance(node, leaves):
                below = (*parents, node)
                extend(
                    [
                        (child, below)
                        for child in reversed(node.children)  # type: ignore[union-attr]
                        if not isinstance(child, skipped)
                    ]
                )

    def iter(self, *types: type[_T]) -> Iterator[_T]:
        """Every node of ``types`` below this one, in document order."""
        cells = Cell in types
        rows = cells or Row in types
        for node, _ in self.nodes(rows=rows, cells=cells, only=types):
            yield node  # type: ignore[misc]


def _in_order(*groups: tuple[Node, ...]) -> tuple[Node, ...]:
    return tuple(sorted((n for g in groups for n in g), key=lambda n: n.span.start))


class CellStatus(str, enum.Enum):
    """How a cell's text reads as a number."""

    OK = "ok"  # a number that fits its column
    BLANK = "blank"  # an empty cell where a number belongs
    PLACEHOLDER = "placeholder"  # "/", "-", "—" or "无" written for zero
    INVALID = "invalid"  # text, a fraction or a negative count where a count belongs
    MISSING = "missing"  # the row stops before this column
    UNREAD = "unread"  # which column this cell's number is in (if any) could not be told


class Reading(str, enum.Enum):
    """How a table row was read from the text."""

    EXACT = "exact"  # every number in its column as written
    REPAIRED = "repaired"  # read after a stated repair (Row.repair says which)
    # the cells every way of reading the row agrees on read, the others unread
    # (CellStatus.UNREAD): Row.repair says which and why; no rule checks those
    PARTIAL = "partial"
    UNREAD = "unread"  # not read: Row.repair says why; no rule checks its numbers


@attrs.frozen(slots=True)
class Paragraph:
    """Prose as written; ``text`` is exactly the source under ``span``."""

    text: str
    span: Span

    @functools.cached_property
    def compact(self) -> str:
        """The text as a key: no line breaks or spaces, half-width punctuation."""
        return key(self.text)


@attrs.frozen(slots=True)
class Heading:
    """A part or subsection heading. ``ordinal`` is the numeral as written (一, 二 …)."""

    text: str
    span: Span
    ordinal: str | None
    title: str
    title_span: Span

    @functools.cached_property
    def compact(self) -> str:
        """The text as a key, as :attr:`Paragraph.compact`."""
        return key(self.text)


@attrs.frozen(slots=True)
class Cell:
    """One number of a table. ``value`` is set only when ``status`` is OK."""

    row: str | None
    column: str | None
    raw: str
    value: Number | None
    status: CellStatus
    span: Span
    unit: str | None = None
    column_label: str | None = None


def _no_cells() -> tuple[Cell, ...]:
    return ()


@attrs.frozen(slots=True)
class Row(Container):
    """A row as it stands in the text.

    ``id`` is the template row it was matched to, ``None`` for a label no template knows
    (``label`` set) or for numbers with no label at all (``label`` is ``None``).
    ``cells`` has one cell per template column (``columns``), in order; ``extra`` holds
    the first cells beyond them (at most 16) and ``extra_count`` how many values stand
    beyond them in all (a line of a million numbers is not a million cells).
    ``duplicate`` marks a second row with the same template row. ``near_label`` marks a
    row whose label is not the template's but a few edits from it (see
    :mod:`gilint.near_labels`): read as that row, and its label reported (GI109).

    ``statuses`` and ``values`` are the cells' statuses and values, column by column, for
    rules that need only the numbers: the :class:`Cell` objects, with their spans, are
    built on first use of ``cells`` or ``cell()`` (most rows of most reports never need
    them), each once.
    """

    id: str | None
    label: str | None
    label_span: Span | None
    span: Span
    columns: tuple[str, ...] = ()
    statuses: tuple[CellStatus, ...] = ()
    values: tuple[Number | None, ...] = ()
    extra: tuple[Cell, ...] = ()
    extra_count: int = 0
    duplicate: bool = False
    template_label: str | None = None
    reading: Reading = Reading.EXACT
    # the repair made (Reading.REPAIRED) or why the row is unread (Reading.UNREAD)
    repair: str | None = None
    # an unread row of fewer numbers than columns, spaced or run together, that no way
    # of placing them (blank cells counted) fits its own sums: a number is wrong, or a
    # total blank
    fits_no_split: bool = False
    near_label: bool = False
    _build_cells: Callable[[], tuple[Cell, ...]] = attrs.field(
        default=_no_cells, eq=False, repr=False, alias="build_cells"
    )

    @functools.cached_property
    def cells(self) -> tuple[Cell, ...]:
        return self._build_cells()

    @property
    def children(self) -> tuple[Node, ...]:
        return self.cells

    @property
    def line(self) -> int:
        return self.span.line

    def index(self, column: str) -> int | None:
        """The position of ``column`` in ``columns`` (and so in ``cells``)."""
        try:
            return self.columns.index(column)
        except ValueError:
            return None

    def cell(self, column: str) -> Cell | None:
        """The cell of ``column``; built alone when the builder can (one cell of a row is
        what a finding about a sum needs), else taken from :attr:`cells`."""
        i = self.index(column)
        if i is None:
            return None
        one = getattr(self._build_cells, "one", None)
        return one(i) if one is not None else self.cells[i]

    def cell_places(self) -> tuple[tuple[str, Span], ...]:
        """Each column's label (``column_label``, else ``column``) and its cell's span, as
        :attr:`cells` gives them, without building the cells when the builder can: a
        summary of every report keeps these for a few rows, and a cell costs several
        times its span."""
        places = getattr(self._build_cells, "places", None)
        if places is not None:
            found: tuple[tuple[str, Span], ...] = places()
            return found
        return tuple((c.column_label or c.column or "", c.span) for c in self.cells)

    def number(self, column: str) -> Number | None:
        """The cell's number for arithmetic (see :attr:`numbers`)."""
        i = self.index(column)
        return None if i is None else self.numbers[i]

    @functools.cached_property
    def numbers(self) -> tuple[Number | None, ...]:
        """The cells' numbers for arithmetic, column by column: blanks and placeholders
        stand for zero; a cell that is missing or could not be read is ``None``."""
        if self.statuses.count(CellStatus.OK) == len(self.statuses):
            return self.values  # the usual row
        return tuple(
            value
            if status is CellStatus.OK
            else (0 if status is CellStatus.BLANK or status is CellStatus.PLACEHOLDER else None)
            for status, value in zip(self.statuses, self.values, strict=True)
        )


@attrs.frozen(slots=True)
class TextPiece:
    """Table text that is no row label: headers, group labels, notes, debris."""

    text: str
    span: Span


@attrs.frozen(slots=True)
class Evidence:
    """A label that only some format versions have, found in the text; ``templates``
    are the versions it fits."""

    templates: tuple[str, ...]
    marker: str
    span: Span

    def fits(self, template_id: str | None) -> bool:
        return template_id in self.templates


_TABLE_NAMES = {"3": "表三", "4": "表四"}


def _no_texts() -> tuple[TextPiece, ...]:
    return ()


@attrs.frozen(slots=True)
class Table(Container):
    """A table read against a template's description.

    ``id`` is the template table (``"3"``, ``"2.1"`` …) or ``None`` when no description
    fits; ``template`` is the format version it was read with; ``missing`` lists the
    template rows that are absent from the text.
    """

    id: str | None
    template: str | None
    title: str
    span: Span
    rows: tuple[Row, ...]
    missing: tuple[str, ...] = ()
    caption: TextPiece | None = None
    evidence: tuple[Evidence, ...] = ()
    # the name the format gives it in messages (表三), from its description
    display: str | None = None
    _build_texts: Callable[[], tuple[TextPiece, ...]] = attrs.field(
        default=_no_texts, eq=False, repr=False, alias="build_texts"
    )

    @functools.cached_property
    def texts(self) -> tuple[TextPiece, ...]:
        """The table's text that no row label took (headers, group labels, debris), in
        text order; built on first use (no rule reads it: the parse JSON does)."""
        return self._build_texts()

    @functools.cached_property
    def first_rows(self) -> Mapping[str, Row]:
        """The first row matched to each template row id (a later one is a duplicate)."""
        rows: dict[str, Row] = {}
        for row in self.rows:
            if row.id is not None and row.id not in rows:
                rows[row.id] = row
        return MappingProxyType(rows)

    def row(self, row_id: str) -> Row | None:
        """The first row matched to ``row_id``."""
        return self.first_rows.get(row_id)

    @property
    def name(self) -> str:
        """The name users know the table by: 表三, 表四, 表二 and its caption's subject."""
        if self.display:
            return self.display
        if self.id in _TABLE_NAMES:
            return _TABLE_NAMES[self.id]
        if self.id:
            return f"表二{self.title}"
        return "表格"

    def cell(self, row_id: str, column_id: str) -> Cell | None:
        row = self.row(row_id)
        return row.cell(column_id) if row else None

    @property
    def children(self) -> tuple[Node, ...]:
        return self.rows

    @property
    def unknown_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.id is None)

    @property
    def unread_rows(self) -> tuple[Row, ...]:
        """Rows of the format whose numbers could not be read (``Row.repair`` says why)."""
        return tuple(r for r in self.rows if r.reading is Reading.UNREAD)

    @property
    def partial_rows(self) -> tuple[Row, ...]:
        """Rows of the format read in part (``Row.repair`` says which cells and why)."""
        return tuple(r for r in self.rows if r.reading is Reading.PARTIAL)

    @property
    def reading(self) -> Reading:
        """The least sure reading of its rows."""
        readings = {r.reading for r in self.rows}
        for least in (Reading.UNREAD, Reading.PARTIAL, Reading.REPAIRED):
            if least in readings:
                return least
        return Reading.EXACT


@attrs.frozen(slots=True)
class Subsection(Container):
    heading: Heading
    paragraphs: tuple[Paragraph, ...]
    tables: tuple[Table, ...]
    span: Span

    @functools.cached_property
    def children(self) -> tuple[Node, ...]:
        return (self.heading, *_in_order(self.paragraphs, self.tables))

    @property
    def ordinal(self) -> str | None:
        return self.heading.ordinal

    @property
    def title(self) -> str:
        return self.heading.title


@attrs.frozen(slots=True)
class Section(Container):
    """One of the six parts.

    ``part`` is the part of the format this section is (一…六), recognised by its title,
    or by its ordinal when the title is not recognisable (``title_recognised`` False);
    ``heading.ordinal`` is the numeral as written, which may disagree. ``continued``
    marks a second section of a part that holds the tables the first one did not.
    """

    part: str | None
    heading: Heading
    span: Span
    # the paragraphs directly under the heading, before any subsection (``paragraphs``
    # are all the part's, subsections' included)
    own_paragraphs: tuple[Paragraph, ...]
    subsections: tuple[Subsection, ...]
    tables: tuple[Table, ...]
    title_recognised: bool = True
    # a later heading of a part met before without its tables, under which its tables
    # follow (reports that number their narrative first and put the tables after it)
    continued: bool = False
    # the part has no heading: its subsections stand where it begins (the heading is an
    # empty one there)
    headless: bool = False

    @property
    def ordinal(self) -> str | None:
        return self.heading.ordinal

    @property
    def title(self) -> str:
        return self.heading.title

    @functools.cached_property
    def children(self) -> tuple[Node, ...]:
        return (self.heading, *_in_order(self.own_paragraphs, self.tables, self.subsections))

    @functools.cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph of the part, its subsections' included, in document order
        (the grammar puts a part's own paragraphs before its subsections)."""
        return (*self.own_paragraphs, *(p for sub in self.subsections for p in sub.paragraphs))

    def prose(self) -> Iterator[Paragraph | Heading]:
        """The part's text, piece by piece: its subsections' headings and every
        paragraph, in document order (its own heading left out)."""
        yield from self.own_paragraphs
        for sub in self.subsections:
            yield sub.heading
            yield from sub.paragraphs

    def all_paragraphs(self) -> Iterator[Paragraph]:
        """Deprecated: the paragraphs with the subsections' headings as paragraphs. Use
        :attr:`paragraphs` (every paragraph) or :meth:`prose` (headings too)."""
        warnings.warn(
            "Section.all_paragraphs() is deprecated: use Section.paragraphs (every "
            "paragraph of the part) or Section.prose() (with the subsections' headings)",
            DeprecationWarning,
            stacklevel=2,
        )
        for piece in self.prose():
            yield piece if isinstance(piece, Paragraph) else Paragraph(piece.text, piece.span)

    def all_tables(self) -> Iterator[Table]:
        yield from self.tables
        for sub in self.subsections:
            yield from sub.tables

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.prose())


@attrs.frozen(slots=True)
class YearMention:
    """A report year found in the text, and where."""

    year: int
    span: Span
    source: str  # "title" or "period"


@attrs.frozen(slots=True)
class TemplateInfo:
    """The format version detected for the report.

    ``basis`` says why: ``labels`` (evidence from table labels), ``config`` (set by the
    configuration), ``year`` (no evidence;
    the version that governs the report year) or ``default`` (neither).
    """

    id: str | None
    basis: str
    evidence: tuple[Evidence, ...] = ()

    @property
    def templates_seen(self) -> tuple[str, ...]:
        """Every version some evidence fits."""
        return tuple(sorted({t for e in self.evidence for t in e.templates}))


@attrs.frozen(slots=True)
class Diagnostic:
    """Something the parser could not read; rule GI901 reports these."""

    code: str
    message: str
    span: Span


# What a loader found in the file and could not read (an image that may hold a table, a
# web page's hidden element that holds text, and what of them is past those noted one
# by one; glyphs of a PDF whose font maps them to no character): a report that has some
# is incomplete, and what it seems to lack may stand there.
UNREAD_CONTENT = frozenset({"unread-image", "unread-hidden", "unread-more", "unmapped-glyphs"})
# Of them, those noted once for all that follows: what is past the twentieth, and a
# PDF's glyphs without characters, noted at the first. They may stand anywhere after.
UNREAD_ONWARD = frozenset({"unread-more", "unmapped-glyphs"})


@attrs.frozen(slots=True)
class Report(Container):
    """A parsed annual report. ``source`` is the decoded text all spans point into."""

    source: str
    path: str | None
    span: Span
    title: str | None
    title_span: Span | None
    issuer: str | None
    year: int | None
    title_year: YearMention | None
    period_year: YearMention | None
    template: TemplateInfo
    preamble: tuple[Paragraph, ...]
    preamble_subsections: tuple[Subsection, ...]
    sections: tuple[Section, ...]
    diagnostics: tuple[Diagnostic, ...]
    encoding: str = "utf-8"
    # tables before the first part (kept and checked, not dropped: they belong nowhere)
    preamble_tables: tuple[Table, ...] = ()
    # the spreadsheets a web page links to, as a finding names them ("“统计表.xls”（网页第
    # 80 行）"): where a part has no table, its table may be in one of them
    attached_tables: tuple[str, ...] = ()
    # where the text came from in a PDF, Word or HTML file (None for a text file)
    source_map: SourceMap | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def unread(
        cls,
        source: str,
        path: str | None,
        span: Span,
        diagnostic: Diagnostic,
        encoding: str,
        source_map: SourceMap | None = None,
    ) -> Report:
        """A report of which nothing could be read but ``diagnostic`` says why."""
        return cls(
            source=source,
            path=path,
            span=span,
            title=None,
            title_span=None,
            issuer=None,
            year=None,
            title_year=None,
            period_year=None,
            template=TemplateInfo(None, "default"),
            preamble=(),
            preamble_subsections=(),
            sections=(),
            diagnostics=(diagnostic,),
            encoding=encoding,
            source_map=source_map,
        )

    @functools.cached_property
    def children(self) -> tuple[Node, ...]:
        """The preamble's paragraphs, tables and subsections, then the parts."""
        preamble = _in_order(self.preamble, self.preamble_tables, self.preamble_subsections)
        return (*preamble, *self.sections)

    @functools.cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the prose (:func:`gilint.sentences.sentences_of`), split once
        however many rules read them."""
        from gilint.sentences import sentences_of  # (it builds on this module)

        return sentences_of(self)

    @functools.cached_property
    def unread_content(self) -> tuple[Diagnostic, ...]:
        """What the file holds that gilint could not read (:data:`UNREAD_CONTENT`): what
        a rule finds missing where it stands is not reported (Rule.concludes_from_absence)."""
        return tuple(d for d in self.diagnostics if d.code in UNREAD_CONTENT)

    @functools.cached_property
    def unread_stretches(self) -> tuple[tuple[int, int], ...]:
        """Where in the text each piece of :attr:`unread_content` may stand, as (start,
        end) offsets: at its place, or from there on (:data:`UNREAD_ONWARD`)."""
        end = len(self.source)
        return tuple(
            (d.span.start, end if d.code in UNREAD_ONWARD else d.span.start + 1)
            for d in self.unread_content
        )

    def section(self, part: str) -> Section | None:
        """The first section that is part ``part`` (一 … 六) of the format."""
        return next((s for s in self.sections if s.part == part), None)

    def tables(self) -> Iterator[Table]:
        return iter(self._tables)

    @functools.cached_property
    def _tables(self) -> tuple[Table, ...]:
        """Every table in text order, gathered once: most rules go through them."""
        found = [*self.preamble_tables]
        for sub in self.preamble_subsections:
            found.extend(sub.tables)
        for section in self.sections:
            found.extend(section.all_tables())
        return tuple(found)

    def table(self, table_id: str) -> Table | None:
        return next((t for t in self.tables() if t.id == table_id), None)

    def logical_location(self, offset: int) -> str | None:
        """What stands at ``offset`` by name: ``表三/（一）予以公开/自然人`` in a table (as
        far as it is known), ``第六部分`` elsewhere in a part; for tools that show a
        finding in a PDF or Word file, where a line number means nothing."""
        for table in self.tables():
            if not table.span.start <= offset < max(table.span.end, table.span.start + 1):
                continue
            names = [table.name]
            for row in table.rows:
                if row.span.start <= offset < row.span.end:
                    names.append(row.template_label or (row.label or "").replace("\n", ""))
                    cell = next((c for c in row.cells if c.span.start <= offset < c.span.end), None)
                    if cell is not None and cell.column_label:
                        names.append(cell.column_label)
                    break
            return "/".join(n for n in names if n)
        for section in self.sections:
            if section.span.start <= offset < section.span.end and section.part:
                return f"第{section.part}部分"
        return None


# Every node of the tree (see Container.walk).
Node = Report | Section | Subsection | Paragraph | Heading | Table | Row | Cell
