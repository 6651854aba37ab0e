"""The plugin author's kit itself: its messages and its checks of case files."""

from __future__ import annotations

from pathlib import Path

import pytest
from gilint.rules.structure import MissingSection

import gilint
from gilint.testing import assert_findings, lint_text, load_cases, render, run_case, sample_report
from gilint.testing.helpers import linter_for


def _without_four() -> str:
    import attrs

    data = attrs.evolve(sample_report("2021"), parts=("一", "二", "三", "五", "六"))
    return render(data, "wrapped").text


def test_assert_findings_passes_and_returns_the_findings() -> None:
    text = _without_four()
    line = next(i for i, s in enumerate(text.split("\n"), 1) if s.startswith("五、"))
    findings = assert_findings(text, [("GI101", line)], rules=[MissingSection])
    assert findings[0].message == "缺少第四部分“政府信息公开行政复议、行政诉讼情况”"


def test_assert_findings_explains_a_mismatch() -> None:
    text = _without_four()
    with pytest.raises(AssertionError) as caught:
        assert_findings(text, [("GI101", 3), ("GI102", 9)], rules=[MissingSection])
    message = str(caught.value)
    assert message.startswith("findings differ from what was expected:")
    assert "  missing:    GI101 第 3 行" in message
    assert "  missing:    GI102 第 9 行" in message
    assert "  unexpected: GI101 第" in message and "| 五、存在的主要问题及改进情况" in message


def test_lint_text_with_chosen_rules_only() -> None:
    codes = {f.code for f in lint_text(_without_four(), rules=[MissingSection])}
    assert codes == {"GI101"}


def test_a_malformed_rule_is_rejected_up_front() -> None:
    class NoCode(gilint.Rule):
        name = "no-code"
        summary = "x"

        def check(self, report):  # type: ignore[no-untyped-def]
            return []

    with pytest.raises(AssertionError, match="缺少类属性 code"):
        linter_for([NoCode])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('name = "x"\n', "须有且只有 pass、fail、render 之一"),
        ('name = "x"\npass = "a"\nfail = "b"\n', "须有且只有"),
        ('name = "x"\nfail = "a"\n', "fail 用例须给出 expected"),
        ('name = "x"\npass = "a"\nexpected = [["GI101", 1]]\n', "pass 用例不应有 expected"),
        ('name = "x"\npass = "a"\nreplace = [["zzz", "y"]]\n', "replace 找不到"),
        ('name = "x"\nrender = { colour = "red" }\n', "render 不认识的键"),
        ('name = "x"\nrender = { layout = "pdf" }\n', "未知的版式"),
        ('name = "x"\npass = "a"\nexpect = []\n', "不认识的键"),
    ],
)
def test_case_files_are_checked(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "cases.toml"
    path.write_text("[[cases]]\n" + body, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_cases(path)


def test_case_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cases.toml"
    path.write_text(
        '[[cases]]\nname = "four missing"\nselect = ["GI101"]\n'
        'render = { template = "2021", parts = ["一", "二", "三", "五", "六"] }\n'
        'expected = [["GI101", 999]]\n',
        encoding="utf-8",
    )
    (case,) = load_cases(path)
    assert str(case) == "four missing"
    with pytest.raises(AssertionError, match="missing:    GI101 第 999 行"):
        run_case(case)


@pytest.mark.parametrize("variant", ["blank_columns", "blank_first_column", "blank_total_column"])
@pytest.mark.parametrize("template", ["2021", "2019"])
def test_blank_cells_stay_in_their_columns_in_the_kits_files(template: str, variant: str) -> None:
    """A table that fills only 自然人 and 总计 is drawn with the blank cells where they
    stand: the kit packed a row's numbers into its last columns, so its PDF, Word and
    web page showed 自然人 blank and the number in 其他 (a false error a row). A table
    with 自然人 blank reads as its text does: the blank first, then the numbers."""
    from gilint.config import Config
    from gilint.linting import Linter
    from gilint.testing import variants
    from gilint.testing.documents import document, to_docx, to_html, to_pdf

    data = getattr(variants, variant)(sample_report(template, seed=3))
    expected = sorted((f.code, f.message) for f in lint_text(render(data, "tabs").text, config={}))
    assert [code for code, _ in expected] == ["GI205"]  # the blank cells, a warning
    doc = document(data)
    files = {
        "report.pdf": to_pdf(doc)[0],
        "report.docx": to_docx(doc),
        "report.html": to_html(doc),
    }
    for name, data_ in files.items():
        found = sorted((f.code, f.message) for f in Linter(Config()).lint(data_, name))
        assert found == expected, name


def test_a_rows_blank_last_cells_stay_in_their_columns_in_the_kits_files() -> None:
    """The kit put a row's numbers in its last columns: a row whose 总计 is blank was
    drawn with every number a column too far right (自然人 blank, the 其他 count under
    总计). Each number now stands in its column, as the renderer wrote it."""
    from gilint.testing.documents import document
    from gilint.testing.variants import blank_total_column

    data = sample_report("2021", seed=3)
    full, blank = document(data), document(blank_total_column(data))
    for key, place in full.cells.items():
        if key[0] == "3" and key[2] != "total":
            assert blank.cells[key] == place, key
    assert not any(key[0] == "3" and key[2] == "total" for key in blank.cells)
