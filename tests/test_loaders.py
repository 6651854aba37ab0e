"""PDF, Word and HTML reports: read with the loaders, every finding placed in the
original (page, table cell, source line and cell path). The files are made here from
the testing kit's reports: HTML by hand, Word with python-docx (real merged cells), PDF
with reportlab (its built-in CJK font)."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from gilint import cli
from gilint.config import Config
from gilint.linting import Linter
from gilint.loaders import Loader, choose
from gilint.loaders.text import TextLoader
from gilint.places import Place
from gilint.testing import render, sample_report
from gilint.testing.documents import (
    Block,
    Document,
    GridCell,
    document,
    html_path,
    to_docx,
    to_html,
    to_pdf,
)

from support import run_gilint

pytest.importorskip("docx", reason="the test extra installs python-docx")
pytest.importorskip("reportlab", reason="the test extra installs reportlab")
pytest.importorskip("pdfplumber", reason="the test extra installs pdfplumber")

PLANTED = ("3", "new", "natural_person")
# a wrong number in an outcome row breaks the outcome total and the applicant total
OUTCOME = ("3", "outcome.disclosed", "natural_person")


def _planted(template: str, cell: tuple[str, str, str] = PLANTED) -> tuple[Document, Document]:
    good = sample_report(template, seed=7)
    return document(good), document(good.with_cell(*cell, "999"))


def _total(cell: tuple[str, str, str]) -> tuple[str, str, str]:
    """The total cell of a cell's row: what a broken row sum (GI203) underlines."""
    return (cell[0], cell[1], "total")


def _underlined(code: str, cell: tuple[str, str, str]) -> tuple[str, str, str]:
    """The cell a finding underlines: the wrong cell for a column sum, the row's total
    for a row sum."""
    return _total(cell) if code == "GI203" else cell


def _lint(data: bytes, name: str) -> list:  # type: ignore[type-arg]
    linter = Linter(Config(select=("GI",)))
    return linter.check(linter.parse(data, path=name))


def _errors(findings: list) -> list:  # type: ignore[type-arg]
    return [f for f in findings if f.severity.value == "error"]


_MAKERS: dict[str, Callable[[Document], bytes]] = {
    "page.html": to_html,
    "one-line.html": lambda d: to_html(d, one_line=True),
    "gbk.html": lambda d: to_html(d, charset="gbk"),
    "report.docx": to_docx,
    "report.pdf": lambda d: to_pdf(d)[0],
}


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("name", list(_MAKERS))
def test_a_correct_report_gets_no_error(template: str, name: str) -> None:
    good, _ = _planted(template)
    assert _errors(_lint(_MAKERS[name](good), name)) == []


_OWN_TABLE = Block(
    rows=tuple(
        (GridCell(label), GridCell(number))
        for label, number in (("申请方式", "件数"), ("当面申请", "3"), ("网上申请", "5"))
    )
)


@pytest.mark.parametrize("name", list(_MAKERS))
@pytest.mark.parametrize("before", ["三、收到和处理", "四、政府信息公开行政复议", "五、存在"])
def test_a_table_the_report_adds_after_a_parts_table_is_noted(name: str, before: str) -> None:
    """A table of the body's own, with a header row, after a part's tables (after table
    二's last, of one number a row like it, too): its rows were rows of the format's
    table the format does not name (GI901 errors). It is noted as not checked."""
    good, _ = _planted("2021")
    at = next(i for i, b in enumerate(good.blocks) if (b.paragraph or "").startswith(before))
    added = attrs.evolve(good, blocks=(*good.blocks[:at], _OWN_TABLE, *good.blocks[at:]))
    findings = _lint(_MAKERS[name](added), name)
    assert _errors(findings) == []
    assert "格式规定的统计表以外的表格，其数据未参与检查" in [f.message for f in findings]


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("name", list(_MAKERS))
def test_a_heading_in_bold_at_the_start_of_its_paragraph(template: str, name: str) -> None:
    """Word documents and web pages often set a part's heading in bold at the start of
    its first paragraph ("<p><strong>六、其他需要报告的事项</strong>本年度…</p>"): one
    paragraph, with no space after the title. Read as the parts with their text, as
    with the heading apart: the title was read to the first full stop (GI104 for three
    parts, and part 六's fee statement lost in its title: GI401)."""
    good, _ = _planted(template)
    blocks = list(good.blocks)
    for heading in ("一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        at = blocks.index(Block(paragraph=heading))
        blocks[at : at + 2] = [Block(paragraph=heading + (blocks[at + 1].paragraph or ""))]
        assert blocks[at + 1].paragraph != heading
    data = _MAKERS[name](attrs.evolve(good, blocks=tuple(blocks)))
    if name in ("page.html", "one-line.html"):
        for heading in ("一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
            data = data.replace(f">{heading}".encode(), f"><strong>{heading}</strong>".encode())
        assert data.count(b"<strong>") == 3
    expected = [f for f in _lint(_MAKERS[name](good), name) if f.severity.value != "info"]
    findings = _lint(data, name)
    assert [f for f in findings if f.severity.value != "info"] == expected
    assert "信息处理费" not in " ".join(f.message for f in findings)


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("name", ["page.html", "one-line.html", "gbk.html"])
def test_html_findings_point_at_the_cell_path_and_source_line(template: str, name: str) -> None:
    _, broken = _planted(template)
    data = _MAKERS[name](broken)
    findings = _errors(_lint(data, name))
    assert sorted(f.code for f in findings) == ["GI201", "GI203"]
    outcome = _errors(_lint(_MAKERS[name](_planted(template, OUTCOME)[1]), name))
    assert sorted(f.code for f in outcome) == ["GI202", "GI203"]
    assert all(
        html_path(_planted(template, OUTCOME)[1], OUTCOME)
        in [p.path for p in f.related_places if p]
        for f in outcome
    )
    source = data.decode("gbk" if name.startswith("gbk") else "utf-8").split("\n")
    for finding in findings:
        place = finding.place
        cell = _underlined(finding.code, PLANTED)
        assert place is not None and place.kind == "html"
        assert place.path == html_path(broken, cell)
        line = source[place.line - 1]  # type: ignore[operator]
        assert line[place.column - 1 :].startswith("<td")  # type: ignore[operator]
        column = "自然人" if cell == PLANTED else "总计"
        assert finding.logical == f"表三/一、本年新收政府信息公开申请数量/{column}"
    broken_sum = next(f for f in findings if f.code == "GI201")
    assert html_path(broken, PLANTED) in [p.path for p in broken_sum.related_places if p]


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize(
    ("cell", "codes"), [(PLANTED, ["GI201", "GI203"]), (OUTCOME, ["GI202", "GI203"])]
)
def test_word_findings_point_at_the_table_cell(
    template: str, cell: tuple[str, str, str], codes: list[str]
) -> None:
    _, broken = _planted(template, cell)
    findings = _errors(_lint(to_docx(broken), "report.docx"))
    assert sorted(f.code for f in findings) == codes
    table, row, column = broken.cells[cell]
    for finding in findings:
        underlined = broken.cells[_underlined(finding.code, cell)]
        assert finding.place == Place("docx", table=underlined[0], row=row, column=underlined[2])
        assert Place("docx", table=table, row=row, column=column) in finding.related_places


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_word_report_framed_in_a_one_cell_table_is_read_as_its_body(template: str) -> None:
    """Some templates frame the whole report in a table of one cell: read as a table, the
    report was one cell, and no part or table was found (GI101 for every part)."""
    good, broken = _planted(template)
    framed = _lint(to_docx(good, framed=True), "report.docx")
    assert [f for f in framed if f.severity.value in ("error", "warning")] == []
    findings = _errors(_lint(to_docx(broken, framed=True), "report.docx"))
    assert sorted(f.code for f in findings) == ["GI201", "GI203"]
    table, row, column = broken.cells[PLANTED]  # the tables in the frame, numbered as its own
    gi201 = next(f for f in findings if f.code == "GI201")
    assert gi201.place == Place("docx", table=table, row=row, column=column)


@pytest.mark.parametrize("name", ["page.html", "report.docx"])
@pytest.mark.parametrize("pictures", [(), (1, 2, 3)])
def test_a_report_framed_in_one_cell_is_read_as_its_body(
    name: str, pictures: tuple[int, ...]
) -> None:
    """The article boxed in a table of one cell, its own tables in the box or pasted as
    pictures: a data table holds no report in one cell. Read as one, the report's parts
    ran together on one line and those with a picture for a table were not found."""
    good, _ = _planted("2021")
    if name == "page.html":
        data = to_html(good, pictures=pictures, framed=True)
        plain = to_html(good, pictures=pictures)
    else:
        data = to_docx(good, pictures=pictures, framed=True)
        plain = to_docx(good, pictures=pictures)
    codes = [(f.code, f.severity.value) for f in _lint(data, name)]
    assert codes == [(f.code, f.severity.value) for f in _lint(plain, name)]
    assert not [c for c in codes if c[1] in ("error", "warning")]


def test_a_pdf_with_a_border_around_each_page_reads_as_without_it() -> None:
    """A ruled border around the page is no table around the report (a table finder
    that took it for one would make the report one cell)."""
    from gilint.parsing import read_with

    doc = document(sample_report("2021", seed=1))
    plain = read_with(None, to_pdf(doc)[0], "plain.pdf").text
    assert read_with(None, to_pdf(doc, framed=True)[0], "framed.pdf").text == plain


def test_tables_nested_deep_are_read_without_exhausting_anything() -> None:
    import docx

    word = docx.Document()
    cell = word.add_table(rows=1, cols=1).cell(0, 0)
    for _ in range(60):  # frames in frames: read into a few, the rest as a table
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    cell.add_paragraph("一、总体情况")
    out = io.BytesIO()
    word.save(out)
    from gilint.parsing import read_with

    assert "一、总体情况" in read_with(None, out.getvalue(), "deep.docx").text


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize(
    ("cell", "codes"), [(PLANTED, ["GI201", "GI203"]), (OUTCOME, ["GI202", "GI203"])]
)
def test_pdf_findings_point_at_the_page_and_the_cell_box(
    template: str, cell: tuple[str, str, str], codes: list[str]
) -> None:
    import pdfplumber

    _, broken = _planted(template, cell)
    data, pages = to_pdf(broken)
    findings = _errors(_lint(data, "report.pdf"))
    assert sorted(f.code for f in findings) == codes
    page = pages[broken.cells[cell][0]]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for finding in findings:
            assert finding.place is not None and finding.place.page == page
            boxes = [p.bbox for p in finding.related_places if p and p.page == page and p.bbox]
            texts = [pdf.pages[page - 1].crop(box).extract_text().strip() for box in boxes]
            assert "999" in texts  # the planted cell's own box


def test_merged_cells_are_blank_not_repeated() -> None:
    """A vertically merged cell holding a number: python-docx's row.cells would give it in
    every row it spans; the loader gives it once (and the PDF and HTML loaders too)."""
    import docx

    from gilint.parsing import read_with

    word = docx.Document()
    table = word.add_table(rows=3, cols=3)
    for r in range(3):
        table.cell(r, 0).text = f"行{r}"
    table.cell(0, 1).text = "7"
    table.cell(0, 1).merge(table.cell(2, 1))
    table.cell(0, 1).text = "7"
    table.cell(0, 2).merge(table.cell(0, 2))
    out = io.BytesIO()
    word.save(out)
    assert [c.text for c in word.tables[0].rows[1].cells][1] == "7"  # what row.cells says
    text = read_with(None, out.getvalue(), "t.docx").text
    assert text.split("\n")[:3] == ["行0\t7\t", "行1\t\t", "行2\t\t"]
    pdf = read_with(None, to_pdf(document(sample_report("2021", seed=7)))[0], "t.pdf").text
    group = [line for line in pdf.split("\n") if "本年度办理结果" in line or "部分公开" in line]
    assert group[0].startswith("三、本年度办理结果\t(一) 予以公开\t\t")  # spans 2 columns
    assert group[1].startswith("\t(二) 部分公开")  # the group label's rows below: blank
    page = b"<html><body><table><tr><td rowspan='2'>a</td><td colspan='2'>b</td></tr>"
    page += b"<tr><td>c</td><td>d</td></tr></table></body></html>"
    assert read_with(None, page, "t.html").text.split("\n")[:2] == ["a\tb\t", "\tc\td"]


def test_html_title_charset_and_sniffing() -> None:
    from gilint.parsing import read_with

    page = (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=gb2312"><meta name="ArticleTitle" '
        'content="某镇2023年政府信息公开工作年度报告"><title>网站</title></head>'
        "<body><p>一、总体情况</p><p>正文。</p></body></html>"
    ).encode("gb18030")
    loaded = read_with(None, page, "page.txt")  # an HTML page under a .txt name
    assert loaded.origin == "html" and loaded.encoding == "gb18030"
    assert loaded.text.startswith("某镇2023年政府信息公开工作年度报告\n\n一、总体情况")
    assert read_with(None, page, "PAGE.HTML").origin == "html"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    _, broken = _planted("2021")
    (tmp_path / "a.pdf").write_bytes(to_pdf(broken)[0])
    (tmp_path / "b.docx").write_bytes(to_docx(broken))
    (tmp_path / "c.HTML").write_bytes(to_html(broken))
    (tmp_path / "d.TXT").write_text("一、总体情况\n正文。\n", "utf-8")
    (tmp_path / "e.md").write_text("一、总体情况\n", "utf-8")
    (tmp_path / "gilint.toml").write_text('select = ["GI2"]\n', "utf-8")
    return tmp_path


def test_check_a_folder_of_pdf_word_and_html(folder: Path) -> None:
    result = run_gilint("check", ".", "-j", "1", cwd=folder)
    lines = result.stdout.splitlines()
    assert lines[-1].endswith("检查了 4 个文件。")  # e.md is not a report file by default
    pdf_page = to_pdf(_planted("2021")[1])[1][2]
    assert f"a.pdf:第{pdf_page}页: GI201" in result.stdout
    assert "b.docx:表格2 第4行 第4列: GI201" in result.stdout  # the wrong cell itself
    assert "c.HTML:" in result.stdout and ": GI201" in result.stdout
    (folder / "gilint.toml").write_text('select = ["GI2"]\nextend-include = ["*.md"]\n', "utf-8")
    assert run_gilint("check", ".", cwd=folder).stdout.splitlines()[-1].endswith("5 个文件。")
    (folder / "gilint.toml").write_text('select = ["GI2"]\ninclude = ["*.txt"]\n', "utf-8")
    assert run_gilint("check", ".", cwd=folder).stdout.splitlines()[-1].endswith("1 个文件。")


def test_machine_formats_carry_the_original_place(folder: Path) -> None:
    found = json.loads(run_gilint("check", ".", "--format", "json", cwd=folder).stdout)
    by_file = {f["path"].lstrip("./"): f for f in found if f["code"] == "GI201"}
    assert by_file["a.pdf"]["source"]["kind"] == "pdf" and "bbox" in by_file["a.pdf"]["source"]
    assert by_file["b.docx"]["source"] == {"kind": "docx", "table": 2, "row": 4, "column": 4}
    assert by_file["c.HTML"]["source"]["path"] == "table[2]/tr[4]/td[2]"
    assert all(r.get("source") for r in by_file["b.docx"]["related"])
    sarif = json.loads(run_gilint("check", ".", "--format", "sarif", cwd=folder).stdout)
    results = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r
        for r in sarif["runs"][0]["results"]
        if r["ruleId"] == "GI201"
    }
    pdf = results["a.pdf"]["locations"][0]
    assert "region" not in pdf["physicalLocation"]
    assert (
        pdf["logicalLocations"][0]["fullyQualifiedName"]
        == "表三/一、本年新收政府信息公开申请数量/自然人"
    )
    assert results["a.pdf"]["properties"]["source"]["page"] > 1
    html = results["c.HTML"]["locations"][0]["physicalLocation"]["region"]
    assert html["startLine"] == by_file["c.HTML"]["source"]["line"]
    full = run_gilint("check", "b.docx", "--format", "full", cwd=folder).stdout
    assert "原文位置：表格2 第4行 第4列" in full


def test_a_missing_extra_is_one_line_and_the_other_files_are_checked(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for module in ("docx", "pdfplumber"):
        monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    monkeypatch.chdir(folder)
    code = cli.main(["check", "a.pdf", "b.docx", "c.HTML", "-j", "1"])
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in err
    assert 'pip install "gilint[pdf]"' in lines[0] and 'pip install "gilint[docx]"' in lines[1]
    assert "c.HTML:" in out and "检查了 1 个文件" in out


def test_doc_and_wps_need_libreoffice(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504
    (folder / "old.doc").write_bytes(ole)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("PATH", str(folder / "no-such-bin"))
    assert cli.main(["check", "old.doc", "-j", "1"]) == 2
    assert "LibreOffice" in capsys.readouterr().err
    # a stand-in for LibreOffice that "converts" by copying a Word file into --outdir
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(
        f"#!{sys.executable}\nimport shutil, sys\n"
        "out = sys.argv[sys.argv.index('--outdir') + 1]\n"
        f"shutil.copy({str(folder / 'b.docx')!r}, out + '/report.docx')\n",
        "utf-8",
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
    assert cli.main(["check", "old.doc", "-j", "1"]) == 1
    assert "old.doc:表格2 第4行 第4列: GI201" in capsys.readouterr().out


def test_a_damaged_file_is_a_finding(tmp_path: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not a zip")
    result = run_gilint("check", "bad.pdf", "bad.docx", "--isolated", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "bad.pdf" in result.stdout and "无法作为 PDF 读取" in result.stdout
    # what could not be read is not judged: "not a report" (GI902) would be a guess
    codes = [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()[:-1]]
    assert codes == ["GI901", "GI901"]


def test_a_word_archive_of_a_zip_version_python_does_not_know_is_a_damaged_document(
    tmp_path: Path,
) -> None:
    """The archive's directory names the version needed to read it; zipfile raises
    NotImplementedError for one it does not know. That escaped the test of what kind of
    file it is, as a traceback, and the whole run stopped."""
    data = bytearray(to_docx(document(sample_report("2021", seed=1))))
    entry = data.find(b"PK\x01\x02")  # the directory's first entry
    data[entry + 6 : entry + 8] = (116).to_bytes(2, "little")  # "version 11.6 needed"
    (tmp_path / "r.docx").write_bytes(data)
    (tmp_path / "r.txt").write_bytes(data)  # (named as text, it is read as text)
    result = run_gilint("check", "r.docx", "r.txt", "--isolated", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "r.docx:1:1: GI901" in result.stdout and "zip file version" in result.stdout
    assert "检查了 2 个文件" in result.stdout


def test_a_damaged_pdf_says_so_in_a_finding_and_nothing_on_the_terminal(
    tmp_path: Path,
) -> None:
    """Pages without a MediaBox: pdfminer logged "MediaBox missing from /Page, defaulting
    to US Letter" once a page, in English, on the user's terminal beside the finding."""
    data = to_pdf(document(sample_report("2021", seed=1)))[0]
    assert b"/MediaBox" in data
    (tmp_path / "r.pdf").write_bytes(data.replace(b"/MediaBox", b"/MediaBxx"))
    result = run_gilint("check", "r.pdf", "--isolated", cwd=tmp_path)
    assert result.returncode == 1 and "r.pdf:1:1: GI901" in result.stdout
    assert result.stderr == ""


def test_a_loader_whose_sniff_fails_recognises_nothing() -> None:
    """A plugin's sniff that raises on bytes it did not expect does not stop the run:
    the file goes to the loader its name or its text calls for."""

    class Fragile(Loader):
        name = "fragile"
        suffixes = (".frg",)

        def sniff(self, data: bytes) -> bool:
            raise ValueError("unexpected bytes")

    text = TextLoader()
    assert choose([Fragile(), text], b"abc", "r.txt") is text
    fragile = Fragile()
    assert choose([fragile, text], b"abc", "r.frg") is fragile


def test_a_cell_span_word_would_not_open_is_a_damaged_document(tmp_path: Path) -> None:
    """A ``gridSpan`` that is no number made the loader raise ValueError, reported as a
    fault of gilint's (``请报告此问题``); it is the file's."""
    import docx

    word = docx.Document()
    word.add_paragraph("一、总体情况")
    word.add_table(rows=2, cols=2).cell(0, 0).text = "1"
    out = io.BytesIO()
    word.save(out)
    with zipfile.ZipFile(out) as original, zipfile.ZipFile(tmp_path / "r.docx", "w") as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="x2"/>', 1)
                assert b'w:val="x2"' in data
            copy.writestr(item, data)
    result = run_gilint("check", "r.docx", "--isolated", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line, _) = result.stdout.splitlines()
    assert "GI901" in line and "合并列数“x2”不是整数" in line and "请报告" not in line


def test_extract_shows_the_text_that_was_read(folder: Path) -> None:
    result = run_gilint("extract", "b.docx", cwd=folder)
    assert result.returncode == 0
    assert "一、本年新收政府信息公开申请数量\t\t\t999\t" in result.stdout
    parsed = run_gilint("parse", "a.pdf", "--format", "json", cwd=folder)
    sections = json.loads(parsed.stdout)["sections"]
    assert any(t["id"] == "3" for s in sections for t in s["tables"])


def test_a_character_alone_on_its_last_line_is_read() -> None:
    """pypdfium2 drops such a character when the CJK font is not embedded (信息 read as
    信): a lost character is a false finding, so PDFs are read by pdfplumber."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from gilint.parsing import read_with

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=15)
    out = io.BytesIO()
    text = "本机关本年度未收取信息处理费本机关本年度费"  # the last 费 wraps alone
    SimpleDocTemplate(out, pagesize=(260, 400), leftMargin=20, rightMargin=20).build(
        [Paragraph(text, style)]
    )
    loaded = read_with(None, out.getvalue(), "fee.pdf")
    assert "".join(loaded.text.split()) == text
    assert len(loaded.text.strip().splitlines()) == 2  # it did wrap


def _pdf(
    lines: list[tuple[str, str]],
    *,
    user: str | None = None,
    shapes: bool = False,
    image: tuple[float, float, float, float] | None = None,
) -> bytes:
    """A one-page PDF of ``(font, text)`` lines, from 700 points up down; encrypted (RC4,
    copying forbidden) when ``user`` is given ("" for no password to open it, as
    published PDFs often are); with a grey picture at ``image`` (x, y from the bottom,
    width, height), drawn under the text."""
    from PIL import Image
    from reportlab.lib import pdfencrypt
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    encrypt = None
    if user is not None:
        encrypt = pdfencrypt.StandardEncryption(user, ownerPassword="o", canCopy=0, strength=128)
    page = canvas.Canvas(out, encrypt=encrypt)
    if image is not None:
        page.drawImage(ImageReader(Image.new("L", (20, 20), 200)), *image)
    for number, (font, text) in enumerate(lines):
        page.setFont(font, 12)
        page.drawString(72, 700 - 20 * number, text)
    if shapes:
        page.rect(72, 300, 300, 200, fill=1)
    page.showPage()
    page.save()
    return out.getvalue()


def test_a_pdf_without_text_is_not_checked_and_says_why(tmp_path: Path) -> None:
    """A scanned report has no text to read: it used to be GI902, "may not be a report"
    (the same for a PDF that asks for a password, with an empty reason). Each is one
    GI901 that says what to do."""
    (tmp_path / "scan.pdf").write_bytes(_pdf([], shapes=True))
    (tmp_path / "locked.pdf").write_bytes(_pdf([("STSong-Light", "一、总体情况")], user="u"))
    result = run_gilint("check", "scan.pdf", "locked.pdf", "--isolated", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    scan, locked, _ = result.stdout.splitlines()
    assert scan.startswith("scan.pdf:1:1: GI901") and "没有可提取的文字" in scan
    assert "OCR" in scan
    assert locked.startswith("locked.pdf:1:1: GI901") and "已加密，需要密码" in locked


def test_glyphs_without_characters_are_not_read_as_text() -> None:
    """pdfminer gives "(cid:1234)" for a glyph its font maps to no character (here a CJK
    font of an encrypted PDF, whose encoding pdfminer cannot read): its digits must not
    become table numbers. A few are U+FFFD and one problem; mostly such glyphs, the file
    is not checked."""
    from gilint.parsing import read_with

    few = _pdf(
        [("Helvetica", "Report of the year 2023, read in full " * 2), ("STSong-Light", "表")],
        user="",
    )
    loaded = read_with(None, few, "few.pdf")
    assert "(cid:" not in loaded.text and "\ufffd" in loaded.text
    assert "Report of the year 2023" in loaded.text
    (problem,) = loaded.problems
    assert problem.code == "unmapped-glyphs" and "1 个字符无法转换为文字" in problem.message
    most = _pdf([("STSong-Light", "一、总体情况"), ("Helvetica", "2023")], user="")
    (problem,) = read_with(None, most, "most.pdf").problems
    assert problem.code == "unreadable" and "字体缺少编码信息" in problem.message


def test_a_line_drawn_over_itself_to_look_bold_is_read_once() -> None:
    """Some producers draw a bold line two or three times, shifted by a fraction of a
    point: every character came out repeated and the heading was no heading. Repeated
    characters that stand apart ("11", a table's "0 0") are kept."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from gilint.linting import Linter
    from gilint.parsing import read_with

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont("STSong-Light", 14)
    for shift in (0, 0.3, 0.6):
        page.drawString(72 + shift, 700, "二、主动公开政府信息情况")
    page.setFont("STSong-Light", 10)
    page.drawString(72, 670, "本年度新增 11 件，累计 0 0 件。")
    page.save()
    text = read_with(None, out.getvalue(), "bold.pdf").text
    assert text == "二、主动公开政府信息情况\n本年度新增 11 件，累计 0 0 件。\n\n"
    report = Linter().parse(out.getvalue(), "bold.pdf")
    assert [s.part for s in report.sections] == ["二"]


_PICTURED: dict[str, Callable[[Document, tuple[int, ...]], bytes]] = {
    "report.pdf": lambda doc, pictures: to_pdf(doc, pictures)[0],
    "report.docx": to_docx,
    "report.html": lambda doc, pictures: to_html(doc, pictures=pictures),
}


@pytest.mark.parametrize("name", sorted(_PICTURED))
def test_a_table_pasted_as_a_picture_is_not_reported_missing(name: str) -> None:
    """A correct report whose table 二 is a picture: gilint cannot read it, so GI107
    ("no table") is withheld for part 二, where the picture stands, and two notes (info)
    say what was not read and which rule's conclusion was withheld. The other rules
    still run: a wrong number in table 三 is found as without the picture."""
    build = _PICTURED[name]
    good, broken = _planted("2021")
    assert _lint(build(good, ()), name) == []  # the report is correct
    findings = _lint(build(good, (1,)), name)
    assert [(f.code, f.severity.value) for f in findings] == [("GI901", "info")] * 2
    rules_note, image_note = findings
    assert rules_note.message.endswith("结论未报告：GI107")  # only GI107 was withheld
    assert "有一幅图片" in image_note.message and image_note.place is not None
    if name.endswith(".pdf"):
        assert image_note.message.startswith("第 2 页") and image_note.place.page == 2
    elif name.endswith(".html"):
        line = image_note.place.line
        assert line and image_note.message.startswith(f"网页第 {line} 行")
        assert '<img src="table-1.png"' in build(good, (1,)).decode().splitlines()[line - 1]
    else:
        paragraph = image_note.place.paragraph
        assert paragraph and image_note.message.startswith(f"第 {paragraph} 段")
    wrong = _errors(_lint(build(broken, (1,)), name))
    assert {f.code for f in wrong} == {f.code for f in _errors(_lint(build(broken, ()), name))}
    assert wrong and all(f.code.startswith("GI2") for f in wrong)


def test_only_large_images_without_text_over_them_are_unread() -> None:
    """A seal or a logo is smaller than half the page's width; a scan with a text layer
    has its text over the image: neither hides content from gilint."""
    from gilint.parsing import read_with

    text = [("STSong-Light", "一、总体情况"), ("STSong-Light", "本机关本年度主动公开政府信息。")]
    seal = read_with(None, _pdf(text, image=(400, 100, 120, 120)), "seal.pdf")
    assert not [p for p in seal.problems if p.code == "unread-image"]
    under = read_with(None, _pdf(text, image=(50, 600, 500, 150)), "under.pdf")
    assert not [p for p in under.problems if p.code == "unread-image"]
    alone = read_with(None, _pdf(text, image=(50, 200, 500, 150)), "alone.pdf")
    (problem,) = [p for p in alone.problems if p.code == "unread-image"]
    assert problem.message.startswith("第 1 页有一幅图片")
    assert alone.source_map is not None
    place = alone.source_map.place(problem.offset)
    assert place is not None  # from the top of a page 841.89 points tall
    assert place.bbox == pytest.approx((50, 841.89 - 350, 550, 841.89 - 200), abs=0.1)


def test_a_seal_in_a_word_document_is_no_unread_content() -> None:
    """In Word as in PDF, a picture narrower than half the page (a seal, 1.5 inches) is
    not taken for content; one 6 inches wide is, at its paragraph."""
    import docx
    from docx.shared import Inches
    from PIL import Image

    from gilint.parsing import read_with

    def with_picture(inches: float) -> bytes:
        word = docx.Document()
        word.add_paragraph("一、总体情况")
        png = io.BytesIO()
        Image.new("L", (50, 50), 200).save(png, "PNG")
        png.seek(0)
        word.add_picture(png, width=Inches(inches))
        out = io.BytesIO()
        word.save(out)
        return out.getvalue()

    seal = read_with(None, with_picture(1.5), "seal.docx")
    assert not [p for p in seal.problems if p.code == "unread-image"]
    table = read_with(None, with_picture(6), "table.docx")
    (problem,) = [p for p in table.problems if p.code == "unread-image"]
    assert problem.message.startswith("第 2 段有一幅图片")
    assert table.source_map is not None
    assert table.source_map.place(problem.offset) == Place("docx", paragraph=2)


_VML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="{style}">'
    '<v:imagedata o:title="" xmlns:o="urn:schemas-microsoft-com:office:office"/>'
    "</v:shape></w:pict></w:r>"
)
_CHOICE = (
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="wps"><w:r xmlns:w="http://schemas.openxmlformats.org/'
    'wordprocessingml/2006/main"><w:drawing><wp:inline xmlns:wp="http://schemas.'
    'openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="5486400"'
    ' cy="3200400"/></wp:inline></w:drawing></w:r></mc:Choice><mc:Fallback>{vml}'
    "</mc:Fallback></mc:AlternateContent>"
)


@pytest.mark.parametrize(
    ("xml", "noted"),
    [
        (_VML.format(style="width:415pt;height:300pt"), 1),  # 5.8 inches on A4's 8.3
        (_VML.format(style="position:absolute;width:6in;height:4in;z-index:1"), 1),
        (_VML.format(style="width:80pt;height:80pt"), 0),  # a seal
        (_VML.format(style="width:100%;height:2pt"), 0),  # a rule line
        (_VML.format(style=""), 1),  # a size not stated: it may hold content
        (_CHOICE.format(vml=_VML.format(style="width:432pt;height:252pt")), 1),  # once
    ],
)
def test_pictures_of_documents_saved_from_the_older_format_are_measured(
    xml: str, noted: int
) -> None:
    """Word files converted from .doc hold their pictures as VML shapes sized in CSS;
    they count as drawings do. A picture stated twice, as a drawing and as the VML
    fallback for older readers, is one picture."""
    import docx
    from lxml import etree

    from gilint.parsing import read_with

    word = docx.Document()
    word.add_paragraph("一、总体情况")
    word.add_paragraph()._p.append(etree.fromstring(xml))
    out = io.BytesIO()
    word.save(out)
    loaded = read_with(None, out.getvalue(), "old.docx")
    images = [p for p in loaded.problems if p.code == "unread-image"]
    assert len(images) == noted
    assert all(p.message.startswith("第 2 段有一幅图片") for p in images)


_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="http://schemas.microsoft.com/'
    'office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent><w:p><w:r>'
    "<w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing>"
    "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>"
    "<w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
    "</mc:Fallback></mc:AlternateContent></w:r>"
)


def test_a_text_box_is_read_once() -> None:
    """Word writes a text box twice, as a drawing and as the VML fallback for older
    readers; both were read, and a heading in a text box became one line of two
    headings, which no reading takes for a heading."""
    import docx
    from lxml import etree

    from gilint.parsing import read_with

    word = docx.Document()
    word.add_paragraph("一、总体情况")
    word.add_paragraph()._p.append(
        etree.fromstring(_TEXT_BOX.format(text="二、主动公开政府信息情况"))
    )
    cell = word.add_table(rows=1, cols=2).cell(0, 1)
    cell.paragraphs[0]._p.append(etree.fromstring(_TEXT_BOX.format(text="12")))
    out = io.BytesIO()
    word.save(out)
    text = read_with(None, out.getvalue(), "box.docx").text
    assert text.split("\n") == ["一、总体情况", "", "二、主动公开政府信息情况", "", "\t12", "", ""]


def test_what_content_controls_hold_is_read_in_its_place() -> None:
    """Paragraphs, tables, rows and cells inside content controls (``w:sdt``, as forms
    and templates have them) or custom XML were not read: a report whose parts stood in
    one lost them."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    from gilint.parsing import read_with

    def wrap(*elements: object, tag: str = "w:sdt") -> None:
        first = elements[0]
        outer = etree.Element(qn(tag))
        content = etree.SubElement(outer, qn("w:sdtContent")) if tag == "w:sdt" else outer
        first.addprevious(outer)  # type: ignore[attr-defined]
        for element in elements:
            content.append(element)

    word = docx.Document()
    word.add_paragraph("一、总体情况")
    inside = [word.add_paragraph("二、主动公开政府信息情况")._p]
    table = word.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"{r}{c}"
    inside.append(table._tbl)
    word.add_paragraph("三、收到和处理政府信息公开申请情况")
    wrap(table._tbl.tr_lst[1], tag="w:customXml")  # a row in custom XML
    wrap(table._tbl.tr_lst[0].tc_lst[1])  # a cell in a content control
    wrap(*inside)
    out = io.BytesIO()
    word.save(out)
    loaded = read_with(None, out.getvalue(), "controls.docx")
    assert loaded.text.split("\n") == [
        "一、总体情况",
        "",
        "二、主动公开政府信息情况",
        "",
        "00\t01",
        "10\t11",
        "",
        "三、收到和处理政府信息公开申请情况",
        "",
        "",
    ]
    assert loaded.source_map is not None
    assert loaded.source_map.place(loaded.text.index("11")) == Place(
        "docx", table=1, row=2, column=2
    )


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    ("runs", "shown"),
    [
        (
            '<w:r><w:t>二、主动公开</w:t></w:r><w:del w:id="1" w:author="a"><w:r>'
            '<w:delText>删去的</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">'
            "<w:r><w:t>政府信息</w:t></w:r></w:ins><w:r><w:t>情况</w:t></w:r>",
            "二、主动公开政府信息情况",
        ),
        ('<w:del w:id="1" w:author="a"><w:r><w:t>删去的</w:t></w:r></w:del>', ""),
        ('<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走的一句。</w:t></w:r></w:moveFrom>', ""),
        (
            '<w:moveTo w:id="4" w:author="a"><w:r><w:t>移来的一句。</w:t></w:r></w:moveTo>',
            "移来的一句。",
        ),
        (
            "<w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr>"
            "<w:t>（填写说明：按表格填报）</w:t></w:r>",
            "三、收到和处理政府信息公开申请情况",
        ),
        ('<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示的文字</w:t></w:r>', "显示的文字"),
    ],
)
def test_a_draft_with_tracked_changes_is_read_as_if_they_were_accepted(
    runs: str, shown: str
) -> None:
    """Reviewers get drafts with tracked changes: text deleted or moved away is not
    read (moved text stood twice), inserted and moved-in text is. Hidden text (a
    template's instructions) is not read either; text whose hiding is set off is."""
    import docx
    from lxml import etree

    from gilint.parsing import read_with

    word = docx.Document()
    word.add_paragraph("一、总体情况")
    paragraph = word.add_paragraph()._p
    for run in etree.fromstring(f"<w:p {_W_NS}>{runs}</w:p>"):
        paragraph.append(run)
    out = io.BytesIO()
    word.save(out)
    text = read_with(None, out.getvalue(), "draft.docx").text
    assert text == "一、总体情况\n\n" + (f"{shown}\n\n" if shown else "")


def test_breaks_in_runs_are_spaces_and_tab_stops_are_no_text() -> None:
    """A carriage return or a positional tab in a run reads as a space, as a line break
    does; a paragraph's tab stops (``w:pPr/w:tabs/w:tab``) are properties, not text:
    they put a space inside a label wrapped over two paragraphs of its cell."""
    import docx
    from lxml import etree

    from gilint.parsing import read_with

    word = docx.Document()
    word.add_paragraph("一、总体情况")
    cell = word.add_table(rows=1, cols=2).cell(0, 0)
    cell.paragraphs[0].add_run("1.属于国家")
    second = cell.add_paragraph()._p
    second.append(
        etree.fromstring(
            f'<w:pPr {_W_NS}><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>'
        )
    )
    second.append(etree.fromstring(f"<w:r {_W_NS}><w:t>秘密</w:t></w:r>"))
    numbers = word.add_paragraph()._p
    numbers.append(
        etree.fromstring(
            f"<w:r {_W_NS}><w:t>12</w:t><w:cr/><w:t>34</w:t><w:ptab/><w:t>5</w:t></w:r>"
        )
    )
    out = io.BytesIO()
    word.save(out)
    text = read_with(None, out.getvalue(), "breaks.docx").text
    assert text.split("\n") == ["一、总体情况", "", "1.属于国家秘密\t", "", "12 34 5", "", ""]


def test_a_picture_in_a_table_cell_is_noted_after_the_table() -> None:
    """A table pasted as a picture into a frame (a one-cell table) is noted at its cell,
    after the table's rows; a seal in another cell is not."""
    import docx
    from docx.shared import Inches
    from PIL import Image

    from gilint.parsing import read_with

    def png() -> io.BytesIO:
        out = io.BytesIO()
        Image.new("L", (50, 30), 200).save(out, "PNG")
        out.seek(0)
        return out

    word = docx.Document()
    word.add_paragraph("二、主动公开政府信息情况")
    frame = word.add_table(rows=2, cols=2)
    frame.cell(0, 0).text = "表一"
    frame.cell(1, 1).paragraphs[0].add_run().add_picture(png(), width=Inches(6))
    frame.cell(0, 1).paragraphs[0].add_run().add_picture(png(), width=Inches(1.5))
    out = io.BytesIO()
    word.save(out)
    loaded = read_with(None, out.getvalue(), "frame.docx")
    (problem,) = [p for p in loaded.problems if p.code == "unread-image"]
    assert problem.message.startswith("表格 1 第 2 行第 2 列有一幅图片")
    assert loaded.text[: problem.offset].endswith("表一\t\n\t\n")
    assert loaded.source_map is not None
    assert loaded.source_map.place(problem.offset) == Place("docx", table=1, row=2, column=2)


def test_a_report_of_pictures_with_page_numbers_needs_ocr_not_not_a_report() -> None:
    """A scan whose page numbers are text has some text, so it is not "no text at all";
    with no part of a report found and a page-wide picture, it is one GI901 error that
    asks for OCR, not GI902 ("may not be a report")."""
    data = _pdf([("Helvetica", "- 1 -")], image=(50, 100, 500, 550))
    errors = _errors(_lint(data, "scan.pdf"))
    assert [f.code for f in errors] == ["GI901"]
    assert "需先进行文字识别（OCR）" in errors[0].message


def test_content_gilint_could_not_read_is_noted_not_an_error() -> None:
    """A correct report whose PDF had glyphs without characters (a heading's): the problem
    is noted (info) and the rules that conclude from absence do not run, so the heading
    it hides is not reported missing."""
    from gilint.loading import Loaded, LoadProblem

    text = render(sample_report("2021", seed=7), "tabs").text
    heading = "六、其他需要报告的事项"
    damaged = text.replace(heading, "\ufffd" * len(heading), 1)
    assert damaged != text
    linter = Linter(Config(select=("GI",)))
    plain = linter.check(linter.parse_loaded(Loaded(damaged, encoding="pdf", origin="pdf")))
    assert "GI101" in {f.code for f in _errors(plain)}  # the heading is not read
    at = damaged.find("\ufffd")
    problem = LoadProblem("unmapped-glyphs", f"PDF 中有 {len(heading)} 个字符无法转换为文字", at)
    loaded = Loaded(damaged, encoding="pdf", origin="pdf", problems=(problem,))
    findings = linter.check(linter.parse_loaded(loaded))
    assert [(f.code, f.severity.value) for f in findings] == [("GI901", "info")] * 2
