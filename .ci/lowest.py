"""Pins of gilint's own dependencies at the lowest versions pyproject.toml admits, for the
Python given (``python .ci/lowest.py 3.10 > constraints.txt``): CI runs the suite on them,
so that a version the project declares is one it has been tested with.

Needs ``packaging`` (which pytest brings). Every dependency must give its lowest version
as ``>=``: one that does not is an error here, not a silent gap.
"""

from __future__ import annotations

import sys
from pathlib import Path

from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # the backport, which gilint itself needs on Python 3.10
    import tomli as tomllib


def lowest(python: str) -> list[str]:
    project = tomllib.loads(Path("pyproject.toml").read_text("utf-8"))["project"]
    pins = []
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"python_version": python}):
            continue
        floors = [s.version for s in requirement.specifier if s.operator == ">="]
        if len(floors) != 1:
            raise SystemExit(f"no single lowest version (>=) for {line!r}")
        pins.append(f"{requirement.name}=={floors[0]}")
    return pins


if __name__ == "__main__":
    print("\n".join(lowest(sys.argv[1])))
