"""The wheel ships every package of the tree, and the grammar and rules with them."""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _tree_packages() -> set[str]:
    found = {"gilint.rules", "gilint.grammar"}
    for init in (ROOT / "src").rglob("__init__.py"):
        found.add(".".join(init.parent.relative_to(ROOT / "src").parts))
    return found


def test_every_package_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    assert listed == _tree_packages()


def test_installed_package_has_the_grammar_and_the_rules() -> None:
    import gilint.grammar
    import gilint.rules

    from gilint.grammar_loader import grammar_text

    assert "%declare" in grammar_text()
    assert len(gilint.rules.RULES) >= 20
