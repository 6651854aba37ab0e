"""``html``: one self-contained review page for the people who review reports.

A summary per file (counts by severity and by code); then, for each report with
findings, the findings, its tables drawn as tables with every cell a finding is about
highlighted and numbered (the cells that explain it, such as the other terms of a broken
sum, shaded lighter), and the paragraphs a finding speaks of quoted with the words
marked. No network, no CDN: the style is inline, and a few lines of script only record,
once the page is laid out, how many cells a browser shows highlighted (tests read it).
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import ClassVar

from gilint import __version__
from gilint.findings import Finding, Severity
from gilint.reporters.base import FileResult, Reporter, Summary
from gilint.review import ReportView, RowView, TableView

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       margin: 2em; color: #222; line-height: 1.5; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
td, th { border: 1px solid #999; padding: 2px 6px; font-size: 0.9em; }
th { background: #f2f2f2; font-weight: normal; }
td.hit { background: #ffd6d6; outline: 2px solid #d33; font-weight: bold; }
td.related { background: #fff4d6; }
td.num { text-align: right; }
sup.ref { color: #d33; font-weight: bold; margin-left: 2px; }
.error { color: #b00; } .warning { color: #a60; } .info { color: #06c; }
ol.findings li { margin: 0.3em 0; }
.where { color: #555; font-size: 0.9em; }
blockquote { border-left: 4px solid #ccc; margin: 0.5em 0; padding: 0.2em 1em; }
mark { background: #ffd6d6; }
.clean { color: #080; }
"""

# Once laid out, record how many highlighted cells really show a background: a test in a
# real browser reads this from the page's DOM.
_SCRIPT = """
window.addEventListener("load", function () {
  var shown = 0;
  document.querySelectorAll("td.hit").forEach(function (cell) {
    var colour = getComputedStyle(cell).backgroundColor;
    if (colour && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") { shown++; }
  });
  document.documentElement.setAttribute("data-highlighted", String(shown));
});
"""


def _where(finding: Finding) -> str:
    if finding.place is not None:
        return finding.place.label() + (f"（{finding.logical}）" if finding.logical else "")
    return f"第 {finding.line} 行第 {finding.column} 列"


def _touches(span_start: int, span_end: int, start: int, end: int) -> bool:
    return span_start < max(end, start + 1) and start < max(span_end, span_start + 1)


def _refs(start: int, end: int, numbered: list[tuple[int, Finding]]) -> tuple[list[int], list[int]]:
    """The numbers of the findings about ``start:end`` (their span touches it), and of
    those it only explains (one of their related spans touches it)."""
    about, explains = [], []
    for number, finding in numbered:
        if _touches(finding.span.start, finding.span.end, start, end):
            about.append(number)
        elif any(_touches(s.start, s.end, start, end) for s in finding.related):
            explains.append(number)
    return about, explains


class Html(Reporter):
    """A review page: one HTML file to open in any browser."""

    name = "html"
    description = "供审阅的网页（单个文件，离线可用）：汇总、问题列表、标出问题单元格的表格"
    needs_source = True
    needs_view = True
    _order: ClassVar[tuple[Severity, ...]] = (Severity.ERROR, Severity.WARNING, Severity.INFO)

    def start(self) -> None:
        self._results: list[FileResult] = []

    def file(self, result: FileResult) -> None:
        self._results.append(result)

    def finish(self, summary: Summary) -> None:
        out = [
            "<!DOCTYPE html>",
            '<html lang="zh-CN"><head><meta charset="utf-8">',
            "<title>gilint 审阅报告</title>",
            f"<style>{_STYLE}</style><script>{_SCRIPT}</script></head><body>",
            "<h1>政府信息公开工作年度报告检查结果</h1>",
            f"<p>{escape(summary.text())}（gilint {escape(__version__)}）</p>",
            self._summary_table(),
        ]
        for index, result in enumerate(self._results, 1):
            if result.findings:
                out.append(self._report(index, result))
        out.append("</body></html>")
        self.stream.write("\n".join(out) + "\n")

    def _summary_table(self) -> str:
        rows = ["<table><tr><th>文件</th><th>错误</th><th>警告</th><th>提示</th><th>规则</th></tr>"]
        for index, result in enumerate(self._results, 1):
            severities = Counter(f.severity for f in result.findings)
            codes = Counter(f.code for f in result.findings)
            name = escape(result.path)
            link = f'<a href="#file{index}">{name}</a>' if result.findings else name
            by_code = "、".join(f"{code} × {n}" for code, n in sorted(codes.items()))
            rows.append(
                f"<tr><td>{link}</td>"
                + "".join(f'<td class="num">{severities[s]}</td>' for s in self._order)
                + f"<td>{escape(by_code) or '<span class=clean>未发现问题</span>'}</td></tr>"
            )
        rows.append("</table>")
        return "\n".join(rows)

    def _report(self, index: int, result: FileResult) -> str:
        numbered = list(enumerate(result.findings, 1))
        view = result.view
        out = [f'<h2 id="file{index}">{escape(result.path)}</h2>']
        if view is not None:
            facts = [view.title or "（未找到标题）", view.issuer or "", str(view.year or "")]
            out.append(f"<p>{escape(' · '.join(f for f in facts if f))}</p>")
        out.append('<ol class="findings">')
        for number, finding in numbered:
            suggestion = f"<br>建议：{escape(finding.suggestion)}" if finding.suggestion else ""
            out.append(
                f'<li id="f{index}-{number}"><span class="{finding.severity.value}">'
                f"[{finding.severity.label}] {finding.code}</span> {escape(finding.message)} "
                f'<span class="where">{escape(_where(finding))}</span>{suggestion}</li>'
            )
        out.append("</ol>")
        if view is not None:
            out += [self._table(table, numbered, index) for table in view.tables]
            out += [self._paragraph(p.text, p.start, numbered) for p in view.paragraphs]
        return "\n".join(out)

    def _table(self, table: TableView, numbered: list[tuple[int, Finding]], index: int) -> str:
        head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
        # 表三（收到和处理…）; 表二's names already hold their caption
        heading = table.name if table.title in table.name else f"{table.name}（{table.title}）"
        out = [
            f"<h3>{escape(heading)}</h3>",
            f"<table><tr><th>行</th>{head}</tr>",
        ]
        out += [self._row(row, numbered, index) for row in table.rows]
        out.append("</table>")
        return "\n".join(out)

    @staticmethod
    def _row(row: RowView, numbered: list[tuple[int, Finding]], index: int) -> str:
        def cell(text: str, start: int, end: int, kind: str) -> str:
            about, explains = _refs(start, end, numbered)
            if not about and not explains:
                return f'<td class="{kind}">{escape(text)}</td>'
            marks = "".join(
                f'<sup class="ref"><a href="#f{index}-{n}">{n}</a></sup>' for n in about
            )
            titles = "；".join(f.message for n, f in numbered if n in about or n in explains)
            state = "hit" if about else "related"
            return f'<td class="{kind} {state}" title="{escape(titles)}">{escape(text)}{marks}</td>'

        cells = [cell(row.label, row.start, row.end, "label")]
        cells += [cell(c.text, c.start, c.end, "num") for c in row.cells]
        return "<tr>" + "".join(cells) + "</tr>"

    @staticmethod
    def _paragraph(text: str, start: int, numbered: list[tuple[int, Finding]]) -> str:
        """The paragraph with the words each finding's span covers marked."""
        marks: list[tuple[int, int]] = []
        for _, finding in numbered:
            for span in (finding.span, *finding.related):
                a, b = max(span.start, start) - start, min(span.end, start + len(text)) - start
                if 0 <= a < b:
                    marks.append((a, b))
        out, position = [], 0
        for a, b in sorted(marks):
            if a < position:
                continue
            out += [escape(text[position:a]), f"<mark>{escape(text[a:b])}</mark>"]
            position = b
        out.append(escape(text[position:]))
        return f"<blockquote>{''.join(out)}</blockquote>"


__all__ = ["Html", "ReportView"]
