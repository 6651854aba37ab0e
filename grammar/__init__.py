"""The Lark grammar of an annual report (``report.lark``), shipped as package data."""
