"""``--format html``: one self-contained review page, checked as text and in a real
browser (headless Chromium, when installed; CI installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import attrs
import pytest

from gilint.testing import render, sample_report
from gilint.testing.documents import document, to_docx

from support import run_gilint

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    good = sample_report("2021", seed=4)
    broken = good.with_cell("3", "outcome.disclosed", "natural_person", "999")
    (tmp_path / "a.txt").write_text(render(broken, "tabs").text, "utf-8")
    vague = attrs.evolve(good, other_matters=("本单位本年度不存在收费情况。",))
    (tmp_path / "b.txt").write_text(render(vague, "wrapped").text, "utf-8")
    (tmp_path / "c.txt").write_text(render(good, "markdown").text, "utf-8")
    (tmp_path / "d.docx").write_bytes(to_docx(document(broken)))
    result = run_gilint(
        "check", ".", "--isolated", "--format", "html", "-o", "review.html", cwd=tmp_path
    )
    assert result.returncode == 1, result.stderr
    return tmp_path / "review.html"


def test_the_page_summarises_marks_and_needs_no_network(page: Path) -> None:
    html = page.read_text("utf-8")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)  # nothing fetched
    assert "<link" not in html and "<script src" not in html
    # a summary row per file, with counts by severity and by code
    assert re.search(r"<td>c\.txt</td>(?:<td class=\"num\">0</td>){3}", html)
    assert "GI202 × 1、GI203 × 1" in html
    # the wrong cell highlighted and numbered, in the text report and in the Word one
    assert html.count('<td class="num hit"') >= 4  # 999 and the row total, twice
    assert re.search(r'<td class="num hit" title="[^"]*">999<sup class="ref">', html)
    assert "表格2 第6行" in html  # the Word file's cell
    # the paragraph a finding speaks of, quoted with the words marked
    assert "<blockquote>" in html and "<mark>本单位本年度不存在收费情况" in html


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_the_page_in_a_real_browser(page: Path, tmp_path: Path) -> None:
    browser = [CHROMIUM or "", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    dom = subprocess.run(
        [*browser, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    shown = re.search(r'data-highlighted="(\d+)"', dom)
    assert shown is not None, dom[:500]  # the page's script ran after layout
    assert int(shown.group(1)) == page.read_text("utf-8").count('hit" title=')
    shot = tmp_path / "review.png"
    subprocess.run(
        [*browser, "--window-size=1280,1600", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000


def test_a_later_report_of_a_file_has_its_tables_named_by_it(tmp_path: Path) -> None:
    """In a file of several reports, a table of a later one is drawn under that report's
    title, beside the findings of every report."""
    first = render(sample_report("2021", seed=3), "wrapped").text
    later = sample_report("2019", seed=4).with_cell("3", "new", "total", "999")
    (tmp_path / "volume.txt").write_text(first + "\n\n" + render(later, "wrapped").text, "utf-8")
    result = run_gilint(
        "check", "volume.txt", "--isolated", "--format", "html", "-o", "r.html", cwd=tmp_path
    )
    assert result.returncode == 1, result.stderr
    html = (tmp_path / "r.html").read_text("utf-8")
    assert re.findall(r"<h3>([^<]*)</h3>", html) == [
        "示例县示例镇人民政府2020年政府信息公开工作年度报告：表三（收到和处理政府信息公开申请情况）"
    ]
    assert "GI903" in html and "GI203" in html
