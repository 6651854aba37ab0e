"""Copied text across reports (GI703): a paragraph of part 一 or 五 that is the same, or
nearly the same, as a paragraph of another report in the run.

Finding the candidates is MinHash locality-sensitive hashing (datasketch): a run over a
province or the country has hundreds of thousands of paragraphs, and comparing every
pair is out of reach. Each candidate pair is then measured exactly (rapidfuzz's
normalised edit similarity), so a finding never rests on an estimate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import attrs

from gilint.findings import Finding, Severity
from gilint.interrupts import interrupts_deferred
from gilint.rule import CorpusRule
from gilint.templates.model import TemplateSet

if TYPE_CHECKING:  # the summaries come from the engine: no import at every start
    from gilint.summary import ReportSummary

# A paragraph shorter than this (characters, after the masking below) is a sentence
# that many reports say alike, not copied content.
MIN_CHARACTERS = 60
# Nearly the same: at least this normalised edit similarity (percent).
SIMILARITY = 90.0
# MinHash over character trigrams; the LSH threshold is below SIMILARITY's Jaccard
# equivalent so that every pair the exact measure accepts is a candidate.
_SHINGLE = 3
_PERMUTATIONS = 64
_LSH_THRESHOLD = 0.5

_DIGITS = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_SPACE = re.compile(r"\s+")
_LEADING_ORDINAL = re.compile(r"^[（(][一二三四五六七八九十]+[）)]|^[0-9]+[.、．]")


@attrs.frozen(slots=True)
class _Paragraph:
    report: int  # index into the summaries
    number: int  # index into the report's paragraphs
    masked: str


def _boilerplate(templates: TemplateSet) -> tuple[str, ...]:
    """What the formats prescribe and every report may say word for word: part titles
    and the overview's aspect titles (with their 情况), longest first."""
    phrases: set[str] = set()
    for template in templates.templates:
        phrases.update(part.title for part in template.parts)
        for aspect in template.overview_aspects:
            phrases.update((f"{aspect.name}情况", aspect.name))
    return tuple(sorted(phrases, key=len, reverse=True))


def masked(text: str, body: str, boilerplate: Sequence[str]) -> str:
    """The paragraph as compared: without spaces, a leading ordinal, the body's own name
    and prescribed phrases, and with every number as ``#`` (last year's paragraph with
    this year's numbers is still a copy)."""
    text = _LEADING_ORDINAL.sub("", _SPACE.sub("", text))
    if body:
        text = text.replace(body, "〇")
    for phrase in boilerplate:
        text = text.replace(phrase, "")
    return _DIGITS.sub("#", text)


class CopiedText(CorpusRule):
    """段落与另一份报告（或本机关上一年度报告）的段落相同或高度相似。

    检查内容：同一次检查的多份报告中，第一部分（总体情况）和第五部分（存在的主要问题及改进情况）
    的段落，与另一份报告的段落相同，或去掉数字、机关名称后相似度达到 90% 以上。年度格式规定的
    标题（如“主动公开情况”）不计入比较；不足 60 个字的段落不检查。同一机关同一年度的两份文件
    （如同一报告的 PDF 和网页版）不互相比较。

    原因：上级通报常把“内容雷同”列为年度报告的问题：照搬上一年度或其他机关的文字，说明报告没有
    如实反映本年度、本机关的工作。

    依据：《中华人民共和国政府信息公开条例》第五十条；各地政务公开工作通报。

    示例：2024 年报告“存在的主要问题及改进情况”一段，除年份外与 2023 年报告完全相同。

    修改方法：按本年度实际情况重写该段落；确属相同的，说明原因。
    """

    code = "GI703"
    name = "copied-text"
    severity = Severity.WARNING
    summary = (
        "A paragraph of part 一 or 五 is (nearly) the same as one of another report in the run."
    )
    extra = "copies"
    modules = ("datasketch", "rapidfuzz")
    reads_prose = True

    def check_corpus(self, summaries: Sequence[ReportSummary]) -> Iterable[Finding]:
        boilerplate = _boilerplate(self.templates)
        paragraphs = [
            _Paragraph(r, n, text)
            for r, summary in enumerate(summaries)
            for n, paragraph in enumerate(summary.paragraphs)
            if len(text := masked(paragraph.text, summary.body, boilerplate)) >= MIN_CHARACTERS
        ]
        best: dict[tuple[int, int], tuple[float, _Paragraph, int]] = {}
        for a, b, score in _similar_pairs(paragraphs):
            for copy, source in ((a, b), (b, a)):
                if not _counts_as_copy(summaries[copy.report], summaries[source.report]):
                    continue
                key = (copy.report, copy.number)
                found = best.get(key)
                if found is None:
                    best[key] = (score, source, 1)
                    continue
                top, other, count = found
                keep = (score, -source.report) > (top, -other.report)
                best[key] = (score, source, count + 1) if keep else (top, other, count + 1)
        for (report, number), (score, source, count) in sorted(best.items()):
            yield self._finding(summaries, report, number, source, score, count)

    def _finding(
        self,
        summaries: Sequence[ReportSummary],
        report: int,
        number: int,
        source: _Paragraph,
        score: float,
        count: int,
    ) -> Finding:
        this, other = summaries[report], summaries[source.report]
        paragraph = this.paragraphs[number]
        start = other.paragraphs[source.number].start
        where = other.span(start, start)
        how = "相同" if score >= 100 else f"高度相似（相似度 {score:.0f}%）"
        more = f"；另有 {count - 1} 份报告的段落与之相似" if count > 1 else ""
        part = "第一部分" if paragraph.part == "一" else f"第{paragraph.part}部分"
        return self.at(
            this,
            paragraph.start,
            paragraph.end,
            f"{part}的这一段与 {other.path} 第 {where.line} 行的段落{how}"
            f"（不计数字和机关名称）{more}",
        )


def _counts_as_copy(this: ReportSummary, source: ReportSummary) -> bool:
    """Whether ``this`` report's paragraph is to be reported as copied from ``source``'s:
    the later report copies the earlier; two reports of one year both are reported; two
    files of the same body and year (one report as PDF and as a web page) are the same
    report, and a body whose year is unknown cannot be ordered."""
    if this.year is None or source.year is None:
        return this.body != source.body or not this.body
    if this.body and this.body == source.body:
        return this.year > source.year
    if this.year == source.year:
        return True
    return this.year > source.year


def _similar_pairs(
    paragraphs: Sequence[_Paragraph],
) -> Iterator[tuple[_Paragraph, _Paragraph, float]]:
    """Every pair of paragraphs of different reports at or above :data:`SIMILARITY`."""
    with interrupts_deferred():  # compiled libraries: Ctrl-C waits for the import's end
        from datasketch import MinHash, MinHashLSH
        from rapidfuzz.fuzz import ratio

    index = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_PERMUTATIONS)
    hashes = []
    for key, paragraph in enumerate(paragraphs):
        text = paragraph.masked
        minhash = MinHash(num_perm=_PERMUTATIONS)
        minhash.update_batch(
            [text[i : i + _SHINGLE].encode() for i in range(len(text) - _SHINGLE + 1)]
        )
        index.insert(key, minhash)
        hashes.append(minhash)
    for key, minhash in enumerate(hashes):
        a = paragraphs[key]
        for other in index.query(minhash):
            if other <= key:
                continue  # each pair once
            b = paragraphs[other]
            if a.report == b.report:
                continue
            score = ratio(a.masked, b.masked, score_cutoff=SIMILARITY)
            if score:
                yield a, b, score
