"""Which format version a report follows, decided from the whole report.

Each table region's labels give evidence: labels that only some versions have (see
:attr:`TemplateSet.markers`). The report's template is the one most evidence fits; a
configured template overrides it; with no evidence the report's year decides. A table
may still be read with another version when its own evidence says so (a 2023 report that
kept the 2019 table 二): rules on mixed formats see it.
"""

from __future__ import annotations

from collections.abc import Iterable

from gilint.ast import Evidence, TemplateInfo
from gilint.templates.model import Template, TemplateSet


def detect(
    evidence: Iterable[Evidence],
    templates: TemplateSet,
    year: int | None,
    forced: str | None = None,
) -> TemplateInfo:
    """The report's template: ``forced`` (configured) if it names one, else the one the
    evidence fits best (the year's on a tie), else the year's."""
    found = sorted(evidence, key=lambda e: e.span.start)
    by_year = templates.for_year(year)
    chosen = templates.best((e.templates for e in found), by_year.id if by_year else None)
    if forced is not None and templates.get(forced) is not None:
        return TemplateInfo(forced, "config", tuple(found))
    if chosen is not None:
        return TemplateInfo(chosen, "labels", tuple(found))
    if by_year is not None:
        return TemplateInfo(by_year.id, "year" if year is not None else "default")
    return TemplateInfo(None, "default")


def chunk_template(
    evidence: Iterable[Evidence], info: TemplateInfo, templates: TemplateSet
) -> Template | None:
    """The template a piece of a table is read with: the configured one, else the one
    its own evidence fits best, else the report's."""
    if info.basis == "config":
        template_id = info.id
    else:
        template_id = templates.best((e.templates for e in evidence), info.id) or info.id
    return templates.get(template_id) if template_id else None
