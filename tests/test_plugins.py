"""Plugins and local rules: registered through the same hook, isolated from each other."""

from __future__ import annotations

import importlib
import sys
import textwrap
import warnings
from pathlib import Path

import attrs
import pytest

import gilint
from gilint import plugins
from gilint.plugins import build_registry, load_installed
from gilint.testing import render, sample_report

CONTACT_RULE = '''
import re
import gilint


class ContactSentence(gilint.Rule):
    """前言须写明联系电话。"""

    code = "XP001"
    name = "missing-contact-phone"
    severity = gilint.Severity.WARNING
    summary = "The preamble gives no telephone number."

    def check(self, report):
        if not any("联系电话" in p.text for p in report.preamble):
            yield self.finding(report.title_span or report.span, "前言未写明联系电话")


class ShortProblems(gilint.Rule):
    """第五部分每段不得少于十个字。"""

    code = "XP002"
    name = "short-problem-paragraph"
    summary = "A paragraph of part 五 has fewer than ten characters."

    def check(self, report):
        five = report.section("五")
        if five is None:
            return
        bodies = [*five.paragraphs, *(p for sub in five.subsections for p in sub.paragraphs)]
        for paragraph in bodies:
            if len(paragraph.compact) < 10:
                yield self.finding(paragraph, f"段落过短：“{paragraph.text}”",
                                   suggestion="写明具体问题和改进措施")


@gilint.hookimpl
def gilint_rules():
    return [ContactSentence, ShortProblems]
'''


def _report_file(folder: Path) -> tuple[Path, str]:
    data = attrs.evolve(
        sample_report("2021", seed=9),
        problems=("无。", "（二）改进情况。下一步将加强培训，提高信息发布的及时性。"),
    )
    text = render(data, "markdown").text
    path = folder / "reports" / "report.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path, text


def test_local_rules_from_pyproject_report_at_the_right_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the user's own project: its local rules are trusted
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gilint]\nlocal-rules = ["checks"]\nselect = ["XP"]\n', encoding="utf-8"
    )
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "house.py").write_text(CONTACT_RULE, encoding="utf-8")
    path, text = _report_file(tmp_path)
    findings = gilint.lint(path)
    lines = text.split("\n")
    assert [(f.code, f.line) for f in findings] == [
        ("XP001", next(i for i, line in enumerate(lines, 1) if line.startswith("# "))),
        ("XP002", lines.index("无。") + 1),
    ]
    assert findings[0].span.column == 3  # the title itself, after "# "
    short = findings[1]
    assert (short.span.column, short.span.end_column) == (1, 3)
    assert short.path == str(path) and short.suggestion == "写明具体问题和改进措施"


def test_local_rules_file_path_and_origin(tmp_path: Path) -> None:
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "rule.py").write_text(CONTACT_RULE, encoding="utf-8")
    registry = build_registry([tmp_path / "more" / "rule.py"])
    entry = registry.rule("XP001")
    assert entry is not None and entry.origin == f"local: {tmp_path / 'more' / 'rule.py'}"
    assert registry.rule("GI101").origin == "built-in"  # type: ignore[union-attr]
    assert registry.problems == ()


def test_broken_local_module_is_named_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "broken.py").write_text("def oops(:\n", encoding="utf-8")
    (tmp_path / "checks" / "good.py").write_text(CONTACT_RULE, encoding="utf-8")
    path, _ = _report_file(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        findings = gilint.lint(path, config={"local-rules": [str(tmp_path / "checks")]})
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1 and "broken.py" in messages[0] and "SyntaxError" in messages[0]
    assert {"XP001", "XP002"} <= {f.code for f in findings}


def test_misspelled_hook_is_caught(tmp_path: Path) -> None:
    module = tmp_path / "typo.py"
    module.write_text(
        "import gilint\n@gilint.hookimpl\ndef gilint_rule():\n    return []\n", encoding="utf-8"
    )
    registry = build_registry([module])
    assert len(registry.problems) == 1
    assert "typo.py" in registry.problems[0].plugin
    assert "gilint_rule" in registry.problems[0].message


def test_code_collision_with_a_builtin_is_refused(tmp_path: Path) -> None:
    module = tmp_path / "clash.py"
    module.write_text(
        textwrap.dedent('''
        import gilint
        class Clash(gilint.Rule):
            """冲突。"""
            code = "GI101"
            name = "my-missing-section"
            summary = "Clashes."
            def check(self, report):
                return []
        @gilint.hookimpl
        def gilint_rules():
            return [Clash]
    '''),
        encoding="utf-8",
    )
    registry = build_registry([module])
    assert registry.rule("GI101").origin == "built-in"  # type: ignore[union-attr]
    assert len(registry.problems) == 1
    assert "GI101" in registry.problems[0].message and "built-in" in registry.problems[0].message


def test_malformed_rule_classes_are_refused(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text(
        textwrap.dedent("""
        import gilint
        class NoCode(gilint.Rule):
            name = "no-code"
            summary = "x"
            def check(self, report):
                return []
        class BadName(gilint.Rule):
            code = "XB001"
            name = "Bad Name"
            summary = "x"
            def check(self, report):
                return []
        @gilint.hookimpl
        def gilint_rules():
            return [NoCode, BadName, object]
    """),
        encoding="utf-8",
    )
    messages = [p.message for p in build_registry([module]).problems]
    assert len(messages) == 3
    assert any("code" in m for m in messages) and any("kebab-case" in m for m in messages)


def test_broken_installed_plugin_is_named_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "gilint_fake_good.py").write_text(CONTACT_RULE, encoding="utf-8")
    (tmp_path / "gilint_fake_bad.py").write_text(
        "raise ImportError('missing dependency')\n", encoding="utf-8"
    )
    _distribution(tmp_path, "gilint-fake", {"bad": "gilint_fake_bad", "good": "gilint_fake_good"})
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = build_registry(installed=load_installed())
    assert registry.rule("XP001") is not None and registry.rule("GI101") is not None
    assert [p.plugin for p in registry.problems] == ["gilint-fake 0.1"]
    assert "missing dependency" in registry.problems[0].message
    sys.modules.pop("gilint_fake_good", None)


def test_plugin_templates_join_the_national_ones(tmp_path: Path) -> None:
    module = tmp_path / "province.py"
    module.write_text(
        textwrap.dedent("""
        import attrs
        import gilint
        from gilint.templates import FORMAT_2021

        PROVINCE = attrs.evolve(FORMAT_2021, id="2021-xx", name="某省 2021 年格式",
                                first_year=None)
        CLASH = attrs.evolve(FORMAT_2021, name="another 2021")

        @gilint.hookimpl
        def gilint_templates():
            return [PROVINCE, CLASH]
    """),
        encoding="utf-8",
    )
    registry = build_registry([module])
    ids = [t.id for t in registry.templates.templates]
    assert ids[:2] == ["2019", "2021"] and ids[-1] == "2021-xx"
    (clash,) = [p for p in registry.problems if "province.py" in p.plugin]
    assert "格式描述 2021 与已有的同名格式冲突" in clash.message


def _claimant(code: str, name: str, tryfirst: bool = False) -> str:
    """A plugin module with one rule that claims ``code``."""
    marker = "@gilint.hookimpl(tryfirst=True)" if tryfirst else "@gilint.hookimpl"
    return textwrap.dedent(f'''
        import gilint
        class Claim(gilint.Rule):
            """声称。"""
            code = "{code}"
            name = "{name}"
            summary = "Claims a code."
            def check(self, report):
                return []
        {marker}
        def gilint_rules():
            return [Claim]
    ''')


def _distribution(folder: Path, name: str, points: dict[str, str]) -> None:
    """An installed distribution in ``folder`` (a folder of ``sys.path``), as pip leaves
    one: its metadata and its entry points of the group ``gilint``."""
    info = folder / f"{name.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8"
    )
    lines = "".join(f"{key} = {value}\n" for key, value in points.items())
    (info / "entry_points.txt").write_text(f"[console_scripts]\nx = y:z\n\n[gilint]\n{lines}")


def _installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, modules: dict[str, str]
) -> plugins.Registry:
    """A registry with the built-in rules and ``modules`` as installed plugins, registered
    in the order given (entry points are sorted by name: the names say the order)."""
    for name, source in modules.items():
        (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
        _distribution(tmp_path, name.replace("_", "-"), {name: name})
        sys.modules.pop(name, None)
    monkeypatch.syspath_prepend(str(tmp_path))
    return build_registry(installed=load_installed())


@pytest.mark.parametrize("tryfirst", [False, True])
def test_an_installed_plugin_cannot_take_a_builtin_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tryfirst: bool
) -> None:
    registry = _installed(
        tmp_path, monkeypatch, {"gilint_fake_taker": _claimant("GI101", "taker", tryfirst)}
    )
    entry = registry.rule("GI101")
    assert entry is not None and entry.origin == "built-in"
    assert entry.rule.name == "missing-section"
    (problem,) = registry.problems
    assert problem.plugin == "gilint-fake-taker 0.1"  # the refused one is named
    assert "built-in" in problem.message


@pytest.mark.parametrize("tryfirst", [False, True])
def test_between_two_plugins_the_first_registered_keeps_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tryfirst: bool
) -> None:
    registry = _installed(
        tmp_path,
        monkeypatch,
        {
            "gilint_fake_a_first": _claimant("XQ001", "first"),
            "gilint_fake_b_second": _claimant("XQ001", "second", tryfirst),
        },
    )
    entry = registry.rule("XQ001")
    assert entry is not None and entry.rule.name == "first"
    assert entry.origin == "gilint-fake-a-first 0.1"
    (problem,) = registry.problems
    assert problem.plugin == "gilint-fake-b-second 0.1"
    assert "gilint-fake-a-first 0.1" in problem.message


def test_gilint_s_own_entry_points_are_the_ones_pyproject_declares() -> None:
    from gilint.config import toml_reader
    from gilint.installed import BUILTIN_ENTRY_POINTS

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    declared = toml_reader().loads(pyproject.read_text(encoding="utf-8"))["project"]["entry-points"]
    assert declared["gilint"] == BUILTIN_ENTRY_POINTS


def test_without_other_plugins_the_entry_points_are_found_without_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only gilint's own entry points on the path: importlib.metadata (about 20 ms of a
    start) is not asked. Another distribution's, or an egg: it is, for everything."""
    from importlib import metadata

    from gilint import installed

    asked: list[str] = []
    real = metadata.entry_points

    def counting(**kwargs: str) -> object:
        asked.append(kwargs.get("group", ""))
        return real(**kwargs)

    monkeypatch.setattr(metadata, "entry_points", counting)
    own = tmp_path / "own"
    own.mkdir()
    _distribution(own, "gilint", {"builtin": "gilint.rules", "loaders": "gilint.loaders.builtin"})
    monkeypatch.setattr(sys, "path", [str(own), str(tmp_path / "missing")])
    found = installed.declared()
    assert [(d.name, d.value, d.origin) for d in found] == [
        ("builtin", "gilint.rules", "built-in"),
        ("loaders", "gilint.loaders.builtin", "built-in"),
    ]
    assert asked == []
    assert found[0].load() is importlib.import_module("gilint.rules")

    other = tmp_path / "other"
    other.mkdir()
    _distribution(other, "gilint-province", {"province": "gilint_province.rules:PLUGIN [x]"})
    monkeypatch.setattr(sys, "path", [str(own), str(other)])
    assert installed._others_declared()
    installed.declared()
    assert asked == ["gilint"]

    eggs = tmp_path / "eggs"
    (eggs / "something-1.0-py3.11.egg").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [str(own), str(eggs)])
    assert installed._others_declared()  # an egg's metadata is not read here: ask


def test_entry_point_sections_are_read_as_ini() -> None:
    from gilint.installed import _group_values

    text = (
        "[console_scripts]\ngilint = gilint.cli:main\n\n"
        "[gilint]\n# a comment\nbuiltin = gilint.rules\n"
        "province = gilint_province.rules:PLUGIN [extra]\n\n[other]\nx = y\n"
    )
    assert _group_values(text) == ["gilint.rules", "gilint_province.rules:PLUGIN"]
