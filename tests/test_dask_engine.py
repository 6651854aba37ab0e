"""``--engine dask``: the same findings as the in-process run, on a two-worker local
cluster and on a running scheduler; findings as JSON lines and Parquet."""

from __future__ import annotations

import json
from importlib.util import find_spec
from pathlib import Path

import attrs
import pytest

from gilint.testing import render, sample_report

from support import run_gilint

# Looked for, not imported: importing pyarrow starts threads of its own, and tests that
# fork workers in this process (``-j 2``) would then fork a multi-threaded process, which
# Python 3.12 and later warn of. The engine itself runs in the ``gilint`` subprocesses.
pytestmark = pytest.mark.skipif(
    find_spec("distributed") is None or find_spec("pyarrow") is None,
    reason="needs the dask extra (distributed, pyarrow)",
)

LONG = (
    "（一）存在的主要问题。政策解读的形式仍以文字为主，图表、音视频解读数量偏少，部分栏目更新"
    "周期较长，基层站点的信息发布与上级要求还有差距，依申请公开答复文书的规范性有待提高。"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Reports of three bodies over two years (carry-over errors, a copied paragraph),
    one report with an arithmetic error, a file that is not a report, one that is empty."""
    root = tmp_path_factory.mktemp("reports")
    for index in range(8):
        body = f"示例县第{index % 4}镇人民政府"
        data = attrs.evolve(sample_report("2021", seed=index, issuer=body), year=2023 + index // 4)
        if index in (1, 5):
            data = attrs.evolve(data, problems=(LONG.replace("部分", f"{index}个"),))
        if index == 6:
            data = data.with_cell("3", "new", "natural_person", "999")
        layout = ("wrapped", "tabs", "markdown")[index % 3]
        (root / f"{index}.txt").write_text(render(data, layout).text, "utf-8")  # type: ignore[arg-type]
    (root / "notes.txt").write_text("会议纪要\n\n今天讨论了食堂的菜单。\n", "utf-8")
    (root / "empty.txt").write_text("", "utf-8")
    return root


def _records(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


_JSONL = ("check", ".", "--isolated", "--format", "jsonl")  # every finding, a line each


def test_two_local_workers_give_the_findings_of_one_process(folder: Path) -> None:
    one = run_gilint(*_JSONL, "-j", "1", cwd=folder)
    two = run_gilint(*_JSONL, "--engine", "dask", "-j", "2", cwd=folder)
    assert two.returncode == one.returncode == 1, two.stderr
    codes = {r["code"] for r in _records(one.stdout)}
    assert {"GI701", "GI703", "GI201", "GI902"} <= codes, codes
    assert two.stdout == one.stdout  # the same findings, in the same order


def test_parquet_holds_the_same_records(folder: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    lines = run_gilint(*_JSONL, "-j", "1", cwd=folder)
    out = tmp_path / "findings.parquet"
    result = run_gilint(
        "check", ".", "--isolated", "--engine", "dask", "-j", "2", "-o", str(out), cwd=folder
    )
    assert result.returncode == 1 and result.stdout == "", result.stderr
    assert pq.read_table(out).to_pylist() == _records(lines.stdout)


def test_a_running_scheduler(folder: Path) -> None:
    from distributed import LocalCluster

    expected = run_gilint(*_JSONL, "-j", "1", cwd=folder)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = run_gilint(
            *_JSONL, "--engine", "dask", "--scheduler", cluster.scheduler_address, cwd=folder
        )
    assert result.stdout == expected.stdout, result.stderr


def test_cross_report_off_streams_the_same_per_file_findings(folder: Path) -> None:
    one = run_gilint(*_JSONL, "--no-cross-report", "-j", "1", cwd=folder)
    two = run_gilint(*_JSONL, "--no-cross-report", "--engine", "dask", "-j", "2", cwd=folder)
    assert two.stdout == one.stdout and "GI70" not in one.stdout


def test_wrong_uses_are_told_in_one_line(folder: Path) -> None:
    result = run_gilint("check", ".", "--scheduler", "tcp://127.0.0.1:9", cwd=folder)
    assert result.returncode == 2 and "--scheduler 只能与 --engine dask 同用" in result.stderr
    result = run_gilint("check", ".", "--format", "parquet", cwd=folder)
    assert result.returncode == 2 and "只能写入文件" in result.stderr
    assert "Traceback" not in result.stderr
