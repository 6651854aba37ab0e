"""Worst-case inputs: parse time at 1x, 2x, 4x and 8x size (each the best of three parses,
the sizes timed in turn), and the growth exponent fitted over the four; the same for a
whole lint (rules included) of the cases that give a finding for each part, row or
report they repeat; then lint time and peak memory of fixed large inputs, each in a
fresh process.

Run by hand or in CI: ``python tests/benchmarks/worst_cases.py [--scale S]``. It prints
numbers and asserts nothing; linear growth shows as an exponent near 1.0.

The curves measure the reading itself: for them the limit on a report's table text
(``gilint.lexer.TABLE_TEXT``, past which table lines are left unread) is lifted, or every
table case would flatten past it. The fixed inputs run as gilint ships, limit included.
"""

from __future__ import annotations

import argparse
import math
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable

from peak import peak_kib

import gilint
import gilint.lexer
from gilint.testing import render, sample_report

_TABLE = "三、收到和处理政府信息公开申请情况\n"


def _long_line(n: int) -> str:
    return "一、总体情况\n" + "总体情况 0 " * (n // 11)


def _spaced_numbers(n: int) -> str:
    return "三、收到和处理政府信息公开申请情况\n" + ("1 " * 7 + "\n") * (n // 15)


def _repeated_rows(n: int) -> str:
    return "三、收到和处理政府信息公开申请情况\n" + "（七）总计 0 0 0 0 0 0 0\n" * (n // 30)


def _repeated_headings(n: int) -> str:
    return "三、收到和处理政府信息公开申请情况\n" * (n // 18)


def _numbers_then_a_word(n: int) -> str:
    """Table lines of numbers as long as a row line may be, each ending in a word: no row
    line, however the run of numbers is looked for."""
    line = "1 " * 255 + "x\n"
    return _TABLE + line * (n // len(line))


def _spaced_label(n: int) -> str:
    return "三、收到和处理政府信息公开申请情况\n" + "词语 " * (n // 3) + "1 2 3 4 5 6 7\n"


def _spaces(n: int) -> str:
    return "第二十条" + " " * n + "第（一）项"


def _random_bytes(n: int) -> bytes:
    return random.Random(n).randbytes(n)


def _run_together_rows(n: int) -> str:
    """Rows whose numbers ran together, all on one line (web text): each row is split,
    or tried, and looked at for separators; none of it may cost more than linear time."""
    row = "一、本年新收政府信息公开申请数量 " + "1" * 40 + " "
    return _TABLE + row * (n // len(row))


def _web_text(n: int) -> str:
    """Web page text on one line: part headings and subsections run in, cut apart."""
    flat = render(sample_report("2021", seed=1), "web").text.replace("\n", " ")
    return flat * max(1, n // len(flat))


def _open_tags(n: int) -> bytes:
    """A web page whose every line opens a tag that never ends: the standard library's
    parser, left to itself, searched the rest of the page again from each (quadratic).
    Read now as one tag of as many attributes, by one match of the parser's pattern.
    Its time per character steps up between 125 and 250 KB and is even from there
    (0.11, 0.14, 0.30, 0.29, 0.29, 0.32, 0.30 µs from 62.5 KB to 4 MB, doubling): the
    curve starts past the step, which the exponent would otherwise read as growth."""
    return b"<html><body><p>x</p>" + b"<a\n" * (n // 3)


def _open_comments(n: int) -> bytes:
    """A web page of paragraphs each followed by a comment that never ends."""
    return b"<html><body>" + b"<p>x<!--" * (n // 8)


def _labels_without_numbers(n: int) -> str:
    """A row label repeated on line after line with no numbers, then a row: the text
    before the numbers is read for the labels it holds and what none took (6 250 such
    lines, 62.5 KB, took 1.9 s while each cell was looked for in every label's span)."""
    return _TABLE + "8.属于行政查询事项\n" * (n // 10) + "又一行\n1 2 3 4 5 6 21\n"


def _groups_in_a_label(n: int) -> str:
    """Group labels on line after line, each with a word no label takes, then numbers:
    the unknown label's span runs over all the lines, and every group label's with it
    (the text no label took was found by walking every span begun, for each cell: 62.5
    KB took 1.7 s)."""
    return _TABLE + "（四）无法提供 某某\n" * (n // 12) + "1 2 3 4 5 6 21\n"


def _header_words_in_labels(n: int) -> str:
    """A table with a header, then label text of words from that header on line after
    line, twice: where no row label ends a label text, it is looked through for the
    table's header repeated inside it (a row broken across pages), one search of the
    header for each cell."""
    row = "1\t2\t3\t4\t5\t6\t21\n"
    header = f"申请人情况\t总计\n自然人\t商业企业\n一、本年新收政府信息公开申请数量\t{row}"
    lines = "某某\t申请人情况\n" * (n // 28)
    return f"{_TABLE}{header}{lines}{row}{lines}（七）总计\t{row}"


def _blank_cells_one_line(n: int) -> str:
    """Tab rows short of a number and rows left blank, all on one line (a table copied
    without its line ends): each row looks after its numbers, and after its label, for
    blank cells up to its line's end; none may look through the rest of the line."""
    short = "1.属于国家秘密\t\t1\t2\t3\t4\t5\t15\t"
    blank = "2.重复申请" + "\t" * 8
    pair = short + blank
    return _TABLE + pair * (n // len(pair)) + "\n"


def _hidden_nesting(n: int) -> bytes:
    """A hidden element holding elements nested as deep as the page is long, then their
    end tags: each end tag finds its element by name (html_hidden), not by a search of
    those open. (Empty elements: a page that hides most of its text is read twice.)"""
    depth = n // 11
    return b"<html><body><p>x</p><div hidden>" + b"<div>" * depth + b"</div>" * (depth + 1)


_REPORT = render(sample_report("2021", seed=1), "wrapped").text


def _notes_in_a_table(n: int) -> str:
    """Rows and notes on a table, with and without a full stop, all on one line (web
    text): each note with one is cut out, each without is looked past for one."""
    piece = "（七）总计 0 0 0 0 0 0 0 注：本表数据为本年。 说明：" + "无" * 40 + " "
    return "三、收到和处理政府信息公开申请情况 " + piece * (n // len(piece))


def _unknown_labels(n: int, between: str = "\n") -> str:
    """Rows whose labels no format knows, each different (words of the format's own
    labels in a random order): each is compared with the table's rows for a label a
    few characters off (GI109), the rows after the table's first few not at all."""
    chars = "属于国家秘密本机关不掌握相关政府信息申请人逾期未按收费通知要求缴纳费用"
    draw = random.Random(0)
    rows = []
    size = len(_TABLE)
    while size < n:
        label = f"{draw.randint(1, 8)}." + "".join(draw.choice(chars) for _ in range(12))
        rows.append(label + " 1 2 3 4 5 6 21")
        size += len(rows[-1]) + 1
    return _TABLE + between.join(rows) + "\n"


def _headings_with_their_text(n: int) -> str:
    """Lines each opening with a part's heading and holding its text and the next part's
    heading and text (web page text kept as a few lines): what follows each heading is
    read as a line of its own, cut again at the heading in it."""
    line = (
        "五、存在的主要问题及改进情况 （一）存在的问题。政策解读形式较为单一。"
        " 六、其他需要报告的事项 本年度本机关未收取信息处理费。\n"
    )
    return line * (n // len(line))


def _a_heading_then_its_text(n: int) -> str:
    """One line: a part's heading, then its subsections run together, each cut off."""
    piece = " （一）主动公开情况。本机关公开信息，答复申请。"
    return "一、总体情况" + piece * (n // len(piece))


def _titles_before_table_text(n: int) -> str:
    """One line: a table part's number and a title that names no part, each before table
    text, again and again (each may head its table: what follows it is looked at up to
    the next such heading)."""
    piece = " 二、主动公开 规章 1 2 3"
    return "一、总体情况" + piece * (n // len(piece))


def _concatenated(n: int) -> str:
    return _REPORT * max(1, n // len(_REPORT))


CASES: dict[str, tuple[Callable[[int], str | bytes], int]] = {
    # name: (maker, characters or bytes at 1x)
    "long single line": (_long_line, 625_000),
    "spaced numbers": (_spaced_numbers, 250_000),
    "repeated row lines": (_repeated_rows, 250_000),
    "repeated headings": (_repeated_headings, 45_000),
    "row label of words": (_spaced_label, 250_000),
    "numbers, then a word, on each line": (_numbers_then_a_word, 250_000),
    "whitespace run": (_spaces, 250_000),
    "random bytes": (_random_bytes, 25_000),
    "reports concatenated": (_concatenated, len(_REPORT) * 125),
    "run-together rows, one line": (_run_together_rows, 250_000),
    "web text, one line": (_web_text, 250_000),
    "web page, open tags": (_open_tags, 1_000_000),
    "web page, open comments": (_open_comments, 8_000_000),
    "web page, hidden nesting": (_hidden_nesting, 1_000_000),
    "labels without numbers": (_labels_without_numbers, 250_000),
    "group labels in a label": (_groups_in_a_label, 250_000),
    "header words in labels": (_header_words_in_labels, 250_000),
    "blank cells, one line": (_blank_cells_one_line, 250_000),
    "notes in a table, one line": (_notes_in_a_table, 250_000),
    "unknown labels": (_unknown_labels, 250_000),
    "unknown labels, one line": (lambda n: _unknown_labels(n, " "), 250_000),
    "headings with their text on their lines": (_headings_with_their_text, 250_000),
    "a heading, then its text, one line": (_a_heading_then_its_text, 250_000),
    "titles before table text, one line": (_titles_before_table_text, 250_000),
}


# Cases also timed as a whole lint: each repeats what a rule reports once per repeat (a
# part without its table, a row twice, a report's findings), so a rule that looks at the
# whole report for each finding shows here (a part's stretch did, until its bisection).
LINTED = ("repeated headings", "repeated row lines", "reports concatenated")


def _export(n: int) -> str:
    """A tab-separated data export (a name, a year and eight numbers a row), as a folder
    of uploaded reports may hold: every line a table line."""
    rows = (f"某某街道办事处\t{2000 + i % 25}\t" + "\t".join([str(i)] * 8) for i in range(n))
    return "\n".join(rows) + "\n"


def _prose(n: int) -> str:
    """About ``n`` characters of Chinese prose with dates in one paragraph (no blank
    line), wrapped every 40 characters: the report year is looked for in its key."""
    sentence = "本机关于2023年1月1日至12月31日依法公开政府信息共计12条，办理申请5件。"
    text = sentence * (n // len(sentence) + 1)
    return "\n".join(text[at : at + 40] for at in range(0, n, 40)) + "\n"


def _spaced_words(n: int) -> str:
    """About ``n`` characters of words and spaces in one paragraph (a text file that is
    no report), wrapped every 80 characters: every word a run of its key."""
    text = "the office handled public requests this year. " * (n // 47 + 1)
    return "\n".join(text[at : at + 80] for at in range(0, n, 80)) + "\n"


def _rotated(digits: str, by: int) -> str:
    """The same digits begun further on: as many ways to cut, but another row (a report
    searches a row it has met once only)."""
    by %= len(digits)
    return digits[by:] + digits[:by]


def _many_ways() -> str:
    """Table 三 in web text, every row's numbers run together into 28 digits that cut
    into its columns in many ways, ten times over, each row's digits another rotation:
    the splits are searched until the report's budget of steps is spent. (The digits
    end in nines and add up to a multiple of nine, so that no value of the total is
    ruled out by casting out nines.)"""
    data = sample_report("2021", seed=5, high=60)
    text = render(data, "runs").text
    rows = ["".join(cells) for cells in data.tables["3"].values()]
    start = text.index("三、收到和处理")
    table = text[start : text.index("四、政府信息公开行政复议")]
    copies = []
    for copy in range(11):
        written = table
        for index, row in enumerate(rows):
            digits = _rotated("1234567891234567891233", copy * len(rows) + index) + "999999"
            written = written.replace(row, digits, 1)
        copies.append(written)
    return text.replace(table, copies[0], 1) + "\n".join(copies[1:])


def _many_ways_fifteen() -> str:
    """Table 四 in web text, its row's fifteen numbers run together into 35 digits that
    the search reaches many places in (blank cells among them), sixty times over, each
    time another rotation of them."""
    data = sample_report("2021", seed=5, high=60)
    text = render(data, "runs").text
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、存在的主要问题")
    (cells,) = data.tables["4"].values()
    tables = [
        text[start:end].replace(" ".join(cells), _rotated("12345" * 7, copy), 1)
        for copy in range(60)
    ]
    return text[:start] + "\n".join(tables) + text[end:]


# Inputs of a fixed size, each linted whole in a fresh process: seconds and peak memory.
FIXED: dict[str, Callable[[], str]] = {
    "run-together digits, many ways": _many_ways,
    "table 四 run together, many ways": _many_ways_fifteen,
    "5 MB line of '0 '": lambda: "0 " * 2_500_000,
    "1 MB row label of spaced words": lambda: _TABLE + "词语 " * 333_333 + "1 2 3\n",
    "100 000 repeated rows": lambda: _TABLE + "（七）总计 0 0 0 0 0 0 0\n" * 100_000,
    "1 MB of numbers, then a word": lambda: _numbers_then_a_word(1_000_000),
    "20 000 repeated headings": lambda: _TABLE * 20_000,
    "30 MB tab-separated export": lambda: _export(400_000),
    "10 MB of prose with dates": lambda: _prose(4_200_000),
    "10 MB of spaced words": lambda: _spaced_words(10_000_000),
}


def measure(name: str) -> None:
    """Lint one fixed input in this process and print seconds, peak MB and findings."""
    gilint.lint("一、总体情况", config={})  # start-up is not what is measured
    text = FIXED[name]()
    start = time.perf_counter()
    findings = gilint.lint(text, config={})
    took = time.perf_counter() - start
    peak = peak_kib() / 1024  # this process's own peak, not its parent's (see peak.py)
    print(f"{took:.2f} {peak:.0f} {len(findings)}")


def fixed_cases() -> None:
    print(f"\n{'fixed input (fresh process)':34} {'seconds':>8} {'peak MB':>8} {'findings':>9}")
    for name in FIXED:
        out = subprocess.run(
            [sys.executable, __file__, "--measure", name],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        print(f"{name:34} {float(out[0]):8.2f} {float(out[1]):8.0f} {int(out[2]):9}")


def _lint(data: str | bytes) -> object:
    return gilint.lint(data, config={})


def _times(
    inputs: list[str | bytes],
    rounds: int = 3,
    run: Callable[[str | bytes], object] = gilint.parse,
) -> list[float]:
    """Best seconds of ``run`` (a parse) for each input, timed in turn, one run of each
    per round, so that a slow spell of the machine falls on several sizes rather than on
    all the repeats of one (timed size by size, a quarter-size run in CI read 1.25 for
    spaced numbers: 0.100, 0.207, 0.648, 1.328 s)."""
    best = [math.inf] * len(inputs)
    for _ in range(rounds):
        for index, data in enumerate(inputs):
            start = time.perf_counter()
            run(data)
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def growth(sizes: list[int], times: list[float]) -> float:
    """The exponent k of time ~ size^k, fitted by least squares over every size in
    log-log: one point moved by noise moves it less than a ratio of the two ends."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every 1x size")
    parser.add_argument("--measure", choices=FIXED, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure)
        return
    gilint.lexer.TABLE_TEXT = sys.maxsize  # the curves measure the reading (see above)
    print(
        f"python {platform.python_version()} on {platform.machine()}, gilint {gilint.__version__}"
    )
    print(
        f"{'case':24} {'1x size':>10} "
        + " ".join(f"{f'{m}x s':>8}" for m in (1, 2, 4, 8))
        + f" {'exponent':>9}"
    )
    for name, (make, size) in CASES.items():
        _curve(name, make, int(size * args.scale), gilint.parse)
    print("\nwhole lint, rules included")
    for name in LINTED:
        make, size = CASES[name]
        _curve(name, make, int(size * args.scale), _lint)
    fixed_cases()


def _curve(
    name: str, make: Callable[[int], str | bytes], base: int, run: Callable[[str | bytes], object]
) -> None:
    sizes = [base * m for m in (1, 2, 4, 8)]
    times = _times([make(n) for n in sizes], run=run)
    exponent = growth(sizes, times) if min(times) > 0 else float("nan")
    print(f"{name:24} {base:>10} " + " ".join(f"{t:8.3f}" for t in times) + f" {exponent:9.2f}")


if __name__ == "__main__":
    main()
