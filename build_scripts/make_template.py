"""Generate resources/templates/households_template.xlsx, the Excel template for importing households.

Run it after changing the import columns (estatedesk.services.households.sheet.FIELDS):

    python build_scripts/make_template.py

The headers come from the import code itself, so template and importer cannot drift apart;
tests/services/households/test_sheet.py checks that the template's example rows import cleanly.
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from estatedesk.domain.households import FLAG_WORDS, OCCUPANCY_WORDS, ROOM_USE_WORDS, id_check_character
from estatedesk.services.households.sheet import FIELDS

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "templates" / "households_template.xlsx"
# A fixed time keeps the file byte-identical between runs, so regenerating it makes no diff.
FIXED_TIME = datetime(2025, 1, 1)


def _id_number(first17: str) -> str:
    return first17 + id_check_character(first17)


def _words(table: Mapping[Any, tuple[str, ...]]) -> str:
    return "、".join(words[0] for words in table.values())


EXAMPLE_ROWS = (
    (
        "3",
        "2",
        "501",
        89.5,
        "住宅",
        "出租",
        "张三、王玥",
        "13812345678、13987654321",
        f"{_id_number('11010519491231002')}、{_id_number('44010619850307123')}",
        "李喆",
        "13700001111",
        "2025-03-01",
        "2026-02-28",
        "",
        "示例行：两位共有人，电话和身份证号按姓名顺序对应（导入前请删除本行）",
        "、0571-88886666",
        "",
        "",
    ),
    (
        "3",
        "2",
        "502",
        76.35,
        "住宅",
        "自住",
        "赵秀英",
        "13600002222",
        _id_number("31010419380512204"),
        "",
        "",
        "",
        "",
        "独居老人、低保",
        "示例行（导入前请删除本行）",
        "",
        "",
        "",
    ),
)

DESCRIPTIONS = {
    "building": ("是", "楼栋号，如 3。也可以把整个房号写在“房号”列（如 3-2-501），此列留空。", "3"),
    "unit": ("否", "单元号，如 2；没有单元的楼留空。", "2"),
    "number": ("是", "房号，如 501；或完整房号 3-2-501。同一房号再次导入时更新该房屋，不会重复。", "501"),
    "area": ("是", "专有面积（平方米），以不动产权证为准，最多两位小数，大于 0 且小于 10000。", "89.50"),
    "use": ("否", f"房屋用途：{_words(ROOM_USE_WORDS)}；留空为住宅。", "住宅"),
    "occupancy": ("否", f"居住状态：{_words(OCCUPANCY_WORDS)}；留空时有租户为出租，否则为自住。", "自住"),
    "owner_names": ("否", "业主姓名；多位共有人用顿号“、”分隔。", "张三、王玥"),
    "owner_phones": (
        "否",
        "业主手机号（11 位）；多位共有人按姓名顺序用“、”分隔，某人没有电话时留空位，"
        "如“、13987654321”。只写一个号码时归第一位业主。写的是固定电话时，记为该人的固定电话。",
        "13812345678、13987654321",
    ),
    "owner_ids": (
        "否",
        "居民身份证号（18 位，末位可为 X）；多人时同上，按姓名顺序用“、”分隔。",
        _id_number("11010519491231002"),
    ),
    "tenant_names": ("否", "租户姓名；多人用“、”分隔。", "李喆"),
    "tenant_phones": ("否", "租户手机号，多人按姓名顺序用“、”分隔。", "13700001111"),
    "lease_from": ("否", "租期开始日期，如 2025-03-01、2025/3/1 或 2025年3月1日。", "2025-03-01"),
    "lease_to": ("否", "租期结束日期，不能早于开始日期。", "2026-02-28"),
    "flags": ("否", f"特殊标记：{_words(FLAG_WORDS)}；多个用“、”分隔。", "独居老人、低保"),
    "note": ("否", "备注，任意文字。", ""),
    "owner_landlines": (
        "否",
        "业主固定电话，如 0571-88886666 或 88886666，分机写在后面：0571-88886666-123 或 0571-88886666转123；"
        "多人时同业主电话，按姓名顺序用“、”分隔。手机号请写在业主电话列。",
        "0571-88886666",
    ),
    "tenant_landlines": ("否", "租户固定电话，写法同业主固定电话。", "010-62345678"),
    "parking": (
        "否",
        "该房屋的车位编号，多个用“、”分隔。尚未登记的车位在导入前列出，确认后才新建。",
        "P-001、P-002",
    ),
}
TEXT_COLUMNS = {
    "building",
    "unit",
    "number",
    "owner_phones",
    "owner_ids",
    "tenant_phones",
    "owner_landlines",
    "tenant_landlines",
    "parking",
}
WIDTHS = {
    "owner_names": 16,
    "owner_phones": 26,
    "owner_ids": 42,
    "tenant_names": 12,
    "tenant_phones": 14,
    "lease_from": 12,
    "lease_to": 12,
    "flags": 16,
    "note": 60,
    "owner_landlines": 20,
    "tenant_landlines": 16,
    "parking": 14,
}


def build(target: Path = TARGET) -> Path:
    """Write the template workbook to ``target``."""
    workbook = Workbook()
    workbook.properties.creator = "EstateDesk"
    workbook.properties.created = FIXED_TIME
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "住户"
    header_font = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFF2CC")
    plain_fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.append([f.header for f in FIELDS])
    for column, spec in enumerate(FIELDS, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.font = header_font
        cell.fill = required_fill if spec.required else plain_fill
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = WIDTHS.get(spec.key, 10)
    for row in EXAMPLE_ROWS:
        sheet.append(list(row))
    # Text format for codes, phones and ID numbers: typed into a number cell, Excel would show an
    # 18-digit ID number as 1.10105E+17 and lose its last three digits.
    for column, spec in enumerate(FIELDS, start=1):
        letter = get_column_letter(column)
        if spec.key in TEXT_COLUMNS:
            for row_number in range(2, 1001):
                sheet[f"{letter}{row_number}"].number_format = "@"
        elif spec.key == "area":
            for row_number in range(2, 1001):
                sheet[f"{letter}{row_number}"].number_format = "0.00"
    sheet.freeze_panes = "A2"

    notes = workbook.create_sheet("说明")
    notes.append(["列名", "必填", "说明", "示例", "也可写作"])
    for cell in notes[1]:
        cell.font = header_font
    for spec in FIELDS:
        required, text, example = DESCRIPTIONS[spec.key]
        notes.append([spec.header, required, text, example, "、".join(spec.synonyms)])
    notes.append([])
    for line in (
        "使用说明：",
        "1. 第一行是列名，请勿删除；列的顺序可以调整，不需要的列可以删除。"
        "未出现的列在更新已有房屋时保持原样。",
        "2. 每行一户（一个房号）。同一房号再次导入时更新该房屋（以房号为准），不会重复建档。",
        "3. 导入前程序会逐行检查，并按表格行号列出有问题的行；有问题时默认一行也不写入，"
        "也可以选择只导入没有问题的行。",
        "4. 也可以导入 CSV 文件（UTF-8 或 GBK 编码，逗号、分号或制表符分隔），列名相同。",
        "5. “住户”工作表中的两行是示例，导入前请删除。",
        "6. 已有的列中留空的单元格表示清除该项：例如租户姓名留空会删除该房屋的租户，车位留空会释放它的车位。"
        "导入前程序列出每一处将被删除的内容和需要确认的情况（如新车位、出租却无租户），确认后才写入。",
    ):
        notes.append([line])
    for letter, width in zip("ABCDE", (12, 6, 70, 30, 40), strict=True):
        notes.column_dimensions[letter].width = width
    for row in notes.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    notes.freeze_panes = "A2"

    target.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(target)
    _make_reproducible(target)
    return target


def _make_reproducible(path: Path) -> None:
    """Pin the times openpyxl stamps on save (document modified, zip entries) to ``FIXED_TIME``."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), data)
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def main() -> int:
    """Write the template and say where."""
    print(f"wrote {build()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
