"""The Lark parser, built once per process from ``grammar/report.lark``; its analysed
grammar cached only where no other user can write (:func:`cache_folder`)."""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import lark
from lark import Lark, Token, Tree
from lark.lexer import Lexer


class _TokenListLexer(Lexer):
    """Hands Lark the tokens the line lexer already produced."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, tokens: list[Token]) -> Iterator[Token]:  # type: ignore[override]
        # Lark calls a custom lexer class with the parse input only: here, the token list.
        return iter(tokens)


def grammar_text() -> str:
    return resources.files("gilint.grammar").joinpath("report.lark").read_text("utf-8")


def _only_ours(info: os.stat_result, of_kind: Callable[[int], bool]) -> bool:
    """Whether an entry (not followed if a link) is of the expected kind, owned by this
    user, and writable by no one else: only then could no one else have put it there."""
    return (
        of_kind(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def cache_folder() -> Path | None:
    """The user's own cache folder for the analysed grammar, or None where there is none
    gilint can trust.

    Lark's cache is a pickle, and loading a pickle runs whatever code it names; by default
    Lark keeps it in the shared temporary directory, where any local user can plant one.
    gilint keeps it in ``$XDG_CACHE_HOME/gilint`` (``~/.cache/gilint``), created with mode
    0700 and used only while it is a real directory owned by this user that no one else
    can write to.
    """
    if not hasattr(os, "getuid"):
        return None  # no ownership to check: build the parser in memory
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base, "gilint")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    return folder if _only_ours(info, stat.S_ISDIR) else None


def cache_file(text: str) -> Path | None:
    """Where the parser analysed from ``text`` is cached: named by a digest of the grammar
    and of Lark's and Python's versions, in :func:`cache_folder`. An existing file is used
    only when it is a regular file of this user's that no one else can write."""
    folder = cache_folder()
    if folder is None:
        return None
    key = f"{text}\0{lark.__version__}\0{sys.version_info[:2]}".encode()
    path = folder / f"report-{hashlib.sha256(key).hexdigest()[:24]}.lark"
    try:
        info = path.lstat()
    except FileNotFoundError:
        return path
    except OSError:
        return None
    return path if _only_ours(info, stat.S_ISREG) else None


@lru_cache(maxsize=1)
def parser() -> Lark:
    """LALR(1) with ``strict`` on: the grammar must have no conflict at all. The analysed
    grammar is cached in the user's own cache folder (see :func:`cache_folder`), never in
    a shared one; without such a folder it is built in memory (about 10 ms more)."""
    text = grammar_text()
    cached = cache_file(text)
    return Lark(
        text,
        parser="lalr",
        lexer=_TokenListLexer,
        strict=True,
        cache=str(cached) if cached is not None else False,
    )


def parse_tokens(tokens: list[Token]) -> Tree[Token]:
    return parser().parse(tokens)
