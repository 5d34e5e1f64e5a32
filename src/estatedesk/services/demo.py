"""A realistic demo estate: buildings, units, rooms, owners, tenants, flags and parking."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from estatedesk.domain.households import (
    Occupancy,
    ResidentRole,
    RoomUse,
    compose_room_code,
    id_check_character,
)
from estatedesk.domain.search import pinyin_keys
from estatedesk.services.changes import Records, writing
from estatedesk.services.households.records import load_room_details, snapshot_of
from estatedesk.store import audit
from estatedesk.store.models import (
    Building,
    Person,
    Room,
    Unit,
)
from estatedesk.store.sql import chunks, insert_rows, iso_date
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


@dataclass(frozen=True)
class DemoSummary:
    """What a demo run made."""

    buildings: int
    rooms: int
    people: int
    tenants: int
    parking_spaces: int


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


def generate(households: int, seed: int = 1) -> DemoSummary:
    """Fill the open (empty) estate with about ``households`` rooms, deterministically for a seed."""
    rng = random.Random(seed)
    now = audit.now_utc()
    phones: set[str] = set()
    ids: set[str] = set()
    rooms: list[dict[str, object]] = []
    units_per_building = 3 if households > 200 else 2
    floors, per_floor = 6, 2
    per_building = units_per_building * floors * per_floor
    building_count = max(1, -(-households // per_building))
    with writing(Records.ROOMS):
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
                                "note": "一楼商铺" if shop else "",
                                "created_at": now,
                                "updated_at": now,
                            }
                        )
                        made += 1
        insert_rows("room", rooms)
        room_ids = [r.id for r in Room.select(Room.id).order_by(Room.id)]
        summary = _people(rng, room_ids, rooms, phones, ids)
        refresh_room_summaries()  # the rooms were inserted without them: all at once, at the end
        _record_creations(room_ids)
        audit.record("demo", "estate", None, after={"households": households, "seed": seed})
    return DemoSummary(building_count, len(room_ids), *summary)


def _record_creations(room_ids: list[int]) -> None:
    """Give every demo room the history of a room created with what it holds, by 演示数据生成.

    The history then says where the room came from (a clerk must not take demo people for
    real ones), and the room can still be deleted as a room without changes since.
    """
    clerk = audit.current_actor()
    audit.set_actor(DEMO_ACTOR)
    try:
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
    finally:
        audit.set_actor(clerk)


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
