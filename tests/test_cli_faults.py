"""The command line under faults: closed or full outputs, bad paths, bad configuration,
hostile file names and report text. One clear line and a non-zero exit, never a
traceback, a hang, a truncated file or exit 0 while findings existed."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO
from urllib.parse import unquote_to_bytes
from xml.etree import ElementTree as ET

import pytest

from gilint import cli
from gilint.testing import render, sample_report

from support import run_gilint

_GOOD = render(sample_report("2021", seed=5), "wrapped").text
_BROKEN = render(
    sample_report("2021", seed=5).with_cell("3", "new", "natural_person", "999"), "tabs"
).text


def _folder(root: Path, count: int, text: str = _BROKEN) -> Path:
    folder = root / "reports"
    folder.mkdir()
    for index in range(count):
        (folder / f"r{index:03}.txt").write_text(text, "utf-8")
    (root / "gilint.toml").write_text('select = ["GI"]\n', "utf-8")
    return folder


def _check_in_the_background(
    folder: Path, stdout: IO[bytes], *, ignoring_ctrl_c: bool
) -> subprocess.Popen[bytes]:
    """``gilint check reports --jobs 2`` in ``folder``, in a process group of its own,
    started with SIGINT's action as a shell leaves it to a background job of a script
    (ignored) or to a command typed at a terminal (the default), whatever this process
    was started with. A child keeps an ignored signal and has a handled one reset to the
    default, so this process holds that action while it starts the child."""
    action = signal.SIG_IGN if ignoring_ctrl_c else signal.default_int_handler
    previous = signal.signal(signal.SIGINT, action)
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "gilint", "check", "reports", "--jobs", "2"],
            cwd=folder,
            stdout=stdout,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    finally:
        signal.signal(signal.SIGINT, previous)


def _one_clean_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


# -- outputs --------------------------------------------------------------------------


def test_a_broken_pipe_is_one_line_and_not_success(tmp_path: Path) -> None:
    """`gilint check … | head -1` with more output than the pipe holds."""
    _folder(tmp_path, 80)
    process = subprocess.Popen(
        [sys.executable, "-m", "gilint", "check", "reports", "--format", "full", "-j", "1"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=60) == 2
    assert "管道已关闭" in _one_clean_line(stderr)


def test_a_full_disk_is_one_line_and_not_success(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    _folder(tmp_path, 3)
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "gilint", "check", "reports"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert result.returncode == 2
    assert "磁盘空间不足" in _one_clean_line(result.stderr.decode("utf-8"))


def test_a_closed_standard_output_is_one_line_and_not_success(tmp_path: Path) -> None:
    _folder(tmp_path, 2)
    result = subprocess.run(
        [sys.executable, "-m", "gilint", "check", "reports"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),  # closes the child's standard output
        check=False,
    )
    assert result.returncode == 2
    assert "标准输出已关闭" in _one_clean_line(result.stderr.decode("utf-8"))


# a file name no GBK code page holds (U+20BB7, a CJK character beyond the BMP; an emoji)
_NOT_GBK = "报告\U00020bb7😀.txt"


@pytest.mark.parametrize("form", ["concise", "full", "json", "sarif", "junit", "github", "html"])
def test_redirected_output_is_utf8_whatever_the_locale_encoding(tmp_path: Path, form: str) -> None:
    """Standard output redirected on a Chinese Windows is GBK: what it cannot hold must not
    end the run. Redirected, it is UTF-8, as ``-o`` files are."""
    folder = _folder(tmp_path, 1)
    (folder / "r000.txt").rename(folder / _NOT_GBK)
    result = subprocess.run(
        [sys.executable, "-m", "gilint", "check", "reports", "--format", form, "-j", "1"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "gbk"},
        check=False,
    )
    assert result.returncode == 1, result.stderr.decode("gbk", "replace")
    out = result.stdout.decode("utf-8")  # (strict: every byte UTF-8)
    if form == "json":
        assert {Path(f["path"]).name for f in json.loads(out)} == {_NOT_GBK}
    elif form == "sarif":
        json.loads(out)
    elif form == "junit":
        ET.fromstring(out.encode("utf-8"))
    else:
        assert _NOT_GBK in out


@pytest.mark.parametrize("command", [["extract"], ["parse"], ["parse", "--format", "json"]])
def test_report_text_goes_out_whole_whatever_the_locale_encoding(
    tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(_GOOD.replace("示例县", "示例县\U00020bb7"), "utf-8")  # the title too
    result = subprocess.run(
        [sys.executable, "-m", "gilint", *command, str(path)],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "gbk"},
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    assert "\U00020bb7" in result.stdout.decode("utf-8")


def test_a_terminal_that_cannot_show_a_character_gets_it_escaped(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    _folder(tmp_path, 1)
    (tmp_path / "reports" / "r000.txt").rename(tmp_path / "reports" / _NOT_GBK)
    main, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "gilint", "check", "reports", "-j", "1"],
            cwd=tmp_path,
            stdout=terminal,
            stderr=subprocess.PIPE,
            env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "gbk"},
        )
        os.close(terminal)
        shown = b""
        # read while it runs (a full terminal would stop it); the other end closed: all read
        with contextlib.suppress(OSError):
            while chunk := os.read(main, 65536):
                shown += chunk
        assert process.stderr is not None
        errors = process.stderr.read()
        returncode = process.wait(timeout=60)
    finally:
        os.close(main)
    assert returncode == 1, errors.decode("gbk", "replace")
    text = shown.decode("gbk")  # the terminal's own encoding
    assert "报告\\U00020bb7\\U0001f600.txt" in text


def test_a_callers_standard_output_is_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``cli.main`` in a caller's process: its standard output is put back as it was."""
    _folder(tmp_path, 1)
    (tmp_path / "reports" / "r000.txt").rename(tmp_path / "reports" / _NOT_GBK)
    monkeypatch.chdir(tmp_path)
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="gbk", errors="strict")
    monkeypatch.setattr(sys, "stdout", stream)
    assert cli.main(["check", "reports", "--format", "json", "-j", "1"]) == 1
    assert (stream.encoding, stream.errors) == ("gbk", "strict")
    stream.flush()
    assert {Path(f["path"]).name for f in json.loads(raw.getvalue().decode("utf-8"))} == {_NOT_GBK}


def test_output_naming_an_input_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2)
    target = folder / "r001.txt"
    before = target.read_bytes()
    for given in (["reports"], ["reports/r001.txt"], ["./reports/../reports/r001.txt"]):
        result = run_gilint("check", *given, "-o", "reports/r001.txt", cwd=tmp_path)
        assert result.returncode == 2 and "被检查的文件" in _one_clean_line(result.stderr)
        assert target.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "link"), reason="needs hard links")
def test_output_naming_an_input_by_a_link_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same file under another name (a hard link, a symbolic link, a link that
    points where the output would be written) is refused too; another file is not."""
    folder = _folder(tmp_path, 2)
    monkeypatch.chdir(tmp_path)
    os.link(folder / "r001.txt", tmp_path / "hard.txt")
    (tmp_path / "soft.txt").symlink_to(folder / "r000.txt")
    (tmp_path / "pending").mkdir()
    (tmp_path / "pending" / "ahead.txt").symlink_to(tmp_path / "later.txt")  # nothing there yet
    for given, target in (
        ("reports", "hard.txt"),
        ("reports/r000.txt", "soft.txt"),
        ("soft.txt", "reports/r000.txt"),
        ("pending", "later.txt"),
    ):
        before = {p: p.read_bytes() for p in folder.iterdir() if p.exists()}
        # (in this process: -j 1; refused before any file is read)
        assert cli.main(["check", given, "-o", target, "-j", "1"]) == 2, (given, target)
        assert "被检查的文件" in _one_clean_line(capsys.readouterr().err)
        assert {p: p.read_bytes() for p in folder.iterdir() if p.exists()} == before
    assert not (tmp_path / "later.txt").exists()
    assert cli.main(["check", "reports/r000.txt", "-o", "other.json", "-j", "1"]) == 1
    assert (tmp_path / "other.json").read_text("utf-8")


def test_a_failed_write_leaves_the_old_output_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from gilint.reporters.machine import Json

    _folder(tmp_path, 2)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "findings.json"
    out.write_text("old findings\n", "utf-8")

    def disk_full(self: Json, summary: object) -> None:
        self.stream.write("partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Json, "finish", disk_full)
    # (in this process: -j 1, no worker forked from a test process that may have threads)
    assert cli.main(["check", "reports", "--format", "json", "-o", str(out), "-j", "1"]) == 2
    assert "磁盘空间不足" in _one_clean_line(capsys.readouterr().err)
    assert out.read_text("utf-8") == "old findings\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.json", "gilint.toml", "reports"]


def test_an_output_file_is_written_whole(tmp_path: Path) -> None:
    _folder(tmp_path, 2)
    result = run_gilint("check", "reports", "--format", "json", "-o", "out.json", cwd=tmp_path)
    assert result.returncode == 1
    assert {f["code"] for f in json.loads((tmp_path / "out.json").read_text("utf-8"))} >= {"GI201"}
    missing = run_gilint("check", "reports", "-o", "no/such/dir/out.txt", cwd=tmp_path)
    assert missing.returncode == 2 and "无法写入输出文件" in _one_clean_line(missing.stderr)


# -- inputs ---------------------------------------------------------------------------


def test_special_files_are_refused_and_the_others_still_checked(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 1, _GOOD)
    os.mkfifo(folder / "pipe.txt")
    big = folder / "big.txt"
    big.write_text(_GOOD * 400, "utf-8")  # about 1.5 MB
    given = ["reports", "/dev/zero", "--max-file-size", "1"]
    start = time.monotonic()
    result = run_gilint("check", *given, cwd=tmp_path)
    assert time.monotonic() - start < 30
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3 and "Traceback" not in result.stderr
    assert any("pipe.txt" in e and "不是普通文件" in e for e in errors)
    assert any("/dev/zero" in e and "不是普通文件" in e for e in errors)
    assert any("big.txt" in e and "超过 1 MB" in e for e in errors)
    assert "检查了 1 个文件" in result.stdout  # r000.txt


def test_unreadable_files_and_folders_are_reported_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, 1, _GOOD)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    locked = folder / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # as for a folder without read permission
        if Path(os.fsdecode(path)).resolve() == locked.resolve():  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "reports", "-j", "1"]) == 2
    errors = capsys.readouterr().err
    assert "无法读取目录" in errors and "locked" in errors
    assert "无法读取文件" in errors and "gone.txt" in errors


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_out_of_a_folder_are_named_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder from someone else may hold a link to any file of this machine: such a
    link is not read (a finding would quote it), and is named. A link to a file in the
    folder is checked; a link to a folder is not walked; the same file named on the
    command line is checked, and a folder given as a link is walked."""
    folder = _folder(tmp_path, 1, _GOOD)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text(_BROKEN, "utf-8")  # would give errors if read
    (folder / "secret.txt").symlink_to(elsewhere / "secret.txt")
    (folder / "again.txt").symlink_to(folder / "r000.txt")
    (folder / "more").symlink_to(elsewhere, target_is_directory=True)
    (tmp_path / "alias").symlink_to(folder, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    # (in this process: -j 1)
    assert cli.main(["check", "reports", "-j", "1"]) == 0
    captured = capsys.readouterr()
    assert "检查了 2 个文件" in captured.out  # r000.txt and again.txt
    warning = _one_clean_line(captured.err)
    assert "reports/secret.txt" in warning and "符号链接" in warning
    assert cli.main(["check", "reports/secret.txt", "-j", "1"]) == 1
    assert "reports/secret.txt:" in capsys.readouterr().out
    assert cli.main(["check", "alias", "-j", "1"]) == 0
    assert "alias/secret.txt" in _one_clean_line(capsys.readouterr().err)
    (folder / "r000.txt").unlink()
    (folder / "again.txt").unlink()
    assert cli.main(["check", "reports", "-j", "1"]) == 0  # only the link: not "no files"
    assert "没有找到" not in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["0", "-1", str((os.cpu_count() or 1) * 4 + 1), "two"])
def test_jobs_out_of_range_is_a_usage_error(tmp_path: Path, jobs: str) -> None:
    _folder(tmp_path, 1)
    result = run_gilint("check", "reports", "--jobs", jobs, cwd=tmp_path)
    assert result.returncode == 2 and "--jobs" in _one_clean_line(result.stderr)


def test_jobs_up_to_four_times_the_cpus(tmp_path: Path) -> None:
    _folder(tmp_path, 2)
    most = str((os.cpu_count() or 1) * 4)
    assert run_gilint("check", "reports", "--jobs", most, cwd=tmp_path).returncode == 1


def test_ctrl_c_exits_130_without_worker_tracebacks(tmp_path: Path) -> None:
    _folder(tmp_path, 300)
    # From 0.3 s on: before that, on a loaded machine, the interpreter may still be
    # starting (finding the gilint package), and Ctrl-C there is Python's own
    # KeyboardInterrupt, before any code of ours can run.
    for delay in (0.3, 0.6, 1.0):
        output = tmp_path / f"output-{delay}.txt"  # a file: a full pipe would hold the run
        with output.open("wb") as stdout:
            process = _check_in_the_background(tmp_path, stdout, ignoring_ctrl_c=False)
            time.sleep(delay)
            finished = process.poll() is not None
            if not finished:
                os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
            _, stderr = process.communicate(timeout=60)
        text = stderr.decode("utf-8", "replace")
        assert "Traceback" not in text and "KeyboardInterrupt" not in text, (delay, text)
        # A run that had written all its output before the signal took effect (it may
        # already be leaving when the process still looks alive) ends as it would have
        whole = "检查了 300 个文件" in output.read_text("utf-8", "replace")
        if not finished and not (whole and process.returncode == 1):
            # 130, or death by the signal itself when Ctrl-C comes once the run is over
            # (see the next test): a shell shows 130 for both
            assert process.returncode in (130, -signal.SIGINT), (delay, text)


@pytest.mark.parametrize("interrupted", [False, True])
def test_once_the_run_is_over_ctrl_c_is_left_to_the_signal_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interrupted: bool
) -> None:
    """After the run, during the interpreter's shutdown, a handler written in Python may
    never get to run: Ctrl-C was lost there and the run's own status came out (seen in
    CI). Once the output is written, the signal's own action (the process ends, a shell
    shows 130) is put back, whether the run ended by itself or by Ctrl-C."""
    import gilint.cli
    from gilint import __main__ as entry

    _folder(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["gilint", "check", "reports", "-q"])
    if interrupted:

        def stopped() -> int:
            raise KeyboardInterrupt

        monkeypatch.setattr(gilint.cli, "main", stopped)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        assert entry.run() == (130 if interrupted else 1)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_DFL
    finally:
        signal.signal(signal.SIGINT, previous)


def test_ctrl_c_during_a_deferred_import_arrives_when_it_ends() -> None:
    """Ctrl-C in the middle of importing a compiled library (SciPy under GI703) turned
    into an ImportError traceback or a death by the signal; held back, it arrives just
    after the block, as the KeyboardInterrupt the command reports as exit 130."""
    from gilint.interrupts import interrupts_deferred

    # Python's own handler, as in a command started from a terminal (a test process may
    # have been started with SIGINT ignored: see the next tests)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    finished = False
    try:
        with pytest.raises(KeyboardInterrupt), interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # a signal not held back is raised here
            finished = True
    finally:
        signal.signal(signal.SIGINT, previous)
    assert finished


def test_ctrl_c_ignored_from_the_start_stays_ignored_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A background job of a script starts with SIGINT ignored by its shell, so that
    Ctrl-C meant for the script's foreground leaves it running. gilint keeps it so: no
    handler of its own around a deferred import, and none put back at the end."""
    from gilint import __main__ as entry
    from gilint.interrupts import interrupts_deferred

    _folder(tmp_path, 1)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["gilint", "check", "reports", "-q"])
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with interrupts_deferred():
            inside = signal.getsignal(signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
        after_block = signal.getsignal(signal.SIGINT)
        assert entry.run() == 1
        after_run = signal.getsignal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert inside == after_block == after_run == signal.SIG_IGN


def test_ctrl_c_ignored_from_the_start_lets_the_run_finish(tmp_path: Path) -> None:
    """The same as a whole process: started with SIGINT ignored, a run that gets it
    goes on and ends as it would have, its output whole."""
    _folder(tmp_path, 300)
    output = tmp_path / "output.txt"
    with output.open("wb") as stdout:
        process = _check_in_the_background(tmp_path, stdout, ignoring_ctrl_c=True)
        for delay in (0.3, 0.3, 0.4):
            time.sleep(delay)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 1, stderr.decode("utf-8", "replace")
    assert not stderr
    assert "检查了 300 个文件" in output.read_text("utf-8")


# -- configuration --------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "tool = 5\n",
        "[tool]\ngilint = 5\n",
        '[tool.gilint]\nselect = ["GI"]\n[tool.gilint]\n',
        "x = " + "[" * 100_000 + "]" * 100_000 + "\n",
        '[tool.gilint]\nselect = "GI1"\n',
        "[tool.gilint\n",
    ],
    ids=["tool-int", "gilint-int", "duplicated", "deep", "string-select", "bad-toml"],
)
def test_an_invalid_pyproject_is_exit_2_with_one_line(tmp_path: Path, content: str) -> None:
    (tmp_path / "r.txt").write_text(_GOOD, "utf-8")
    (tmp_path / "pyproject.toml").write_text(content, "utf-8")
    for command in (("check", "r.txt"), ("parse", "r.txt"), ("rules",)):
        result = run_gilint(*command, cwd=tmp_path)
        assert result.returncode == 2, (command, result.stderr)
        assert "pyproject.toml" in _one_clean_line(result.stderr)


def test_codes_are_case_insensitive_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("一、总体情况\n正文。\n", "utf-8")
    lower = run_gilint("check", "r.txt", "--isolated", "--select", "gi101", cwd=tmp_path)
    upper = run_gilint("check", "r.txt", "--isolated", "--select", "GI101", cwd=tmp_path)
    assert lower.stdout == upper.stdout and "GI101" in lower.stdout
    assert run_gilint("rule", "gi101", cwd=tmp_path).stdout.startswith("GI101")


# -- what is shown ----------------------------------------------------------------------

_HOSTILE_RULE = '''
import gilint


class Hostile(gilint.Rule):
    """Says what a report's text could make it say."""

    code = "XH001"
    name = "hostile"
    summary = "hostile text"

    def check(self, report):
        yield self.finding(
            report.span,
            "前\\x1b[31m红\\x1b]0;title\\x07\\n::error file=x::伪造\\x00\\x0b后",
            suggestion="\\x1b[2J清屏",
        )


@gilint.hookimpl
def gilint_rules():
    return [Hostile]
'''


def _hostile(tmp_path: Path) -> Path:
    (tmp_path / "hostile.py").write_text(_HOSTILE_RULE, "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsencode(folder) + b"/::error file=a::r\xff\x1b[1m.txt"
    with open(name, "wb") as f:
        f.write(_GOOD.replace("2021年", "2021\x1b[5m年", 1).encode("utf-8"))
    return folder


def _run_bytes(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gilint",
            "check",
            "in",
            "--isolated",
            "--local-rules",
            "hostile.py",
            "--select",
            "XH",
            *args,
        ],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    return result.returncode, result.stdout.decode("utf-8")  # strict: must be valid UTF-8


@pytest.mark.parametrize("form", ["concise", "full", "github"])
def test_text_formats_carry_no_escapes_and_start_no_commands(tmp_path: Path, form: str) -> None:
    _hostile(tmp_path)
    code, out = _run_bytes(tmp_path, "--format", form)
    assert code == 1
    assert "\x1b" not in out and "\x00" not in out and "\x07" not in out and "\x0b" not in out
    assert "r\\xff" in out  # the undecodable byte of the file name
    lines = out.splitlines()
    if form == "github":
        assert sum(line.startswith("::") for line in lines) == 1  # its own command only
        assert lines[0].startswith("::error file=")
    else:
        assert not [line for line in lines if line.lstrip().startswith("::")]


def test_machine_formats_stay_valid_with_hostile_names_and_text(tmp_path: Path) -> None:
    _hostile(tmp_path)
    _, out = _run_bytes(tmp_path, "--format", "json")
    (finding,) = json.loads(out)
    assert "r\\xff" in finding["path"] and finding["code"] == "XH001"
    _, out = _run_bytes(tmp_path, "--format", "sarif")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["ruleId"] == "XH001"
    _, out = _run_bytes(tmp_path, "--format", "junit")
    root = ET.fromstring(out.encode("utf-8"))
    (failure,) = root.iter("failure")
    assert failure.get("type") == "XH001" and "伪造" in failure.get("message", "")


def test_file_names_that_are_not_utf8_are_told_apart(tmp_path: Path) -> None:
    """Reports named in GBK, as unpacked from an archive made on a Chinese Windows: with
    each undecodable byte shown as U+FFFD, all four were ``������.txt``. Each is now
    shown by its bytes, and the folder, named in UTF-8, stays as it is."""
    folder = tmp_path / "报告"
    folder.mkdir()
    for name in ("教育局.txt", "公安局.txt", "民政局.txt", "财政局.txt"):
        with open(os.fsencode(folder) + b"/" + name.encode("gbk"), "wb") as f:
            f.write("这不是一份年度报告。\n".encode())
    result = run_gilint("check", "报告", "--isolated", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    paths = {finding["path"] for finding in json.loads(result.stdout)}
    assert len(paths) == 4
    assert "报告/\\xbd\\xcc\\xd3\\xfd\\xbe\\xd6.txt" in paths  # 教育局.txt in GBK
    concise = run_gilint("check", "报告", "--isolated", cwd=tmp_path).stdout
    assert "报告/\\xb9\\xab\\xb0\\xb2\\xbe\\xd6.txt:" in concise  # 公安局.txt
    # SARIF's uri names the file by its own bytes, percent-encoded
    sarif = run_gilint("check", "报告", "--isolated", "--format", "sarif", cwd=tmp_path)
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in json.loads(sarif.stdout)["runs"][0]["results"]
        for location in result["locations"]
    }
    assert len(uris) == 4
    assert all(os.path.isfile(os.fsencode(tmp_path) + b"/" + unquote_to_bytes(u)) for u in uris)


_ESCAPED = _GOOD.replace("一、总体情况", "一、总体情况\x1b]0;标题\x07\x1b[2J", 1)


def test_parse_tree_quotes_headings_without_escape_sequences(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(_ESCAPED, "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "gilint", "parse", "r.txt", "--isolated"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0 and "一、总体情况" in out
    assert "\x1b" not in out and "\x07" not in out


def test_extract_keeps_the_text_in_a_pipe_and_shows_controls_as_text_on_a_terminal(
    tmp_path: Path,
) -> None:
    """Redirected, ``extract`` writes the text the rules check, exactly; on a terminal,
    the escape sequences that came with the file are shown, not obeyed."""
    pty = pytest.importorskip("pty")
    (tmp_path / "r.txt").write_text(_ESCAPED, "utf-8")
    command = [sys.executable, "-m", "gilint", "extract", "r.txt", "--isolated"]
    piped = subprocess.run(command, cwd=tmp_path, capture_output=True, check=False)
    assert piped.returncode == 0
    assert "\x1b]0;标题\x07\x1b[2J" in piped.stdout.decode("utf-8")
    leader, follower = pty.openpty()
    with subprocess.Popen(command, cwd=tmp_path, stdout=follower, stderr=follower) as process:
        os.close(follower)
        shown = bytearray()
        with contextlib.suppress(OSError):  # EIO once the process has closed its end
            while chunk := os.read(leader, 65536):
                shown += chunk
    os.close(leader)
    assert process.returncode == 0
    text = shown.decode("utf-8")
    assert "一、总体情况\ufffd]0;标题\ufffd\ufffd[2J" in text and "\x1b" not in text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_errors_naming_a_strangers_file_reach_the_terminal_as_text(tmp_path: Path) -> None:
    """A file found in the folder being checked names itself in the error that says it
    cannot be read: a terminal escape sequence in its name is not written to standard
    error, and a byte that is not UTF-8 is shown as in the findings."""
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(os.fsencode(folder) + b"/\x1b]0;title\x07\x1b[2J\xff.txt")
    result = subprocess.run(
        [sys.executable, "-m", "gilint", "check", "in", "--isolated"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 2
    error = result.stderr.decode("utf-8")  # strict: must be valid UTF-8
    assert error.startswith("gilint: 错误: ") and error.count("\n") == 1
    assert "\x1b" not in error and "\x07" not in error
    assert "\ufffd]0;title\ufffd\ufffd[2J\\xff.txt" in error
