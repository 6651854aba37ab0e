"""The user's own cache folder, trusted only while no one else could have written to it.

What gilint caches (the analysed grammar, a pickle; extracted text) is read back as if
gilint had made it. Anything in a folder another user can write could have been put
there by them, so every folder and file is checked before use: a real directory or
regular file (a link is not followed), owned by this user, writable by no one else.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path


def only_ours(info: os.stat_result, of_kind: Callable[[int], bool]) -> bool:
    """Whether an entry (not followed if a link) is of the expected kind, owned by this
    user, and writable by no one else: only then could no one else have put it there."""
    return (
        of_kind(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def cache_home() -> Path | None:
    """``$XDG_CACHE_HOME/gilint`` (``~/.cache/gilint``), whether it exists or not; None
    where there is no ownership to check (Windows), and gilint keeps no cache."""
    if not hasattr(os, "getuid"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "gilint")


def cache_folder(*sub: str) -> Path | None:
    """:func:`cache_home`, or a folder ``sub`` inside it, created with mode 0700; None
    where there is none gilint can trust (no ownership to check, as on Windows, or a
    folder that is not the user's alone)."""
    home = cache_home()
    if home is None:
        return None
    folders = [home]
    for part in sub:
        folders.append(folders[-1] / part)
    try:
        for folder in folders:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not only_ours(folder.lstat(), stat.S_ISDIR):
                return None
    except OSError:
        return None
    return folders[-1]


def trusted_folder(path: Path) -> bool | None:
    """Whether an existing cache folder may be used, without creating it: True for a
    real folder of this user's that no one else can write, None when there is none,
    False for anything else."""
    return _trusted(path, stat.S_ISDIR)


def trusted_file(path: Path) -> bool | None:
    """Whether an existing cache file may be read: True for a regular file of this
    user's that no one else can write, None when there is none yet, False for anything
    else (another kind of entry, another owner, one that cannot be looked at)."""
    return _trusted(path, stat.S_ISREG)


def _trusted(path: Path, of_kind: Callable[[int], bool]) -> bool | None:
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError:
        return False
    return only_ours(info, of_kind)
