"""Table 三 as a PDF converter that keeps the page's columns writes it (``pdftotext
-layout``): each row on a line of its own, its numbers beside the first line of its
label, a long label wrapped in its column onto the lines below, and each group label
(三、本年度办理结果, （六）其他处理) cut into pieces that stand before the first lines of
its rows' labels::

    三、本年度  （一）予以公开              1   3 …
    办理结果   （二）部分公开（区分处理的，   7   7 …
               只计这一情形，不计其他情形）
    （六）其他  1.申请人无正当理由逾期不补   6   8 …
    处理       正、行政机关不再处理其政府信
               息公开申请

Where the numbers stand beside the label's middle line, a group label's piece may stand
before that line too (``处理 正、行政机关不再处理其政府信 6 8 …``). A wrapped label
whose rest follows its numbers was completed only where nothing stood between: a group
label's piece before the label's first line (办理结果), before its next line or before
the line of its numbers (处理) left the row unknown, and a correct report got errors."""

from __future__ import annotations

import pytest

import gilint
from gilint.testing import ReportData, render, sample_report


def _pieces(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def _table_three(data: ReportData, width: int, middle: bool, group_width: int = 5) -> str:
    """Table 三 laid out by columns (see the module docstring); each row's numbers beside
    its label's first line, or its middle line (``middle``)."""
    spec = data.spec.table("3")
    assert spec is not None
    rows = data.tables["3"]
    out = [
        " " * 40 + "申请人情况",
        " " * 48 + "法人或其他组织",
        " " * 30 + "自然人   商业   科研   社会公益   法律服务   其他    总计",
        " " * 39 + "企业   机构   组织       机构",
    ]
    grouped: list[tuple[str | None, list[str]]] = [(None, [])]
    for row in spec.rows:
        if row.group:
            grouped.append((row.label, []))
        elif row.id in rows:
            grouped[-1][1].append(row.id)
    for group, ids in grouped:
        group_pieces = _pieces(group, group_width) if group else []
        at = 0
        for row_id in ids:
            label = next(r.label for r in spec.rows if r.id == row_id) or ""
            numbers = "   ".join(f"{v:>4}" for v in rows[row_id])
            pieces = _pieces(label, width)
            for index, piece in enumerate(pieces):
                beside = group_pieces[at] if at < len(group_pieces) else ""
                at += 1
                line = f"{beside:<{group_width + 2}}{piece:<{width + 2}}"
                numbered = index == (len(pieces) // 2 if middle else 0)
                out.append((line + numbers if numbered else line).rstrip())
        out.extend(group_pieces[at:])
    return "\n".join(out)


def _report(data: ReportData, width: int, middle: bool = False) -> str:
    text = render(data, "wrapped").text
    start = text.index("（本列数据的勾稽关系")
    end = text.index("四、政府信息公开行政复议")
    return text[:start] + _table_three(data, width, middle) + "\n\n" + text[end:]


@pytest.mark.parametrize("middle", [False, True])
@pytest.mark.parametrize("width", [10, 14, 30])
@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("seed", [1, 2])
def test_table_three_laid_out_by_columns_reads_every_row(
    seed: int, template: str, width: int, middle: bool
) -> None:
    data = sample_report(template, seed=seed)
    text = _report(data, width, middle)
    table = gilint.parse(text).table("3")
    assert table is not None
    read = {row.id: row.values for row in table.rows if row.id is not None}
    assert read == {row: tuple(int(v) for v in values) for row, values in data.tables["3"].items()}
    findings = gilint.lint(text, config={"select": ["GI"]})
    assert [(f.code, f.message) for f in findings if f.severity.value != "info"] == []


def test_a_wrong_total_in_a_table_laid_out_by_columns_is_found() -> None:
    data = sample_report("2021", seed=1)
    new = data.tables["3"]["new"]
    wrong = data.with_rows("3", {"new": (*new[:-1], str(int(new[-1]) + 1))})
    codes = {f.code for f in gilint.lint(_report(wrong, 14), config={"select": ["GI"]})}
    assert "GI201" in codes
