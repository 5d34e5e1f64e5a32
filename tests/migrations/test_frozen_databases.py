"""Every past schema version has a frozen database, and each one opens and upgrades.

When a migration lands, run ``python tests/migrations/freeze.py`` to freeze the new version
and commit the file; the test below refuses a SCHEMA_VERSION without its frozen database.
"""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import sqlite3
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.cleaning_scores import DEFAULT_DEDUCTIONS, Band
from estatedesk.domain.fees import Month
from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse
from estatedesk.domain.repairs import LimitKind, Limits, Payer, PlaceKind, State, Step, TimeLimit
from estatedesk.domain.rota import Why
from estatedesk.domain.workdays import CalendarSource
from estatedesk.services import cleaning, fees, households, repairs, votes
from estatedesk.services import estate as estate_service
from estatedesk.services.cleaning import (
    CleanerInput,
    Deduction,
    InspectionInput,
    InspectionSettings,
    RotaView,
)
from estatedesk.services.repairs import DoneInput, Holidays, OrderFilter, OrderInput
from estatedesk.store.backup import check_estate
from estatedesk.store.db import APPLICATION_ID, EstateFile, open_estate, read_header
from estatedesk.store.migrations import SCHEMA_VERSION

DATA_DIR = Path(__file__).resolve().parent / "data"
FROZEN = sorted(DATA_DIR.glob("schema_v*.sqlite3"), key=lambda p: int(re.findall(r"\d+", p.stem)[0]))


def version_of(path: Path) -> int:
    match = re.fullmatch(r"schema_v(\d+)", path.stem)
    assert match, path.name
    return int(match[1])


@pytest.fixture(params=FROZEN, ids=[p.stem for p in FROZEN])
def upgraded(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[int, EstateFile]:
    frozen: Path = request.param
    copy = tmp_path / "estate.sqlite3"
    shutil.copyfile(frozen, copy)  # never the committed file itself
    estate = open_estate(copy)
    request.addfinalizer(estate.close)
    return version_of(frozen), estate


def test_a_frozen_database_exists_for_every_schema_version() -> None:
    versions = [version_of(path) for path in FROZEN]
    missing = sorted(set(range(1, SCHEMA_VERSION + 1)) - set(versions))
    assert not missing, (
        f"no frozen database for schema version(s) {missing}: run `python tests/migrations/freeze.py` "
        "before changing SCHEMA_VERSION again, and commit the file"
    )
    assert max(versions) == SCHEMA_VERSION  # none from the future either


@pytest.mark.parametrize("frozen", FROZEN, ids=[p.stem for p in FROZEN])
def test_each_frozen_file_is_what_its_name_says(frozen: Path, tmp_path: Path) -> None:
    assert read_header(frozen) == (APPLICATION_ID, version_of(frozen))
    assert not any(Path(str(frozen) + side).exists() for side in ("-wal", "-shm", "-journal"))
    copy = tmp_path / frozen.name
    shutil.copyfile(frozen, copy)
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, no WAL
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


def test_a_frozen_database_opens_upgraded_and_sound(upgraded: tuple[int, EstateFile]) -> None:
    version, estate = upgraded
    assert estate.database.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    if version < SCHEMA_VERSION:
        assert estate.migrated_from == version
        assert estate.copy_before_migration is not None and estate.copy_before_migration.exists()
    else:
        assert estate.migrated_from is None
    report = check_estate(estate)
    assert report.ok, report
    assert report.counts["rooms"] == 4 and report.counts["archived_rooms"] == 1


def test_the_frozen_data_reads_back_through_the_services(upgraded: tuple[int, EstateFile]) -> None:
    version, estate = upgraded
    assert estate.estate_name == "冻结样本小区"
    rows = households.list_rooms()
    assert [row.code for row in rows] == ["2-1-301", "3-2-501", "3-2-1002", "10-1-101"]
    codes = {row.code: row for row in households.list_rooms(include_archived=True)}
    assert set(codes) == {"2-1-301", "3-2-501", "3-2-1002", "10-1-101", "10-G1"}
    assert codes["10-G1"].archived == 1

    first = households.room_detail(codes["3-2-501"].id)
    assert [owner.name for owner in first.owners] == ["王玥", "李喆", "张堃"]
    assert first.owners[0].id_number == "11010519491231002X"
    assert first.owners[0].other_rooms == ("3-2-1002",)
    assert first.area_centi == 8950
    assert first.flags == {Flag.ELDERLY_ALONE}
    assert first.note == "老人独居，每周探访"
    assert [(r.name, r.role) for r in first.residents] == [("李小喆", ResidentRole.FAMILY)]
    assert first.parking == ("P-001",)
    # the room's own changes (from version 5 its repair orders are told under the room too)
    changes = [entry.action for entry in households.room_history(first.id) if entry.entity == "room"]
    assert changes == ["update", "create"]

    rented = households.room_detail(codes["3-2-1002"].id)
    tenant = rented.residents[0]
    assert (tenant.name, tenant.phone, tenant.role) == ("赵六", "13700137000", ResidentRole.TENANT)
    assert (tenant.lease_from, tenant.lease_to) == (date(2025, 3, 1), date(2026, 2, 28))
    assert rented.occupancy is Occupancy.RENTED
    assert rented.parking == ("P-002", "P-003")

    shop = households.room_detail(codes["10-1-101"].id)
    assert shop.use is RoomUse.SHOP
    assert shop.flags == {Flag.HARDSHIP, Flag.DISABLED}
    assert [owner.name for owner in shop.owners] == ["张堃", "曾伟"]

    found = [row.code for row in rows if "zk" in row.search]  # 张堃 by initials
    assert found == ["3-2-501", "10-1-101"]

    # Landlines came with version 2: a file from before has none, and reads as it did.
    landlines = (first.owners[0].landline, tenant.landline)
    if version >= 2:
        assert landlines == ("0571-88886666", "010-62345678-8")
        assert [row.code for row in rows if "01062345678" in row.search] == ["3-2-1002"]
    else:
        assert landlines == (None, None)


def test_a_frozen_database_accepts_new_work(upgraded: tuple[int, EstateFile]) -> None:
    _, estate = upgraded
    room_id = households.create_room(
        households.RoomInput(
            "3",
            "2",
            "502",
            "89.5",
            owners=[households.PersonInput("王玥", "13800138000", "11010519491231002x")],
        )
    )
    assert households.room_detail(room_id).owners[0].other_rooms == ("3-2-501", "3-2-1002")
    assert check_estate(estate).ok


# What a household is, read straight from a file: each room with its people and parking.
HOUSEHOLDS = """
    SELECT r.code, r.area_centi, r.use, r.occupancy, r.hardship, r.elderly_alone, r.disabled, r.note,
           r.archived_at IS NOT NULL, r.owners_text, r.tenants_text,
           (SELECT group_concat(p.name || '/' || COALESCE(p.phone, '') || '/'
                                || COALESCE(p.id_number, ''), ';')
            FROM (SELECT p.* FROM ownership AS o JOIN person AS p ON p.id = o.person_id
                  WHERE o.room_id = r.id ORDER BY o.position, p.id) AS p),
           (SELECT group_concat(p.name || '/' || s.role || '/' || COALESCE(s.lease_from, '') || '/'
                                || COALESCE(s.lease_to, ''), ';')
            FROM (SELECT * FROM resident WHERE room_id = r.id ORDER BY id) AS s
            JOIN person AS p ON p.id = s.person_id),
           (SELECT group_concat(code, ';')
            FROM (SELECT code FROM parking_space WHERE room_id = r.id ORDER BY code))
    FROM room AS r ORDER BY r.code
"""


def households_in(path: Path) -> tuple[list[tuple[object, ...]], tuple[int, ...]]:
    connection = sqlite3.connect(path)
    try:
        rooms = connection.execute(HOUSEHOLDS).fetchall()
        counts = tuple(
            int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for table in ("room", "person", "ownership", "resident", "parking_space")
        )
    finally:
        connection.close()
    return rooms, counts


@pytest.mark.parametrize("frozen", FROZEN, ids=[p.stem for p in FROZEN])
def test_upgrading_keeps_every_household(frozen: Path, tmp_path: Path) -> None:
    before = households_in(frozen)
    copy = tmp_path / "estate.sqlite3"
    shutil.copyfile(frozen, copy)
    open_estate(copy).close()
    after = households_in(copy)
    assert before[1] == (5, 7, 7, 3, 3)  # four rooms on file and one archived; their people and spaces
    assert after == before
    assert read_header(copy) == (APPLICATION_ID, SCHEMA_VERSION)


def test_the_frozen_fee_ledger_verifies_and_reads_back(upgraded: tuple[int, EstateFile]) -> None:
    version, estate = upgraded
    result = estate_service.verify(estate_service.Estate(estate))
    assert result.ok, result.first_bad
    report = check_estate(estate)
    if version < 3:  # the fee ledger came with version 3: an older file upgrades to an empty one
        assert result.entries == 0 and fees.list_items() == [] and report.counts["ledger_entries"] == 0
        return
    assert result.entries == report.counts["ledger_entries"] > 0 and report.stale_open_charges == 0
    assert (report.counts["receipts"], report.counts["void_receipts"]) == (3, 1)
    # From version 5 a repair the owner paid is charged under an item of its own, made on the first one
    repair_item = [("维修费", "one-off")] if version >= 5 else []
    assert [(item.name, item.kind.value) for item in fees.list_items()] == [
        ("物业费", "area"),
        ("垃圾清运费", "fixed"),
        ("车位管理费", "parking"),
        ("电梯更新分摊", "one-off"),
        *repair_item,
    ]
    assert [price.price_units for price in fees.find_item("物业费").prices] == [6125, 6500]
    assert str(fees.fee_settings().vacant_percent) == "50"
    receipts = {row.number: row for row in fees.list_receipts()}
    assert sorted(receipts) == ["2026-000001", "2026-000002", "2026-000003"]
    assert receipts["2026-000001"].void_reason == "收款金额录错"
    assert (receipts["2026-000002"].payer, receipts["2026-000002"].reference) == ("赵六", "4200001234")
    codes = {row.code: row.id for row in households.list_rooms()}
    account = fees.account(codes["3-2-1002"])
    assert account.due_fen - account.reduced_fen - account.paid_fen == account.owed_fen
    assert account.paid_fen + account.prepaid_fen == 100000  # the void took its 500 back
    shop = fees.account(codes["10-1-101"])
    assert shop.reduced_fen > 0 and any(line.kind == "减免" for line in shop.entries)
    # 45.00 m² × 0.6125 = 27.5625 → 27.56 a month, then 0.65 from March: 29.25
    assert [line.amount_fen for line in shop.lines if line.item == "物业费"] == [2756, 2756, 2925]


def test_a_frozen_database_bills_and_takes_payments(upgraded: tuple[int, EstateFile]) -> None:
    version, estate = upgraded
    if version < 3:
        fees.add_item(fees.FeeItemInput("物业费", "area", "0.60", date(2026, 1, 1)))
    made = fees.bill(Month(2026, 4), Month(2026, 4), date(2026, 4, 1))
    assert made.created > 0
    room = households.list_rooms()[0].id
    paid = fees.pay(fees.PaymentInput(room, "100", "cash", paid_on=date(2026, 4, 2)))
    assert paid.receipt == ("2026-000004" if version >= 3 else "2026-000001")
    assert estate_service.verify(estate_service.Estate(estate)).ok
    assert check_estate(estate).ok


def test_the_frozen_votes_verify_and_count_as_they_did(upgraded: tuple[int, EstateFile]) -> None:
    version, estate = upgraded
    result = estate_service.verify_ballots(estate_service.Estate(estate))
    assert result.ok, result.first_bad
    if version < 4:  # votes came with version 4: an older file upgrades with none, and can open one
        assert result.entries == 0 and votes.list_votes() == []
        created = votes.create_vote(votes.VoteInput("升级后的第一次表决", "ordinary"))
        assert created.heads == 4  # 王玥 (3-2-1002), the three co-owners, 张堃 and 曾伟, the empty room
        return
    # the motion: opened, 4 ballots, a void, counts, closed; the election: opened, 2 ballots, 2 second entries
    assert result.entries == 13
    motion, election = sorted(votes.list_votes(), key=lambda view: view.vote_id)
    assert (motion.title, motion.is_open, motion.issued, motion.found) == (
        "关于更换3号楼电梯的决定",
        False,
        4,
        3,
    )
    counted = votes.count(motion.vote_id).tally
    assert counted.totals.heads == 4 and counted.participation.heads == 3
    assert counted.motion is not None and counted.motion.yes.heads == 2 and not counted.motion.passed
    assert [v.reason for v in votes.voided_ballots(motion.vote_id)] == ["录入时选错了意见"]
    developer = next(voter for voter in votes.roll(motion.vote_id).voters if voter.rooms == ("2-1-301",))
    assert developer.kind == "developer"
    assert [c.name for c in election.candidates] == ["王玥", "李喆", "张堃", "曾伟"]
    assert [(d.voter_name, d.first_actor, d.second_actor) for d in votes.disagreements(election.vote_id)] == [
        ("张堃、曾伟", "录入员甲", "录入员乙")
    ]
    ranked = votes.count(election.vote_id).tally.election
    assert (
        ranked is not None and ranked.candidates[0].name == "王玥" and ranked.candidates[0].votes.heads == 2
    )


LATER = {"received_in_future"}  # whenever the tests run, the times below stay accepted


def test_a_frozen_database_takes_repair_orders_and_charges_the_owner_twice_in_a_month(
    upgraded: tuple[int, EstateFile],
) -> None:
    version, estate = upgraded
    if version < 5:  # the repair log came with version 5: an older file upgrades to an empty one
        assert repairs.list_orders() == [] and repairs.list_facilities() == []
        assert repairs.office_years() == [] and repairs.limits() == Limits()
    room = next(row for row in households.list_rooms() if row.code == "10-1-101")
    owed_before = fees.account(room.id).owed_fen
    charged = []
    for day, cost in (("2026-12-03", "80"), ("2026-12-17", "45.50")):
        made = repairs.add_order(OrderInput(f"{day} 09:00", "in-home", "门锁坏了", room="10-1-101"), LATER)
        assert made.calendar is CalendarSource.STATUTORY
        repairs.dispatch(made.order_id, "李师傅", "13800001111", at=f"{day} 09:10")
        repairs.start(made.order_id, at=f"{day} 10:00")
        repairs.finish(made.order_id, DoneInput("换锁芯", "锁芯", cost, "", "owner", at=f"{day} 11:00"))
        repairs.visit(made.order_id, True, at=f"{day} 15:00")
        closed = repairs.close(made.order_id, at=f"{day} 15:05")
        assert closed.state is State.CLOSED and closed.charge_entry_id is not None
        charged.append(closed.charge_fen)
        assert [step.kind for step in repairs.order_detail(made.order_id).steps] == [
            Step.RECEIVE,
            Step.DISPATCH,
            Step.START,
            Step.DONE,
            Step.VISIT,
            Step.CLOSE,
        ]
    assert charged == [8000, 4550]
    account = fees.account(room.id)
    repair_lines = [line for line in account.lines if line.item == "维修费"]
    assert [(line.month, line.amount_fen) for line in repair_lines] == [
        (Month(2026, 12), 8000),
        (Month(2026, 12), 4550),
    ]
    assert account.owed_fen == owed_before + 8000 + 4550
    assert estate_service.verify(estate_service.Estate(estate)).ok
    assert check_estate(estate).ok


def test_the_frozen_repair_log_reads_back_as_it_was_written(upgraded: tuple[int, EstateFile]) -> None:
    version, estate = upgraded
    if version < 5:
        return
    report = check_estate(estate)
    assert report.ok, report
    rows = {row.order_id: row for row in repairs.list_orders()}
    assert sorted(rows) == [1, 2, 3, 4, 5, 6, 7]
    upkeep, leak, waiting, duplicate, pictured, funded, planned = (rows[n] for n in range(1, 8))
    assert [rows[n].state for n in range(1, 8)] == [
        State.CLOSED,
        State.CLOSED,
        State.PAUSED,
        State.CANCELLED,
        State.RECEIVED,
        State.DONE,
        State.RECEIVED,
    ]

    # the facility and its upkeep: done on 2 September, every 6 months
    [pump] = repairs.list_facilities()
    assert (pump.name, pump.location, pump.model, pump.upkeep_months) == (
        "1号生活水泵",
        "地下泵房",
        "格兰富 CR10",
        6,
    )
    assert (pump.installed_on, pump.warranty_until) == (date(2026, 3, 1), date(2028, 2, 28))
    assert (pump.last_upkeep, pump.next_upkeep, pump.orders, pump.open_orders) == (
        date(2026, 9, 2),
        date(2027, 3, 2),
        2,
        1,
    )
    detail = repairs.order_detail(upkeep.order_id)
    assert (
        detail.upkeep and detail.facility_id == pump.facility_id and detail.place_kind is PlaceKind.FACILITY
    )
    assert detail.steps[1].contractor and detail.steps[1].worker == "外包：泵业公司"

    # closed with the owner's charge, after a rework
    detail = repairs.order_detail(leak.order_id)
    assert (leak.received, leak.category, leak.reworks) == (datetime(2026, 10, 9, 9, 0), "in-home", 1)
    assert (leak.timing.finish_due, leak.timing.arrived, leak.timing.done) == (
        datetime(2026, 10, 20, 0, 0),  # Saturday 10 October was worked
        datetime(2026, 10, 9, 10, 0),
        datetime(2026, 10, 9, 11, 0),
    )
    assert [step.kind for step in detail.steps] == [
        Step.RECEIVE,
        Step.DISPATCH,
        Step.START,
        Step.DONE,
        Step.VISIT,
        Step.START,
        Step.DONE,
        Step.VISIT,
        Step.CLOSE,
    ]
    assert (detail.steps[1].worker, detail.steps[1].worker_phone) == ("李师傅", "13800001111")
    assert (detail.steps[3].materials, detail.steps[3].materials_fen, detail.steps[3].labour_fen) == (
        "密封圈",
        1250,
        5000,
    )
    assert [(s.satisfied, s.comment, s.caller) for s in detail.steps if s.kind is Step.VISIT] == [
        (False, "还在滴", "客服小刘"),
        (True, "满意", "客服小刘"),
    ]
    assert (detail.payer, detail.cost_fen, detail.reporter_phone) == (Payer.OWNER, 6250, "13800138000")
    close_step = detail.steps[-1]
    assert close_step.charge_fen == 6250 and close_step.charge_entry_id is not None
    first = households.find_room_id("3-2-501")
    [line] = [line for line in fees.account(first).lines if line.item == "维修费"]
    assert (line.charge_id, line.month, line.amount_fen) == (
        close_step.charge_entry_id,
        Month(2026, 10),
        6250,
    )

    # paused, with its reason and a follow-up note; cancelled with its reason
    detail = repairs.order_detail(waiting.order_id)
    assert detail.place_kind is PlaceKind.DOOR_ACCESS and detail.reporter_name == "赵先生"
    assert [s.reason for s in detail.steps if s.kind is Step.PAUSE] == ["等门禁主板到货"]
    assert waiting.last_note == "厂家说周五到货" and waiting.worker == "王师傅"
    assert repairs.order_detail(duplicate.order_id).steps[-1].reason == "与前一单重复"
    assert duplicate.timing.arrive_due == datetime(2026, 10, 12, 9, 10)  # an emergency: 30 minutes

    # the photo, kept inside the file
    [photo] = repairs.order_detail(pictured.order_id).photos
    assert (photo.name, photo.width, photo.height) == ("屋面.png", 640, 480)
    jpeg = repairs.photo_jpeg(photo.photo_id)
    with Image.open(io.BytesIO(jpeg)) as opened:
        assert opened.format == "JPEG" and opened.size == (640, 480)

    # the fund paid on the owners' vote, which did not reach 3/4 (74.35% of the area): said on the order
    detail = repairs.order_detail(funded.order_id)
    motion = min(view.vote_id for view in votes.list_votes())
    assert [notice.template for notice in detail.notices] == [
        "vote {number} did not pass: it approved no spending of the fund"
    ]
    assert (detail.payer, detail.cost_fen, detail.steps[-1].vote_id) == (
        Payer.FUND,
        120000,
        motion,
    )

    # the office's own category and its table of 2031, and the order counted by it
    assert repairs.limits().finish["lift"] == TimeLimit(LimitKind.MINUTES, 120)
    assert next(c.name for c in repairs.categories() if c.key == "lift") == "电梯困人"
    assert repairs.office_years() == [
        Holidays(
            2031, tuple(date(2031, 10, day) for day in range(1, 8)), (date(2031, 9, 28), date(2031, 10, 11))
        )
    ]
    assert (planned.calendar, planned.timing.finish_due) == (
        CalendarSource.OFFICE,
        datetime(2031, 10, 11, 0, 0),
    )
    assert repairs.work_calendar().source(2031) is CalendarSource.OFFICE

    # the lists read them as they stand
    assert [row.order_id for row in repairs.list_orders(OrderFilter(open_only=True))] == [7, 6, 5, 3]
    assert repairs.month_figures("2026-10", datetime(2026, 10, 31)).orders == 4


# ---------------------------------------------------------------- the cleaning schedule (version 6)

# The stairwells of the frozen rooms in the households tree's order (natural: 2 before 10, whichever
# was entered first): one per unit (10号楼1单元 holds a shop), none for building 10's archived
# garage, which has no unit and is no home.
FROZEN_STAIRWELLS = ["2号楼1单元楼道", "3号楼2单元楼道", "10号楼1单元楼道"]


def stairwells() -> list[str]:
    return [view.name for view in cleaning.list_areas(AreaKind.STAIRWELL)]


def test_upgrading_gives_each_building_and_unit_with_rooms_one_stairwell(
    upgraded: tuple[int, EstateFile],
) -> None:
    version, estate = upgraded
    places = estate.database.execute_sql(
        "SELECT DISTINCT r.building_id, r.unit_id, a.name, a.archived_at IS NOT NULL FROM room r"
        " LEFT JOIN cleaning_area a ON a.kind = 'stairwell' AND a.building_id = r.building_id"
        " AND a.unit_id IS r.unit_id ORDER BY r.building_id, ifnull(r.unit_id, 0)"
    ).fetchall()
    named = {(building, unit): name for building, unit, name, _archived in places}
    assert len(named) == 4 and all(name for (_building, unit), name in named.items() if unit is not None)
    assert named[2, None] is None  # building 10's archived garage: no unit, no home, no stairwell
    made = estate.database.execute_sql(
        "SELECT count(*), count(DISTINCT building_id || '-' || ifnull(unit_id, 0)) FROM cleaning_area"
        " WHERE kind = 'stairwell'"
    ).fetchone()
    assert made == (3, 3)  # one each, and no other
    if version < 6:  # an older file: its places get their stairwells, nothing else is there yet
        assert stairwells() == FROZEN_STAIRWELLS
        assert all(not view.tasks and view.responsible_id is None for view in cleaning.list_areas())
        assert cleaning.list_tasks() == [] and cleaning.list_cleaners() == []
        assert cleaning.accepted_months() == [] and cleaning.inspection_settings() == InspectionSettings(
            2, tuple(Deduction(item, points) for item, points in DEFAULT_DEDUCTIONS), 20, 10
        )
    else:
        assert stairwells() == FROZEN_STAIRWELLS
    assert check_estate(estate).ok


def test_after_upgrading_a_room_in_a_new_unit_or_building_makes_its_stairwell(
    upgraded: tuple[int, EstateFile],
) -> None:
    version, _estate = upgraded
    before = stairwells()
    # rooms where a stairwell is already, or was taken out by the clerk (the v6 file's garage building)
    households.create_room(households.RoomInput("3", "2", "502", "89.5"))
    households.create_room(households.RoomInput("10", "", "G2", "15", use=RoomUse.GARAGE))
    assert stairwells() == before  # nothing new, and nothing made again
    households.create_room(households.RoomInput("3", "3", "101", "89.5"))
    households.create_room(households.RoomInput("11", "1", "101", "72"))
    assert stairwells() == [*before[:2], "3号楼3单元楼道", *before[2:], "11号楼1单元楼道"]
    made = cleaning.area_by_name("3号楼3单元楼道")
    assert (made.kind, made.tasks, made.responsible_id) == (AreaKind.STAIRWELL, 0, None)
    assert cleaning.add_default_tasks([made.area_id], date(2027, 1, 1)) == 3
    if version == 6:
        assert cleaning.area_by_name("3号楼2单元楼道").responsible == "刘桂英"


def obeys_the_hard_rules(view: RotaView) -> bool:
    """Every slot given to a cleaner who works that day, none beyond their minutes a day."""
    team = {member.cleaner_id: member for member in view.cleaners}
    used: dict[tuple[int, date], int] = {}
    for slot in view.assigned:
        assert slot.cleaner_id is not None
        member = team[slot.cleaner_id]
        if slot.day.weekday() in member.days_off or any(p.first <= slot.day <= p.last for p in member.leave):
            return False
        used[slot.cleaner_id, slot.day] = used.get((slot.cleaner_id, slot.day), 0) + slot.minutes
    return all(minutes <= team[cleaner_id].minutes_per_day for (cleaner_id, _day), minutes in used.items())


def test_a_whole_cleaning_month_runs_on_an_upgraded_file(upgraded: tuple[int, EstateFile]) -> None:
    version, estate = upgraded
    yard = cleaning.add_area(AreaKind.GARBAGE, "北门垃圾点")
    added = cleaning.add_default_tasks(today=date(2027, 1, 1))  # every area still without tasks
    assert added == (3 * 3 + 2 if version < 6 else 2)  # the v6 file's areas have theirs
    jia = cleaning.add_cleaner(CleanerInput("周婧", "13800000001", "sun", "480"))
    yi = cleaning.add_cleaner(CleanerInput("吴昊", "", "sat", "480"))
    for index, view in enumerate(cleaning.list_areas()):
        if view.responsible_id is None:
            cleaning.set_responsible(view.area_id, (jia, yi)[index % 2])
    cleaning.set_responsible(yard, jia)
    assert all(view.responsible for view in cleaning.list_areas())

    planned = cleaning.rota("2027-01")
    assert not planned.accepted and planned.slots and not planned.uncovered
    assert obeys_the_hard_rules(planned)
    assert planned == cleaning.rota("2027-01")  # the same inputs, the same rota
    accepted = cleaning.accept_rota("2027-01")
    assert accepted.accepted and not accepted.changes
    moved = next(
        slot
        for slot in accepted.assigned
        if slot.cleaner_id == jia and slot.day.weekday() != 5  # 吴昊's day off: Saturday
    )
    changed = cleaning.reassign("2027-01", moved.day, moved.task_id, moved.occurrence, yi)
    [by_hand] = [slot for slot in changed.slots if slot.manual]
    assert (by_hand.day, by_hand.task_id, by_hand.cleaner) == (moved.day, moved.task_id, "吴昊")
    leave = cleaning.add_leave(yi, moved.day, moved.day)
    assert leave.affected == (("2027-01", 1),)
    replanned = cleaning.rota("2027-01")
    assert replanned.stale and all(change.day == moved.day for change in replanned.changes)
    assert obeys_the_hard_rules(replanned)

    day = cleaning.inspection_day(date(2027, 1, 4))
    assert day == (date(2027, 1, 6) if version < 6 else date(2027, 1, 7))  # the v6 file inspects on Thursdays
    scored = cleaning.record_inspection(InspectionInput(day.isoformat(), yard, "96"))
    assert (scored.cleaner, scored.score) == ("周婧", 96)
    checked = cleaning.record_inspection(
        InspectionInput(
            day.isoformat(), cleaning.area_by_name("3号楼2单元楼道").area_id, found=(("地面有垃圾、烟头", 2),)
        )
    )
    assert checked.score == 90
    ranked = cleaning.ranking("2027-01")
    assert (ranked.cleaners[0].rank, ranked.cleaners[0].name) == (1, "周婧")
    history = cleaning.ranking_history("2027-01", 3)
    assert history.months == ("2026-11", "2026-12", "2027-01") and history.cleaners["周婧"] == (
        None,
        None,
        ranked.cleaners[0].average,
    )
    assert check_estate(estate).ok


def test_the_frozen_cleaning_schedule_reads_back_as_it_was_written(upgraded: tuple[int, EstateFile]) -> None:
    version, estate = upgraded
    if version < 6:
        return
    assert check_estate(estate).ok
    # the areas: stairwells from the rooms, common areas of every kind, each with its responsible cleaner
    assert [
        (view.kind.value, view.name, view.responsible, view.tasks, view.note)
        for view in cleaning.list_areas()
    ] == [
        ("stairwell", "2号楼1单元楼道", "刘桂英", 3, ""),
        ("stairwell", "3号楼2单元楼道", "刘桂英", 4, ""),
        ("stairwell", "10号楼1单元楼道", "刘桂英", 3, ""),
        ("garbage", "3号楼东侧垃圾点", "陈玥", 3, ""),
        ("road", "中心广场及主干道", "刘桂英", 1, ""),  # 王喆's until after its inspection
        ("water-tank", "二次供水水箱", "王喆", 1, ""),
        ("other", "会所活动室", "", 2, "会所每周三开放"),  # renamed
        ("septic-tank", "化粪池", "王喆", 2, ""),
        ("green", "南侧绿化带", "刘桂英", 2, ""),
        ("car-park", "地面停车场", "陈玥", 2, ""),
        ("drains", "雨污水井", "王喆", 2, ""),
    ]
    taken_out = estate.database.execute_sql(
        "SELECT name, archived_at IS NOT NULL FROM cleaning_area WHERE kind = 'stairwell' AND unit_id IS NULL"
    ).fetchall()
    assert taken_out == []  # the garage without a unit made none
    # the tasks: RULES.md §5's defaults (one made longer), and the office's own of every frequency
    # (only_from_start: a start typed by the clerk; the defaults count back before theirs too, each
    # area's a day after the last one's so that their weekly work spreads over the week)
    tasks = [
        (view.area, view.what, view.every, view.minutes, view.starts_on.isoformat(), view.only_from_start)
        for view in cleaning.list_tasks()
    ]
    assert tasks == [
        ("2号楼1单元楼道", "清扫楼道及门厅", "day", 20, "2026-10-01", False),
        ("2号楼1单元楼道", "拖洗楼道", "1/week", 30, "2026-10-01", False),
        ("2号楼1单元楼道", "擦拭扶手", "2/week", 10, "2026-10-01", False),
        ("3号楼2单元楼道", "清扫楼道及门厅", "day", 25, "2026-10-01", True),  # made longer
        ("3号楼2单元楼道", "拖洗楼道", "1/week", 30, "2026-10-02", False),
        ("3号楼2单元楼道", "擦拭扶手", "2/week", 10, "2026-10-02", False),
        ("3号楼2单元楼道", "擦拭单元门禁及信报箱", "mon,thu", 15, "2026-10-01", True),
        ("10号楼1单元楼道", "清扫楼道及门厅", "day", 20, "2026-10-03", False),
        ("10号楼1单元楼道", "拖洗楼道", "1/week", 30, "2026-10-03", False),
        ("10号楼1单元楼道", "擦拭扶手", "2/week", 10, "2026-10-03", False),
        ("3号楼东侧垃圾点", "清运垃圾桶", "2/day", 20, "2026-10-01", False),
        ("3号楼东侧垃圾点", "清洗垃圾桶及消毒", "1/week", 30, "2026-10-01", False),
        ("3号楼东侧垃圾点", "垃圾点除臭", "2/week", 15, "2026-10-01", True),
        ("中心广场及主干道", "清扫道路及广场", "2/day", 40, "2026-10-04", False),
        ("二次供水水箱", "清洗水箱", "6months", 240, "2025-11-20", False),
        ("会所活动室", "月末消杀", "month:31", 45, "2026-10-01", True),
        ("会所活动室", "打扫会所", "wed", 60, "2026-10-01", True),
        ("化粪池", "检查化粪池", "2months", 30, "2025-11-21", False),
        ("化粪池", "清掏化粪池", "year", 240, "2025-11-21", False),
        ("南侧绿化带", "清理绿化带落叶", "3days", 25, "2026-11-01", True),
        ("南侧绿化带", "捡拾绿化带垃圾", "day", 20, "2026-10-01", True),
        ("地面停车场", "清扫停车场", "day", 30, "2026-10-01", True),
        ("地面停车场", "清理停车场排水沟", "month:15", 40, "2026-10-01", True),
        ("雨污水井", "检查雨污水井", "month:1", 30, "2025-11-22", False),
        ("雨污水井", "疏通管道", "year", 120, "2025-11-22", False),
    ]
    assert estate.database.execute_sql(
        "SELECT what FROM cleaning_task WHERE archived_at IS NOT NULL"
    ).fetchall() == [("检查化粪池盖板",)]
    # the team: days off, minutes a day (陈玥's cut to 240), leave, and a former member
    team = {view.name: view for view in cleaning.list_cleaners(include_former=True)}
    assert [(v.name, v.phone, v.off, v.minutes_per_day, v.note) for v in cleaning.list_cleaners()] == [
        ("陈玥", "13951820002", "sat", 240, "半天班"),  # in pinyin order
        ("刘桂英", "13951820001", "sun", 480, "组长"),
        ("王喆", "", "wed,sun", 480, ""),
    ]
    assert "孙强" in team and team["孙强"].areas == ()
    assert [(p.first, p.last, p.note) for p in team["刘桂英"].leave] == [
        (date(2026, 11, 9), date(2026, 11, 11), "事假")
    ]
    assert [(p.first, p.last, p.note) for p in team["王喆"].leave] == [
        (date(2026, 11, 23), date(2026, 11, 24), "病假")
    ]
    assert team["陈玥"].leave == ()  # the leave taken back

    # the accepted rota: stored slot by slot, the hand change kept, what the later leave broke re-planned
    assert cleaning.accepted_months() == ["2026-11"]
    stored = {
        (date.fromisoformat(day), task_id, occurrence): (cleaner or "", minutes, why, manual)
        for day, task_id, occurrence, cleaner, minutes, why, manual in estate.database.execute_sql(
            "SELECT s.day, s.task_id, s.occurrence, c.name, s.minutes, s.why, s.manual FROM cleaning_slot s"
            " LEFT JOIN cleaner c ON c.id = s.cleaner_id WHERE s.month = '2026-11'"
        )
    }
    assert len(stored) == 351
    # a Sunday has only 陈玥 and her 240 minutes: what she cannot take is kept uncovered, with why
    uncovered = {key: why for key, (cleaner, _minutes, why, _manual) in stored.items() if not cleaner}
    assert date(2026, 11, 1) in {day for day, _task, _occurrence in uncovered}
    assert set(uncovered.values()) == {Why.NO_MINUTES_LEFT.value}
    assert all(why is None for cleaner, _minutes, why, _manual in stored.values() if cleaner)
    view = cleaning.rota("2026-11")
    # the task stopped when the file was frozen (1 December) still came all through November
    stopped = [slot for slot in view.slots if slot.task == "检查化粪池盖板"]
    assert view.accepted and stopped and len(view.slots) == 351 + len(stopped)
    [by_hand] = [slot for slot in view.slots if slot.manual]
    assert (by_hand.day, by_hand.area, by_hand.task, by_hand.cleaner) == (
        date(2026, 11, 4),
        "3号楼2单元楼道",
        "清扫楼道及门厅",
        "陈玥",
    )
    assert stored[by_hand.day, by_hand.task_id, 1][3] == 1
    broken = {
        key
        for key, value in stored.items()
        if value[0] == "王喆" and date(2026, 11, 23) <= key[0] <= date(2026, 11, 24)
    }
    # what the sick leave broke is planned anew; so is what the road's new responsible cleaner, named
    # after the rota was accepted, now has the minutes for (a substitute's work goes back to her)
    assert len(broken) == 4 and {(k[0], k[2]) for k in broken} <= {
        (c.day, c.occurrence) for c in view.changes
    }
    sick = {(k[0], k[2]) for k in broken}
    assert all(
        change.before == "王喆" and change.after != "王喆"
        for change in view.changes
        if (change.day, change.occurrence) in sick
    )
    responsible = {area.name: area.responsible for area in cleaning.list_areas()}
    returned = [
        change for change in view.changes if (change.day, change.occurrence) not in sick and change.before
    ]
    assert all(change.after == responsible[change.area] for change in returned)
    # what was left uncovered is now covered, by 孙强 too: he left the team on 1 December, after
    # November, and the new task slots come as new
    assert all(change.before == "" for change in view.changes if change.task == "检查化粪池盖板")
    assert any(change.before == "" and change.after == "孙强" for change in view.changes)
    changed = {(c.day, c.area, c.task, c.occurrence) for c in view.changes}
    for slot in view.slots:  # everything else stands as accepted
        key = (slot.day, slot.task_id, slot.occurrence)
        if key not in broken and (slot.day, slot.area, slot.task, slot.occurrence) not in changed:
            assert (slot.cleaner, slot.minutes, slot.why.value if slot.why else None) == stored[key][:3]
    assert obeys_the_hard_rules(view)

    # the inspections: Thursdays, by checklist (with its photo) and by score, one replaced, one without
    # a responsible cleaner; the road's score stays with 王喆, who had it then
    settings = cleaning.inspection_settings()
    assert settings == InspectionSettings(
        3,
        (
            Deduction("地面有垃圾、烟头", 5),
            Deduction("扶手、窗台积灰", 3),
            Deduction("垃圾桶满溢或周边脏乱", 6),
            Deduction("电梯轿厢有污渍", 4),
        ),
        30,
        10,
    )
    inspected = cleaning.list_inspections(date(2026, 11, 1), date(2026, 11, 30))
    assert [(v.day.day, v.area, v.cleaner, v.score, v.note) for v in inspected] == [
        (19, "会所活动室", "", 88, "无人负责"),
        (12, "3号楼2单元楼道", "刘桂英", 95, ""),
        (12, "3号楼东侧垃圾点", "陈玥", 78, "桶边有渗漏"),
        (5, "3号楼2单元楼道", "刘桂英", 89, "五楼有烟头"),
        (5, "中心广场及主干道", "王喆", 90, ""),
    ]
    checklist = inspected[3]
    assert checklist.found == (("地面有垃圾、烟头", 5, 1), ("扶手、窗台积灰", 3, 2))
    [photo] = checklist.photos
    with Image.open(io.BytesIO(cleaning.inspection_photo(photo))) as opened:
        assert opened.format == "JPEG" and opened.size == (640, 480)
    ranked = cleaning.ranking("2026-11")
    assert [(row.rank, row.name, row.average, row.band) for row in ranked.cleaners] == [
        (1, "刘桂英", Fraction(92), Band.COMMENDED),
        (2, "王喆", Fraction(90), Band.MIDDLE),
        (3, "陈玥", Fraction(78), Band.MIDDLE),  # 10% of three rounds to none flagged
    ]
    assert [row.name for row in ranked.areas] == [
        "3号楼2单元楼道",
        "中心广场及主干道",
        "会所活动室",
        "3号楼东侧垃圾点",
    ]


def load_freeze_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("freeze_script", Path(__file__).with_name("freeze.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_freeze_script_writes_a_file_of_the_current_version(tmp_path: Path) -> None:
    freeze = load_freeze_script()
    written = freeze.freeze(tmp_path)
    assert written == tmp_path / f"schema_v{SCHEMA_VERSION}.sqlite3"
    assert read_header(written) == (APPLICATION_ID, SCHEMA_VERSION)
    assert sorted(p.name for p in tmp_path.iterdir()) == [written.name]
    with pytest.raises(SystemExit, match="never rewritten"):
        freeze.freeze(tmp_path)


FULL_NUMBER = re.compile(r"(?<!\d)(1\d{10}|\d{17}[\dX])(?!\d)")  # a whole mobile or ID number


@pytest.mark.parametrize("frozen", FROZEN, ids=[p.stem for p in FROZEN])
def test_after_upgrading_the_audit_trail_holds_no_whole_phone_or_id_number(
    frozen: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "estate.sqlite3"
    shutil.copyfile(frozen, copy)
    estate = open_estate(copy)
    estate.close()
    connection = sqlite3.connect(copy)
    try:
        trail = connection.execute("SELECT group_concat(coalesce(before, '') || after, ' ') FROM audit_entry")
        text = trail.fetchone()[0] or ""
        people = connection.execute("SELECT count(*) FROM person WHERE phone IS NOT NULL").fetchone()[0]
    finally:
        connection.close()
    assert people > 0 and "phone" in text  # the file has people whose changes the trail tells
    assert FULL_NUMBER.findall(text) == []
