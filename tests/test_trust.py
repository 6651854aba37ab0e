"""Code that arrives with the reports is never run: local rules named by a configuration
file found beside the reports load only when the user owns that file or says so."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import gilint
from gilint.linting import UntrustedLocalRulesWarning
from gilint.testing import render, sample_report

from support import run_gilint

# A local rule module that leaves a mark when it is imported, and has a rule that fires.
_PLANTED = '''
from pathlib import Path
import gilint

Path(__file__).with_name("RAN").write_text("imported")


class Planted(gilint.Rule):
    """Planted."""

    code = "XZ001"
    name = "planted"
    summary = "planted rule"

    def check(self, report):
        yield self.finding(report.span, "植入的规则")


@gilint.hookimpl
def gilint_rules():
    return [Planted]
'''


@pytest.fixture
def uploads(tmp_path: Path) -> Path:
    """A folder another body uploaded: reports, a hidden configuration naming a local
    rule, and that rule."""
    folder = tmp_path / "uploads"
    folder.mkdir()
    text = render(sample_report("2021", seed=3), "wrapped").text
    (folder / "a.txt").write_text(text, "utf-8")
    (folder / "b.txt").write_text(text, "utf-8")
    (folder / "x.py").write_text(_PLANTED, "utf-8")
    (folder / ".gilint.toml").write_text(
        'select = ["GI", "XZ"]\nignore = ["GI105"]\nlocal-rules = ["x.py"]\n', "utf-8"
    )
    return folder


def _ran(folder: Path) -> bool:
    return (folder / "RAN").exists()


@pytest.mark.parametrize(
    "command",
    [
        ("check", "uploads"),
        ("check", "uploads/a.txt", "uploads/b.txt", "--jobs", "2"),
        ("parse", "uploads/a.txt"),
    ],
)
def test_a_configuration_below_the_working_directory_runs_no_code(
    uploads: Path, command: tuple[str, ...]
) -> None:
    result = run_gilint(*command, cwd=uploads.parent)
    assert not _ran(uploads)
    assert "XZ001" not in result.stdout
    warning = [line for line in result.stderr.splitlines() if "local-rules" in line]
    assert len(warning) == 1, result.stderr  # one warning, naming the file
    assert str(uploads / ".gilint.toml") in warning[0] and "--trust-local-rules" in warning[0]
    assert "Traceback" not in result.stderr


def test_each_folders_refused_configuration_is_said_once(uploads: Path) -> None:
    """Files of several folders, given one by one and mixed: each folder's configuration
    is read and its refusal said once, whichever of its files comes first."""
    second = uploads.parent / "second"
    second.mkdir()
    for name in ("a.txt", "b.txt", "x.py", ".gilint.toml"):
        (second / name).write_bytes((uploads / name).read_bytes())
    files = ["uploads/a.txt", "second/a.txt", "uploads/b.txt", "second/b.txt"]
    result = run_gilint("check", *files, "--jobs", "2", cwd=uploads.parent)
    warnings = [line for line in result.stderr.splitlines() if "local-rules" in line]
    assert len(warnings) == 2, result.stderr
    assert str(uploads / ".gilint.toml") in warnings[0]
    assert str(second / ".gilint.toml") in warnings[1]
    assert not _ran(uploads) and not _ran(second) and "XZ001" not in result.stdout


def test_the_rest_of_an_untrusted_configuration_still_applies(uploads: Path) -> None:
    (uploads / "a.txt").write_text("一、总体情况\n正文。\n", "utf-8")
    result = run_gilint("check", "uploads/a.txt", "--format", "json", cwd=uploads.parent)
    assert '"GI101"' in result.stdout and '"GI105"' not in result.stdout  # ignore kept
    isolated = run_gilint(
        "check", "uploads/a.txt", "--isolated", "--format", "json", cwd=uploads.parent
    )
    assert '"GI105"' in isolated.stdout  # --isolated: the file's ignore is gone too
    assert "local-rules" not in isolated.stderr and not _ran(uploads)


def test_a_configuration_beside_the_working_directory_runs_no_code(uploads: Path) -> None:
    elsewhere = uploads.parent / "work"
    elsewhere.mkdir()
    result = run_gilint("check", str(uploads / "a.txt"), cwd=elsewhere)
    assert not _ran(uploads) and "local-rules" in result.stderr


def test_trusting_is_the_users_choice(uploads: Path) -> None:
    result = run_gilint("check", "uploads", "--trust-local-rules", cwd=uploads.parent)
    assert _ran(uploads) and "XZ001" in result.stdout


def test_the_users_own_project_is_trusted(uploads: Path) -> None:
    """Configuration at the working directory (or above it) is the user's own."""
    result = run_gilint("check", ".", cwd=uploads)
    assert _ran(uploads) and "XZ001" in result.stdout
    assert "local-rules" not in result.stderr


def test_a_configuration_named_with_config_is_trusted(uploads: Path) -> None:
    result = run_gilint(
        "check", "uploads/a.txt", "--config", "uploads/.gilint.toml", cwd=uploads.parent
    )
    assert _ran(uploads) and "XZ001" in result.stdout


def test_isolated_ignores_every_configuration_file(uploads: Path) -> None:
    for command in (("check", "."), ("rules",), ("parse", "a.txt")):
        result = run_gilint(*command, "--isolated", cwd=uploads)
        assert not _ran(uploads), command
        assert "XZ001" not in result.stdout
    clash = run_gilint("check", ".", "--isolated", "--config", ".gilint.toml", cwd=uploads)
    assert clash.returncode == 2 and "--isolated" in clash.stderr


def test_the_library_runs_no_code_found_beside_the_report(
    uploads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(uploads.parent)
    with pytest.warns(UntrustedLocalRulesWarning, match="local-rules"):
        findings = gilint.lint(uploads / "a.txt")
    assert not _ran(uploads) and "XZ001" not in {f.code for f in findings}
    with warnings.catch_warnings():
        warnings.simplefilter("error", UntrustedLocalRulesWarning)
        gilint.lint(uploads / "a.txt", trust_local_rules=True)
    assert _ran(uploads)
