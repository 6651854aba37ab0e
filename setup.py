"""gilint's build. Everything is declared in pyproject.toml; this file only adds the
optional compiled build.

With ``GILINT_COMPILE=1`` in the environment, a wheel (``pip install .``) also carries
the modules a lint spends its time in compiled with mypyc, the modules listed in
``[tool.gilint-build] compiled`` (paths inside the installed package). Their ``.py``
files ship too: Python imports the compiled module first, and the source stays there to
read. The build needs a C compiler and the Python headers; mypy (which carries mypyc)
and gilint's own dependencies, for their types, are added to the build's requirements
by ``build_support/backend.py``. An editable install is never compiled: a compiled
module would shadow the source being edited.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from setuptools import setup

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "build_support"))

from compile_options import compile_requested, compiled_modules  # noqa: E402

# Every build in a folder of its own, removed when it ends: a build folder kept between
# builds would carry one build's compiled modules into the next (a pure wheel too).
BUILD_BASE = Path(tempfile.mkdtemp(prefix="gilint-build-"))
atexit.register(shutil.rmtree, BUILD_BASE, True)
# Where the package is laid out as a wheel holds it (``rules/`` and ``grammar/`` inside
# ``gilint``), so that mypy names each module as it is imported, and where mypyc writes
# its C sources.
STAGE = BUILD_BASE / "mypyc-package"
C_SOURCES = BUILD_BASE / "mypyc-c"

# The commands that build what a wheel holds; the build backend runs setup.py for
# metadata and requirements too, where compiling would only cost time.
_BUILDS = frozenset({"bdist_wheel", "build", "build_ext", "install"})

# The optional extras' libraries ship no type information (as in pyproject.toml).
MYPY_CONFIG = "[mypy]\nignore_missing_imports = True\n"


def _stage() -> Path:
    """The package copied into STAGE as it is installed; the stage's folder."""
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd")
    package = STAGE / "gilint"
    shutil.copytree(ROOT / "src" / "gilint", package, ignore=ignore)
    shutil.copytree(ROOT / "rules", package / "rules", ignore=ignore)
    shutil.copytree(ROOT / "grammar", package / "grammar", ignore=ignore)
    (STAGE / "mypy.ini").write_text(MYPY_CONFIG, encoding="utf-8")
    return STAGE


def ext_modules() -> list[Any]:
    """The compiled modules when a compiled build is asked for, else none (a pure
    wheel)."""
    if not compile_requested(os.environ):
        return []
    if "editable_wheel" in sys.argv:
        print("gilint: an editable install is not compiled (GILINT_COMPILE ignored)")
        return []
    if not _BUILDS.intersection(sys.argv[1:]):
        return []  # metadata only (dist_info, egg_info, sdist): nothing to compile
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        raise SystemExit(
            "gilint: GILINT_COMPILE=1 needs mypy in the build environment "
            "(pip installs it unless --no-build-isolation is given)"
        ) from error
    stage = _stage()
    paths = [str(stage / "gilint" / module) for module in compiled_modules(ROOT)]
    return list(
        mypycify(
            ["--config-file", str(stage / "mypy.ini"), *paths],
            opt_level="3",
            target_dir=str(C_SOURCES),
        )
    )


setup(ext_modules=ext_modules(), options={"build": {"build_base": str(BUILD_BASE)}})
