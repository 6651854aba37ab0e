"""The Lark parser, built once per process from ``grammar/report.lark``; its analysed
grammar cached only where no other user can write (:mod:`gilint.user_cache`)."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import lark
from lark import Lark, Token, Tree
from lark.lexer import Lexer

from gilint.user_cache import cache_folder, trusted_file

# the cache file of an analysed grammar: a digest of the grammar, Lark's and Python's
# versions (see :func:`cache_name`); one for each, never removed as gilint runs
CACHE_NAME = re.compile(r"report-[0-9a-f]{24}\.lark")


class _TokenListLexer(Lexer):
    """Hands Lark the tokens the line lexer already produced."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, tokens: list[Token]) -> Iterator[Token]:  # type: ignore[override]
        # Lark calls a custom lexer class with the parse input only: here, the token list.
        return iter(tokens)


def grammar_text() -> str:
    return resources.files("gilint.grammar").joinpath("report.lark").read_text("utf-8")


def cache_file(text: str) -> Path | None:
    """Where the parser analysed from ``text`` is cached: named by a digest of the grammar
    and of Lark's and Python's versions, in the user's own cache folder
    (:func:`gilint.user_cache.cache_folder`). Lark's cache is a pickle, and loading a
    pickle runs whatever code it names; by default Lark keeps it in the shared temporary
    directory, where any local user can plant one. An existing file is used only when
    it is a regular file of this user's that no one else can write."""
    folder = cache_folder()
    if folder is None:
        return None
    path = folder / cache_name(text)
    return None if trusted_file(path) is False else path  # (None: not written yet)


def cache_name(text: str) -> str:
    """The name of the cache file of the parser analysed from ``text`` by this Lark on
    this Python (see :data:`CACHE_NAME`)."""
    key = f"{text}\0{lark.__version__}\0{sys.version_info[:2]}".encode()
    return f"report-{hashlib.sha256(key).hexdigest()[:24]}.lark"


@lru_cache(maxsize=1)
def parser() -> Lark:
    """LALR(1) with ``strict`` on: the grammar must have no conflict at all. The analysed
    grammar is cached in the user's own cache folder (see :func:`cache_file`), never in a
    shared one; without such a folder it is built in memory (about 10 ms more)."""
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
