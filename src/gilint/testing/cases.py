"""Rule test cases in a TOML file, run by one parametrised test.

A case file lists named cases; each gives a report text (``pass`` for text that must give
no finding, ``fail`` for text that must give the ``expected`` findings) or asks for a
rendered sample report (``render``) with text replacements (``replace``)::

    [[cases]]
    name = "contact sentence present"
    pass = '''
    示例镇2024年政府信息公开工作年度报告
    如有疑问，请联系本机关办公室，联系电话：0000-0000000。
    一、总体情况
    '''

    [[cases]]
    name = "part 五 says nothing"
    render = { template = "2021", layout = "wrapped", problems = ["无。"] }
    expected = [["XA002", 98]]

and a test module runs them all::

    import pytest
    from gilint.testing import load_cases, run_case
    from my_plugin import RULES

    @pytest.mark.parametrize("case", load_cases("tests/cases.toml"), ids=str)
    def test_case(case):
        run_case(case, rules=RULES)

``select`` (a list of codes or prefixes) limits a case to some rules; by default the
findings of every rule given to ``run_case`` count.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from gilint.config import Config, toml_reader
from gilint.findings import Finding
from gilint.rule import Rule
from gilint.testing.data import sample_report
from gilint.testing.helpers import ConfigArg, assert_findings
from gilint.testing.render import LAYOUTS, render

_RENDER_KEYS = {
    "template",
    "layout",
    "seed",
    "year",
    "issuer",
    "parts",
    "overview",
    "problems",
    "other_matters",
    "cells",
}
_CASE_KEYS = {"name", "pass", "fail", "render", "replace", "expected", "select"}


@attrs.frozen(slots=True)
class Case:
    name: str
    text: str
    expected: tuple[tuple[str, int], ...]
    select: tuple[str, ...] | None = None

    def __str__(self) -> str:
        return self.name


def _render(spec: dict[str, Any], where: str) -> str:
    unknown = set(spec) - _RENDER_KEYS
    if unknown:
        raise ValueError(f"{where}: render 不认识的键 {sorted(unknown)}")
    data = sample_report(str(spec.get("template", "2021")), seed=int(spec.get("seed", 0)))
    changes: dict[str, Any] = {k: spec[k] for k in ("year", "issuer") if k in spec}
    changes.update(
        {k: tuple(spec[k]) for k in ("parts", "overview", "problems", "other_matters") if k in spec}
    )
    data = attrs.evolve(data, **changes)
    for table, row, column, text in spec.get("cells", []):
        data = data.with_cell(table, row, column, str(text))
    layout = spec.get("layout", "wrapped")
    if layout not in LAYOUTS:
        raise ValueError(f"{where}: 未知的版式 {layout!r}，可选 {LAYOUTS}")
    return render(data, layout).text


def _case(raw: dict[str, Any], where: str) -> Case:
    unknown = set(raw) - _CASE_KEYS
    if unknown:
        raise ValueError(f"{where}: 不认识的键 {sorted(unknown)}")
    sources = [k for k in ("pass", "fail", "render") if k in raw]
    if len(sources) != 1:
        raise ValueError(f"{where}: 须有且只有 pass、fail、render 之一")
    text = _render(dict(raw["render"]), where) if "render" in raw else str(raw[sources[0]])
    for old, new in raw.get("replace", []):
        if old not in text:
            raise ValueError(f"{where}: replace 找不到 {old!r}")
        text = text.replace(old, new)
    expected = tuple((str(code), int(line)) for code, line in raw.get("expected", []))
    if "pass" in raw and expected:
        raise ValueError(f"{where}: pass 用例不应有 expected")
    if "fail" in raw and not expected:
        raise ValueError(f"{where}: fail 用例须给出 expected")
    select = tuple(raw["select"]) if "select" in raw else None
    return Case(str(raw.get("name", where)), text, expected, select)


def load_cases(path: str | Path) -> list[Case]:
    """The cases of a TOML case file; a malformed case is an error naming it."""
    path = Path(path)
    data = toml_reader().loads(path.read_text(encoding="utf-8"))
    return [
        _case(raw, f"{path.name} 第 {i} 个用例")
        for i, raw in enumerate(data.get("cases", []), start=1)
    ]


def run_case(
    case: Case, rules: Sequence[type[Rule]] | None = None, config: ConfigArg = None
) -> list[Finding]:
    """Lint the case's text and assert its expected findings."""
    if case.select is not None:
        if isinstance(config, Config):
            config = attrs.evolve(config, select=case.select)
        else:
            config = {**(config or {}), "select": list(case.select)}
    return assert_findings(case.text, case.expected, rules, config)
