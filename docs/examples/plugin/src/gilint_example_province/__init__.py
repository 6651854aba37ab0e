"""An example gilint plugin: the house rules of an imaginary province.

gilint finds this module through the ``gilint`` entry-point group (see pyproject.toml)
and calls the hooks marked ``@gilint.hookimpl`` below.
"""

from __future__ import annotations

from collections.abc import Sequence

import gilint
from gilint.templates import Template

from gilint_example_province.rules import RULES
from gilint_example_province.templates import PROVINCE_2021


@gilint.hookimpl
def gilint_rules() -> Sequence[type[gilint.Rule]]:
    return RULES


@gilint.hookimpl
def gilint_templates() -> Sequence[Template]:
    return [PROVINCE_2021]
