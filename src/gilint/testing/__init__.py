"""Helpers for testing gilint and gilint plugins: report data, rendering, strategies."""

from gilint.testing.data import ReportData, consistent_tables, sample_report
from gilint.testing.render import LAYOUTS, Layout, Rendered, render

__all__ = [
    "LAYOUTS",
    "Layout",
    "Rendered",
    "ReportData",
    "consistent_tables",
    "render",
    "sample_report",
]
