"""The classes a format description is made of."""

from __future__ import annotations

import functools
import re
from collections.abc import Hashable, Iterable
from typing import Any, Literal, TypeVar

import attrs

from gilint.labels import key, strip_enumeration

CellKind = Literal["count", "amount", "delta"]

# A label shorter than this (as a key) is too generic to prove a format version.
_MIN_MARKER = 5
# A row label without its numbering is used for matching only when at least this long.
_MIN_CORE = 4
# Lookups by key (row matches, format markers) are memoised for keys up to this long, at
# most this many per memo.
_MEMO_KEY_LENGTH = 400
_MEMO_SIZE = 1024
_Found = TypeVar("_Found")


def _remember(memo: dict[str, _Found], text: str, found: _Found) -> _Found:
    """``found`` for ``text``, kept in ``memo`` when ``text`` is a table's labels and
    not a megabyte of debris; a full memo is emptied first."""
    if len(text) <= _MEMO_KEY_LENGTH:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[text] = found
    return found


@attrs.frozen(slots=True)
class ColumnSpec:
    """A column of numbers; ``id`` is stable and used in JSON output and by rules."""

    id: str
    label: str
    kind: CellKind = "count"
    aliases: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class RowSpec:
    """A row. ``label=None`` marks the one unlabelled row of a table (table 四).

    A ``group`` row is a heading that only groups the rows under it; it holds no numbers.
    """

    id: str
    label: str | None
    aliases: tuple[str, ...] = ()
    group: bool = False

    def match_keys(self) -> tuple[str, ...]:
        """Every key this row's label may appear as, longest first."""
        if self.label is None:
            return ()
        found: list[str] = []
        for text in (self.label, *self.aliases):
            full = key(text)
            found.append(full)
            core = strip_enumeration(full)
            if core != full and len(core) >= _MIN_CORE:
                found.append(core)
        return tuple(sorted(set(found), key=len, reverse=True))


@attrs.frozen(slots=True)
class SumIdentity:
    """``sum(left) == sum(right)``, checked in every column (``axis="column"``: ids are
    rows) or in every row (``axis="row"``: ids are columns)."""

    id: str
    axis: Literal["column", "row"]
    left: tuple[str, ...]
    right: tuple[str, ...]
    description: str
    code: str | None = None  # the rule that checks it (GI201 …); None: no rule does


@attrs.frozen(slots=True)
class TableSpec:
    """One table. ``caption`` is the line that introduces it (第二十条第（一）项), if any."""

    id: str
    part: str
    title: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    caption: str | None = None
    identities: tuple[SumIdentity, ...] = ()
    # the name users know the table by in messages (表三); None: 表二 and its caption
    display: str | None = None

    @property
    def display_name(self) -> str:
        return self.display or f"表二{self.title}"

    @functools.cached_property
    def data_rows(self) -> tuple[RowSpec, ...]:
        return tuple(r for r in self.rows if not r.group)

    @functools.cached_property
    def final_row(self) -> RowSpec | None:
        """The row the table ends with: its unlabelled row (table 四's), or its last."""
        return self.anonymous_row or (self.data_rows[-1] if self.data_rows else None)

    @functools.cached_property
    def column_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.columns)

    @functools.cached_property
    def group_keys(self) -> tuple[str, ...]:
        """Every key a group label of the table may appear as."""
        return tuple(k for r in self.rows if r.group for k in r.match_keys())

    @functools.cached_property
    def counts_only(self) -> bool:
        """Whether every column holds counts (no amounts, no changes that may be negative)."""
        return all(c.kind == "count" for c in self.columns)

    def row(self, row_id: str) -> RowSpec | None:
        return next((r for r in self.rows if r.id == row_id), None)

    def column(self, column_id: str) -> ColumnSpec | None:
        return next((c for c in self.columns if c.id == column_id), None)

    @property
    def anonymous_row(self) -> RowSpec | None:
        return next((r for r in self.rows if r.label is None), None)


@attrs.frozen(slots=True)
class PartSpec:
    """A part of the report. ``keywords`` (as keys) recognise its heading."""

    ordinal: str
    title: str
    keywords: tuple[str, ...]
    # what the part is for, as rules ask for it: "overview" (its aspects are the format's
    # overview aspects), "fees" (it must state the information processing fees)
    roles: tuple[str, ...] = ()


@attrs.frozen(slots=True)
class Aspect:
    """Something a part must speak of, recognised by any of ``keywords``."""

    name: str
    keywords: tuple[str, ...]


# The national formats' table captions: 第二十条第（N）项 (on keys: half-width brackets)
NATIONAL_CAPTIONS = (r"第二十条第\([一二三四五六七八九十]+\)项",)


@attrs.frozen(slots=True)
class Template:
    """A format version. ``first_year``/``last_year`` bound the report years it governs."""

    id: str
    name: str
    document: str
    parts: tuple[PartSpec, ...]
    tables: tuple[TableSpec, ...]
    first_year: int | None = None
    last_year: int | None = None
    overview_aspects: tuple[Aspect, ...] = ()
    requires_fee_statement: bool = False
    # what parts must speak of beyond the overview's aspects, by part: ("六", Aspect)
    requirements: tuple[tuple[str, Aspect], ...] = ()
    # what a table caption looks like (regular expressions on keys); the national
    # format's 第二十条第（N）项, a provincial variant may add its own
    caption_patterns: tuple[str, ...] = NATIONAL_CAPTIONS

    def part_with(self, role: str) -> str | None:
        """The ordinal of the part that has ``role`` ("overview", "fees")."""
        return next((p.ordinal for p in self.parts if role in p.roles), None)

    def aspects_of(self, part: str) -> tuple[Aspect, ...]:
        """What ``part`` must speak of: the overview's aspects for the overview part,
        and the requirements the format adds for it."""
        found = self.overview_aspects if part == self.part_with("overview") else ()
        return (*found, *(a for p, a in self.requirements if p == part))

    def table(self, table_id: str) -> TableSpec | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def part(self, ordinal: str) -> PartSpec | None:
        return next((p for p in self.parts if p.ordinal == ordinal), None)

    def governs(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )

    def labels(self) -> Iterable[str]:
        for table in self.tables:
            if table.caption:
                yield table.caption
            for column in table.columns:
                yield column.label
                yield from column.aliases
            for row in table.rows:
                if row.label is not None:
                    yield row.label
                    yield from row.aliases


@attrs.frozen(slots=True)
class RowMatcher:
    """Finds the row labels of some tables in a key, with one compiled alternation
    (longest keys first, so the longest label wins where several start)."""

    pattern: re.Pattern[str] | None
    rows: dict[str, tuple[RowSpec, TableSpec]]
    # matches by key, memoised: the same label texts recur report after report
    _found: dict[str, tuple[tuple[int, int, RowSpec, TableSpec], ...]] = attrs.field(
        factory=dict, eq=False, repr=False, init=False
    )
    # what a reader of the matches remembers of the texts it read with this matcher
    # (the table reader's readings of label texts, see gilint.tables)
    readings: dict[Hashable, Any] = attrs.field(factory=dict, eq=False, repr=False, init=False)

    @classmethod
    def of(cls, tables: Iterable[TableSpec]) -> RowMatcher:
        rows: dict[str, tuple[RowSpec, TableSpec]] = {}
        for table in tables:
            for row in table.rows:
                for k in row.match_keys():
                    rows.setdefault(k, (row, table))
        if not rows:
            return cls(None, rows)
        alternatives = sorted(rows, key=len, reverse=True)
        return cls(re.compile("|".join(map(re.escape, alternatives))), rows)

    def find(self, text: str) -> tuple[tuple[int, int, RowSpec, TableSpec], ...]:
        """Non-overlapping label matches, left to right."""
        found = self._found.get(text)
        if found is None:
            if self.pattern is None:
                return ()
            found = _remember(
                self._found,
                text,
                tuple(
                    (m.start(), m.end(), *self.rows[m.group()]) for m in self.pattern.finditer(text)
                ),
            )
        return found


@attrs.frozen(slots=True, cache_hash=True)
class TemplateSet:
    """The templates in force for a run, with the lookups derived from them, built once."""

    templates: tuple[Template, ...]
    markers: tuple[tuple[str, tuple[str, ...]], ...] = attrs.field(init=False)
    caption_tables: dict[str, dict[str, TableSpec]] = attrs.field(init=False, eq=False)
    _matchers: dict[tuple[int, ...], RowMatcher] = attrs.field(init=False, eq=False, repr=False)
    _specs: dict[tuple[str, str], TableSpec | None] = attrs.field(init=False, eq=False, repr=False)
    # markers found by key, memoised as RowMatcher's matches are
    _marked: dict[str, tuple[tuple[int, str, tuple[str, ...]], ...]] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "markers", _markers(self.templates))
        captions: dict[str, dict[str, TableSpec]] = {}
        for template in self.templates:
            for table in template.tables:
                if table.caption:
                    captions.setdefault(template.id, {})[key(table.caption)] = table
        object.__setattr__(self, "caption_tables", captions)
        object.__setattr__(self, "_matchers", {})
        object.__setattr__(self, "_specs", {})
        object.__setattr__(self, "_marked", {})

    def row_matcher(self, tables: tuple[TableSpec, ...]) -> RowMatcher:
        """The matcher of ``tables``' row labels, built once per set of tables."""
        key = tuple(id(t) for t in tables)
        matcher = self._matchers.get(key)
        if matcher is None:
            matcher = self._matchers[key] = RowMatcher.of(tables)
        return matcher

    def markers_in(self, text: str) -> tuple[tuple[int, str, tuple[str, ...]], ...]:
        """Where each marker first stands in the key ``text``: (key offset, marker, the
        templates it fits), in the order of :attr:`markers`. The text of a table's
        labels and headers recurs report after report: short keys are remembered."""
        found = self._marked.get(text)
        if found is None:
            found = _remember(
                self._marked,
                text,
                tuple(
                    (at, marker, fits)
                    for marker, fits in self.markers
                    if (at := text.find(marker)) >= 0
                ),
            )
        return found

    def get(self, template_id: str) -> Template | None:
        return next((t for t in self.templates if t.id == template_id), None)

    def table_spec(self, template_id: str, table_id: str) -> TableSpec | None:
        """Table ``table_id`` of template ``template_id``, looked up once (rules ask for
        the same few tables report after report)."""
        wanted = (template_id, table_id)
        if wanted not in self._specs:
            template = self.get(template_id)
            self._specs[wanted] = template.table(table_id) if template else None
        return self._specs[wanted]

    def best(self, evidence: Iterable[tuple[str, ...]], prefer: str | None = None) -> str | None:
        """The template most evidence fits (each item names the templates it fits); on a
        tie, ``prefer`` if it is among the leaders, else the one registered first."""
        scores = {t.id: 0 for t in self.templates}
        seen = False
        for fits in evidence:
            seen = True
            for template_id in fits:
                scores[template_id] = scores.get(template_id, 0) + 1
        if not seen:
            return None
        top = max(scores.values())
        leaders = [t for t, n in scores.items() if n == top]
        return prefer if prefer in leaders else leaders[0]

    def first_year(self) -> int | None:
        """The first report year any format version here governs (None: none is dated)."""
        dated = [t.first_year for t in self.templates if t.first_year is not None]
        return min(dated) if dated else None

    def for_year(self, year: int | None) -> Template | None:
        """The template governing ``year``; the newest one when the year is unknown."""
        if year is not None:
            for template in self.templates:
                if template.governs(year):
                    return template
        dated = [t for t in self.templates if t.first_year is not None]
        if dated:
            return max(dated, key=lambda t: t.first_year or 0)
        return self.templates[-1] if self.templates else None

    @property
    def parts(self) -> tuple[PartSpec, ...]:
        """The parts shared by the templates (every known format has the same six)."""
        return self.templates[0].parts if self.templates else ()


def _markers(templates: tuple[Template, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Label keys that tell format versions apart, each with the versions it fits.

    A key fits every template that has a label containing it. Keys that fit every
    template tell nothing and are left out. A provincial variant that repeats the
    national labels thus shares their evidence instead of cancelling it.
    """
    keys = {t.id: {key(label) for label in t.labels()} for t in templates}
    everyone = tuple(t.id for t in templates)
    found: dict[str, tuple[str, ...]] = {}
    for template in templates:
        for candidate in keys[template.id]:
            if len(candidate) < _MIN_MARKER or candidate in found:
                continue
            fits = tuple(t for t in everyone if any(candidate in k for k in keys[t]))
            if fits != everyone:
                found[candidate] = fits
    return tuple(sorted(found.items()))
