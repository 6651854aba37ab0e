"""A format description: the national 2021 format plus one table of the province's own.

A description is data. This one reuses everything of the national format and adds a
table for 第二十条第（十三）项 (emergency plans), which the province asks for. Tables
introduced by that caption are read against this description, and its labels are
evidence for it: the national format has no such table.
"""

from __future__ import annotations

import attrs
from gilint.templates import FORMAT_2021, ColumnSpec, RowSpec, TableSpec

EMERGENCY_PLANS = TableSpec(
    id="2.13",
    part="二",
    title="第二十条第（十三）项",
    caption="第二十条第（十三）项",
    columns=(ColumnSpec("published", "本年发布数量"), ColumnSpec("in_force", "现行有效数量")),
    rows=(RowSpec("emergency_plans", "突发公共事件应急预案"),),
)

PROVINCE_2021 = attrs.evolve(
    FORMAT_2021,
    id="2021-xa",
    name="示例省 2021 年格式",
    document="示例省政务公开办公室通知",
    tables=(*FORMAT_2021.tables, EMERGENCY_PLANS),
)
