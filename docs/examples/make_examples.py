"""Regenerate the bundled example reports (run from the repository root).

They are rendered by ``gilint.testing`` and then given the defects a reviewer meets in
real reports, so that ``gilint check docs/examples`` shows what gilint finds.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from gilint.testing import render, sample_report

HERE = Path(__file__).parent


def main() -> None:
    good = sample_report("2021", seed=21, issuer="示例市示例区人民政府办公室", high=12)
    (HERE / "good-2021.txt").write_text(render(good, "wrapped").text, encoding="utf-8")

    # A tab-separated report whose table 三 does not add up in one cell.
    wrong = sample_report("2021", seed=22, issuer="示例县自然资源局", high=12)
    cell = wrong.tables["3"]["outcome.disclosed"][0]
    wrong = wrong.with_cell("3", "outcome.disclosed", "natural_person", str(int(cell) + 3))
    (HERE / "table-does-not-add-up.txt").write_text(render(wrong, "tabs").text, encoding="utf-8")

    # A 2023 report in the 2019 format: no part 四 and no word on 信息处理费.
    old = attrs.evolve(
        sample_report("2019", seed=23, issuer="示例县示例镇人民政府", high=6),
        year=2023,
        parts=("一", "二", "三", "五", "六"),
        other_matters=("本年度无其他需要报告的事项。",),
    )
    (HERE / "outdated-format.txt").write_text(render(old, "markdown").text, encoding="utf-8")


if __name__ == "__main__":
    main()
