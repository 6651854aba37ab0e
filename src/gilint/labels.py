"""Label keys: the form in which labels of the text and of templates are compared.

Extraction breaks labels over lines and cells, inserts stray spaces and swaps full-width
for half-width punctuation, so labels are compared as *keys*: canonical text with all
white space, quotes and Markdown emphasis removed, and list numbering written one way.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

from gilint.normalise import canonical

_DROPPED = r"\s*#\"'“”‘’「」『』"
_KEEP = re.compile(f"[^{_DROPPED}]+")
_DROP = re.compile(f"[{_DROPPED}]+")
# "1、" "1．" "1," -> "1." (one character for one, so keyed offsets stay aligned)
_NUMBER_SEP = re.compile(r"(?<![0-9.])([0-9]{1,2})[、.,]")
_ENUM = re.compile(r"^(?:[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十]+\)|[0-9]{1,2}\.)")

NUMERALS = "一二三四五六七八九十"
# A year as a report's title writes it: in digits, or in Chinese numerals ("二〇二四")
YEAR = r"(?:19|20)[0-9]{2}|[一二][〇○零九][〇○零一二三四五六七八九]{2}"
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
# How a body's name ends (人民政府, 教育局, 卫生健康委员会, 县政府办, 街道办事处, 示例县, …):
# what tells it from a web page's last word before a title ("微博", "打印")
BODY_ENDS: tuple[str, ...] = ("政府", "局", "委员会", "委", "办公室", "办", "办事处", "厅", "院")
BODY_ENDS += ("中心", "署", "部", "处", "所", "站", "馆", "队", "会", "街道", "社区", "村")
BODY_ENDS += ("镇", "乡", "县", "市", "区", "省", "州", "旗", "盟", "公司", "集团", "学校")


# Long text has its dropped characters deleted a slice at a time: one ``sub`` over
# megabytes of spaced words builds a piece for each word first (a peak of some 11 bytes a
# character), and deleting characters gives the same text slice by slice.
_SLICE = 1 << 16


def compact_key(canonical_text: str) -> str:
    """The key of text that is already canonical."""
    if len(canonical_text) <= _SLICE:
        kept = _DROP.sub("", canonical_text)
    else:
        kept = "".join(
            [
                _DROP.sub("", canonical_text[at : at + _SLICE])
                for at in range(0, len(canonical_text), _SLICE)
            ]
        )
    return _NUMBER_SEP.sub(r"\1.", kept)


def key(text: str) -> str:
    """The key of a label as written."""
    return compact_key(canonical(text))


def has_key_text(text: str) -> bool:
    """Whether ``text`` has any character a key keeps (cheaper than building the key)."""
    return _KEEP.search(text) is not None


def keyed(canonical_text: str, base: int = 0) -> tuple[str, list[int]]:
    """The key of canonical text and, for each key character, its offset (plus ``base``).

    Equal to :func:`compact_key` character for character; the offsets let a match in the
    key be turned back into a span of the text. The plain form, which the tests hold
    :func:`key_runs` and :func:`paragraph_key` to; the code uses those.
    """
    pieces: list[str] = []
    offsets: list[int] = []
    for m in _KEEP.finditer(canonical_text):
        pieces.append(m.group())
        offsets.extend(range(base + m.start(), base + m.end()))
    return _NUMBER_SEP.sub(r"\1.", "".join(pieces)), offsets


def strip_enumeration(label_key: str) -> str:
    """A key without its leading list numbering (``(一)``, ``一、``, ``1.``)."""
    return _ENUM.sub("", label_key, count=1)


def body_name(text: str) -> str | None:
    """A body's name as a title holds it, without the title's quotation marks, a "关于"
    after it, or the title's words ("…政府信息公开工作2024年度报告"). In a notice that
    issues the report ("X关于印发《Y2024年…年度报告》的通知") it is the report's, Y (or X
    where the quoted title names none)."""
    before, mark, inside = text.strip().rpartition("《")
    name = (inside.strip() or before) if mark else text.strip()
    name = name.strip("《》“”\"'").partition("政府信息公开")[0]
    return name.removesuffix("印发").removesuffix("关于") or None


def year_value(year: str) -> int:
    """The number of a year matched by :data:`YEAR`."""
    return int(year.translate(_YEAR_DIGITS))


def numeral_value(numeral: str) -> int:
    """1 for 一 or 1 … 10 for 十 or 10; 0 for anything else."""
    if len(numeral) == 1 and numeral in NUMERALS:
        return NUMERALS.index(numeral) + 1
    return int(numeral) if numeral in _ARABIC_NUMERALS else 0


_ARABIC_NUMERALS = frozenset(str(n) for n in range(1, 11))


class KeyOffsets:
    """Where each character of a key is in the text, for any key position ``k``.

    Stored as runs (a key mostly drops nothing inside a cell, so one run per cell) rather
    than one offset per character: ``offsets[k]`` is ``targets[i] + k - starts[i]`` for
    the run ``i`` that holds ``k``.
    """

    __slots__ = ("_starts", "_targets")

    def __init__(self, starts: list[int], targets: list[int]) -> None:
        self._starts = starts
        self._targets = targets

    def __getitem__(self, k: int) -> int:
        i = bisect_right(self._starts, k) - 1
        return self._targets[i] + k - self._starts[i]


@functools.lru_cache(maxsize=16384)
def key_runs(canonical_text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """:func:`keyed` as runs: (key, key offset of each run, text offset of each run).

    Memoised: the same labels and headers recur in report after report, and a key
    depends on nothing but the text. For text that does not recur (a paragraph), see
    :func:`paragraph_key`.
    """
    return _runs(canonical_text)


def paragraph_key(canonical_text: str, base: int = 0) -> tuple[str, KeyOffsets]:
    """:func:`keyed` for text of any length, not memoised: its offsets as runs, one for
    each stretch of kept characters (a paragraph of prose has few), where :func:`keyed`
    keeps an integer for each character (some 36 bytes a character)."""
    key_text, starts, targets = _runs(canonical_text)
    return key_text, KeyOffsets(list(starts), [base + t for t in targets])


def _runs(canonical_text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    if _DROP.search(canonical_text) is None:
        return _NUMBER_SEP.sub(r"\1.", canonical_text), (0,), (0,)
    pieces: list[str] = []
    starts: list[int] = []
    targets: list[int] = []
    length = 0
    for m in _KEEP.finditer(canonical_text):
        piece = m.group()
        starts.append(length)
        targets.append(m.start())
        pieces.append(piece)
        length += len(piece)
    return _NUMBER_SEP.sub(r"\1.", "".join(pieces)), tuple(starts), tuple(targets)
