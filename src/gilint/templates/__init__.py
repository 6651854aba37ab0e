"""Format descriptions (templates) as data.

A template says which parts a report has, which tables, with which row and column
labels, and which identities the numbers obey. The lexer, the table reader and the rules
all read these descriptions, so a new format version (or a provincial variant, through
the ``gilint_templates`` hook) is a new description, not new code.
"""

from gilint.templates.model import (
    Aspect,
    ColumnSpec,
    PartSpec,
    RowSpec,
    SumIdentity,
    TableSpec,
    Template,
    TemplateSet,
)
from gilint.templates.national import FORMAT_2019, FORMAT_2021, NATIONAL

__all__ = [
    "FORMAT_2019",
    "FORMAT_2021",
    "NATIONAL",
    "Aspect",
    "ColumnSpec",
    "PartSpec",
    "RowSpec",
    "SumIdentity",
    "TableSpec",
    "Template",
    "TemplateSet",
]
