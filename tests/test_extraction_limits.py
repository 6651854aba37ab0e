"""Files built to exhaust a loader, and loaders that fail: stopped, with a finding, and
the run goes on.

A PDF page that draws the same character millions of times from a few kilobytes of
compressed content, a Word file that unpacks to hundreds of megabytes, a loader from a
plugin that never returns, or one that raises. Each is read as empty with a GI901
finding that says why: never a traceback, a hang, or the machine's memory."""

from __future__ import annotations

import io
import re
import sys
import threading
import time
import zipfile
import zlib
from pathlib import Path

import attrs
import pytest

from gilint import extraction_limits
from gilint.config import Config, ConfigError, from_mapping
from gilint.linting import Linter
from gilint.loaders import Loader, LoaderError
from gilint.loaders.text import TextLoader
from gilint.loading import Loaded
from gilint.parsing import read_with

from support import run_gilint


class _Endless(Loader):
    """A plugin's loader that loops for ever on the file it is given."""

    name = "endless"
    suffixes = (".endless",)

    def load(self, data: bytes, origin: str) -> Loaded:
        while True:
            pass


class _Hungry(Loader):
    """A plugin's loader that keeps taking memory (8 MB at a time) and never returns."""

    name = "hungry"
    suffixes = (".hungry",)

    def load(self, data: bytes, origin: str) -> Loaded:
        kept = []
        while True:
            kept.append(b"\x01" * (8 * 1024 * 1024))  # written, so resident
            time.sleep(0.01)  # (so that the test's own peak stays a few hundred MB)


def test_a_loader_past_its_time_is_stopped_with_a_problem() -> None:
    loaded = read_with([_Endless()], b"x", "a.endless", extract_timeout=0.5)
    assert loaded.text == ""
    (problem,) = loaded.problems
    assert problem.code == "unreadable" and "用时超过 0.5 秒" in problem.message


@pytest.mark.skipif(extraction_limits.mapped_bytes() is None, reason="needs /proc")
def test_a_loader_past_its_memory_is_stopped_with_a_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(extraction_limits, "MEMORY_GROWTH", 128 * 1024 * 1024)
    loaded = read_with([_Hungry()], b"x", "a.hungry", extract_timeout=0)
    (problem,) = loaded.problems
    assert problem.code == "unreadable" and "内存超过 128 MB" in problem.message


def test_the_limits_are_lifted_after_a_loader_returns() -> None:
    """A quick loader leaves no timer behind to go off in the rules or the caller, and
    the address space as it was."""
    import resource
    import signal

    before = signal.getsignal(signal.SIGALRM), resource.getrlimit(resource.RLIMIT_AS)
    page = "<html><body><p>一、总体情况</p></body></html>".encode()
    loaded = read_with(None, page, "a.html", extract_timeout=0.3)
    assert not loaded.problems and loaded.text.strip() == "一、总体情况"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert (signal.getsignal(signal.SIGALRM), resource.getrlimit(resource.RLIMIT_AS)) == before


class _OneCall(Loader):
    """A loader whose one call into C asks for 256 MB at once (as zlib inflating a
    stream does), between two ticks of the timer; ``wrapped``: it reports what it
    caught as a damaged file, as the PDF and Word loaders do."""

    name = "one-call"
    suffixes = (".one",)
    wrapped = False

    def load(self, data: bytes, origin: str) -> Loaded:
        try:
            block = bytearray(256 << 20)
        except MemoryError as exc:
            if self.wrapped:
                raise LoaderError("文件已损坏") from exc
            raise
        return Loaded(str(len(block)), encoding="one", origin="one")


@pytest.mark.skipif(extraction_limits.mapped_bytes() is None, reason="needs /proc")
@pytest.mark.parametrize("wrapped", [False, True])
def test_one_call_past_the_memory_limit_is_refused_by_the_kernel(
    monkeypatch: pytest.MonkeyPatch, wrapped: bool
) -> None:
    monkeypatch.setattr(extraction_limits, "MEMORY_GROWTH", 128 << 20)
    monkeypatch.setattr(_OneCall, "wrapped", wrapped)
    loaded = read_with([_OneCall()], b"x", "a.one", extract_timeout=0)
    (problem,) = loaded.problems
    assert problem.code == "unreadable" and "内存超过 128 MB" in problem.message


@pytest.mark.skipif(extraction_limits.mapped_bytes() is None, reason="needs /proc")
def test_a_start_tag_of_countless_attributes_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The standard library's pattern for a start tag keeps about 180 bytes a character
    of this page (380 MB for 2 MB) in one call. The page is stopped, inside the call by
    the kernel's cap or after it by the timer; the cap alone is what the one-call test
    above shows."""
    monkeypatch.setattr(extraction_limits, "MEMORY_GROWTH", 128 << 20)
    page = b"<html><body><p>x</p>" + b"<a\n" * 700_000
    loaded = read_with(None, page, "a.html", extract_timeout=0)
    (problem,) = loaded.problems
    assert problem.code == "unreadable" and "内存超过 128 MB" in problem.message


def test_a_loader_bounded_by_its_input_runs_without_limits() -> None:
    """Decoding text is linear in the file: the text loader, and any loader that says
    so, runs without the timer."""

    class _Patient(Loader):
        name = "patient"
        suffixes = (".patient",)
        limited = False

        def load(self, data: bytes, origin: str) -> Loaded:
            time.sleep(0.5)
            return Loaded("读完", encoding="patient", origin="patient")

    loaded = read_with([_Patient()], b"x", "a.patient", extract_timeout=0.2)
    assert loaded.text == "读完" and not loaded.problems
    assert TextLoader.limited is False and Loader.limited is True


def test_outside_the_main_thread_extraction_runs_unlimited() -> None:
    """No timer can be set there: the loader runs to its end rather than half-limited."""

    class _Slow(Loader):
        name = "slow"
        suffixes = (".slow",)

        def load(self, data: bytes, origin: str) -> Loaded:
            time.sleep(0.6)
            return Loaded("读完", encoding="slow", origin="slow")

    got: list[Loaded] = []
    worker = threading.Thread(
        target=lambda: got.append(read_with([_Slow()], b"x", "a.slow", extract_timeout=0.2))
    )
    worker.start()
    worker.join()
    assert got[0].text == "读完" and not got[0].problems


def test_extract_timeout_is_read_from_the_configuration() -> None:
    assert Config().extract_timeout == extraction_limits.DEFAULT_EXTRACT_TIMEOUT
    assert from_mapping({"extract-timeout": 30}).extract_timeout == 30.0
    assert from_mapping({"extract-timeout": 0}).extract_timeout == 0.0
    for bad in (-1, "30", True):
        with pytest.raises(ConfigError, match="extract-timeout"):
            from_mapping({"extract-timeout": bad})


def test_the_linter_applies_its_configured_limit() -> None:
    from gilint.plugins import build_registry

    registry = attrs.evolve(build_registry(), loaders=(_Endless(),))
    linter = Linter(Config(select=("GI901",), extract_timeout=0.4), registry)
    findings = linter.lint(b"x", path="a.endless")
    assert [f.code for f in findings] == ["GI901"]
    assert "用时超过 0.4 秒" in findings[0].message


# -- Word: what the archive unpacks to is checked before python-docx reads it ------


def _word(document_xml_bytes: int) -> bytes:
    """A Word file whose body holds ``document_xml_bytes`` of repeated paragraphs."""
    docx = pytest.importorskip("docx", reason="the test extra installs python-docx")
    plain = io.BytesIO()
    docx.Document().save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                paragraph = "<w:p><w:r><w:t>" + "信" * 300 + "</w:t></w:r></w:p>"
                many = paragraph * (document_xml_bytes // len(paragraph.encode()))
                data = data.decode().replace("<w:body>", "<w:body>" + many, 1).encode()
            z.writestr(item, data)
    return out.getvalue()


def test_a_word_file_that_unpacks_past_the_limit_is_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gilint.loaders import docx as word_loader

    monkeypatch.setattr(word_loader, "MAX_UNPACKED", 2 * 1024 * 1024)
    small, large = _word(512 * 1024), _word(4 * 1024 * 1024)
    assert len(large) < 200 * 1024  # a few hundred KB on disk
    assert "信" * 300 in read_with(None, small, "a.docx").text
    loaded = read_with(None, large, "b.docx")
    assert loaded.text == ""
    assert re.search(r"解压后共 \d+ MB，超过 2 MB 的上限", loaded.problems[0].message)


def test_a_word_part_that_holds_more_than_it_declares_is_refused() -> None:
    """zipfile never unpacks past a part's declared size: a directory that understates
    a part cannot talk its way past the size check."""
    data = bytearray(_word(64 * 1024))
    # word/document.xml's entry in the central directory: its declared size, 100 bytes
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(b"word/document.xml"))
    data[entry + 24 : entry + 28] = (100).to_bytes(4, "little")
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        assert archive.getinfo("word/document.xml").file_size == 100
    loaded = read_with(None, bytes(data), "c.docx")
    assert loaded.text == "" and "无法作为 Word 文档读取" in loaded.problems[0].message


# -- PDF: a page that draws one character many times ---------------------------------


def _drawing_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose compressed content stream draws a character ``megabytes``
    MB of times over: a few KB on disk, a long time and much memory to lay out."""
    op = b"BT /F1 12 Tf 72 720 Td (a) Tj ET\n"
    stream = zlib.compress(op * (megabytes * 1024 * 1024 // len(op)), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % table
    return bytes(out)


def test_a_pdf_that_draws_without_end_is_stopped(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber", reason="the test extra installs pdfplumber")
    (tmp_path / "drawn.pdf").write_bytes(_drawing_pdf(40))  # minutes to lay out
    (tmp_path / "report.txt").write_text("一、总体情况\n", "utf-8")
    result = run_gilint(
        "check", ".", "--isolated", "--extract-timeout", "2", "-j", "1", cwd=tmp_path
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "drawn.pdf:1:1: GI901 [错误] 提取文本用时超过 2 秒，已停止" in result.stdout
    assert "report.txt" in result.stdout  # the run went on to the other file


def test_extract_and_parse_take_the_limit_too(tmp_path: Path) -> None:
    pytest.importorskip("pdfplumber", reason="the test extra installs pdfplumber")
    (tmp_path / "drawn.pdf").write_bytes(_drawing_pdf(40))
    for command in ("extract", "parse"):
        result = run_gilint(
            command, "drawn.pdf", "--isolated", "--extract-timeout", "1", cwd=tmp_path
        )
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert result.stderr.startswith(
            "gilint: 错误: 无法读取文件 drawn.pdf：提取文本用时超过 1 秒"
        )


# -- a loader that raises: a finding, not the end of the run -------------------------


class _Broken(Loader):
    """A plugin's loader with a bug."""

    name = "broken"
    suffixes = (".broken",)

    def load(self, data: bytes, origin: str) -> Loaded:
        raise KeyError("page")


def test_a_loader_that_raises_gives_an_unread_file_that_says_why() -> None:
    loaded = read_with([_Broken()], b"x", "a.broken")
    assert loaded.text == ""
    (problem,) = loaded.problems
    assert problem.code == "unreadable"
    assert problem.message == (
        "读取器 broken 提取文本时出错（KeyError: 'page'），此文件未能检查，请报告此问题"
    )


def test_a_plugin_loader_that_raises_costs_only_its_file(tmp_path: Path) -> None:
    (tmp_path / "broken_loader.py").write_text(
        "import gilint\n"
        "from gilint.loaders import Loader\n"
        "class Broken(Loader):\n"
        "    name = 'broken'\n"
        "    suffixes = ('.broken',)\n"
        "    def load(self, data, origin):\n"
        "        raise RuntimeError('未处理的情况')\n"
        "@gilint.hookimpl\n"
        "def gilint_loaders():\n"
        "    return [Broken()]\n",
        "utf-8",
    )
    (tmp_path / "gilint.toml").write_text('local-rules = ["broken_loader.py"]\n', "utf-8")
    (tmp_path / "a.broken").write_bytes(b"x")
    (tmp_path / "report.txt").write_text("一、总体情况\n", "utf-8")
    result = run_gilint("check", "a.broken", "report.txt", "-j", "1", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    assert (
        "a.broken:1:1: GI901 [错误] 读取器 broken 提取文本时出错（RuntimeError: 未处理的情况），"
        "此文件未能检查，请报告此问题"
    ) in result.stdout
    assert "report.txt" in result.stdout  # the run went on to the other file


@pytest.mark.skipif(extraction_limits.mapped_bytes() is None, reason="needs /proc")
@pytest.mark.skipif(sys.platform == "win32", reason="programs start without preexec there")
def test_a_program_a_loader_runs_starts_without_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap is counted from gilint's size, and a program's whole address space would
    count against it: the .doc loader's program starts with only the hard limit."""
    docx = pytest.importorskip("docx", reason="the test extra installs python-docx")
    from gilint.loaders import office

    word = docx.Document()
    word.add_paragraph("一、总体情况")
    word.save(str(tmp_path / "b.docx"))
    fake = tmp_path / "soffice"  # "converts" by copying, and says what limit it had
    fake.write_text(
        f"#!{sys.executable}\nimport resource, shutil, sys\n"
        "soft, hard = resource.getrlimit(resource.RLIMIT_AS)\n"
        f"open({str(tmp_path / 'limit')!r}, 'w').write(f'{{soft}} {{hard}}')\n"
        "out = sys.argv[sys.argv.index('--outdir') + 1]\n"
        f"shutil.copy({str(tmp_path / 'b.docx')!r}, out + '/report.docx')\n",
        "utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setattr(office, "_office", lambda: str(fake))
    ole = office.OLE + b"\0" * 504
    loaded = read_with([office.OfficeLoader()], ole, "old.doc", extract_timeout=60)
    assert not loaded.problems and loaded.text.strip() == "一、总体情况"
    soft, hard = (int(n) for n in (tmp_path / "limit").read_text().split())
    assert soft == hard
