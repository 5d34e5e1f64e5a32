"""Write the frozen database of the current schema version: ``data/schema_v<N>.sqlite3``.

Run it once when a migration lands (``python tests/migrations/freeze.py``) and commit the file;
tests/migrations/test_frozen_databases.py then upgrades every frozen file on every run. A
frozen file is never rewritten: it stands for the files that users of that version have.
"""

from __future__ import annotations

import argparse
import io
import sqlite3
import sys
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.fees import Month
from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse
from estatedesk.domain.repairs import LimitKind, TimeLimit
from estatedesk.services import cleaning, fees, households, repairs, votes
from estatedesk.services.cleaning import (
    CleanerInput,
    Deduction,
    InspectionInput,
    InspectionSettings,
    TaskInput,
)
from estatedesk.services.fees import FeeItemInput, FeeSettings, PaymentInput, ReductionInput
from estatedesk.services.households import PersonInput, ResidentInput, RoomInput
from estatedesk.services.repairs import DoneInput, FacilityInput, Holidays, OrderInput
from estatedesk.services.votes import BallotInput, VoteInput
from estatedesk.store import audit
from estatedesk.store.db import create_estate
from estatedesk.store.migrations import SCHEMA_VERSION

DATA_DIR = Path(__file__).resolve().parent / "data"
ESTATE_NAME = "冻结样本小区"


def frozen_path(version: int, folder: Path = DATA_DIR) -> Path:
    """Where the frozen database of ``version`` lives."""
    return folder / f"schema_v{version}.sqlite3"


def fill() -> None:
    """A small estate with every kind of record the households file, the fee ledger, the votes, the
    repair log and the cleaning schedule know."""
    audit.set_actor("freeze")
    wang = PersonInput("王玥", "13800138000", "11010519491231002X", landline="0571-88886666")
    li = PersonInput("李喆", "13912345678")
    zhang = PersonInput("张堃", "", "440106197512121234")
    first = households.create_room(
        RoomInput(
            "3",
            "2",
            "501",
            "89.50",
            flags=frozenset({Flag.ELDERLY_ALONE}),
            note="老人独居，每周探访",
            owners=[wang, li],
            residents=[ResidentInput("李小喆", role=ResidentRole.FAMILY)],
            parking=["P-001"],
        ),
        confirmed={"new_parking:P-001"},
    )
    households.create_room(
        RoomInput(
            "3",
            "2",
            "1002",
            "120.35",
            occupancy=Occupancy.RENTED,
            owners=[wang],
            residents=[
                ResidentInput(
                    "赵六",
                    "13700137000",
                    role=ResidentRole.TENANT,
                    lease_from=date(2025, 3, 1),
                    lease_to=date(2026, 2, 28),
                    landline="010-62345678-8",
                )
            ],
            parking=["P-002", "P-003"],
        ),
        confirmed={"new_parking:P-002", "new_parking:P-003"},
    )
    households.create_room(
        RoomInput(
            "10",
            "1",
            "101",
            "45.00",
            use=RoomUse.SHOP,
            occupancy=Occupancy.RENTED,
            flags=frozenset({Flag.HARDSHIP, Flag.DISABLED}),
            owners=[zhang, PersonInput("曾伟")],
            residents=[ResidentInput("单雄", "18612345678", lease_from=date(2024, 6, 1))],
        )
    )
    garage = households.create_room(
        RoomInput(
            "10",
            "",
            "G1",
            "15.2",
            use=RoomUse.GARAGE,
            occupancy=Occupancy.VACANT,
            owners=[zhang],
        )
    )
    households.create_room(RoomInput("2", "1", "301", "72.38", occupancy=Occupancy.VACANT))
    # history: an edit, an archived room and a deleted one
    households.update_room(
        first,
        RoomInput(
            "3",
            "2",
            "501",
            "89.50",
            flags=frozenset({Flag.ELDERLY_ALONE}),
            note="老人独居，每周探访",
            owners=[wang, li, PersonInput("张堃", "", "440106197512121234")],
            residents=[ResidentInput("李小喆", role=ResidentRole.FAMILY)],
            parking=["P-001"],
        ),
    )
    households.update_room(
        garage,
        RoomInput(
            "10",
            "",
            "G1",
            "15.20",
            use=RoomUse.GARAGE,
            occupancy=Occupancy.VACANT,
            owners=[zhang],
            note="待售",
        ),
    )
    households.remove_room(garage)
    mistake = households.create_room(RoomInput("2", "1", "302", "72.38"))
    households.remove_room(mistake)
    fill_fees()
    fill_votes()
    fill_repairs()
    fill_cleaning()


def fill_votes() -> None:
    """Votes (version 4): a developer's room, a motion with a void and re-entry, counts and a close, an
    election with double entry, a proxy and an over-marked ballot."""
    rooms = {row.code: row.id for row in households.list_rooms()}
    unsold = households.room_detail(rooms["2-1-301"]).as_input()
    households.update_room(rooms["2-1-301"], replace(unsold, flags=frozenset({Flag.DEVELOPER})))
    motion = votes.create_vote(VoteInput("关于更换3号楼电梯的决定", "major")).vote_id
    votes.enter_ballot(BallotInput(motion, room="3-2-501", choice="no"))
    votes.void_ballot(motion, "", "3-2-501", "录入时选错了意见")
    votes.enter_ballot(BallotInput(motion, room="3-2-501", choice="yes"))
    votes.enter_ballot(BallotInput(motion, room="3-2-1002", choice="yes", proxy_name="赵六"))
    votes.enter_ballot(BallotInput(motion, room="2-1-301", choice="abstain"))
    votes.record_counts(motion, 4, 3)
    votes.close_vote(motion)
    election = votes.create_vote(
        VoteInput(
            "第二届业主委员会选举",
            "election",
            seats=5,
            candidates=["王玥", "李喆", "张堃", "曾伟"],
            double_entry=True,
        )
    ).vote_id
    audit.set_actor("录入员甲")
    votes.enter_ballot(BallotInput(election, room="3-2-501", marks=("王玥", "张堃")))
    votes.enter_ballot(BallotInput(election, room="10-1-101", marks=("王玥", "李喆", "张堃", "曾伟")))
    audit.set_actor("录入员乙")
    votes.enter_ballot(BallotInput(election, room="3-2-501", marks=("王玥", "张堃"), second_entry=True))
    votes.enter_ballot(BallotInput(election, room="10-1-101", marks=("王玥",), second_entry=True))
    audit.set_actor("freeze")


def fill_repairs() -> None:
    """The repair log (version 5): a facility with its upkeep done, an order closed with a charge to
    the owner, a rework, a paused and a cancelled order, a photo, the fund paid on a vote, the
    office's own category and its holiday table of 2031 with an order counted by it."""
    later = {"received_in_future"}  # the 2031 order, whenever this runs
    pump = repairs.add_facility(
        FacilityInput("1号生活水泵", "地下泵房", "格兰富 CR10", "2026-03-01", "2028-02-28", "6", "每半年保养")
    )
    upkeep = repairs.order_upkeep([pump], datetime(2026, 9, 1, 9, 0))[0].order_id
    repairs.dispatch(upkeep, "外包：泵业公司", "0571-88886666", contractor=True, at="2026-09-01 09:30")
    repairs.start(upkeep, at="2026-09-02 09:00")
    repairs.finish(upkeep, DoneInput("更换机封，加注润滑油", payer="estate", at="2026-09-02 11:00"))
    repairs.close(upkeep, at="2026-09-02 11:30")

    leak = repairs.add_order(
        OrderInput("2026-10-09 09:00", "in-home", "卫生间漏水", room="3-2-501", reporter_phone="13800138000"),
        later,
    ).order_id
    repairs.dispatch(leak, "李师傅", "13800001111", at="2026-10-09 09:10")
    repairs.start(leak, at="2026-10-09 10:00")
    repairs.finish(leak, DoneInput("换密封圈", "密封圈", "12.50", "50", "owner", at="2026-10-09 11:00"))
    repairs.visit(leak, False, "还在滴", "客服小刘", at="2026-10-10 09:00")  # rework
    repairs.start(leak, at="2026-10-10 14:00")
    repairs.finish(leak, DoneInput("重新密封", payer="owner", at="2026-10-10 15:00"))
    repairs.visit(leak, True, "满意", "客服小刘", at="2026-10-11 09:00")
    repairs.close(leak, at="2026-10-11 09:05")  # charges 3-2-501 62.50

    waiting = repairs.add_order(
        OrderInput(
            "2026-10-12 08:30",
            "public-glass-door-light",
            "单元门禁失灵",
            channel="group-chat",
            reporter_name="赵先生",
            place_kind="door-access",
            building="3",
            unit="2",
        ),
        later,
    ).order_id
    repairs.dispatch(waiting, "王师傅", at="2026-10-12 09:00")
    repairs.pause(waiting, "等门禁主板到货", at="2026-10-12 11:00")
    repairs.note(waiting, "厂家说周五到货")

    duplicate = repairs.add_order(
        OrderInput("2026-10-12 08:40", "water", "楼上漏水到我家", room="3-2-1002", urgency="emergency"), later
    ).order_id
    repairs.cancel(duplicate, "与前一单重复", at="2026-10-12 08:45")

    pictured = repairs.add_order(
        OrderInput("2026-10-13 16:00", "common-part", "屋面渗水", channel="patrol", place_kind="roof"), later
    ).order_id
    repairs.add_photo(pictured, _freeze_photo(), "屋面.png")

    motion = min(view.vote_id for view in votes.list_votes())
    funded = repairs.add_order(
        OrderInput("2026-10-14 10:00", "common-part", "水泵异响", place_kind="facility", facility_id=pump),
        later,
    ).order_id
    repairs.dispatch(funded, "外包：泵业公司", at="2026-10-14 10:30")
    repairs.start(funded, at="2026-10-15 09:00")
    repairs.finish(
        funded, DoneInput("更换水泵轴承", "轴承", "800", "400", "fund", motion, at="2026-10-15 12:00")
    )

    current = repairs.limits()
    repairs.save_limits(
        replace(current, finish={**current.finish, "lift": TimeLimit(LimitKind.MINUTES, 120)}),
        {"lift": "电梯困人"},
    )
    repairs.save_holidays(
        Holidays(
            2031, tuple(date(2031, 10, day) for day in range(1, 8)), (date(2031, 9, 28), date(2031, 10, 11))
        )
    )
    repairs.add_order(
        OrderInput(
            "2031-09-30 10:00", "common-part", "计划：外墙检查", place_kind="other", place_text="3号楼外墙"
        ),
        later,
    )


# The cleaning schedule's month: accepted, changed by hand, then broken by leave entered later.
ROTA_MONTH, HAND_CHANGE_DAY = "2026-11", date(2026, 11, 4)


def fill_cleaning() -> None:
    """The cleaning schedule (version 6): the stairwells the rooms made, common areas
    of every kind, tasks of every frequency, a team with days off, part-time minutes, leave and a
    former member, responsible cleaners, the month's rota accepted with a hand change and later leave
    over it, changed inspection settings, inspections by checklist (with a photo) and by score."""
    areas = {view.name: view.area_id for view in cleaning.list_areas()}
    for kind, name in (
        (AreaKind.ROAD, "中心广场及主干道"),
        (AreaKind.GARBAGE, "3号楼东侧垃圾点"),
        (AreaKind.GREEN, "南侧绿化带"),
        (AreaKind.CAR_PARK, "地面停车场"),
        (AreaKind.DRAINS, "雨污水井"),
        (AreaKind.SEPTIC_TANK, "化粪池"),
        (AreaKind.WATER_TANK, "二次供水水箱"),
        (AreaKind.OTHER, "会所及活动室"),
    ):
        areas[name] = cleaning.add_area(kind, name, "会所每周三开放" if kind is AreaKind.OTHER else "")
    cleaning.rename_area(areas["会所及活动室"], "会所活动室", "会所每周三开放")
    areas["会所活动室"] = areas.pop("会所及活动室")

    # RULES.md §5's defaults on the stairwells, roads and garbage (from 1 October), on the drains,
    # the septic tank and the water tank from 20 November last year (their yearly, 2-monthly and
    # 6-monthly work then falls on 20 November 2026)
    start = date(2026, 10, 1)
    cleaning.add_default_tasks(
        [areas[name] for name in ("3号楼2单元楼道", "10号楼1单元楼道", "2号楼1单元楼道", "中心广场及主干道")],
        start,
    )
    cleaning.add_default_tasks([areas["3号楼东侧垃圾点"]], start)
    cleaning.add_default_tasks(
        [areas[name] for name in ("雨污水井", "化粪池", "二次供水水箱")], date(2025, 11, 20)
    )
    for area, what, every, minutes, starts_on in (
        ("3号楼2单元楼道", "擦拭单元门禁及信报箱", "mon,thu", "15", "2026-10-01"),
        ("南侧绿化带", "清理绿化带落叶", "3days", "25", "2026-11-01"),
        ("南侧绿化带", "捡拾绿化带垃圾", "day", "20", "2026-10-01"),
        ("地面停车场", "清扫停车场", "day", "30", "2026-10-01"),
        ("地面停车场", "清理停车场排水沟", "month:15", "40", "2026-10-01"),
        ("会所活动室", "月末消杀", "month:31", "45", "2026-10-01"),
        ("会所活动室", "打扫会所", "wed", "60", "2026-10-01"),
        ("3号楼东侧垃圾点", "垃圾点除臭", "2/week", "15", "2026-10-01"),
    ):
        cleaning.add_task(TaskInput(areas[area], what, every, minutes, starts_on))
    # a task changed (longer) and one stopped
    stairs = next(
        task for task in cleaning.list_tasks(areas["3号楼2单元楼道"]) if task.what == "清扫楼道及门厅"
    )
    cleaning.update_task(stairs.task_id, TaskInput(stairs.area_id, stairs.what, "day", "25", "2026-10-01"))
    mistake = cleaning.add_task(TaskInput(areas["化粪池"], "检查化粪池盖板", "2/week", "10", "2026-10-01"))
    cleaning.remove_task(mistake)

    liu = cleaning.add_cleaner(CleanerInput("刘桂英", "13951820001", "sun", "480", "组长"))
    chen = cleaning.add_cleaner(CleanerInput("陈玥", "13951820002", "sat", "300"))
    wang = cleaning.add_cleaner(CleanerInput("王喆", "", "wed,sun", "480"))
    cleaning.update_cleaner(chen, CleanerInput("陈玥", "13951820002", "sat", "240", "半天班"))
    former = cleaning.add_cleaner(CleanerInput("孙强", "13951820004", "mon", "480"))
    cleaning.remove_cleaner(former)
    for area, who in (
        ("3号楼2单元楼道", liu),
        ("10号楼1单元楼道", liu),
        ("2号楼1单元楼道", liu),
        ("南侧绿化带", liu),
        ("3号楼东侧垃圾点", chen),
        ("地面停车场", chen),
        ("中心广场及主干道", wang),
        ("雨污水井", wang),
        ("化粪池", wang),
        ("二次供水水箱", wang),
    ):
        cleaning.set_responsible(areas[area], who)
    cleaning.add_leave(liu, "2026-11-09", "2026-11-11", "事假")
    taken_back = cleaning.add_leave(chen, "2026-11-02", "2026-11-02").leave_id
    cleaning.remove_leave(taken_back)

    cleaning.accept_rota(ROTA_MONTH)
    # 刘桂英's own stairwell swept by 陈玥 on a Wednesday, by hand
    cleaning.reassign(ROTA_MONTH, HAND_CHANGE_DAY, stairs.task_id, 1, chen)
    cleaning.add_leave(wang, "2026-11-23", "2026-11-24", "病假")  # after the rota: re-planned when shown

    cleaning.save_inspection_settings(
        InspectionSettings(
            3,  # Thursday
            (
                Deduction("地面有垃圾、烟头", 5),
                Deduction("扶手、窗台积灰", 3),
                Deduction("垃圾桶满溢或周边脏乱", 6),
                Deduction("电梯轿厢有污渍", 4),
            ),
            30,
            10,
        )
    )
    checked = cleaning.record_inspection(
        InspectionInput(
            "2026-11-05",
            areas["3号楼2单元楼道"],
            found=(("地面有垃圾、烟头", 1), ("扶手、窗台积灰", 2)),
            note="五楼有烟头",
        )
    )
    cleaning.add_inspection_photo(checked.inspection_id, _freeze_photo(), "楼道.png")
    for day, area, score, note in (
        ("2026-11-05", "中心广场及主干道", "90", ""),
        ("2026-11-12", "3号楼2单元楼道", "95", ""),
        ("2026-11-12", "3号楼东侧垃圾点", "70", ""),
        ("2026-11-12", "3号楼东侧垃圾点", "78", "桶边有渗漏"),  # the same day again: replaces the 70
        ("2026-11-19", "会所活动室", "88", "无人负责"),
    ):
        cleaning.record_inspection(InspectionInput(day, areas[area], score, note=note))
    # the road changes hands: its November score stays 王喆's
    cleaning.set_responsible(areas["中心广场及主干道"], liu)


def _freeze_photo() -> bytes:
    """A small picture made here (no file to carry): a grey roof with a dark stain."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (640, 480), (150, 150, 150))
    ImageDraw.Draw(image).ellipse((200, 150, 420, 330), fill=(60, 50, 40))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def fill_fees() -> None:
    """The fee ledger (version 3): items of each kind, a price change, a billing run, a reduction,
    payments with a prepayment, and a void."""
    rooms = {row.code: row.id for row in households.list_rooms()}
    homes_and_shops = frozenset({RoomUse.RESIDENTIAL, RoomUse.SHOP})
    area = fees.add_item(FeeItemInput("物业费", "area", "0.6125", date(2026, 1, 1), homes_and_shops))
    fees.add_item(FeeItemInput("垃圾清运费", "fixed", "15", date(2026, 1, 1)))
    fees.add_item(FeeItemInput("车位管理费", "parking", "60", date(2026, 1, 1)))
    fees.add_item(FeeItemInput("电梯更新分摊", "one-off", "300", date(2026, 2, 10), homes_and_shops))
    fees.set_price(area, "0.65", date(2026, 3, 1))
    fees.save_fee_settings(FeeSettings(vacant_percent=Decimal(50), how_to_pay="请到物业办公室缴纳"))
    fees.bill(Month(2026, 1), Month(2026, 3), date(2026, 1, 5))
    fees.reduce(
        ReductionInput(
            rooms["10-1-101"],
            area,
            Month(2026, 1),
            Month(2026, 3),
            percent="20",
            reason="困难户减免",
            approver="业委会主任",
        ),
        date(2026, 1, 20),
    )
    wrong = fees.pay(PaymentInput(rooms["3-2-1002"], "500", "cash", paid_on=date(2026, 2, 1)))
    fees.void(wrong.receipt, "收款金额录错", date(2026, 2, 1))
    fees.pay(PaymentInput(rooms["3-2-1002"], "1000", "wechat", "4200001234", date(2026, 2, 2), "赵六"))
    fees.pay(PaymentInput(rooms["2-1-301"], "250", "transfer", "B20260203", date(2026, 2, 3)))


def freeze(folder: Path = DATA_DIR, force: bool = False) -> Path:
    """Write the frozen database of ``SCHEMA_VERSION`` into ``folder`` and return its path."""
    target = frozen_path(SCHEMA_VERSION, folder)
    if target.exists() and not force:
        raise SystemExit(
            f"{target} exists: frozen databases are never rewritten (use --force only "
            "if this version was never released)"
        )
    target.unlink(missing_ok=True)
    estate = create_estate(target, ESTATE_NAME)
    try:
        fill()
        estate.database.execute_sql("VACUUM")
    finally:
        estate.close()
    # A single self-contained file: a look at it (even read-only) must leave nothing beside it.
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
    target.with_name(target.name + ".lock").unlink(missing_ok=True)
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line: ``freeze.py [--output DIR] [--force]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=DATA_DIR, help="folder to write into")
    parser.add_argument("--force", action="store_true", help="replace an existing frozen file")
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    print(freeze(args.output, args.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
