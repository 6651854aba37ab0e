"""The line lexer: canonical text to the tokens the grammar parses.

It reads line by line, knows which part of the report it is in, and emits one token per
title paragraph, heading, prose paragraph and run of table lines. It never drops text: every
non-blank character of the input ends up inside some token, so whatever is misplaced
reaches the tree where a rule can see it. (A contextual Lark lexer silently turned
misplaced headings into prose; deciding here, with the whole line in view, does not.)

Token types (declared in ``grammar/report.lark``):

``FRONT`` a paragraph above the title that is not part of it (page chrome) ·
``TITLE`` a title paragraph · ``PART`` a part heading · ``SUBHEAD`` a subsection heading ·
``PARA`` a prose paragraph · ``TBLOCK`` a run of table lines: paragraphs of a table
one after another, up to a prose paragraph, a heading or the end of the text. A note on
a table (``注：……。``) is prose that does not end the run: its ``PARA`` follows the run's
token.

The lexer also reads every table line, carried by the run's token
(:class:`gilint.tokens.Lexeme`, ``payload``) line by line, as a part heading's token
carries its :class:`HeadingMatch`: the usual row line (text, then plain numbers to its
end) as a :class:`RowLine` whose numbers stay uncut, any other line cut into cells
(:class:`LexCell`). Cell kinds: ``CAPTION`` a table caption
(第二十条第（一）项) · ``FRAG`` text: a row label, a header or a piece of one ·
``VALUE`` a number (with any unit) or a placeholder for zero (``/ - — 无``) ·
``EMPTY`` an empty tab or pipe cell · ``RULE`` a Markdown rule row · ``MORE`` the rest
of a run of numbers longer than any table is wide (see ``RUN_CELLS``).
(Lark is fed one token per run of table lines rather than per paragraph, line or cell:
the grammar has nothing to decide inside a table, and a token costs Lark about as much
as the whole rest of a line's reading.)
"""

from __future__ import annotations

import functools
import itertools
import re
import types
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import NamedTuple

import attrs
from lark.lexer import Token

from gilint.labels import BODY_ENDS, YEAR, body_name, compact_key, numeral_value
from gilint.near_labels import a_character_off, candidates, near_any
from gilint.templates.model import PartSpec, TemplateSet
from gilint.tokens import make_token
from gilint.values import DIGIT_LOOKALIKE

# A part heading: optional Markdown/extraction debris, then an ordinal, then the title.
# "第一部分" may have a mark after it as an ordinal has ("第一部分：总体情况"). A part
# may also be numbered other than the format says: in parentheses ("（二）"), in Arabic
# numerals ("2." "2、" "（2）" "第2部分"), or with no mark or half of one, as OCR drops
# them ("二 主动公开…", "二）主动公开…"); so numbered, a line is a part's heading only
# with the part's own title and number (see LineLexer.match_heading). (What stands
# around an Arabic number is not matched pair by pair: one group, as the engine pays
# for each; with the part's own title and number, "(2、" is as good as "（2）".)
_PART = re.compile(
    r"(?P<debris>[\s*#|>\[]*)"
    r"(?:第(?P<nth>[一二三四五六])部分\s*[、.,:]?|(?P<num>[一二三四五六七八九十])\s*[、.,:]"
    r"|\((?P<par>[一二三四五六])\)"
    r"|(?:\(|第)?(?P<arabic>[1-6])(?:\)|部分\s*[、.,:]?|\s*[、.,:]|\s)"
    r"|(?P<bare>[一二三四五六])\)?)"
    r"\s*(?P<title>.*)"
)
# The same up to the ordinal, without groups, or up to the first character of a part's
# own title with no ordinal, or its first three after any other ordinal (not "3.其他",
# a row's label), or a table's title (_TABLE_TITLE): a quick test of whether a line may
# be a heading (most lines fail at once). The characters are filled in per template set.
_MAY_HEAD = (
    r"[ \t*#|>\[]*(?:第[一二三四五六1-6]部分|[一二三四五六七八九十][ \t]*[、.,:]|\([一二三四五六]\)"
    r"|[{openers}]|(?:[一二三四五六]\)?[ \t]*|\([1-6]\)[ \t]*|[1-6](?:[ \t]*[、.,:]|[ \t])[ \t]*)"
    r"(?:{starts})"
    r"|附?表)"
)  # (no optional group: the regular-expression engine pays for each such one it enters)
# A table's title that is a part's own ("附表2：收到和处理政府信息公开申请情况", "表3 政府
# 信息公开行政复议、行政诉讼情况统计表"): over the part's table where it stands apart from
# the part, in an annex after the narrative (see LineLexer._bare_heading): the table's
# number, the part's title, and what a table's title may add to it. Compiled where first
# needed, as _OWN_ORDINAL is: few reports have such a line, and every process would
# compile it at its start.
_TABLE_NUMBER = r"附?表[0-9一二三四五六七八九十]{0,2}[ \t]*[:.、]?[ \t]*"
_TABLE_TITLE_ENDS = ("统计表", "表")
_TABLE_TITLE = _TABLE_NUMBER + r"(?P<title>.+?)(?:" + "|".join(_TABLE_TITLE_ENDS) + r")?"
# A subsection heading: (一) … at the start of a line.
_SUB = re.compile(r"[\s*#|>]*\((?P<num>[一二三四五六七八九十]{1,2})\)\s*")
# Where a run-in heading's title ends: a subsection title may stop at a comma, a part
# title (which may itself hold "、") only at a sentence end.
_TITLE_END = re.compile(r"[。:;,]")
_SENTENCE_END = re.compile(r"[。:;]")
# What follows a part's own title on its heading's line where the part's first paragraph
# runs on after the title (a heading in bold at the start of its paragraph): a
# subsection's number, a word after white space (not a cell's mark, "| |", nor a page
# number, as a table of contents has: "一、总体情况 1"), or prose, which has a sentence
# mark where a title has none ("六、其他需要报告的事项本年度…,…。")
_SUB_NUMBER_AFTER = r"[ \t*]*\([一二三四五六七八九十]{1,2}\)"  # (after spaces or bold)
_TEXT_AFTER_TITLE = _SUB_NUMBER_AFTER + r"|[ \t]+[^\s|*#>0-9.…-]|[^,。;:]*[,。;:]"
# A title in other words, then the part's text: a subsection's number, or after white
# space prose (which holds a sentence mark: "六、其他事项 本年度本机关未收取信息处理费。").
# The title ends before a subsection's number, which no title holds; before prose, where
# its first word names a part, as a title run into web page text ends (a title that OCR
# spaced out, "存在的主要问题 及改进情况。", is left whole where it is a part's own)
_TITLE_THEN_TEXT = (  # (compiled where first needed: few lines ask for it)
    r"[^\s]+?(?=(?P<sub>" + _SUB_NUMBER_AFTER + r")|[ \t]+[^\s|#>.…-][^,。;:]*[,。;:])"
)
# Where a part heading's title ends: a sentence end, or the unit of the table under it
# written after the title ("二、主动公开政府信息情况（单位：件）", "… 单位：件"); looked
# for only in a title that holds "单位"
_TITLE_STOP = re.compile(r"[。:;]|[ \t]*\(?[ \t]*(?:计量)?单位:")


class CaptionForm(NamedTuple):
    """What table captions look like in the formats in force: one pattern (on keys) and
    the characters a caption can start with (a cheap test before the pattern)."""

    pattern: re.Pattern[str]
    marks: str

    @classmethod
    def of(cls, patterns: tuple[str, ...]) -> CaptionForm:
        return cls(
            re.compile("|".join(f"(?:{p})" for p in patterns)), "".join({p[0] for p in patterns})
        )


# the national formats' 第二十条第（N）项
_CAPTION = CaptionForm.of((r"第二十条第\([一二三四五六七八九十]+\)项",))
# A number cell: digits with optional thousands separators, fraction and unit.
_NUMBER = re.compile(
    r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?:万元|元|件|个|条|项|次|人)?"
)
_UNIT = re.compile(r"万元|元|件|个|条|项|次|人")
_PLACEHOLDER = re.compile(r"/|-{1,2}|—{1,2}|–|―|无|空")
_RULE_CELL = re.compile(r":?-{3,}:?")
# What a 0 or a placeholder may begin with (a sign, Markdown emphasis): one test turns
# away most cells before they are matched (see stands_for_none)
_NONE_FIRST = frozenset("0+-/—–―无空*")
# What a cell is, in one match (Markdown emphasis around it allowed): the group that
# matched names it. The alternatives are tried in this order.
_CELL = re.compile(
    r"\**(?:(?P<number>"
    + _NUMBER.pattern
    + r")|(?P<rule>"
    + _RULE_CELL.pattern
    + r")|(?P<placeholder>"
    + _PLACEHOLDER.pattern
    + r")|(?P<unit>"
    + _UNIT.pattern
    + r")|(?P<lookalike>"
    + DIGIT_LOOKALIKE.pattern
    + r"))\**"
)
_BLANK = re.compile(r"[\s*]*")
# What a page break leaves in extracted text: a page number ("— 4 —", "- 4 -", "·4·",
# "Page 4", "P. 4", "Page 4 of 5", "4/5") or a running footer ("第 3 页 共 5 页"). Such a
# line is skipped, wherever it stands: inside a table its number would be read as a
# cell, inside a paragraph it would cut it. (A lone "4" is left alone: it may be a cell
# of its own.)
_PAGE_DASHES = "-—–－·•・"  # (what stands on either side of a page number)
_PAGE_FURNITURE = re.compile(
    rf"[ \t]*(?:[{_PAGE_DASHES}]{{1,2}}[ \t]*[0-9]{{1,4}}[ \t]*[{_PAGE_DASHES}]{{1,2}}"
    r"|(?:共[ \t]*[0-9]{1,4}[ \t]*页[ \t,，]*)?第[ \t]*[0-9]{1,4}[ \t]*页"
    r"(?:[ \t,，/]*共[ \t]*[0-9]{1,4}[ \t]*页)?"
    r"|(?:[Pp]age[ \t]*)?[0-9]{1,4}[ \t]*(?:/|of)[ \t]*[0-9]{1,4}"
    r"|[Pp](?:age|\.)[ \t]*[0-9]{1,4})[ \t]*"
)
# A flip-book's page footer: its page number, then the document's title ("Page 8 - 示例县
# 2024年政府信息公开工作年度报告"), skipped too
_TITLED_PAGE = re.compile(r"[Pp]age[ \t]*[0-9]{1,4}[ \t]*[-—–|:][ \t]*\S.{0,100}")
# Column names a converter invents for a table without a header row ("| 列1 | 列2 |",
# "Column1", "Unnamed: 0"): not text of the report, never a label.
_INVENTED_HEADER = re.compile(r"列[0-9]{1,2}|[Cc]olumn[ _]?[0-9]{1,2}|Unnamed: ?[0-9]{1,2}")
_MARKUP = " \t*#|>"  # Markdown and extraction debris around a title
# A part's number as a heading writes it ("五、", "第五部分"); alone on its line, its title
# on the next ("一、" / "总体情况", "第一部分" / "总体情况"): a heading in large type broken
# in a PDF's text or by OCR
_PART_ORDINAL = r"(?P<ordinal>第(?P<nth>[一二三四五六])部分|(?P<num>[一二三四五六])[ \t]*[、.,:])"
_ORDINAL_ALONE = re.compile(r"[\s*#]*" + _PART_ORDINAL + r"[\s*#]*")
# Title paragraphs: short, near the top, ending the run at the one naming the report.
_TITLE_WORDS = ("年度报告", "工作报告")
# A title paragraph that starts with them (after "工作" at most) ends a title begun in
# the paragraph before it: a title's two lines set apart ("…2024年政府信息公开" /
# "工作年度报告"), as large type is extracted from a PDF
_TITLE_ENDING = (*_TITLE_WORDS, "工作年度报告")
# A title that calls the report its 年报 ("示例镇2024年政府信息公开年报"), keyed: the year
# before the words and nothing after them (a web page's breadcrumb names its column so,
# 首页 > 政府信息公开 > 政府信息公开年报, without a year)
_SHORT_TITLE = re.compile(f"(?:{YEAR})" + r"年度?政府信息公开(?:工作)?年报$")
_MAX_TITLE = 80
_MAX_ISSUER = 30  # no body's name on a line above the title is longer
_MAX_FURNITURE = 24  # no page number or running footer is longer
_MAX_ORDINAL_LINE = 12  # no line that is a part's number alone (_ORDINAL_ALONE) is longer
# and each ends so (a cell's "|" does not)
_FURNITURE_ENDS = frozenset("0123456789页" + _PAGE_DASHES)
_MAX_RUNNING_HEAD = 60  # nor a running head: a title, a body's name
# A line longer than this is web page text kept as one line (a paragraph of a report is
# seldom a fifth as long): it is cut at any part heading run into it.
_LONG_TEXT_LINE = 1000
# The report's title run into such a line, after the page's chrome: the issuing body
# (the word before the year), the year and the title words.
_RUN_IN_TITLE = re.compile(
    r"(?:(?<=\s)|^)(?:[^\s:>]{2,40}?[ \t]?)?(?P<year>" + YEAR + r")[ \t]*年度?[^\s。]{0,12}?"
    r"政府信息公开(?:工作)?(?:年度报告|年报)"
)
# Or with its year last ("示例镇人民政府政府信息公开工作2024年度报告", "…工作年度报告（2024
# 年度）"): the body is then the whole word before the title words. (Compiled where it
# is first needed, through re's own cache: a web page's title seldom asks for it.)
_RUN_IN_TITLE_YEAR_LAST = (
    r"(?:(?<=\s)|^)(?P<body>[^\s:>]{2,40}?)政府信息公开(?:工作)?(?:(?:"
    + YEAR
    + r")[ \t]*年度报告|(?:年度报告|年报)[（(][ \t]*(?:"
    + YEAR
    + r")[ \t]*年度?[ \t]*[）)])"
)
# What a web page says of itself after the report: its links, publisher and notices.
# A paragraph that starts so is prose wherever it stands (it is no row of a table). A
# line holds one of the words for the pattern to match: a substring test first is a
# fraction of the pattern's search over a megabyte-long line.
_CHROME_STARTS = (
    "相关链接",
    "主办单位",
    "承办单位",
    "版权所有",
    "网站标识码",
    "网站地图",
    "联系我们",
)
# What opens a government page's record of the document it publishes, a table before
# the report (索引号 | … | 发布机构 | …; 信息公开元数据 above it)
_RECORD = re.compile(
    r"[\s*#|>]*(?:信息公开元数据|索引号|发布机构|发文机关|发布日期|公开日期|成文日期|"
    r"生成日期|主题分类|公开方式|信息来源)"
)
_CHROME_WORDS = (*_CHROME_STARTS, "ICP备")  # (that one after a province's abbreviation: 京ICP备)
_CHROME = re.compile("(?:" + "|".join(_CHROME_STARTS) + r"|[^\s]{0,4}ICP备)")
_RUN_IN_CHROME = re.compile(r"(?<=\s)" + _CHROME.pattern)
# A line naming an attached file ("附件：2024年政府信息公开工作年度报告统计表", "附件1:"):
# a paragraph of that line alone is prose, wherever it stands (after a part's table it
# was a table of its own, with none of the table's rows)
_ATTACHMENT = re.compile(r"[\s*#|>]*附件[0-9一二三四五六七八九]?:")
# what a line must hold for a run-in part heading to match
_PART_MARKS = ("部分", "、", ".", ",", ":", "(")
# What may end a part heading: a sentence end, a colon, or a space before the next word
_HEADING_ENDS = " \t。:;,"
# A subsection run into such a line: after a space or a sentence end, "（二）".
_RUN_IN_SUB = re.compile(r"(?<=[\s。;])\([一二三四五六七八九十]{1,2}\)")
# A note on a table, under it or above it ("注：本表数据统计时限为…。", "说明:", "备注1:"),
# up to its first full stop: prose, a paragraph of its own even where no line is blank
# between it and the table's rows (one full stop would make them prose with it). A note
# with no full stop is left in the table's text, where it does no harm.
_NOTE_WORDS = r"(?:注|备注|(?:填报|填表|数据)?说明|注释)[0-9一二三四五六七八九]?:"
_NOTE = re.compile(r"[\s*#|>]*" + _NOTE_WORDS)
# the same run into a web page's line, after a space or a sentence end
_RUN_IN_NOTE = re.compile(r"(?<=[\s。;])" + _NOTE_WORDS)
_MAX_NOTE = 400  # no note on a table is longer, to its first full stop
_MAX_OPEN_NOTE = 80  # nor one with no full stop (a longer line may hold the table after it)
# A table's unit ("单位：件", "（单位：件）", "金额单位：万元"), canonical; on a line of its
# own, a note on the table, not one of its lines (under a part heading whose table is
# given elsewhere, "见附表", it is no table at all)
_UNIT_TEXT = re.compile(
    r"[ \t]*\(?[ \t]*(?:计量|金额|数量)?单位[ \t]*:[ \t]*(?:"
    + _UNIT.pattern
    + r")(?:[ \t]*[、,/;][ \t]*(?:"
    + _UNIT.pattern
    + r"))*[ \t]*\)?"
)
# What may stand between the items of a list written on one line
_LIST_MARKS = " \t;:,。、"
# A shorter line is cut only when two part headings or more are run into it.
_LONG_LINE_WITH_PARTS = 200
# A part heading run into a line: after a space or a sentence end, an ordinal and its
# mark as a heading at a line's start has them (``二、``, ``二 、``, ``二,``, ``（二）``),
# then the title up to the next white space or sentence end (a title has neither).
_RUN_IN_PART = re.compile(
    r"(?:(?<=[\s。;:])|^|(?P<bracket>\[))"
    r"(?:第(?P<nth>[一二三四五六])部分[、.:]?|(?P<num>[一二三四五六七八九十])[ \t]*[、.,:]"
    r"|\((?P<par>[一二三四五六])\))"
    r"[ \t]*(?P<title>[^\s。;:\]]{2,40})"
)
# A part's own title spaced out run into a line ("… 一、总 体 情 况 （一）…"), or into its
# heading's line, as a short title is set in a Word document or web page: a character,
# then each one after a space and not followed by another (that starts the text after
# it: "一、总 体 情 况 本年度…"). Compiled where first needed (2 ms at every start, for a
# line few reports have).
_SPACED_TITLE = r"[\u4e00-\u9fff](?:[ \t]{1,3}[\u4e00-\u9fff](?![\u4e00-\u9fff])){2,}"
# the same run into the text with no space after its last character ("一、总 体 情 况本年
# 度…"), where that reading is no own title
_SPACED_TITLE_RUN_ON = r"[\u4e00-\u9fff](?:[ \t]{1,3}[\u4e00-\u9fff]){2,}"
_RUN_IN_SPACED = (
    r"(?:(?<=[\s。;:])|^)(?P<num>[一二三四五六])[ \t]*[、.,:][ \t]*(?P<title>" + _SPACED_TITLE + ")"
)
# A part's own title run into a line, numbered other than the format says or not at all
# (``2.主动公开政府信息情况``, ``二 主动公开…``, ``主动公开…``: a list's numbers lost in
# a copy from the page), as a whole word: after a space or a sentence end, before one,
# a bracket (its unit) or the line's end; or as a table's title (_TABLE_TITLE: "附表2：
# 收到和处理政府信息公开申请情况", "表3 …情况统计表"). Found by the title, then this is
# looked for just before it (searched up to the title; see LineLexer._own_titles_in).
_OWN_ORDINAL = (
    r"(?:(?<=[\s。;:])|^)"
    r"(?:(?P<numeral>[一二三四五六])\)?[ \t]*"
    r"|(?:\(|第)?(?P<arabic>[1-6])[ \t]*(?:\)|部分[ \t]*[、.,:]?|[、.,:])[ \t]*"
    r"|(?P<table>" + _TABLE_NUMBER + r"))?$"
)
_OWN_ORDINAL_REACH = 8  # how far before a title its ordinal may start
_OWN_TITLE_ENDS = frozenset(" \t\n\r\f\v。;:(")
_UNIT_REACH = 6  # how far after a title its table's unit may start ("  （单位")
# An annex's table referred to by its number ("详见附表2"), and such a number alone on a
# line, over its table in the annex ("附表2", "附表2："), or run into one as a word. These
# and _AFTER_LABEL_STOP are compiled where first needed, as _TABLE_TITLE is (few reports
# ask for them; every process would compile them at its start).
_ANNEX_NUMBER = r"附表(?P<number>[1-9]|10|[一二三四五六七八九十])"
_ANNEX_LABEL = _ANNEX_NUMBER + r"[ \t]*[:.、]?"
_RUN_IN_ANNEX = r"(?:(?<=[\s。;:])|^)" + _ANNEX_LABEL + r"(?=\s|$)"
# A part's number ending a line after its text, its title starting the next (web page
# text broken as "… 36 3.53 三、" / "收到和处理政府信息公开申请情况 …"): cut off as a line
# of its own, it is the title's number as a number alone on the line above a title is.
_ENDING_ORDINAL = re.compile(r"(?<=[\s。;:])" + _PART_ORDINAL + r"[ \t]*$")
_ENDING_ORDINAL_MARKS = frozenset("、.,:分")  # what such a line ends with (a cheap test)
_ENDING_ORDINAL_TAIL = (*_ENDING_ORDINAL_MARKS, " ", "\t")  # (the same, or white space)
_NO_ANNEXES: Mapping[int, str | None] = types.MappingProxyType({})
# What follows a full stop that ends a row's label: the row's numbers (three at least,
# or run together: three digits or more and no word after them), on its line or the
# next, or the line's end
_AFTER_LABEL_STOP = (
    r"[\s|]*(?P<numbers>[0-9]+(?:[ \t|]+[0-9]+){2}|[0-9]{3,}(?=[ \t|\n]|$))"
    r"|[ \t|]*(?:\n|$)"
)
_MIN_STOP_KEY = 4  # a row label's key so short ("规章") may end a sentence
_TABLE_REACH = 600  # how far into a table its first rows' labels and numbers stand
_TABLE_NUMBERS = 2  # and so many numbers at least (two rows' each run together)
_SENTENCE_MARKS = ",。;"  # (canonical text's comma and semicolon)
_BRACKETED = re.compile(r"\([^()]*\)")
_MAX_RAW_TITLE = 8 * _MAX_TITLE
_MAX_HEADING = 40
_MAX_WEAK_HEADING = 20
# A line numbered as parts are ("二、…"), as an item of a part's own list (see
# _State.list_next); and the characters such a line starts with (a cheap test first)
_LIST_ITEM = re.compile(r"[ \t*#>]*(?P<num>[一二三四五六七八九十])[ \t]*[、.,:]")
_LIST_OPENERS = frozenset("*#一二三四五六七八九十")  # (not white space: table lines start so)
_ANY_NUMBER = -1  # (a part headed "第一部分": any such line is an item of its list)
_MAX_BARE = 40  # longer than any standard part title, with room for stray spaces
_MAX_SUBTITLE = 24
_MIN_CONTENTS = 3  # part headings in a row, with nothing between, that make a 目录
_MAX_TITLES = 4096  # heading titles (and label keys) a lexer remembers (LineLexer._title)
_MAX_TEXT_LINES = 1024  # digit-free table lines whose cells a lexer remembers
# Characters of table lines a report's tables are read from. A real report's tables are
# 1 000 to 3 000 (the corpus, generated reports in every layout); cutting table text into
# cells costs about 120 MB and 2.5 s a million characters, so a data dump of 50 MB (a TSV
# export in a folder of reports) would cost gigabytes. Table lines past it are left uncut
# and unread, and the report says so (GI901, whose documentation names the figure).
TABLE_TEXT = 1_000_000


@attrs.frozen(slots=True)
class HeadingMatch:
    """What a part heading line says: the ordinal as written, the part its title names."""

    written: str | None
    part: str | None
    start: int
    title_start: int
    title_end: int
    recognised: bool


class LexCell(NamedTuple):
    """One cell of a table line: its kind, its canonical text and its offsets."""

    kind: str
    text: str
    start: int
    end: int


class RowLine(NamedTuple):
    """A table line that is text cells and then a run of plain numbers to its end (the
    usual row line: ``规章 68 291 32``, ``| 规章 | 68 | 291 | 32 |``). The numbers are kept
    as their texts and the run as written, not cut into cells: the table reader reads a
    row's values from them, and a cell's place is worked out only when something asks
    (:meth:`cells` gives exactly the cells the line would otherwise have been cut into)."""

    label: tuple[LexCell, ...]  # the cells before the numbers: text, and empty cells
    run: str  # the numbers and what separates them, as written
    start: int  # where the run starts
    end: int  # and ends
    numbers: tuple[str, ...]

    def cells(self) -> tuple[LexCell, ...]:
        """The line's cells: its label's, then its numbers' (:meth:`value_cells`)."""
        return self.label + self.value_cells()

    def value_cells(self) -> tuple[LexCell, ...]:
        """One VALUE cell per number. (Separators hold no digit, so each number is the
        first match of its text after the one before.)"""
        out = []
        find = self.run.find
        at = 0
        base = self.start
        for number in self.numbers:
            at = find(number, at)
            out.append(_new_cell(("VALUE", number, base + at, base + at + len(number))))
            at += len(number)
        return tuple(out)


TableLine = tuple[LexCell, ...] | RowLine  # a line of a table run, as the lexer read it


class LaterReport(NamedTuple):
    """A report after the first in a text that holds several: where its title starts and
    ends."""

    start: int
    end: int


@attrs.frozen(slots=True)
class LexResult:
    """The tokens of a text, each carrying what the lexer read in it (see
    :class:`gilint.tokens.Lexeme`), and the first table line left unread once the
    report's table text passed :data:`TABLE_TEXT` (its start and end), if one was."""

    tokens: list[Token]
    unread_table: tuple[int, int] | None = None
    # the reports after the first in a text that holds several: the tokens are then the
    # first report's, up to the first of them
    more_reports: tuple[LaterReport, ...] = ()
    # the stretch of the text the tokens read, where that is not all of it: one report of
    # a text that holds several (its start and end)
    extent: tuple[int, int] | None = None


class _Reading(NamedTuple):
    """One reading of a text, and what it found that only the whole text shows: the
    lines that followed a page number (their start and text; headings aside), and the
    part headings with no number that a heading with the part's own number superseded
    (their starts)."""

    result: LexResult
    heads: list[tuple[int, str]]
    superseded: frozenset[int]


class _Line(NamedTuple):
    """A line of the text (without its line break) and the offset where it starts."""

    start: int
    text: str

    @property
    def end(self) -> int:
        """Where the line's text ends, trailing white space left out."""
        return self.start + len(self.text.rstrip())


def heading_of(token: Token) -> HeadingMatch:
    """The heading a PART token is."""
    payload = getattr(token, "payload", None)
    assert isinstance(payload, HeadingMatch), token
    return payload


def lines_of(token: Token) -> tuple[TableLine, ...]:
    """The lines of a TBLOCK token as the lexer read them: row lines uncut."""
    payload = getattr(token, "payload", None)
    assert isinstance(payload, tuple), token
    return payload


def cells_of(token: Token) -> tuple[tuple[LexCell, ...], ...]:
    """The lines of cells of a TBLOCK token, row lines cut into cells too."""
    return tuple(cut_lines(lines_of(token)))


def cut_lines(lines: Iterable[TableLine]) -> Iterator[tuple[LexCell, ...]]:
    """Table lines as cells: each row line cut (:meth:`RowLine.cells`)."""
    for line in lines:
        yield line.cells() if isinstance(line, RowLine) else line


class LineLexer:
    """One lexer per template set. :meth:`lex` is re-entrant: its state is local, but for a
    bounded memo of heading titles (a pure function of the title)."""

    def __init__(self, templates: TemplateSet) -> None:
        self._parts: tuple[PartSpec, ...] = templates.parts
        table_parts = {t.part for tpl in templates.templates for t in tpl.tables}
        self._table_parts = frozenset(table_parts)
        self._bare_titles = {compact_key(p.title): p.ordinal for p in self._parts}
        # a key's first character is the line's, unless the line opens with a quote
        self._bare_openers = frozenset(k[0] for k in self._bare_titles if k) | frozenset(
            "\"'“‘「『"
        )
        self._may_head = re.compile(
            _MAY_HEAD.format(
                openers=re.escape("".join(sorted(self._bare_openers))),
                starts="|".join(re.escape(p.title[:3]) for p in self._parts),
            )
        )
        self._titles: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._row_labels: dict[str, bool] = {}  # (see _is_row_label)
        self._own_titles = {p.title: p.ordinal for p in self._parts}
        # each part's own title, and its key
        self._own_of = {p.ordinal: (p.title, compact_key(p.title)) for p in self._parts}
        # a part's own title, then its first paragraph on the line (see match_heading)
        self._own_title_then_text = re.compile(
            "(?:" + "|".join(map(re.escape, self._own_titles)) + f")(?={_TEXT_AFTER_TITLE})"
        )
        # cells of digit-free table lines, at offsets from the line's start
        self._text_lines: dict[str, Remembered] = {}
        # the label cells of row lines (see _row_line)
        self._labels: Labels = {}
        self._captions = CaptionForm.of(
            tuple(dict.fromkeys(p for t in templates.templates for p in t.caption_patterns))
        )
        self._near = candidates(
            r for tpl in templates.templates for t in tpl.tables for r in t.rows
        )
        self._row_keys: tuple[str, ...] = tuple(
            sorted(
                {
                    k
                    for tpl in templates.templates
                    for t in tpl.tables
                    for r in t.rows
                    for k in r.match_keys()
                }
            )
        )
        self._stop_keys = tuple(k for k in self._row_keys if len(k) >= _MIN_STOP_KEY)
        # what only a table's text holds: its rows' labels, its columns' headings
        self._table_words = frozenset(self._row_keys) | {
            compact_key(word)
            for tpl in templates.templates
            for t in tpl.tables
            for c in t.columns
            for word in (*c.label.split("·"), *c.aliases)
        }

    # -- headings ---------------------------------------------------------------------

    def _title(self, raw_title: str) -> tuple[str, tuple[str, ...]]:
        """A heading title's key and the parts whose keywords it holds, remembered: the
        same titles and row labels recur line after line and report after report."""
        found = self._titles.get(raw_title)
        if found is None:
            title_key = compact_key(raw_title)
            parts = tuple(p.ordinal for p in self._parts if any(k in title_key for k in p.keywords))
            if len(self._titles) >= _MAX_TITLES:
                self._titles.clear()
            found = self._titles[raw_title] = (title_key, parts)
        return found

    def _near_own_title(self, title_key: str, written: str | None) -> str | None:
        """The part numbered ``written`` where ``title_key`` is its own title but for an
        edit for every five characters, one at least (an OCR's or a typist's wrong
        character: "存在的主要问趣及改进情况", "其他需要报吿的事项"); None otherwise."""
        own = self._own_of.get(written or "")
        if own is None or not title_key:
            return None
        return written if a_character_off(title_key, own[1]) else None

    def _spaced_own_title(self, raw_title: str, written: str | None) -> str | None:
        """The part's own title spaced out at the start of ``raw_title``, the text after
        it on its line, where the part's number is ``written``; None where it is not."""
        for pattern in (_SPACED_TITLE, _SPACED_TITLE_RUN_ON):
            spaced = re.compile(pattern).match(raw_title)
            if (
                spaced is not None
                and self._bare_titles.get(self._title(spaced.group())[0]) == written
            ):
                return spaced.group()
        return None

    @staticmethod
    def _part_for_title(matches: tuple[str, ...], written: str | None) -> str | None:
        if written in matches:
            return written
        return matches[0] if matches else None

    def match_heading(
        self,
        line: _Line,
        seen: set[str],
        last: int,
        tabled: AbstractSet[str] = frozenset(),
        annexes: Mapping[int, str | None] = _NO_ANNEXES,
        list_next: int = 0,
    ) -> HeadingMatch | None:
        """A part heading on this line, if it is one (see the module docstring).
        ``tabled`` are the parts whose tables have been met, ``annexes`` the parts whose
        prose referred to a table of the annex by its number. ``list_next``: the number
        that continues the part's own list (see _State.list_next): a line numbered so
        heads a part only where its title names the part its number says."""
        if self._may_head.match(line.text) is None:
            return None
        m = _PART.match(line.text)
        if m is None:
            return self._bare_heading(line, seen, last, tabled, annexes)
        written = m.group("nth") or m.group("num") or m.group("par")
        start = line.start + m.end("debris")
        title_start = line.start + m.start("title")
        raw_title = m.group("title").rstrip()
        if "[" in m.group("debris") and raw_title.rstrip("*").endswith("]"):
            # a heading in brackets: "【一、总体情况】", "**【一、总体情况】**"
            raw_title = raw_title.rstrip("*")[:-1].rstrip()
        # (numbered in parentheses, a part's own title with text after it is a subsection:
        # "（二）主动公开政府信息情况 本年度…" in part 一)
        own = None if m.group("par") else self._own_title_then_text.match(raw_title)
        if own is not None:  # "六、其他需要报告的事项 本年度本机关未收取…"
            raw_title = own.group()
        else:
            cut = (_TITLE_STOP if "单位" in raw_title else _SENTENCE_END).search(raw_title)
            if cut is not None:  # a run-in heading: "一、总体情况。2024年，……"
                raw_title = raw_title[: cut.start()]
            words = raw_title.replace("|", " ").split()
            if (
                len(words) > 1
                and m.group("num") in self._table_parts
                and raw_title.startswith(words[0])
                and self._opens_no_row(words[1])
                and self._titles_table(
                    line.text,
                    m.group("num"),
                    self._title(words[0])[0],
                    (after := m.start("title") + len(words[0])),
                    _RUN_IN_PART.finditer(line.text, after),
                )
            ):  # its table after it ("二、主动公开情况 第二十条第（一）项 信息内容 … 27 74.90")
                raw_title = words[0]
            elif words and _NUMBER.fullmatch(words[-1]):
                return None  # a table row ("一、本年新收… 0 0 0", "| 四、结转… | | 7 | |")
            elif (
                (len(words) > 1 or "(" in raw_title)
                and not m.group("par")
                and self._title(raw_title)[0] not in self._bare_titles
            ):
                spaced = self._spaced_own_title(raw_title, written)
                if spaced is not None:
                    raw_title = spaced  # its own, spaced out: "一、总 体 情 况 2024年，…"
                elif (
                    head := re.compile(_TITLE_THEN_TEXT).match(m.group("title"))
                ) is not None and (head.group("sub") or self._title(head.group())[1]):
                    raw_title = head.group()
        title_key, matches = self._title(raw_title)
        if len(title_key) > _MAX_HEADING:
            return None
        title_end = title_start + len(raw_title.rstrip())
        other = m.group("arabic") or m.group("bare")
        if other is not None:
            # numbered other than the format says: the part's own title and number, once
            part = self._bare_titles.get(title_key)
            if part is None or numeral_value(part) != numeral_value(other) or part in seen:
                return None
            return HeadingMatch(other, part, start, title_start, title_end, True)
        part = self._part_for_title(matches, written)
        if part is None and not m.group("par"):
            part = self._near_own_title(title_key, written)  # ("五、存在的主要问趣及改进情况")
        if (
            part is not None
            and m.group("par")
            and (
                part != written
                or len(title_key) > _MAX_WEAK_HEADING
                or any(c.isdigit() for c in raw_title)
            )
        ):
            # "（一）主动公开政府信息情况" in part 一, "（二）全年共主动公开政府信息 120 条，…":
            # subsections whose titles echo a part's. A part numbered in parentheses says
            # its own number, and its title is a title, not the start of a sentence.
            return None
        if part is not None:
            if part != written and self._listed(m, list_next):
                return None  # ("第一部分 总体情况" / "二、依申请公开政府信息情况")
            if part == written or part not in seen:
                return HeadingMatch(written, part, start, title_start, title_end, True)
            if part in self._table_parts and part not in tabled:
                # a part met before, without its table: reports that number their
                # narrative first put the tables after it under headings of their own
                # ("二、收到和处理…" where 三 belongs); the builder decides from what
                # follows whether this heading continues the part or repeats it
                return HeadingMatch(written, part, start, title_start, title_end, True)
            return None
        # No keyword: a numbered line is a heading with a nonstandard title only when it is
        # short, comes next in order and is not the start of a table row label.
        if (
            m.group("num")
            and numeral_value(written or "") == last + 1
            and last + 1 <= len(self._parts)
            and 0 < len(title_key) <= _MAX_WEAK_HEADING
            and not raw_title.rstrip().endswith(("。", ";", ","))
            and not self._is_row_label(compact_key(line.text.strip(_MARKUP)))
            and not self._listed(m, list_next)  # ("一、总体情况" / "一、…" / "二、…")
        ):
            return HeadingMatch(written, written, start, title_start, title_end, False)
        return None

    def _bare_heading(
        self,
        line: _Line,
        seen: set[str],
        last: int,
        tabled: AbstractSet[str],
        annexes: Mapping[int, str | None],
    ) -> HeadingMatch | None:
        """A line that is exactly a part's standard title, with no ordinal, or a table's
        title that is (_TABLE_TITLE), or the number of a table of the annex that one
        part's prose referred to ("附表2", where part 三 said "详见附表2"). Where that part
        was met before, without its table, and the last part since, the line heads its
        table as a continuation of it (as a numbered heading does after the narrative,
        :meth:`match_heading`): reports that give their tables in an annex title them so.
        A table's title within the parts, as a table's title most often stands (over its
        table, or named in another part), is no heading."""
        stripped = line.text.strip(" \t*#|>")
        if not stripped or len(stripped) > _MAX_BARE:
            return None
        if "单位" in stripped:  # the table's unit after the title: "…情况（单位：件）"
            unit = _TITLE_STOP.search(stripped)
            stripped = stripped[: unit.start()] if unit is not None else stripped
        title = stripped
        captioned = stripped[0] in "附表"
        ordinal: str | None = None
        if captioned:
            label = re.compile(_ANNEX_LABEL).fullmatch(stripped)
            if label is not None:  # the annex's table a part referred to by number
                ordinal = annexes.get(numeral_value(label.group("number")))
                title = label.group()
            else:
                found = re.compile(_TABLE_TITLE).fullmatch(stripped)
                if found is None:
                    return None
                title = found.group("title")
                ordinal = self._bare_titles.get(compact_key(title))
        elif stripped[0] in self._bare_openers:
            ordinal = self._bare_titles.get(compact_key(title))
        if ordinal is None:
            return None
        continues = (
            ordinal in seen
            and ordinal in self._table_parts
            and ordinal not in tabled
            and last >= len(self._parts)
        )
        if (captioned or ordinal in seen) and not continues:
            return None
        start = line.start + line.text.index(stripped[0])
        title_start = line.start + line.text.index(title, start - line.start)
        return HeadingMatch(None, ordinal, start, title_start, title_start + len(title), True)

    def _opens_no_row(self, word: str) -> bool:
        """Whether ``word``, the one after a numbered title, is neither a number nor the
        start of a row's label: what follows the title is not a row's numbers or its
        sub-rows ("三、本年度办理结果 （一）予以公开 6 …"), so a line ending in a number may
        still be a heading and its table ("二、主动公开情况 第二十条第（一）项 …")."""
        return _NUMBER.fullmatch(word) is None and not self._is_row_label(compact_key(word))

    @staticmethod
    def _listed(m: re.Match[str], list_next: int) -> bool:
        """Whether the line ``m`` matched (_PART) is numbered as the part's own list goes
        on (see _State.list_next): a subsection, unless its title names its part."""
        written = m.group("num")
        return written is not None and list_next in (_ANY_NUMBER, numeral_value(written))

    def _list_after(self, text: str, list_next: int) -> int:
        """The number that continues a part's own list after its line ``text``, which
        heads no part: 二 after a line numbered 一 (the list begins), the next after one
        numbered ``list_next``; ``list_next`` after any other line, a table's row among
        them ("一、本年新收政府信息公开申请数量 …")."""
        item = _LIST_ITEM.match(text)
        if item is None:
            return list_next
        number = numeral_value(item.group("num"))
        if number not in (1, list_next):
            return list_next
        # (its first word: a row's numbers after its label would make every line new to
        # the memo of row labels)
        word = text.strip(_MARKUP).partition(" ")[0].partition("\t")[0]
        return list_next if self._is_row_label(compact_key(word)) else number + 1

    def _is_row_label(self, line_key: str) -> bool:
        """Whether ``line_key`` starts a row's label or is one a few edits off,
        remembered: the same titles and labels are asked about report after report, and
        each answer compares the key with every row's label."""
        found = self._row_labels.get(line_key)
        if found is None:
            found = any(
                k.startswith(line_key) or line_key.startswith(k) for k in self._row_keys
            ) or near_any(line_key, self._near)
            if len(self._row_labels) >= _MAX_TITLES:
                self._row_labels.clear()
            self._row_labels[line_key] = found
        return found

    # -- lines ------------------------------------------------------------------------

    def _lines(
        self,
        text: str,
        rests: list[Iterator[tuple[int, str]]],
        window: tuple[int, int] | None = None,
    ) -> Iterator[tuple[int, str]]:
        """The lines of the text (from ``window``'s start to its end, if given), each with
        its offset. A long line (web page text kept as one line, or as a few) is cut where
        part headings stand in it (see :meth:`_cut_line`). The reader may leave pieces in
        ``rests`` as it reads a line (what follows a heading on its line, cut where more
        headings stand in it): they come next. Only the positions change hands: the text
        is not touched."""
        line_start = 0 if window is None else window[0]
        lines = text.split("\n") if window is None else text[window[0] : window[1]].split("\n")
        for line in lines:
            start, line_start = line_start, line_start + len(line) + 1
            # (a cheap test on the line's last character before the call)
            ending = _ending_ordinal(line) if line.endswith(_ENDING_ORDINAL_TAIL) else None
            piece = line if ending is None else line[:ending]
            if len(piece) <= _LONG_LINE_WITH_PARTS:
                yield start, piece
                if rests:
                    yield from _pending(rests)
            else:
                for cut in self._cut_line(start, piece):
                    yield cut
                    if rests:
                        yield from _pending(rests)
            if ending is not None:  # the number a line of its own, after the line's text
                yield start + ending, line[ending:]

    def _cut_line(
        self, start: int, piece: str, after_heading: bool = False
    ) -> Iterator[tuple[int, str]]:
        """The pieces of a line that starts at ``start``, each with its offset: cut before
        the ordinal and after the title of each part heading in it, and around the
        report's title, each piece a paragraph of its own as in any other layout. A line
        is cut where it holds two headings or more, or one after the report's title, or
        where it is too long for any paragraph (_LONG_TEXT_LINE), or where it follows a
        heading on its line (``after_heading``: a part's text after its heading, as a web
        page's paragraph or a Word paragraph in bold at its start has it); one heading run
        into a paragraph is left alone."""
        cuts = list(self._heading_cuts(piece))
        # (cut at any heading, subsection or note in it, however few)
        cut_all = after_heading or len(piece) > _LONG_TEXT_LINE
        if not cuts and not cut_all:
            yield start, piece
            return
        if not after_heading and ("年度报告" in piece or "年报" in piece):
            stop = cuts[0] if cuts else len(piece)
            title = _RUN_IN_TITLE.search(piece, 0, stop)
            if title is not None:
                # (the word before the year is the body's, or the page's: "微博")
                body = body_name(piece[title.start() : title.start("year")]) or ""
                begins = title.start() if body.endswith(BODY_ENDS) else title.start("year")
                cuts = sorted({begins, title.end(), *cuts})
            elif (title := re.compile(_RUN_IN_TITLE_YEAR_LAST).search(piece, 0, stop)) is not None:
                body = body_name(title.group("body")) or ""
                begins = title.start() if body.endswith(BODY_ENDS) else title.end("body")
                cuts = sorted({begins, title.end(), *cuts})
        if len(cuts) < 4 and not cut_all and not _after_numbers(piece, cuts):
            yield start, piece  # one heading run into a paragraph: left alone
            return
        if any(word in piece for word in _CHROME_WORDS):
            footer = _RUN_IN_CHROME.search(piece, cuts[-1] if cuts else 0)
            if footer is not None:  # the page's own links and notices after the report
                cuts = sorted({*cuts, footer.start()})
        # each run-in subsection ("（二）改进情况。……") a paragraph of its own, as in
        # every other layout (in a table, a row label starting so is cut from the row
        # before it, which the table reader reads across paragraphs anyway)
        if "(" in piece:
            cuts = sorted({*cuts, *(m.start() for m in _RUN_IN_SUB.finditer(piece))})
        if ":" in piece:  # and each run-in note on a table
            cuts = sorted({*cuts, *_note_cuts(piece)})
        at = 0
        for cut in cuts:
            if cut > at:
                # (marks alone between two headings are nothing: an introduction's
                # list of the parts, "一、总体情况；二、…", is a run of headings)
                if piece[at:cut].strip(_LIST_MARKS):
                    yield start + at, piece[at:cut]
                    yield start + cut, ""  # each piece a paragraph of its own
                at = cut
        yield start + at, piece[at:]

    def _heading_cuts(self, line: str) -> list[int]:
        """Where a long line is to be cut, in order: around each run-in part heading whose
        title names a part (``… 二、主动公开政府信息情况 第二十条…``), whatever its number
        (a renumbered part is still a part), and around each part's own title numbered
        otherwise or not at all."""
        heads: list[tuple[int, int, int]] = []  # (heading start, title start, title end)
        if any(mark in line for mark in _PART_MARKS):
            run_in = list(_RUN_IN_PART.finditer(line))
            for index, found in enumerate(run_in):
                title_key, parts = self._title(found.group("title"))
                if len(title_key) > _MAX_HEADING or not (
                    parts
                    or self._near_own_title(title_key, found.group("num"))
                    or self._heads_table(line, title_key, run_in, index)
                ):
                    continue
                written = found.group("par")
                if written and self._bare_titles.get(title_key) != written:
                    # numbered in parentheses, only a part's own title is a part's
                    # heading: a subsection echoes one ("（一）主动公开情况") or opens a
                    # sentence ("（二）全年共主动公开政府信息 120 条，…", cut here before its
                    # numbers)
                    continue
                end = found.end("title")
                if found.group("bracket") and line.startswith("]", end):
                    end += 1  # the heading in brackets, both with it: "[一、总体情况]"
                heads.append((found.start(), found.start("title"), end))
            if " " in line:
                for found in re.compile(_RUN_IN_SPACED).finditer(line):
                    part = self._bare_titles.get(self._title(found.group("title"))[0])
                    if part is not None and part == found.group("num"):
                        heads.append((found.start(), found.start("title"), found.end("title")))
        numbered = [(start, end) for start, _, end in heads]
        for start, title_start, title_end in self._own_titles_in(line):
            if not any(s <= start < e for s, e in numbered):  # ("第一部分 总体情况")
                heads.append((start, title_start, title_end))
        if "附表" in line:  # an annex's table's number as a word of its own ("附表2")
            annexed = re.compile(_RUN_IN_ANNEX).finditer(line)
            heads.extend((m.start(), m.start(), m.end()) for m in annexed)
        return self._cuts_around(line, heads)

    def _heads_table(
        self, line: str, title_key: str, run_in: list[re.Match[str]], index: int
    ) -> bool:
        """Whether the run-in heading ``run_in[index]``, whose title names no part
        (``二、主动公开情况``), heads its part's table (:meth:`_titles_table`); what is
        numbered so after it in the line is ``run_in`` after it."""
        found = run_in[index]
        # (from the next one: islice would walk the list from its start, each time)
        following = (run_in[later] for later in range(index + 1, len(run_in)))
        return self._titles_table(
            line, found.group("num"), title_key, found.end("title"), following
        )

    def _titles_table(
        self,
        line: str,
        written: str | None,
        title_key: str,
        end: int,
        following: Iterable[re.Match[str]],
    ) -> bool:
        """Whether a heading numbered ``written`` whose title (``title_key``, ending at
        ``end`` in ``line``) names no part (``二、主动公开情况``) heads its part's table:
        numbered as a part that has one, short, no row's label, and the table right after
        it, before anything else in the line numbered so but a row's label (``following``,
        each a match of _RUN_IN_PART; a list's next item, "一、加强组织领导 二、健全工作
        制度 …", is no table)."""
        if (
            written is None
            or written not in self._table_parts
            or len(title_key) > _MAX_WEAK_HEADING
            or self._is_row_label(title_key)
        ):
            return False
        until = len(line)
        for later in following:  # (each looked at once, from the one before)
            if not self._is_row_label(self._title(later.group("title"))[0]):
                until = later.start()
                break
        if not self._table_follows(line, end, until):
            return False
        # a sentence that names the table's rows with numbers ("本年度制发规章 2 件，行政规范
        # 性文件 3 件。") is prose: a table's text has no sentence mark before its numbers
        # but in a bracketed note ("（本列数据的勾稽关系为：第一项加第二项之和，等于…）")
        numbers = _DIGIT_RUNS.finditer(line, end, until)
        second = next(itertools.islice(numbers, _TABLE_NUMBERS - 1, None)).start()
        before = _BRACKETED.sub("", line[end:second])
        return not any(mark in before for mark in _SENTENCE_MARKS)

    def _own_titles_in(self, line: str) -> Iterator[tuple[int, int, int]]:
        """Each part's own title run into ``line`` as a whole word, with its own number or
        none before it (``_OWN_ORDINAL``): where its heading starts, where its title
        starts and ends."""
        for title, part in self._own_titles.items():
            at = line.find(title)
            while at >= 0:
                end = at + len(title)
                before = max(0, at - _OWN_ORDINAL_REACH)
                found = re.compile(_OWN_ORDINAL).search(line, before, at)  # (seldom asked)
                if found is not None and found.group("table"):
                    end += next((len(e) for e in _TABLE_TITLE_ENDS if line.startswith(e, end)), 0)
                if found is not None and (end == len(line) or line[end] in _OWN_TITLE_ENDS):
                    written = found.group("numeral") or found.group("arabic")
                    if written is None or numeral_value(written) == numeral_value(part):
                        yield found.start(), at, end
                at = line.find(title, end)

    @staticmethod
    def _cuts_around(line: str, heads: list[tuple[int, int, int]]) -> list[int]:
        """Where ``line`` is cut around the run-in part headings ``heads`` (each its start,
        its title's start and end)."""
        cuts: list[int] = []
        for start, title_start, end in sorted(heads):
            cuts.append(start)
            # the marks a heading may end with ("二、主动公开政府信息情况。") go with it, as
            # on a line of its own: what follows starts at its first word or cell
            unit_end = None
            if "单位" in line[title_start : end + _UNIT_REACH]:  # the table's unit after it
                # (a numbered title's match runs on into it, to its colon)
                unit = _TITLE_STOP.search(line, title_start, end + 1)
                if unit is not None:
                    end = unit.start()
                written_unit = _UNIT_TEXT.match(line, end)
                unit_end = written_unit.end() if written_unit is not None else None
            after = line[end : end + 8]  # (a few marks at most: not the rest of the line)
            cuts.append(end + len(after) - len(after.lstrip(_HEADING_ENDS)))
            if unit_end is not None:
                cuts.append(unit_end)  # (the unit a piece of its own: a note on the table)
        return cuts

    # -- the main loop ----------------------------------------------------------------

    def lex(self, text: str) -> LexResult:
        """The tokens of ``text``: of its first report, where it holds several (a body's
        reports bound in one volume), read again over its lines up to the second's title
        (:func:`_later_reports`); the others are read by :meth:`lex_report`."""
        result = self._read(text)
        more = _later_reports(result.tokens)
        if not more:
            return result
        first = (0, more[0].start)
        return attrs.evolve(self._read(text, first), more_reports=more, extent=first)

    def lex_report(self, text: str, start: int, end: int) -> LexResult:
        """The tokens of the report from ``start`` to ``end`` of ``text`` (a later one of
        :attr:`LexResult.more_reports`), at their offsets in ``text``: only its lines are
        read (what stands before it is not read again, however many reports it holds)."""
        return attrs.evolve(self._read(text, (start, end)), extent=(start, end))

    def _read(self, text: str, window: tuple[int, int] | None = None) -> LexResult:
        """The tokens of ``text``. Two things are known only once the whole text has been
        read, and the text is read again without them where it has them: a line that
        follows a page number on two pages or more is a running head (the report's title
        or the body's name at the top of every page of a PDF, in its text), and a part's
        title with no number before it is no heading where a heading with the part's own
        number comes later (a list of the parts in an introduction, "报告由总体情况
        主动公开政府信息情况 …组成", with the parts' numbered headings after it)."""
        first = self._lex(text, frozenset(), frozenset(), window)
        repeated = _running_heads(first.heads)
        if not repeated and not first.superseded:
            return first.result
        return self._lex(text, repeated, first.superseded, window).result

    def _lex(
        self,
        text: str,
        skipped: frozenset[int],
        demoted: frozenset[int],
        window: tuple[int, int] | None = None,
    ) -> _Reading:
        """The tokens of ``text`` (of its lines from ``window``'s start to its end, if
        given) less the lines that start at ``skipped``, with no part heading at
        ``demoted``."""
        after_page = False  # the line before was a page number
        heads: list[tuple[int, str]] = []
        tokens: list[Token] = []
        headings: dict[int, HeadingMatch] = {}  # the part headings so far, by offset
        seen: set[str] = set()
        unnumbered: dict[str, int] = {}  # where a part's first heading had no number
        # the last part heading, where it was in other words (its part, where it starts)
        weak: tuple[str, int] | None = None
        superseded: set[int] = set()
        state = _State(self._table_words)
        paragraph: list[_Line] = []
        # what follows a heading on its line, in pieces where more headings stand in it
        # (a web page's paragraphs kept as a few lines, each a part): read next
        rests: list[Iterator[tuple[int, str]]] = []
        run: list[tuple[int, _Line]] = []  # part headings with nothing between them

        def flush() -> None:
            if paragraph:
                self._emit_paragraph(text, paragraph, state, tokens)
                paragraph.clear()

        def close_run() -> None:
            """Three or more part headings with nothing between them are a table of
            contents (目录), not parts: real parts have content. All but the last (the
            first real part, or the list's end) become prose; the last too where the
            run is a list of the parts from 一 in order, with no part begun again after
            it (an introduction's ``报告由六部分组成：一、总体情况；二、…；六、…。``). A
            heading the whole text showed to be none (``demoted``) becomes prose too, in
            a run or alone, once it has counted in its run."""
            prose = (
                [(i, entry) for i, entry in run if (tokens[i].start_pos or 0) in demoted]
                if demoted
                else []
            )
            if len(run) >= _MIN_CONTENTS:
                numbers = [
                    numeral_value(headings[tokens[index].start_pos or 0].part or "")
                    for index, _ in run
                ]
                listed = numbers[0] == 1 and all(b > a for a, b in itertools.pairwise(numbers))
                last_demoted = (tokens[run[-1][0]].start_pos or 0) in demoted
                prose = run if listed or last_demoted else run[:-1]
            for index, entry in prose:
                start = entry.start + _indent(entry.text)
                del headings[tokens[index].start_pos or 0]
                tokens[index] = make_token("PARA", text, start, entry.end)
            if prose:
                seen.clear()
                seen.update(h.part for h in headings.values() if h.part)
                for part, at in list(unnumbered.items()):
                    if at not in headings:
                        del unnumbered[part]
                state.last_part = max((numeral_value(p) for p in seen), default=0)
            run.clear()

        # a heading's title wrapped onto the next line: the token's index, the heading,
        # and what the part's own title still needs
        wrapped: tuple[int, HeadingMatch, str] | None = None
        # a part's number alone ending a paragraph, kept over blank lines for the title
        # that may follow it ("五、" / "" / "存在的主要问题及改进情况"); the paragraph's
        # otherwise
        held = False
        for start, piece in self._lines(text, rests, window):
            content = piece.strip()
            if not content or ("*" in content and _BLANK.fullmatch(content)):
                wrapped = None
                if held or (
                    paragraph
                    and len(paragraph[-1].text) <= _MAX_ORDINAL_LINE  # (before the call)
                    and _ordinal_alone(paragraph[-1])
                ):
                    held = True
                    continue
                flush()
                continue
            if wrapped is not None:
                index, head, needed = wrapped
                wrapped = None
                if compact_key(content.strip(_MARKUP)) == needed:  # "…行政诉" / "讼情况"
                    end = start + len(piece.rstrip(_MARKUP))
                    head = attrs.evolve(head, title_end=end, recognised=True)
                    tokens[index] = make_token("PART", text, head.start, head.title_end, head)
                    headings[head.start] = head
                    continue
            if (
                len(content) <= _MAX_FURNITURE
                and content[-1] in _FURNITURE_ENDS
                and _PAGE_FURNITURE.fullmatch(content)
            ) or (content[0] in "Pp" and _TITLED_PAGE.fullmatch(content)):
                after_page = True
                continue  # as if the page had not broken here
            if skipped and start in skipped:
                continue  # a running head: the same
            line = _new_line((start, piece))
            if run and (tokens[-1].type != "PART" or state.table_open):
                close_run()  # (a table run read since is something between headings)
            heading = self.match_heading(
                line, seen, state.last_part, state.tabled, state.annexes, state.list_next
            )
            if heading is None and paragraph and len(paragraph[-1].text) <= _MAX_ORDINAL_LINE:
                heading = self._numbered_run_in(paragraph[-1], line, seen, state)
                if heading is not None:  # ("五、" / "存在的主要问题及改进情况 2024年，…")
                    paragraph.pop()
                    line = _new_line((heading.start, text[heading.start : line.end]))
            if after_page:
                after_page = False
                if heading is None and len(content) <= _MAX_RUNNING_HEAD and _one_cell(content):
                    heads.append((start, content))
            if heading is not None:
                if heading.written is None and paragraph:
                    numbered = _numbered_above(heading, paragraph[-1])
                    if numbered is not None:  # ("一、" / "总体情况")
                        heading = numbered
                        paragraph.pop()
                        line = _new_line((heading.start, text[heading.start : line.end]))
                flush()
                state.release_pending(text, tokens)
                state.end_table(text, tokens)
                if run and tokens[-1].type != "PART":
                    close_run()
                run.append((len(tokens), line))
                tokens.append(make_token("PART", text, heading.start, heading.title_end, heading))
                headings[heading.start] = heading
                if heading.part is not None:
                    if heading.part not in seen and heading.written is None:
                        unnumbered[heading.part] = heading.start
                    elif (
                        heading.part in unnumbered
                        and heading.written is not None
                        and numeral_value(heading.written) == numeral_value(heading.part)
                    ):  # the part's own number: the title before it was none
                        superseded.add(unnumbered.pop(heading.part))
                    if weak is not None and weak[0] == heading.part and heading.recognised:
                        # its own title next, no other part between: the heading in other
                        # words before it was an item of the part before ("二、加强组织领导")
                        superseded.add(weak[1])
                    weak = None if heading.recognised else (heading.part, heading.start)
                    seen.add(heading.part)
                    state.part = heading.part
                    state.last_part = max(state.last_part, numeral_value(heading.part))
                state.list_next = _ANY_NUMBER if text.startswith("第", heading.start) else 0
                state.in_front = False
                if heading.part is not None:  # a title that is the start of the part's own
                    own, own_key = self._own_of[heading.part]
                    written_title = text[heading.title_start : heading.title_end]
                    title_key = self._title(written_title)[0] if written_title != own else ""
                    if (
                        title_key
                        and len(title_key) < len(own_key)
                        and own_key.startswith(title_key)
                    ):
                        wrapped = (len(tokens) - 1, heading, own_key[len(title_key) :])
                rest = text[heading.title_end : line.end]
                if rest.strip(_HEADING_ENDS):
                    offset = heading.title_end + len(rest) - len(rest.lstrip(_HEADING_ENDS))
                    rests.append(self._cut_line(offset, text[offset : line.end], True))
                held = False
                continue
            if (
                state.part is not None
                and not state.table_open
                and state.list_next != _ANY_NUMBER
                and line.text[:1] in _LIST_OPENERS
            ):  # (a line of the part's own list, or one that begins it)
                state.list_next = self._list_after(line.text, state.list_next)
            if held:  # (no title followed the number: the number is a paragraph)
                held = False
                flush()
            if paragraph:
                body = line.text
                if (_SUB.match(body) and not _is_cell_line(body)) or (
                    ":" in body and _NOTE.match(body)
                ):
                    flush()  # a subsection or a note begins a paragraph
            paragraph.append(line)
        flush()
        state.release_pending(text, tokens)
        state.end_table(text, tokens)
        if run and tokens[-1].type != "PART":
            close_run()
        return _Reading(LexResult(tokens, state.unread_table), heads, frozenset(superseded))

    def _numbered_run_in(
        self, above: _Line, line: _Line, seen: set[str], state: _State
    ) -> HeadingMatch | None:
        """The heading whose number stands alone on the line above (``above``) and whose
        title is run into text on ``line`` ("五、" / "存在的主要问题及改进情况 2024年，…"),
        as a heading in large type is broken in a PDF's text: read as the two lines would
        be on one. None where ``above`` is no number alone, or the two make no heading."""
        alone = _ordinal_alone(above)
        if alone is None:
            return None
        ordinal = alone.group("ordinal")
        # the number set just before the line, so that the title's offsets are the line's
        joined = _new_line((line.start - len(ordinal), ordinal + line.text))
        heading = self.match_heading(
            joined, seen, state.last_part, state.tabled, state.annexes, state.list_next
        )
        if heading is None or heading.written is None or heading.title_start < line.start:
            return None
        return attrs.evolve(heading, start=above.start + alone.start("ordinal"))

    # -- paragraphs -------------------------------------------------------------------

    def _emit_paragraph(
        self,
        text: str,
        lines: list[_Line],
        state: _State,
        tokens: list[Token],
    ) -> None:
        if (
            state.part in self._table_parts
            and not state.table_open
            and is_page_number(lines[0].text)
        ):
            # a page number between a part's heading and its table (the heading at the
            # foot of a page): no table begins with one number, and read as one it
            # made a table of its own before the table, or table 四's row
            lines = lines[1:]
            if not lines:
                return
        start = lines[0].start + _indent(lines[0].text)
        end = lines[-1].end
        if state.part not in self._table_parts and _RECORD.match(lines[0].text):
            # a web page's record of the document (索引号, 发布机构, …), written as a
            # table before or after the report: front matter above the title, prose
            # after it, never one of the report's tables
            if state.in_front and state.title_open:
                state.pending_title.append((start, end))
            else:
                tokens.append(make_token("PARA", text, start, end))
            return
        if state.in_front and state.title_open:
            # no title is this long even with every space and mark left in (the bound
            # keeps a megabyte-long first paragraph from being keyed whole)
            joined = compact_key(text[start:end]) if end - start <= _MAX_RAW_TITLE else None
            if joined is not None and len(joined) <= _MAX_TITLE and state.front_paragraphs < 3:
                state.pending_title.append((start, end))
                state.front_paragraphs += 1
                if any(w in joined for w in _TITLE_WORDS) or _is_short_title(joined):
                    pending = state.pending_title
                    # the title, and above it the lines naming the body; what stands
                    # before those (a web page's chrome) is front matter, not title
                    first = len(pending) - 1
                    if first > 0 and joined.startswith(_TITLE_ENDING):
                        first -= 1
                    while first > 0 and _issuer_like(
                        text[pending[first - 1][0] : pending[first - 1][1]]
                    ):
                        first -= 1
                    for index, (s, e) in enumerate(pending):
                        s += len(text[s:e]) - len(text[s:e].lstrip(_MARKUP))
                        e -= len(text[s:e]) - len(text[s:e].rstrip(_MARKUP))
                        kind = "TITLE" if index >= first else "FRONT"
                        tokens.append(make_token(kind, text, s, e))
                    state.pending_title.clear()
                    state.title_open = False
                return
            state.release_pending(text, tokens)
        opening = lines[0].text
        if len(lines) == 1 and "单位" in opening and _UNIT_TEXT.fullmatch(opening.strip(_MARKUP)):
            state.add_note(make_token("PARA", text, start, end), tokens)
            return
        if ":" in opening and _NOTE.match(opening):
            ends = next(
                (i for i, ln in enumerate(lines) if ln.text.rstrip(_MARKUP)[-1:] == "。"), None
            )
            if ends is None and len(lines) == 1 and len(opening) <= _MAX_OPEN_NOTE:
                ends = 0  # a short note of one line with no full stop ("*注：本年度无…")
            if ends is not None:  # the note, then what follows it
                state.add_note(make_token("PARA", text, start, lines[ends].end), tokens)
                if ends + 1 < len(lines):
                    self._emit_paragraph(text, lines[ends + 1 :], state, tokens)
                return
        table = self._is_table(lines, state)
        if state.part in self._table_parts:
            at = None
            if not table:
                # the table, then a note on it; the sentences, then the table
                at = self._note_after_table(text, start, end, state)
                if at is None and not state.table_open:
                    at = self._table_after_prose(text, start, end)
            elif ":" in lines[-1].text:  # a note run into a table's last cell ("…\t13 注：…")
                last = lines[-1]
                at = _note_after_number(text, last.start, last.start + len(last.text))
            if at is not None:
                for piece in (
                    [_Line(ln.start, ln.text[: at - ln.start]) for ln in lines if ln.start < at],
                    [_Line(max(at, ln.start), ln.text[max(0, at - ln.start) :]) for ln in lines],
                ):
                    piece = [ln for ln in piece if ln.text.strip()]
                    if piece:
                        self._emit_paragraph(text, piece, state, tokens)
                return
        if (
            table
            and not _CHROME.match(opening.lstrip())
            and not (len(lines) == 1 and "附件" in opening and _ATTACHMENT.match(opening))
        ):
            read = [self._table_line(text, line) for line in state.budgeted(lines, end - start)]
            # (lines left unread past the budget: the run is a table, said to be unread;
            # lines of tab or pipe cells are a table's, whatever they hold)
            state.add_table_lines(
                start,
                end,
                read,
                state.table_evidence
                or len(read) < len(lines)
                or _holds_numbers(read)
                or _has_cell_lines(lines),
            )
            return
        state.end_table(text, tokens)
        if state.part in self._table_parts:
            state.refer(text, start, end)
        sub = _SUB.match(lines[0].text)
        if sub is not None:
            head_end = lines[0].start + sub.end()
            rest_line = text[head_end : lines[0].end]
            cut = _TITLE_END.search(rest_line)
            if cut is not None and len(compact_key(rest_line[: cut.start()])) <= _MAX_SUBTITLE:
                head_end += cut.start()
            elif len(compact_key(rest_line)) <= _MAX_SUBTITLE:
                head_end = lines[0].end
            # the heading from its number to its title's end, without the bold around
            # them ("**（一）存在的主要问题**。……")
            opens = lines[0].start + sub.start("num") - 1
            title_end = head_end
            while title_end > opens and text[title_end - 1] in _MARKUP:
                title_end -= 1
            tokens.append(make_token("SUBHEAD", text, opens, title_end))
            body = head_end
            while body < end and text[body] in " \t\n。:;,":
                body += 1
            if body < end:
                tokens.append(make_token("PARA", text, body, end))
            return
        tokens.append(make_token("PARA", text, start, end))

    def _table_line(self, text: str, line: _Line) -> TableLine:
        """A table line as a row line (:func:`_row_line`) or as cells (:func:`_cells`).
        A line's cells depend on its text alone, and lines without digits (headers,
        wrapped labels) recur report after report: their cells are remembered, at
        offsets from the line's start."""
        body = line.text
        if len(body) > _LONG_LINE:
            return _cells(text, line, self._captions)
        if _DIGIT_RUNS.search(body) is not None:
            row = _row_line(line, self._captions.marks, self._labels)
            return row if row is not None else _line_cells(text, line, self._captions)
        base = line.start
        known = self._text_lines.get(body)
        if known is None:
            cells = _cells(text, line, self._captions)
            if len(self._text_lines) >= _MAX_TEXT_LINES:
                self._text_lines.clear()
            self._text_lines[body] = _relative(cells, base)
            return cells
        return _placed(known, base)

    def _is_table(self, lines: list[_Line], state: _State) -> bool:
        """Whether a paragraph is table lines: in a part that has tables, any paragraph
        but prose (a full stop, but for one that ends a row's label, and no tab or pipe
        cells); elsewhere, cells or lines ending in three numbers."""
        text = "\n".join([line.text for line in lines])
        full_stop = "。" in text
        if state.part in self._table_parts and not state.in_front:
            # (the usual table paragraph has no full stop: no line need be looked at)
            return not full_stop or _has_cell_lines(lines) or self._stops_end_labels(text)
        return _has_cell_lines(lines) or (
            not full_stop and any(_trailing_values(line.text, 3) >= 3 for line in lines)
        )

    def _table_after_prose(self, text: str, start: int, end: int) -> int | None:
        """Where a table starts after the last sentence of a paragraph from ``start`` to
        ``end`` that is prose, in a part with a table: web page text runs the sentence
        under a part's heading into the table ("…情况如下。 第二十条第（一）项 …"), which
        made the whole of it prose, and the part without its table. The table: what
        follows the last full stop, if it holds a row's label or a column's heading and
        two numbers at least (two rows' run together)."""
        at = text.rfind("。", start, end)
        return at + 1 if at >= 0 and self._table_follows(text, at + 1, end) else None

    def _table_follows(self, text: str, at: int, end: int) -> bool:
        """Whether a table starts at ``at`` (before ``end``): a row's label or a column's
        heading and two numbers at least (two rows' run together) within its reach."""
        stop = min(end, at + _TABLE_REACH)
        if len(_DIGIT_RUNS.findall(text, at, stop)) < _TABLE_NUMBERS:
            return False
        key = compact_key(text[at:stop])
        return any(word in key for word in self._table_words)

    def _note_after_table(self, text: str, start: int, end: int, state: _State) -> int | None:
        """Where a note run into a table's last line starts, in a paragraph from ``start``
        to ``end`` that is prose: web page text runs a table and the note under it (or in
        its last row) into one line ("… 8 23 注：本表数据统计截至12月31日。"), whose full
        stop made the whole of it prose, and the part without its table. The note: one
        after a space or a sentence end, right after a number, where what stands before
        it is a table (the sentences before a table too, _table_after_prose)."""
        if text.find(":", start, end) < 0:
            return None
        at = _note_after_number(text, start, end)
        if at is None:
            return None
        if text.find("。", start, at) >= 0 and (
            state.table_open or self._table_after_prose(text, start, at) is None
        ):
            return None
        return at

    def _stops_end_labels(self, text: str) -> bool:
        """Whether every full stop in ``text`` (a paragraph's lines) ends a row's label,
        before the row's numbers ("四、结转下年度继续办理。 5 2 9 0 7 3 26") or as a heading
        over them ("### 四、结转下年度继续办理。"): table lines, not prose."""
        at = text.find("。")
        while at >= 0:
            after = re.compile(_AFTER_LABEL_STOP).match(text, at + 1)
            if after is None:
                return False
            if after.group("numbers"):  # the label may end the cells before it
                if not compact_key(text[max(0, at - _MAX_BARE) : at]).endswith(self._stop_keys):
                    return False
            else:  # the label alone: a heading, where OCR made it one ("### …"), or a
                # line the stop was wrapped from
                line_start = text.rfind("\n", 0, at) + 1
                label = text[line_start:at].strip(" \t")
                if not label and line_start:
                    label = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
                elif not label.startswith("#"):
                    return False
                if compact_key(label.strip(_MARKUP)) not in self._stop_keys:
                    return False
            at = text.find("。", at + 1)
        return True


class _State:
    """What the lexer knows about where it is. (A plain class: mypyc compiles no
    ``attrs.field(factory=...)`` default, see :mod:`gilint.tokens`.)"""

    __slots__ = (
        "annexes",
        "front_paragraphs",
        "in_front",
        "last_part",
        "list_next",
        "notes",
        "part",
        "pending_title",
        "table_evidence",
        "table_lines",
        "table_open",
        "table_paragraphs",
        "table_text_left",
        "table_words",
        "tabled",
        "title_open",
        "unread_table",
    )

    def __init__(self, table_words: AbstractSet[str]) -> None:
        self.table_words = table_words  # the formats' row labels and column headings, keyed
        self.part: str | None = None
        self.last_part = 0
        # the number that continues the part being read's own list of items numbered as
        # parts are: any (_ANY_NUMBER) under a part headed "第一部分", whose report numbers
        # what stands below a part "一、", "二、"; 二 after a line of the part numbered 一
        # (the list begun again: "一、总体情况" / "一、主动公开情况" / "二、…"), and so on;
        # 0 where the part has no such list
        self.list_next = 0
        self.in_front = True
        self.title_open = True
        self.front_paragraphs = 0
        self.pending_title: list[tuple[int, int]] = []
        # the table run being read: its lines of cells and the text they cover, emitted
        # as one TBLOCK when the run ends (see end_table)
        self.table_lines: list[TableLine] = []
        self.table_open = False  # a run has begun (its lines may all be unread)
        self.table_evidence = False  # it holds a number, a placeholder, a caption or cells
        self.table_paragraphs: list[tuple[int, int]] = []  # its paragraphs' spans, in order
        self.notes: list[Token] = []  # notes met within the run, emitted after it
        self.tabled: set[str] = set()  # parts whose tables have been met
        # the annex tables a part's prose refers to ("详见附表2"), by number: that part's
        # (None where two parts name the same)
        self.annexes: dict[int, str | None] = {}
        self.table_text_left = TABLE_TEXT
        self.unread_table: tuple[int, int] | None = None

    def refer(self, text: str, start: int, end: int) -> None:
        """Note the annex tables that the prose of the current part from ``start`` to
        ``end`` refers to."""
        if self.part is None or text.find("附表", start, end) < 0:
            return
        for found in re.compile(_ANNEX_NUMBER).finditer(text, start, end):
            number = numeral_value(found.group("number"))
            if number:
                known = self.annexes.setdefault(number, self.part)
                if known != self.part:
                    self.annexes[number] = None

    def budgeted(self, lines: list[_Line], size: int) -> list[_Line]:
        """The lines of a table paragraph of ``size`` characters to be read: all of them
        while the report's table text, line breaks included, stays within
        :data:`TABLE_TEXT`; from the first line that passes it, none (the first is
        remembered, for the report to say where reading stopped)."""
        if size <= self.table_text_left:  # the usual paragraph: no line need be counted
            self.table_text_left -= size
            return lines
        if self.unread_table is not None:
            return []
        for index, line in enumerate(lines):
            self.table_text_left -= len(line.text) + 1
            if self.table_text_left < 0:
                self.unread_table = (line.start, line.end)
                return lines[:index]
        return lines

    def add_table_lines(self, start: int, end: int, lines: list[TableLine], evidence: bool) -> None:
        """A paragraph of table lines, from ``start`` to ``end``: part of the run.
        ``evidence``: they hold what only a table does (see :meth:`end_table`)."""
        if not self.table_open:
            self.table_open = True
            self.table_paragraphs.clear()
        self.table_lines.extend(lines)
        self.table_paragraphs.append((start, end))
        if evidence and not self.table_evidence:
            self.table_evidence = True
            if self.part is not None:
                self.tabled.add(self.part)

    def end_table(self, text: str, tokens: list[Token]) -> None:
        """The run of table lines read so far, as one token (whose lines may all have
        been left unread: its text is still the run's), then the notes met within it.
        A run that holds no number, placeholder or caption and looks like no table
        (:func:`_looks_tabular`) is no table but its paragraphs (a reference such as
        "（详见附表）" under a part's heading, its tables given after the narrative): read
        as a table, it took that part's table, and the tables after the narrative were
        read as other parts'."""
        if self.table_open:
            lines = tuple(self.table_lines)
            if self.table_evidence or _looks_tabular(lines, self.table_words):
                start, end = self.table_paragraphs[0][0], self.table_paragraphs[-1][1]
                tokens.append(make_token("TBLOCK", text, start, end, lines))
                if self.part is not None:
                    self.tabled.add(self.part)
            else:
                paragraphs = [make_token("PARA", text, s, e) for s, e in self.table_paragraphs]
                self.notes = sorted([*paragraphs, *self.notes], key=_token_start)
            self.table_lines.clear()
            self.table_open = False
            self.table_evidence = False
            if self.notes:
                tokens.extend(self.notes)
                self.notes.clear()

    def add_note(self, note: Token, tokens: list[Token]) -> None:
        """A note on a table: prose that does not part a table's lines (a table's title
        above it, its rows below), emitted after the run it stands in."""
        if self.table_open:
            self.notes.append(note)
        else:
            tokens.append(note)

    def release_pending(self, text: str, tokens: list[Token]) -> None:
        """Short front paragraphs that turned out not to lead to a title are prose."""
        self.title_open = False
        for s, e in self.pending_title:
            tokens.append(make_token("PARA", text, s, e))
        self.pending_title.clear()


def _numbered_above(heading: HeadingMatch, above: _Line) -> HeadingMatch | None:
    """``heading`` (a part's title with no number) with its number from the line above,
    where that line is the part's number alone; None where it is not."""
    alone = _ORDINAL_ALONE.fullmatch(above.text)
    if alone is None or heading.part is None:
        return None
    written = alone.group("nth") or alone.group("num")
    if numeral_value(written) != numeral_value(heading.part):
        return None
    return attrs.evolve(heading, written=written, start=above.start + alone.start("ordinal"))


def _ordinal_alone(line: _Line) -> re.Match[str] | None:
    """The part's number that ``line`` holds alone ("五、", "第五部分"), if it does."""
    if len(line.text) > _MAX_ORDINAL_LINE:
        return None
    return _ORDINAL_ALONE.fullmatch(line.text)


def _ending_ordinal(line: str) -> int | None:
    """Where the part's number that ``line`` ends with, after its text, starts ("… 36
    3.53 三、", its title starting the next line; _ENDING_ORDINAL), if it ends so."""
    if line.rstrip()[-1:] not in _ENDING_ORDINAL_MARKS:
        return None
    ending = _ENDING_ORDINAL.search(line)
    if ending is None or not line[: ending.start()].strip(_MARKUP):
        return None  # (a number alone, or after a heading's marks, is a line already)
    return ending.start()


def _note_after_number(text: str, start: int, end: int) -> int | None:
    """Where a note run into the text from ``start`` to ``end`` right after a number
    starts ("… 8 23 注：本表数据统计截至12月31日。", "…\t13 注：…"): a table's last row
    and the note under it, run into one line. None where no note follows a number."""
    note = _RUN_IN_NOTE.search(text, start, end)
    if note is None or not text[start : note.start()].rstrip()[-1:].isdigit():
        return None
    return note.start()


def _after_numbers(line: str, cuts: list[int]) -> bool:
    """Whether the first heading cut in ``line`` follows a number: a table's last row
    before the next part's heading, as a web page's text runs them together ("… 3 9 18
    五、存在的主要问题及改进情况 …"); prose before a heading ends with a sentence."""
    return bool(cuts) and line[: cuts[0]].rstrip()[-1:].isdigit()


def _pending(rests: list[Iterator[tuple[int, str]]]) -> Iterator[tuple[int, str]]:
    """The pieces left in ``rests``, the last left first: what follows a piece on its
    line comes before the pieces after it."""
    while rests:
        item = next(rests[-1], None)
        if item is None:
            rests.pop()
        else:
            yield item


def _holds_numbers(lines: list[TableLine]) -> bool:
    """Whether table lines hold a number or a placeholder in a cell, or a caption. (Plain
    loops: any() over generators here cost the lexer 0.1 million instructions a report
    more, by tests/benchmarks/instructions.py.)"""
    for line in lines:
        if isinstance(line, RowLine):
            return True
        for cell in line:
            if cell.kind in _TABLE_EVIDENCE:
                return True
    return False


def _has_cell_lines(lines: list[_Line]) -> bool:
    """Whether any of ``lines`` is a line of tab or pipe cells."""
    for line in lines:  # noqa: SIM110 (a plain loop allocates no generator)
        if _is_cell_line(line.text):
            return True
    return False


_TABLE_EVIDENCE = frozenset(("VALUE", "CAPTION"))


def _looks_tabular(lines: Iterable[TableLine], words: AbstractSet[str]) -> bool:
    """Whether table lines with no number (nor tab or pipe cells) look like a table all
    the same (one left blank, or its header alone): a Markdown rule, a line of three
    cells or more, or a cell that is one of ``words``."""
    for line in lines:
        if isinstance(line, RowLine) or len(line) >= _TABULAR_CELLS:
            return True
        for cell in line:
            if cell.kind == "RULE" or (cell.kind == "FRAG" and compact_key(cell.text) in words):
                return True
    return False


_TABULAR_CELLS = 3  # (a unit, a note or a reference to tables elsewhere has fewer)


def _token_start(token: Token) -> int:
    return token.start_pos or 0


def _note_cuts(line: str) -> Iterator[int]:
    """Where a long line is cut around the notes run into it: before each, and after its
    first full stop (one with none is not cut out)."""
    for found in _RUN_IN_NOTE.finditer(line):
        stop = line.find("。", found.end(), found.end() + _MAX_NOTE)
        if stop >= 0:
            yield found.start()
            yield stop + 1


def _is_short_title(key: str) -> bool:
    """Whether a paragraph's key is a title naming the report its 年报."""
    return "年报" in key and _SHORT_TITLE.search(key) is not None


def _later_reports(tokens: list[Token]) -> tuple[LaterReport, ...]:
    """Where the reports after the first begin in a text that holds several: a title
    paragraph naming a report (and the body's name on the lines above it), after a
    report's parts and tables, followed by part 一's heading with only prose between (the
    next report's preamble). A report's title repeated on its own pages, or over its
    body after a table of contents, has no table before it or no part 一 after it. A
    report read before the title is one with a part since the last report's title and a
    table before it, or, without any table, three of its parts (a report of a volume may
    lack its tables, and the one after it is still another report; a table of contents
    lists the parts with nothing between, which the lexer reads as no parts)."""
    found: list[LaterReport] = []
    read = False  # a report read since the last report's title (see above)
    parts: set[str | None] = set()  # the parts since the last report's title
    tables = False
    title: tuple[int, int] | None = None
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "PARA":
            if read and "报" in token:  # (a quick test: no title names no report)
                title = _title_in(tokens, index) or title
            continue
        if kind == "PART" and title is not None and heading_of(token).part == "一":
            found.append(LaterReport(*title))
            parts = set()
        elif kind == "PART":
            parts.add(heading_of(token).part)
        elif kind == "TBLOCK":
            tables = True
        read = bool(parts) and (tables or len(parts) >= _PARTS_READ)
        title = None
    return tuple(found)


_PARTS_READ = 3  # the parts of a report without tables read before another's title


def _report_title(paragraph: str) -> bool:
    """Whether a paragraph is a report's title: short, naming a report and a year, no
    sentence in it (a paragraph saying the last report was published is one). "附件："
    or "图解：" may stand before it, and "解读" after it: a reading of the report laid out
    as one, or a copy of the last year's, is no part of this report either."""
    if len(paragraph) > _MAX_RAW_TITLE or "报" not in paragraph:  # (most paragraphs)
        return False
    key = compact_key(paragraph.strip(_MARKUP))
    return (
        len(key) <= _MAX_TITLE
        and (any(w in key for w in _TITLE_WORDS) or _is_short_title(key))
        and re.search(YEAR, key) is not None
        and not any(c in key for c in "。,;")
    )


def _title_in(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """Where a report's title stands in the paragraph ``tokens[index]``: the paragraph
    itself, or its last line that is one, as PDF text runs the lines of a page together
    ("…未收取信息处理费。" / "示例县示例镇人民政府" / "2024 年…年度报告" / "本报告…"),
    with the lines above it naming the body (:func:`_title_start`); or run into the end
    of a web page's line."""
    token = tokens[index]
    start = token.start_pos or 0
    if _report_title(token):
        return _title_start(tokens, index), token.end_pos or start
    lines = token.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=start))
    for at in range(len(lines) - 1, -1, -1):
        end = starts[at] + len(lines[at].rstrip())
        if _report_title(lines[at]):  # (with its first line set apart: "工作年度报告（2024年）")
            ending = at > 0 and compact_key(lines[at]).startswith(_TITLE_ENDING)
            first = at - 1 if ending else at
        elif at > 0 and _report_title(lines[at - 1] + lines[at]):
            first = at - 1  # a title broken in two ("…工作年" / "度报告", "…公开" / "工作年度报告")
        else:
            continue
        while first > 0 and _body_line(lines[first - 1]):
            first -= 1
        if first == 0:
            return _title_start(tokens, index), end
        line = lines[first]
        return starts[first] + len(line) - len(line.lstrip(_MARKUP)), end
    # web page text kept as one line: the title run into its end, after the page's links
    # and before the next report's preamble (searched for in so much of it)
    last = lines[-1]
    if "信息公开" in last and ("年度报告" in last or "年报" in last):
        tail = max(0, len(last) - _LONG_TEXT_LINE)
        run_in = next(reversed(list(_RUN_IN_TITLE.finditer(last, tail))), None)  # the last
        if run_in is not None:
            at = starts[len(lines) - 1]
            return at + run_in.start(), at + run_in.end()
    return None


def _title_start(tokens: list[Token], index: int) -> int:
    """Where the title whose last paragraph is ``tokens[index]`` begins: with its first
    line set apart ("…2024年政府信息公开" / "工作年度报告") and the body's name above it,
    a paragraph of its own or the last line of the paragraph before (PDF text runs a
    page's lines together)."""
    first = index
    if (
        first > 0
        and tokens[first - 1].type == "PARA"
        and compact_key(str(tokens[index])).startswith(_TITLE_ENDING)
    ):
        first -= 1
    while first > 0 and tokens[first - 1].type == "PARA":
        above = tokens[first - 1]
        last = above.rsplit("\n", 1)[-1]
        if not _body_line(last):
            break
        if len(last) < len(above):  # the paragraph's last line only
            return (above.end_pos or 0) - len(last.lstrip(_MARKUP))
        first -= 1
    opening = tokens[first]
    return (opening.start_pos or 0) + len(opening) - len(opening.lstrip(_MARKUP))


def _body_line(text: str) -> bool:
    """Whether a line is a body's name alone ("示例县示例镇人民政府"): no sentence."""
    return (
        _issuer_like(text)
        and "。" not in text
        and compact_key(text.strip(_MARKUP)).endswith(BODY_ENDS)
    )


def _issuer_like(text: str) -> bool:
    """Whether a short paragraph above a title may be the issuing body's name: no
    digits, no colon, arrow or bar (a breadcrumb, a date, a "来源：" line are not)."""
    key = compact_key(text)
    return (
        0 < len(key) <= _MAX_ISSUER
        and not any(c in text for c in ":>|")
        and not any(c.isdigit() for c in text)
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_cell_line(line: str) -> bool:
    """A line of a tab or pipe table: cells separated by tabs, a Markdown row
    (``| a | b |``), or one cell of an HTML table converted a cell per line (``a |``)."""
    stripped = line.strip()
    return (
        "\t" in stripped
        or (stripped.startswith("|") and stripped.count("|") >= 2)
        or stripped.endswith("|")
    )


def _trailing_values(line: str, enough: int) -> int:
    """How many numbers end the line, counted up to ``enough`` (only the last words are
    split off: a line may be megabytes long)."""
    count = 0
    for word in reversed(line.rsplit(None, enough)[-enough:]):
        if not _NUMBER.fullmatch(word):
            break
        count += 1
    return count


_Piece = tuple[int, int, str | None, str]  # start, end, kind (see _kind), text


def _separated(line: _Line) -> list[_Piece]:
    """The cells of a tab or pipe table line, stripped. Empty cells are kept as
    zero-width pieces of kind ``""``: in these layouts they mean something."""
    pieces, pos = _pieces(line)
    out: list[_Piece] = []
    for piece in pieces:
        body = piece.strip()
        at = pos + len(piece) - len(piece.lstrip())
        out.append((at, at + len(body), _kind(body) if body else "", body))
        pos += len(piece) + 1
    return out


def _words(line: _Line) -> list[_Piece]:
    """The white-space separated words of a line.

    str.split and re's ``\\s`` agree on what white space is; splitting and finding each
    word again is several times faster than re.finditer.
    """
    text = line.text
    base = line.start
    pos = 0
    find = text.find
    out: list[_Piece] = []
    for word in text.split():
        at = find(word, pos)
        pos = at + len(word)
        out.append((base + at, base + pos, _kind(word), word))
    return out


def is_value(text: str) -> bool:
    """Whether a table cell's text is one value as the reader takes it: a number (with a
    unit or not) or a placeholder for zero. A loader writes such a cell once however
    many grid columns it spans (Word draws a table whose parts have different widths on
    one grid), where a label's or a header's span is written as blank cells."""
    body = text.strip()
    return bool(body) and _kind(body) in ("number", "placeholder")


def is_page_number(text: str) -> bool:
    """Whether ``text`` is one whole number of three digits at most and nothing else, as
    a page number a PDF's conversion leaves in the text is (a table's row, even of one
    number, has a label; a report's page number is not four digits long)."""
    number = text.strip()
    return len(number) <= _PAGE_DIGITS and number.isdigit()


_PAGE_DIGITS = 3


def stands_for_none(text: str) -> bool:
    """Whether a table cell's text says "none": a 0 (with a unit or not) or a placeholder
    for zero. Merged over the rest of its row, such a cell stands in each cell it covers
    (a body with nothing to report writes one "无" or "0" over table 四's whole row),
    where another number over several cells is one number."""
    body = text.strip()
    if not body or body[0] not in _NONE_FIRST:
        return False  # (most cells: a label's, a header's)
    kind = _kind(body)
    if kind == "placeholder":
        return True
    digits = "".join(ch for ch in body if ch in "0123456789")
    return kind == "number" and not digits.strip("0")


def _kind(body: str) -> str | None:
    """``number``, ``rule``, ``placeholder``, ``unit``, ``lookalike`` (a letter an OCR puts
    for a digit) or None (text) for a cell's body."""
    if body.isdigit() and body.isascii():
        return "number"  # the usual cell, without a regular expression
    m = _CELL.fullmatch(body)
    if m is not None:
        return m.lastgroup
    if _spaced_number(body):
        return "number"  # stray spaces inside a number in a tab or pipe cell ("1 024")
    return None


# LexCell((kind, text, start, end)) and _Line((start, text)) without the named tuples'
# keyword-handling __new__ (a Python function): once per cell and per line
_new_cell = functools.partial(tuple.__new__, LexCell)
_new_line = functools.partial(tuple.__new__, _Line)
_new_row = functools.partial(tuple.__new__, RowLine)


# A run of more numbers than any table has columns is cut into cells only so far: the
# rest of the run is one MORE cell (how many numbers it holds is counted when a rule
# asks, see :func:`surplus_count`). A 5 MB line of numbers would otherwise be millions of
# cells. Both patterns are bounded, so that neither backtracks over a whole run.
RUN_CELLS = 256
_LONG_LINE = 2 * RUN_CELLS  # a shorter line cannot hold such a run
_RUN_START = re.compile(rf"(?<![^ \t|])[0-9]+(?:[ \t|]+[0-9]+){{{RUN_CELLS}}}")
_RUN_MORE = re.compile(r"(?:[ \t|]+[0-9]+){1,4096}")
_DIGIT_RUNS = re.compile(r"[0-9]+")
_DIGITS_AND_SPACES = str.maketrans("0123456789\t|", "1111111111  ")


def surplus_count(more: str) -> int:
    """How many numbers the text of a MORE cell holds (digits and separators only): each
    number but a first one at the very start follows a separator (" 1" once every digit
    is 1 and every separator a space), counted without a pattern's match per number."""
    marked = more.translate(_DIGITS_AND_SPACES)
    return marked.count(" 1") + marked.startswith("1")


def _cells(text: str, line: _Line, captions: CaptionForm = _CAPTION) -> tuple[LexCell, ...]:
    """The cells of a table line, each classified: a Markdown rule row (one RULE cell),
    numbers and placeholders for zero (VALUE), captions, empty cells and text (FRAG);
    long runs of numbers end in one MORE cell."""
    if len(line.text) <= _LONG_LINE:
        return _line_cells(text, line, captions)
    out: list[LexCell] = []
    pos = 0
    body = line.text
    while (run := _RUN_START.search(body, pos)) is not None:
        head = _new_line((line.start + pos, body[pos : run.end()]))
        out.extend(_line_cells(text, head, captions))
        end = run.end()
        while (more := _RUN_MORE.match(body, end)) is not None:
            end = more.end()
        if end > run.end():
            at = _DIGIT_RUNS.search(body, run.end(), end).start()  # type: ignore[union-attr]
            out.append(_new_cell(("MORE", body[at:end], line.start + at, line.start + end)))
        pos = end
    if pos < len(body) and body[pos:].strip(" \t|"):
        out.extend(_line_cells(text, _new_line((line.start + pos, body[pos:])), captions))
    return tuple(out)


def _line_cells(text: str, line: _Line, captions: CaptionForm) -> tuple[LexCell, ...]:
    """:func:`_cells` for a line without a long run of numbers."""
    if _is_cell_line(line.text):
        cells = _plain_separated(line, captions.marks)
        found = cells if cells is not None else _classify(text, _separated(line), captions, True)
    else:
        cells = _plain_words(line, captions.marks)
        found = cells if cells is not None else _classify(text, _words(line), captions)
    return _without_invented(line.text, found)


def _without_invented(text: str, cells: tuple[LexCell, ...]) -> tuple[LexCell, ...]:
    """A line's cells without the column names a converter invented (``列1``)."""
    if "列" in text or "olumn" in text or "Unnamed" in text:
        return tuple(c for c in cells if c.kind != "FRAG" or not _INVENTED_HEADER.fullmatch(c.text))
    return cells


# A plain number (what _kind calls a number: digits, with a decimal fraction or not, and
# no sign, unit, thousands separator or space in it), as it reads backwards.
_PLAIN_NUMBER_BACKWARDS = r"(?:[0-9]+\.)?[0-9]+"
_PLAIN_FRACTION = re.compile(r"[0-9]+\.[0-9]+")
# The run of numbers that ends a white-space line (words that are plain numbers, from the
# first word from which all are, to the end), matched at the start of the line reversed:
# one pass from the line's end. (Searched forwards, from each word start, a line of
# numbers that ends in a word cost the square of its length: 1.7 ms for 512 characters.)
# Group 1 is the run, reversed; what it leaves at the start is the trailing space. No
# possessive quantifier: backtracking reaches into the last word only, and Python 3.10's
# `re` has none.
_WORD_RUN_BACKWARDS = re.compile(
    rf"\s*({_PLAIN_NUMBER_BACKWARDS}(?:\s+{_PLAIN_NUMBER_BACKWARDS})*)(?!\S)"
)


Remembered = tuple[tuple[str, str, int, int], ...]  # cells at offsets from a line's start


def _relative(cells: tuple[LexCell, ...], base: int) -> Remembered:
    """Cells as remembered: at offsets from ``base``, the start of their line."""
    return tuple((kind, text, start - base, end - base) for kind, text, start, end in cells)


def _placed(known: Remembered, base: int) -> tuple[LexCell, ...]:
    """Remembered cells where their line starts at ``base``."""
    return tuple([_new_cell((k, t, s + base, e + base)) for k, t, s, e in known])


# A row line's label cells remembered by the line's form and its text before the numbers
# (at offsets from the line's start; None: not a row line's label)
Labels = dict[tuple[bool, str], Remembered | None]


def _row_line(line: _Line, marks: str, labels: Labels) -> RowLine | None:
    """The line as a :class:`RowLine`: text cells (or none), then plain numbers to its
    end, each a cell of its own (a word, or a tab or pipe cell). None for any other
    line, and for a line whose text cells :func:`_plain_token` cannot place alone: it
    is cut into cells as any line is. The label's cells are made by the code that
    makes the line's cells (:func:`_plain_cells`), so that cutting the row line gives
    back exactly the cells of the line. Labels recur report after report: their cells
    are remembered in ``labels``."""
    text = line.text
    separated = _is_cell_line(text)
    if separated:
        pieces, pos = _pieces(line)
        bodies = [piece.strip() for piece in pieces]
        first = len(bodies)
        while first:
            body = bodies[first - 1]
            if not ((body.isdigit() and body.isascii()) or _PLAIN_FRACTION.fullmatch(body)):
                break
            first -= 1
        if first == len(bodies):
            return None
        numbers = tuple(bodies[first:])
        # (the first number's cell starts after the label's cells, one separator each)
        at = pos - line.start + sum(map(len, pieces[:first])) + first
        run_start = text.find(numbers[0], at)
        run_end = text.rfind(numbers[-1]) + len(numbers[-1])
    else:
        if "|" in text:
            return None  # a pipe among words is a cell of its own ("a | 5"): not plain
        run = _WORD_RUN_BACKWARDS.match(text[::-1])
        if run is None:
            return None
        run_start = len(text) - run.end(1)
        run_end = len(text) - run.start(1)
        numbers = tuple(text[run_start:run_end].split())
    base = line.start
    key = (separated, text[:run_start])
    if key in labels:
        known = labels[key]
        if known is None:
            return None
        label = _placed(known, base)
    else:
        if separated:
            cut = _plain_cells(line, pieces[:first], pos, marks, separated=True)
        else:
            cut = _plain_cells(line, key[1].split(), 0, marks, separated=False)
        if cut is not None and any(cell.kind == "VALUE" for cell in cut):
            cut = None
        if len(labels) >= _MAX_TEXT_LINES:
            labels.clear()
        if cut is None:
            labels[key] = None
            return None
        label = _without_invented(text, cut)
        labels[key] = _relative(label, base)
    return _new_row((label, text[run_start:run_end], base + run_start, base + run_end, numbers))


def _pieces(line: _Line) -> tuple[list[str], int]:
    """A tab or pipe line's raw cell texts and the offset where the first begins.

    "| a | b |": the text before the first and after the last pipe is no cell."""
    text = line.text.rstrip()
    stripped = text.strip()
    if "\t" in stripped:
        return text.split("\t"), line.start
    if stripped == "|":  # an empty cell of a table converted a cell per line
        at = text.index("|")
        return [""], line.start + at
    if not stripped.strip("|"):
        return [], line.start  # "|||": what merged cells leave, no cell
    if stripped.startswith("|"):  # "| a | b |": the border before the first cell
        first = text.index("|")
        pieces = text[first + 1 :].split("|")
        start = line.start + first + 1
    else:  # "a |": a cell per line, its text before the pipe
        pieces = text.split("|")
        start = line.start
    if pieces and not pieces[-1].strip():
        pieces.pop()
    return pieces, start


def _plain_separated(line: _Line, marks: str) -> tuple[LexCell, ...] | None:
    """:func:`_plain_words` for a tab or pipe line: empty cells kept (EMPTY), as in
    these layouts they mean something."""
    pieces, pos = _pieces(line)
    return _plain_cells(line, pieces, pos, marks, separated=True)


def _plain_words(line: _Line, marks: str) -> tuple[LexCell, ...] | None:
    """The cells of a white-space line whose words are all digits or plain text (the
    usual table line), in one pass; None when some word needs :func:`_classify`."""
    return _plain_cells(line, line.text.split(), 0, marks, separated=False)


def _plain_cells(
    line: _Line, pieces: list[str], pos: int, marks: str, separated: bool
) -> tuple[LexCell, ...] | None:
    """The cells of ``pieces``, the first pieces of a line (all of them, or those before a
    row line's numbers): a tab or pipe line's raw cell texts from offset ``pos``
    (``separated``), else its words; None when one needs :func:`_classify`."""
    out: list[LexCell] = []
    add = out.append
    if separated:
        for piece in pieces:
            body = piece.strip()
            if not body:
                at = pos + len(piece) - len(piece.lstrip())
                add(_new_cell(("EMPTY", "", at, at)))
            else:
                # strip() gives back the very string when there is nothing to strip
                at = pos if body is piece else pos + piece.find(body)
                # a number, the usual cell, without a call (as _kind tests it first)
                token = "VALUE" if body.isdigit() and body.isascii() else _plain_token(body, marks)
                if token is None:
                    return None
                add(_new_cell((token, body, at, at + len(body))))
            pos += len(piece) + 1
        return tuple(out)
    text = line.text
    base = line.start
    find = text.find
    for word in pieces:
        at = find(word, pos)
        pos = at + len(word)
        token = "VALUE" if word.isdigit() and word.isascii() else _plain_token(word, marks)
        if token is None:
            return None
        add(_new_cell((token, word, base + at, base + pos)))
    return tuple(out)


def _plain_token(body: str, marks: str) -> str | None:
    """VALUE for a number, FRAG for plain text; None for what only :func:`_classify`
    can place (a placeholder, unit, rule or caption: it depends on the cells around)."""
    kind = _kind(body)
    if kind == "number":
        return "VALUE"
    if kind is not None:
        return None
    # (one mark, the national formats' 第: a plain substring test, once per cell)
    caption_like = marks in body if len(marks) == 1 else any(m in body for m in marks)
    return None if caption_like else "FRAG"


def _spaced_number(body: str) -> bool:
    return " " in body and _NUMBER.fullmatch(body.strip("*").replace(" ", "")) is not None


def _classify(
    text: str, pieces: list[_Piece], captions: CaptionForm, separated: bool = False
) -> tuple[LexCell, ...]:
    """Cells of a line's pieces (see :func:`_cells`); ``separated``: the pieces are tab
    or pipe cells, not words."""
    out: list[LexCell] = []
    add = out.append
    # a placeholder is a zero after text, or anywhere in a line that has numbers, or in
    # a line of placeholders only (table 四's row with nothing but "/", which has no
    # label): two or more words, or cells (a lone "无" word is a paragraph's, a lone "无 |"
    # cell a table's)
    # A letter an OCR put for a digit ("O", "〇", "l") is a cell of its own as a
    # placeholder is only where it is its line's one cell (a table converted a cell a
    # line: "O |"). Among other cells it stays text, which the table reader places as
    # the cell it stands for (GI205 names it); there it may also be a table's border an
    # OCR read as "l" or "I" ("| l | 规章 | 8 |"), no cell at all.
    placeholders = sum(1 for piece in pieces if piece[2] == "placeholder")
    lone_letter = separated and [piece[2] for piece in pieces if piece[2]] == ["lookalike"]
    has_digits = (
        lone_letter
        or any(piece[2] == "number" for piece in pieces)
        or (
            placeholders > (0 if separated else 1)
            and all(piece[2] in ("placeholder", "") for piece in pieces)
        )
    )
    seen_text = False
    rules = 0
    for s, e, kind, body in pieces:
        if kind == "number":
            seen_text = True
            add(_new_cell(("VALUE", body, s, e)))
            continue
        if kind == "":
            add(_new_cell(("EMPTY", "", s, s)))
            continue
        if kind == "unit" and out and out[-1].kind == "VALUE":
            previous = out[-1]  # "251000 元": a unit split from its number belongs to it
            out[-1] = LexCell("VALUE", text[previous.start : e], previous.start, e)
            continue
        marks = captions.marks
        hit = marks in body if len(marks) == 1 else any(m in body for m in marks)
        if hit and captions.pattern.match(compact_key(body)):
            token = "CAPTION"
        elif kind == "placeholder" or lone_letter:
            token = "VALUE" if seen_text or has_digits else "FRAG"
        else:
            rules += kind == "rule"
            token = "FRAG"
        seen_text = True
        add(_new_cell((token, body, s, e)))
    if rules and rules == sum(1 for piece in pieces if piece[2] != ""):
        first, last = pieces[0][0], pieces[-1][1]
        return (LexCell("RULE", text[first:last], first, last),)
    return tuple(out)


def _running_heads(heads: list[tuple[int, str]]) -> frozenset[int]:
    """Where the running heads stand among the lines that followed a page number
    (``heads``): each such line whose text follows another page number too."""
    counts = Counter(content for _, content in heads)
    return frozenset(start for start, content in heads if counts[content] > 1)


def _one_cell(content: str) -> bool:
    """Whether a line is one piece of text, as a running head is, not a table's cells."""
    return "\t" not in content and "|" not in content
