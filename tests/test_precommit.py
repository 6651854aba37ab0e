"""The pre-commit hook, driven by the real ``pre-commit`` tool against this repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import attrs
import pytest

from gilint.testing import render, sample_report

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None
    or shutil.which("git") is None
    or not (ROOT / ".git").exists(),
    reason="needs the pre-commit tool, git, and this repository as a git checkout",
)


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_hook_passes_clean_and_fails_broken(tmp_path: Path) -> None:
    repo = tmp_path / "reports"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    (repo / "gilint.toml").write_text('select = ["GI"]\n', encoding="utf-8")
    good = sample_report("2021", seed=4)
    (repo / "good.txt").write_text(render(good, "wrapped").text, encoding="utf-8")
    broken = attrs.evolve(good, parts=("一", "二", "三", "五", "六"))
    (repo / "broken.txt").write_text(render(broken, "wrapped").text, encoding="utf-8")
    _git("add", ".", cwd=repo)

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        # try-repo runs the hooks of a repository as its working tree stands
        return subprocess.run(
            ["pre-commit", "try-repo", str(ROOT), "gilint", "--files", *files],
            cwd=repo,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    clean = run("good.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    failing = run("good.txt", "broken.txt")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout and "broken.txt" in failing.stdout
    assert "GI101" in failing.stdout
