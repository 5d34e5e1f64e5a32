"""A realistic demo estate: buildings, units, rooms, owners, tenants, flags and parking, and a fee ledger.

A few vacant flats are still held by the developer (建设单位), so that a vote on the demo estate
has the developer's one voter beside the owners.

The fee ledger is made through the fee services, as a clerk would have made it month after month:
three fee items, a billing run on the first of each of the last ``FEE_MONTHS`` months up to this
one, and between the runs the payments of that month at the counter (cash, WeChat, Alipay, bank
transfer), most rooms paying a year or half a year ahead (kept as prepayment until billed), others
half a year or a quarter once billed, about one room in twelve owing one to ``FEE_MONTHS`` months,
and one receipt voided and made out again. Only the dates depend on the day it is made; everything
else follows from the seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from estatedesk.domain.fees import Month, month_of, monthly_amount
from estatedesk.domain.households import (
    Occupancy,
    ResidentRole,
    RoomUse,
    compose_room_code,
    id_check_character,
)
from estatedesk.domain.money import format_yuan
from estatedesk.domain.search import pinyin_keys
from estatedesk.services import fees, votes
from estatedesk.services.changes import Records, writing
from estatedesk.services.households.records import load_room_details, snapshot_of
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
    households: int, seed: int = 1, with_fees: bool = True, with_votes: bool | None = None
) -> DemoSummary:
    """Fill the open (empty) estate with about ``households`` rooms, deterministically for a seed.

    ``with_fees``: also the fee ledger of the last ``FEE_MONTHS`` months (see the module's text).
    ``with_votes`` (as ``with_fees`` unless given): a closed motion and an election being counted.
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
    ledger_made = votes_made = (0, 0)
    with writing(*((Records.ROOMS, Records.FEES) if with_fees else (Records.ROOMS,))):
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
        audit.record("demo", "estate", None, after={"households": households, "seed": seed})
    return DemoSummary(building_count, len(room_ids), *summary, *ledger_made, *votes_made)


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
