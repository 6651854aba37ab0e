"""The PDF loader (``gilint[pdf]``): a published PDF to text.

Tables come from pdfplumber's table finder: each row one line of tab-separated cells,
a merged cell's continuation blank (the finder gives it no text), line breaks inside a
cell removed. Text outside the tables is read by lines, each character assigned by its
centre, with a blank line where the vertical gap between lines is large (a new
paragraph). Every cell and line keeps its page and bounding box (points, from the top
left).

Every page goes through pdfminer's layout analysis, the slow part. pypdfium2 would read
text several times faster, but it drops characters: in PDFs whose CJK font is not
embedded, a character alone on a line (the last character of a wrapped cell label or
paragraph: 信息 read as 信) is missing from its text, and a lost character is a false
finding (a label not recognised, 信息处理费 not found). See docs/loaders.md.
"""

from __future__ import annotations

import io
import itertools
from typing import Any

from gilint.extras import versions
from gilint.interrupts import interrupts_deferred
from gilint.loaders import Loader, LoaderError, MissingExtra, TextWriter
from gilint.loading import Loaded
from gilint.places import Place

Box = tuple[float, float, float, float]


def _cell_text(text: str | None) -> str:
    """A cell's text on one line: a label wrapped in its cell is one label."""
    return "".join((text or "").split("\n")).strip()


def _inside(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


class _Page:
    """One page's blocks in reading order: ("line", text, box) and ("row", cells)."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.items: list[tuple[float, int, Any]] = []  # (top, order, item)

    def line(self, text: str, box: Box) -> None:
        self.items.append((box[1], len(self.items), ("line", text, box)))

    def row(self, cells: list[tuple[str, Box | None]], top: float) -> None:
        self.items.append((top, len(self.items), ("row", cells)))

    def write(self, writer: TextWriter) -> None:
        items = [item for _, _, item in sorted(self.items, key=lambda e: (e[0], e[1]))]
        paragraph_gap = _paragraph_gap([item[2] for item in items if item[0] == "line"])
        previous: Box | None = None  # the last line's box; None after a table row
        for index, item in enumerate(items):
            if item[0] == "row":
                if index and items[index - 1][0] == "line":
                    writer.write("\n")  # a table is a block of its own
                for column, (text, box) in enumerate(item[1]):
                    if column:
                        writer.write("\t")
                    if box is not None:
                        writer.write(text, Place("pdf", page=self.number, bbox=_round(box)))
                writer.write("\n")
                previous = None
                continue
            _, text, box = item
            if index and (previous is None or box[1] - previous[1] > paragraph_gap):
                writer.write("\n")
            writer.write(text, Place("pdf", page=self.number, bbox=_round(box)))
            writer.write("\n")
            previous = box
        writer.write("\n")


def _paragraph_gap(boxes: list[Box]) -> float:
    """How far apart two lines' tops are when a paragraph lies between them: more than
    1.4 times the page's usual line pitch (its median)."""
    pitches = sorted(b[1] - a[1] for a, b in itertools.pairwise(boxes) if b[1] > a[1])
    if not pitches:
        return float("inf")
    return 1.4 * pitches[len(pitches) // 2]


def _round(box: Box) -> Box:
    return (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1))


def _plumber_page(page: Any, number: int) -> _Page:
    """A page's tables (pdfplumber's table finder) and the lines of text around them."""
    out = _Page(number)
    tables = page.find_tables()
    boxes: list[Box] = [tuple(t.bbox) for t in tables]
    for table in tables:
        for texts, row in zip(table.extract(), table.rows, strict=False):
            cells = [
                (_cell_text(text), tuple(box) if box is not None else None)
                for text, box in zip(texts, row.cells, strict=False)
            ]
            top = min((box[1] for _, box in cells if box is not None), default=table.bbox[1])
            out.row(cells, top)

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(_inside(box, x, y) for box in boxes)

    for line in page.filter(outside).extract_text_lines(strip=True, return_chars=False):
        if line["text"].strip():
            out.line(line["text"], (line["x0"], line["top"], line["x1"], line["bottom"]))
    return out


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
        writer = TextWriter()
        try:
            with pdfplumber.open(io.BytesIO(data)) as document:
                for number, page in enumerate(document.pages, 1):
                    _plumber_page(page, number).write(writer)
                    page.close()  # pdfminer's objects of a page are not needed again
        except Exception as exc:  # pdfminer and pdfplumber raise many kinds on bad files
            raise LoaderError(f"无法作为 PDF 读取（{type(exc).__name__}: {exc}）") from None
        return writer.loaded("pdf")
