"""The table reader: lines of cells to tables read against a template.

The grammar gives each run of table lines as lines of cell tokens. This module matches
them against the row labels of the format descriptions, whatever the layout did to them:

* a row's label may be wrapped over lines (``5.要求行政机关确认或重新出具已`` / ``获取信息``),
  split over cells, mixed with merged-cell debris (``果 不予公 开``) or preceded by group
  labels and headers; all text since the last numbers is one *label buffer*, and the
  row labels are searched in its key;
* a row's numbers may continue on the next line (``0 0 0 0 0 0`` / ``0``);
* a label no template knows, or numbers with no label, become rows with ``id=None``;
* a table that stops early leaves its remaining template rows in ``Table.missing``.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import operator
import re
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import NamedTuple

import attrs

from gilint.ast import (
    Cell,
    CellStatus,
    Evidence,
    Number,
    Reading,
    Row,
    Table,
    TemplateInfo,
    TextPiece,
)
from gilint.labels import (
    KeyOffsets,
    compact_key,
    has_key_text,
    key_runs,
    paragraph_key,
    strip_enumeration,
)
from gilint.lexer import (
    LexCell,
    RowLine,
    TableLine,
    is_page_number,
    stands_for_none,
    surplus_count,
)
from gilint.locator import Locator
from gilint.near_labels import candidates, in_its_place, near_row
from gilint.repairs import MAX_OPEN_SPLITS, RepairBudget, Split, row_splits, settled_splits
from gilint.span import Span
from gilint.template_detection import chunk_template
from gilint.templates.model import (
    CellKind,
    ColumnSpec,
    RowMatcher,
    RowSpec,
    TableSpec,
    Template,
    TemplateSet,
)
from gilint.values import MAX_DIGITS, looks_like_digit, read_value

MAX_EXTRA_CELLS = 16  # cells past a row's columns that are kept as cells (Row.extra)


@attrs.frozen(slots=True)
class Chunk:
    """A piece of a table region between captions, with the format evidence its text
    gives (labels of some format versions only)."""

    caption: LexCell | None
    lines: tuple[TableLine, ...]
    evidence: tuple[Evidence, ...]


@attrs.frozen(slots=True)
class Region:
    """A ``table`` node of the parse tree, cut at captions."""

    chunks: tuple[Chunk, ...]
    start: int  # the text the table node covers, first block to last
    end: int

    @property
    def evidence(self) -> Iterator[Evidence]:
        for chunk in self.chunks:
            yield from chunk.evidence


def region_of(
    lines: Sequence[TableLine],
    start: int,
    end: int,
    templates: TemplateSet,
    loc: Locator,
) -> Region:
    """The region of a table node's lines (what its blocks' tokens carry)."""
    chunks = []
    for caption, chunk_lines in _chunks(lines):
        texts = [t for line in chunk_lines for t in _text_cells(line) if t.kind == "FRAG"]
        if caption is not None:
            texts.insert(0, caption)
        chunks.append(Chunk(caption, tuple(chunk_lines), tuple(_evidence(texts, templates, loc))))
    return Region(tuple(chunks), start, end)


_kind = operator.itemgetter(0)  # a LexCell's kind, for map()
_IN_RUN = frozenset(("VALUE", "EMPTY", "MORE"))  # the cells of a row's run of numbers
_NUMBERS = frozenset(("VALUE", "MORE"))  # of them, those that hold numbers
_NARROW = 3  # columns of a table whose rows may hold a cell in words among their numbers
_text = operator.itemgetter(1)  # its text


def _text_cells(line: TableLine) -> tuple[LexCell, ...]:
    """The cells that hold a line's text: all of a cut line's, a row line's label."""
    return line.label if isinstance(line, RowLine) else line


def _first_number(kinds: list[str]) -> int:
    """Where a line's first number (or empty cell) is; its length when it has none."""
    found = [kinds.index(k) for k in _IN_RUN if k in kinds]
    return min(found) if found else len(kinds)


def _text_end(cells: Sequence[LexCell]) -> Sequence[LexCell]:
    """``cells`` up to their last text cell: what follows is empty cells, if anything."""
    end = len(cells)
    while end and cells[end - 1].kind == "EMPTY":
        end -= 1
    return cells[:end]


def _start(cell: LexCell) -> int:
    return cell.start


def _end(cell: LexCell) -> int:
    return cell.end


def _chunks(
    lines: Sequence[TableLine],
) -> list[tuple[LexCell | None, list[TableLine]]]:
    chunks: list[tuple[LexCell | None, list[TableLine]]] = [(None, [])]
    for line in lines:
        # (a row line holds no caption: its text cells are plain text)
        if isinstance(line, RowLine) or "CAPTION" not in map(_kind, line):  # the usual line
            chunks[-1][1].append(line)
            continue
        current: list[LexCell] = []
        for tok in line:
            if tok.kind == "CAPTION":
                if current:
                    chunks[-1][1].append(tuple(current))
                current = []
                chunks.append((tok, []))
                continue
            current.append(tok)
        if current:
            chunks[-1][1].append(tuple(current))
    if len(chunks) > 1 and not any(map(_has_number, chunks[0][1])):
        # text before the first caption and no number in it (the table's unit, "单位：件",
        # or its title, "表1 主动公开政府信息情况统计表") is that caption's table's own
        lead, (caption, lines_after) = chunks[0][1], chunks[1]
        chunks[:2] = [(caption, [*lead, *lines_after])]
    return [c for c in chunks if c[0] is not None or c[1]]


def _has_number(line: TableLine) -> bool:
    return isinstance(line, RowLine) or any(cell.kind == "VALUE" for cell in line)


def _join_keys(cells: Sequence[LexCell]) -> tuple[str, KeyOffsets]:
    """The key of several cells' text run together, with each key character's offset.

    A label and the group labels or headers before it recur, cut into the same cells,
    report after report: their keys are remembered, each run of kept characters as its
    cell and its offset in the cell. Long runs of cells (the debris of a megabyte line)
    are keyed where they stand and not remembered."""
    texts = _rememberable(cells)
    if texts is not None:
        text, starts, where = _remembered_key(texts)
        return text, KeyOffsets(list(starts), [cells[i].start + at for i, at in where])
    pieces: list[str] = []
    key_starts: list[int] = []
    targets: list[int] = []
    length = 0
    for cell in cells:
        text, runs, at = key_runs(cell.text)
        pieces.append(text)
        if len(runs) == 1:  # the usual cell: nothing dropped inside it
            key_starts.append(length)
            targets.append(cell.start + at[0])
        else:
            key_starts.extend([length + r for r in runs])
            targets.extend([cell.start + t for t in at])
        length += len(text)
    return "".join(pieces), KeyOffsets(key_starts, targets)


# A table's header repeated inside it (a row broken across pages): at least so many key
# characters of it, from a header of at most so many
_HEADER_MIN = 6
_HEADER_CHARS = 400
# what may follow a row's last cell on its line: blanks and cell separators
_BLANK_RUN = re.compile(r"[ \t|\u3000]*")

# why a row of spaced numbers is unread where another row of its table fits no split
_DOUBTED = (
    "本表另有数字无论怎样拆分都与合计对不上的行（合计一栏可能空白），"
    "其余各行的拆分可能只是巧合，未读出"
)

# a word of text, as a cell of label text read again word by word
_WORD = re.compile(r"\S+")
# what separates a line's cells where a loader or a converter marks them
_CELL_BREAK = re.compile(r"[ ]*[\t|][\t| ]*")
# a piece of a group label among a row's label text: a cell of at least so many key
# characters (one character alone is too often part of a row label as well)
_PIECE_MIN = 2

# cells, and characters, of the longest run of cells whose key (and reading) is remembered:
# the text cells of a table's chunk reach some 460 characters (table 三, one line a row)
_MEMO_CELLS = 64
_MEMO_CHARS = 1000


def _rememberable(cells: Sequence[LexCell]) -> tuple[str, ...] | None:
    """The texts of a run of cells short enough for its key to be remembered."""
    if len(cells) > _MEMO_CELLS:
        return None
    texts = tuple(map(_text, cells))
    return texts if sum(map(len, texts)) <= _MEMO_CHARS else None


@functools.lru_cache(maxsize=1024)
def _remembered_key(
    texts: tuple[str, ...],
) -> tuple[str, tuple[int, ...], tuple[tuple[int, int], ...]]:
    """The key of cell texts run together: (key, key offset of each run of kept
    characters, (cell, offset in the cell) of each run). See :func:`_join_keys`."""
    pieces: list[str] = []
    starts: list[int] = []
    where: list[tuple[int, int]] = []
    length = 0
    for index, cell_text in enumerate(texts):
        text, runs, at = key_runs(cell_text)
        pieces.append(text)
        starts.extend([length + r for r in runs])
        where.extend([(index, t) for t in at])
        length += len(text)
    return "".join(pieces), tuple(starts), tuple(where)


def _evidence(texts: Sequence[LexCell], templates: TemplateSet, loc: Locator) -> list[Evidence]:
    """Markers (labels of some format versions only) in the key of ``texts``, a chunk's
    text cells (its caption, then its FRAG cells)."""
    if not texts or not templates.markers:
        return []
    joined, offsets = _join_keys(texts)
    found = [
        Evidence(fits, marker, loc.span(offsets[at], offsets[at + len(marker) - 1] + 1))
        for at, marker, fits in templates.markers_in(joined)
    ]
    return sorted(found, key=lambda e: e.span.start)


_CLOSING = "”’\"'」』*"


def _label_range(offsets: KeyOffsets, at: int, end: int, canonical: str) -> tuple[int, int]:
    """Canonical offsets of key characters ``at:end``, widened over closing quotes that
    keys leave out (``3.危及“三安全一稳定”``)."""
    stop = offsets[end - 1] + 1
    while stop < len(canonical) and canonical[stop] in _CLOSING:
        stop += 1
    return offsets[at], stop


def read_region(
    region: Region,
    part: str | None,
    info: TemplateInfo,
    templates: TemplateSet,
    loc: Locator,
    budget: RepairBudget,
) -> list[Table]:
    """The tables of a region that stands in ``part``, each piece read with the template
    its own evidence points to among those the report's (``info``) allows."""
    tables: list[Table] = []
    for chunk in region.chunks:
        template = chunk_template(chunk.evidence, info, templates)
        tables.extend(_ChunkReader(chunk, part, template, templates, loc, budget).read())
    return tables


class _RowDraft:
    """A row as read so far; ``label`` is the canonical offsets of its label. Its value
    cells are ``tokens``, or the numbers of one row line (``run``), cut into cells only
    when the row needs more than the usual reading (:meth:`cells`). ``blanks`` are the
    empty cells between its label text and its first number: label columns of merged
    cells, or its own first cells left blank (:func:`_blanks_placed` tells)."""

    __slots__ = ("blanks", "continuable", "label", "near", "row", "run", "spec", "tokens")

    def __init__(
        self,
        spec: TableSpec | None,
        row: RowSpec | None,
        label: tuple[int, int] | None,
        tokens: Sequence[LexCell] | RowLine = (),
        continuable: bool = True,
    ) -> None:
        self.spec = spec
        self.row = row
        self.label = label
        self.near = False  # its label is a few edits from its row's (gilint.near_labels)
        self.run: RowLine | None = None
        self.tokens: list[LexCell] = []
        self.blanks: Sequence[LexCell] = ()
        if isinstance(tokens, RowLine):
            self.run = tokens
        else:
            self.tokens = list(tokens)
        self.continuable = continuable

    def cells(self) -> list[LexCell]:
        """The row's value cells (its row line cut, once: the empty cells of its label
        after the label's text go to ``blanks``)."""
        run = self.run
        if run is not None:
            label = run.label
            if label and label[-1].kind == "EMPTY":
                self.blanks = [*self.blanks, *label[len(_text_end(label)) :]]
            self.tokens = list(run.value_cells())
            self.run = None
        return self.tokens

    def width(self) -> int | None:
        return len(self.spec.columns) if self.spec else None

    def has_room(self, cells: int) -> bool:
        """Whether ``cells`` more cells (values or blanks) fit after its first value."""
        width = self.width()
        if self.run is not None:
            return self.continuable and width is not None and len(self.run.numbers) + cells <= width
        return (
            self.continuable
            and width is not None
            and any(t.kind != "EMPTY" for t in self.tokens)
            and len(self.tokens) + cells <= width
        )

    def needs_more(self) -> bool:
        width = self.width()
        if self.run is not None:
            values = len(self.run.numbers)
        else:
            values = sum(1 for t in self.tokens if t.kind != "EMPTY")
        return self.continuable and width is not None and values < width


class _TableDraft:
    """A table as read so far; ``first`` and ``last`` bound the text it covers. An
    ``own`` table is one the report adds after a format's table (see
    :meth:`_ChunkReader._after_its_table`): no format's row makes it that format's."""

    __slots__ = (
        "caption",
        "edge",
        "ended",
        "first",
        "header",
        "last",
        "own",
        "rows",
        "spec",
        "template",
        "texts",
    )

    def __init__(
        self,
        spec: TableSpec | None,
        template: Template | None,
        caption: LexCell | None,
        own: bool = False,
    ):
        self.spec = spec
        self.template = template
        self.caption = caption
        self.own = own
        self.rows: list[_RowDraft] = []
        self.texts: list[tuple[int, int]] = []
        self.header: str | None = None  # its header's key, once worked out (_header)
        self.edge: int | None = None  # the tabs its lines end with, once worked out (_edge)
        self.first: int | None = None
        self.last: int | None = None
        self.ended = False  # its format's last row has been read (see read_as)

    def anonymous_row_due(self) -> RowSpec | None:
        """Its one unlabelled row (table 四's), while no row of it has been read."""
        anon = self.spec.anonymous_row if self.spec else None
        if anon is None or any(r.row is anon for r in self.rows):
            return None
        return anon

    def read_as(self, draft: _RowDraft, row: RowSpec | None) -> None:
        """Read ``draft`` (one of its rows) as ``row``, and note whether that is its
        format's last row: asked of every row whose label no format knows, a search of
        the rows read would cost a table of many such rows time growing with their
        square."""
        draft.row = row
        if row is not None and self.spec is not None and row is self.spec.final_row:
            self.ended = True

    def touch(self, start: int, end: int) -> None:
        if self.first is None or start < self.first:
            self.first = start
        if self.last is None or end > self.last:
            self.last = end


class _ChunkReader:
    def __init__(
        self,
        chunk: Chunk,
        part: str | None,
        template: Template | None,
        templates: TemplateSet,
        loc: Locator,
        budget: RepairBudget,
    ) -> None:
        self.chunk = chunk
        self.loc = loc
        self.budget = budget
        self.template = template
        spec: TableSpec | None = None
        candidates: tuple[TableSpec, ...] = ()
        if chunk.caption is not None:
            spec, template = _caption_spec(chunk.caption.text, template, templates)
            self.template = template
            candidates = (spec,) if spec else ()
        elif template is not None:
            candidates = tuple(t for t in template.tables if t.part == part)
            if not candidates:
                candidates = template.tables
            if len(candidates) == 1:
                spec = candidates[0]
        self.matcher = templates.row_matcher(candidates)
        self.tables: list[_TableDraft] = [_TableDraft(spec, self.template, chunk.caption)]
        if chunk.caption is not None:
            self.tables[0].touch(_start(chunk.caption), _end(chunk.caption))

    # -- reading ----------------------------------------------------------------------

    def read(self) -> list[Table]:
        buffer: list[LexCell] = []
        current: _RowDraft | None = None
        blanks: list[LexCell] = []  # empty cells since the last text (see _RowDraft)
        for chunk_line in self.chunk.lines:
            if isinstance(chunk_line, RowLine):  # the usual row line, its numbers uncut
                pre = [t for t in chunk_line.label if t.kind == "FRAG"]
                # (the line's own empty cells before its numbers stay in its label)
                current = self._numbers(pre, chunk_line, buffer, current, blanks)
                buffer = []
                if blanks:
                    blanks = []
                self.tables[-1].touch(chunk_line.start, chunk_line.end)  # in text order
                continue
            for line, kinds in self._logical_lines(chunk_line):
                if not line:
                    continue  # "|||": merged-cell debris, nothing to read
                if kinds == ["EMPTY"] * len(kinds):
                    if len(line) == 1 and self._closes_cell(line[0]):
                        continue  # no cell: the end of the one above
                    # empty cells on a line of their own (a table converted a cell per
                    # line): blank cells of the row being read, or label columns before it
                    if current is not None and current.has_room(len(kinds)):
                        current.cells().extend(line)
                    elif buffer:
                        blanks.extend(line)
                    continue
                if kinds == ["FRAG"] and self._closed_placeholder(line[0]):
                    line, kinds = (line[0]._replace(kind="VALUE"),), ["VALUE"]
                if "VALUE" not in kinds:
                    buffer.extend(t for t in line if t.kind == "FRAG")
                    present = [t for t in line if t.kind != "EMPTY"]
                    if present:  # cells are in text order
                        self.tables[-1].touch(present[0].start, present[-1].end)
                    current = None
                    # (empty cells before text are label columns; after it, they may not be)
                    if kinds[-1] == "EMPTY":
                        blanks = list(line[len(_text_end(line)) :])
                    elif blanks:
                        blanks = []
                    continue
                first_value = kinds.index("VALUE")
                pre = [t for t in line[:first_value] if t.kind == "FRAG"] if first_value else []
                values = list(line[first_value:])
                if first_value and kinds[first_value - 1] == "EMPTY":
                    if pre:
                        blanks = []
                    blanks.extend(line[len(_text_end(line[:first_value])) : first_value])
                elif pre and blanks:
                    blanks = []
                current = self._numbers(pre, values, buffer, current, blanks)
                buffer = []
                if blanks:
                    blanks = []
                if "EMPTY" in kinds[first_value:]:
                    current.continuable = False
                self.tables[-1].touch(values[0].start, values[-1].end)  # in text order
        if buffer:
            self._trailing(buffer)
        return [self._finish(t) for t in self.tables if t.rows or t.texts or t.caption]

    def _closed_placeholder(self, cell: LexCell) -> bool:
        """Whether a line's one text cell is a placeholder for zero ("/", "—", "无"), or a
        letter an OCR put for a digit ("O"), whose pipe stands alone on the next line
        (``/`` / ``|``, a table converted a cell per line): a cell, as ``/ |`` on one line
        is, not a word (a lone word is text: a label written a character a line, "无" /
        "法" / "提" / "供")."""
        if not (stands_for_none(cell.text) or looks_like_digit(cell.text)):
            return False
        text = self.loc.canonical
        end = text.find("\n", cell.end)
        if end < 0:
            return False
        after = text.find("\n", end + 1)
        return text[end + 1 : after if after >= 0 else len(text)].strip(" \t") == "|"

    def _closes_cell(self, pipe: LexCell) -> bool:
        """Whether a pipe alone on its line ends the cell on the line above. A table
        converted a cell per line writes a cell's text and its pipe on one line
        (``信息内容 |``), but where a cell holds a paragraph, its pipe comes on the next
        (``信息内容`` / ``|``): that pipe is no cell of its own. A pipe alone after a
        closed cell (a line that ends in a pipe) is an empty cell."""
        text = self.loc.canonical
        end = text.rfind("\n", 0, pipe.start)  # the end of the line above
        if end < 0:
            return False
        above = text[text.rfind("\n", 0, end) + 1 : end].rstrip(" \t")
        return bool(above) and above[-1] != "|"

    def _logical_lines(
        self, line: tuple[LexCell, ...]
    ) -> Iterator[tuple[tuple[LexCell, ...], list[str]]]:
        """A line of cells, cut before each row label that follows numbers where it holds
        several rows (web page text kept on one line: ``规章 0 0 0 行政规范性文件 1 0 3``).
        Text after numbers that is no row label stays (a cell written in words,
        ``规章 15 五 34``, is that row's cell), unless it is followed by numbers where the
        numbers before it fill a row (:meth:`_next_label`). Each comes with its cells'
        kinds."""
        kinds = list(map(_kind, line))
        if "FRAG" not in kinds[_first_number(kinds) :]:
            yield line, kinds  # the usual line: one row, or none (no text after numbers)
            return
        start = 0
        number = 0 if kinds[0] in _NUMBERS else -1  # the last number's place so far
        unknown = False  # the piece begins at a label no format knows: its rows' own width
        index = 1
        while index < len(line):
            if (
                line[index].kind == "FRAG"
                and line[index - 1].kind in _IN_RUN
                # numbers before it, not only empty cells: a line's first cells left
                # blank by a group label's merged cell above (``\t（四）无法提供\t1.…``)
                # are its own label columns, not the end of the row before
                and number >= start
            ):
                stop = index
                while stop < len(line) and line[stop].kind == "FRAG":
                    stop += 1
                known = self._has_label(line[index:stop])
                if known or self._next_label(line, kinds, start, stop, 1 if unknown else None):
                    yield line[start:index], kinds[start:index]
                    start = index
                    unknown = not known
                index = stop
                continue
            if kinds[index] in _NUMBERS:
                number = index
            index += 1
        yield (line[start:], kinds[start:]) if start else (line, kinds)

    def _next_label(
        self,
        line: tuple[LexCell, ...],
        kinds: list[str],
        start: int,
        stop: int,
        width: int | None,
    ) -> bool:
        """Whether the text that ends at ``stop``, after numbers that began at ``start``,
        is no cell of their row but what follows it: those numbers fill a row (of
        ``width`` numbers, or of the table being read; one, in a table no format knows),
        and the text is the label of numbers after it, or ends the line. So the rows of a
        table the report adds after the format's are rows in web page text (``行政事业性
        收费 0 政府网站发布信息 1234 政务微博发布信息 56``), and a group label the format
        words otherwise, before a line cut at its first row (``… 292 三、办理结果`` /
        ``(一) 予以公开 …``), is read as text on a line of its own would be. A row's
        numbers run together (``四、结转下年度继续办理 93143121``) fill it where the run
        has a digit for each of its cells, in a table of more than _NARROW columns (in a
        narrow one, ``规章 150 五 34`` may be a row with a cell written in words)."""
        if stop < len(kinds) and kinds[stop] not in _NUMBERS:
            return False
        if width is None:
            spec = self.tables[-1].spec
            width = len(spec.columns) if spec is not None else 1
        numbers = kinds[start:stop]
        values = numbers.count("VALUE")
        if "MORE" in numbers or values >= width:
            return True
        if values != 1 or width <= _NARROW:
            return False
        run = line[start + numbers.index("VALUE")].text
        return run.isdigit() and len(run) >= width

    def _numbers(
        self,
        pre: list[LexCell],
        values: list[LexCell] | RowLine,
        buffer: list[LexCell],
        current: _RowDraft | None,
        blanks: list[LexCell],
    ) -> _RowDraft:
        """The row a line's numbers (its cells, or a row line's) belong to: a new row
        when text stands before them (``pre`` on their line, ``buffer`` since the last
        numbers), else the rest of the row being read if it needs more, else a row of
        their own. A new row keeps the empty cells on lines of their own just before
        the numbers' line, and those on it (``blanks``; a row line's are in its label)."""
        if pre or buffer:
            label = buffer + pre
            frags = self._completed(label)
            draft = None
            if frags is label:  # the usual row
                draft = self._start_row(label, values, pre)
            elif frags:  # what is left after the end of the row before
                on_line = [t for t in pre if _start(t) >= _start(frags[0])]
                draft = self._start_row(frags, values, on_line)
            if draft is not None:
                if blanks:
                    draft.blanks = blanks
                return draft
        if current is not None and current.needs_more():
            current.cells().extend(_value_cells(values))
            return current
        return self._orphan(values)

    def _completed(self, frags: list[LexCell]) -> list[LexCell]:
        """The text since a row's numbers (``frags`` itself when nothing is taken),
        less the end of that row's label if it begins with it. A PDF's table read by
        lines has a wrapped label's numbers beside its middle or its first line
        (``1.本机关不掌握相关政`` / ``2 6 4 4 5 9 30`` / ``府信息``). The row before, whose
        label no format knows, is the format's row whose label ends its label text and
        the text's first cells begin, ending where a cell ends. Headers may stand before
        the label, and rows of a shorter label it holds (``（二）部分公开``) that took no
        numbers."""
        table = self.tables[-1]
        previous = table.rows[-1] if table.rows else None
        if not frags or previous is None or previous.row is not None:
            return frags
        if previous.run is None and not previous.tokens:
            return frags  # (a row with numbers only is read so)
        found = self._completion(frags, previous)
        # the table's header repeated between the two parts of the label, at the top of
        # the page where a row broke across pages; or pieces of a group label beside its
        # rows, before the label's next line (``（六）其他 1.申请人无正当理由逾期不补 6 8 …``
        # / ``处理 正、行政机关不再处理其政府信``: a table laid out by columns)
        for without in (self._without_header, self._without_group_pieces):
            if found is not None:
                break
            split = without(frags)
            if split is not None:
                found = self._completion(split[0], previous)
                if found is not None:
                    self._keep_texts(split[1], [])
        return frags if found is None else found

    def _completion(self, frags: list[LexCell], previous: _RowDraft) -> list[LexCell] | None:
        """:meth:`_completed`'s reading: what is left of ``frags`` after the end of the
        label of ``previous``, the last row, or None where they do not complete it."""
        table = self.tables[-1]
        first = len(table.rows) - 1
        while first and _label_only(table.rows[first - 1]):
            first -= 1
        labels = [r.label for r in table.rows[first:] if r.label]
        if not labels:
            return None
        # the label's text runs to where its numbers begin (past the text no format knows
        # that a group label's piece left before it: ``办理结果 （二）部分公开（区分处理的，``)
        end = previous.run.start if previous.run else _start(previous.tokens[0])
        start = min(s for s, _ in labels)
        head, head_offsets = paragraph_key(self.loc.canonical[start:end], start)
        found = self._completion_of(head, head_offsets, frags, previous, first, labels, end)
        if found is None:
            # a group label's piece on a line of the label before its numbers (``（六）其他
            # 1.申请人无正当理由逾期不补`` / ``处理 正、行政机关不再处理其政府信 6 8 …`` /
            # ``息公开申请``)
            words = [
                LexCell("FRAG", m.group(), m.start(), m.end())
                for m in _WORD.finditer(self.loc.canonical, start, end)
            ]
            split = self._without_group_pieces(words)
            if split is not None:
                head, head_offsets = _join_keys(split[0])
                found = self._completion_of(head, head_offsets, frags, previous, first, labels, end)
        return found

    def _completion_of(
        self,
        head: str,
        head_offsets: KeyOffsets,
        frags: list[LexCell],
        previous: _RowDraft,
        first: int,
        labels: list[tuple[int, int]],
        end: int,
    ) -> list[LexCell] | None:
        """:meth:`_completion` with the label text before the numbers keyed as ``head``."""
        table = self.tables[-1]
        text, offsets = _join_keys(frags)
        for at, stop, row, spec in self.matcher.find(head + text):
            if at >= len(head) or stop <= len(head) or row.group or spec is not previous.spec:
                continue
            _, cut = _label_range(offsets, 0, stop - len(head), self.loc.canonical)
            if any(_start(t) < cut < _end(t) for t in frags):
                continue  # the label would end inside a cell
            begins = head_offsets[at]
            kept = [r for r in table.rows[first:-1] if r.label and r.label[1] <= begins]
            table.rows[first:-1] = kept
            if previous.label and previous.label[0] < begins and len(labels) == 1:
                table.texts.extend(_trimmed(self.loc.canonical, previous.label[0], begins))
            table.read_as(previous, row)
            previous.label = (begins, _trimmed(self.loc.canonical, begins, end)[0][1])
            return [t for t in frags if _start(t) >= cut]
        return None

    def _header(self) -> str:
        """The key of the table's header: the text no label took before its first row,
        and that row's own label text where no format knows it (the label of a first
        row broken at the foot of a page takes the header above it in). "" before any
        row, or where the first row has no label."""
        table = self.tables[-1]
        if table.header is not None:
            return table.header
        if not table.rows:
            return ""
        first = table.rows[0]
        header = ""
        if first.label is not None:
            canonical = self.loc.canonical
            start, end = first.label
            spans = [(s, e) for s, e in table.texts if e <= start]
            if first.row is None:
                spans.append((start, end))
            header = "".join(key_runs(canonical[s:e])[0] for s, e in spans)
        table.header = header if len(header) <= _HEADER_CHARS else ""
        return table.header

    def _without_header(self, frags: list[LexCell]) -> tuple[list[LexCell], list[LexCell]] | None:
        """The cells of ``frags`` less the table's header repeated among them, and the
        header's cells; None where it does not stand there or is all there is."""
        run = self._header_run(frags)
        if run is None or run == (0, len(frags)):
            return None
        return [*frags[: run[0]], *frags[run[1] :]], frags[run[0] : run[1]]

    def _without_group_pieces(
        self, frags: list[LexCell]
    ) -> tuple[list[LexCell], list[LexCell]] | None:
        """The cells of ``frags`` less those that are pieces of a group label, and those
        pieces; None where there are none, or nothing else. A group label stands in a
        cell merged down beside its rows, centred: read by lines, its lines fall among
        theirs, around a wrapped row label or its numbers (``三、本年度办理`` / ``8.属于
        行政查询事项`` / ``结果`` / ``905 999 …``). A piece is a cell with at least two key
        characters, all found together in one group label of the table."""
        spec = self.tables[-1].spec
        if spec is None:
            return None
        groups = spec.group_keys
        if not groups:
            return None
        pieces = {
            t.start
            for t in frags
            if len(key := key_runs(t.text)[0]) >= _PIECE_MIN and any(key in g for g in groups)
        }
        if not pieces or len(pieces) == len(frags):
            return None
        return [t for t in frags if t.start not in pieces], [t for t in frags if t.start in pieces]

    def _header_run(self, frags: list[LexCell]) -> tuple[int, int] | None:
        """Where the table's header stands again among ``frags``, a label text's cells,
        as the cells ``i:j`` whose key runs through part of it, if any. A word
        processor repeats a table's first rows at the top of every page it runs onto
        (a heading row), and a row that breaks across the pages has them inside its
        label. Only a run of at least ``_HEADER_MIN`` key characters counts. Before the
        table's first row, the header is what the label text itself began with, and a
        run counts where it stood earlier in the text (the first row broken)."""
        # the cells with key text (the others, punctuation, go with the run they are in)
        keyed = [(i, k) for i, k in ((i, key_runs(t.text)[0]) for i, t in enumerate(frags)) if k]
        own = not self.tables[-1].rows
        header = "".join(k for _, k in keyed)[:_HEADER_CHARS] if own else self._header()
        if len(header) < _HEADER_MIN:
            return None
        offset = 0  # where the cell's key begins in the label text's
        for n, (first, key) in enumerate(keyed):
            limit = min(offset, len(header)) if own else len(header)
            offset += len(key)
            # the shortest run from this cell with enough text, looked for once: each cell
            # costs one search of the header, whatever the text around it
            text, m = key, n + 1
            while len(text) < _HEADER_MIN and m < len(keyed):
                text += keyed[m][1]
                m += 1
            if len(text) < _HEADER_MIN:
                return None  # (nor has any later run)
            at = header.find(text, 0, limit)
            if at < 0:
                continue
            reach = at + len(text)
            while m < len(keyed) and header.startswith(keyed[m][1], reach, limit):
                reach += len(keyed[m][1])
                m += 1
            return first, keyed[m - 1][0] + 1
        return None

    def _has_label(self, frags: Sequence[LexCell]) -> bool:
        """Whether a row label stands in the text of ``frags``, or the text is a label a
        few edits from one of this table's rows not read yet."""
        texts = _rememberable(frags)  # the key alone: no offsets are needed
        key = _remembered_key(texts)[0] if texts is not None else _join_keys(frags)[0]
        if self.matcher.find(key):
            return True
        table = self.tables[-1]
        if table.spec is None:
            return False
        near = self._near(key, table.spec)
        return near is not None and all(r.row is not near for r in table.rows)

    def _match(
        self, frags: list[LexCell]
    ) -> tuple[tuple[tuple[int, int, RowSpec, TableSpec], ...], str, KeyOffsets]:
        text, offsets = _join_keys(frags)
        return self.matcher.find(text), text, offsets

    def _start_row(
        self, frags: list[LexCell], values: list[LexCell] | RowLine, pre: list[LexCell]
    ) -> _RowDraft:
        """Start a row: the label text of ``frags`` (all text cells since the last row's
        numbers, ``pre`` of them on the line of ``values``) read for row labels. Label
        texts recur cut the same way report after report: how one reads when it ends in
        a row label (:class:`_Plan`) is remembered by its text and its cells' places.
        Where none ends it, it is read again without the table's header repeated inside
        it (a row broken across pages under a repeated header)."""
        layout = _layout(frags, self.loc.canonical)
        if layout is not None:
            plan = self.matcher.readings.get(layout)
            if plan is not None:
                return self._follow(plan, frags, values)
        reading = self._reading(frags, values, pre)
        if reading.final is None:
            for without in (self._without_header, self._without_group_pieces):
                split = without(frags)
                if split is None:
                    continue
                kept = {t.start for t in split[0]}
                cleared = self._reading(split[0], values, [t for t in pre if t.start in kept])
                if cleared.final is not None:
                    self._keep_texts(split[1], [])
                    reading = cleared._replace(remember=False)  # (read from part of it)
                    break
        matches, final, offsets, frags, values, remember = reading
        if final is not None:
            plan = _plan(matches, final, offsets, frags, self.loc.canonical)
            if layout is not None and remember:
                _remember_plan(self.matcher, layout, plan)
            return self._follow(plan, frags, values)
        used = [_label_range(offsets, at, end, self.loc.canonical) for at, end, _, _ in matches]
        for span, (_, _, row, table) in zip(used, matches, strict=True):
            if not row.group:
                self._add_row(_RowDraft(table, row, span, continuable=False))
        label = self._unknown_label(frags, used)
        table_draft = self.tables[-1]
        anon = table_draft.anonymous_row_due()
        if label is not None:
            used.append(label)
        if anon is not None:
            # the one unlabelled row of its table (table 四): the text is its header
            draft = _RowDraft(table_draft.spec, anon, None, values)
        else:
            if label is not None and self._after_its_table(table_draft, label, values, frags, used):
                self.tables.append(_TableDraft(None, self.template, None, own=True))
            draft = _RowDraft(self.tables[-1].spec, None, label, values)
        self._add_row(draft)
        self._keep_texts(frags, used)
        return draft

    def _reading(
        self, frags: list[LexCell], values: list[LexCell] | RowLine, pre: list[LexCell]
    ) -> _Reading:
        """How the label text of ``frags`` reads: its row labels, and which of them the
        numbers that follow belong to, if a row label ends it (see :meth:`_start_row`)."""
        matches, text, offsets = self._match(frags)
        remember = True
        final = None
        if matches and (matches[-1][1] == len(text) or _LABEL_END.fullmatch(text, matches[-1][1])):
            final = _final(matches)
        if final is not None and matches[final][2].group:
            # group labels only: the numbers are those of the text they leave, if any
            used = [_label_range(offsets, a, e, self.loc.canonical) for a, e, _, _ in matches]
            if self._unknown_label(frags, used) is not None:
                final = None
        if final is None and matches:
            # "规章 若干 3 4": text after the label, on the value line, that fills exactly
            # the columns the numbers leave is a cell that holds text, not label text.
            _, end, _, table = matches[-1]
            stop = offsets[end - 1] + 1
            after = [t for t in frags if _start(t) >= stop]
            numbers = (
                len(values.numbers)
                if isinstance(values, RowLine)
                else sum(1 for t in values if t.kind != "EMPTY")
            )
            # (text cells are told apart by where they start: no two share an offset)
            on_value_line = {t.start for t in pre}
            if (
                after
                and all(t.start in on_value_line for t in after)
                and "".join(key_runs(t.text)[0] for t in after) == text[end:]
                and numbers + len(after) == len(table.columns)
            ):
                final = len(matches) - 1
                values = [*after, *_value_cells(values)]
                moved = {t.start for t in after}
                frags = [t for t in frags if t.start not in moved]
                remember = False  # (a reading that depends on the numbers)
        if final is None and any(match[2].group for match in matches):
            # a group label, centred beside its rows, inside a row's label where a table
            # without ruling lines is read by lines ("3.补正后申请内容仍不" / "（四）无法提供
            # 明确 1 9 8"): the label text read without the group labels
            found = self._without_groups(matches, text, offsets)
            if found is not None:
                matches, offsets = found
                final = _final(matches)
        return _Reading(matches, final, offsets, frags, values, remember)

    def _without_groups(
        self,
        matches: tuple[tuple[int, int, RowSpec, TableSpec], ...],
        text: str,
        offsets: KeyOffsets,
    ) -> tuple[tuple[tuple[int, int, RowSpec, TableSpec], ...], KeyOffsets] | None:
        """The row labels of a label text (``text``, its key, with ``offsets``) read
        without the group labels ``matches`` found in it, and their offsets, if they
        end the text; else None."""
        kept: list[int] = []  # positions of the key outside group labels
        position = 0
        for at, end, row, _ in matches:
            if row.group:
                kept.extend(range(position, at))
                position = end
        kept.extend(range(position, len(text)))
        rest = "".join(text[k] for k in kept)
        found = self.matcher.find(rest)
        if not found or found[-1][1] != len(rest) or found[-1][2].group:
            return None
        return found, KeyOffsets(list(range(len(kept))), [offsets[k] for k in kept])

    def _follow(
        self, plan: _Plan, frags: list[LexCell], values: list[LexCell] | RowLine
    ) -> _RowDraft:
        """Start a row as ``plan`` reads the label text of ``frags`` (at offsets from
        their first cell): the rows of labels before it with no numbers, then the row."""
        base = frags[0].start
        for row, table, start, end in plan.rows:
            self._add_row(_RowDraft(table, row, (base + start, base + end), continuable=False))
        row, table, start, end = plan.final
        draft = _RowDraft(table, row, (base + start, base + end), values)
        self._add_row(draft)
        table_draft = self.tables[-1]
        table_draft.touch(base, frags[-1].end)
        table_draft.texts.extend([(base + s, base + e) for s, e in plan.texts])
        return draft

    def _page_numbers(
        self, table: _TableDraft, spec: TableSpec, unknown: list[_RowDraft]
    ) -> list[_RowDraft]:
        """``unknown`` (rows whose label no format knows) less those that are a page
        number a PDF's conversion left in a table of several columns: one number of three
        digits at most, alone on its line, after text no label took (its header, in the
        table's first lines). No row of such a table is so; the text is the table's, and
        the number a row without a label (GI901 says it may be a page number)."""
        if len(spec.columns) < 2:
            return unknown
        kept = []
        for draft in unknown:
            if draft.label is not None and self._is_page_number(draft):
                bisect.insort(table.texts, draft.label)
                draft.label = None
            else:
                kept.append(draft)
        return kept

    def _is_page_number(self, draft: _RowDraft) -> bool:
        """Whether ``draft``'s values are one small number alone on its line."""
        number = _lone_number(draft)
        if number is None or draft.blanks:
            return False
        canonical = self.loc.canonical
        first = canonical.rfind("\n", 0, number[0]) + 1
        last = canonical.find("\n", number[1])
        return is_page_number(canonical[first : last if last >= 0 else None].strip(_CELL_EDGES))

    def _read_near_labels(
        self, table: _TableDraft, spec: TableSpec, unknown: list[_RowDraft]
    ) -> None:
        """Rows whose label no format knows, read as the row of the table their label is
        a few edits from, where that row is not read (GI109 says so). Looked for once
        the table is read, when every wrapped label is whole: the whole label, else its
        last cell or word alone where that starts with an ordinal (the header above it,
        in a table of tab cells or in web page text, runs into it; a piece of a label
        broken by a page's foot has none)."""
        if not unknown:
            return
        taken = {id(r.row) for r in table.rows if r.row is not None}
        # (more labels no format knows than the table has rows is no retyped table: a
        # data dump's labels are not each compared with every row)
        for draft in unknown[: len(spec.rows)]:
            assert draft.label is not None
            found = self._near_reading(draft.label, spec, taken)
            if found is not None:
                taken.add(id(found[0]))
                table.read_as(draft, found[0])
                draft.label, draft.near = found[1], True
        for draft in unknown[: len(spec.rows)]:
            if draft.row is None:
                placed = self._row_in_place(table, spec, draft, taken)
                if placed is not None:
                    taken.add(id(placed[0]))
                    table.read_as(draft, placed[0])
                    draft.label, draft.near = placed[1], True

    def _row_in_place(
        self, table: _TableDraft, spec: TableSpec, draft: _RowDraft, taken: AbstractSet[int]
    ) -> tuple[RowSpec, tuple[int, int]] | None:
        """The row ``draft`` (a label no format knows) stands in the place of: the one row
        of ``spec`` not read between the rows read before and after it, where no other
        such label stands between them, and its label (whole, or its last cell or word:
        :meth:`_label_pieces`) is that row's a character or so off
        (:func:`gilint.near_labels.in_its_place`); and the label as that row's."""
        drafts = table.rows
        here = drafts.index(draft)
        # the rows read before and after it (their indexes in drafts; -1, len: none)
        above = next((i for i in range(here - 1, -1, -1) if drafts[i].row is not None), -1)
        below = next(
            (i for i in range(here + 1, len(drafts)) if drafts[i].row is not None), len(drafts)
        )
        if any(d.row is None and d.label for d in drafts[above + 1 : below] if d is not draft):
            return None  # (which label is which row, the order alone does not tell)
        rows = spec.data_rows
        place = {id(r): i for i, r in enumerate(rows)}
        first = place.get(id(drafts[above].row), -2) + 1 if above >= 0 else 0
        last = place.get(id(drafts[below].row), -1) if below < len(drafts) else len(rows)
        if first < 0 or last < first:
            return None  # (rows read out of the format's order, or of another table)
        left = [r for r in rows[first:last] if id(r) not in taken]
        if len(left) != 1:
            return None
        assert draft.label is not None
        for piece in self._label_pieces(draft.label):
            if in_its_place(compact_key(self.loc.canonical[piece[0] : piece[1]]), left[0]):
                return left[0], piece
        return None

    def _label_pieces(self, label: tuple[int, int]) -> Iterator[tuple[int, int]]:
        """A label no format knows as compared with a row's: whole, then its last cell or
        word alone (the header above it, in a table of tab cells or in web page text,
        runs into it), each no longer than a label."""
        start, end = label
        body = self.loc.canonical[start:end]
        last = max(map(body.rfind, "\t| \n")) + 1  # (where its last cell or word starts)
        for at in dict.fromkeys((start, start + last)):
            if end - at <= _MAX_NEAR_LABEL:
                yield at, end

    def _near_reading(
        self, label: tuple[int, int], spec: TableSpec, taken: AbstractSet[int]
    ) -> tuple[RowSpec, tuple[int, int]] | None:
        """The row of ``spec``, not one of ``taken`` (their ``id``), that a label no
        format knows is a few edits from, and the label as that row's (see
        :meth:`_read_near_labels`)."""
        for at, end in self._label_pieces(label):
            label_key = compact_key(self.loc.canonical[at:end])
            if at != label[0] and strip_enumeration(label_key) == label_key:
                continue  # (a last piece without an ordinal)
            near = self._near(label_key, spec)
            if near is not None and id(near) not in taken:
                return near, (at, end)
        return None

    def _after_its_table(
        self,
        table: _TableDraft,
        label: tuple[int, int],
        values: list[LexCell] | RowLine,
        frags: list[LexCell],
        used: list[tuple[int, int]],
    ) -> bool:
        """Whether a row whose label no format knows, with numbers, is the first of a
        table the report adds after a format's (其他主动公开情况, 申请方式): it follows its
        table's last row, its label is no row of that table a few edits off, and it has
        a header of its own above it (text before its label that no label took, or a
        line of cells at the label's start: a wrapped label's line is one cell) or
        another number of cells than the table's rows. A row such as the table's
        (行政检查 after 行政强制, one number) is a row the format does not name."""
        spec = table.spec
        if spec is None or table.own or not table.ended:
            return False
        if self._near_reading(label, spec, frozenset()) is not None:
            return False
        cells = len(values.numbers) if isinstance(values, RowLine) else len(values)
        headed = any(_end(t) <= label[0] for t in _untaken(frags, used)) or any(
            len(_CELL_BREAK.split(line.strip(" \t|"))) > 1
            for line in self.loc.canonical[label[0] : label[1]].split("\n")[:-1]
        )
        return headed or cells != len(spec.columns)

    def _near(self, label_key: str, spec: TableSpec) -> RowSpec | None:
        """The row of ``spec`` that ``label_key`` is a few edits from
        (:func:`gilint.near_labels.near_row`), if one is."""
        if not label_key:
            return None
        memo = self.matcher.readings  # (label texts recur: what they are near is kept)
        found: RowSpec | bool | None = memo.get(("near", spec.id, label_key), False)
        if found is False:
            if len(memo) >= _PLANS:
                memo.clear()
            compared = memo.get(("near", spec.id))
            if compared is None:
                compared = memo[("near", spec.id)] = candidates(spec.rows)
            found = near_row(label_key, compared)
            memo[("near", spec.id, label_key)] = found
        return found if isinstance(found, RowSpec) else None

    def _unknown_label(
        self, frags: list[LexCell], used: list[tuple[int, int]]
    ) -> tuple[int, int] | None:
        """The label of a row no template knows: the text on the lines just above its
        numbers, back to the first gap, that no other label has taken."""
        free = _untaken(frags, used)
        if not free:
            return None
        first = len(free) - 1  # walking back from the last free cell
        line = self.loc.line(_start(free[first]))
        while first > 0:
            above = self.loc.line(_end(free[first - 1]))
            if line - above > 1:
                break
            first -= 1
            line = self.loc.line(_start(free[first]))
        return _start(free[first]), _end(free[-1])

    def _orphan(self, values: list[LexCell] | RowLine) -> _RowDraft:
        table = self.tables[-1]
        anon = table.anonymous_row_due()
        if anon is not None:
            draft = _RowDraft(table.spec, anon, None, values)
        else:
            draft = _RowDraft(table.spec, None, None, values)
        self._add_row(draft)
        return draft

    def _trailing(self, frags: list[LexCell]) -> None:
        """Labels after the last numbers: rows whose numbers are all missing. But a
        placeholder after the header of a table whose row has no label (table 四), its
        row not yet read, is that row: one "无" merged over the row, copied as text (a
        lone "无" is text elsewhere: a label written a character a line, a part that
        says "无" instead of drawing its table)."""
        if len(frags) > 1 and self._row_of_none(frags[-1]):
            self._numbers([], [frags[-1]._replace(kind="VALUE")], frags[:-1], None, [])
            return
        frags = self._completed(frags)
        if not frags:
            return
        matches, _, offsets = self._match(frags)
        used = []
        for at, end, row, table in matches:
            span = _label_range(offsets, at, end, self.loc.canonical)
            used.append(span)
            if not row.group and row.label is not None:
                self._add_row(_RowDraft(table, row, span, continuable=False))
        self._keep_texts(frags, used)

    def _row_of_none(self, cell: LexCell) -> bool:
        """Whether ``cell`` says "none" where its table's unlabelled row is still due."""
        return stands_for_none(cell.text) and self.tables[-1].anonymous_row_due() is not None

    def _add_row(self, draft: _RowDraft) -> None:
        """Add a row; a row of another table than the current one starts that table."""
        table = self.tables[-1]
        if draft.spec is not None and draft.spec is not table.spec:
            if table.spec is None and not table.own:
                table.spec = draft.spec
            else:
                table = _TableDraft(draft.spec, self.template, None)
                self.tables.append(table)
        draft.spec = table.spec
        table.rows.append(draft)
        table.read_as(draft, draft.row)
        if draft.label:
            table.touch(*draft.label)
        if draft.run is not None:
            table.touch(draft.run.start, draft.run.end)
        elif draft.tokens:
            table.touch(_start(draft.tokens[0]), _end(draft.tokens[-1]))

    def _keep_texts(self, frags: list[LexCell], used: list[tuple[int, int]]) -> None:
        """Text of the buffer that no row label took: headers, group labels, debris."""
        if not frags:
            return
        table = self.tables[-1]
        table.touch(frags[0].start, frags[-1].end)  # cells are in text order
        table.texts.extend(_free_texts(frags, used))

    # -- finishing --------------------------------------------------------------------

    def _finish(self, draft: _TableDraft) -> Table:
        loc = self.loc
        spec = draft.spec
        if spec is not None:
            unknown = [d for d in draft.rows if d.row is None and d.label is not None]
            if unknown:  # (the usual table has none)
                self._read_near_labels(draft, spec, self._page_numbers(draft, spec, unknown))
        seen: set[str] = set()
        twice: set[str] = set()
        rows: list[Row] = []
        chosen: dict[int, tuple[Split, ...]] = {}  # row index: the ways it may be read
        for index, row in enumerate(draft.rows):
            duplicate = row.row is not None and row.row.id in seen
            if row.row is not None:
                (twice if duplicate else seen).add(row.row.id)
            finished, ways = self._finish_row(row, draft, duplicate)
            rows.append(finished)
            if ways is not None:
                chosen[index] = ways
        if chosen and spec is not None:
            if any(not ways for ways in chosen.values()):
                self._doubt(draft, rows, chosen)
            else:
                self._settle(draft, rows, {i: w for i, w in chosen.items() if len(w) > 1}, twice)
        missing: tuple[str, ...] = ()
        if spec is not None:
            missing = tuple(r.id for r in spec.data_rows if r.id not in seen)
        first = draft.first if draft.first is not None else 0
        last = draft.last if draft.last is not None else first
        caption = None
        if draft.caption is not None:
            cspan = loc.span(_start(draft.caption), _end(draft.caption))
            caption = TextPiece(loc.text(cspan), cspan)
        span = loc.span(first, last)
        return Table(
            id=spec.id if spec else None,
            template=draft.template.id if (spec and draft.template) else None,
            title=spec.title if spec else "",
            span=span,
            rows=tuple(rows),
            missing=missing,
            caption=caption,
            evidence=tuple(e for e in self.chunk.evidence if span.start <= e.span.start < span.end),
            display=spec.display_name if spec else None,
            build_texts=functools.partial(_text_pieces, loc, tuple(draft.texts)),
        )

    def _doubt(
        self, draft: _TableDraft, rows: list[Row], chosen: dict[int, tuple[Split, ...]]
    ) -> None:
        """Unread, in ``rows``, the rows read from a split of their spaced or run-together
        numbers, in whole or in part, where another row of the table fits no split:
        its total is wrong or blank, and where a table leaves its totals blank, a row's
        last number may equal the sum of the others by chance (``0 1 0 0 1`` with no 总计
        reads as parts and a total of 1)."""
        for index, ways in chosen.items():
            if ways and (len(ways) == 1 or rows[index].reading is Reading.PARTIAL):
                row = rows[index]
                rows[index], _ = self._finish_row(
                    draft.rows[index], draft, row.duplicate, trusted=False
                )

    def _settle(
        self,
        draft: _TableDraft,
        rows: list[Row],
        open_rows: dict[int, tuple[Split, ...]],
        twice: set[str],
    ) -> None:
        """Read again, in ``rows``, the rows the table's identities down its columns
        settle (:func:`settled_splits`): rows of run-together numbers, unread until then,
        and rows whose blank cells their own sums placed only over ways that leave the
        total blank (:func:`_blanks_placed`), read their preferred way until then. Those
        keep it where the table's columns add up with it; a row id that stands twice in
        the table settles nothing and checks nothing."""
        assert draft.spec is not None
        by_id = {
            row_id: i
            for i in open_rows
            if (row_id := rows[i].id) is not None and row_id not in twice
        }
        read = {
            row.id: row.numbers
            for i, row in enumerate(rows)
            if row.id is not None
            and row.id not in twice
            and row.reading is not Reading.UNREAD
            and i not in open_rows
        }
        placed = {
            r for r, i in by_id.items() if rows[i].reading in (Reading.EXACT, Reading.REPAIRED)
        }
        if placed:
            preferred = {r: open_rows[by_id[r]][:1] for r in placed}
            if len(settled_splits(draft.spec, preferred, read, self.budget)) == len(placed):
                # the columns add up with each row as its own sums placed its blanks
                by_id = {r: i for r, i in by_id.items() if r not in placed}
        if not by_id:
            return
        settled = settled_splits(
            draft.spec, {r: open_rows[i] for r, i in by_id.items()}, read, self.budget
        )
        for row_id, split in settled.items():
            index = by_id[row_id]
            rows[index], _ = self._finish_row(draft.rows[index], draft, False, split)

    def _finish_row(
        self,
        draft: _RowDraft,
        table: _TableDraft,
        duplicate: bool,
        settled: Split | None = None,
        trusted: bool = True,
    ) -> tuple[Row, tuple[Split, ...] | None]:
        """The row, and the ways its table may choose among or doubt (``settled``: the one
        its table's identities settle; not ``trusted``: a split its table doubts): how
        its numbers split where they ran together or lost their blank cells (``()``:
        no way fits), or where its blank cells stand where its own identities prefer a
        way only over one that leaves the total blank; None where there is no choice."""
        loc = self.loc
        ways: tuple[Split, ...] | None = None
        spec = table.spec
        label = draft.label
        label_span = loc.span(*label) if label else None
        columns = spec.columns if spec else ()
        width = len(columns)
        row_id = draft.row.id if draft.row else None
        reading, repair = Reading.EXACT, None
        unfit = False  # a short row no split fits (its own sums fail, or its total is blank)
        extra: tuple[Cell, ...] = ()
        extra_count = 0
        statuses: tuple[CellStatus, ...]
        values: tuple[Number | None, ...]
        run = draft.run
        placed: tuple[LexCell, ...] | RowLine  # the cells in columns, or the row line
        if run is not None and width and len(run.numbers) == width:
            # the usual row: a row line with a number for every column
            if label:
                row_span = loc.span(min(label[0], run.start), max(label[1], run.end))
            else:
                row_span = loc.span(run.start, run.end)
            statuses, values = _read_texts(run.numbers, columns, spec)
            placed = run
        else:
            tokens = draft.cells()
            if (
                _one_none(tokens)
                and width > 1
                and draft.row is not None
                and draft.row.label is None  # (the table's unlabelled row)
                and not self._blank_ends(tokens, table)
            ):
                # table 四's row of one "无" or "0" and nothing else: one cell merged over
                # the row (a labelled row of one number is short, or its other cells blank)
                tokens = tokens * width
                reading = Reading.REPAIRED
                said = tokens[0].text
                repair = f"本行只有一个“{said}”，按合并单元格读作各栏均为“{said}”"
            if (
                spec is not None
                and row_id is not None
                and tokens
                and (len(tokens) < width or tokens[-1].kind == "EMPTY")
            ):
                after = self._blank_ends(tokens, table)
                found = None
                if draft.blanks or after:
                    written = self._ends_written(tokens, after)
                    found, contested = _blanks_placed(
                        tokens, draft.blanks, after, spec, settled, written
                    )
                    ways = contested or None
                if found is not None:
                    tokens, repair = found
                    reading = Reading.REPAIRED
                elif after:  # read as written: the tabs after its numbers are its cells
                    tokens = [*tokens, *after]
            if not tokens and label and spec is not None and row_id is not None:
                tokens = self._blank_row(label, table, width)
            if tokens and tokens[-1].kind == "EMPTY":
                # trailing empty cells count only where the row would otherwise fall short
                kept = list(tokens)
                trailing: list[LexCell] = []
                while kept and kept[-1].kind == "EMPTY":
                    trailing.insert(0, kept.pop())
                if len(kept) < width:
                    kept.extend(trailing[: width - len(kept)])
                tokens = kept
            if spec is not None and row_id is not None and len(tokens) < width:
                tokens, reading, repair, ways = self._short_row(
                    tokens, spec, label, duplicate, settled, trusted
                )
                unfit = ways == ()
            if label and tokens:  # cells are in text order
                row_span = loc.span(min(label[0], tokens[0].start), max(label[1], tokens[-1].end))
            elif label:
                row_span = loc.span(*label)
            elif tokens:
                row_span = loc.span(tokens[0].start, tokens[-1].end)
            else:
                row_span = loc.span(0, 0)
            placed = tuple(tokens[:width])
            if reading is Reading.UNREAD:
                placed = ()
                statuses = (CellStatus.UNREAD,) * width
                values = (None,) * width
            else:
                statuses, values = _read_row(placed, columns, spec)
            if len(tokens) > width:
                surplus = [tok for tok in tokens[width:] if tok.kind != "EMPTY"]
                extra = tuple(
                    _cell(loc, row_id, tok, None)
                    for tok in itertools.islice(
                        (tok for tok in surplus if tok.kind != "MORE"), MAX_EXTRA_CELLS
                    )
                )
                extra_count = sum(
                    surplus_count(tok.text) if tok.kind == "MORE" else 1 for tok in surplus
                )
        row = Row(
            id=row_id,
            label=loc.text(label_span) if label_span else None,
            label_span=label_span,
            span=row_span,
            columns=spec.column_ids if spec else (),
            statuses=statuses,
            values=values,
            extra=extra,
            extra_count=extra_count,
            duplicate=duplicate,
            template_label=draft.row.label if draft.row else None,
            near_label=draft.near,
            reading=reading,
            repair=repair,
            fits_no_split=unfit,
            build_cells=RowCells(
                loc,
                row_id,
                placed,
                columns,
                label_span or row_span,
                CellStatus.UNREAD if reading is Reading.UNREAD else CellStatus.MISSING,
            ),
        )
        return row, ways

    def _short_row(
        self,
        tokens: list[LexCell],
        spec: TableSpec,
        label: tuple[int, int] | None,
        duplicate: bool,
        settled: Split | None,
        trusted: bool,
    ) -> tuple[list[LexCell], Reading, str | None, tuple[Split, ...] | None]:
        """A row with fewer cells than columns. Where cells are separated (tabs, pipes,
        empty cells kept) the row really stops early: its cells are read as written and
        the rest are missing. Where only spaces separate them, a blank cell leaves no
        trace and numbers may have run together: the row is split when exactly one
        split, blank cells or not, fits its identities (or ``settled``, the one its
        table's identities leave); where several do, the cells they all agree on are
        read (a row of 自然人 and 总计 alone: its 总计) and the rest unread, or, where
        they agree on none, the row is unread. The ways that fit its own identities
        are returned (``()``: none; None where no split was tried) for its table to
        settle or doubt; a row its table doubts (not ``trusted``) is unread."""
        spans = [(t.start, t.end) for t in tokens] or ([label] if label else [])
        if any(t.kind == "EMPTY" for t in tokens) or (spans and self._separated(spans)):
            return tokens, Reading.EXACT, None, None
        width = len(spec.columns)
        if not tokens:
            return tokens, Reading.UNREAD, self._no_numbers(label), None
        written = " ".join(t.text for t in tokens)
        short = f"只读到 {len(tokens)} 个数（{written}），少于 {width} 列，又没有分隔符"
        if not trusted:
            return tokens, Reading.UNREAD, f"{short}，{_DOUBTED}", None
        texts = [t.text for t in tokens]
        ways: tuple[Split, ...] | None = None
        if settled is not None:
            ways = (settled,)
        # (a repeated row is never checked: no repair is spent on it)
        elif not duplicate and all(t.kind == "VALUE" for t in tokens):
            ways = row_splits(texts, spec, MAX_OPEN_SPLITS, self.budget)
        if ways and len(ways) > 1:
            agreed = _agreed_cells(tokens, ways)
            read = [
                column.label or column.id
                for cell, column in zip(agreed, spec.columns, strict=True)
                if cell.kind != "UNREAD"
            ]
            if read:
                named = "、".join(f"“{n}”" for n in read[:3]) + (
                    f"等 {len(read)} 列" if len(read) > 3 else ""
                )
                return (
                    agreed,
                    Reading.PARTIAL,
                    f"{short}，无法确定各属哪一列：各种拆分都一致的{named}已读出，"
                    f"其余 {width - len(read)} 列未读出",
                    ways,
                )
        if ways is None or len(ways) != 1:
            why = (
                "无论怎样拆分（空白单元格也算在内）都与本行的合计对不上"
                "（可能有数字填错，或合计一栏空白）"
                if ways == ()
                else "无法确定各属哪一列"
            )
            return tokens, Reading.UNREAD, f"{short}，{why}", ways
        (split,) = ways
        cells = _split_cells(tokens, split)
        shown = "、".join(piece or "空白" for piece in split)
        how = "本行及各列的合计关系" if settled is not None else "本行的合计关系"
        return cells, Reading.REPAIRED, f"“{written}”按{how}拆分为 {shown}", ways

    def _blank_ends(self, tokens: list[LexCell], table: _TableDraft) -> list[LexCell]:
        """Empty cells where the tabs after a row's last number stand, past those every
        line of its table ends with: tab text keeps no empty cell at a line's end, but
        its tabs stay (``…\t1\t1\t`` for a blank 总计, where the table's lines end
        without a tab). They may be its blank last cells, or padding (some converters
        pad a line whose label has fewer cells): :func:`_blanks_placed` weighs them."""
        if not tokens or tokens[-1].kind != "VALUE":
            return []
        end = tokens[-1].end
        tail = self._line_tail(end)
        if "\t" not in tail or tail.strip():
            return []
        return [LexCell("EMPTY", "", at, at) for at in self._tab_cells(end, tail, table)]

    def _ends_written(self, tokens: list[LexCell], after: list[LexCell]) -> bool:
        """Whether the empty cells after a row's numbers (among ``tokens``, and ``after``
        them) stand on its last number's line: cells its line writes, not the cells of
        a table a cell a line, which the row may share with the next row's label
        columns."""
        core = _text_end(tokens)
        tail = after or tokens[len(core) :]
        if not core or not tail:
            return False
        return self.loc.canonical.find("\n", core[-1].end, tail[-1].start) < 0

    def _blank_row(self, label: tuple[int, int], table: _TableDraft, width: int) -> list[LexCell]:
        """The cells of a row without numbers whose line holds them all, empty (``1.属于
        国家秘密\t\t\t…``, ``| 1.属于国家秘密 |  |  | … |``): a row left blank, where
        nothing happened. None where its line holds anything else, or fewer cells."""
        end = label[1]
        tail = self._line_tail(end)  # (blanks and separators only, or "")
        if tail.strip() == "|":  # a cell a line: its empty cells are the lines after it
            starts = self._empty_cell_lines(end + len(tail) + 1, width)
        elif not tail and self.loc.canonical.startswith("\n|", end):
            # a cell a line, each pipe on a line of its own (``1.属于国家秘密`` / ``|`` /
            # ``|`` …): the first pipe ends the label's cell, each after it an empty one
            starts = self._empty_cell_lines(end + 1, 2 * width + 1)[1:]
        elif "\t" in tail:
            starts = self._tab_cells(end, tail, table)
        else:
            pipes = [end + i + 1 for i, c in enumerate(tail) if c == "|"]
            starts = pipes[:-1]  # each pipe ends a cell: the label's, then the empty ones
        if len(starts) < width:
            return []
        return [LexCell("EMPTY", "", at, at) for at in starts[len(starts) - width :]]

    def _tab_cells(self, end: int, tail: str, table: _TableDraft) -> list[int]:
        """Where the cells begin that the tabs of ``tail`` (the text after ``end`` to its
        line's end) open, each after its tab, less the last ones every line of the
        table ends with (:meth:`_edge`)."""
        tabs = [end + i + 1 for i, c in enumerate(tail) if c == "\t"]
        return tabs[: len(tabs) - self._edge(table)]

    def _empty_cell_lines(self, at: int, most: int) -> list[int]:
        """Where each of the lines from ``at`` that is an empty cell (``|``) begins, up to
        ``most`` of them."""
        text = self.loc.canonical
        starts: list[int] = []
        while len(starts) < most and text.startswith("|", at):
            stop = text.find("\n", at)
            stop = len(text) if stop < 0 else stop
            if text[at:stop].strip() != "|":
                break
            starts.append(at)
            at = stop + 1
        return starts

    def _line_tail(self, end: int) -> str:
        """The text from ``end`` to the end of its line where it is only blanks and
        separators; "" where anything else follows. Only that text is looked at: on a
        line that holds a whole table (web text), each row looks no further than the
        next cell."""
        text = self.loc.canonical
        stop = _BLANK_RUN.match(text, end).end()  # type: ignore[union-attr]
        return text[end:stop] if stop == len(text) or text[stop] == "\n" else ""

    def _edge(self, table: _TableDraft) -> int:
        """The fewest tabs a tab line of the table ends with after its text (once a
        table): none where some line fills its last column, one where a converter ends
        every line with a tab. A line ending in as many numbers as the table has columns
        fills its last one for certain, so where there are such lines only they count: a
        header's line may end in a cell merged over its rows ("…申请人情况\t\t总计"),
        without the tab the converter put after every row."""
        if table.edge is None:
            text = self.loc.canonical
            first = table.first or 0
            last = table.last if table.last is not None else first
            lines = text[first : last + len(self._line_tail(last))]  # (the table's text)
            width = len(table.spec.columns) if table.spec is not None else 0
            ends: list[int] = []
            full: list[int] = []  # (the same, of the lines that end in a full row)
            for ln in lines.split("\n"):
                if "\t" in ln.strip():
                    ends.append(tabs := ln.count("\t", len(ln.rstrip())))
                    if width and _ends_in_numbers(ln, width):
                        full.append(tabs)
            table.edge = min(full or ends, default=0)
        return table.edge

    def _no_numbers(self, label: tuple[int, int] | None) -> str:
        """Why a row has no numbers: none at all, or its numbers written with a letter
        among them, the word after its label ("予以公开 7790O27", an OCR's O)."""
        after = self.loc.canonical[label[1] : label[1] + _WORD_REACH] if label else ""
        word = after.split("\n", 1)[0].split()[:1]
        if word and sum(c.isdigit() for c in word[0]) * 2 > len(word[0]):
            return f"“{word[0]}”不全是数字，无法读出"
        return "没有读到数字"

    def _separated(self, spans: list[tuple[int, int]]) -> bool:
        """Whether tabs or pipes separate the row's cells: between its numbers, or just
        before or after them (a row of one number; the label's span when it has none).
        Only the row's own text is looked at: a megabyte line of rows stays linear."""
        text = self.loc.canonical
        for (_, end), (start, _) in itertools.pairwise(spans):
            gap = text[end:start]
            if "\t" in gap or "|" in gap:
                return True
        first, last = spans[0][0], spans[-1][1]
        around = text[max(0, first - 3) : first] + text[last : last + 3]
        return "\t" in around or "|" in around


_WORD_REACH = 64  # how far after a row's label the word it has for numbers is looked for


def _ends_in_numbers(line: str, width: int) -> bool:
    """Whether a tab line's last ``width`` cells are whole numbers."""
    cells = line.rstrip().rsplit("\t", width)
    return len(cells) > width and all(c.strip().isdigit() for c in cells[1:])


class _Reading(NamedTuple):
    """How a label text reads (:meth:`_ChunkReader._reading`): the row labels found in
    it and which of them takes the numbers (None: no row label ends it), with the cells
    and numbers so read, and whether the reading may be remembered by its text."""

    matches: tuple[tuple[int, int, RowSpec, TableSpec], ...]
    final: int | None
    offsets: KeyOffsets
    frags: list[LexCell]
    values: list[LexCell] | RowLine
    remember: bool


class _Plan(NamedTuple):
    """How a run of label text cells reads when it ends in a row label, at offsets from
    its first cell: the rows of the labels before that one, which have no numbers
    (group labels make no row), the row the numbers that follow belong to, and the
    spans of text no label took (headers)."""

    rows: tuple[tuple[RowSpec, TableSpec, int, int], ...]
    final: tuple[RowSpec, TableSpec, int, int]
    texts: tuple[tuple[int, int], ...]


Layout = tuple[str, tuple[int, ...]]  # a run of label cells: its text, its cells' places


def _lone_number(draft: _RowDraft) -> tuple[int, int] | None:
    """Where the one value of ``draft`` stands, if it has one value only and that is a
    whole number of three digits at most (as a page number is); else None."""
    run = draft.run
    if run is not None:
        if len(run.numbers) != 1 or any(t.kind != "EMPTY" for t in run.label):
            return None
        number, start = run.numbers[0], run.start + run.run.find(run.numbers[0])
    elif len(draft.tokens) == 1 and draft.tokens[0].kind == "VALUE":
        number, start = draft.tokens[0].text, draft.tokens[0].start
    else:
        return None
    return (start, start + len(number)) if is_page_number(number) else None


_CELL_EDGES = " \t|"  # what stands around a cell's text on its line


def _layout(frags: Sequence[LexCell], canonical: str) -> Layout | None:
    """What a run of label cells reads as depends on: the canonical text from its first
    cell to its last, with any closing quotes after it (a label's span takes them in),
    and where each cell starts and ends in that text. None for a run too long to
    remember."""
    base = frags[0].start
    stop = frags[-1].end
    if stop - base > _MEMO_CHARS:
        return None
    while stop < len(canonical) and canonical[stop] in _CLOSING:
        stop += 1
    places: list[int] = []
    for cell in frags:
        places += (cell.start - base, cell.end - base)
    return canonical[base:stop], tuple(places)


# What may follow a row's label in its cell, on keys: "的", as the law's clauses end
# ("1.属于国家秘密的"), a colon or full stop, the unit of its counts
# ("一、本年新收政府信息公开申请数量（件）：")
_LABEL_END = re.compile(r"的?[:;,.。、]*(?:\((?:件|个|次|项|条|万元|元)\))?[:;,.。、]*")


def _final(matches: tuple[tuple[int, int, RowSpec, TableSpec], ...]) -> int:
    """Which of ``matches``, whose last ends the label text, the numbers that follow
    belong to: the last, unless group labels (which hold no numbers) follow a row's
    label, as where a table without ruling lines has the text of its merged cells
    centred beside a row (``2.没有现成信息需要另行制作 三、本年度办理结果 （四）无法提供 4 0
    1``): then that row's."""
    index = len(matches) - 1
    while index > 0 and matches[index][2].group:
        index -= 1
    return index if not matches[index][2].group else len(matches) - 1


def _plan(
    matches: tuple[tuple[int, int, RowSpec, TableSpec], ...],
    final: int,
    offsets: KeyOffsets,
    frags: list[LexCell],
    canonical: str,
) -> _Plan:
    """The reading of a run of label cells whose key ends in the last of ``matches``,
    the numbers that follow being the row of ``matches[final]`` (:func:`_final`)."""
    base = frags[0].start
    used = [_label_range(offsets, at, end, canonical) for at, end, _, _ in matches]
    rows = tuple(
        (row, table, start - base, end - base)
        for (start, end), (_, _, row, table) in zip(used[:final], matches[:final], strict=True)
        if not row.group
    )
    start, end = used[final]
    final_row = (matches[final][2], matches[final][3], start - base, end - base)
    texts = tuple((s - base, e - base) for s, e in _free_texts(frags, used))
    return _Plan(rows, final_row, texts)


_PLANS = 4096  # readings of label texts a matcher keeps (a full memo is emptied first)
_MAX_NEAR_LABEL = 80  # no label is longer: a longer text is not looked at for its row


def _remember_plan(matcher: RowMatcher, layout: Layout, plan: _Plan) -> None:
    memo = matcher.readings
    if len(memo) >= _PLANS:
        memo.clear()
    memo[layout] = plan


def _untaken(frags: list[LexCell], used: list[tuple[int, int]]) -> list[LexCell]:
    """The cells of ``frags`` (in text order) that start in no span of ``used``: one
    sweep over both, so that a run of thousands of labels costs linear time (a search
    of every span for every cell took 1.9 s for 6 250 repeated labels)."""
    spans = sorted(used)
    free: list[LexCell] = []
    index = 0
    reach = -1  # the farthest end of the spans that begin at or before the cell
    for cell in frags:
        start = _start(cell)
        while index < len(spans) and spans[index][0] <= start:
            reach = max(reach, spans[index][1])
            index += 1
        if start >= reach:
            free.append(cell)
    return free


def _label_only(draft: _RowDraft) -> bool:
    """Whether a row is a format's row that took a label and no numbers."""
    return (
        draft.row is not None and draft.label is not None and draft.run is None and not draft.tokens
    )


def _trimmed(canonical: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span of the text from ``start`` to ``end`` less the spaces around it, if it
    holds any key text."""
    return _trimmed_text(canonical[start:end], start)


def _trimmed_text(body: str, start: int) -> list[tuple[int, int]]:
    """The span of ``body``, which begins at ``start``, less the spaces around it, if it
    holds any key text."""
    if not has_key_text(body):
        return []
    lead = len(body) - len(body.lstrip())
    return [(start + lead, start + len(body.rstrip()))]


def _free_texts(frags: list[LexCell], used: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the text of ``frags`` (a buffer of text cells, in text order) that no
    label span of ``used`` took: headers, group labels, debris."""
    found: list[tuple[int, int]] = []
    first, last = frags[0].start, frags[-1].end
    for us, ue in used:
        if us <= first and last <= ue:
            return found  # one label took all the text (the usual row)
    # Cells and label spans both run in text order: one sweep over the two, so that a
    # long run of labels costs linear time (a search of every span for every cell
    # took minutes on a 1 MB line of repeated labels). The spans that reach into the
    # current cell are kept by their ends: a span over many cells (an unknown label's,
    # over the lines above its numbers) stays among them without being walked past.
    spans = sorted(used)
    count = len(spans)
    index = 0  # spans before this one begin before the current cell ends
    reaching: list[tuple[int, int]] = []  # (end, start) of spans begun, by end
    for tok in frags:
        s, e = tok.start, tok.end
        while index < count and spans[index][0] < e:
            heapq.heappush(reaching, (spans[index][1], spans[index][0]))
            index += 1
        while reaching and reaching[0][0] <= s:
            heapq.heappop(reaching)
        if not reaching:
            # no label touches the cell (a header): all of it is text
            found.extend(_trimmed_text(tok.text, s))
            continue
        touching = [(us, ue) for ue, us in reaching]
        if any(us <= s and e <= ue for us, ue in touching):
            continue  # all label text
        cuts = sorted((max(s, us), min(e, ue)) for us, ue in touching)
        pos = s
        for cs, ce in [*cuts, (e, e)]:
            found.extend(_trimmed_text(tok.text[pos - s : cs - s], pos))
            pos = max(pos, ce)
    return found


def _blanks_placed(
    tokens: list[LexCell],
    before: Sequence[LexCell],
    after: Sequence[LexCell],
    spec: TableSpec,
    settled: Split | None = None,
    ends_written: bool = False,
) -> tuple[tuple[list[LexCell], str] | None, tuple[Split, ...]]:
    """A row's cells with its first or last cells left blank, where its sums tell; and
    the ways its table may still choose among.

    Where cells are separated, a row whose numbers stop a column or more short may have
    its first cells blank (``1.属于国家秘密 | | 7 | 7 | 7 | 8 | 8 | 37``) or its last
    (a blank 总计). The empty cells before its numbers (``before``) are label columns of
    merged cells as often as blank cells, and the tabs after them (``after``, and empty
    cells ending the row) the padding some converters give every line as often as blank
    cells. Read as written, a row with its first cell blank stood a column too far left
    and every identity of the row and its columns failed. So each number of blanks the
    row may start with is tried, the rest of its room at its end, and the row's
    identities weighed as the rules weigh them (a blank part counts as zero; a blank
    total states no sum, and is not checked). The row is read the one way under which
    they all hold; where none does, the one way under which none fails; where several
    ways give the same numbers (a row of zeros), the one that starts with the most
    blanks written. Where ways giving other numbers fit alike, the empty cells after
    its numbers decide if they are written on its line (``ends_written``): a table of
    separated cells writes every cell of a row, so its numbers stand before its last
    cells. Otherwise (ways giving other numbers, none fitting) None: the row is read as
    written. A table without identities in its rows (table 二) has nothing to
    weigh: its row ends where its line does, the blanks after its numbers first.

    A way preferred only because another leaves the total blank is no proof: a row
    ``0 0 1 0 0 1`` with its 总计 blank also reads, a column to the right, as parts that
    add up to a total of 1. Such a row's ways (its own choice first, each a
    :data:`Split` with ``""`` for a blank) are returned for its table's identities down
    the columns to settle; ``settled``, the way they chose, is read instead."""
    columns = spec.columns
    width = len(columns)
    core = _text_end(tokens)
    room = width - len(core)
    if not core or room <= 0:
        return None, ()
    tail = [*tokens[len(core) :], *after]
    index = {column.id: i for i, column in enumerate(columns)}
    sums = [
        ([index[c] for c in identity.left], [index[c] for c in identity.right])
        for identity in spec.identities
        if identity.axis == "row"
    ]
    if not sums:
        # nothing to weigh: the row ends where its line does, at its last column
        ends = min(room, len(tail))
        if room - ends > len(before):
            return None, ()
        return _placed(tokens, before, core, tail, room - ends, ends, columns, "按所在位置"), ()
    held: dict[int, list[Number | None]] = {}  # blanks to start with -> the row's numbers
    unfailed: dict[int, list[Number | None]] = {}
    splits: dict[int, Split] = {}  # the same, as texts, where every cell is a count or blank
    for lead in range(min(len(before), room) + 1):
        ends = min(room - lead, len(tail))  # blank cells at its end; past them, missing
        numbers: list[Number | None] = [0] * (lead + len(core) + ends)
        numbers += [None] * (width - len(numbers))
        blank = set(range(lead)) | set(range(lead + len(core), lead + len(core) + ends))
        for at, tok in enumerate(core, start=lead):
            value, status, _ = _read(tok, columns[at].kind)
            if status is CellStatus.OK and value is not None:
                numbers[at] = value
            elif status is CellStatus.BLANK:
                blank.add(at)
            elif status is not CellStatus.PLACEHOLDER:
                return None, ()  # a cell that is no number: nothing to weigh
        weighed = [_weigh(numbers, left, right, blank) for left, right in sums]
        if False in weighed:
            continue
        unfailed[lead] = numbers
        if None not in weighed:
            held[lead] = numbers
        if all(type(n) is int for n in numbers):  # (a blank is 0; a missing cell None)
            splits[lead] = tuple("" if at in blank else str(n) for at, n in enumerate(numbers))
    ways = held or unfailed
    if not ways:
        return None, ()
    how = "按本行的合计关系"
    if any(numbers != ways[max(ways)] for numbers in ways.values()):
        # its sums leave its numbers' place open (a blank 自然人 and a blank 总计, or label
        # columns and a blank 其他 and 总计): its last cells, where written, tell
        lead = room - len(tail) if ends_written else -1
        if lead not in ways:
            return None, ()
        ways = {lead: ways[lead]}
        how = "按本行末尾空白单元格的位置"
    lead = max(ways)
    contested: tuple[Split, ...] = ()
    if held and any(numbers != held[lead] for numbers in unfailed.values()):
        # preferred over ways that leave the total blank: the table may choose
        others = [splits[at] for at in sorted(unfailed) if at != lead and at in splits]
        if lead in splits and others:
            contested = (splits[lead], *dict.fromkeys(others))
    if settled is not None and contested:
        lead = next((at for at in unfailed if splits.get(at) == settled), lead)
        how = "按各列的合计关系"
    ends = min(room - lead, len(tail))
    placed = _placed(tokens, before, core, tail, lead, ends, columns, how)
    return placed, () if settled is not None else contested


def _agreed_cells(tokens: Sequence[LexCell], ways: Sequence[Split]) -> list[LexCell]:
    """A row's cells where every way of cutting its digits (``ways``) puts the same
    digits (or a blank) in the column, as :func:`_split_cells` builds them; an UNREAD
    cell over the digits that may belong to it in any other column."""
    places = [tok.start + k for tok in tokens for k in range(len(tok.text))]
    end = tokens[-1].end

    def at(offset: int) -> int:
        return places[offset] if offset < len(places) else end

    def offsets(way: Split) -> list[tuple[int, str]]:
        return list(zip(itertools.accumulate((len(p) for p in way), initial=0), way, strict=False))

    first, *others = (offsets(way) for way in ways)
    known = [all(other[i] == piece for other in others) for i, piece in enumerate(first)]
    cells: list[LexCell] = []
    for i, (offset, piece) in enumerate(first):
        if known[i]:
            kind = "VALUE" if piece else "EMPTY"
            cells.append(LexCell(kind, piece, at(offset), at(offset + len(piece))))
            continue
        # the digits between the nearest columns read on either side
        before = next((first[j] for j in range(i - 1, -1, -1) if known[j]), None)
        after = next((first[j][0] for j in range(i + 1, len(first)) if known[j]), len(places))
        start = before[0] + len(before[1]) if before is not None else 0
        cells.append(LexCell("UNREAD", "", at(start), at(max(start, after - 1)) + (after > start)))
    return cells


def _split_cells(tokens: Sequence[LexCell], split: Split) -> list[LexCell]:
    """The cells of ``split``, a way to cut the digits of ``tokens`` ("" for a blank
    cell), each where its digits stand; a blank where the digits around it meet."""
    cells: list[LexCell] = []
    pieces = iter(split)
    at = tokens[0].start
    for tok in tokens:
        at = tok.start
        while at < tok.end:
            piece = next(pieces)
            cells.append(LexCell("VALUE" if piece else "EMPTY", piece, at, at + len(piece)))
            at += len(piece)
    cells.extend(LexCell("EMPTY", "", at, at) for _ in pieces)
    return cells


def _placed(
    tokens: list[LexCell],
    before: Sequence[LexCell],
    core: Sequence[LexCell],
    tail: Sequence[LexCell],
    lead: int,
    ends: int,
    columns: tuple[ColumnSpec, ...],
    how: str,
) -> tuple[list[LexCell], str] | None:
    """A row's cells with ``lead`` blanks before its numbers and ``ends`` after them,
    and the repair that says so; None where that is the row as written."""
    cells = [*before[len(before) - lead :], *core, *tail[:ends]]
    if cells == tokens[: len(columns)]:
        return None  # as written
    named = [columns[i].label for i in range(lead)]
    named += [columns[i].label for i in range(lead + len(core), lead + len(core) + ends)]
    return cells, f"空白单元格{how}读作" + "、".join(f"“{n}”" for n in named)


def _weigh(
    numbers: Sequence[Number | None], left: Sequence[int], right: Sequence[int], blank: set[int]
) -> bool | None:
    """Whether an identity holds in a row's numbers, as the rules weigh it: None where a
    number is missing, or the total (``left``) is all blank and the parts are not."""
    if any(numbers[i] is None for i in (*left, *right)):
        return None
    total, parts = _sum(numbers, left), _sum(numbers, right)
    if total == parts:
        return True
    return None if all(i in blank for i in left) else False


def _sum(numbers: Sequence[Number | None], at: Sequence[int]) -> Number:
    return sum((numbers[i] or 0 for i in at), start=0)


def _one_none(tokens: Sequence[LexCell]) -> bool:
    """Whether a row's cells are one value that says "none" (0 or a placeholder)."""
    return len(tokens) == 1 and tokens[0].kind == "VALUE" and stands_for_none(tokens[0].text)


def _value_cells(values: list[LexCell] | RowLine) -> Sequence[LexCell]:
    """Value cells: a row line's cut."""
    return values.value_cells() if isinstance(values, RowLine) else values


def _text_pieces(loc: Locator, spans: tuple[tuple[int, int], ...]) -> tuple[TextPiece, ...]:
    """A table's texts (:attr:`Table.texts`) at their canonical offsets."""
    return tuple(TextPiece(loc.text(sp), sp) for sp in (loc.span(s, e) for s, e in spans))


def _read_row(
    tokens: Sequence[LexCell], columns: tuple[ColumnSpec, ...], spec: TableSpec | None
) -> tuple[tuple[CellStatus, ...], tuple[Number | None, ...]]:
    """Statuses and values of a row's cells, one per column (MISSING past its end)."""
    usual = _usual_counts(list(map(_text, tokens)), columns, spec)
    if usual is not None:
        return usual
    statuses: list[CellStatus] = []
    values: list[Number | None] = []
    for tok, column in zip(tokens, columns, strict=False):
        value, status, _ = _read(tok, column.kind)
        statuses.append(status)
        values.append(value)
    missing = len(columns) - len(statuses)
    if missing > 0:
        statuses.extend([CellStatus.MISSING] * missing)
        values.extend([None] * missing)
    return tuple(statuses), tuple(values)


def _read_texts(
    texts: Sequence[str], columns: tuple[ColumnSpec, ...], spec: TableSpec | None
) -> tuple[tuple[CellStatus, ...], tuple[Number | None, ...]]:
    """:func:`_read_row` for the numbers of a row line, one for every column."""
    usual = _usual_counts(texts, columns, spec)
    if usual is not None:
        return usual
    read = [read_value(text, column.kind) for text, column in zip(texts, columns, strict=True)]
    return tuple(r[1] for r in read), tuple(r[0] for r in read)


def _usual_counts(
    texts: Sequence[str], columns: tuple[ColumnSpec, ...], spec: TableSpec | None
) -> tuple[tuple[CellStatus, ...], tuple[Number | None, ...]] | None:
    """The usual row's statuses and values, read at once: plain counts in every column
    of a table of counts; None for any other row."""
    if (
        spec is not None
        and spec.counts_only
        and len(texts) == len(columns)
        and all(texts)
        and (joined := "".join(texts)).isdigit()
        and joined.isascii()
        and max(map(len, texts)) <= MAX_DIGITS
    ):
        return (CellStatus.OK,) * len(texts), tuple(map(int, texts))
    return None


def _read(tok: LexCell, kind: CellKind) -> tuple[Number | None, CellStatus, str | None]:
    if tok.kind == "EMPTY":
        return None, CellStatus.BLANK, None
    if tok.kind == "UNREAD":
        return None, CellStatus.UNREAD, None
    if tok.kind in ("FRAG", "MORE"):
        return None, CellStatus.INVALID, None
    return read_value(tok.text, kind)


def _cell(loc: Locator, row_id: str | None, tok: LexCell, column: ColumnSpec | None) -> Cell:
    span = loc.span(tok.start, tok.end)
    value, status, unit = _read(tok, column.kind if column else "count")
    return Cell(
        row_id,
        column.id if column else None,
        loc.text(span),
        value,
        status,
        span,
        unit,
        column.label if column else None,
    )


class RowCells:
    """Builds a row's :class:`Cell` objects when asked: all of them (``Row.cells``) or
    one (``Row.cell``), each once. Columns the row stops before are MISSING cells at
    ``missing_span`` (the row's label). The cells in columns may come as a row line, cut
    on first use."""

    __slots__ = ("_absent", "_built", "_columns", "_loc", "_missing_span", "_row_id", "_tokens")

    def __init__(
        self,
        loc: Locator,
        row_id: str | None,
        tokens: tuple[LexCell, ...] | RowLine,
        columns: tuple[ColumnSpec, ...],
        missing_span: Span,
        absent: CellStatus = CellStatus.MISSING,
    ) -> None:
        self._absent = absent
        self._loc = loc
        self._row_id = row_id
        self._tokens: tuple[LexCell, ...] | RowLine = tokens
        self._columns = columns
        self._missing_span = missing_span
        self._built: dict[int, Cell] = {}

    def __call__(self) -> tuple[Cell, ...]:
        return tuple(self.one(i) for i in range(len(self._columns)))

    def one(self, index: int) -> Cell:
        cell = self._built.get(index)
        if cell is None:
            cell = self._built[index] = self._make(index)
        return cell

    def places(self) -> tuple[tuple[str, Span], ...]:
        """Each column's label and its cell's span, as the cells would have them, without
        building any cell (see :meth:`gilint.ast.Row.cell_places`)."""
        loc, tokens = self._loc, self._placed()
        return tuple(
            (
                column.label or column.id,
                loc.span(tokens[i].start, tokens[i].end) if i < len(tokens) else self._missing_span,
            )
            for i, column in enumerate(self._columns)
        )

    def _placed(self) -> tuple[LexCell, ...]:
        """The cells in columns (the row line cut, once)."""
        tokens = self._tokens
        if isinstance(tokens, RowLine):
            tokens = self._tokens = tokens.value_cells()
        return tokens

    def _make(self, index: int) -> Cell:
        column = self._columns[index]
        tokens = self._placed()
        if index < len(tokens):
            return _cell(self._loc, self._row_id, tokens[index], column)
        return Cell(
            self._row_id,
            column.id,
            "",
            None,
            self._absent,
            self._missing_span,
            None,
            column.label,
        )


def _caption_spec(
    caption: str, template: Template | None, templates: TemplateSet
) -> tuple[TableSpec | None, Template | None]:
    """The table a caption introduces: in the chosen template, else in another one."""
    caption_key = compact_key(caption)
    order = [template] if template else []
    order += [t for t in templates.templates if t is not template]
    for candidate in order:
        spec = templates.caption_tables.get(candidate.id, {}).get(caption_key)
        if spec is not None:
            return spec, candidate
    return None, template
