"""What loaders extracted from PDF, Word and web page files, kept for ``--cache``.

Extracting is most of the cost of checking such a file (a PDF takes some sixty times
as long to read as its text takes to lint), and a reviewer or researcher checks the
same files again and again: with other settings, another output format, after fixing
one file of many. With ``--cache`` the text a loader extracted, its problems and its map
back to places in the file are kept in the user's own cache folder
(:func:`gilint.user_cache.cache_folder`, ``extracted/``) and read back when the same
bytes are read by the same loader again.

An entry is named by a digest of everything the extraction depends on: the file's
bytes, the loader (its class, the file that defines it) and its libraries' versions
(:meth:`Loader.cache_version`), gilint's version and the code of its loaders, and
Python's version; a change in any of them reads the file afresh. Entries are
compressed JSON, never code: an entry that is not what gilint writes (damaged, cut
short, another key, a file another user could have written) is ignored and the file
read afresh, so the cache can make a check faster but never different. Nothing is
removed as gilint runs; reading an entry marks it used (its time), and ``gilint cache
clean`` removes entries (:mod:`gilint.cache_files`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs

from gilint import __version__
from gilint.loaders import Loader
from gilint.loading import MAX_BYTES, Loaded, LoadProblem
from gilint.places import Piece, Place, SourceMap
from gilint.user_cache import cache_folder, trusted_file

FORMAT = 1  # the layout of an entry; a new layout is a new key
MAX_ENTRY = 8 * MAX_BYTES  # what an entry may hold once decompressed
FOLDER = "extracted"  # the entries' folder in the user's cache folder
ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.z")  # a key (a SHA-256 digest) and ".z"
_UNFINISHED_PREFIX = ".new-"  # an entry being written; renamed into place when whole
# such a file (tempfile's random part) left by a write that failed or was interrupted
UNFINISHED_NAME = re.compile(re.escape(_UNFINISHED_PREFIX) + r"[0-9a-z_]+\.z")


@lru_cache(maxsize=1)
def code_digest() -> str | None:
    """A digest of gilint's code that extraction runs (the loaders, the source map,
    loading) and of this module, which writes and reads the entries: a development
    install changes code without changing the version. None where that code cannot be
    read, and nothing is kept."""
    import gilint.loaders
    import gilint.loading
    import gilint.places

    files = sorted(Path(gilint.loaders.__file__).parent.glob("*.py"))
    files += [Path(gilint.places.__file__), Path(gilint.loading.__file__), Path(__file__)]
    digest = hashlib.sha256()
    try:
        for path in files:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


@lru_cache(maxsize=64)
def module_digest(module: str) -> str | None:
    """A digest of the file of ``module`` (where a loader class is defined: a plugin's
    own code); None when it has none that can be read, and nothing is kept."""
    path = getattr(sys.modules.get(module), "__file__", None)
    if not path:
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


@attrs.frozen(slots=True)
class ExtractionCache:
    """The cache in ``folder``; see :meth:`open`."""

    folder: Path

    @classmethod
    def open(cls) -> ExtractionCache | None:
        """The user's cache, or None where no folder can be trusted (see
        :func:`gilint.user_cache.cache_folder`)."""
        folder = cache_folder(FOLDER)
        return cls(folder) if folder is not None else None

    def key(self, loader: Loader, data: bytes) -> str | None:
        """The name of the entry for ``data`` read by ``loader``; None when the loader's
        output is not cached."""
        version = loader.cache_version()
        ours = code_digest()
        theirs = module_digest(type(loader).__module__)
        if version is None or ours is None or theirs is None:
            return None
        material = json.dumps(
            [
                FORMAT,
                __version__,
                list(sys.version_info[:2]),
                ours,
                loader.name,
                f"{type(loader).__module__}.{type(loader).__qualname__}",
                theirs,
                version,
                hashlib.sha256(data).hexdigest(),
            ]
        )
        return hashlib.sha256(material.encode()).hexdigest()

    def get(self, key: str) -> Loaded | None:
        """The entry ``key``, or None when there is none gilint can use."""
        path = self.folder / f"{key}.z"
        if not trusted_file(path):
            return None
        try:
            packed = path.read_bytes()
            inflate = zlib.decompressobj()
            raw = inflate.decompress(packed, MAX_ENTRY)
            if inflate.unconsumed_tail or not inflate.eof:
                return None  # larger than any entry gilint writes, or cut short
            text = raw.decode("utf-8", "surrogatepass")
            loaded = _loaded(json.loads(text, parse_constant=_not_a_number), key)
        except (OSError, zlib.error, ValueError, RecursionError):
            return None
        if loaded is not None:  # used now: ``gilint cache clean --older-than`` keeps it
            with contextlib.suppress(OSError):
                os.utime(path)
        return loaded

    def put(self, key: str, loaded: Loaded) -> None:
        """Keep ``loaded`` as entry ``key``: written whole to a file of its own, then
        renamed into place, so that a reader (another worker) never sees half of it. A
        cache that cannot be written is not an error: the check goes on without it."""
        # (surrogatepass: text decoded with surrogateescape holds lone surrogates)
        written = json.dumps(_entry(loaded, key), ensure_ascii=False)
        packed = zlib.compress(written.encode("utf-8", "surrogatepass"), 1)
        try:
            handle, temporary = tempfile.mkstemp(
                dir=self.folder, prefix=_UNFINISHED_PREFIX, suffix=".z"
            )
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(packed)
            os.replace(temporary, self.folder / f"{key}.z")
        except OSError:
            pass
        finally:  # (renamed, it is gone; left only by a failure or an interruption)
            with contextlib.suppress(OSError):
                Path(temporary).unlink(missing_ok=True)


def _not_a_number(constant: str) -> None:
    """NaN and Infinity, which Python's JSON reader takes and gilint never writes."""
    raise ValueError(constant)


def _entry(loaded: Loaded, key: str) -> dict[str, Any]:
    pieces = loaded.source_map.pieces if loaded.source_map is not None else None
    return {
        "key": key,
        "text": loaded.text,
        "encoding": loaded.encoding,
        "bom": loaded.bom,
        "newline": loaded.newline,
        "origin": loaded.origin,
        "problems": [[p.code, p.message, p.offset] for p in loaded.problems],
        "pieces": None if pieces is None else [[p.start, p.end, p.place.to_dict()] for p in pieces],
    }


def _loaded(entry: Any, key: str) -> Loaded | None:
    """An entry read back, or None for anything gilint would not have written."""
    if type(entry) is not dict or entry.get("key") != key:
        return None
    text, encoding, bom = entry.get("text"), entry.get("encoding"), entry.get("bom")
    newline, origin = entry.get("newline"), entry.get("origin")
    if not (
        isinstance(text, str)
        and isinstance(encoding, str)
        and isinstance(bom, bool)
        and isinstance(newline, str)
        and isinstance(origin, str)
    ):
        return None
    problems = _problems(entry.get("problems"), len(text))
    pieces = entry.get("pieces")
    read = _pieces(pieces, len(text)) if pieces is not None else None
    if problems is None or (pieces is not None and read is None):
        return None
    source_map = SourceMap(read) if read is not None else None
    return Loaded(text, encoding, bom, newline, origin, problems, source_map)


def _is_int(value: Any) -> bool:
    return type(value) is int  # (not a bool)


def _is_text(value: Any) -> bool:
    return type(value) is str


# the type of each field of a place as Place.to_dict writes it (a bbox as a list); by
# type, not by function, as an entry holds some hundreds of places
_PLACE_FIELDS: dict[str, type] = {
    "kind": str,
    "page": int,
    "bbox": list,
    "paragraph": int,
    "table": int,
    "row": int,
    "column": int,
    "line": int,
    "path": str,
}
_NUMBERS = (int, float)


def _triples(items: Any) -> list[list[Any]] | None:
    """``items`` when it is a list of lists of three (how problems and pieces are kept)."""
    if type(items) is not list or not all(type(i) is list and len(i) == 3 for i in items):
        return None
    return items


def _problems(items: Any, length: int) -> tuple[LoadProblem, ...] | None:
    triples = _triples(items)
    if triples is None or not all(
        _is_text(code) and _is_text(message) and _is_int(at) and 0 <= at <= length
        for code, message, at in triples
    ):
        return None
    return tuple(LoadProblem(code, message, at) for code, message, at in triples)


def _pieces(items: Any, length: int) -> list[Piece] | None:
    triples = _triples(items)
    if triples is None:
        return None
    pieces = []
    for start, end, data in triples:
        place = _place(data)
        if not (_is_int(start) and _is_int(end) and 0 <= start <= end <= length) or place is None:
            return None
        pieces.append(Piece(start, end, place))
    return pieces


def _place(data: Any) -> Place | None:
    """A place as :meth:`Place.to_dict` wrote it (a bbox as a list, each number as
    written: JSON keeps 12 and 12.0 apart)."""
    if type(data) is not dict or "kind" not in data:
        return None
    for name, value in data.items():
        if type(value) is not _PLACE_FIELDS.get(name):  # (an unknown field: not None)
            return None
    box = data.get("bbox")
    if box is not None:
        if len(box) != 4 or not all(type(v) in _NUMBERS for v in box):
            return None
        data["bbox"] = tuple(box)
    return Place(**data)
