"""How the HTML loader reads a web page: with the standard library's parser.

Blocks (``p``, ``div``, headings, list items, ``br``) become paragraphs; each table row
becomes one line of tab-separated cells, with ``rowspan`` and ``colspan`` expanded into
blank cells (a merged cell's text stands once, where the page shows it), except the
columns a value spans before the row's next cell (a number over two grid columns is one
value, its row's next value the next cell). Every cell and piece of text keeps the line
and column of the page's source where it began, and a cell its path
(``table[2]/tr[6]/td[3]``): many pages put the whole article on one line. An
image that may hold part of the report (a table published as a picture) is noted where
it stands: gilint reads no image. What the page hides is not read
(:mod:`gilint.loaders.html_hidden`); a hidden element that may hold part of the report
is noted as an image is.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from urllib.parse import parse_qsl, unquote, urlsplit

import attrs

from gilint.lexer import is_value, stands_for_none
from gilint.loaders import HEAD, LoaderError, TextWriter, large_image
from gilint.loaders.css import declarations, length
from gilint.loaders.html_hidden import VOID, Ended, HiddenElement, hides
from gilint.loaders.html_lists import ListNumbers
from gilint.loaders.stylesheet import StyleRules
from gilint.loading import Loaded, LoadProblem, load_bytes, load_text
from gilint.places import Place

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)""", re.I)
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "title",
        "ul",
    ]
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
# Tables open inside one another that are read as tables; a deeper one is read as part
# of the table it stands in (pages nest a few: the site's frame, the article's, the data)
_MAX_NESTING = 32
# Where a page links to or embeds a document: a report published as an attachment.
_DOCUMENT_LINKS = {"a": "href", "iframe": "src", "embed": "src", "object": "data"}
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|wps|ofd|rtf)$", re.I)
# A spreadsheet the page links to: the report's tables published as a file of their own.
_SPREADSHEET = re.compile(r"\.(?:xlsx?|et|csv)$", re.I)
_ATTACHMENTS = 3  # of each kind named in a finding; a list of past reports may hold dozens
# The parts of a page around its article: an image there is a logo, a banner or a
# button, never part of the report.
_CHROME = frozenset({"header", "nav", "footer", "aside"})
# Images are measured as if on a page this many pixels wide and tall: the article column
# of a government site, 600 to 1 000 pixels wide. An image half as wide (300 pixels)
# and a twentieth as tall (50) may be a table published as a picture.
_COLUMN = (600.0, 1000.0)
# A hidden element with this many characters of content (outside links and scripts) may
# hold part of the report (a copy of it, tables shown on a click): it is noted where it
# stands. A hidden label, a share picture's caption or letters against copying are
# fewer, and are left out without a word.
HIDDEN_CHARS = 50
# A page whose hidden elements hold this many times the text it shows hides its content
# until a script shows it: it is read whole.
_MOSTLY_HIDDEN = 2
_SPACE = re.compile(r"\s+")
_TITLE_WORDS = ("年度报告", "工作报告")
# Cells a page's tables may hold once their spans are expanded. A report's tables hold a
# few hundred; a page of 45 KB whose every row is a cell spanning 1 000 rows and 1 000
# columns would expand to hundreds of millions.
MAX_CELLS = 1_000_000
# The encodings of the WHATWG Encoding Standard that Python has, by Python's codec name
# (and ASCII and Latin-1, which that standard reads as windows-1252): what a page's
# charset may name. Python's other codecs are no page's encoding, and some must not run
# on a stranger's bytes: punycode decodes in quadratic time (120 KB in a second, 2 MB
# past the two-minute limit), unicode_escape turns backslashes into characters.
_PAGE_ENCODINGS = frozenset(
    ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk", "gb2312", "big5"]
    + ["big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr", "cp866", "koi8-r"]
    + ["koi8-u", "mac-roman", "mac-cyrillic", "cp874", "ascii"]
    + [f"cp{n}" for n in range(1250, 1259)]
    + [f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)]
)


def _decode(data: bytes) -> Loaded:
    """The page's text: by its BOM, else the charset its meta tag names (GBK and GB2312
    read as GB18030, their superset), else as gilint decodes any text. A charset that
    is no web page's encoding is ignored, as a browser ignores it."""
    found = _META_CHARSET.search(data[:HEAD])
    if found and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        name = found.group(1).decode("ascii").lower()
        codec = "gb18030" if name in ("gbk", "gb2312", "gb_2312-80", "x-gbk") else name
        try:
            if codecs.lookup(codec).name not in _PAGE_ENCODINGS:
                raise LookupError(codec)
            text = data.decode(codec)
        except (LookupError, UnicodeError):
            pass
        else:
            return attrs.evolve(load_text(text, origin="html"), encoding=codec)
    return load_bytes(data, origin="html")


_BREAK = "break"  # in a cell's content: a block ends here (p, div, br …)


@attrs.frozen
class _Image:
    """An image that may hold part of the report, where it stands."""

    place: Place


@attrs.frozen
class _Hidden:
    """A hidden element that may hold part of the report, where it stands."""

    place: Place
    chars: int


_Unread = _Image | _Hidden  # what may hold part of the report and is not read


@attrs.define
class _Cell:
    # pieces of text with the place each began, _BREAK, what is not read, or a table
    content: list[tuple[str, Place] | str | _Image | _Hidden | _Table]
    place: Place
    colspan: int
    rowspan: int  # 0: to the end of its row group

    def text(self) -> str:
        """The cell's text as a data table's cell: its pieces run together."""
        return "".join(item[0] for item in self.content if isinstance(item, tuple))

    def unread(self) -> list[_Unread]:
        return [item for item in self.content if isinstance(item, _Unread)]


@attrs.define
class _Table:
    number: int
    rows: list[list[_Cell]] = attrs.field(factory=list)
    current: list[_Cell] | None = None
    cell: _Cell | None = None
    counts: dict[str, int] = attrs.field(factory=dict)  # td / th seen in this row
    unread: list[_Unread] = attrs.field(factory=list)  # outside its cells: noted after it
    # where row groups (thead, tbody, tfoot) begin and end, by row number: no rowspan
    # reaches past the end of its group
    groups: list[int] = attrs.field(factory=list)
    # A table that holds a table in a cell lays out the page (a site's columns, the
    # article's frame): its cells are read as blocks, not as a row of data.
    layout: bool = False
    before: list[_Table] = attrs.field(factory=list)  # tables opened outside its cells


class _Extractor(HTMLParser):
    """Collects paragraphs and tables in document order."""

    def __init__(self, read_hidden: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.read_hidden = read_hidden  # read what the page hides, as if shown
        self.hidden_chars = 0  # characters of content in the hidden elements not read
        # ("para", [(text, place)]) | ("table", _Table) | ("unread", _Image | _Hidden)
        self.blocks: list[tuple[str, object]] = []
        self.paragraph: list[tuple[str, Place]] = []
        self.skipping = 0
        self.tables: list[_Table] = []  # open tables, innermost last
        self.table_count = 0
        self.ignored_tables = 0  # open tables past _MAX_NESTING, read as their parent
        self.meta_title: tuple[str, Place] | None = None
        self.title: tuple[str, Place] | None = None
        self.in_title = False
        self.closing = False  # close() called: the page has no more text
        self.linked = False  # inside <a>: a link (HTML closes one at the next <a>)
        self.chrome = 0  # header, nav, footer and aside elements open
        self.attachments: list[tuple[str, Place]] = []  # documents linked to, by file name
        self.spreadsheets: list[tuple[str, Place]] = []  # spreadsheets linked to
        self.hidden: HiddenElement | None = None  # the hidden element the page is in
        self.styles = StyleRules()  # what the page's stylesheets hide, read so far
        self.in_style = False  # in a <style> element: its text is a stylesheet
        self.lists = ListNumbers()  # the ordered lists open, for their items' numbers

    def _place(self, path: str | None = None) -> Place:
        line, column = self.getpos()
        return Place("html", line=line, column=column + 1, path=path)

    def _flush(self) -> None:
        if any(text.strip() for text, _ in self.paragraph):
            self.blocks.append(("para", list(self.paragraph)))
        self.paragraph.clear()

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs_}
        if self.hidden is not None:
            if self.hidden.start(tag) is Ended.NO:
                return  # nothing in a hidden element is read
            self._end_hidden()
        if not self.read_hidden and hides(tag, values, self.styles):
            if tag not in VOID:
                self.hidden = HiddenElement(tag, self._place())
            return
        if tag == "style":
            self.in_style = True
        if tag == "meta" and values.get("name", "").lower() == "articletitle":
            self.meta_title = (values.get("content", ""), self._place())
        if tag == "title":
            self.in_title = True
        if tag in _SKIPPED:
            self.skipping += 1
            return
        marker = ""  # the number a browser draws before a list item
        if tag in ("ol", "ul"):
            self.lists.open(tag, values)
        elif tag == "li" and not self.chrome:  # (a menu's or breadcrumb's: no text)
            marker = self.lists.item(values)
        if tag in _DOCUMENT_LINKS and not self.chrome and not self.skipping:
            self._attachment(values.get(_DOCUMENT_LINKS[tag]))
        if tag == "a":
            self.linked = True
        elif tag in _CHROME:
            self.chrome += 1
        elif tag == "img" and not self.skipping and self._may_hold_content(values):
            self._unread(_Image(self._place()))
            return
        if tag == "table":
            self._open_table()
        elif not self.tables:
            if tag in _BLOCKS or tag == "br":
                self._flush()
        elif tag == "tr":
            table = self.tables[-1]
            table.current = []
            table.rows.append(table.current)
            table.counts = {}
        elif tag in _ROW_GROUPS:  # (a row left open ends here)
            self.tables[-1].current = None
            self.tables[-1].groups.append(len(self.tables[-1].rows))
        elif tag in ("td", "th"):
            table = self.tables[-1]
            if table.current is None:
                table.current = []
                table.rows.append(table.current)
            table.counts[tag] = table.counts.get(tag, 0) + 1
            path = f"table[{table.number}]/tr[{len(table.rows)}]/{tag}[{table.counts[tag]}]"
            rowspan = _span(values, "rowspan", least=0)
            table.cell = _Cell([], self._place(path), _span(values, "colspan"), rowspan)
            table.current.append(table.cell)
        elif self.tables[-1].cell is not None and (tag in _BLOCKS or tag == "br"):
            self.tables[-1].cell.content.append(_BREAK)
        if marker:
            self.handle_data(marker)  # (at the item's tag: its place)

    def _open_table(self) -> None:
        """A table: in a cell of another, part of that cell's content (and the other
        a layout table); elsewhere, a block of the page."""
        if len(self.tables) >= _MAX_NESTING:
            self.ignored_tables += 1
            return
        self.table_count += 1
        table = _Table(self.table_count)
        if not self.tables:
            self._flush()
            self.blocks.append(("table", table))
        elif self.tables[-1].cell is not None:
            self.tables[-1].layout = True
            self.tables[-1].cell.content.append(table)
        else:  # between rows: a browser draws it before its table
            self.tables[-1].before.append(table)
        self.tables.append(table)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.hidden is not None:
            ended = self.hidden.end(tag)
            if ended is not Ended.NO:
                self._end_hidden()
            if ended is not Ended.BY_ANOTHER:
                return
        if tag == "style" and self.in_style:
            self.styles.end()
            self.in_style = False
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in ("ol", "ul"):
            self.lists.close()
        if tag == "a":
            self.linked = False
        elif tag in _CHROME:
            self.chrome = max(0, self.chrome - 1)
        if not self.tables:
            if tag in _BLOCKS:
                self._flush()
            return
        table = self.tables[-1]
        if tag == "table":
            if self.ignored_tables:
                self.ignored_tables -= 1
            else:
                self.tables.pop()
        elif tag in ("td", "th"):
            table.cell = None
        elif tag == "tr":
            table.current = None
            table.cell = None
        elif tag in _ROW_GROUPS and table.cell is None:
            table.current = None
            table.groups.append(len(table.rows))
        elif tag in _BLOCKS and table.cell is not None:
            table.cell.content.append(_BREAK)

    def _may_hold_content(self, values: dict[str, str]) -> bool:
        """Whether an image may hold part of the report (:func:`large_image`), by the
        size the page draws it at. An image drawn at its own size, which the page does
        not state, may be a table's picture, unless it is a link's (a logo, a button);
        none in the page's header, navigation or footer is (one hidden is never read)."""
        if self.chrome:
            return False
        style = declarations(values.get("style"))
        width = length(style.get("width") or values.get("width"))
        height = length(style.get("height") or values.get("height"))
        if width is None and height is None:
            return not self.linked
        wide = width.pixels(_COLUMN[0]) if width is not None else _COLUMN[0]
        tall = height.pixels(_COLUMN[1]) if height is not None else _COLUMN[1]
        return large_image(wide, tall, *_COLUMN)

    def _attachment(self, address: str | None) -> None:
        """A document or spreadsheet the page links to or embeds, by its file name (the
        page may hold no report but point to one, or hold its tables in a spreadsheet)."""
        full = len(self.attachments) >= _ATTACHMENTS and len(self.spreadsheets) >= _ATTACHMENTS
        if full or not address:
            return
        try:
            parts = urlsplit(address.strip())
        except ValueError:  # an address no browser would follow
            return
        # the file's own address, or a download script's (downfile.jsp?filename=x.pdf)
        names = [parts.path, *(v for _, v in parse_qsl(parts.query))]
        for pattern, kept in ((_DOCUMENT, self.attachments), (_SPREADSHEET, self.spreadsheets)):
            found = next((name for name in names if pattern.search(name)), None)
            if found is not None and len(kept) < _ATTACHMENTS:
                name = unquote(found).replace("\\", "/").rsplit("/", 1)[-1]
                kept.append((name[:80], self._place()))

    def _unread(self, item: _Unread) -> None:
        """What may hold part of the report and is not read: a block of its own, or, in
        a table cell, noted after the table with the cell's path (a row's cells stay on
        one line)."""
        if self.tables and self.tables[-1].cell is not None:
            cell = self.tables[-1].cell
            place = attrs.evolve(item.place, path=cell.place.path)
            cell.content.append(attrs.evolve(item, place=place))
        elif self.tables:
            self.tables[-1].unread.append(item)
        else:
            self._flush()
            self.blocks.append(("unread", item))

    def _end_hidden(self) -> None:
        """The hidden element the page was in has ended: noted if it may hold part of
        the report."""
        hidden, self.hidden = self.hidden, None
        if hidden is not None and not self.skipping:
            self.hidden_chars += hidden.chars
            if hidden.chars >= HIDDEN_CHARS:
                self._unread(_Hidden(hidden.place, hidden.chars))

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = (data, self._place())
        if self.hidden is not None:
            self.hidden.data(data)
            return
        if self.in_style:
            self.styles.feed(data)
        if self.skipping:
            return
        if not self.tables:
            self.paragraph.append((data, self._place()))
        elif self.tables[-1].cell is not None:
            self.tables[-1].cell.content.append((data, self._place()))

    # Markup that never ends. The whole page is fed at once, so a construct the parser
    # finds unterminated runs to the end of the page. At ``close()`` the standard
    # library's parser (before CPython gh-135462's fix, as in 3.11.7) then passes the
    # construct's text on as data up to the next ``>`` or ``<`` and tries again there:
    # every ``<`` of such a tail searches to the end once more, quadratic time (40 KB of
    # "<a\n" took 13 s). What a browser does, and the fixed parser, is hide the rest of
    # the page inside the unterminated tag or comment; so do these, in one search.

    def parse_starttag(self, i: int) -> int:
        return self._to_end(super().parse_starttag(i))

    def parse_endtag(self, i: int) -> int:
        return self._to_end(super().parse_endtag(i))

    def parse_comment(self, i: int, report: bool = True) -> int:
        return self._to_end(super().parse_comment(i, report))

    def parse_pi(self, i: int) -> int:
        return self._to_end(super().parse_pi(i))

    def parse_html_declaration(self, i: int) -> int:
        """A declaration or comment. ``<![`` opens a bogus comment, up to the next ``>``,
        as HTML reads it outside SVG and MathML: the standard library reads SGML's
        marked sections there, searching to the end of the page for ``]]>`` or ``]>``
        at every one that does not end, and raising AssertionError at one it cannot
        name (``<![<![``)."""
        if self.rawdata.startswith("<![", i):
            return self._to_end(self.parse_bogus_comment(i))
        return self._to_end(super().parse_html_declaration(i))

    def _to_end(self, end: int) -> int:
        """Where the construct just parsed ends: the end of the page when it never ends
        and no more text will come (-1 otherwise: wait for the rest)."""
        return len(self.rawdata) if end < 0 and self.closing else end

    def close(self) -> None:
        self.closing = True
        super().close()
        self._end_hidden()  # (one left open runs to the end of the page)
        self._flush()
        self.tables.clear()  # each was placed when it opened


# HTML's rules for parsing a non-negative integer, as a browser reads a span: spaces, an
# optional "+", digits; what follows is ignored ("2px" and "2.5" are 2), no digits is
# the default. Leading zeros are skipped and seven digits are enough to pass the cap.
_LEADING_NUMBER = re.compile(r"[\t\n\f\r ]*\+?0*([0-9]{1,7})")


def _span(values: dict[str, str], name: str, least: int = 1) -> int:
    """A span as a browser reads it, from ``least`` (0 for a rowspan: to the end of the
    row group; a colspan of 0 is 1) to 1 000 (a report's tables span a few)."""
    match = _LEADING_NUMBER.match(values.get(name) or "")
    return max(least, min(int(match.group(1)), 1000)) if match else 1


def _followed(row: list[_Cell | None], column: int) -> bool:
    """Whether a cell of the row begins at ``column`` or after it."""
    return any(cell is not None for cell in row[column:])


def _grid(table: _Table) -> Iterator[list[_Cell | None]]:
    """The table's rows, one at a time, with spans expanded: a merged cell's
    continuation is None.

    Each row costs its own width: ``below`` holds only the columns that rowspans from
    rows above still cover, and a row is padded to the last of them in one step (a
    staircase of rowspans, each row's cell pushed one column further, costs as much as
    it is wide, not as much again for every row under it). A rowspan ends with its row
    group at the latest; one of 0 runs to that end."""
    below: dict[int, int] = {}  # column -> rows, this one included, a rowspan still covers
    boundaries = sorted(set(table.groups))
    for index, cells in enumerate(table.rows):
        after = bisect_right(boundaries, index)
        left = (boundaries[after] if after < len(boundaries) else len(table.rows)) - index
        row: list[_Cell | None] = []
        started: dict[int, int] = {}  # column -> rows after this one its rowspan covers
        column = 0
        for cell in cells:
            while column in below:
                row.append(None)
                column += 1
            row.append(cell)
            row.extend([None] * (cell.colspan - 1))
            rowspan = min(cell.rowspan, left) if cell.rowspan else left
            if rowspan > 1:
                for offset in range(cell.colspan):
                    started[column + offset] = rowspan - 1
            column += cell.colspan
        if below:
            row.extend([None] * (max(below) + 1 - column))
        below = {col: rows - 1 for col, rows in below.items() if rows > 1}
        for col, rows in started.items():  # (a cell drawn over a span: the longer holds)
            below[col] = max(below.get(col, 0), rows)
        yield row


class _Writer(TextWriter):
    """The text of a page: paragraphs and tables, block by block."""

    def __init__(self) -> None:
        super().__init__()
        self.cells = 0  # table cells written, blank continuations included

    def paragraph(self, chunks: list[tuple[str, Place]]) -> None:
        first = True
        for text, place in chunks:
            text = _SPACE.sub(" ", text)
            if first:
                text = text.lstrip()
            if text:
                self.write(text, place)
                first = False
        self.write("\n\n")

    def table(self, table: _Table) -> None:
        """A data table: a line for each row, its cells separated by tabs; what it holds
        that is not read noted after its rows."""
        unread: list[_Unread] = []
        for row in _grid(table):
            self.cells += len(row)
            if self.cells > MAX_CELLS:
                raise LoaderError(
                    f"网页中的表格展开合并单元格后超过 {MAX_CELLS // 10000} 万格，未读取"
                    "（年度报告的表格通常只有几百格）"
                )
            spanned = 0  # grid columns still covered by a value written once
            filled: tuple[str, Place] | None = None  # "none" repeated over its columns
            filled_to = 0  # the column after them
            for index, cell in enumerate(row):
                if spanned:
                    spanned -= 1
                    continue
                if index:
                    self.write("\t")
                if cell is not None:
                    text = _SPACE.sub(" ", cell.text()).strip()
                    self.write(text, cell.place)
                    unread.extend(cell.unread())
                    if cell.colspan > 1 and is_value(text):
                        if _followed(row, index + cell.colspan):
                            spanned = cell.colspan - 1
                        elif stands_for_none(text):
                            filled, filled_to = (text, cell.place), index + cell.colspan
                elif filled is not None and index < filled_to:
                    self.write(*filled)
            self.write("\n")
        for item in (*unread, *table.unread):
            self.unread(item)
        self.write("\n")

    def unread(self, item: _Unread) -> None:
        where = f"网页第 {item.place.line} 行第 {item.place.column} 列"
        if isinstance(item, _Image):
            self.unread_image(where, item.place)
            return
        self.unread_content(
            "unread-hidden",
            f"{where}起有网页不显示的隐藏内容（约 {item.chars} 字），gilint 未读取，"
            "其中的内容未参与检查",
            "处隐藏内容",
            item.place,
        )


def extract(data: bytes) -> Loaded:
    """A web page's text, each block and cell with its place in the page. A page that
    hides most of its text shows it from a script (a tab, an article revealed once the
    page has loaded): it is read whole, hidden text and all."""
    decoded = _decode(data)
    loaded, hidden = _extract(decoded, read_hidden=False)
    if hidden > _MOSTLY_HIDDEN * len("".join(loaded.text.split())):
        loaded, _ = _extract(decoded, read_hidden=True)
    return loaded


def _extract(decoded: Loaded, read_hidden: bool) -> tuple[Loaded, int]:
    """The page's text, and the characters of content its hidden elements hold (0 when
    they are read)."""
    extractor = _Extractor(read_hidden)
    extractor.feed(decoded.text)
    extractor.close()
    writer = _Writer()
    blocks = list(_blocks(extractor.blocks))
    title = extractor.meta_title or extractor.title
    if title is not None and not _has_title(blocks):
        writer.paragraph([title])
    for kind, block in blocks:
        if kind == "para":
            writer.paragraph(block)  # type: ignore[arg-type]
        elif kind == "unread":
            writer.unread(block)  # type: ignore[arg-type]
        else:
            writer.table(block)  # type: ignore[arg-type]
    attachments = tuple(
        LoadProblem(code, f"“{name}”（网页第 {place.line} 行）")
        for code, linked in (
            ("attachment", extractor.attachments),
            ("attached-tables", extractor.spreadsheets),
        )
        for name, place in linked
    )
    extracted = writer.loaded(
        # what decoding had to repair is told at the top: its offset was the page's
        "html",
        (*(attrs.evolve(p, offset=0) for p in decoded.problems), *attachments),
    )
    return attrs.evolve(extracted, encoding=decoded.encoding), extractor.hidden_chars


def _blocks(blocks: Iterable[tuple[str, object]]) -> Iterator[tuple[str, object]]:
    """The page's blocks in order, each layout table's cells read as blocks where they
    stand (a site's columns, the frame around the article), and the tables a browser
    draws before a table before it."""
    for kind, block in blocks:
        if not isinstance(block, _Table):
            yield kind, block
            continue
        yield from _blocks(("table", t) for t in block.before)
        if not (block.layout or _frames(block)):
            yield kind, block
            continue
        for row in block.rows:
            for cell in row:
                yield from _cell_blocks(cell)
        yield from (("unread", item) for item in block.unread)


def _frames(table: _Table) -> bool:
    """Whether a table of one cell frames paragraphs (the article in a bordered box, as
    older sites have it): a data table holds no report in one cell, and read as one the
    report's parts ran together on one line."""
    if len(table.rows) != 1 or len(table.rows[0]) != 1:
        return False
    paragraphs = 0
    text = False
    for item in (*table.rows[0][0].content, _BREAK):
        if isinstance(item, tuple):
            text = text or bool(item[0].strip())
        elif text:
            paragraphs += 1
            text = False
    return paragraphs > 1


def _cell_blocks(cell: _Cell) -> Iterator[tuple[str, object]]:
    """A layout table's cell as blocks: paragraphs, what is not read, and tables."""
    chunks: list[tuple[str, Place]] = []
    for item in [*cell.content, _BREAK]:
        if isinstance(item, tuple):
            chunks.append(item)
            continue
        if any(text.strip() for text, _ in chunks):
            yield "para", chunks
        chunks = []
        if isinstance(item, _Unread):
            yield "unread", item
        elif isinstance(item, _Table):
            yield from _blocks([("table", item)])


def _has_title(blocks: list[tuple[str, object]]) -> bool:
    """Whether the body states the report's title in its first paragraphs."""
    paragraphs = [b for kind, b in blocks[:6] if kind == "para"]
    return any(
        any(word in "".join(t for t, _ in chunks) for word in _TITLE_WORDS)  # type: ignore[attr-defined]
        for chunks in paragraphs[:3]
    )
