"""The example plugin package of docs/examples/plugin, installed the way users install
plugins, shows up in ``gilint rules`` and fires in ``gilint check``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gilint.testing import render, sample_report

from support import run_gilint

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "docs" / "examples" / "plugin"


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin built and installed into a directory of its own (its entry point and
    all), which the commands below put on their path."""
    target = tmp_path_factory.mktemp("plugin-site")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(PLUGIN),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"could not build the example plugin here: {result.stderr[-300:]}")
    return target


def gilint(plugin: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """A gilint command with ``plugin`` (an install directory) on the path."""
    path = os.pathsep.join([str(plugin), *sys.path[1:]])
    return run_gilint(*args, cwd=cwd, env={"PYTHONPATH": path})


def test_rules_lists_the_plugin_with_its_origin(plugin_path: Path) -> None:
    rows = json.loads(gilint(plugin_path, "rules", "--format", "json").stdout)
    origins = {r["code"]: r["origin"] for r in rows}
    assert origins["XA001"] == origins["XA002"] == "gilint-example-province 0.1.0"
    assert origins["GI101"] == "built-in"
    doc = gilint(plugin_path, "rule", "XA002").stdout
    assert "第五部分未分别写明存在的问题和改进情况" in doc and "修改方法：" in doc


def test_check_runs_the_plugin_rules(plugin_path: Path, tmp_path: Path) -> None:
    import attrs

    data = attrs.evolve(sample_report("2021", seed=2), problems=("工作中还有不足。",))
    text = render(data, "wrapped").text
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    result = gilint(plugin_path, "check", "r.txt", "--format", "json", cwd=tmp_path)
    found = {(f["code"], f["line"]) for f in json.loads(result.stdout)}
    lines = text.split("\n")
    title = next(i for i, s in enumerate(lines, 1) if s.strip())
    assert ("XA001", title) in found  # no contact sentence: at the title
    five = next(i for i, s in enumerate(lines, 1) if s.startswith("五、"))
    assert ("XA002", five) in found
    assert result.returncode == 1  # XA002 is an error


def test_plugin_template_is_available(plugin_path: Path, tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(render(sample_report(), "tabs").text, encoding="utf-8")
    ok = gilint(
        plugin_path, "check", "r.txt", "--template", "2021-xa", "--select", "GI", cwd=tmp_path
    )
    assert ok.returncode == 0, ok.stderr
    plain = gilint(Path("/nonexistent"), "check", "r.txt", "--template", "2021-xa", cwd=tmp_path)
    assert plain.returncode == 2 and "未知的格式“2021-xa”" in plain.stderr
