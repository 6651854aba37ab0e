"""The command line under a fuzzer: any bytes, damaged reports, any configuration text,
in every output format. Exit status 0, 1 or 2, never an exception; the machine formats
always parse."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import re
import tempfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gilint import cli
from gilint.testing import LAYOUTS, render, sample_report

_FORMATS = ("concise", "full", "json", "sarif", "github", "junit", "html")
_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(files: dict[str, bytes], form: str, *extra: str) -> tuple[int, str, str]:
    """``gilint check`` in this process over a folder holding ``files``."""
    with tempfile.TemporaryDirectory() as folder:
        for name, data in files.items():
            Path(folder, name).write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        here = os.getcwd()
        os.chdir(folder)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli.main(["check", ".", "--format", form, "-j", "1", *extra])
        finally:
            os.chdir(here)
    return code, out.getvalue(), err.getvalue()


def _valid(form: str, code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err
    if code == 2:
        assert err.strip() and all(line.startswith("gilint: ") for line in err.splitlines())
        return
    if form in ("json", "sarif"):
        json.loads(out)
    elif form == "junit":
        ET.fromstring(out.encode("utf-8"))
    elif form == "html":
        assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    elif form in ("concise", "full"):
        assert "\x1b" not in out
        assert not [line for line in out.splitlines() if line.startswith("::")]


@_SETTINGS
@given(st.binary(max_size=3000), st.sampled_from(_FORMATS))
def test_any_bytes(data: bytes, form: str) -> None:
    _valid(form, *_check({"r.txt": data, "gilint.toml": b'select = ["GI"]\n'}, form))


@st.composite
def _damaged_report(draw: st.DrawFn) -> bytes:
    layout = draw(st.sampled_from(LAYOUTS))
    template = draw(st.sampled_from(["2019", "2021"]))
    text = render(sample_report(template, seed=draw(st.integers(0, 999))), layout).text
    data = bytearray(text.encode(draw(st.sampled_from(["utf-8", "gb18030", "utf-16"]))))
    for _ in range(draw(st.integers(0, 8))):
        _change(draw, data)
    return bytes(data)


def _change(draw: st.DrawFn, data: bytearray) -> None:
    """One change of a file's bytes: one replaced, up to 200 cut, or up to 20 added."""
    at = draw(st.integers(0, len(data)))
    action = draw(st.sampled_from(["flip", "cut", "insert"]))
    if action == "flip" and at < len(data):
        data[at] = draw(st.integers(0, 255))
    elif action == "cut":
        del data[at : at + draw(st.integers(1, 200))]
    else:
        data[at:at] = draw(st.binary(min_size=1, max_size=20))


@_SETTINGS
@given(_damaged_report(), st.sampled_from(_FORMATS))
def test_damaged_reports(data: bytes, form: str) -> None:
    _valid(form, *_check({"r.txt": data, "gilint.toml": b'select = ["GI"]\n'}, form))


@functools.cache
def _document(kind: str) -> bytes:
    """A correct report as a Word file or a web page."""
    from gilint.testing.documents import document, to_docx, to_html

    written = document(sample_report("2021", seed=3))
    return to_docx(written) if kind == "docx" else to_html(written)


_ENTRY = re.compile(b"PK\x01\x02|PK\x03\x04")  # a zip entry's header, in its directory or not


@st.composite
def _damaged_document(draw: st.DrawFn) -> tuple[str, bytes]:
    """A Word file or a web page with bytes changed, cut or added; for a Word file,
    also a byte of the header of one of its archive's entries, in the directory or
    before a part (versions, flags, sizes, offsets: what zipfile reads first)."""
    kind = draw(st.sampled_from(["docx", "html"]))
    data = bytearray(_document(kind))
    for _ in range(draw(st.integers(1, 6))):
        entries = [m.start() for m in _ENTRY.finditer(data)] if kind == "docx" else []
        if entries and draw(st.integers(0, 3)) == 0:
            at = draw(st.sampled_from(entries)) + draw(st.integers(4, 45))
            if at < len(data):
                data[at] = draw(st.integers(0, 255))
        else:
            _change(draw, data)
    return kind, bytes(data)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_damaged_document(), st.sampled_from(_FORMATS))
def test_damaged_word_files_and_web_pages(damaged: tuple[str, bytes], form: str) -> None:
    pytest.importorskip("docx", reason="the test extra installs python-docx")
    kind, data = damaged
    _valid(form, *_check({f"r.{kind}": data, "gilint.toml": b'select = ["GI"]\n'}, form))


_TOML_PIECES = st.sampled_from(
    [
        "select = ",
        "ignore = ",
        "rule-timeout = ",
        "extract-timeout = ",
        "template = ",
        "[tool.gilint]\n",
        "[per-file-ignores]\n",
        '"GI1"',
        '["gi2", "GI901"]',
        "[",
        "]",
        "5",
        "-1",
        "true",
        "\n",
        "=",
        '"',
        'local-rules = ["x.py"]\n',
    ]
)


@_SETTINGS
@given(
    st.lists(_TOML_PIECES, max_size=20).map("".join),
    st.sampled_from(["gilint.toml", "pyproject.toml"]),
)
def test_any_configuration_text(content: str, name: str) -> None:
    report = render(sample_report("2021", seed=1), "wrapped").text.encode("utf-8")
    files = {"r.txt": report, name: content.encode("utf-8")}
    _valid("json", *_check(files, "json"))


_HEADS = st.sampled_from(
    [
        b"%PDF-1.7\n",
        b"PK\x03\x04",
        b"<!DOCTYPE html><html>",
        b"<html><body><table><tr><td rowspan=99999>",
        bytes.fromhex("D0CF11E0A1B11AE1"),
        b"",
    ]
)


@_SETTINGS
@given(_HEADS, st.binary(max_size=2000), st.sampled_from(["r.pdf", "r.docx", "r.html", "r.txt"]))
def test_any_bytes_under_any_loader(head: bytes, tail: bytes, name: str) -> None:
    """Files that look like PDF, Word, HTML or .doc but are not: a finding or a message,
    never a traceback (the .doc loader says LibreOffice is missing, or converts)."""
    code, out, err = _check({name: head + tail, "gilint.toml": b'select = ["GI"]\n'}, "html")
    assert code in (0, 1, 2), err
    assert "Traceback" not in err
    if code != 2:
        assert out.startswith("<!DOCTYPE html>")
