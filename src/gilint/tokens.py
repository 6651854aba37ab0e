"""The tokens the line lexer hands to Lark: Lark's own, carrying what the lexer read.

They live apart from the lexer so that the lexer holds no subclass of a library's class:
mypyc cannot compile such a module, and ``tests/benchmarks/compiled.py`` compiles the
lexer to measure what a compiled build would gain (docs/performance.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lark.lexer import Token

if TYPE_CHECKING:
    from gilint.lexer import HeadingMatch, TableLine


class Lexeme(Token):
    """A token with what the lexer read in it (``payload``): a part heading's
    :class:`~gilint.lexer.HeadingMatch`, a table block's lines (cells, or row lines
    uncut). Lark hands tokens through to the tree as they are, so the builder finds the
    payload on the token itself."""

    payload: HeadingMatch | tuple[TableLine, ...] | None


def make_token(
    kind: str,
    text: str,
    start: int,
    end: int,
    payload: HeadingMatch | tuple[TableLine, ...] | None = None,
) -> Token:
    """A token of type ``kind`` over ``text[start:end]``."""
    # positional arguments: (type, value, start_pos, line, column, end_line, end_column,
    # end_pos); Lark's keyword path costs half as much again
    token = Lexeme(kind, text[start:end], start, None, None, None, None, end)
    token.payload = payload
    return token
