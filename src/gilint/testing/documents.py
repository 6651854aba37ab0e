"""Reports as the files users hold: HTML pages, Word documents and PDFs, made from
:class:`ReportData` at test time (nothing to download, nothing committed).

The tables are drawn as the national form draws them, with merged cells: the group
labels of table 三 span their rows, header cells span their columns. Each generator
also says where it put every cell, so a test can check that a finding points at the
right page or cell of the original.

HTML needs nothing; Word needs python-docx and PDF reportlab (the ``test`` extra).
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Collection
from typing import Any, Literal

import attrs

from gilint.testing.data import ReportData
from gilint.testing.render import Rendered, render

CellKey = tuple[str, str, str]  # (table id, row id, column id) of the format


@attrs.frozen(slots=True)
class GridCell:
    """A cell of a drawn table; the cells it spans over are None in the grid."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@attrs.frozen(slots=True)
class Block:
    """A paragraph, or a table as a grid of rows (None where a merged cell covers)."""

    paragraph: str | None = None
    rows: tuple[tuple[GridCell | None, ...], ...] = ()


@attrs.frozen(slots=True)
class Document:
    """A report as blocks, and where each cell of the format stands: the table's number
    among the document's tables, and the grid row and column (all 1-based)."""

    blocks: tuple[Block, ...]
    cells: dict[CellKey, tuple[int, int, int]]

    @property
    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.paragraph is None]


_BOLD = re.compile(r"\*\*")


def document(report: ReportData) -> Document:
    """The report's blocks, from its tab-separated rendering, each table on a proper grid
    as the national form draws it: a row's numbers in the last columns, its label cells
    first, the last label spanning the label columns it does not fill, a label with blank
    cells below it spanning those rows, a header cell spanning the blank cells after it."""
    rendered = render(report, "tabs")
    lines = rendered.text.split("\n")
    values = _value_cells(rendered, report, lines)
    blocks: list[Block] = []
    where: dict[int, tuple[int, int]] = {}  # text line -> (block index, row in block)
    columns: dict[int, list[int]] = {}  # block index -> grid column of each tab cell, per row
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" in line:
            start = index
            while index < len(lines) and "\t" in lines[index]:
                where[index + 1] = (len(blocks), index - start)
                index += 1
            block, placed = _table(
                [row.split("\t") for row in lines[start:index]],
                [values.get(n) for n in range(start + 1, index + 1)],
            )
            columns[len(blocks)] = placed  # type: ignore[assignment]
            blocks.append(block)
            continue
        if line.strip():
            blocks.append(Block(paragraph=_BOLD.sub("", line)))
        index += 1
    numbers = {id(b): n for n, b in enumerate((b for b in blocks if b.paragraph is None), 1)}
    cells: dict[CellKey, tuple[int, int, int]] = {}
    for key, (line_no, column) in rendered.cells.items():
        block_index, row = where[line_no]
        tab_cell = lines[line_no - 1][: column - 1].count("\t")
        grid_column = columns[block_index][row][tab_cell]  # type: ignore[index]
        cells[key] = (numbers[id(blocks[block_index])], row + 1, grid_column + 1)
    return Document(tuple(blocks), cells)


def _value_cells(
    rendered: Rendered, report: ReportData, lines: list[str]
) -> dict[int, tuple[int, int]]:
    """For each line of a table row: the tab cell of its first column, and how many
    columns it has, from the cells the renderer wrote (a blank cell is not written, but
    its row's other cells say where it stands)."""
    out: dict[int, tuple[int, int]] = {}
    for (table, _, column), (line_no, at) in rendered.cells.items():
        if line_no in out:
            continue
        spec = report.spec.table(table)
        if spec is None:
            continue
        tab_cell = lines[line_no - 1][: at - 1].count("\t")
        out[line_no] = (tab_cell - spec.column_ids.index(column), len(spec.columns))
    return out


def _first_text(row: list[str]) -> int:
    return next((i for i, text in enumerate(row) if text), len(row))


def _is_number(text: str) -> bool:
    return bool(text) and text.replace(".", "", 1).isdigit()


def _table(
    raw: list[list[str]], values: list[tuple[int, int] | None]
) -> tuple[Block, list[list[int]]]:
    """The grid of a block of tab lines, and the grid column of each tab cell. A row
    whose value cells are known (``values``: the tab cell of the first, and how many)
    has them all, blank ones too, in its last columns."""
    rows = [[c.strip() for c in r] for r in raw]
    split: list[tuple[list[str], list[str]]] = []  # (labels, numbers) of data rows
    for row, known in zip(rows, values, strict=True):
        if known is not None:
            first, count = known
            numbers = (row[first : first + count] + [""] * count)[:count]
        else:
            first = next((i for i, c in enumerate(row) if _is_number(c)), len(row))
            # the values: from the first number to the last cell written (a "-7" change
            # too); blank cells between them stay in their columns
            last = max((i for i in range(first, len(row)) if row[i]), default=first - 1)
            numbers = row[first : last + 1]
        labels = row[:first]
        while labels and not labels[-1]:
            labels.pop()
        split.append((labels, numbers))
    numeric = [bool(numbers) for _, numbers in split]
    label_width = max(
        (len(labels) for (labels, _), n in zip(split, numeric, strict=True) if n), default=0
    )
    value_width = max((len(numbers) for _, numbers in split), default=0)
    width = max(
        label_width + value_width,
        max((len(r) for r, n in zip(rows, numeric, strict=True) if not n), default=0),
    )
    texts: list[list[str]] = []
    spans: list[list[int]] = []  # colspan at each grid position that starts a cell
    placed: list[list[int]] = []
    for row, (labels, numbers), is_data in zip(rows, split, numeric, strict=True):
        if not is_data:  # a header row: as written, each cell over the blank ones after it
            line = (row + [""] * width)[:width]
            texts.append(line)
            spans.append([1] * width)
            placed.append(list(range(len(row))))
            continue
        line = labels + [""] * (width - len(labels) - len(numbers)) + numbers
        span = [1] * width
        if labels:
            span[len(labels) - 1] = width - len(numbers) - len(labels) + 1
        texts.append(line)
        spans.append(span)
        grid = list(range(len(labels)))
        grid += [width - len(numbers) + k for k in range(len(numbers))]
        # tab cells between the labels and the numbers (blank) stand in the spanned label
        tab_columns: list[int] = []
        label_index = 0
        for at in range(len(row)):
            if first <= at < first + len(numbers):
                tab_columns.append(grid[len(labels) + at - first])
            else:
                tab_columns.append(min(label_index, max(0, len(labels) - 1)))
                label_index += 1
        placed.append(tab_columns)
    covered = [[False] * width for _ in texts]
    grid_rows: list[tuple[GridCell | None, ...]] = []
    for r, line in enumerate(texts):
        out: list[GridCell | None] = []
        c = 0
        while c < width:
            if covered[r][c]:
                out.append(None)
                c += 1
                continue
            text = line[c]
            colspan = spans[r][c]
            if not numeric[r] and text:
                while c + colspan < width and not line[c + colspan]:
                    colspan += 1
            rowspan = 1
            if numeric[r] and text and not _is_number(text):
                while (
                    r + rowspan < len(texts)
                    and numeric[r + rowspan]
                    and _first_text(texts[r + rowspan]) > c  # its own labels start further right
                ):
                    rowspan += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    if dr or dc:
                        covered[r + dr][c + dc] = True
            out.append(GridCell(text, rowspan, colspan))
            out.extend([None] * (colspan - 1))
            c += colspan
        grid_rows.append(tuple(out))
    return Block(rows=tuple(grid_rows)), placed


def widen_values(doc: Document) -> Document:
    """The document with a grid column added after each table's first value column, as
    Word draws a table whose parts have different widths (table 二's items in one
    table): in every other row with a second value the second value spans the new
    column, in the rest the cell over the first value column does. A row's values then
    cover different grid columns from the rows around it and from its header; read as
    the page shows them, a value is one value however many grid columns it covers."""
    blocks: list[Block] = []
    moved: dict[tuple[int, int], int] = {}  # (table, grid row) -> first column shifted (1-based)
    number = 0
    for block in doc.blocks:
        if block.paragraph is not None:
            blocks.append(block)
            continue
        number += 1
        at = min(
            (c for r in block.rows for c, cell in enumerate(r) if cell and _is_number(cell.text)),
            default=0,
        )
        rows: list[tuple[GridCell | None, ...]] = []
        for index, row in enumerate(block.rows):
            cells = list(row)
            second = cells[at + 1] if at + 1 < len(cells) else None
            if index % 2 and second is not None and _is_number(second.text):
                # the second value reaches back over the new column
                cells[at + 1 : at + 2] = [attrs.evolve(second, colspan=second.colspan + 1), None]
                moved[number, index + 1] = at + 3
            else:
                start = max(c for c in range(at + 1) if cells[c] is not None or c == 0)
                cell = cells[start]
                if cell is not None and start + cell.colspan > at:
                    cells[start] = attrs.evolve(cell, colspan=cell.colspan + 1)
                cells.insert(at + 1, None)
                moved[number, index + 1] = at + 2
            rows.append(tuple(cells))
        blocks.append(Block(rows=tuple(rows)))
    places = {
        key: (table, row, column + (column >= moved[table, row]))
        for key, (table, row, column) in doc.cells.items()
    }
    return Document(tuple(blocks), places)


# -- HTML ----------------------------------------------------------------------------


def to_html(
    doc: Document,
    *,
    one_line: bool = False,
    charset: str = "utf-8",
    pictures: Collection[int] = (),
    framed: bool = False,
) -> bytes:
    """A web page: paragraphs as ``<p>``, tables with ``rowspan``/``colspan``; with
    ``one_line`` the whole article on one line, as many sites publish it. The page has a
    logo in a link, a hidden picture and caption for sharing, and a QR code, as sites
    have; the tables numbered in ``pictures`` (1-based) are an image 600 × 320 pixels
    instead, as in to_pdf. With ``framed``, the article stands in the one cell of a
    table, as older sites box it."""
    out = [
        "<!DOCTYPE html>",
        f'<html><head><meta charset="{charset}"><title>年度报告</title></head><body>',
        '<div class="crumbs"><a href="/"><img src="/images/logo.png" alt="首页"></a>'
        "首页 &gt; 政府信息公开 &gt; 年报</div>",
    ]
    if framed:
        out.append('<table width="100%"><tr><td>')
    number = 0
    for block in doc.blocks:
        if block.paragraph is not None:
            out.append(f"<p>{html.escape(block.paragraph)}</p>")
            continue
        number += 1
        if number in pictures:
            image = f'<img src="table-{number}.png" width="600" height="320" alt="">'
            out.append(f'<p style="text-align: center">{image}</p>')
            continue
        out.append('<table border="1">')
        for row in block.rows:
            cells = []
            for cell in row:
                if cell is None:
                    continue
                span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                    f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
                )
                cells.append(f"<td{span}>{html.escape(cell.text)}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
    if framed:
        out.append("</td></tr></table>")
    out.append(
        '<div style="display: none"><img src="/images/share.jpg"><p>分享到微信</p></div>'
        '<div>微信 微博 <img src="/images/qr.png" style="width: 120px; height: 120px"></div>'
        "</body></html>"
    )
    text = ("" if one_line else "\n").join(out) + "\n"
    return text.encode(charset)


def html_path(doc: Document, key: CellKey) -> str:
    """The path of a cell in :func:`to_html`'s page: ``table[n]/tr[r]/td[c]``, counting
    only the cells the page writes (not those a merged cell covers)."""
    table, row, column = doc.cells[key]
    cells = doc.tables[table - 1].rows[row - 1]
    written = sum(1 for cell in cells[:column] if cell is not None)
    return f"table[{table}]/tr[{row}]/td[{written}]"


# -- Word ----------------------------------------------------------------------------


def to_docx(
    doc: Document, pictures: Collection[int] = (), numbered: bool = False, framed: bool = False
) -> bytes:
    """A Word document with real merged cells (python-docx). The tables numbered in
    ``pictures`` (1-based) are a grey picture 6 inches wide instead, as in to_pdf. With
    ``numbered``, the parts' and subsections' ordinals (一、, （一）) are not in the text
    but drawn by a Word list, as Word makes of ordinals typed as one goes on. With
    ``framed``, the whole report stands in the one cell of a table, as some templates
    frame it."""
    import docx  # the test extra
    from docx.shared import Inches

    word = docx.Document()
    body: Any = word
    if framed:
        body = word.add_table(rows=1, cols=1).cell(0, 0)
    list_id = _add_ordinal_list(word) if numbered else None
    number = 0
    for block in doc.blocks:
        if block.paragraph is not None:
            paragraph = body.add_paragraph(block.paragraph)
            if list_id is not None:
                _number_by_list(paragraph, list_id)
            continue
        number += 1
        if number in pictures:
            body.add_paragraph().add_run().add_picture(_grey_png(), width=Inches(6))
            continue
        width = len(block.rows[0])
        table = body.add_table(rows=len(block.rows), cols=width)
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                target = table.cell(r, c)
                target.text = cell.text
                if cell.rowspan > 1 or cell.colspan > 1:
                    target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                    target.text = cell.text  # merging joins the blank cells' paragraphs
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ORDINAL = re.compile(r"^(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[)）])")


def _add_ordinal_list(word: Any) -> str:
    """A two-level list drawn as the format numbers: 一、 for parts, （一） under them."""
    from docx.oxml import parse_xml

    w = f'xmlns:w="{_WORD}"'
    numbering = word.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(f"{{{_WORD}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)  # definitions come before the lists
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _number_by_list(paragraph: Any, list_id: str) -> None:
    """Take a part's or subsection's ordinal out of the text and number the paragraph by
    the list instead (a paragraph without one is left as it is)."""
    from docx.oxml import parse_xml

    found = _ORDINAL.match(paragraph.text)
    if found is None:
        return
    level = 0 if found.group(1) else 1
    rest = paragraph.text[found.end() :]
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = rest
    properties = paragraph._p.get_or_add_pPr()
    properties.insert(
        0,
        parse_xml(
            f'<w:numPr xmlns:w="{_WORD}"><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{list_id}"/></w:numPr>'
        ),
    )


# -- PDF -----------------------------------------------------------------------------


def _widths(block: Block, total: float) -> list[float]:
    """Column widths: the label columns (those left of every number) share 45 % of the
    page, the number columns (blank ones among them) the rest, so that every table fits
    on one page."""
    width = len(block.rows[0])
    first = min(
        (c for r in block.rows for c, cell in enumerate(r) if cell and _is_number(cell.text)),
        default=width,
    )
    labels = [c < first for c in range(width)]
    count = sum(labels)
    if not count or count == width:
        return [total / width] * width
    label, number = total * 0.45 / count, total * 0.55 / (width - count)
    return [label if is_label else number for is_label in labels]


def to_pdf(
    doc: Document,
    pictures: Collection[int] = (),
    *,
    ruled: bool = True,
    align: Literal["TOP", "MIDDLE", "BOTTOM"] = "MIDDLE",
    running_head: str | None = None,
    framed: bool = False,
) -> tuple[bytes, dict[int, int]]:
    """A PDF (reportlab, its built-in CJK font STSong-Light), each table on a page of its
    own and the paragraphs between tables on theirs; and the page of each table. The
    tables numbered in ``pictures`` (1-based, among the document's tables) are drawn as
    a grey picture of 500 × 300 points instead, as a table pasted as a picture is.
    Without ``ruled``, the tables have no ruling lines (a table finder sees none); the
    cells' text stands at the ``align`` of its cell. A ``running_head`` is printed at
    the top of every page, and then the page's number (``- 2 -``) at its foot. With
    ``framed``, every page has a ruled border around its text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        Image,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Table,
        TableStyle,
    )

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=15)
    cell_style = ParagraphStyle("cell", fontName="STSong-Light", fontSize=6.5, leading=8)
    story: list[object] = []
    pages: dict[int, int] = {}
    page = 1
    previous: str | None = None
    for block in doc.blocks:
        kind = "para" if block.paragraph is not None else "table"
        if previous is not None and (kind == "table" or previous == "table"):
            story.append(PageBreak())
            page += 1
        previous = kind
        if block.paragraph is not None:
            story.append(Paragraph(html.escape(block.paragraph), body))
            continue
        pages[len(pages) + 1] = page
        if len(pages) in pictures:
            story.append(Image(_grey_png(), width=500, height=300))
            continue
        data = [
            [Paragraph(html.escape(c.text), cell_style) if c else "" for c in row]
            for row in block.rows
        ]
        commands: list[tuple[object, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
            ("VALIGN", (0, 0), (-1, -1), align),
        ]
        if ruled:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                if cell is not None and (cell.rowspan > 1 or cell.colspan > 1):
                    end = (c + cell.colspan - 1, r + cell.rowspan - 1)
                    commands.append(("SPAN", (c, r), end))
        table = Table(data, colWidths=_widths(block, A4[0] - 60), splitByRow=False)
        table.setStyle(TableStyle(commands))
        story.append(table)
    out = io.BytesIO()

    def furniture(canvas: Any, template: Any) -> None:
        if framed:
            canvas.rect(20, 20, A4[0] - 40, A4[1] - 40)
        if running_head is not None:
            canvas.setFont("STSong-Light", 9)
            canvas.drawCentredString(A4[0] / 2, A4[1] - 30, running_head)
            canvas.drawCentredString(A4[0] / 2, 25, f"- {template.page} -")

    SimpleDocTemplate(out, pagesize=A4, leftMargin=30, rightMargin=30).build(
        story, onFirstPage=furniture, onLaterPages=furniture
    )
    return out.getvalue(), pages


def _grey_png() -> io.BytesIO:
    from PIL import Image  # reportlab's own dependency

    out = io.BytesIO()
    Image.new("L", (50, 30), 200).save(out, "PNG")
    out.seek(0)
    return out
