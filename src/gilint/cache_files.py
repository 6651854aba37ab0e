"""gilint's files in the user's cache folder, listed and removed for ``gilint cache``.

gilint keeps two kinds of file there: the analysed grammar, one for each grammar, Lark
and Python version (:mod:`gilint.grammar_loader`), and, with ``--cache``, what loaders
extracted, one entry for each file, loader and version (:mod:`gilint.extraction_cache`).
Nothing is removed as gilint runs, so a new version of gilint, of a library or of Python
leaves the old files behind, unread. Only files named as gilint names them are listed
or removed, and only in folders :mod:`gilint.user_cache` trusts; a link is listed and
removed as a link, never followed.
"""

from __future__ import annotations

import enum
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

import attrs

from gilint.extraction_cache import ENTRY_NAME, FOLDER, UNFINISHED_NAME
from gilint.grammar_loader import CACHE_NAME, cache_name, grammar_text
from gilint.user_cache import trusted_folder


class Kind(enum.Enum):
    """What a cache file holds; the value is how ``gilint cache`` names it."""

    EXTRACTED = "抽取的文本（--cache）"
    UNFINISHED = "未写完的条目"
    GRAMMAR = "语法分析表"


@attrs.frozen
class CacheFile:
    """One of gilint's files in the cache. ``used`` is when it was last written or, for
    an extracted entry, read (its modification time); ``in_use`` marks the grammar file
    this gilint reads."""

    path: Path
    kind: Kind
    size: int
    used: float
    in_use: bool = False


@attrs.frozen
class Removal:
    """What :func:`remove` did: the files removed and those that could not be, each
    with the error."""

    removed: tuple[CacheFile, ...]
    failed: tuple[tuple[CacheFile, OSError], ...]


def cache_files(home: Path) -> tuple[CacheFile, ...]:
    """gilint's files in the trusted cache folder ``home`` (see
    :func:`gilint.user_cache.cache_home`), by path: the grammar files in it and the
    entries in its ``extracted`` folder if that is trusted too. Raises OSError when
    ``home`` cannot be read."""
    found = _named(home, ((CACHE_NAME, Kind.GRAMMAR),), in_use=cache_name(grammar_text()))
    extracted = home / FOLDER
    if trusted_folder(extracted):
        found += _named(
            extracted, ((ENTRY_NAME, Kind.EXTRACTED), (UNFINISHED_NAME, Kind.UNFINISHED))
        )
    return tuple(sorted(found, key=lambda file: file.path))


def _named(
    folder: Path, names: tuple[tuple[re.Pattern[str], Kind], ...], in_use: str | None = None
) -> list[CacheFile]:
    """The files and links in ``folder`` whose names one of ``names`` matches whole; the
    one named ``in_use`` marked so."""
    found = []
    with os.scandir(folder) as entries:
        for entry in entries:
            kind = next((kind for name, kind in names if name.fullmatch(entry.name)), None)
            if kind is None:
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue  # (gone since it was listed)
            if stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode):
                found.append(
                    CacheFile(
                        Path(entry.path),
                        kind,
                        info.st_size,
                        info.st_mtime,
                        in_use=entry.name == in_use,
                    )
                )
    return found


def unused_since(files: Iterable[CacheFile], moment: float) -> tuple[CacheFile, ...]:
    """The files not used since ``moment`` (seconds since the epoch); never the grammar
    file this gilint reads."""
    return tuple(file for file in files if file.used < moment and not file.in_use)


def remove(files: Iterable[CacheFile]) -> Removal:
    """Remove ``files`` (a link itself, not what it points to). A file already gone
    counts as removed: another ``gilint cache clean`` may have been first."""
    removed, failed = [], []
    for file in files:
        try:
            file.path.unlink(missing_ok=True)
        except OSError as error:
            failed.append((file, error))
        else:
            removed.append(file)
    return Removal(tuple(removed), tuple(failed))
