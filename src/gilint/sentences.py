"""The sentences of a report's prose, split once for every rule that reads sentences
(:attr:`gilint.ast.Report.sentences`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

import attrs

from gilint.ast import Heading, Paragraph, Report, Subsection
from gilint.span import LineIndex, Span

# a sentence runs to a full stop, semicolon, exclamation or question mark
_SENTENCE = re.compile(r"[^。；;！!？?]+")


class Sentence(NamedTuple):
    """A sentence of the prose with its line breaks taken out (hard-wrapped text breaks
    words: 信\\n息公开), and where it stands in the report: ``start`` is the report offset
    of its first character, ``cuts`` the sentence offsets before which a line break was
    taken out (most sentences have none: offsets are computed only for a finding).
    ``part`` is the part of the format (一 … 六) the sentence stands in and ``heading``
    the nearest heading over it (its subsection's, else its part's), both None in the
    preamble: what a sentence leaves unsaid its heading may say ("（二）依申请公开情况",
    then "本年度收到的申请均已办结")."""

    text: str
    start: int
    cuts: tuple[int, ...]
    paragraph: Paragraph
    part: str | None = None
    heading: Heading | None = None

    def _offset(self, index: int) -> int:
        return self.start + index + bisect.bisect_right(self.cuts, index)

    def span(self, start: int, end: int) -> Span:
        """The span of the report's text that ``text[start:end]`` was taken from."""
        return attrs.evolve(
            self.paragraph.span, start=self._offset(start), end=self._offset(end - 1) + 1
        )


def _with_heading(report: Report, sub: Subsection) -> Iterator[Paragraph]:
    """A subsection's paragraphs; the first one with the heading in front when the
    heading was cut from a sentence at a comma ("（六）全年共公开 120 条，分别为……"):
    the sentence is the heading's and the paragraph's together."""
    paragraphs = iter(sub.paragraphs)
    title = sub.heading.span
    first = next(paragraphs, None)
    if first is not None and report.source[title.end : first.span.start].strip(" \t\n") in (
        ",",
        "，",
        "",
    ):
        start = title.start
        yield Paragraph(
            report.source[start : first.span.end], attrs.evolve(first.span, start=start)
        )
    else:
        yield Paragraph(sub.heading.text, title)
        if first is not None:
            yield first
    yield from paragraphs


def sentences_of(report: Report) -> tuple[Sentence, ...]:
    """Every sentence of the report's prose: the preamble, each part's own paragraphs and
    each subsection's, its heading included, in text order."""
    paragraphs: list[tuple[Paragraph, str | None, Heading | None]] = [
        (p, None, None) for p in report.preamble
    ]
    for sub in report.preamble_subsections:
        paragraphs.extend((p, None, sub.heading) for p in _with_heading(report, sub))
    for section in report.sections:
        part = section.part
        paragraphs.extend((p, part, section.heading) for p in section.own_paragraphs)
        for sub in section.subsections:
            paragraphs.extend((p, part, sub.heading) for p in _with_heading(report, sub))
    found: list[Sentence] = []
    for paragraph, part, heading in paragraphs:
        text = paragraph.text
        base = paragraph.span.start
        if "\n" in text:
            # a line after the first starts one past its break, and a break at text
            # offset p stands before joined offset p - (breaks before it)
            cuts = [start - 1 - i for i, start in enumerate(LineIndex(text).starts()[1:])]
            text = text.replace("\n", "")
        else:
            cuts = []
        for match in _SENTENCE.finditer(text):
            start, end = match.span()
            # the breaks before the sentence shift its start; those inside it are its cuts
            before = bisect.bisect_right(cuts, start)
            inside = bisect.bisect_right(cuts, end - 1)
            found.append(
                Sentence(
                    match.group(),
                    base + start + before,
                    tuple([c - start for c in cuts[before:inside]]) if inside > before else (),
                    paragraph,
                    part,
                    heading,
                )
            )
    return tuple(found)
