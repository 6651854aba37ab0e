"""Rules across reports (GI701, GI702): a body's report of one year against its report of
the year before, in one run; each finding names both files."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from gilint.testing import ReportData, render, sample_report

from support import run_gilint


def _pair(consistent: bool) -> tuple[ReportData, ReportData]:
    last = attrs.evolve(sample_report("2021", seed=11), year=2023)
    this = attrs.evolve(sample_report("2021", seed=12), year=2024)
    if consistent:
        columns = ("natural_person", "commercial", "research", "public_interest")
        columns += ("legal_services", "other", "total")
        for column, value in zip(columns, last.tables["3"]["carry_forward"], strict=True):
            this = this.with_cell("3", "carried_over", column, value)
        for row in ("regulations", "normative_documents"):
            in_force = int(last.tables["2.1"][row][2])
            this = this.with_cell("2.1", row, "issued", "5")
            this = this.with_cell("2.1", row, "repealed", "2")
            this = this.with_cell("2.1", row, "in_force", str(in_force + 3))
    return last, this


def _write(folder: Path, reports: dict[str, ReportData], layout: str = "tabs") -> None:
    for name, report in reports.items():
        (folder / name).write_text(render(report, layout).text, "utf-8")  # type: ignore[arg-type]


@pytest.mark.parametrize("layout", ["wrapped", "tabs", "markdown"])
def test_years_that_do_not_chain(tmp_path: Path, layout: str) -> None:
    last, this = _pair(consistent=False)
    _write(tmp_path, {"a-2023.txt": last, "b-2024.txt": this}, layout)
    result = run_gilint("check", ".", "--isolated", "--select", "GI7", cwd=tmp_path)
    lines = result.stdout.splitlines()[:-1]
    codes = sorted(line.split()[1] for line in lines)
    assert "GI701" in codes and "GI702" in codes
    for line in lines:
        assert line.startswith("b-2024.txt:") and "a-2023.txt 第" in line  # both files named
    gi701 = next(line for line in lines if "GI701" in line)
    assert "自然人" in gi701 and f"为 {last.tables['3']['carry_forward'][0]}" in gi701
    off = run_gilint(
        "check", ".", "--isolated", "--select", "GI7", "--no-cross-report", cwd=tmp_path
    )
    assert off.returncode == 0 and "GI70" not in off.stdout


def test_per_file_ignores_set_one_file_apart(tmp_path: Path) -> None:
    """A file's per-file-ignores turn a rule across reports off for that file alone."""
    last, this = _pair(consistent=False)
    _write(tmp_path, {"a-2023.txt": last, "b-2024.txt": this})

    def codes(*ignores: str) -> set[str]:
        given = [f"--per-file-ignores={ignore}" for ignore in ignores]
        result = run_gilint("check", ".", "--isolated", "--select", "GI7", *given, cwd=tmp_path)
        return {line.split()[1] for line in result.stdout.splitlines()[:-1]}

    assert codes("a-2023.txt:GI7") == {"GI701", "GI702"}  # the findings are b's
    assert codes("b-2024.txt:GI701") == {"GI702"}
    assert codes("*.txt:GI7") == set()


def test_years_that_chain_give_nothing(tmp_path: Path) -> None:
    last, this = _pair(consistent=True)
    _write(tmp_path, {"a-2023.txt": last, "b-2024.txt": this})
    result = run_gilint("check", ".", "--isolated", "--select", "GI7", cwd=tmp_path)
    assert result.returncode == 0 and "GI70" not in result.stdout


def test_only_the_same_body_in_consecutive_years_is_compared(tmp_path: Path) -> None:
    last, this = _pair(consistent=False)
    other = attrs.evolve(this, issuer="另一个县另一个镇人民政府")
    later = attrs.evolve(this, year=2025)
    _write(tmp_path, {"a-2023.txt": last, "b-other.txt": other, "c-2025.txt": later})
    result = run_gilint("check", ".", "--isolated", "--select", "GI7", cwd=tmp_path)
    assert "GI70" not in result.stdout
    # two reports of one year for the same body: which one counts is not known
    _write(tmp_path, {"d-2024.txt": this, "e-2024.txt": this})
    result = run_gilint("check", ".", "--isolated", "--select", "GI7", cwd=tmp_path)
    assert "GI70" not in result.stdout


def test_the_same_findings_with_any_number_of_jobs(tmp_path: Path) -> None:
    last, this = _pair(consistent=False)
    _write(tmp_path, {"a-2023.txt": last, "b-2024.txt": this})
    one = run_gilint("check", ".", "--isolated", "--select", "GI7", "-j", "1", cwd=tmp_path)
    two = run_gilint("check", ".", "--isolated", "--select", "GI7", "-j", "2", cwd=tmp_path)
    assert one.stdout == two.stdout and "GI701" in one.stdout


def test_the_corpus_and_the_fixtures_give_nothing() -> None:
    from conftest import CORPUS

    root = Path(__file__).resolve().parents[1]
    paths = [str(root / "tests" / "fixtures" / "reports"), str(root / "docs" / "examples")]
    if CORPUS.is_dir():
        paths.append(str(CORPUS))
    result = run_gilint("check", *paths, "--isolated", "--select", "GI7")
    assert "GI70" not in result.stdout, result.stdout


def test_a_summary_keeps_each_cell_span_and_prose_only_when_asked() -> None:
    import gilint
    from gilint.summary import summarise

    report = gilint.parse(render(sample_report("2021", seed=3), "tabs").text)
    row = report.table("3").row("carry_forward")  # type: ignore[union-attr]
    assert row is not None
    summary = summarise(report, "r.txt", prose=False)
    kept = summary.rows[("3", "carry_forward")]
    assert [kept.cell(i) for i in range(len(row.cells))] == [
        (c.span.start, c.span.end) for c in row.cells
    ]
    assert summary.paragraphs == ()
    with_prose = summarise(report, "r.txt")
    assert {p.part for p in with_prose.paragraphs} == {"一", "五"}
    span = with_prose.span(*kept.cell(0))  # lines and columns from the kept line starts
    assert (span.line, span.column) == (row.cells[0].span.line, row.cells[0].span.column)


@pytest.mark.parametrize("layout", ["wrapped", "web", "markdown"])
def test_two_years_in_one_file(tmp_path: Path, layout: str) -> None:
    """A body's reports of two years bound in one file are compared as two files are."""
    last, this = _pair(consistent=False)
    text = render(last, layout).text + "\n\n" + render(this, layout).text  # type: ignore[arg-type]
    (tmp_path / "volume.txt").write_text(text, "utf-8")
    result = run_gilint("check", "volume.txt", "--isolated", "--select", "GI7,GI903", cwd=tmp_path)
    lines = result.stdout.splitlines()[:-1]
    assert sorted({line.split()[1] for line in lines}) == ["GI701", "GI702", "GI903"]
    second = len(render(last, layout).text.split("\n")) + 1  # type: ignore[arg-type]
    gi701 = next(line for line in lines if "GI701" in line)
    assert int(gi701.split(":")[1]) >= second and "volume.txt 第" in gi701
    last, this = _pair(consistent=True)
    text = render(last, layout).text + "\n\n" + render(this, layout).text  # type: ignore[arg-type]
    (tmp_path / "volume.txt").write_text(text, "utf-8")
    result = run_gilint("check", "volume.txt", "--isolated", "--select", "GI7", cwd=tmp_path)
    assert result.returncode == 0 and "GI70" not in result.stdout
