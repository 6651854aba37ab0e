"""GI703 copied text: a paragraph of part 一 or 五 (nearly) the same as one of another
report in the run; the later report is told, with the source file and line."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from gilint.testing import ReportData, render, sample_report

from support import run_gilint

pytest.importorskip("datasketch")
pytest.importorskip("rapidfuzz")

# Paragraphs of our own, long enough to count as content (60 characters and more).
PROBLEM_2023 = (
    "（一）存在的主要问题。2023年，政策解读的形式仍以文字为主，图表、音视频解读数量偏少，"
    "部分栏目更新周期较长，基层站点的信息发布与上级要求还有差距，依申请公开答复文书的规范性有待提高。"
)
PROBLEM_2024 = PROBLEM_2023.replace("2023", "2024")  # last year's text with this year's numbers
IMPROVE = (
    "（二）改进情况。下一步，我们将组织业务培训，建立栏目更新台账，每月通报更新情况，"
    "并邀请法律顾问逐件审核答复文书，力争全年依申请公开答复零纠错，切实提高公开质量和群众满意度。"
)
OTHER_PROBLEM = (
    "（一）存在的主要问题。本年度信息公开平台迁移到集约化平台后，历史栏目的数据迁移尚未全部完成，"
    "个别链接失效；村务公开栏的纸质公示与网上公开衔接不够，群众反映查找不便，需要进一步理顺。"
)
OVERVIEWS = (
    "（一）主动公开情况。本机关依托门户网站、政务新媒体和便民服务大厅公开栏，"
    "全年围绕重点领域发布政策文件、工作动态和公示公告，并对重要政策逐项开展解读，回应社会关切。",
    "（一）主动公开情况。围绕乡村振兴、社会救助和安全生产，我们把群众最关心的事项列成清单，"
    "逐月在网站专栏和村级公开栏同步更新，年底请群众代表评议，按评议意见调整了三个栏目。",
)


def _report(issuer: str, year: int, problems: tuple[str, ...], seed: int) -> ReportData:
    return attrs.evolve(
        sample_report("2021", seed=seed, issuer=issuer),
        year=year,
        problems=problems,
        overview=(OVERVIEWS[seed % 2],),
    )


def _write(folder: Path, reports: dict[str, ReportData], layout: str = "wrapped") -> None:
    for name, report in reports.items():
        (folder / name).write_text(render(report, layout).text, "utf-8")  # type: ignore[arg-type]


def _gi703(folder: Path, *extra: str) -> list[str]:
    result = run_gilint("check", ".", "--isolated", "--select", "GI703", *extra, cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr  # a warning
    return [line for line in result.stdout.splitlines() if "GI703" in line]


@pytest.mark.parametrize("layout", ["wrapped", "tabs", "markdown"])
def test_last_years_paragraph_with_new_numbers_is_reported_on_the_later_report(
    tmp_path: Path, layout: str
) -> None:
    body = "示例县示例镇人民政府"
    last = _report(body, 2023, (PROBLEM_2023, IMPROVE), seed=1)
    this = _report(body, 2024, (PROBLEM_2024, OTHER_PROBLEM.replace("（一）", "（二）")), seed=2)
    _write(tmp_path, {"a-2023.txt": last, "b-2024.txt": this}, layout)
    lines = _gi703(tmp_path)
    assert len(lines) == 1, lines
    (line,) = lines
    assert line.startswith("b-2024.txt:") and "a-2023.txt 第" in line and "相同" in line
    # the finding is at the copied paragraph, and names the source paragraph's line
    text = (tmp_path / "b-2024.txt").read_text("utf-8").splitlines()
    found_line = int(line.split(":")[1])
    assert "存在的主要问题" in text[found_line - 1]
    source_line = int(line.split("a-2023.txt 第 ")[1].split(" ")[0])
    source = (tmp_path / "a-2023.txt").read_text("utf-8").splitlines()
    assert "存在的主要问题" in source[source_line - 1]


def test_another_bodys_nearly_identical_paragraph_is_reported_on_both(tmp_path: Path) -> None:
    near = IMPROVE.replace("组织业务培训", "开展业务培训")
    a = _report("甲县民政局", 2024, (OTHER_PROBLEM, IMPROVE), seed=3)
    b = _report("乙县民政局", 2024, (PROBLEM_2024, near), seed=4)
    _write(tmp_path, {"a.txt": a, "b.txt": b})
    lines = _gi703(tmp_path)
    assert sorted(line.split(":")[0] for line in lines) == ["a.txt", "b.txt"]
    assert all("高度相似（相似度" in line for line in lines)
    assert "b.txt 第" in lines[0] and "a.txt 第" in lines[1]


def test_the_body_name_does_not_hide_a_copy(tmp_path: Path) -> None:
    a = _report("甲县民政局", 2023, (f"甲县民政局{OTHER_PROBLEM[10:]}", IMPROVE), seed=5)
    b = _report("乙县民政局", 2024, (f"乙县民政局{OTHER_PROBLEM[10:]}", PROBLEM_2024), seed=6)
    _write(tmp_path, {"a.txt": a, "b.txt": b})
    lines = _gi703(tmp_path)
    assert len(lines) == 1 and lines[0].startswith("b.txt:")  # the later report only


def test_different_text_short_sentences_and_prescribed_titles_give_nothing(
    tmp_path: Path,
) -> None:
    a = _report("甲县民政局", 2023, (PROBLEM_2023, IMPROVE), seed=7)
    b = _report("乙县民政局", 2024, (OTHER_PROBLEM,), seed=8)
    c = sample_report("2021", seed=9, issuer="丙县民政局")  # the kit's short sentences
    d = sample_report("2021", seed=10, issuer="丁县民政局")  # the same short sentences
    _write(tmp_path, {"a.txt": a, "b.txt": b, "c.txt": c, "d.txt": d})
    assert _gi703(tmp_path) == []


def test_one_report_in_two_files_is_not_a_copy_of_itself(tmp_path: Path) -> None:
    report = _report("甲县民政局", 2024, (PROBLEM_2024, IMPROVE), seed=11)
    _write(tmp_path, {"report.txt": report})
    _write(tmp_path, {"report.md": report}, "markdown")
    assert _gi703(tmp_path) == []


def test_cross_report_checks_can_be_switched_off_and_jobs_do_not_matter(tmp_path: Path) -> None:
    body = "示例县示例镇人民政府"
    _write(
        tmp_path,
        {
            "a-2023.txt": _report(body, 2023, (PROBLEM_2023,), seed=12),
            "b-2024.txt": _report(body, 2024, (PROBLEM_2024,), seed=13),
        },
    )
    assert _gi703(tmp_path, "--no-cross-report") == []
    assert _gi703(tmp_path, "-j", "2") == _gi703(tmp_path, "-j", "1") != []


def test_a_rule_whose_extra_is_missing_says_so_and_the_others_run(tmp_path: Path) -> None:
    plugin = tmp_path / "needs_extra.py"
    plugin.write_text(
        "from gilint import hookimpl\n"
        "from gilint.rules.copies import CopiedText\n"
        "class NeedsExtra(CopiedText):\n"
        "    code = 'XC001'\n"
        "    name = 'needs-extra'\n"
        "    extra = 'nothing-such'\n"
        "    modules = ('gilint_no_such_module',)\n"
        "@hookimpl\n"
        "def gilint_corpus_rules():\n"
        "    return [NeedsExtra]\n",
        "utf-8",
    )
    body = "示例县示例镇人民政府"
    _write(
        tmp_path,
        {
            "a-2023.txt": _report(body, 2023, (PROBLEM_2023,), seed=14),
            "b-2024.txt": _report(body, 2024, (PROBLEM_2024,), seed=15),
        },
    )
    result = run_gilint(
        "check",
        ".",
        "--isolated",
        "--local-rules",
        str(plugin),
        "--select",
        "GI703,XC001",
        cwd=tmp_path,
    )
    assert "XC001（needs-extra）未运行" in result.stderr and "gilint[nothing-such]" in result.stderr
    # a plain run, which did not ask for the rule by name, goes on quietly without it
    plain = run_gilint("check", ".", "--isolated", "--local-rules", str(plugin), cwd=tmp_path)
    assert "未运行" not in plain.stderr and "GI703" in plain.stdout
    assert "GI703" in result.stdout and "XC001" not in result.stdout
    assert "Traceback" not in result.stderr
