"""What a rule that concludes from absence says when the file holds content gilint could
not read (an image, glyphs without characters).

Such content may hold what seems missing, but only where it stands: a picture in part
二 may be table 二, not part 四. A finding that something is missing is withheld when
unread content lies where that thing would stand (``Finding.missing_from``), and kept
otherwise; one GI901 note names the rules whose findings were withheld. Before, every
such rule was left out of the whole file, so a report with a picture anywhere was never
told that a part was missing.
"""

from __future__ import annotations

from pathlib import Path

from gilint.config import Config
from gilint.findings import Severity
from gilint.linting import Linter, resolve_config
from gilint.loading import Loaded, LoadProblem
from gilint.testing import render, sample_report

_IMAGE = "unread-image"


def _lint(text: str, *images: int) -> list[tuple[str, Severity, str]]:
    """Findings of ``text`` as a file with an unread image at each offset."""
    problems = tuple(LoadProblem(_IMAGE, "此处有一幅图片", at) for at in images)
    linter = Linter(Config(select=("GI",)))
    report = linter.parse_loaded(Loaded(text, encoding="pdf", origin="pdf", problems=problems))
    return [(f.code, f.severity, f.message) for f in linter.check(report)]


def _without(text: str, start: str, end: str) -> str:
    """``text`` without what stands from ``start`` up to ``end``."""
    return text[: text.index(start)] + text[text.index(end) :]


_TEXT = render(sample_report("2021", seed=5), "tabs").text
_PART_TWO = _TEXT.index("二、主动公开政府信息情况")
_PART_THREE = _TEXT.index("三、收到和处理政府信息公开申请情况")


def test_a_missing_part_away_from_the_picture_is_still_reported() -> None:
    """Table 二 is a picture (its rows gone, an image where they stood) and part 四 is
    missing: GI107 for part 二 is withheld, GI101 for part 四 is reported."""
    no_table = _without(_TEXT, "第二十条第（一）项", "三、收到和处理政府信息公开申请情况")
    text = _without(
        no_table, "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"
    )
    image = text.index("三、收到和处理政府信息公开申请情况") - 1
    assert {code for code, *_ in _lint(text)} >= {"GI101", "GI107"}
    findings = _lint(text, image)
    errors = [(code, message) for code, severity, message in findings if severity is Severity.ERROR]
    assert [code for code, _ in errors] == ["GI101"] and "第四部分" in errors[0][1]
    notes = [message for code, severity, message in findings if severity is Severity.INFO]
    assert any(message.endswith("结论未报告：GI107") for message in notes)


def test_a_missing_part_where_the_picture_stands_is_withheld() -> None:
    """Part 三 missing, and a picture between parts 二 and 四: it may be part 三."""
    text = _without(
        _TEXT, "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"
    )
    between = text.index("四、政府信息公开行政复议") - 1
    assert "GI101" in {code for code, *_ in _lint(text)}
    findings = _lint(text, between)
    assert not [f for f in findings if f[1] is Severity.ERROR]
    assert any(message.endswith("结论未报告：GI101") for _, _, message in findings)
    # the same picture in part 一 cannot hold part 三
    inside_one = text.index("一、总体情况") + len("一、总体情况") + 1
    assert ("GI101", Severity.ERROR) in {(c, s) for c, s, _ in _lint(text, inside_one)}


def test_content_noted_once_for_all_that_follows_withholds_from_there_on() -> None:
    """The images past the twentieth are one note, at the first of them; a PDF's glyphs
    without characters one note, at the first. Either may stand anywhere after it: a
    part missing further on is withheld, one missing before it is not."""
    text = _without(_TEXT, "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
    early = text.index("二、主动公开政府信息情况")
    linter = Linter(Config(select=("GI",)))
    for code in ("unread-more", "unmapped-glyphs"):
        problems = (LoadProblem(code, "从此处起还有 5 幅图片", early),)
        loaded = Loaded(text, encoding="pdf", origin="pdf", problems=problems)
        findings = linter.check(linter.parse_loaded(loaded))
        assert not [f for f in findings if f.severity is Severity.ERROR], code
        assert any(f.message.endswith("结论未报告：GI101") for f in findings), code
    late = (LoadProblem("unread-more", "从此处起还有 5 幅图片", len(text) - 2),)
    loaded = Loaded(text, encoding="pdf", origin="pdf", problems=late)
    assert "GI101" in {f.code for f in linter.check(linter.parse_loaded(loaded))}


def test_a_correct_report_with_a_picture_gets_the_picture_noted_only() -> None:
    """Nothing is missing, so nothing is withheld: one note, for the image."""
    findings = _lint(_TEXT, _PART_THREE - 1)
    assert [(code, severity) for code, severity, _ in findings] == [("GI901", Severity.INFO)]


_NO_WHERE = '''
import gilint


class NoStatement(gilint.Rule):
    """缺少某项说明。"""

    code = "XA101"
    name = "no-statement"
    summary = "Says a statement is missing, without saying where."
    concludes_from_absence = True

    def check(self, report):
        yield self.finding(report.sections[0].heading, "缺少某项说明")


@gilint.hookimpl
def gilint_rules():
    return [NoStatement]
'''


def test_a_finding_that_does_not_say_where_is_withheld_for_any_unread_content(
    tmp_path: Path,
) -> None:
    """A plugin's rule that concludes from absence without ``missing_from`` is withheld
    wherever the unread content stands, as every such rule was before."""
    (tmp_path / "rule.py").write_text(_NO_WHERE, encoding="utf-8")
    config = resolve_config({"local-rules": [str(tmp_path / "rule.py")]})
    linter = Linter(config)
    text = Loaded(_TEXT, encoding="pdf", origin="pdf")
    assert "XA101" in {f.code for f in linter.check(linter.parse_loaded(text))}
    problems = (LoadProblem(_IMAGE, "此处有一幅图片", len(_TEXT) - 2),)
    loaded = Loaded(_TEXT, encoding="pdf", origin="pdf", problems=problems)
    findings = linter.check(linter.parse_loaded(loaded))
    assert "XA101" not in {f.code for f in findings}
    assert any(f.message.endswith("结论未报告：XA101") for f in findings)
