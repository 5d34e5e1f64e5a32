"""A realistic demo estate: rooms, owners, tenants, flags and parking, fees, votes and repairs.

A few vacant flats are still held by the developer (建设单位), so that a vote on the demo estate
has the developer's one voter beside the owners.

The fee ledger is made through the fee services, as a clerk would have made it month after month:
three fee items, a billing run on the first of each of the last ``FEE_MONTHS`` months up to this
one, and between the runs the payments of that month at the counter (cash, WeChat, Alipay, bank
transfer), most rooms paying a year or half a year ahead (kept as prepayment until billed), others
half a year or a quarter once billed, about one room in twelve owing one to ``FEE_MONTHS`` months,
and one receipt voided and made out again. Only the dates depend on the day it is made; everything
else follows from the seed.

The repair log is made through the repair services too: a register of facilities with their upkeep
done every 1, 3, 6 or 12 months (one falls due within 30 days), about two years of calls in
proportion to the estate's size, each taken as far through its flow as the time it was planned for
has come (so recent ones are still open), and today's board: some orders overdue, some due today,
with their follow-up notes. Its times are counted back from now; the rest follows from the seed.

The cleaning schedule is made through the cleaning services: a team of about one cleaner per
``HOUSEHOLDS_PER_CLEANER`` households (at least three), each with a day off spread over the week
and one or two of them on half days; the common areas of a compound of that size; RULES.md §5's
default tasks on every area; a responsible cleaner for each area (a building's stairwells go
together), chosen so that everyone's week weighs about the same; some leave; the rotas of last
month and this month accepted, one slot changed by hand and a cleaner's sick leave entered since,
waiting to be re-planned; and the weekly inspections of the last ``INSPECTION_MONTHS`` months,
most scores from 85 to 98, one cleaner's lower.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TypeVar

from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.fees import Month, month_of, monthly_amount
from estatedesk.domain.households import (
    Occupancy,
    ResidentRole,
    RoomUse,
    compose_room_code,
    id_check_character,
)
from estatedesk.domain.money import format_yuan
from estatedesk.domain.repairs import Category, OrderKind, PlaceKind, Urgency, deadlines
from estatedesk.domain.search import pinyin_keys
from estatedesk.services import cleaning, fees, repairs, votes
from estatedesk.services.changes import Records, writing
from estatedesk.services.households.records import load_room_details, snapshot_of
from estatedesk.services.repairs.facilities import add_months
from estatedesk.store import audit
from estatedesk.store.models import (
    Building,
    Person,
    Room,
    Unit,
)
from estatedesk.store.sql import chunks, execute, insert_rows, iso_date
from estatedesk.store.summaries import refresh_room_summaries

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕"
    "聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游"
    "阳裴席卫查屈鲍位霍翁隋植甘景薄单包司柏宁柯阮桂闵解强丰"
)
# Given-name characters, including ones outside GB2312 that clerks meet every day.
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华玉兰志强淑珍海燕"
    "桂兰凤英红梅文明俊杰子涵欣怡浩然梓轩雨涵宇轩一诺嘉怡思远晨曦佳琪"
    "玥喆堃珺昇镕彧祎琤婧翀赟犇淼焱垚鑫昕晔旻"
)
RARE = "玥喆堃珺昇镕彧祎琤赟犇"
# Who the audit trail says made the demo rooms (the program speaks Chinese in the data it makes).
DEMO_ACTOR = "演示数据生成"
AREA_MODELS = (5872, 6450, 7238, 8190, 8966, 9512, 10433, 11877, 12625, 14310)
# The demo's fee items: name, kind, unit price in yuan, the room uses that pay it. The parking fee
# is charged to any room holding a space, whatever its use.
FEE_ITEMS = (
    ("物业费", "area", "0.60", frozenset({RoomUse.RESIDENTIAL})),
    ("垃圾清运费", "fixed", "8.00", frozenset({RoomUse.RESIDENTIAL, RoomUse.SHOP})),
    ("车位管理费", "parking", "50.00", frozenset(RoomUse)),
)
# Months billed, up to the current one: more than a year, so that the arrears list has every age
# (up to 3 months, 3–6, 6–12, over 12).
FEE_MONTHS = 14
# Rooms that stopped paying 1 … FEE_MONTHS months ago (some never paid): vacant rooms more often;
# about 8% of the rooms in all.
OWING_SHARE, VACANT_OWING_SHARE = 0.07, 0.25
# How a paying room pays, and how often each way is chosen: months paid at a time, and whether in
# advance (what is left after its open charges is kept as prepayment, spent by the next billing
# runs) or once the months are billed (its last payment then falls in the current month).
PAY_HABITS = (((12, True), 0.55), ((6, True), 0.25), ((6, False), 0.15), ((3, False), 0.05))
# How payments are made, and how often; every method but cash has its reference number.
PAY_METHODS = (("cash", 0.35), ("wechat", 0.35), ("alipay", 0.10), ("transfer", 0.20))
VOID_REASON = "金额录入错误，作废重开"
# About one room in a hundred is still held by the developer, unsold: taken from the vacant flats,
# as an unsold flat has no one living in it.
DEVELOPER_SHARE = 0.01
T = TypeVar("T")


@dataclass(frozen=True)
class DemoSummary:
    """What a demo run made."""

    buildings: int
    rooms: int
    people: int
    tenants: int
    parking_spaces: int
    charges: int = 0  # the fee ledger's charges (room × item × month)
    receipts: int = 0  # its receipts, the voided one included
    votes: int = 0  # owners' votes: a closed motion and an election being counted
    ballots: int = 0  # their live ballots
    repair_orders: int = 0  # the repair log's orders, planned upkeep included
    facilities: int = 0  # the register of facilities
    cleaners: int = 0  # the cleaning team
    cleaning_areas: int = 0  # stairwells and common areas
    cleaning_tasks: int = 0
    inspections: int = 0  # the weekly inspections' scores


def _name(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES)
    if rng.random() < 0.12:
        given = rng.choice(RARE) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
    else:
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return surname + given


def _phone(rng: random.Random, used: set[str]) -> str:
    while True:
        phone = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
        if phone not in used:
            used.add(phone)
            return phone


def _id_number(rng: random.Random, used: set[str]) -> str:
    while True:
        born = date(1935, 1, 1) + timedelta(days=rng.randrange(365 * 68))
        first17 = (
            rng.choice(("110105", "310104", "440106", "510107", "420102", "320102"))
            + born.strftime("%Y%m%d")
            + f"{rng.randrange(1000):03d}"
        )
        value = first17 + id_check_character(first17)
        if value not in used:
            used.add(value)
            return value


def generate(
    households: int,
    seed: int = 1,
    with_fees: bool = True,
    with_votes: bool | None = None,
    with_repairs: bool | None = None,
    with_cleaning: bool | None = None,
) -> DemoSummary:
    """Fill the open (empty) estate with about ``households`` rooms, deterministically for a seed.

    ``with_fees``: also the fee ledger of the last ``FEE_MONTHS`` months (see the module's text).
    ``with_votes`` (as ``with_fees`` unless given): a closed motion and an election being counted.
    ``with_repairs`` (as ``with_fees`` unless given): the facility register and the repair log of
    the last two years up to today's board; an owner-paid repair is charged to the room's fee
    account only when the demo has fees, and the fund pays under the closed motion if there is one.
    ``with_cleaning`` (as ``with_fees`` unless given): the cleaning team, areas, tasks, the rotas of
    last month and this month, and the inspections of the last ``INSPECTION_MONTHS`` months.
    """
    rng = random.Random(seed)
    now = audit.now_utc()
    phones: set[str] = set()
    ids: set[str] = set()
    rooms: list[dict[str, object]] = []
    units_per_building = 3 if households > 200 else 2
    floors, per_floor = 6, 2
    per_building = units_per_building * floors * per_floor
    building_count = max(1, -(-households // per_building))
    ledger_made = votes_made = log_made = (0, 0)
    cleaning_made = (0, 0, 0, 0)
    cleans = with_fees if with_cleaning is None else with_cleaning
    with writing(
        Records.ROOMS, *((Records.FEES,) if with_fees else ()), *((Records.CLEANING,) if cleans else ())
    ):
        made = 0
        for b in range(1, building_count + 1):
            building = Building.create(name=str(b))
            for u in range(1, units_per_building + 1):
                if made >= households:
                    break
                unit = Unit.create(building=building, name=str(u))
                for floor in range(1, floors + 1):
                    for door in range(1, per_floor + 1):
                        if made >= households:
                            break
                        number = f"{floor}{door:02d}"
                        shop = b == 1 and floor == 1 and households >= 50
                        garage = not shop and floor == 1 and door == per_floor and rng.random() < 0.1
                        use = RoomUse.SHOP if shop else RoomUse.GARAGE if garage else RoomUse.RESIDENTIAL
                        area = (
                            rng.choice(AREA_MODELS)
                            if use is RoomUse.RESIDENTIAL
                            else (rng.randrange(2400, 9000) if shop else rng.randrange(1500, 3200))
                        )
                        roll = rng.random()
                        occupancy = (
                            Occupancy.VACANT
                            if roll < 0.06
                            else Occupancy.RENTED
                            if roll < 0.24 or shop
                            else Occupancy.SELF_OCCUPIED
                        )
                        rooms.append(
                            {
                                "code": compose_room_code(str(b), str(u), number),
                                "building_id": building.id,
                                "unit_id": unit.id,
                                "number": number,
                                "area_centi": area,
                                "use": use.value,
                                "occupancy": occupancy.value,
                                "hardship": rng.random() < 0.03,
                                "elderly_alone": rng.random() < 0.05,
                                "disabled": rng.random() < 0.02,
                                "developer": False,  # chosen below, once every room is known
                                "note": "一楼商铺" if shop else "",
                                "created_at": now,
                                "updated_at": now,
                            }
                        )
                        made += 1
        # Its own random numbers, as the fee ledger has: every seed's households stay what they were.
        for index in _developer_rooms(random.Random(f"developer-{seed}"), rooms):
            rooms[index]["developer"] = True
        insert_rows("room", rooms)
        room_ids = [r.id for r in Room.select(Room.id).order_by(Room.id)]
        summary = _people(rng, room_ids, rooms, phones, ids)
        refresh_room_summaries()  # the rooms were inserted without them: all at once, at the end
        _record_creations(room_ids)
        if with_fees:
            # Its own random numbers: the households stay what they were before the demo had fees.
            with _as_demo_actor():
                ledger_made = _fee_ledger(random.Random(f"fees-{seed}"), date.today())
        if with_fees if with_votes is None else with_votes:
            with _as_demo_actor():  # its own random numbers, after the rest: nothing else changes
                votes_made = _votes(random.Random(f"votes-{seed}"))
        if with_fees if with_repairs is None else with_repairs:
            with _as_demo_actor():  # its own random numbers, after the rest: nothing else changes
                log_made = _repair_log(random.Random(f"repairs-{seed}"), households, with_fees)
        if cleans:
            with _as_demo_actor():  # its own random numbers, after the rest: nothing else changes
                cleaning_made = _cleaning(random.Random(f"cleaning-{seed}"), households, date.today())
        audit.record("demo", "estate", None, after={"households": households, "seed": seed})
    return DemoSummary(
        building_count, len(room_ids), *summary, *ledger_made, *votes_made, *log_made, *cleaning_made
    )


def _votes(rng: random.Random) -> tuple[int, int]:
    """A major matter voted and closed, and a committee election with most ballots entered.

    The motion's ballots lean yes; the election's voters mark three to seven of nine candidates,
    a few mark more than the seats (void). Returns (votes, live ballots).
    """
    motion = votes.create_vote(votes.VoteInput("关于使用专项维修资金更换3号楼电梯的决定", "major"))
    voters = [voter for voter in votes.roll(motion.vote_id).voters if voter.can_vote]
    answers = (("yes", 0.82), ("no", 0.1), ("abstain", 0.06), ("spoiled", 0.02))
    taking_part = [voter for voter in voters if rng.random() < 0.86]
    votes.enter_ballots(
        [
            votes.BallotInput(motion.vote_id, serial=voter.serial, choice=_pick(rng, answers))
            for voter in taking_part
        ]
    )
    votes.record_counts(motion.vote_id, len(voters), len(taking_part))
    votes.close_vote(motion.vote_id)
    owners = [voter for voter in voters if voter.kind == "owner" and "、" not in voter.name]
    chosen = rng.sample(owners, min(9, len(owners)))
    if len(chosen) < 5:  # too small an estate for a committee
        return 1, len(taking_part)
    candidates = [f"{voter.name}@{voter.rooms[0]}" for voter in chosen]
    election = votes.create_vote(
        votes.VoteInput("第二届业主委员会委员选举", "election", seats=7, candidates=candidates)
    )
    names = [candidate.name for candidate in votes.vote_view(election.vote_id).candidates]
    support = [rng.uniform(0.35, 0.95) for _ in names]
    marked = []
    for voter in (voter for voter in votes.roll(election.vote_id).voters if voter.can_vote):
        if rng.random() < 0.7:
            picks = [name for name, liked in zip(names, support, strict=True) if rng.random() < liked]
            over = rng.random() < 0.03
            marked.append(
                votes.BallotInput(election.vote_id, serial=voter.serial, marks=names if over else picks[:7])
            )
    votes.enter_ballots(marked)
    return 2, len(taking_part) + len(marked)


def _developer_rooms(rng: random.Random, rooms: list[dict[str, object]]) -> list[int]:
    """The indexes of the rooms the developer still holds: ``DEVELOPER_SHARE`` of them, at least one."""
    vacant = [
        index
        for index, room in enumerate(rooms)
        if room["use"] == RoomUse.RESIDENTIAL.value and room["occupancy"] == Occupancy.VACANT.value
    ]
    wanted = max(1, round(len(rooms) * DEVELOPER_SHARE))
    return sorted(rng.sample(vacant, min(wanted, len(vacant))))


@contextmanager
def _as_demo_actor() -> Iterator[None]:
    """Record what is written meanwhile as made by 演示数据生成, then the clerk again."""
    clerk = audit.current_actor()
    audit.set_actor(DEMO_ACTOR)
    try:
        yield
    finally:
        audit.set_actor(clerk)


def _record_creations(room_ids: list[int]) -> None:
    """Give every demo room the history of a room created with what it holds, by 演示数据生成.

    The history then says where the room came from (a clerk must not take demo people for
    real ones), and the room can still be deleted as a room without changes since.
    """
    with _as_demo_actor():
        for chunk in chunks(room_ids):
            for room_id, detail in load_room_details(chunk).items():
                audit.record(
                    "create",
                    "room",
                    room_id,
                    after=snapshot_of(detail),
                    room_id=room_id,
                    room_code=detail.code,
                )


def _people(
    rng: random.Random,
    room_ids: list[int],
    rooms: list[dict[str, object]],
    phones: set[str],
    ids: set[str],
) -> tuple[int, int, int]:
    people: list[dict[str, object]] = []
    owners: list[tuple[int, int, int]] = []  # (room index, person index, position)
    tenants: list[tuple[int, int, date | None, date | None]] = []
    family: list[tuple[int, int]] = []
    multi_owner: list[int] = []

    def person(with_id: bool) -> int:
        name = _name(rng)
        people.append(
            {
                "name": name,
                "phone": _phone(rng, phones) if rng.random() < 0.92 else None,
                "id_number": _id_number(rng, ids) if with_id else None,
                "pinyin": pinyin_keys(name),
            }
        )
        return len(people) - 1

    owns_several = False
    for index, room in enumerate(rooms):
        # Someone owns several rooms in every demo of two rooms or more, not only by chance:
        # the last room goes to an earlier owner if no one has a second room by then.
        last = index == len(rooms) - 1
        if multi_owner and (rng.random() < 0.03 or (last and not owns_several)):
            owner = rng.choice(multi_owner)  # one person, several rooms: the same record in each
            owns_several = True
        else:
            owner = person(with_id=rng.random() < 0.7)
            if rng.random() < 0.05 or not multi_owner:
                multi_owner.append(owner)
        owners.append((index, owner, 0))
        if rng.random() < 0.22:
            owners.append((index, person(with_id=rng.random() < 0.5), 1))
        if room["occupancy"] == Occupancy.RENTED.value:
            start = date(2025, 1, 1) + timedelta(days=rng.randrange(600))
            tenants.append((index, person(with_id=False), start, start + timedelta(days=365)))
        elif room["occupancy"] == Occupancy.SELF_OCCUPIED.value and rng.random() < 0.3:
            family.append((index, person(with_id=False)))
    insert_rows("person", people)
    person_ids = [p.id for p in Person.select(Person.id).order_by(Person.id)]
    insert_rows(
        "ownership",
        [{"room_id": room_ids[r], "person_id": person_ids[p], "position": pos} for r, p, pos in owners],
    )
    residents = [
        {
            "room_id": room_ids[r],
            "person_id": person_ids[p],
            "role": ResidentRole.TENANT.value,
            "lease_from": iso_date(start),
            "lease_to": iso_date(end),
        }
        for r, p, start, end in tenants
    ] + [
        {
            "room_id": room_ids[r],
            "person_id": person_ids[p],
            "role": ResidentRole.FAMILY.value,
            "lease_from": None,
            "lease_to": None,
        }
        for r, p in family
    ]
    insert_rows("resident", residents)
    spaces = [
        {"code": f"P-{n:03d}", "room_id": room_ids[r]}
        for n, r in enumerate(rng.sample(range(len(room_ids)), len(room_ids) // 4), start=1)
    ]
    insert_rows("parking_space", spaces)
    return len(people), len(tenants), len(spaces)


# ---------------------------------------------------------------- the fee ledger


@dataclass(frozen=True)
class _Payer:
    """How one room pays its fees in the demo."""

    room_id: int
    monthly_fen: int  # what a month of all its items comes to
    period: int  # months paid at a time
    advance: bool  # pays the months of its period ahead (True) or once they are billed
    first: int  # the month (index) of its first payment
    paid_through: int | None  # a room that owes: the last month it paid (-1: never); None: pays on
    method: str  # how it usually pays
    tenant: str  # its tenant, who sometimes pays for it ("": none)

    def pays_in(self, index: int) -> bool:
        """Whether the room pays something in month ``index``."""
        if self.paid_through is not None and index > self.paid_through:
            return False
        on_schedule = index >= self.first and (index - self.first) % self.period == 0
        return on_schedule or index == self.paid_through

    def amount(self, index: int, owed_fen: int, prepaid_fen: int) -> int:
        """What it pays in month ``index``: what it owes, and the rest of its period in advance."""
        ahead = self.period - 1 if self.advance else 0
        if self.paid_through is not None:
            ahead = min(ahead, self.paid_through - index)
        return owed_fen + self.monthly_fen * ahead - prepaid_fen


def _fee_ledger(rng: random.Random, today: date) -> tuple[int, int]:
    """Items, a billing run on the 1st of each month, that month's payments; return (charges, receipts)."""
    months = [month_of(today)]
    while len(months) < FEE_MONTHS:
        month = months[0]
        months.insert(
            0, Month(month.year - 1, 12) if month.month == 1 else Month(month.year, month.month - 1)
        )
    since = date(months[0].year, months[0].month, 1)
    for name, kind, price, uses in FEE_ITEMS:
        fees.add_item(fees.FeeItemInput(name, kind, price, since, uses))
    payers = _payers(rng, fees.list_items(), months[0])
    void_month = len(months) // 2  # its first payment is typed wrong, voided and made out again
    charges = receipts = 0
    voided = False
    for index, month in enumerate(months):
        charges += fees.bill(month, month, date(month.year, month.month, 1)).created
        # Every draw is made whatever today is, so that the seed alone decides the ledger.
        due = [(rng.randint(1, 28), payer) for payer in payers if payer.pays_in(index)]
        if index == len(months) - 1:  # this month's payments were made by today at the latest
            due = [(min(day, today.day), payer) for day, payer in due]
        due.sort(key=lambda paid: (paid[0], paid[1].room_id))
        for day, payer in due:
            paid_on = date(month.year, month.month, day)
            amount = payer.amount(index, *fees.room_balance(payer.room_id))
            if amount <= 0:
                continue
            method = payer.method if rng.random() < 0.8 else _pick(rng, PAY_METHODS)
            if method == "cash" and rng.random() < 0.3:
                amount = -(-amount // 1000) * 1000  # rounded up to ten yuan; the change is kept in advance
            reference = _reference(rng, method, paid_on)
            payer_name = payer.tenant if payer.tenant and rng.random() < 0.4 else ""
            if index == void_month and not voided:
                wrong = fees.pay(
                    fees.PaymentInput(
                        payer.room_id, format_yuan(amount * 10), method, reference, paid_on, payer=payer_name
                    )
                )
                fees.void(wrong.receipt, VOID_REASON, paid_on)  # the same payment, made out again below
                receipts += 1
                voided = True
            fees.pay(
                fees.PaymentInput(
                    payer.room_id, format_yuan(amount), method, reference, paid_on, payer=payer_name
                )
            )
            receipts += 1
    return charges, receipts


def _payers(rng: random.Random, items: list[fees.FeeItemView], month: Month) -> list[_Payer]:
    """How each room that is charged anything pays: most a few times a year, some not any more."""
    tenants = dict(
        execute(
            "SELECT rs.room_id, MIN(p.name) FROM resident AS rs JOIN person AS p ON p.id = rs.person_id"
            " WHERE rs.role = 'tenant' GROUP BY rs.room_id"
        ).fetchall()
    )
    payers = []
    for room_id, use, area, occupancy, spaces in execute(
        """SELECT r.id, r.use, r.area_centi, r.occupancy,
                  (SELECT COUNT(*) FROM parking_space AS p WHERE p.room_id = r.id)
           FROM room AS r ORDER BY r.id"""
    ).fetchall():
        monthly = sum(
            monthly_amount(item.kind, item.price_for(month) or 0, area, spaces)
            for item in items
            if RoomUse(use) in item.uses
        )
        if monthly == 0:
            continue  # a garage without a parking space: charged nothing
        period, advance = _pick(rng, PAY_HABITS)
        # In arrears, the last payment is in the current month, the first within the first period.
        first = rng.randrange(period) if advance else (FEE_MONTHS - 1) % period
        owes = rng.random() < (VACANT_OWING_SHARE if occupancy == Occupancy.VACANT.value else OWING_SHARE)
        months_owed = rng.choices(
            range(1, FEE_MONTHS + 1), [_owing_weight(k) for k in range(1, FEE_MONTHS + 1)]
        )[0]
        payers.append(
            _Payer(
                room_id,
                monthly,
                period,
                advance,
                first,
                FEE_MONTHS - 1 - months_owed if owes else None,
                _pick(rng, PAY_METHODS),
                str(tenants.get(room_id, "")),
            )
        )
    return payers


def _owing_weight(months: int) -> int:
    """How often a room owing money owes ``months`` months: mostly a few, some over a year."""
    return 5 if months <= 3 else 3 if months <= 6 else 1 if months <= 12 else 2


def _pick(rng: random.Random, choices: tuple[tuple[T, float], ...]) -> T:
    """One of ``choices`` (value, weight), drawn by weight."""
    return rng.choices([value for value, _weight in choices], [weight for _value, weight in choices])[0]


def _reference(rng: random.Random, method: str, paid_on: date) -> str:
    """A payment's reference number, as WeChat, Alipay or the bank print it ("" for cash)."""
    day = paid_on.strftime("%Y%m%d")
    if method == "wechat":
        return f"420000{rng.randrange(10**4):04d}{day}{rng.randrange(10**10):010d}"
    if method == "alipay":
        return f"{day}2200{rng.randrange(10**16):016d}"
    if method == "transfer":
        return f"{day}{rng.randrange(10**12):012d}"
    return ""


# ---------------------------------------------------------------- the repair log

# Calls a year per household (repairs, complaints, enquiries), the issue's own estimate.
ORDERS_PER_HOUSEHOLD_YEAR = 1.2
REPAIR_DAYS = 730  # the log's history: two years up to today
# The office's workers and its outside contractor: name, phone, whether a contractor.
Worker = tuple[str, str, bool]
PLUMBER: Worker = ("李师傅", "13951820417", False)
ELECTRICIAN: Worker = ("王师傅", "13862047715", False)
HANDYMAN: Worker = ("张堃", "15250893326", False)
CONTRACTOR: Worker = ("恒信机电维保公司", "025-84567890", True)
CALLERS = ("客服陈玥", "客服周婧")  # who makes the return visits (回访)
# Shares of the calls: deadline missed on purpose, paused on the way, cancelled; of the work
# done: visited; of the visits: not satisfied (the order is reopened: rework).
LATE_SHARE, PAUSED_SHARE, CANCELLED_SHARE = 0.015, 0.03, 0.02
VISIT_SHARE, UNSATISFIED_SHARE = 0.45, 0.03
# Owner-paid repairs closed within these days are charged to the room's fee account, the first
# CHARGED_REPAIRS of them (enough to show it, whatever the estate's size). The others were paid on
# the spot: the fee ledger is made before the repairs, and its payments, numbered in the order of
# the days paid, cannot be made again to pay for them.
CHARGE_DAYS, CHARGED_REPAIRS = 30, 12


@dataclass(frozen=True)
class _Facility:
    """A facility of the demo's register, and who keeps it."""

    key: str
    name: str
    location: str
    model: str
    installed: str
    warranty: str
    months: int | None  # upkeep every so many months
    worker: Worker


BUILT, BUILT_WARRANTY = "2012-06-18", "2014-06-17"  # the estate was handed over with its plant
FACILITIES = (
    _Facility("pump1", "生活水泵1号", "地下泵房", "格兰富 CR10-6", BUILT, BUILT_WARRANTY, 3, PLUMBER),
    _Facility("pump2", "生活水泵2号", "地下泵房", "格兰富 CR10-6", BUILT, BUILT_WARRANTY, 3, PLUMBER),
    _Facility("tank", "二次供水水箱", "地下泵房", "不锈钢组合水箱 36m³", BUILT, "", 6, PLUMBER),
    _Facility("fire-pump", "消防水泵", "地下泵房", "连成 XBD6/30", BUILT, BUILT_WARRANTY, 1, CONTRACTOR),
    _Facility("sump", "雨水提升泵", "地下车库集水井", "威乐 TMW 32", "2016-04-02", "2018-04-01", 6, PLUMBER),
    _Facility("lift", "3号楼电梯", "3号楼1单元", "三菱 LEHY", "2013-09-10", "2015-09-09", 1, CONTRACTOR),
    _Facility("alarm", "消防报警主机", "消防控制室", "海湾 GST200", BUILT, BUILT_WARRANTY, 12, CONTRACTOR),
    _Facility("hydrants", "室内消火栓系统", "各楼栋楼道", "SG24A65", BUILT, "", 6, CONTRACTOR),
    _Facility("extinguishers", "灭火器", "各楼道及地下车库", "MFZ/ABC4", "2023-03-15", "", 12, CONTRACTOR),
    _Facility("gate", "南大门门禁道闸", "南大门", "捷顺 JSDZ06", "2025-09-20", "2027-09-19", 6, ELECTRICIAN),
    _Facility(
        "intercom", "单元门禁对讲系统", "各单元门", "安居宝 K6", "2018-05-08", "2020-05-07", 6, ELECTRICIAN
    ),
    _Facility("street-lights", "路灯照明回路", "小区道路配电箱L1–L3", "", BUILT, "", 12, ELECTRICIAN),
    _Facility("lightning", "楼顶避雷带", "各楼栋屋面", "", BUILT, "", None, HANDYMAN),
)
# The monthly facility whose upkeep of this month is under way today, the one due in a few days (the
# first of these the register has; every other falls due more than 30 days from today), and the
# lift the demo's vote replaces (only an estate with a building 3 has it).
UPKEEP_UNDER_WAY, UPKEEP_DUE_SOON, LIFT = "fire-pump", ("lift", "intercom"), "lift"
FACILITY_KEYS = frozenset(facility.key for facility in FACILITIES)
UPKEEP_COST = {"lift": "450", "fire-pump": "300", "alarm": "1800", "hydrants": "600", "extinguishers": "960"}


@dataclass(frozen=True)
class Job:
    """A kind of call the office gets: where, what is said, and what is done about it."""

    category: str
    place: str  # a PlaceKind value, or a facility's key
    said: str
    work: str
    materials: str = ""
    materials_yuan: tuple[int, int] = (0, 0)  # the cost is drawn between these
    labour_yuan: tuple[int, int] = (0, 0)
    payer: str = "estate"
    worker: Worker = HANDYMAN
    weight: float = 1.0  # how often, among the category's jobs
    emergency: float = 0.0  # the share of these calls that are emergencies (急修)


# The calls the office gets, one line a job under its category: the place (a PlaceKind value or a
# facility's key) | what the caller says | what is done | materials | their cost in yuan (from-to) |
# labour in yuan (from-to) | who pays | who does it | how often among the category's jobs | the
# share that are emergencies (急修). Fields left off at the end take their defaults.
JOB_TABLE = """
[water]
room|厨房水龙头关不严，一直滴水|更换水龙头阀芯|陶瓷阀芯1个|25-45|30|owner|plumber|3
room|马桶水箱进水阀不停，一直响|更换马桶进水阀|进水阀1套|35-60|40|owner|plumber|3
room|厨房下水管堵塞，水槽积水|疏通厨房下水管||0|50-80|owner|plumber|2
room|入户水表前阀门漏水|更换表前阀门|DN20铜球阀1个|40-60|0|estate|plumber|1.5
room|家中水管爆裂，水漫到客厅|关闭总阀，更换爆裂的PPR管段|PPR管2米、直接4个|30-60|80-120|owner|plumber|1|0.8
stairwell|楼道给水立管接头漏水|更换立管卡箍，补漏|卡箍2个|40-80|0|estate|plumber|1|0.4
pump1|高层水压不足，水泵有异响|检修水泵，更换轴承|轴承2个|300-600|0|estate|plumber|0.4
[electricity]
room|家里跳闸，总开关合不上|查出热水器漏电，更换漏电保护开关|漏电开关1个|60-90|50|owner|electrician|3
room|卧室插座没电|更换烧坏的插座|五孔插座2个|20-30|30|owner|electrician|2
room|整户停电，邻居家有电|更换电表箱内烧坏的空开|63A空气开关1个|50-80|0|estate|electrician|1.5|0.6
stairwell|单元配电箱有焦味|紧固接线端子，更换烧损空开|32A空气开关2个|60-100|0|estate|electrician|0.6|0.7
lighting|小区东侧一排路灯不亮|更换路灯回路接触器|交流接触器1个|120-200|0|estate|electrician|1
[public-glass-door-light]
stairwell|楼道声控灯不亮|更换LED声控灯|LED声控灯2个|30-50|0|estate|electrician|4
stairwell|单元门闭门器坏了，门关不上|更换闭门器|闭门器1个|80-150|0|estate|handyman|2
stairwell|楼道窗户玻璃破碎|更换窗玻璃|5mm玻璃0.6㎡|60-100|0|estate|handyman|1.5
door-access|单元门禁刷卡没反应|更换门禁读卡器|读卡器1个|150-260|0|estate|electrician|2
door-access|可视对讲呼叫不通|重新接线，更换对讲分机|对讲分机1台|180-260|0|estate|electrician|1
[common-part]
roof|顶楼屋面漏水，雨后天花板渗水|屋面局部防水修补|防水卷材8㎡|600-1200|400-800|estate|contractor|1
drainage|小区污水井冒水|疏通污水管道||0|300-500|estate|plumber|1.5
road|小区道路地砖松动翘起|重新铺设松动地砖|水泥砂浆|50-100|0|estate|handyman|1.5
stairwell|楼道墙皮脱落|铲除空鼓墙皮，重新刷漆|腻子、乳胶漆|80-150|0|estate|handyman|1.5
fire-equipment|消火栓箱玻璃破损|更换消火栓箱门玻璃|箱门玻璃1块|40-70|0|estate|contractor|1
fire-equipment|楼道灭火器压力不足|更换灭火器|4kg干粉灭火器2具|160-200|0|estate|contractor|1
lift|3号楼电梯运行有异响|检修曳引机，调整导靴|导靴衬4个|200-400|0|estate|contractor|0.8
lift|3号楼电梯困人|救出被困人员，检修平层感应器|平层感应器1个|300-500|0|estate|contractor|0.3|1
gate|南大门道闸不抬杆|重设车牌识别，更换地感线圈|地感线圈1套|200-300|0|estate|electrician|0.6
[in-home]
room|卫生间防水失效，楼下天花板渗水|重做卫生间局部防水|防水涂料20kg|200-400|300-500|owner|plumber|2
room|入户门锁坏了，钥匙拧不动|更换锁芯|C级锁芯1个|80-150|50|owner|handyman|2
room|窗户密封条老化漏风|更换窗户密封条|密封条15米|40-60|60|owner|handyman|1.5
room|暖气片不热|排气，清洗过滤网||0|40|owner|plumber|1.5
room|热水器不出热水|更换热水器温控器|温控器1个|60-120|50|owner|electrician|1.5
room|客厅墙面开裂|查看为抹灰层裂缝，非结构问题，已告知业主处理办法
room|空调外机支架锈蚀松动|加固更换支架|不锈钢支架1副|90-150|80|owner|handyman|1
[noise-smell]
room|楼上深夜装修噪音|上门劝停施工，告知装修时间规定||||||2
room|楼下饭店油烟味进屋|联系商铺清洗油烟净化器
room|邻居家狗整夜叫|上门沟通，邻居承诺夜间关好门窗
[complaint]
road|垃圾桶满了没人清|通知保洁加清一次||||||1.5
road|消防通道被私家车堵住|联系车主挪车，张贴告知||||||1.5
stairwell|楼道有人堆放杂物|通知住户清理，已清走
other|快递堆在单元门口没人管|联系快递站点，改放快递柜||||||0.7
[enquiry]
room|询问停水什么时候恢复|已告知今天18:00前恢复供水||||||1.5
room|咨询装修申请要交什么材料|已告知所需材料及装修押金规定
room|询问物业费能不能用微信交|已告知可在服务中心扫码缴费
room|询问电梯年检时间|已告知年检安排及停梯时间||||||0.5
"""
WORKERS = {"plumber": PLUMBER, "electrician": ELECTRICIAN, "handyman": HANDYMAN, "contractor": CONTRACTOR}


def _yuan_range(text: str) -> tuple[int, int]:
    low, _, high = (text or "0").partition("-")
    return int(low), int(high or low)


def _jobs(table: str) -> tuple[Job, ...]:
    """The jobs of ``table`` (see JOB_TABLE)."""
    jobs = []
    category = ""
    for line in table.strip().splitlines():
        if line.startswith("["):
            category = line.strip("[]")
            continue
        place, said, work, materials, cost, labour, payer, worker, weight, emergency = (
            line.split("|") + [""] * 7
        )[:10]
        jobs.append(
            Job(
                category,
                place,
                said,
                work,
                materials,
                _yuan_range(cost),
                _yuan_range(labour),
                payer or "estate",
                WORKERS[worker or "handyman"],
                float(weight or 1),
                float(emergency or 0),
            )
        )
    return tuple(jobs)


JOBS = _jobs(JOB_TABLE)
REWORK = Job("", "", "", "")  # work done again after an unsatisfied visit: nothing more to pay
# How often each category is called about; its jobs share that by their own weights.
CATEGORY_WEIGHTS = {
    Category.WATER: 15,
    Category.ELECTRICITY: 10,
    Category.PUBLIC_GLASS_DOOR_LIGHT: 12,
    Category.COMMON_PART: 12,
    Category.IN_HOME: 33,
    Category.NOISE_SMELL: 6,
    Category.COMPLAINT: 6,
    Category.ENQUIRY: 6,
}
KIND_OF = {Category.NOISE_SMELL: OrderKind.COMPLAINT, Category.COMPLAINT: OrderKind.COMPLAINT}
CHANNELS = {
    OrderKind.REPAIR: (("phone", 0.55), ("walk-in", 0.15), ("group-chat", 0.2), ("patrol", 0.1)),
    OrderKind.COMPLAINT: (("phone", 0.5), ("group-chat", 0.25), ("walk-in", 0.1), ("complaint-box", 0.15)),
    OrderKind.ENQUIRY: (("phone", 0.6), ("walk-in", 0.25), ("group-chat", 0.15)),
}
# When calls come, by the hour: mostly in the morning and the evening, hardly any at night.
CALL_HOURS = tuple(
    (hour, 3.0 if 8 <= hour <= 11 else 2.5 if 14 <= hour <= 20 else 1.5 if hour in (7, 12, 13, 21) else 0.1)
    for hour in range(24)
)
# Categories whose work waits for the office's working hours (the rest is attended at any hour).
DAYTIME = frozenset({Category.PUBLIC_GLASS_DOOR_LIGHT, Category.COMMON_PART, Category.IN_HOME})
PAUSE_REASONS = (
    ("等待配件到货", True),
    ("业主不在家，约定改日上门", False),
    ("需业主确认维修方案和费用", True),
)
CANCEL_REASONS = ("业主来电称已自行修好", "重复报修，与前一单合并处理", "业主取消报修")
SATISFIED_COMMENTS = ("满意", "师傅态度好，修得很快", "基本满意", "已修好，谢谢", "")
UNSATISFIED_COMMENTS = ("修完第二天又漏了", "还是不亮", "问题没解决，还是老样子")
# Today's follow-up notes (日清日审) on open orders, by state; an overdue order's says so.
OPEN_NOTES = {
    "received": "已电话联系报修人，确认故障情况",
    "dispatched": "已通知师傅，约好上门时间",
    "in-progress": "师傅在现场处理中",
    "paused": "已催配件，到货后通知业主",
    "done": "待回访",
    "visited": "已回访，待关单",
}
OVERDUE_NOTE = "已超时，已催师傅今天处理，并向报修人致歉"

Action = Callable[[int, str], object]  # a step taken on an order (its id) at a time ('YYYY-MM-DD HH:MM')


@dataclass
class _Call:
    """An order to open, and its steps: each is taken once its time has come, the rest wait."""

    received: datetime
    order: repairs.OrderInput | None  # None: a facility's planned upkeep
    job: Job | None = None
    urgency: Urgency = Urgency.NORMAL
    facility_id: int | None = None
    steps: list[tuple[datetime, Action]] | None = None  # None: its flow is drawn once it is opened
    note: str = ""  # today's follow-up note, if the order is still open
    seed: float = 0.0  # of the random numbers its flow draws


def _repair_log(rng: random.Random, households: int, charge: bool) -> tuple[int, int]:
    """The register, two years of calls and today's board; return (orders, facilities)."""
    now = datetime.now().replace(second=0, microsecond=0)
    rooms = [
        {"code": code, "building": building, "unit": unit, "use": use, "vacant": occupancy == "vacant"}
        for code, building, unit, use, occupancy in execute(
            "SELECT r.code, b.name, u.name, r.use, r.occupancy FROM room r JOIN building b"
            " ON b.id = r.building_id JOIN unit u ON u.id = r.unit_id ORDER BY r.id"
        )
    ]
    facilities = _register({str(room["building"]) for room in rooms})
    vote_id = next((view.vote_id for view in votes.list_votes() if not view.is_open), None)
    phones: set[str] = set()
    lived_in = [room for room in rooms if not room["vacant"]] or rooms  # an empty flat calls no one
    calls = [
        _call(rng, now, lived_in, facilities, phones)
        for _ in range(round(households * ORDERS_PER_HOUSEHOLD_YEAR * REPAIR_DAYS / 365))
    ]
    # Random numbers of their own, as each call's flow has: what one part draws (the periods of
    # upkeep in two years, the days back to an overdue order) leaves the rest as the seed made it.
    upkeep, today, notes_rng = (random.Random(rng.random()) for _ in range(3))
    calls += _upkeep(upkeep, now, facilities)
    calls += _today(today, now, rooms, facilities, vote_id)
    calls.sort(key=lambda call: call.received)  # numbered in the order they came, as at the desk
    notes: dict[int, str] = {}
    charged = 0
    for call in calls:
        if call.order is None:
            assert call.facility_id is not None
            (made,) = repairs.order_upkeep([call.facility_id], call.received)
        else:
            made = repairs.add_order(call.order)
        if call.steps is None:
            steps = _flow(random.Random(call.seed), call, made, now, charge and charged < CHARGED_REPAIRS)
        else:
            steps = call.steps
        for at, action in steps:
            if at > now:
                break  # the rest is still to come: the order stays open where it is
            taken = action(made.order_id, at.strftime("%Y-%m-%d %H:%M"))
            charged += isinstance(taken, repairs.StepDone) and taken.charge_entry_id is not None
        if call.note:
            notes[made.order_id] = call.note
    for row in repairs.board(now):
        text = notes.get(row.order_id) or (
            OVERDUE_NOTE
            if row.overdue(now)
            else OPEN_NOTES[row.state.value]
            if notes_rng.random() < 0.7
            else ""
        )
        if text:
            repairs.note(row.order_id, text)
    return len(calls), len(facilities)


def _register(buildings: set[str]) -> dict[str, tuple[int, _Facility]]:
    """The facilities of the register, by key: the lift only where its building is."""
    made = {}
    for facility in FACILITIES:
        if facility.key == LIFT and "3" not in buildings:
            continue
        facility_id = repairs.add_facility(
            repairs.FacilityInput(
                facility.name,
                facility.location,
                facility.model,
                facility.installed,
                facility.warranty,
                str(facility.months or ""),
                "质保期内" if facility.warranty > date.today().isoformat() else "",
            )
        )
        made[facility.key] = (facility_id, facility)
    return made


def _call(
    rng: random.Random,
    now: datetime,
    lived_in: list[dict[str, object]],
    facilities: dict[str, tuple[int, _Facility]],
    phones: set[str],
) -> _Call:
    """One call of the last two years: when, what about, where, by whom, how it reached the office."""
    category = _pick(rng, tuple(CATEGORY_WEIGHTS.items()))
    jobs = [
        job
        for job in JOBS
        if job.category == category and (job.place not in FACILITY_KEYS or job.place in facilities)
    ]
    job = rng.choices(jobs, [job.weight for job in jobs])[0]
    urgency = Urgency.EMERGENCY if rng.random() < job.emergency else Urgency.NORMAL
    day = now.date() - timedelta(days=rng.randrange(REPAIR_DAYS))
    hour = rng.randrange(24) if urgency is Urgency.EMERGENCY else _pick(rng, CALL_HOURS)
    received = datetime.combine(day, time(hour, rng.randrange(60)))
    if received >= now:
        received -= timedelta(days=1)
    kind = KIND_OF.get(category, OrderKind.ENQUIRY if category == Category.ENQUIRY else OrderKind.REPAIR)
    channel = _pick(rng, CHANNELS[kind])
    room = rng.choice(lived_in)
    fields: dict[str, object] = {"room": room["code"]}
    if job.place != "room":
        who = rng.random()
        if channel == "patrol" or (channel == "complaint-box" and who < 0.7) or who < 0.2:
            fields = {}  # found on the rounds, or not signed
        elif who < 0.4:
            fields = {
                "reporter_name": rng.choice(SURNAMES[:40]) + rng.choice(("女士", "先生")),
                "reporter_phone": _phone(rng, phones),
            }
        fields |= _place(rng, job, room, facilities)
    elif channel == "patrol":
        channel = "phone"  # the rounds do not go into homes
    order = repairs.OrderInput(
        received=received.strftime("%Y-%m-%d %H:%M"),
        category=category,
        description=job.said,
        kind=kind.value,
        urgency=urgency.value,
        channel=channel,
        **fields,  # type: ignore[arg-type]
    )
    return _Call(received, order, job, urgency, seed=rng.random())


def _place(
    rng: random.Random, job: Job, room: dict[str, object], facilities: dict[str, tuple[int, _Facility]]
) -> dict[str, object]:
    """Where a common part's job is, as the order takes it (a stairwell, a facility, or words)."""
    building, unit = str(room["building"]), str(room["unit"])
    if job.place in FACILITY_KEYS:
        return {"place_kind": PlaceKind.FACILITY.value, "facility_id": facilities[job.place][0]}
    if job.place == PlaceKind.STAIRWELL:
        return {"place_kind": job.place, "building": building, "unit": unit}
    words = {
        PlaceKind.ROOF: f"{building}号楼",
        PlaceKind.DRAINAGE: f"{building}号楼北侧",
        PlaceKind.ROAD: rng.choice((f"{building}号楼前", "小区主干道", "地下车库入口")),
        PlaceKind.DOOR_ACCESS: f"{building}号楼{unit}单元",
        PlaceKind.FIRE_EQUIPMENT: f"{building}号楼{unit}单元楼道",
        PlaceKind.OTHER: f"{building}号楼{unit}单元门口",
    }
    return {"place_kind": job.place, "place_text": words.get(PlaceKind(job.place), "")}


def _minutes(low: float, high: float, rng: random.Random) -> timedelta:
    return timedelta(minutes=round(rng.uniform(low, high)))


def _between(start: datetime, end: datetime, low: float, high: float, rng: random.Random) -> datetime:
    """A minute between ``start`` and ``end``, at a share of the way drawn from ``low`` to ``high``."""
    moment = start + (end - start) * rng.uniform(low, high)
    return max(start, moment.replace(second=0, microsecond=0))


def _daytime(moment: datetime, rng: random.Random) -> datetime:
    """``moment``, or the next morning's start of work when it falls outside working hours."""
    if moment.time() < time(8, 0):
        return datetime.combine(moment.date(), time(8, rng.randrange(40)))
    if moment.time() > time(17, 30):
        return datetime.combine(moment.date() + timedelta(days=1), time(8, rng.randrange(40)))
    return moment


def _dispatch(worker: Worker) -> Action:
    return lambda order, at: repairs.dispatch(order, worker[0], worker[1], worker[2], at)


def _start(order: int, at: str) -> object:
    return repairs.start(order, at)


def _done(
    job: Job, rng: random.Random, work: str = "", vote_id: int | None = None, emergency_use: bool = False
) -> Action:
    """The work of ``job`` as done, its costs drawn (an owner pays only for something)."""
    materials = _yuan(rng, job.materials_yuan)
    labour = _yuan(rng, job.labour_yuan)
    payer = job.payer if materials or labour else "estate"
    return _finish(
        repairs.DoneInput(work or job.work, job.materials, materials, labour, payer, vote_id, emergency_use)
    )


def _finish(typed: repairs.DoneInput) -> Action:
    return lambda order, at: repairs.finish(order, replace(typed, at=at))


def _yuan(rng: random.Random, bounds: tuple[int, int]) -> str:
    low, high = bounds
    return "" if high == 0 else f"{rng.randint(low * 2, high * 2) / 2:.2f}"


def _visit(satisfied: bool, comment: str, caller: str) -> Action:
    return lambda order, at: repairs.visit(order, satisfied, comment, caller, at)


def _close(charge: bool) -> Action:
    return lambda order, at: repairs.close(order, charge, at)


def _pause(reason: str) -> Action:
    return lambda order, at: repairs.pause(order, reason, at)


def _cancel(reason: str) -> Action:
    return lambda order, at: repairs.cancel(order, reason, at)


def _flow(
    rng: random.Random, call: _Call, made: repairs.OrderCreated, now: datetime, charge: bool
) -> list[tuple[datetime, Action]]:
    """The steps a call goes through, timed to meet its deadlines unless it is one of the few late.

    A few are cancelled or paused on the way; of the work done nearly half get a return visit
    (about two in five with the planned upkeep, never visited), and about one visit in thirty
    finds the work not done: the same worker goes again (rework).
    """
    assert call.job is not None
    job, received = call.job, call.received
    arrive_due, finish_due = made.arrive_due, made.finish_due
    late = rng.random() < LATE_SHARE
    fate = rng.random()
    steps: list[tuple[datetime, Action]] = []
    if job.category == Category.ENQUIRY:  # answered at once, by the desk
        due = finish_due or received + timedelta(minutes=30)
        done = due + _minutes(5, 90, rng) if late else _between(received, due, 0.1, 0.85, rng)
        steps.append((done, _done(job, rng)))
        closed = done + _minutes(1, 15, rng)
        return [*steps, (closed, _close(False))]
    daytime = job.category in DAYTIME and call.urgency is Urgency.NORMAL
    first_due = arrive_due or finish_due or received + timedelta(hours=8)
    dispatched = _between(received, first_due, 0.01, 0.08, rng)
    if daytime:
        dispatched = _daytime(dispatched, rng)
    steps.append((dispatched, _dispatch(job.worker)))
    if fate < CANCELLED_SHARE:
        steps.append((dispatched + _minutes(20, 600, rng), _cancel(rng.choice(CANCEL_REASONS))))
        return steps
    if arrive_due is not None:
        arrived = _between(dispatched, arrive_due, 0.3, 0.9, rng)
        if late:
            arrived = arrive_due + _minutes(3, 40, rng)
    elif daytime:
        assert finish_due is not None
        arrived = _daytime(dispatched + _minutes(60, 1800, rng), rng)
        if arrived > finish_due - timedelta(hours=3):
            arrived = _between(dispatched, finish_due, 0.2, 0.5, rng)
    else:
        arrived = _between(dispatched, finish_due or first_due, 0.05, 0.3, rng)
    paused = fate < CANCELLED_SHARE + PAUSED_SHARE and job.category in DAYTIME
    if paused:
        reason, on_site = rng.choice(PAUSE_REASONS)
        if on_site:  # the worker came and found a part missing: back once it is in
            steps.append((arrived, _start))
            held = arrived + _minutes(20, 60, rng)
            steps.append((held, _pause(reason)))
            arrived = _daytime(held + _minutes(600, 2400, rng), rng)
            steps.append((arrived, _start))
        else:  # nobody home: sent again another day
            held = arrived
            steps.append((held, _pause(reason)))
            again = _daytime(held + _minutes(600, 1800, rng), rng)
            steps.append((again, _dispatch(job.worker)))
            arrived = again + _minutes(30, 120, rng)
            steps.append((arrived, _start))
    else:
        steps.append((arrived, _start))
    done = arrived + _minutes(15, 240 if job.category in DAYTIME else 90, rng)
    if finish_due is not None and arrived < finish_due and not paused:
        if late and arrive_due is None:
            done = finish_due + _minutes(30, 1800, rng)
        elif done > finish_due:
            done = _between(arrived, finish_due, 0.3, 0.9, rng)
    steps.append((done, _done(job, rng)))
    if rng.random() < (0.7 if job.category in KIND_OF else VISIT_SHARE):
        visit_at = max(_daytime(done + _minutes(60, 2400, rng), rng), done + timedelta(minutes=30))
        caller = rng.choice(CALLERS)
        if job.category not in KIND_OF and rng.random() < UNSATISFIED_SHARE:
            steps.append((visit_at, _visit(False, rng.choice(UNSATISFIED_COMMENTS), caller)))
            again = visit_at + _minutes(10, 90, rng)
            steps.append((again, _dispatch(job.worker)))
            arrived = _daytime(again + _minutes(60, 1200, rng), rng)
            steps.append((arrived, _start))
            done = arrived + _minutes(20, 90, rng)
            # Done again at no charge: what the order costs (and the owner pays) is now nothing.
            steps.append((done, _done(REWORK, rng, "返工：" + job.work)))
            visit_at = max(_daytime(done + _minutes(600, 1800, rng), rng), done + timedelta(minutes=30))
        steps.append((visit_at, _visit(True, rng.choice(SATISFIED_COMMENTS), caller)))
        closed = visit_at + _minutes(5, 60, rng)
    else:
        closed = done + _minutes(10, 900, rng)
    # Closing charges the owner what the work cost, if the owner pays it (see CHARGE_DAYS).
    steps.append((closed, _close(charge and closed >= now - timedelta(days=CHARGE_DAYS))))
    return steps


def _upkeep(rng: random.Random, now: datetime, facilities: dict[str, tuple[int, _Facility]]) -> list[_Call]:
    """Every facility's planned upkeep of the last two years, each done on the day it was due.

    The last ones are placed so that one facility falls due within 30 days (the lift, else the
    intercom), the monthly fire pump's upkeep is under way today, and every other is due later.
    """
    today = now.date()
    due_soon = next(key for key in UPKEEP_DUE_SOON if key in facilities)
    calls = []
    for key, (facility_id, facility) in facilities.items():
        if facility.months is None:
            continue
        if key == UPKEEP_UNDER_WAY:
            last = add_months(today, -facility.months)
            received = min(datetime.combine(today, time(9, 0)), now - timedelta(minutes=30))
            steps = [(received + timedelta(minutes=5), _dispatch(facility.worker))]
            steps.append((received + timedelta(minutes=25), _start))
            calls.append(
                _Call(received, None, facility_id=facility_id, steps=steps, note="维保公司正在做月度试运转")
            )
        else:
            ahead = (
                rng.randint(5, 20) if key == due_soon else rng.randint(35, max(35, facility.months * 30 - 10))
            )
            last = add_months(today, -facility.months) + timedelta(days=ahead)
        cost = UPKEEP_COST.get(key, "")
        done_input = repairs.DoneInput(f"完成定期保养：{facility.name}", labour_cost=cost)
        periods = 0
        while (day := add_months(last, -facility.months * periods)) >= today - timedelta(days=REPAIR_DAYS):
            received = datetime.combine(day, time(9, 0))
            dispatched = received + _minutes(5, 30, rng)
            started = dispatched + _minutes(20, 60, rng)
            done = started + _minutes(60, 180, rng)
            steps = [
                (dispatched, _dispatch(facility.worker)),
                (started, _start),
                (done, _finish(done_input)),
                (done + _minutes(30, 300, rng), _close(False)),
            ]
            calls.append(_Call(received, None, facility_id=facility_id, steps=steps))
            periods += 1
    return calls


def _today(
    rng: random.Random,
    now: datetime,
    rooms: list[dict[str, object]],
    facilities: dict[str, tuple[int, _Facility]],
    vote_id: int | None,
) -> list[_Call]:
    """What today's board must show whatever the seed drew: orders overdue, due today, in each state.

    And the maintenance fund at work: spent as emergency use on the fire pump last winter, and on
    the lift the demo's closed motion decided to replace, done today.
    """
    calendar, limits = repairs.work_calendar(), repairs.limits()
    lived = [room for room in rooms if room["use"] == "residential" and not room["vacant"]] or rooms

    def overdue_since(category: Category) -> datetime:
        """The latest morning an order of ``category`` was received whose limit ran out hours ago."""
        day, minute = now.date() - timedelta(days=1), rng.randrange(60)
        while True:
            received = datetime.combine(day, time(9, minute))
            finish = deadlines(received, category, Urgency.NORMAL, calendar, limits).finish
            if finish is not None and finish < now - timedelta(hours=2):
                return received
            day -= timedelta(days=1)

    def order(received: datetime, category: Category, said: str, **fields: object) -> repairs.OrderInput:
        kind = KIND_OF.get(category, OrderKind.REPAIR)
        return repairs.OrderInput(
            received.strftime("%Y-%m-%d %H:%M"),
            category,
            said,
            kind.value,
            **fields,  # type: ignore[arg-type]
        )

    calls = []
    # Overdue: waiting for a part, a contractor who has not come, a lamp out of stock.
    room = rng.choice(lived)
    received = overdue_since(Category.IN_HOME) - timedelta(days=2)
    came = _daytime(received + timedelta(hours=22), rng)
    calls.append(
        _Call(
            received,
            order(received, Category.IN_HOME, "燃气热水器打不着火", room=room["code"]),
            steps=[
                (received + timedelta(minutes=20), _dispatch(ELECTRICIAN)),
                (came, _start),
                (came + timedelta(minutes=40), _pause("等待配件：热水器主板，厂家发货中")),
            ],
            note="已催厂家，预计后天到货，已告知业主",
        )
    )
    room = rng.choice(lived)
    received = overdue_since(Category.COMMON_PART)
    calls.append(
        _Call(
            received,
            order(
                received,
                Category.COMMON_PART,
                "顶楼屋面漏水，卧室天花板大片水渍",
                room=room["code"],
                place_kind=PlaceKind.ROOF.value,
                place_text=f"{room['building']}号楼",
            ),
            steps=[(received + timedelta(minutes=30), _dispatch(CONTRACTOR))],
            note="防水公司排期已满，已再次催促，约定本周内进场",
        )
    )
    room = rng.choice(lived)
    received = overdue_since(Category.PUBLIC_GLASS_DOOR_LIGHT)
    calls.append(
        _Call(
            received,
            order(
                received,
                Category.PUBLIC_GLASS_DOOR_LIGHT,
                "楼道三楼到五楼的灯都不亮",
                place_kind=PlaceKind.STAIRWELL.value,
                building=room["building"],
                unit=room["unit"],
                channel="patrol",
            ),
            steps=[(received + timedelta(minutes=15), _dispatch(ELECTRICIAN))],
            note="灯具缺货，已申请采购",
        )
    )
    # Due today: water (by 24:00), a neighbour's noise just reported (on site within 15 minutes).
    room = rng.choice(lived)
    received = max(datetime.combine(now.date(), time()), now - timedelta(minutes=150))
    calls.append(
        _Call(
            received,
            order(received, Category.WATER, "卫生间角阀漏水，关不住", room=room["code"]),
            steps=[
                (received + timedelta(minutes=5), _dispatch(PLUMBER)),
                (received + timedelta(minutes=40), _start),
            ],
            note="师傅已到场，需关闸更换角阀，已通知同单元住户",
        )
    )
    room = rng.choice(lived)
    received = now - timedelta(minutes=4)
    calls.append(
        _Call(
            received,
            order(received, Category.NOISE_SMELL, "楼上在拖动家具，声音很大", room=room["code"]),
            steps=[(received + timedelta(minutes=1), _dispatch(HANDYMAN))],
            note="张堃正在赶往现场",
        )
    )
    # Just received, and one visited this morning, not yet closed.
    room = rng.choice(lived)
    received = now - timedelta(minutes=20)
    calls.append(
        _Call(
            received,
            order(received, Category.IN_HOME, "阳台地漏返臭味", room=room["code"], channel="group-chat"),
            steps=[],
            note="已电话联系业主，约明天上午上门查看",
        )
    )
    room = rng.choice(lived)
    job = next(job for job in JOBS if job.said == "入户门锁坏了，钥匙拧不动")
    received = datetime.combine(now.date() - timedelta(days=3), time(10, 12))
    came = _daytime(received + timedelta(hours=23), rng)
    calls.append(
        _Call(
            received,
            order(received, Category.IN_HOME, job.said, room=room["code"]),
            steps=[
                (received + timedelta(minutes=30), _dispatch(HANDYMAN)),
                (came, _start),
                (came + timedelta(minutes=50), _done(job, rng)),
                (now - timedelta(minutes=40), _visit(True, "锁很好用，谢谢", CALLERS[0])),
            ],
            note="已回访，业主满意，待关单",
        )
    )
    # The maintenance fund: emergency use on the fire pump, and the lift replacement the owners voted.
    if UPKEEP_UNDER_WAY in facilities:
        received = datetime.combine(now.date() - timedelta(days=300), time(2, 10))
        calls.append(
            _Call(
                received,
                order(
                    received,
                    Category.COMMON_PART,
                    "消防水泵电机烧毁，消防管网无法加压",
                    urgency=Urgency.EMERGENCY.value,
                    channel="patrol",
                    place_kind=PlaceKind.FACILITY.value,
                    facility_id=facilities[UPKEEP_UNDER_WAY][0],
                ),
                steps=[
                    (received + timedelta(minutes=3), _dispatch(CONTRACTOR)),
                    (received + timedelta(minutes=26), _start),
                    (
                        received + timedelta(hours=7),
                        _done(
                            Job(
                                "",
                                "",
                                "",
                                "更换消防泵电机，试运转正常",
                                "消防泵电机22kW 1台",
                                (8600, 8600),
                                (1200, 1200),
                                "fund",
                            ),
                            rng,
                            emergency_use=True,
                        ),
                    ),
                    (received + timedelta(days=1, hours=8), _close(False)),
                ],
            )
        )
    if vote_id is not None and LIFT in facilities:
        received = datetime.combine(now.date() - timedelta(days=70), time(9, 30))
        replaced = Job(
            "",
            "",
            "",
            "旧梯拆除，新梯安装调试完毕，经特种设备检验机构验收合格，恢复运行",
            "曳引式电梯整梯1台（含控制柜、曳引机）",
            (268000, 268000),
            (32000, 32000),
            "fund",
        )
        calls.append(
            _Call(
                received,
                order(
                    received,
                    Category.COMMON_PART,
                    "3号楼电梯主机老化、频繁停梯，维保公司检测后建议整机更换",
                    channel="patrol",
                    place_kind=PlaceKind.FACILITY.value,
                    facility_id=facilities[LIFT][0],
                ),
                steps=[
                    (received + timedelta(hours=1), _dispatch(CONTRACTOR)),
                    (received + timedelta(days=1, hours=1), _start),
                    (now, _done(replaced, rng, vote_id=vote_id)),
                ],
                note="按业主大会决定使用专项维修资金，待回访业主代表",
            )
        )
    return calls


# ---------------------------------------------------------------- the cleaning schedule

# One cleaner for about so many households, at least MIN_CLEANERS; one of them on half days, two
# from a team of eight.
HOUSEHOLDS_PER_CLEANER, MIN_CLEANERS = 40, 3
FULL_DAY, HALF_DAY = 480, 240
INSPECTION_MONTHS = 4  # the weekly inspections of the last four months, up to today
# Every so many buildings have a road, a garbage point, a green belt of their own (at least one each).
BUILDINGS_PER_ROAD, BUILDINGS_PER_GARBAGE_POINT, BUILDINGS_PER_GREEN = 6, 2, 4
ROADS = ("中心广场", "南大门主干道", "东侧环路", "西侧环路", "北侧环路", "北门道路")
GREENS = ("中心绿地", "南侧绿化带", "北侧绿化带", "东侧绿化带", "西侧绿化带")
CLEANER_NOTES = ("保洁组长", "", "", "", "", "", "")
# What an inspector finds on an area of each kind (the default checklist's items).
FINDINGS = {
    AreaKind.STAIRWELL: (
        "扶手、窗台积灰",
        "楼道堆放杂物未清理",
        "墙面、门窗有小广告或污迹",
        "地面有垃圾、烟头",
    ),
    AreaKind.ROAD: ("地面有垃圾、烟头", "积水、污水未处理"),
    AreaKind.GARBAGE: ("垃圾桶满溢或周边脏乱", "积水、污水未处理"),
    AreaKind.GREEN: ("绿化带内有杂物", "地面有垃圾、烟头"),
    AreaKind.CAR_PARK: ("地面有垃圾、烟头", "积水、污水未处理"),
}
FOUND_NOTES = {
    "扶手、窗台积灰": "三楼以上扶手积灰",
    "楼道堆放杂物未清理": "楼梯间有住户堆放纸箱，已通知清理",
    "墙面、门窗有小广告或污迹": "单元门有小广告",
    "地面有垃圾、烟头": "有烟头未清扫",
    "积水、污水未处理": "雨后积水未及时清扫",
    "垃圾桶满溢或周边脏乱": "桶边有散落垃圾",
    "绿化带内有杂物": "绿化带内有塑料袋",
    "未按时完成保洁任务": "当日任务未完成",
}


def _cleaning(rng: random.Random, households: int, today: date) -> tuple[int, int, int, int]:
    """The team, the areas and their tasks, two months' rotas, the inspections; return their counts.

    Returned as (cleaners, areas, tasks, inspections).
    """
    this_month = today.replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    began = _months_back(this_month, INSPECTION_MONTHS)  # the office took up the program then
    _team(rng, households)
    buildings = execute("SELECT COUNT(*) FROM building").fetchone()[0]
    _common_areas(buildings, households)
    tasks = cleaning.add_default_tasks(today=began)
    weak = _responsible()
    cleaners = [view.cleaner_id for view in cleaning.list_cleaners()]
    # Leave: a week's annual leave last month and a few days next month, known before the rotas.
    taker, later = cleaners[1 % len(cleaners)], cleaners[2 % len(cleaners)]
    cleaning.add_leave(taker, last_month + timedelta(days=9), last_month + timedelta(days=15), "年假")
    next_month = (this_month + timedelta(days=32)).replace(day=1)
    cleaning.add_leave(later, next_month + timedelta(days=4), next_month + timedelta(days=6), "事假")
    cleaning.accept_rota(cleaning.month_key(last_month))
    _hand_change(cleaning.accept_rota(cleaning.month_key(this_month)))
    # Sick leave entered since this month's rota was accepted: the clerk sees its days re-planned.
    last = next_month - timedelta(days=1)
    sick_first = min(today + timedelta(days=1), last - timedelta(days=1))
    ill = cleaners[0] if len(cleaners) < 4 else cleaners[3]
    cleaning.add_leave(ill, sick_first, sick_first + timedelta(days=1), "病假")
    inspections = _inspections(rng, began, today, weak)
    return len(cleaners), len(cleaning.list_areas()), tasks, inspections


def _months_back(first: date, months: int) -> date:
    """The first day of the month ``months`` before the month starting on ``first``."""
    year, month = divmod(first.year * 12 + first.month - 1 - months, 12)
    return date(year, month + 1, 1)


def _team(rng: random.Random, households: int) -> int:
    """The cleaners: days off spread over the week, one or two on half days; return how many."""
    size = max(MIN_CLEANERS, round(households / HOUSEHOLDS_PER_CLEANER))
    half_days = {size // 2} | ({size - 1} if size >= 8 else set())
    phones: set[str] = set()
    names: set[str] = set()
    for index in range(size):
        name = _name(rng)
        while name in names:
            name = _name(rng)
        names.add(name)
        cleaning.add_cleaner(
            cleaning.CleanerInput(
                name,
                _phone(rng, phones),
                ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[(index * 3) % 7],  # spread over the week
                str(HALF_DAY if index in half_days else FULL_DAY),
                "半天班" if index in half_days else CLEANER_NOTES[index % len(CLEANER_NOTES)],
            )
        )
    return size


def _common_areas(buildings: int, households: int) -> None:
    """Roads and squares, garbage points, green belts, car parks, drains, septic tanks, the water tank."""
    wanted: list[tuple[AreaKind, str]] = []
    roads = max(1, buildings // BUILDINGS_PER_ROAD + 1)
    wanted += [(AreaKind.ROAD, ROADS[n] if n < len(ROADS) else f"{n + 1}号路") for n in range(roads)]
    for first in range(1, buildings + 1, BUILDINGS_PER_GARBAGE_POINT):
        wanted.append((AreaKind.GARBAGE, f"{first}号楼旁垃圾点"))
    greens = max(1, buildings // BUILDINGS_PER_GREEN + 1)
    wanted += [
        (AreaKind.GREEN, GREENS[n] if n < len(GREENS) else f"{n * BUILDINGS_PER_GREEN + 1}号楼前绿化带")
        for n in range(greens)
    ]
    wanted.append((AreaKind.CAR_PARK, "地面停车场"))
    if households >= 1000:
        wanted.append((AreaKind.CAR_PARK, "地下车库"))
    wanted.append((AreaKind.DRAINS, "雨污水井及管道"))
    tanks = max(1, buildings // 20 + (buildings % 20 > 0))
    wanted += [
        (AreaKind.SEPTIC_TANK, "化粪池" if tanks == 1 else f"{n}号化粪池") for n in range(1, tanks + 1)
    ]
    wanted.append((AreaKind.WATER_TANK, "二次供水水箱"))  # the register's tank, in the pump room
    for kind, name in wanted:
        cleaning.add_area(kind, name)


def _responsible() -> int:
    """Give every area a responsible cleaner; return the one whose areas score lower (the weak one).

    A building's stairwells go to one cleaner together; blocks are handed out heaviest first, each
    to the cleaner whose week weighs least so far, so that everyone's week weighs about the same.
    """
    cleaners = cleaning.list_cleaners()
    blocks: dict[object, list[cleaning.AreaView]] = {}
    for view in cleaning.list_areas():
        blocks.setdefault(view.building_id if view.kind is AreaKind.STAIRWELL else view.area_id, []).append(
            view
        )
    weight = {key: sum(view.minutes_per_week for view in views) for key, views in blocks.items()}
    load = {member.cleaner_id: 0 for member in cleaners}
    for key in sorted(blocks, key=lambda key: (-weight[key], str(key))):
        lightest = min(load, key=lambda cleaner_id: (load[cleaner_id], cleaner_id))
        load[lightest] += weight[key]
        for view in blocks[key]:
            cleaning.set_responsible(view.area_id, lightest)
    full = [member.cleaner_id for member in cleaners if member.minutes_per_day == FULL_DAY]
    return full[len(full) // 2]


def _hand_change(view: cleaning.RotaView) -> None:
    """The clerk's own change: the first slot of the month's second Monday to someone else."""
    month = view.month
    monday = next(day for day in (view.first + timedelta(days=n) for n in range(7, 14)) if day.weekday() == 0)
    used: dict[int, int] = {}
    for slot in view.assigned:
        if slot.day == monday and slot.cleaner_id is not None:
            used[slot.cleaner_id] = used.get(slot.cleaner_id, 0) + slot.minutes
    for slot in view.assigned:
        if slot.day != monday or slot.cleaner_id is None:
            continue
        for member in view.cleaners:
            works = monday.weekday() not in member.days_off and not any(
                period.first <= monday <= period.last for period in member.leave
            )
            if (
                member.cleaner_id != slot.cleaner_id
                and works
                and used.get(member.cleaner_id, 0) + slot.minutes <= member.minutes_per_day
            ):
                cleaning.reassign(month, monday, slot.task_id, slot.occurrence, member.cleaner_id)
                return


def _inspections(rng: random.Random, began: date, today: date, weak: int) -> int:
    """Every area scored on the inspection day of each week since ``began`` up to today; return how many.

    Most scores are from 85 to 98; the weak cleaner's areas lower. One inspection in four is a
    checklist of what was found; the weak cleaner's worst has a photo.
    """
    settings = cleaning.inspection_settings()
    points = {deduction.item: deduction.points for deduction in settings.deductions}
    areas = cleaning.list_areas()
    day = cleaning.inspection_day(began, settings)
    if day < began:
        day += timedelta(days=7)
    made = 0
    worst: tuple[int, int] | None = None  # (score, inspection id) of the weak cleaner's worst
    while day <= today:
        for view in areas:
            weak_one = view.responsible_id == weak
            found: tuple[tuple[str, int], ...] = ()
            score = ""
            note = ""
            if view.kind in FINDINGS and rng.random() < (0.5 if weak_one else 0.25):
                items = rng.sample(FINDINGS[view.kind], rng.choice((1, 1, 2)))
                found = tuple((item, rng.choice((1, 1, 2)) + weak_one) for item in items)
                note = FOUND_NOTES[items[0]]
            else:
                level = rng.gauss(79, 5) if weak_one else rng.gauss(92, 3.5)
                score = str(max(60, min(100, round(level))))
                if weak_one and int(score) < 75:
                    note = "当日任务未完成，已约谈"
            made_view = cleaning.record_inspection(
                cleaning.InspectionInput(day.isoformat(), view.area_id, score, found, note)
            )
            made += 1
            if weak_one and (worst is None or made_view.score < worst[0]):
                worst = (made_view.score, made_view.inspection_id)
        day += timedelta(days=7)
    if worst is not None and points:
        cleaning.add_inspection_photo(worst[1], _stained_floor(), "检查照片.jpg")
    return made


def _stained_floor() -> bytes:
    """A made-up inspection photo (no file to carry): a grey floor with litter on it."""
    import io

    from PIL import Image, ImageDraw  # Pillow comes with fpdf2

    image = Image.new("RGB", (800, 600), (168, 164, 156))
    draw = ImageDraw.Draw(image)
    for x, y in ((180, 360), (420, 300), (600, 450), (300, 500)):
        draw.rectangle((x, y, x + 40, y + 12), fill=(236, 232, 210))
    draw.ellipse((450, 120, 640, 220), fill=(92, 84, 70))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()
