"""Configuration: discovery, precedence, validation and rule selection."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import gilint
from gilint.config import Config, ConfigError, discover, find_file, from_mapping, with_overrides
from gilint.findings import Severity
from gilint.testing import render, sample_report

CODES = ("GI101", "GI102", "GI201", "GI202", "GI205", "GI401", "GI402", "GI901")


def broken_report() -> str:
    """A report with GI101 (no part 四), GI401 (no fee statement) and GI201/GI203."""
    data = attrs.evolve(
        sample_report("2021", seed=3),
        parts=("一", "二", "三", "五", "六"),
        other_matters=("无其他事项。",),
    )
    data = data.with_cell("3", "new", "natural_person", "999")
    return render(data, "wrapped").text


@pytest.mark.parametrize(
    ("settings", "enabled"),
    [
        ({}, set(CODES)),
        ({"select": ["GI2"]}, {"GI201", "GI202", "GI205"}),
        ({"select": ["GI2"], "ignore": ["GI205"]}, {"GI201", "GI202"}),
        ({"select": ["GI205"], "ignore": ["GI2"]}, {"GI205"}),  # more specific wins
        ({"select": ["GI2"], "ignore": ["GI2"]}, set()),  # a tie: ignore wins
        ({"select": ["GI1"], "extend-select": ["GI4"]}, {"GI101", "GI102", "GI401", "GI402"}),
        ({"ignore": ["GI"]}, set()),
        ({"select": ["ALL"], "ignore": ["GI9"]}, set(CODES) - {"GI901"}),
    ],
)
def test_selection_like_ruff(settings: dict[str, list[str]], enabled: set[str]) -> None:
    config = from_mapping(settings)
    assert {c for c in CODES if config.enabled(c)} == enabled


def test_per_file_ignores_are_relative_to_the_config(tmp_path: Path) -> None:
    config = from_mapping({"per-file-ignores": {"old/*.txt": ["GI3", "GI401"]}}, root=tmp_path)
    assert not config.enabled("GI301", str(tmp_path / "old" / "a.txt"))
    assert not config.enabled("GI401", str(tmp_path / "old" / "a.txt"))
    assert config.enabled("GI301", str(tmp_path / "new" / "a.txt"))


def test_severity_override_by_prefix() -> None:
    config = from_mapping({"severity": {"GI1": "info", "GI105": "error"}})
    assert config.severity_of("GI101", Severity.ERROR) is Severity.INFO
    assert config.severity_of("GI105", Severity.WARNING) is Severity.ERROR
    assert config.severity_of("GI201", Severity.ERROR) is Severity.ERROR


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"selct": ["GI1"]}, "未知的配置项“selct”"),
        # a single string is a type error: `select = "GI1"` reads like a list but is not
        ({"select": "GI1"}, "应为字符串列表"),
        ({"select": [1]}, "应为字符串列表"),
        ({"severity": {"GI101": "fatal"}}, "未知的严重程度“fatal”"),
        ({"per-file-ignores": ["x"]}, "per-file-ignores"),
        ({"ignore": "GI101"}, "配置项 ignore 应为字符串列表"),
    ],
)
def test_bad_settings_are_clear_errors(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        from_mapping(settings)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"select": ["GI999"]}, "未知的规则代码或前缀“GI999”"),
        ({"ignore": ["E501"]}, "“E501”"),
        ({"severity": {"XX1": "info"}}, "“XX1”"),
        ({"template": "2018"}, "未知的格式“2018”"),
    ],
)
def test_unknown_codes_and_templates_are_errors(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        gilint.lint("一、总体情况\n", config=settings)


def test_nearest_file_wins_and_pyproject_needs_its_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.gilint]\nselect = ["GI1"]\n', "utf-8")
    child = tmp_path / "a" / "b"
    child.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    report = child / "r.txt"
    report.write_text("x", "utf-8")
    assert find_file(report) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "gilint.toml").write_text('select = ["GI2"]\n', "utf-8")
    assert find_file(report) == tmp_path / "a" / "gilint.toml"
    assert discover(report).select == ("GI2",)
    (tmp_path / "a" / ".gilint.toml").write_text('select = ["GI3"]\n', "utf-8")
    assert discover(report).select == ("GI3",)


def test_lint_uses_the_nearest_file(tmp_path: Path) -> None:
    (tmp_path / "gilint.toml").write_text('select = ["GI401"]\n', "utf-8")
    path = tmp_path / "r.txt"
    path.write_text(broken_report(), "utf-8")
    assert [f.code for f in gilint.lint(path)] == ["GI401"]
    assert len({f.code for f in gilint.lint(path, config={"select": ["GI"]})}) > 1


def test_command_line_beats_the_file(tmp_path: Path) -> None:
    base = from_mapping({"select": ["GI1"], "ignore": ["GI102"]}, root=tmp_path)
    merged = with_overrides(base, select=("GI2",), ignore=("GI205",), template="2019")
    assert merged.select == ("GI2",)
    assert merged.ignore == ("GI102", "GI205")
    assert merged.template == "2019"
    assert with_overrides(base).select == ("GI1",)


def test_broken_toml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "gilint.toml").write_text("select = [", "utf-8")
    with pytest.raises(ConfigError, match="不是有效的 TOML"):
        discover(tmp_path)


def test_template_setting_forces_the_format() -> None:
    text = render(sample_report("2021", seed=1), "wrapped").text
    linter = gilint.Linter(Config(template="2019"))
    report = linter.parse(text)
    assert report.template.id == "2019" and report.template.basis == "config"
    assert all(t.template == "2019" for t in report.tables())


def test_codes_are_case_insensitive_everywhere() -> None:
    """A code or prefix means the same in any case, in every place that takes one."""
    config = from_mapping(
        {
            "select": ["gi1"],
            "ignore": ["Gi102"],
            "per-file-ignores": {"*.txt": ["gi103"]},
            "severity": {"gi101": "info"},
        }
    )
    assert config.select == ("GI1",) and config.ignore == ("GI102",)
    assert config.enabled("GI101") and not config.enabled("GI102")
    assert not config.enabled("GI103", "a.txt")
    assert config.severity_of("GI101", Severity.ERROR) is Severity.INFO


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("tool = 5\n", "tool 应为表"),
        ("[tool]\ngilint = 5\n", r"\[tool.gilint\] 应为表"),
        ('[tool.gilint]\nselect = ["GI"]\n[tool.gilint]\n', "不是有效的 TOML"),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", "嵌套过深|不是有效的 TOML"),
        ("[project\n", "不是有效的 TOML"),
        (b"\xff\xfe".decode("latin-1"), "不是有效的 TOML"),
    ],
)
def test_an_unusable_pyproject_is_an_error_not_ignored(
    tmp_path: Path, content: str, message: str
) -> None:
    """A pyproject.toml gilint cannot read is never passed over as if it had no table:
    its [tool.gilint] might have been meant."""
    (tmp_path / "pyproject.toml").write_text(content, "latin-1" if "\xff" in content else "utf-8")
    with pytest.raises(ConfigError, match=message):
        discover(tmp_path)
