"""Parse tree to AST: sections, paragraphs, headings, tables, year and template."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from lark import Token, Transformer, Tree

from gilint.ast import (
    UNREAD_CONTENT,
    UNREAD_ONWARD,
    Diagnostic,
    Heading,
    Paragraph,
    Report,
    Section,
    Subsection,
    Table,
    TemplateInfo,
    YearMention,
)
from gilint.labels import BODY_ENDS, YEAR, body_name, key, paragraph_key, year_value
from gilint.lexer import TABLE_TEXT, LexResult, heading_of, lines_of
from gilint.loading import Loaded
from gilint.locator import Locator
from gilint.repairs import RepairBudget
from gilint.span import Span
from gilint.tables import Region, read_region, region_of
from gilint.template_detection import detect
from gilint.templates.model import TemplateSet

_TITLE_YEAR = re.compile(f"({YEAR})年")
# the title's words between its year and 政府信息公开 (a body's name, where the year leads)
_BODY_AFTER_YEAR = re.compile(r"度?(.{2,40}?)政府信息公开")
# Unread content noted where it stands (not from there on): above the title, none of it
# is the report's.
_UNREAD_HERE = UNREAD_CONTENT - UNREAD_ONWARD
# 统计期限为2024年1月1日至12月31日 / 自2023年1月1日起,至2023年12月31日止 (on keys)
_PERIOD = re.compile(
    r"((?:19|20)[0-9][0-9])年0?1月0?1日起?,?(?:至|到|-|~|—)(?:(?:19|20)[0-9][0-9]年)?12月31日"
)
# What a web page links to, said by the rules that need it rather than as diagnostics:
# a document (where no part of a report is found), a spreadsheet (where a table is not)
_LINKED = frozenset({"attachment", "attached-tables"})
_SUB_ORDINAL = re.compile(r"[\s*#|>]*\(([一二三四五六七八九十]{1,2})\)\s*")
_WRAP = re.compile(r"\s*\n\s*")


@attrs.frozen(slots=True)
class _Block:
    """What a run of blocks (a part's, a subsection's, the preamble's) holds, before its
    tables are read: the tables' regions stand where the tables will. ``end`` is where
    its last block ends in the canonical text (the spans are the loaded text's, whose
    offsets differ where normalising changed the text's length: "㈠", a zero-width
    space)."""

    paragraphs: tuple[Paragraph, ...]
    regions: tuple[Region, ...]
    subsections: tuple[_SubDraft, ...]
    end: int


@attrs.frozen(slots=True)
class _SubDraft:
    heading: Heading
    paragraphs: tuple[Paragraph, ...]
    regions: tuple[Region, ...]
    span: Span
    end: int  # in the canonical text, as _Block.end


@attrs.frozen(slots=True)
class _SectionDraft:
    part: str | None
    heading: Heading
    span: Span
    block: _Block
    recognised: bool


@attrs.frozen(slots=True)
class _Drafts:
    """The tree built bottom-up, with the table regions in the nodes that hold them."""

    front: tuple[Paragraph, ...]
    title: tuple[Token, ...]
    preamble: _Block
    sections: tuple[_SectionDraft, ...]

    def regions(self) -> Iterator[Region]:
        yield from _block_regions(self.preamble)
        for section in self.sections:
            yield from _block_regions(section.block)


def _block_regions(block: _Block) -> Iterator[Region]:
    yield from block.regions
    for sub in block.subsections:
        yield from sub.regions


class _Tree(Transformer[Token, Any]):
    """Lark's tree to drafts, bottom-up, in one pass: each node gets what its children
    built (a section's tables are read later, as tables of its part)."""

    def __init__(self, loc: Locator, templates: TemplateSet) -> None:
        # no callback is named after a token type: Lark need not look one up per token
        super().__init__(visit_tokens=False)
        self.loc = loc
        self.templates = templates

    def paragraph(self, tok: Token) -> Paragraph:
        span = self.loc.span(tok.start_pos or 0, tok.end_pos or 0)
        return Paragraph(self.loc.text(span), span)

    def _block(self, children: list[Any]) -> _Block:
        paragraphs: list[Paragraph] = []
        regions: list[Region] = []
        subsections: list[_SubDraft] = []
        end = 0
        for child in children:
            if isinstance(child, Token):
                if child.type == "PARA":
                    paragraphs.append(self.paragraph(child))
                    end = max(end, child.end_pos or 0)
            elif isinstance(child, Region):
                regions.append(child)
                end = max(end, child.end)
            elif isinstance(child, _SubDraft):
                subsections.append(child)
                end = max(end, child.end)
        return _Block(tuple(paragraphs), tuple(regions), tuple(subsections), end)

    def table(self, children: list[Token]) -> Region:
        (run,) = children  # one TBLOCK: the run's lines, as the lexer read them
        start, end = run.start_pos or 0, run.end_pos or 0
        return region_of(lines_of(run), start, end, self.templates, self.loc)

    def subsection(self, children: list[Any]) -> _SubDraft:
        head, *rest = children
        block = self._block(rest)
        end = max(head.end_pos or 0, block.end)
        span = self.loc.span(head.start_pos or 0, end)
        return _SubDraft(self.sub_heading(head), block.paragraphs, block.regions, span, end)

    def section(self, children: list[Any]) -> _SectionDraft:
        head, *rest = children
        match = heading_of(head)
        block = self._block(rest)
        span = self.loc.span(head.start_pos or 0, max(head.end_pos or 0, block.end))
        return _SectionDraft(match.part, self.part_heading(head), span, block, match.recognised)

    def preamble(self, children: list[Any]) -> _Block:
        return self._block(children)

    def front(self, children: list[Token]) -> tuple[Paragraph, ...]:
        return tuple(self.paragraph(t) for t in children)

    def title(self, children: list[Token]) -> tuple[Token, ...]:
        return tuple(children)

    def start(self, children: list[Any]) -> _Drafts:
        front: tuple[Paragraph, ...] = ()
        title: tuple[Token, ...] = ()
        preamble = _Block((), (), (), 0)
        sections = []
        for child in children:
            if isinstance(child, _Block):
                preamble = child
            elif isinstance(child, _SectionDraft):
                sections.append(child)
            elif child and isinstance(child[0], Paragraph):
                front = child
            elif child:
                title = child
        return _Drafts(front, title, preamble, tuple(sections))

    # -- headings ---------------------------------------------------------------------

    def part_heading(self, tok: Token) -> Heading:
        match = heading_of(tok)
        span = self.loc.span(tok.start_pos or 0, tok.end_pos or 0)
        title_span = self.loc.span(match.title_start, match.title_end)
        return Heading(
            self.loc.text(span), span, match.written, self.loc.text(title_span), title_span
        )

    def sub_heading(self, tok: Token) -> Heading:
        start, end = tok.start_pos or 0, tok.end_pos or 0
        span = self.loc.span(start, end)
        m = _SUB_ORDINAL.match(str(tok))
        ordinal = m.group(1) if m else None
        title_start = start + (m.end() if m else 0)
        title_span = self.loc.span(title_start, max(title_start, end))
        return Heading(self.loc.text(span), span, ordinal, self.loc.text(title_span), title_span)


class _Years:
    """The report year: the title's, else the statistics period's."""

    def __init__(self, loc: Locator) -> None:
        self.loc = loc

    def _find(
        self, pattern: re.Pattern[str], tokens: Iterable[Token], needs: str = ""
    ) -> tuple[int, Span] | None:
        """The first match of ``pattern`` in the key of a token that has every character
        of ``needs`` (a cheap test before building the key)."""
        for tok in tokens:
            if not all(c in tok for c in needs):
                continue
            text, offsets = paragraph_key(str(tok), tok.start_pos or 0)
            m = pattern.search(text)
            if m:
                span = self.loc.span(offsets[m.start(1)], offsets[m.end(1) - 1] + 1)
                return year_value(m.group(1)), span
        return None

    def read(self, tokens: list[Token]) -> tuple[YearMention | None, YearMention | None]:
        titles = [t for t in tokens if t.type == "TITLE"]
        paras = [t for t in tokens if t.type == "PARA"]
        found = self._find(_TITLE_YEAR, titles)
        title = YearMention(found[0], found[1], "title") if found else None
        found = self._find(_PERIOD, paras, needs="年月日")
        period = YearMention(found[0], found[1], "period") if found else None
        return title, period


class _Reader:
    """Reads the regions of the drafts into tables, with the report's template."""

    def __init__(self, info: TemplateInfo, templates: TemplateSet, loc: Locator) -> None:
        self.info = info
        self.templates = templates
        self.loc = loc
        self.budget = RepairBudget()

    def tables(self, regions: Iterable[Region], part: str | None) -> tuple[Table, ...]:
        return tuple(
            table
            for region in regions
            for table in read_region(region, part, self.info, self.templates, self.loc, self.budget)
        )

    def block(
        self, block: _Block, part: str | None = None
    ) -> tuple[tuple[Table, ...], tuple[Subsection, ...]]:
        """The tables of a block and of its subsections, read as tables of ``part``."""
        subsections = tuple(
            Subsection(s.heading, s.paragraphs, self.tables(s.regions, part), s.span)
            for s in block.subsections
        )
        return self.tables(block.regions, part), subsections


def build_report(
    tree: Tree[Token],
    lexed: LexResult,
    loaded: Loaded,
    loc: Locator,
    templates: TemplateSet,
    path: str | None,
    forced_template: str | None = None,
) -> Report:
    drafts: _Drafts = _Tree(loc, templates).transform(tree)
    title_year, period_year = _Years(loc).read(lexed.tokens)
    year = title_year.year if title_year else (period_year.year if period_year else None)
    info = detect(
        (e for region in drafts.regions() for e in region.evidence),
        templates,
        year,
        forced_template,
    )
    reader = _Reader(info, templates, loc)
    title = title_span = issuer = None
    if drafts.title:
        first, last = drafts.title[0], drafts.title[-1]
        title_span = loc.span(first.start_pos or 0, last.end_pos or 0)
        parts = [
            _WRAP.sub("", loc.text(loc.span(t.start_pos or 0, t.end_pos or 0)))
            for t in drafts.title
        ]
        title = "".join(parts)
        issuer = _issuer(parts)
    preamble_tables, preamble_subs = reader.block(drafts.preamble)
    sections = []
    overview = _headless_overview(preamble_subs, drafts, templates, loc)
    if overview is not None:
        sections.append(overview)
        preamble_subs = ()
    for draft in drafts.sections:
        tables, subs = reader.block(draft.block, draft.part)
        sections.append(
            Section(
                draft.part,
                draft.heading,
                draft.span,
                draft.block.paragraphs,
                subs,
                tables,
                draft.recognised,
            )
        )
    sections = _continuations(sections)
    numbered_only: list[Section] = []
    other = _other_report(title) if title is not None else None
    if sections and not _reads_as_report(sections, preamble_tables, title, other):
        numbered_only, sections = sections, []  # a notice's items: no parts (GI902)
    # An image or a hidden element above the report's title (a site's banner or logo, a
    # letterhead, a hidden menu) holds none of the report: it is not noted, and turns no
    # rule off. A document the page links to matters only where the page holds no
    # report (_no_part_found).
    above = title_span.start if title_span is not None else 0
    # one report of a file of several: its own stretch of the text, and what a loader
    # noted in it (the first report takes what stands before it, the last what after)
    span = loc.span(*lexed.extent) if lexed.extent is not None else loc.whole()
    opening = lexed.extent is None or lexed.extent[0] == 0
    closing = lexed.extent is None or lexed.extent[1] == len(loc.canonical)
    diagnostics = [
        Diagnostic(
            p.code, p.message, loc.loaded_span(p.offset, min(p.offset + 1, len(loaded.text)))
        )
        for p in loaded.problems
        if not (p.code in _UNREAD_HERE and p.offset < above)
        and p.code not in _LINKED
        and (opening or p.offset >= span.start)
        and (closing or p.offset < span.end)
    ]
    if lexed.unread_table is not None:
        diagnostics.append(
            Diagnostic(
                "table-text-limit",
                f"表格内容超过 {TABLE_TEXT // 10_000} 万字（年度报告的表格通常只有几千字），"
                "从此行起的表格行未读取，其数据未参与检查",
                loc.span(*lexed.unread_table),
            )
        )
    if not sections:
        attachments = [p.message for p in loaded.problems if p.code == "attachment"]
        codes = {d.code for d in diagnostics}
        diagnostics.extend(
            _no_part_found(codes, attachments, numbered_only, other, loaded.text, loc)
        )
    return Report(
        source=loaded.text,
        path=path,
        span=span,
        title=title,
        title_span=title_span,
        issuer=issuer,
        year=year,
        title_year=title_year,
        period_year=period_year,
        template=info,
        preamble=(*drafts.front, *drafts.preamble.paragraphs),
        preamble_subsections=preamble_subs,
        sections=tuple(sections),
        diagnostics=tuple(diagnostics),
        encoding=loaded.encoding,
        source_map=loaded.source_map,
        preamble_tables=preamble_tables,
        attached_tables=tuple(p.message for p in loaded.problems if p.code == "attached-tables"),
    )


def assemble(first: Report, later: list[tuple[Span, Report]]) -> tuple[Report, ...]:
    """The reports of a file: ``first``, with a note (GI903) where each of the ``later``
    ones begins (its title's span, and the report), and those of them that hold a table
    of the format and repeat no report before them. A report whose title and tables are
    an earlier one's is a copy of it (a web page showing its report twice, once to
    print): it is noted, not checked again, which would give every finding twice. One
    with no table of the format whose title marks it as a reading, an attachment or a
    short version ("《…年度报告》解读", "图解：…", "附件：…", "…（简版）", with its parts
    numbered as the report's), or is the title of a report before it (an excerpt of
    it), is not a report: noted, not checked as one. Another report of a volume without
    its tables is checked (it lacks them: GI107)."""
    if not later:
        return (first,)  # (a usual file: its cells are not built for the identity)
    kept = [first]
    seen = {_identity(first)}
    titles = {key(first.title or "")}
    notes = []
    for title, report in later:
        named = _WRAP.sub("", first.source[title.start : title.end]).strip(" \t#*")
        title_key = key(report.title or "")
        identity = _identity(report)
        tableless = not any(row.id is not None for table in report.tables() for row in table.rows)
        if identity in seen:
            code, what = "report-again", "同一份报告又出现一次（“{}”），未再检查"
        elif tableless and (any(m in named for m in _NOT_A_REPORT) or title_key in titles):
            code = "report-unchecked"  # a reading of the report, laid out as one
            what = "另一份文本（“{}”），其中没有格式规定的统计表，不是完整的年度报告，未单独检查"
        else:
            code, what = "more-reports", "另一份年度报告（“{}”），已单独检查"
            kept.append(report)
            seen.add(identity)
        titles.add(title_key)
        notes.append(Diagnostic(code, "此处起是" + what.format(named), title))
    kept[0] = attrs.evolve(first, diagnostics=(*first.diagnostics, *notes))
    return tuple(kept)


# what a title that is no whole report's has before or after the report's name: a
# reading, an attachment, a short version
_NOT_A_REPORT = ("解读", "图解", "附件", "简版", "摘要", "节选")


def _identity(report: Report) -> tuple[object, ...]:
    """What two reports of a file have alike where they are one written twice: the
    title, and the numbers in the rows of the tables. (Not the prose: each copy on a web
    page ends with what the page says around it.)"""
    numbers = (
        (table.id, row.id, tuple(cell.raw for cell in row.cells))
        for table in report.tables()
        for row in table.rows
    )
    return (key(report.title or ""), *numbers)


def _headless_overview(
    subsections: tuple[Subsection, ...],
    drafts: _Drafts,
    templates: TemplateSet,
    loc: Locator,
) -> Section | None:
    """Part 一 written without its heading: the report goes from its preamble straight to
    the overview's subsections (（一）主动公开情况 …) and then to part 二. Decided from the
    whole report: no other section is part 一, and at least two subsections before the
    first part speak of the overview's aspects."""
    if not subsections or any(s.part == "一" for s in drafts.sections):
        return None
    aspects = {a.name: a for t in templates.templates for a in t.overview_aspects}.values()
    text = key("".join(s.heading.text + "".join(p.text for p in s.paragraphs) for s in subsections))
    spoken = sum(1 for aspect in aspects if any(k in text for k in aspect.keywords))
    if spoken < 2:
        return None
    start = subsections[0].span.start
    at = loc.span(start, start)
    heading = Heading("", at, None, "", at)
    span = loc.span(start, max(s.span.end for s in subsections))
    return Section("一", heading, span, (), subsections, (), True, headless=True)


def _reads_as_report(
    sections: list[Section],
    preamble_tables: tuple[Table, ...],
    title: str | None,
    other: str | None,
) -> bool:
    """Whether the parts read are a report's: some table holds a row of the format's; or
    else the title names no other kind of report (``other``, see :func:`_other_report`)
    and there is a title or a part whose title the format knows. A notice, minutes or a
    plan numbered 一、二、三, or another annual report (法治政府建设年度报告, whose
    "二、存在的不足和原因" reads as part 五), is none: read as a report, it gave a
    finding for every part and table it lacks."""
    tables = (*preamble_tables, *(t for s in sections for t in s.all_tables()))
    if any(row.id is not None for table in tables for row in table.rows):
        return True
    if other is not None:
        return False
    return title is not None or any(s.title_recognised for s in sections)


# A title's words after its year: what the report is of ("2024年法治政府建设年度报告")
_REPORT_OF = re.compile(f"(?:{YEAR})年度?(?P<subject>.*?)(?:工作)?(?:年度)?报告")


def _other_report(title: str) -> str | None:
    """What a title names its report of where that is not disclosure: the words between
    its year and "年度报告" ("法治政府建设"), with nothing of 公开 or 信息 in them. None
    for a disclosure report's title or one that names no subject ("某局2024年度报告")."""
    found = _REPORT_OF.search(key(title))
    subject = found["subject"] if found else ""
    return subject if subject and "公开" not in subject and "信息" not in subject else None


def _no_part_found(
    codes: set[str],
    attachments: list[str],
    numbered_only: list[Section],
    other: str | None,
    text: str,
    loc: Locator,
) -> list[Diagnostic]:
    """What a text without any part of a report says, given the codes of what else it
    was found to hold, the documents it links to, the headings it numbers as parts are
    numbered that are no parts (``numbered_only``) and what else its title says the
    report is of (``other``). A file no loader could read has no
    text to judge (GI901 says so); one with content gilint could not read (images,
    glyphs without characters) may be a report published as pictures (a scan with page
    numbers as text), which needs OCR; a web page may have the report in what it hides
    until a click (GI902) or in a document it links to (GI902, naming them); otherwise
    it may not be a report at all (GI902)."""
    first_line = loc.loaded_span(0, len(text.split("\n", 1)[0]))  # (the loaded text's)
    if "unreadable" in codes:
        return []
    if other is not None:
        return [
            Diagnostic(
                "not-a-report",
                f"标题说明这是“{other}”的报告，不是政府信息公开工作年度报告，文件中也没有"
                "格式规定的统计表：未按政府信息公开工作年度报告检查",
                first_line,
            )
        ]
    if codes & UNREAD_CONTENT - {"unread-hidden"}:
        return [
            Diagnostic(
                "pictures-only",
                "未找到报告的任何组成部分（如“一、总体情况”），而文件中有未能读取的内容（如图片）："
                "报告可能是扫描件或以图片发布，需先进行文字识别（OCR）后再检查",
                first_line,
            )
        ]
    if "unread-hidden" in codes:
        return [
            Diagnostic(
                "not-a-report",
                "网页中未找到报告的任何组成部分（如“一、总体情况”），而网页中有不显示的隐藏内容"
                "（见 GI901 的提示）：报告可能在点击后才显示的部分中。gilint 只读取网页显示的内容",
                first_line,
            )
        ]
    if attachments:
        return [
            Diagnostic(
                "not-a-report",
                "网页中未找到报告的任何组成部分（如“一、总体情况”），报告可能在网页链接的附件中："
                + "、".join(attachments)
                + "。请下载附件后再检查",
                first_line,
            )
        ]
    if numbered_only:
        heading = numbered_only[0].heading.text.strip()
        return [
            Diagnostic(
                "not-a-report",
                f"文件中编号的标题（如“{heading}”）都不是年度报告组成部分的标题，文件中也没有"
                "格式规定的统计表和年度报告的标题：此文件可能不是政府信息公开工作年度报告，"
                "未按年度报告检查",
                first_line,
            )
        ]
    return [
        Diagnostic(
            "not-a-report",
            "未找到报告的任何组成部分（如“一、总体情况”），此文件可能不是政府信息公开工作年度报告",
            first_line,
        )
    ]


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
    """The issuing body: the title's text before its year (or its first paragraph), or
    after it where a body is named there ("2024年示例县人民政府政府信息公开…"; before
    such a year, in web page text, stands the page's last word, "微博"), or under a
    title that names none before its year or after it."""
    if len(parts) > 1 and not _TITLE_YEAR.search(parts[0].replace(" ", "")):
        return body_name(parts[0])
    joined = "".join(parts).replace(" ", "")
    m = _TITLE_YEAR.search(joined)
    if m is None:
        return None
    before = body_name(joined[: m.start()])
    if before is not None and before.endswith(BODY_ENDS):
        return before
    after = _BODY_AFTER_YEAR.match(joined, m.end())
    if after is not None and after.group(1).endswith(BODY_ENDS):
        return after.group(1)
    under = joined.rpartition("报告")[2]  # ("…年度报告" then the body's name under it)
    if under.endswith(BODY_ENDS):
        return body_name(under)
    return before
