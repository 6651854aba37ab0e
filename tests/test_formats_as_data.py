"""A format added as data only (tests/formats/province-2021.toml: one more row in table
二 and one more requirement of part 六): the parser reads the row, the rules check the
requirement, and the testing kit renders and generates reports of it, with no code."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gilint
from gilint.linting import Linter
from gilint.templates import NATIONAL
from gilint.templates.model import TemplateSet
from gilint.templates.toml_format import FormatError, format_from, load_format
from gilint.testing import LAYOUTS, render, sample_report

from support import run_gilint

FORMAT = Path(__file__).parent / "formats" / "province-2021.toml"


def _linter() -> Linter:
    return Linter(gilint.Config(formats=(FORMAT,), template="2021-示例省"))


def test_the_format_extends_the_national_one() -> None:
    province = load_format(FORMAT)
    national = NATIONAL.get("2021")
    assert national is not None
    assert [r.id for r in province.table("2.1").rows] == [  # type: ignore[union-attr]
        "regulations",
        "normative_documents",
        "provincial_documents",
    ]
    assert province.aspects_of("六")[-1].name == "政务公开工作考核"
    assert province.tables[2:] == national.tables[2:]  # the rest as the national format


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_parser_reads_the_extra_row(layout: str) -> None:
    province = load_format(FORMAT)
    data = sample_report(province, seed=4)
    assert "provincial_documents" in data.tables["2.1"]  # the kit generated it
    text = render(data, layout).text  # type: ignore[arg-type]
    linter = _linter()
    report = linter.parse(text)
    row = report.table("2.1").row("provincial_documents")  # type: ignore[union-attr]
    assert row is not None
    assert tuple(str(n) for n in row.numbers) == data.tables["2.1"]["provincial_documents"]
    assert [f for f in linter.check(report) if f.severity.value != "info"] == []


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(LAYOUTS))
def test_generated_reports_of_the_format_are_correct(seed: int, layout: str) -> None:
    data = sample_report(load_format(FORMAT), seed=seed, high=60)
    findings = _linter().lint(render(data, layout).text)  # type: ignore[arg-type]
    assert [f.code for f in findings if f.severity.value != "info"] == []


def test_the_rules_check_the_extra_requirement() -> None:
    data = sample_report(load_format(FORMAT), seed=4)
    text = render(data, "tabs").text
    assert "工作考核" in text  # the kit wrote what the format requires
    dropped = "\n".join(line for line in text.split("\n") if "政务公开工作考核情况" not in line)
    findings = [f for f in _linter().lint(dropped) if f.code == "GI105"]
    assert len(findings) == 1 and "第六部分" in findings[0].message
    assert "政务公开工作考核" in findings[0].message
    # the national format does not ask for it
    national = Linter(gilint.Config(template="2021")).lint(dropped)
    assert not [f for f in national if f.code == "GI105"]


def test_a_wrong_number_in_the_extra_row_is_a_wrong_cell() -> None:
    data = sample_report(load_format(FORMAT), seed=4).with_cell(
        "2.1", "provincial_documents", "issued", "若干"
    )
    findings = _linter().lint(render(data, "tabs").text)
    assert [(f.code, "省政府部门规范性文件" in f.message) for f in findings] == [("GI205", True)]


def test_the_command_line_takes_formats_from_the_configuration(tmp_path: Path) -> None:
    data = sample_report(load_format(FORMAT), seed=4)
    (tmp_path / "report.txt").write_text(render(data, "tabs").text, "utf-8")
    (tmp_path / "gilint.toml").write_text(
        f'formats = ["{FORMAT.as_posix()}"]\ntemplate = "2021-示例省"\n', "utf-8"
    )
    result = run_gilint("check", "report.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    without = run_gilint("check", "report.txt", "--isolated", cwd=tmp_path)
    assert "GI901" in without.stdout  # the national format does not know the row


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "x"}, "缺少 id"),
        ({"id": "x", "name": "x", "extends": "1999"}, "extends 的格式“1999”不存在"),
        ({"id": "x", "name": "x", "extends": "2021", "colour": 1}, "不认识的键"),
        ({"id": "x", "name": "x", "extends": "2021", "tables": [{"id": "9"}]}, "缺少 part"),
    ],
)
def test_a_broken_format_file_is_a_clear_message(data: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(FormatError, match=message):
        format_from(data, NATIONAL, "格式文件 x.toml")


def test_a_format_is_read_not_run(tmp_path: Path) -> None:
    evil = tmp_path / "evil.toml"
    evil.write_text(
        'id = "x"\nname = "__import__(\'os\').system(\'touch pwned\')"\nextends = "2021"\n', "utf-8"
    )
    template = load_format(evil)
    assert template.name.startswith("__import__") and not (tmp_path / "pwned").exists()
    assert TemplateSet((*NATIONAL.templates, template)).get("x") is template
