"""The PDF loader (``gilint[pdf]``): a published PDF to text.

Tables come from pdfplumber's table finder: each row one line of tab-separated cells,
a merged cell's continuation blank (the finder gives it no text), line breaks inside a
cell removed. Text outside the tables is read by lines, each character assigned by its
centre, with a blank line where the vertical gap between lines is large (a new
paragraph). Pages without any drawn line or rectangle have no ruled table; they are read
by pypdfium2 alone, several times faster than the layout analysis the table finder
needs. Every cell and line keeps its page and bounding box (points, from the top left).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from typing import Any

from gilint.loaders import Loader, LoaderError, MissingExtra
from gilint.loading import Loaded
from gilint.places import Piece, Place, SourceMap

Box = tuple[float, float, float, float]


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pieces: list[Piece] = []

    def write(self, text: str, place: Place | None = None) -> None:
        if place is not None and text:
            self.pieces.append(Piece(self.length, self.length + len(text), place))
        self.parts.append(text)
        self.length += len(text)


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

    def write(self, writer: _Writer) -> None:
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


def _has_rulings(page: Any) -> bool:
    """Whether a pypdfium2 page draws any path (a table's lines or cell borders)."""
    import pypdfium2.raw as raw

    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2))


def _pdfium_lines(page: Any) -> Iterator[tuple[str, Box]]:
    """A page's text by lines with pypdfium2: its text rectangles (one per run of text on
    a line, in reading order), those on the same line joined with a space."""
    textpage = page.get_textpage()
    height = page.get_height()
    current: tuple[str, Box] | None = None
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left, bottom, right, top).strip()
        if not text:
            continue
        box = (left, height - top, right, height - bottom)
        if current is not None and abs(_middle(current[1]) - _middle(box)) <= 2.0:
            joined = current[1]
            current = (
                f"{current[0]} {text}",
                (
                    min(joined[0], box[0]),
                    min(joined[1], box[1]),
                    max(joined[2], box[2]),
                    max(joined[3], box[3]),
                ),
            )
            continue
        if current is not None:
            yield current
        current = (text, box)
    if current is not None:
        yield current
    textpage.close()


def _middle(box: Box) -> float:
    return (box[1] + box[3]) / 2


def _plumber_page(page: Any, number: int) -> _Page:
    """A page with ruled tables, through pdfplumber's table finder."""
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
    modules = ("pdfplumber", "pypdfium2")

    def sniff(self, data: bytes) -> bool:
        return b"%PDF-" in data[:1024]

    def load(self, data: bytes, origin: str) -> Loaded:
        try:
            import pdfplumber
            import pypdfium2
        except ImportError:
            raise MissingExtra("pdf", " PDF ") from None
        writer = _Writer()
        try:
            document = pypdfium2.PdfDocument(data)
        except Exception as exc:  # pypdfium2 raises its own kinds for damaged files
            raise LoaderError(f"无法作为 PDF 读取（{type(exc).__name__}: {exc}）") from None
        plumber = None
        try:
            for index in range(len(document)):
                page = document[index]
                if _has_rulings(page):
                    if plumber is None:
                        plumber = pdfplumber.open(io.BytesIO(data))
                    result = _plumber_page(plumber.pages[index], index + 1)
                else:
                    result = _Page(index + 1)
                    for text, box in _pdfium_lines(page):
                        result.line(text, box)
                result.write(writer)
                page.close()
        except LoaderError:
            raise
        except Exception as exc:  # a page the libraries cannot read
            raise LoaderError(f"PDF 无法读取（{type(exc).__name__}: {exc}）") from None
        finally:
            if plumber is not None:
                plumber.close()
            document.close()
        return Loaded(
            "".join(writer.parts),
            encoding="pdf",
            origin="pdf",
            source_map=SourceMap(writer.pieces),
        )
