"""The worker processes of ``gilint check --jobs N`` (:mod:`gilint.workers`): results in
order, a lost worker reported in its task's place, and stopping that never waits, even
with a large result on its way (``multiprocessing.Pool.terminate()`` could hang there
for good)."""

from __future__ import annotations

import faulthandler
import functools
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gilint.workers import WorkerLost, in_workers

from support import run_gilint


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A test here that hangs (as ``Pool.terminate()`` did) ends its process after a
    minute, with every thread's stack, instead of holding the suite for good."""
    faulthandler.dump_traceback_later(60, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def _slow_echo(task: tuple[int, float]) -> int:
    time.sleep(task[1])
    return task[0]


def _killed_on_three(task: int) -> int:
    if task == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return task * 10


def _fails_on_two(folder: Path, task: int) -> int:
    _note_pid(folder)
    if task == 2:
        raise ValueError("坏任务")
    return task


def _large(folder: Path, task: int) -> bytes:
    _note_pid(folder)
    return bytes(4_000_000)  # far more than a pipe holds


def _pid_then_sleep(folder: Path, task: int) -> int:
    _note_pid(folder)
    time.sleep(0 if task == 0 else 60)
    return os.getpid()


def _note_pid(folder: Path) -> None:
    """Leave the worker's process id in ``folder``, for :func:`_workers_gone`."""
    (folder / str(os.getpid())).touch()


def _workers_gone(folder: Path, within: float = 10) -> bool:
    """Whether every worker that noted its process id in ``folder`` has ended."""
    pids = [int(entry.name) for entry in folder.iterdir()]
    return bool(pids) and all(_gone(pid, within) for pid in pids)


def _pid_then_nap(task: int) -> int:
    time.sleep(0 if task == 0 else 2)
    return os.getpid()


def _gone(pid: int, within: float) -> bool:
    """Whether process ``pid`` has ended within ``within`` seconds (a zombie, which no
    parent has reaped yet, has ended)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not _running(pid):
            return True
        time.sleep(0.05)
    return False


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_results_come_in_the_order_of_the_tasks() -> None:
    # the first task takes longest: all the others finish before it, in the other worker
    tasks = [(i, 0.5 if i == 0 else 0.0) for i in range(12)]
    assert list(in_workers(_slow_echo, tasks, 2)) == list(range(12))


def test_fewer_tasks_than_jobs_and_no_tasks() -> None:
    assert list(in_workers(_slow_echo, [(7, 0.0)], 4)) == [7]
    assert list(in_workers(_slow_echo, [], 4)) == []


def test_a_worker_lost_in_a_task_is_reported_in_its_place_and_replaced() -> None:
    results = list(in_workers(_killed_on_three, list(range(8)), 2))
    assert [r for r in results if not isinstance(r, WorkerLost)] == [
        0,
        10,
        20,
        40,
        50,
        60,
        70,
    ]
    assert isinstance(results[3], WorkerLost) and "9" in str(results[3])


def test_an_exception_in_the_work_is_raised_and_the_workers_stopped(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="坏任务"):
        list(in_workers(functools.partial(_fails_on_two, tmp_path), list(range(6)), 2))
    assert _workers_gone(tmp_path)


def test_closing_early_with_large_results_on_their_way_does_not_wait(tmp_path: Path) -> None:
    """The hang this module exists for: results larger than a pipe holds, and the
    caller stops after the first."""
    results = in_workers(functools.partial(_large, tmp_path), list(range(8)), 2)
    started = time.monotonic()
    assert len(next(results)) == 4_000_000
    results.close()
    assert time.monotonic() - started < 20
    assert _workers_gone(tmp_path)


def test_closing_early_kills_busy_workers_at_once(tmp_path: Path) -> None:
    results = in_workers(functools.partial(_pid_then_sleep, tmp_path), [0, 1, 2], 2)
    first = next(results)  # task 0's worker, idle now; the other is in a 60 s task
    started = time.monotonic()
    results.close()
    assert time.monotonic() - started < 10
    assert _workers_gone(tmp_path) and str(first) in os.listdir(tmp_path)


_MAIN_KILLED = """
import os, signal, sys, time
sys.path.insert(0, sys.argv[1])
from test_workers import _pid_then_nap
from gilint.workers import in_workers

results = in_workers(_pid_then_nap, [0, 1, 2], 2)
print(next(results), flush=True)
time.sleep(0.5)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_workers_end_when_the_main_process_is_killed() -> None:
    """No orphan left running: a worker whose main process is gone (killed, so that it
    stops nothing) reads its pipe as ended once its task is done, or is already
    writing to a pipe nobody reads."""
    result = subprocess.run(
        [sys.executable, "-c", _MAIN_KILLED, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    worker = int(result.stdout.split()[0])  # it went on to a 2 s task
    # (a worker in a task ends when the task does, on writing its result)
    assert _gone(worker, 30)


_KILLER_RULE = '''
import os, signal
import gilint
from gilint import Rule, Severity


class KillsOnMarker(Rule):
    """在写有标记的报告上结束自己的进程（模拟已编译库崩溃）。"""

    code = "XK001"
    name = "kills-on-marker"
    severity = Severity.WARNING
    summary = "Ends its own process on a report that says so."

    def check(self, report):
        if "终止本进程" in report.source:
            os.kill(os.getpid(), signal.SIGKILL)
        return iter(())


@gilint.hookimpl
def gilint_rules():
    return [KillsOnMarker]
'''


def test_a_worker_that_dies_is_an_error_for_its_files_and_the_rest_are_checked(
    tmp_path: Path,
) -> None:
    """A rule that ends its process (a crash in a compiled library, the out-of-memory
    killer) costs the files of that worker's batch, each named in one line, exit 2;
    every other file is checked and reported."""
    from gilint.testing import render, sample_report

    reports = tmp_path / "reports"
    reports.mkdir()
    # (a defect in each, so that each checked file has findings to show for it)
    broken = sample_report("2021", seed=3).with_cell("3", "new", "natural_person", "999")
    text_of_each = render(broken, "wrapped").text
    for index in range(40):
        text = text_of_each + ("\n终止本进程\n" if index == 25 else "")
        (reports / f"r{index:02}.txt").write_text(text, "utf-8")
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "killer.py").write_text(textwrap.dedent(_KILLER_RULE), "utf-8")
    (tmp_path / "gilint.toml").write_text(
        'select = ["GI", "XK"]\nlocal-rules = ["checks"]\n', encoding="utf-8"
    )
    result = run_gilint("check", "reports", "--jobs", "2", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lost = [line for line in result.stderr.splitlines() if "工作进程意外结束" in line]
    assert any("r25.txt" in line for line in lost) and len(lost) < 40
    checked = {Path(f["path"]).name for f in json.loads(result.stdout)}
    assert "r25.txt" not in checked and len(checked) + len(lost) == 40


@given(count=st.integers(0, 3000), jobs=st.integers(2, 16))
def test_batches_hold_every_file_once_in_order_and_shrink_to_single_files(
    count: int, jobs: int
) -> None:
    from gilint.runner import BATCH, batches

    files = [f"r{index}.txt" for index in range(count)]
    cut = batches(files, jobs)
    assert [f for batch in cut for f in batch] == files
    sizes = [len(batch) for batch in cut]
    assert all(1 <= size <= BATCH for size in sizes)
    assert sizes == sorted(sizes, reverse=True)  # the large ones first
    # a batch is at most a quarter of each worker's share of what is left with it
    left = count
    for size in sizes:
        assert size == 1 or size <= left / jobs / 4
        left -= size
    if count >= jobs * 4:  # at the end, no worker holds more than one file alone
        assert sizes[-jobs:] == [1] * jobs
