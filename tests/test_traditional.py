"""Reports written in traditional characters: a copy of a government site's traditional
view (its 繁體 button), or a report converted so. Every heading, label and keyword is
there in traditional characters; read as written, such a correct report got an error
for every row and heading. They are read as the simplified text they stand for, and
findings point at the text as written."""

from __future__ import annotations

import pytest

import gilint
from gilint.findings import Severity
from gilint.normalise import canonical
from gilint.testing import LAYOUTS, render, sample_report
from gilint.traditional import traditional_forms

# simplified to traditional, the first traditional form of each character listed
_TO_TRADITIONAL = str.maketrans({s: t for t, s in reversed(list(traditional_forms().items()))})


def _traditional(text: str) -> str:
    converted = text.translate(_TO_TRADITIONAL)
    assert len(converted) == len(text) and converted != text
    return converted


def _found(text: str) -> list[tuple[str, Severity, int, int]]:
    return [(f.code, f.severity, f.line, f.column) for f in gilint.lint(text, config={})]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_report_in_traditional_characters_reads_as_in_simplified(
    layout: str, template: str
) -> None:
    data = sample_report(template, seed=4, high=60)
    plain = render(data, layout).text  # type: ignore[arg-type]
    text = _traditional(plain)
    assert "主動公開政府信息情況" in text
    assert _found(text) == _found(plain)
    report, expected = gilint.parse(text), gilint.parse(plain)
    assert [s.part for s in report.sections] == [s.part for s in expected.sections]
    assert [(t.id, len(t.rows)) for t in report.tables()] == [
        (t.id, len(t.rows)) for t in expected.tables()
    ]
    assert report.year == data.year
    # a wrong number is found at its place, as in simplified text
    cells = list(data.tables["3"]["carry_forward"])
    cells[-1] = str(int(cells[-1]) + 1)
    broken = data.with_rows("3", {"carry_forward": tuple(cells)})
    wrong = render(broken, layout).text  # type: ignore[arg-type]
    assert _found(_traditional(wrong)) == _found(wrong) != _found(plain)


def test_words_written_the_traditional_way_by_hand() -> None:
    """Written, not converted: the forms a traditional text uses (後, 複, 反覆, 於)
    read as the format's words, and findings quote the text as written."""
    plain = render(sample_report("2021", seed=4), "wrapped").text
    written = {
        "四、政府信息公开行政复议、行政诉讼情况": "四、政府信息公開行政複議、行政訴訟情況",
        "四、结转下年度继续办理": "四、結轉下年度繼續辦理",
        "4.无正当理由大量反复申请": "4.無正當理由大量反覆申請",
        "（七）总计": "（七）總計",
    }
    text = plain
    for simplified, traditional in written.items():
        assert simplified in text
        text = text.replace(simplified, traditional)
    assert _found(text) == _found(plain)
    # a label a character off, in its row's place: read as the row, quoted as written
    unknown = text.replace("（七）總計", "（七）總數")
    messages = [f.message for f in gilint.lint(unknown, config={}) if f.code == "GI109"]
    assert any("“（七）總數”" in m and "“（七）总计”" in m for m in messages)


def test_simplified_words_that_share_a_character_keep_their_sense() -> None:
    """Only characters simplified text does not write in another sense are read so:
    著 (显著) and 乾 stay as written, and a simplified text is its own canonical form
    but for 覆, which no word gilint looks for holds in its own sense."""
    assert canonical("显著乾坤") == "显著乾坤"
    assert canonical("反覆申請於") == "反复申请于"
    plain = render(sample_report("2021", seed=4), "web").text
    assert canonical(plain) == canonical(plain.translate(_TO_TRADITIONAL))
