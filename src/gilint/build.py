"""Parse tree to AST: sections, paragraphs, headings, tables, year and template."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from lark import Token, Tree

from gilint.ast import (
    Diagnostic,
    Heading,
    Paragraph,
    Report,
    Section,
    Subsection,
    Table,
    YearMention,
)
from gilint.labels import keyed
from gilint.lexer import LexResult
from gilint.loading import Loaded
from gilint.locator import Locator
from gilint.span import Span
from gilint.tables import Region, read_tables
from gilint.templates.model import TemplateSet

_TITLE_YEAR = re.compile(r"((?:19|20)[0-9][0-9])年")
# 统计期限为2024年1月1日至12月31日 / 自2023年1月1日起,至2023年12月31日止 (on keys)
_PERIOD = re.compile(
    r"((?:19|20)[0-9][0-9])年0?1月0?1日起?,?(?:至|到|-|~|—)(?:(?:19|20)[0-9][0-9]年)?12月31日"
)
_SUB_ORDINAL = re.compile(r"[\s*#|>]*\(([一二三四五六七八九十]{1,2})\)\s*")
_WRAP = re.compile(r"\s*\n\s*")


def _tokens(node: Tree[Token] | Token) -> Iterator[Token]:
    if isinstance(node, Token):
        yield node
        return
    for child in node.children:
        yield from _tokens(child)


def _edge(node: Tree[Token] | Token, last: bool) -> Token | None:
    """The first (or last) token under ``node``, without walking the whole subtree."""
    while isinstance(node, Tree):
        if not node.children:
            return None
        node = node.children[-1 if last else 0]
    return node


def _extent(node: Tree[Token] | Token) -> tuple[int, int]:
    first, last = _edge(node, False), _edge(node, True)
    if first is None or last is None:
        return 0, 0
    return first.start_pos or 0, max(first.end_pos or 0, last.end_pos or 0)


class _Builder:
    def __init__(self, lexed: LexResult, loc: Locator, templates: TemplateSet) -> None:
        self.lexed = lexed
        self.loc = loc
        self.templates = templates

    def paragraph(self, tok: Token) -> Paragraph:
        span = self.loc.span(tok.start_pos or 0, tok.end_pos or 0)
        return Paragraph(self.loc.text(span), span)

    # -- year, title ------------------------------------------------------------------

    def _find(
        self, pattern: re.Pattern[str], tokens: list[Token], needs: str = ""
    ) -> tuple[int, Span] | None:
        """The first match of ``pattern`` in the key of a token that has every character
        of ``needs`` (a cheap test before building the key)."""
        for tok in tokens:
            if not all(c in tok for c in needs):
                continue
            text, offsets = keyed(str(tok), tok.start_pos or 0)
            m = pattern.search(text)
            if m:
                span = self.loc.span(offsets[m.start(1)], offsets[m.end(1) - 1] + 1)
                return int(m.group(1)), span
        return None

    @staticmethod
    def year(title: YearMention | None, period: YearMention | None) -> int | None:
        """The report year: the title's, else the statistics period's."""
        return title.year if title else (period.year if period else None)

    def years(self) -> tuple[YearMention | None, YearMention | None]:
        titles = [t for t in self.lexed.tokens if t.type == "TITLE"]
        paras = [t for t in self.lexed.tokens if t.type == "PARA"]
        found = self._find(_TITLE_YEAR, titles)
        title = YearMention(found[0], found[1], "title") if found else None
        found = self._find(_PERIOD, paras, needs="年月日")
        period = YearMention(found[0], found[1], "period") if found else None
        return title, period

    # -- headings ---------------------------------------------------------------------

    def part_heading(self, tok: Token) -> tuple[Heading, str | None, bool]:
        match = self.lexed.headings[tok.start_pos or 0]
        span = self.loc.span(tok.start_pos or 0, tok.end_pos or 0)
        title_span = self.loc.span(match.title_start, match.title_end)
        heading = Heading(
            self.loc.text(span), span, match.written, self.loc.text(title_span), title_span
        )
        return heading, match.part, match.recognised

    def sub_heading(self, tok: Token) -> Heading:
        start, end = tok.start_pos or 0, tok.end_pos or 0
        span = self.loc.span(start, end)
        m = _SUB_ORDINAL.match(str(tok))
        ordinal = m.group(1) if m else None
        title_start = start + (m.end() if m else 0)
        title_span = self.loc.span(title_start, max(title_start, end))
        return Heading(self.loc.text(span), span, ordinal, self.loc.text(title_span), title_span)

    # -- blocks -----------------------------------------------------------------------

    def blocks(
        self, children: list[Tree[Token] | Token], tables: Iterator[list[Table]]
    ) -> tuple[tuple[Paragraph, ...], tuple[Table, ...], tuple[Subsection, ...]]:
        paragraphs: list[Paragraph] = []
        found: list[Table] = []
        subsections: list[Subsection] = []
        for child in children:
            if isinstance(child, Token):
                if child.type == "PARA":
                    paragraphs.append(self.paragraph(child))
            elif child.data == "table":
                found.extend(next(tables))
            elif child.data == "subsection":
                head, *rest = child.children
                assert isinstance(head, Token)
                paras, tabs, _ = self.blocks(rest, tables)
                subsections.append(
                    Subsection(self.sub_heading(head), paras, tabs, self.loc.span(*_extent(child)))
                )
        return tuple(paragraphs), tuple(found), tuple(subsections)


def _regions(tree: Tree[Token], lexed: LexResult) -> list[Region]:
    regions: list[Region] = []

    def walk(node: Tree[Token], part: str | None) -> None:
        for child in node.children:
            if isinstance(child, Token):
                if child.type == "PART":
                    part = lexed.headings[child.start_pos or 0].part
                continue
            if child.data == "table":
                lines = tuple(
                    line
                    for block in child.children
                    if isinstance(block, Token)
                    for line in lexed.cells[block.start_pos or 0]
                )
                regions.append(Region(lines, part))
            else:
                walk(child, part)

    walk(tree, None)
    return regions


def build_report(
    tree: Tree[Token],
    lexed: LexResult,
    loaded: Loaded,
    loc: Locator,
    templates: TemplateSet,
    path: str | None,
    forced_template: str | None = None,
) -> Report:
    builder = _Builder(lexed, loc, templates)
    title_year, period_year = builder.years()
    year = builder.year(title_year, period_year)
    read, template = read_tables(_regions(tree, lexed), templates, year, loc, forced_template)
    tables = iter(read)

    title = title_span = issuer = None
    preamble: tuple[Paragraph, ...] = ()
    preamble_tables: tuple[Table, ...] = ()
    preamble_subs: tuple[Subsection, ...] = ()
    front: tuple[Paragraph, ...] = ()
    sections: list[Section] = []
    for child in tree.children:
        if not isinstance(child, Tree):
            continue
        if child.data == "title":
            title_span = loc.span(*_extent(child))
            parts = [
                _WRAP.sub("", loc.text(loc.span(t.start_pos or 0, t.end_pos or 0)))
                for t in _tokens(child)
            ]
            title = "".join(parts)
            issuer = _issuer(parts)
        elif child.data == "front":
            front = tuple(builder.paragraph(t) for t in _tokens(child))
        elif child.data == "preamble":
            preamble, preamble_tables, preamble_subs = builder.blocks(child.children, tables)
        elif child.data == "section":
            head, *rest = child.children
            assert isinstance(head, Token)
            heading, part, recognised = builder.part_heading(head)
            paras, tabs, subs = builder.blocks(rest, tables)
            sections.append(
                Section(part, heading, loc.span(*_extent(child)), paras, subs, tabs, recognised)
            )
    sections = _continuations(sections)
    diagnostics = [
        Diagnostic(p.code, p.message, loc.span(p.offset, min(p.offset + 1, len(loaded.text))))
        for p in loaded.problems
    ]
    if not sections:
        diagnostics.append(
            Diagnostic(
                "not-a-report",
                "未找到报告的任何组成部分（如“一、总体情况”），此文件可能不是政府信息公开工作年度报告",
                loc.span(0, min(len(loaded.text), len(loaded.text.split("\n", 1)[0]))),
            )
        )
    return Report(
        source=loaded.text,
        path=path,
        span=loc.whole(),
        title=title,
        title_span=title_span,
        issuer=issuer,
        year=year,
        title_year=title_year,
        period_year=period_year,
        template=template,
        preamble=(*front, *preamble),
        preamble_subsections=preamble_subs,
        sections=tuple(sections),
        diagnostics=tuple(diagnostics),
        encoding=loaded.encoding,
        source_map=loaded.source_map,
        preamble_tables=tuple(preamble_tables),
    )


def _continuations(sections: list[Section]) -> list[Section]:
    """A part met again, whose first sections hold none of the tables this one holds,
    is continued here (its tables, after a narrative that took the part's heading
    first), not repeated."""
    before: dict[str, list[Section]] = {}
    result = []
    for section in sections:
        earlier = before.get(section.part or "", [])
        if (
            section.part is not None
            and earlier
            and any(section.all_tables())
            and not any(t for s in earlier for t in s.all_tables())
        ):
            section = attrs.evolve(section, continued=True)
        before.setdefault(section.part or "", []).append(section)
        result.append(section)
    return result


def _issuer(parts: list[str]) -> str | None:
    """The issuing body: the title's text before its year (or its first paragraph)."""
    if len(parts) > 1 and not _TITLE_YEAR.search(parts[0].replace(" ", "")):
        return parts[0].strip() or None
    joined = "".join(parts).replace(" ", "")
    m = _TITLE_YEAR.search(joined)
    if m and m.start() > 0:
        return joined[: m.start()]
    return None
