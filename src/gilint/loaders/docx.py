"""The Word loader (``gilint[docx]``): a .docx draft to text, with python-docx.

The body is walked in document order, paragraphs and tables alike. Tables are read from
their XML, not through python-docx's ``row.cells``: that repeats a merged cell in every
grid position it covers, so a wrong number in a merged cell would be counted several
times or an error hidden. Here each Word cell is one cell: a horizontally merged cell
(``w:gridSpan``) is followed by blank cells for the columns it covers, unless it holds a
value and another cell follows it in its row (a number over two grid columns is one
value), and the continuation of a vertically merged cell (``w:vMerge`` without
``restart``) is blank.
Places: the paragraph's number, or the table's number and the cell's grid row and
column (all 1-based).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from gilint.extras import versions
from gilint.interrupts import interrupts_deferred
from gilint.lexer import is_value, stands_for_none
from gilint.loaders import Loader, LoaderError, MissingExtra, TextWriter, large_image
from gilint.loaders.css import declarations, length
from gilint.loaders.docx_numbering import ListNumbering
from gilint.loading import Loaded
from gilint.places import Place

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_V = "{urn:schemas-microsoft-com:vml}"
# What the document holds but does not show: the alternative content given for readers
# that do not know the first choice (a text box's or a picture's VML copy), and, in a
# document with tracked changes, text deleted or moved away from here.
_NOT_SHOWN = (
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    f"{_W}del",
    f"{_W}moveFrom",
)
_OFF = ("false", "0", "off")  # an on/off property set off
EMU_PER_TWIP = 635  # drawings are measured in EMU, pages in twentieths of a point
EMU_PER_PIXEL = 9525  # VML pictures in CSS units, 96 pixels to the inch
A4 = (11906, 16838)  # twips: a page whose size the document does not say
# What a Word file's parts may hold once unpacked. python-docx reads every part into
# memory and parses the XML ones whole, in C, where no time limit can stop it, and
# deflate packs up to about 1 000 to 1 (a 557 KB file built to try this unpacked to
# 300 MB and took 986 MB to read). A report's parts hold a few MB.
MAX_UNPACKED = 128 * 1024 * 1024


def is_docx(data: bytes) -> bool:
    """A zip archive holding ``word/document.xml``."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    import zipfile  # (for a zip archive only: not at every start)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except Exception:  # a damaged archive: zipfile raises many kinds (NotImplementedError
        return False  # for a version it does not know, EOFError, struct.error, …)


def unpacked_size(data: bytes) -> int:
    """What the archive's parts hold once unpacked, as its directory declares. Python's
    zipfile never unpacks more than a part declares (a part that holds more fails its
    checksum), so this bounds what python-docx can read."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def _damaged(exc: Exception) -> LoaderError:
    """A file that is not a Word document after all, with what the library said."""
    return LoaderError(f"无法作为 Word 文档读取（{type(exc).__name__}: {exc}）")


# Elements that wrap others without standing in the text: content controls (a form's
# fields, a cover page, a table of contents) and custom XML. What they hold is read as
# if they were not there.
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})


def _children(element: Any, *tags: str) -> Iterator[Any]:
    """``element``'s children with these tags, in order, those inside wrappers included
    (a body's paragraphs in a content control, a table's rows in custom XML)."""
    for child in element.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, *tags)


# What a run holds that reads as a space: a tab, a line break, a carriage return, a
# tab to a position. (A paragraph's tab stops, w:pPr/w:tabs/w:tab, are no text.)
_BREAKS = (f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}ptab")


def _text(element: Any, numbering: ListNumbering) -> str:
    """The text of a paragraph or cell: each paragraph's list label (as Word draws it)
    and its runs' text, tabs and breaks as spaces; the paragraphs of a cell run together
    (a label wrapped in its cell is one label). What is not shown (:func:`_shown`) is
    not read: a text box, written twice, is read once, a tracked change is read as
    accepted, and hidden text is not read."""
    nodes = element.iter(f"{_W}p", f"{_W}t", *_BREAKS)
    if next(element.iter(*_NOT_SHOWN, f"{_W}vanish"), None) is not None:
        nodes = (node for node in nodes if _shown(node))
    return " ".join("".join(_piece(node, numbering) for node in nodes).split())


def _piece(node: Any, numbering: ListNumbering) -> str:
    """What a paragraph, text or break node reads as: a paragraph's list label, a text's
    text, or a space for a break in a run."""
    if node.tag == f"{_W}t":
        return str(node.text or "")
    if node.tag == f"{_W}p":
        return numbering.label(node)
    parent = node.getparent()
    return " " if parent is not None and parent.tag == f"{_W}r" else ""


def _whole(value: str | None) -> int:
    """A size attribute as a number (0 when it is none, or longer than any size is)."""
    if value and len(value) <= 18 and value.isascii() and value.isdigit():
        return int(value)
    return 0


def _page_size(body: Any) -> tuple[int, int]:
    """The page's width and height in EMU, from the body's last section properties."""
    size = body.find(f"{_W}sectPr/{_W}pgSz")
    width = _whole(size.get(f"{_W}w")) if size is not None else 0
    height = _whole(size.get(f"{_W}h")) if size is not None else 0
    return (width or A4[0]) * EMU_PER_TWIP, (height or A4[1]) * EMU_PER_TWIP


def _large_images(element: Any, page: tuple[int, int]) -> int:
    """How many pictures in a paragraph or a table cell may hold part of the report
    (:func:`large_image`): drawings, sized in EMU, and the VML pictures of documents
    saved from the older format, sized in CSS. A picture given twice, as a drawing and
    as the VML fallback for older readers (``mc:Fallback``), counts once; a deleted one
    not at all."""
    sizes: list[tuple[float, float]] = [
        (_whole(e.get("cx")), _whole(e.get("cy")))
        for e in element.iter(f"{_WP}extent")
        if _shown(e)
    ]
    for data in element.iter(f"{_V}imagedata"):
        shape = data.getparent()
        if shape is not None and _shown(data):
            style = declarations(shape.get("style"))
            sizes.append(
                (_drawn(style.get("width"), page[0]), _drawn(style.get("height"), page[1]))
            )
    return sum(large_image(*size, *page) for size in sizes)


def _drawn(value: str | None, whole: int) -> float:
    """A VML picture's width or height in EMU; the page's (``whole``) when its style does
    not state it: a picture of unknown size may hold content."""
    size = length(value)
    return size.pixels(whole / EMU_PER_PIXEL) * EMU_PER_PIXEL if size else whole


def _shown(element: Any) -> bool:
    """Whether Word shows ``element``: not inside what it does not (:data:`_NOT_SHOWN`),
    nor in a run formatted as hidden text (``w:vanish``, as a template's instructions)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _NOT_SHOWN:
            return False
        if ancestor.tag == f"{_W}r":
            vanish = ancestor.find(f"{_W}rPr/{_W}vanish")
            if vanish is not None and vanish.get(f"{_W}val", "true") not in _OFF:
                return False
    return True


def _property(cell: Any, name: str) -> Any:
    properties = cell.find(f"{_W}tcPr")
    return None if properties is None else properties.find(f"{_W}{name}")


def _width(cell: Any) -> int:
    """How many grid columns a cell spans, at most 1 000 (a report's tables have a few):
    a number Word would not open the file with makes it a damaged document, not a fault
    of gilint's."""
    span = _property(cell, "gridSpan")
    value = "1" if span is None else span.get(f"{_W}val", "1")
    try:
        return max(1, min(int(value), 1000))
    except ValueError:
        raise LoaderError(
            f"无法作为 Word 文档读取（表格单元格的合并列数“{value[:20]}”不是整数）"
        ) from None


class _Writer(TextWriter):
    """The text of a Word body; tables cell by cell."""

    def table(
        self, table: Any, number: int, page: tuple[int, int], numbering: ListNumbering
    ) -> None:
        """A table, a line for each row; the pictures in its cells that may hold part
        of the report (a table pasted into a frame) noted after its rows."""
        images: list[Place] = []
        for row_number, row in enumerate(_children(table, f"{_W}tr"), 1):
            column = 1
            cells = list(_children(row, f"{_W}tc"))
            for index, cell in enumerate(cells, 1):
                width = _width(cell)
                merge = _property(cell, "vMerge")
                continued = merge is not None and merge.get(f"{_W}val", "continue") != "restart"
                if column > 1:
                    self.write("\t")
                text = ""
                place = Place("docx", table=number, row=row_number, column=column)
                if not continued:
                    text = _text(cell, numbering)
                    self.write(text, place)
                    images += [place] * _large_images(cell, page)
                # a value over several grid columns before the row's next cell is one
                # value; a "none" over the rest of the row stands in each of its cells
                if index == len(cells) and stands_for_none(text):
                    for _ in range(width - 1):
                        self.write("\t")
                        self.write(text, place)
                elif index == len(cells) or not is_value(text):
                    self.write("\t" * (width - 1))
                column += width
            self.write("\n")
        for place in images:
            self.unread_image(f"表格 {number} 第 {place.row} 行第 {place.column} 列", place)
        self.write("\n")


# How deep layout tables are read into: a frame in a frame is as far as a report goes;
# below that a table is read as data, so that no crafted nesting can exhaust the stack.
_LAYOUT_DEPTH = 4


def _blocks(container: Any, depth: int = 0) -> Iterator[Any]:
    """The paragraphs and data tables of a body (or a layout table's cell), in order. A
    table that lays out the page (:func:`_lays_out`), as some templates frame the whole
    report in a one-cell table: its cells are read as the body, in order, the tables in
    them as tables (read as one table, the report was one cell: no part and no table
    found)."""
    for element in _children(container, f"{_W}p", f"{_W}tbl"):
        if element.tag == f"{_W}tbl" and depth < _LAYOUT_DEPTH and _lays_out(element):
            for row in _children(element, f"{_W}tr"):
                for cell in _children(row, f"{_W}tc"):
                    yield from _blocks(cell, depth + 1)
        else:
            yield element


def _lays_out(table: Any) -> bool:
    """Whether a table lays out the page: it holds a table, or it is one cell framing
    paragraphs (a data table holds no report in one cell)."""
    if next(table.iterdescendants(f"{_W}tbl"), None) is not None:
        return True
    rows = list(_children(table, f"{_W}tr"))
    cells = list(_children(rows[0], f"{_W}tc")) if len(rows) == 1 else []
    if len(cells) != 1:
        return False
    paragraphs = _children(cells[0], f"{_W}p")
    written = sum(1 for p in paragraphs if "".join(p.itertext(f"{_W}t")).strip())
    return written > 1


def _related(part: Any, relationship: str) -> Any | None:
    """The XML of the document's part of that relationship (numbering, styles), if it
    has one."""
    try:
        return part.part_related_by(relationship).element
    except (KeyError, AttributeError):
        return None


class DocxLoader(Loader):
    """Word documents (.docx)."""

    name = "docx"
    suffixes = (".docx",)
    extra = "docx"
    modules = ("docx",)

    def sniff(self, data: bytes) -> bool:
        return is_docx(data)

    def cache_version(self) -> str | None:
        return versions("python-docx", "lxml")

    def load(self, data: bytes, origin: str) -> Loaded:
        try:
            with interrupts_deferred():  # lxml: Ctrl-C waits for the import's end
                import docx
                from docx.opc.constants import RELATIONSHIP_TYPE as RT
        except ImportError:
            raise MissingExtra("docx", " Word ") from None
        try:
            unpacked = unpacked_size(data)
        except Exception as exc:  # not a zip archive, or a damaged one
            raise _damaged(exc) from None
        if unpacked > MAX_UNPACKED:
            raise LoaderError(
                f"Word 文档解压后共 {unpacked / (1024 * 1024):.0f} MB，超过 "
                f"{MAX_UNPACKED // (1024 * 1024)} MB 的上限，未读取（文件内容异常，可能经过构造）"
            )
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # a damaged or foreign zip: python-docx raises many kinds
            raise _damaged(exc) from None
        body = document.element.body
        numbering = ListNumbering(
            _related(document.part, RT.NUMBERING), _related(document.part, RT.STYLES)
        )
        writer = _Writer()
        paragraphs = tables = 0
        page = _page_size(body)
        for element in _blocks(body):
            if element.tag == f"{_W}p":
                paragraphs += 1
                text = _text(element, numbering)
                if text:
                    writer.write(text, Place("docx", paragraph=paragraphs))
                    writer.write("\n\n")
                for _ in range(_large_images(element, page)):
                    place = Place("docx", paragraph=paragraphs)
                    writer.unread_image(f"第 {paragraphs} 段", place)
            elif element.tag == f"{_W}tbl":
                tables += 1
                writer.table(element, tables, page, numbering)
        return writer.loaded("docx")
