"""The wheel ships every package of the tree, and the grammar and rules with them."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]

sys.path.insert(0, str(ROOT / "build_support"))
from compile_options import (  # noqa: E402
    compile_requested,
    compile_requirements,
    compiled_modules,
)


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


# -- the optional compiled build (GILINT_COMPILE=1, see setup.py) ------------------------


def _module_name(path: str) -> str:
    return "gilint." + path.removesuffix(".py").replace("/", ".")


def _source(path: str) -> Path:
    """Where a path inside the installed package is in the checkout (``rules/`` is
    ``gilint.rules``)."""
    head, _, rest = path.partition("/")
    return ROOT / "rules" / rest if head == "rules" else ROOT / "src" / "gilint" / path


def test_every_compiled_module_is_in_the_tree() -> None:
    modules = compiled_modules(ROOT)
    assert len(modules) == len(set(modules))
    for path in modules:
        assert _source(path).is_file(), path


def test_compiling_is_asked_for_by_the_environment_only() -> None:
    assert compile_requested({"GILINT_COMPILE": "1"})
    assert compile_requested({"GILINT_COMPILE": " True "})
    assert not compile_requested({})
    assert not compile_requested({"GILINT_COMPILE": "0"})
    assert not compile_requested({"GILINT_COMPILE": ""})


def test_the_compiled_build_needs_mypyc_and_the_dependencies_types() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    required = compile_requirements(ROOT)
    assert any(r.startswith("mypy>=") for r in required)
    assert set(config["project"]["dependencies"]) <= set(required)


def test_the_compiled_build_is_the_one_installed_when_expected() -> None:
    """CI runs the whole suite again on a compiled install, with GILINT_EXPECT_COMPILED=1:
    a build that fell back to pure Python must not pass for a compiled one."""
    expected = os.environ.get("GILINT_EXPECT_COMPILED") == "1"
    for path in compiled_modules(ROOT):
        module = importlib.import_module(_module_name(path))
        compiled = str(module.__file__).endswith((".so", ".pyd"))
        assert compiled == expected, (module.__name__, module.__file__)
