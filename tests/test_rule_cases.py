"""The built-in rules' cases in TOML files (tests/cases/*.toml), as sqlfluff keeps its
rule cases: each case a report text (written out, or rendered by the testing kit and
changed) and the findings it must give, run by this one parametrised test. The cases
that need Hypothesis or several files stay in Python (test_rules, test_narrative …)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gilint.testing import Case, load_cases, run_case

FILES = sorted((Path(__file__).parent / "cases").glob("*.toml"))
CASES = [case for path in FILES for case in load_cases(path)]


def test_every_built_in_rule_of_one_report_has_a_case() -> None:
    codes = {code for case in CASES for code, _ in case.expected}
    expected = {f"GI1{n:02d}" for n in range(1, 9)} | {f"GI20{n}" for n in range(1, 6)}
    expected |= {
        "GI301",
        "GI303",
        "GI304",
        "GI401",
        "GI402",
        "GI501",
        "GI602",
        "GI603",
        "GI901",
        "GI902",
    }
    assert expected <= codes, sorted(expected - codes)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case: Case) -> None:
    run_case(case)
