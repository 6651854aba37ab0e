"""``gilint cache``: what gilint keeps in the user's cache folder, and removing it.

The cache only grows as gilint runs (see :mod:`gilint.cache_files`); this is how a user
sees how much it holds and frees the space, all of it or what has not been used for
some days, without having to know which files in the folder are gilint's.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from gilint.cache_files import CacheFile, Kind, cache_files, remove, unused_since
from gilint.messages import complain, os_error
from gilint.output import standard_output
from gilint.safe_text import display_path, printable
from gilint.user_cache import cache_home, trusted_folder

DAY = 24 * 60 * 60


def run(action: str, older_than: float | None = None, dry_run: bool = False) -> int:
    """``action`` is ``info`` or ``clean``; ``older_than`` (days) limits ``clean`` to
    files not used for that long. The exit status: 0, or 2 when the folder cannot be
    used or a file could not be removed."""
    home = cache_home()
    if home is None:
        return _say("此系统上 gilint 不保存缓存文件。")
    trust = trusted_folder(home)
    if trust is None:
        return _say(f"缓存目录 {_shown(home)} 尚不存在，没有缓存文件。")
    if trust is False:
        return _error(
            f"缓存目录 {_shown(home)} 不是只属于当前用户、他人不可写的文件夹，"
            "gilint 不使用也不清理它"
        )
    try:
        files = cache_files(home)
    except OSError as exc:
        return _error(f"无法读取缓存目录 {_shown(home)}：{os_error(exc)}")
    if action == "clean":
        return _clean(files, older_than, dry_run)
    with standard_output() as stream:
        _info(stream, home, files)
    return 0


def _info(stream: TextIO, home: Path, files: tuple[CacheFile, ...]) -> None:
    stream.write(f"缓存目录：{_shown(home)}\n")
    if not files:
        stream.write("其中没有 gilint 的缓存文件。\n")
        return
    for kind in Kind:
        of_kind = [file for file in files if file.kind is kind]
        if not of_kind:
            continue
        first, last = _day(min(f.used for f in of_kind)), _day(max(f.used for f in of_kind))
        line = (
            f"  {kind.value}：{len(of_kind)} 个文件，{size_text(_total(of_kind))}，"
            f"上次使用于 {first if first == last else f'{first} 至 {last}'}"
        )
        if kind is Kind.GRAMMAR:
            line += f"（当前版本读取其中 {sum(file.in_use for file in of_kind)} 个）"
        stream.write(line + "\n")
    stream.write(
        f"共 {len(files)} 个文件，{size_text(_total(files))}。"
        "删除：gilint cache clean；只删除多日未用的：gilint cache clean --older-than 天数\n"
    )


def _clean(files: tuple[CacheFile, ...], older_than: float | None, dry_run: bool) -> int:
    if older_than is not None:
        files = unused_since(files, time.time() - older_than * DAY)
    if dry_run:
        with standard_output() as stream:
            for file in files:
                stream.write(f"{_shown(file.path)}  {size_text(file.size)}\n")
            stream.write(
                f"将删除 {len(files)} 个缓存文件，共 {size_text(_total(files))}（未删除）。\n"
                if files
                else "没有要删除的缓存文件。\n"
            )
        return 0
    removal = remove(files)
    for file, error in removal.failed:
        _error(f"无法删除 {_shown(file.path)}：{os_error(error)}")
    with standard_output() as stream:
        if removal.removed:
            stream.write(
                f"已删除 {len(removal.removed)} 个缓存文件，"
                f"共 {size_text(_total(removal.removed))}。\n"
            )
        elif not removal.failed:
            stream.write("没有要删除的缓存文件。\n")
    return 2 if removal.failed else 0


def size_text(size: int) -> str:
    """A size as people read it: 512 B, 324.0 KB, 1.3 MB."""
    if size < 1024:
        return f"{size} B"
    value = size / 1024
    for unit in ("KB", "MB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def _total(files: Iterable[CacheFile]) -> int:
    return sum(file.size for file in files)


def _day(moment: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(moment))


def _shown(path: Path) -> str:
    return printable(display_path(str(path)))


def _say(message: str) -> int:
    with standard_output() as stream:
        stream.write(message + "\n")
    return 0


def _error(message: str) -> int:
    complain("错误", message)
    return 2
