"""The Lark parser, built once per process from ``grammar/report.lark``."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

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


@lru_cache(maxsize=1)
def parser() -> Lark:
    """LALR(1) with ``strict`` on: the grammar must have no conflict at all. Lark keeps
    the analysed grammar in a cache file of the temporary directory, so later processes
    start faster; the cache is keyed by the grammar text and Lark's version."""
    return Lark(grammar_text(), parser="lalr", lexer=_TokenListLexer, strict=True, cache=True)


def parse_tokens(tokens: list[Token]) -> Tree[Token]:
    return parser().parse(tokens)
