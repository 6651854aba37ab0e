"""The PDF loader (``gilint[pdf]``): a published PDF to text.

Tables come from pdfplumber's table finder: each row one line of tab-separated cells,
a merged cell's continuation blank (the finder gives it no text) unless a value spans it
before its row's next cell (a number over two grid columns is one value), line breaks
inside a cell removed. Text outside the tables is read by lines, each character assigned
by its centre, with a blank line where the vertical gap between lines is large (a new
paragraph). Every cell and line keeps its page and bounding box (points, from the top
left).

Every page goes through pdfminer's layout analysis, the slow part. pypdfium2 would read
text several times faster, but it drops characters: in PDFs whose CJK font is not
embedded, a character alone on a line (the last character of a wrapped cell label or
paragraph: 信息 read as 信) is missing from its text, and a lost character is a false
finding (a label not recognised, 信息处理费 not found). See docs/loaders.md.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import re
from collections.abc import Collection, Iterator
from typing import Any

from gilint.extras import versions
from gilint.interrupts import interrupts_deferred
from gilint.lexer import is_value, stands_for_none
from gilint.loaders import Loader, LoaderError, MissingExtra, TextWriter, large_image
from gilint.loaders.pdf_lines import Box, Line, labels_before_numbers
from gilint.loaders.pdf_lines import line as read_line
from gilint.loading import Loaded, LoadProblem
from gilint.places import Place

# pdfminer's text for a glyph whose font gives no character for it (no ToUnicode map,
# or one it could not read): "(cid:1234)". Its digits must not be read as a number.
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")


def _cell_text(text: str | None) -> str:
    """A cell's text on one line: a label wrapped in its cell is one label."""
    return "".join((text or "").split("\n")).strip()


def _row_cells(
    texts: list[str | None], boxes: list[Any], starts: list[float]
) -> Iterator[tuple[str, Box | None]]:
    """A row's cells, a merged cell's continuation blank; but the grid columns a value
    spans before the row's next cell are not cells at all (a number over two grid
    columns is one value, as Word draws a table whose parts have different widths on one
    grid); a "none" over the rest of the row stands in each of the cells it covers."""
    last = max((i for i, box in enumerate(boxes) if box is not None), default=-1)
    spanned_to: float | None = None  # the right edge of the value last written
    filled: tuple[str, Box] | None = None  # the row's last cell, if a "none"
    for index, (text, box, start) in enumerate(zip(texts, boxes, starts, strict=False)):
        if box is None and filled is not None and start < filled[1][2] - 1:
            yield filled
            continue
        if box is None and spanned_to is not None and start < spanned_to - 1:
            continue
        cell = _cell_text(text)
        spanned = box is not None and index < last and is_value(cell)
        spanned_to = box[2] if spanned else None
        if box is not None and index == last and stands_for_none(cell):
            filled = (cell, tuple(box))
        yield cell, tuple(box) if box is not None else None


def _inside(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


class _Page:
    """One page's blocks: ("line", Line), ("row", cells) and ("image", box), as read,
    then (:meth:`settle`) in the order they are written."""

    def __init__(self, number: int, height: float) -> None:
        self.number = number
        self.height = height
        self.items: list[tuple[float, int, Any]] = []  # (top, order, item), as read
        self.ordered: list[Any] = []  # the items as written (settle)
        self.paragraph_gap = float("inf")
        self.characters = 0  # read, spaces aside
        self.unmapped = 0  # of them, glyphs with no character (U+FFFD in the text)

    def _count(self, text: str) -> str:
        text, unmapped = _UNMAPPED_GLYPH.subn("\ufffd", text)
        self.unmapped += unmapped
        self.characters += len(text) - text.count(" ")
        return text

    def line(self, read: Line) -> None:
        read = read._replace(text=self._count(read.text))
        self.items.append((read.box[1], len(self.items), ("line", read)))

    def row(self, cells: list[tuple[str, Box | None]], top: float) -> None:
        cells = [(self._count(text), box) for text, box in cells]
        self.items.append((top, len(self.items), ("row", cells)))

    def image(self, box: Box) -> None:
        self.items.append((box[1], len(self.items), ("image", box)))

    def settle(self) -> None:
        """Put the page's items in the order they are written, top to bottom with a
        table's row labels before their numbers, and let go of what only that order
        needed (each line's characters): the pages are kept until all are read."""
        items = [item for _, _, item in sorted(self.items, key=lambda e: (e[0], e[1]))]
        self.paragraph_gap = _paragraph_gap([item[1].box for item in items if item[0] == "line"])
        self.ordered = [
            ("line", item[1]._replace(characters=())) if item[0] == "line" else item
            for item in _labels_first(items)
        ]
        self.items = []

    def margin_lines(self) -> Iterator[tuple[int, str, int]]:
        """The lines in the page's top and bottom margins, where a running head or foot
        stands, as (index, text without its digits and spaces, height in steps of
        ``_SAME_HEIGHT``)."""
        for index, item in enumerate(self.ordered):
            if item[0] != "line":
                continue
            box = item[1].box
            if box[3] < self.height * _MARGIN or box[1] > self.height * (1 - _MARGIN):
                text = _DIGITS_AND_SPACES.sub("", item[1].text)
                # (numbers alone may be a table's row, and a numbered heading at a page's
                # top ("三、收到和处理…") stands so in each report of a volume: neither
                # is furniture)
                if text and not _NUMBERED_HEADING.match(text):
                    yield index, text, round(box[1] / _SAME_HEIGHT)

    def drop(self, indexes: Collection[int]) -> None:
        """Leave out the items at ``indexes`` (the page's furniture)."""
        self.ordered = [item for index, item in enumerate(self.ordered) if index not in indexes]

    def write(self, writer: TextWriter) -> None:
        lowest: float | None = None  # the lowest line's top so far; None after a table row
        for index, item in enumerate(self.ordered):
            if item[0] == "image":
                place = Place("pdf", page=self.number, bbox=_round(item[1]))
                writer.unread_image(f"第 {self.number} 页", place)
                lowest = None
                continue
            if item[0] == "row":
                if index and lowest is not None:
                    writer.write("\n")  # a table is a block of its own
                for column, (text, box) in enumerate(item[1]):
                    if column:
                        writer.write("\t")
                    if box is not None:
                        writer.write(text, Place("pdf", page=self.number, bbox=_round(box)))
                writer.write("\n")
                lowest = None
                continue
            text, box = item[1].text, item[1].box
            if index and (lowest is None or box[1] - lowest > self.paragraph_gap):
                writer.write("\n")
            writer.write(text, Place("pdf", page=self.number, bbox=_round(box)))
            writer.write("\n")
            lowest = box[1] if lowest is None else max(lowest, box[1])
        writer.write("\n")


# A running head or foot stands in the top or bottom margin: a line within this share of
# the page's height from its top or bottom edge (A4: 101 points; body text starts some
# 72 to 105 points down), at the same height on each page (its top, in steps of so many
# points).
_MARGIN = 0.12
_SAME_HEIGHT = 3.0
_DIGITS_AND_SPACES = re.compile(r"[\d\s]+")
# A heading numbered as a report's parts and subsections are ("三、…", "（一）…")
_NUMBERED_HEADING = re.compile(r"[（(]?[一二三四五六七八九十]{1,3}[、）)]")


def _without_furniture(pages: list[_Page]) -> None:
    """Leave out of ``pages`` what a word processor prints on every page around the
    body: a line in the top or bottom margin whose text, digits aside, stands at the
    same height on another page too (a running head with the report's title, a page
    number). Inside a table broken over two pages, a running head stood inside the
    label of a row broken across them."""
    margins = [list(page.margin_lines()) for page in pages]
    seen: dict[tuple[str, int], set[int]] = {}
    for page, lines in zip(pages, margins, strict=True):
        for _, text, height in lines:
            seen.setdefault((text, height), set()).add(page.number)
    repeated = {key for key, numbers in seen.items() if len(numbers) > 1}
    if not repeated:
        return
    for page, lines in zip(pages, margins, strict=True):
        page.drop({index for index, text, height in lines if (text, height) in repeated})


def _labels_first(items: list[Any]) -> list[Any]:
    """The page's items, each run of lines of text with a table's wrapped row labels
    before their numbers (:func:`gilint.loaders.pdf_lines.labels_before_numbers`)."""
    out: list[Any] = []
    for is_line, run in itertools.groupby(items, key=lambda item: item[0] == "line"):
        if is_line:
            out.extend(("line", ln) for ln in labels_before_numbers([i[1] for i in run]))
        else:
            out.extend(run)
    return out


def _paragraph_gap(boxes: list[Box]) -> float:
    """How far apart two lines' tops are when a paragraph lies between them: more than
    1.4 times the page's usual line pitch (its median)."""
    pitches = sorted(b[1] - a[1] for a, b in itertools.pairwise(boxes) if b[1] > a[1])
    if not pitches:
        return float("inf")
    return 1.4 * pitches[len(pitches) // 2]


def _round(box: Box) -> Box:
    return (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1))


# How close two copies of a glyph stand, in points, when a document draws it twice to
# look bold: some producers overprint a line shifted by a fraction of a point.
_OVERPRINT = 1.0


def _overprinted(chars: list[dict[str, Any]]) -> set[int]:
    """The ``id`` of each character drawn again over an earlier copy of itself (the same
    text, font and size, within :data:`_OVERPRINT` of it): read, "二、主动公开" came out
    as "二二、、主主动动公公开开". Characters are put in cells of the grid that size, and
    each looks only at the cells around its own, so a page costs as many steps as it has
    characters (pdfplumber's own dedupe_chars takes time as the square of them)."""
    seen: dict[tuple[Any, ...], list[tuple[float, float]]] = {}
    again: set[int] = set()
    for char in chars:
        top, x0 = char["top"], char["x0"]
        kind = (char["text"], char.get("fontname"), char.get("size"), char.get("upright"))
        row, column = int(top // _OVERPRINT), int(x0 // _OVERPRINT)
        near = (
            seen.get((*kind, r, c), ())
            for r in (row - 1, row, row + 1)
            for c in (column - 1, column, column + 1)
        )
        if any(
            abs(t - top) <= _OVERPRINT and abs(x - x0) <= _OVERPRINT
            for cell in near
            for t, x in cell
        ):
            again.add(id(char))
        else:
            seen.setdefault((*kind, row, column), []).append((top, x0))
    return again


def _plumber_page(page: Any, number: int) -> _Page:
    """A page's tables (pdfplumber's table finder) and the lines of text around them,
    each character read once however many times it is drawn over itself."""
    out = _Page(number, float(page.height))
    again = _overprinted(page.chars)
    if again:
        page = page.filter(lambda obj: id(obj) not in again)
    tables = page.find_tables()
    boxes: list[Box] = [tuple(t.bbox) for t in tables]
    for table in tables:
        starts = sorted({cell[0] for cell in table.cells})  # the grid's columns, left edges
        for texts, row in zip(table.extract(), table.rows, strict=False):
            cells = list(_row_cells(texts, row.cells, starts))
            top = min((box[1] for _, box in cells if box is not None), default=table.bbox[1])
            out.row(cells, top)

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(_inside(box, x, y) for box in boxes)

    for line in page.filter(outside).extract_text_lines(strip=True, return_chars=True):
        if line["text"].strip():
            box = (line["x0"], line["top"], line["x1"], line["bottom"])
            out.line(read_line(line["text"], box, line["chars"]))
    for image in _unread_images(page):
        out.image(image)
    out.settle()
    return out


def _unread_images(page: Any) -> list[Box]:
    """The page's images large enough to hold part of a report (:func:`large_image`)
    with no text over them: a scan with a text layer has its text over the image."""
    boxes: list[Box] = [(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
    large = [b for b in boxes if large_image(b[2] - b[0], b[3] - b[1], page.width, page.height)]
    if not large:
        return []
    centres = [
        ((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2)
        for c in page.chars
        if c["text"].strip()
    ]
    return [box for box in large if not any(_inside(box, x, y) for x, y in centres)]


class PdfLoader(Loader):
    """PDF files."""

    name = "pdf"
    suffixes = (".pdf",)
    extra = "pdf"
    modules = ("pdfplumber",)

    def sniff(self, data: bytes) -> bool:
        return b"%PDF-" in data[:1024]

    def cache_version(self) -> str | None:
        return versions("pdfplumber", "pdfminer.six")

    def load(self, data: bytes, origin: str) -> Loaded:
        try:
            with interrupts_deferred():  # compiled parts: Ctrl-C waits for the import's end
                import pdfplumber
        except ImportError:
            raise MissingExtra("pdf", " PDF ") from None
        read: list[_Page] = []
        try:
            with _library_quiet(), pdfplumber.open(io.BytesIO(data)) as document:
                for number, page in enumerate(document.pages, 1):
                    read.append(_plumber_page(page, number))
                    page.close()  # pdfminer's objects of a page are not needed again
        except Exception as exc:  # pdfminer and pdfplumber raise many kinds on bad files
            raise LoaderError(_failure(exc)) from None
        _without_furniture(read)
        writer = TextWriter()
        for each in read:
            each.write(writer)
        characters = sum(each.characters for each in read)
        unmapped = sum(each.unmapped for each in read)
        return writer.loaded("pdf", _glyph_problems(writer, len(read), characters, unmapped))


@contextlib.contextmanager
def _library_quiet() -> Iterator[None]:
    """pdfminer's warnings on a damaged file ("MediaBox missing from /Page, defaulting
    to US Letter") held back while a file is read: with no logging set up they reach
    the user's terminal, in English, beside gilint's own output. What stops the reading
    is a finding (GI901); what does not, does not concern the user."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _failure(exc: Exception) -> str:
    """Why a PDF could not be read. pdfplumber wraps pdfminer's errors, whose own text
    can be empty: a PDF that asks for a password says nothing else."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    inner = exc.args[0] if exc.args else None
    if isinstance(exc, PDFPasswordIncorrect) or isinstance(inner, PDFPasswordIncorrect):
        return "PDF 文件已加密，需要密码才能打开，未读取"
    return f"无法作为 PDF 读取（{type(exc).__name__}: {exc}）"


def _glyph_problems(
    writer: TextWriter, pages: int, characters: int, unmapped: int
) -> tuple[LoadProblem, ...]:
    """What the text lacks. No text at all is a scan (or text drawn as shapes), and
    mostly glyphs without characters is text nobody can read: either way the file is
    not checked, since every part would be reported missing. A few such glyphs are
    U+FFFD, content gilint could not read (ast.UNREAD_CONTENT), noted once: a heading
    or a statement may be among them."""
    if not characters:
        raise LoaderError(
            f"PDF 共 {pages} 页，没有可提取的文字（可能是扫描件或图片），"
            "需先进行文字识别（OCR）后再检查"
        )
    if unmapped * 2 > characters:
        raise LoaderError(
            f"PDF 中 {characters} 个字符有 {unmapped} 个无法转换为文字（字体缺少编码信息），"
            "未能检查；可先进行文字识别（OCR）后再检查"
        )
    if not unmapped:
        return ()
    first = "".join(writer.parts).find("\ufffd")
    message = f"PDF 中有 {unmapped} 个字符无法转换为文字（字体缺少编码信息），已替换为“\ufffd”"
    return (LoadProblem("unmapped-glyphs", message, first),)
