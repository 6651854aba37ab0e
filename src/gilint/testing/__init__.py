"""Helpers for testing gilint and gilint plugins.

* :func:`lint_text` and :func:`assert_findings`: lint a text with chosen rules and compare
  the findings with expected ``(code, line)`` pairs;
* :func:`load_cases` and :func:`run_case`: rule test cases in a TOML file;
* :class:`ReportData`, :func:`sample_report` and :func:`render`: correct reports in every
  layout, to change one thing in;
* ``gilint.testing.strategies`` (needs Hypothesis): strategies for valid reports and for
  reports with one cell, part or part 六 changed.
"""

from gilint.testing.cases import Case, load_cases, run_case
from gilint.testing.data import ReportData, consistent_tables, sample_report
from gilint.testing.helpers import assert_findings, lint_text, linter_for
from gilint.testing.render import (
    BASE_LAYOUTS,
    LAYOUTS,
    SEPARATED_LAYOUTS,
    Layout,
    Rendered,
    render,
)

__all__ = [
    "BASE_LAYOUTS",
    "LAYOUTS",
    "SEPARATED_LAYOUTS",
    "Case",
    "Layout",
    "Rendered",
    "ReportData",
    "assert_findings",
    "consistent_tables",
    "lint_text",
    "linter_for",
    "load_cases",
    "render",
    "run_case",
    "sample_report",
]
