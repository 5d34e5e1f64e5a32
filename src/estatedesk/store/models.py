"""Peewee models of the estate file; the tables themselves are made by migrations."""

from __future__ import annotations

from typing import Any

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    """Binds every model to the estate file that is open now."""

    class Meta:
        database = database_proxy
        legacy_table_names = False


class Setting(BaseModel):
    """An estate-wide setting that travels with the file (estate name, rule choices)."""

    key = CharField(primary_key=True)
    value = TextField()


class Building(BaseModel):
    """A building (楼栋) of the estate."""

    id = AutoField()
    name = CharField(unique=True)


class Unit(BaseModel):
    """A unit or entrance (单元) of a building."""

    id = AutoField()
    building: Any = ForeignKeyField(Building, backref="units", on_delete="RESTRICT")
    building_id: int
    name = CharField()

    class Meta:
        indexes = ((("building", "name"), True),)


class Room(BaseModel):
    """A room, shop or garage with its exclusive area (in hundredths of m²)."""

    id = AutoField()
    code = CharField(unique=True)
    building: Any = ForeignKeyField(Building, backref="rooms", on_delete="RESTRICT")
    unit: Any = ForeignKeyField(Unit, backref="rooms", null=True, on_delete="RESTRICT")
    building_id: int
    unit_id: int | None
    number = CharField()
    area_centi = IntegerField()
    use = CharField(default="residential")
    occupancy = CharField(default="self_occupied")
    hardship = BooleanField(default=False)
    elderly_alone = BooleanField(default=False)
    disabled = BooleanField(default=False)
    developer = BooleanField(default=False)  # held by the developer (建设单位); since data version 4
    note = TextField(default="")
    archived_at = CharField(null=True)
    created_at = CharField()
    updated_at = CharField()
    # Derived from the room's owners and tenants for the households list; written only by
    # store.summaries.refresh_room_summaries, never by hand.
    owners_text = TextField(default="")
    owner_phones = TextField(default="")
    tenants_text = TextField(default="")
    tenant_phones = TextField(default="")
    search_text = TextField(default="")


class Person(BaseModel):
    """An owner, family member or tenant (mobile and landline); one row per real person across rooms."""

    id = AutoField()
    name = CharField()
    phone = CharField(null=True)
    id_number = CharField(null=True, unique=True)
    pinyin = CharField(default="")
    note = TextField(default="")
    landline = CharField(null=True)  # since data version 2


class Ownership(BaseModel):
    """A person's ownership of a room; ``position`` orders co-owners (0 = first named)."""

    id = AutoField()
    room: Any = ForeignKeyField(Room, backref="ownerships", on_delete="CASCADE")
    person: Any = ForeignKeyField(Person, backref="ownerships", on_delete="RESTRICT")
    room_id: int
    person_id: int
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("room", "person"), True),)


class Resident(BaseModel):
    """Someone living in a room: a family member, or a tenant with a lease."""

    id = AutoField()
    room: Any = ForeignKeyField(Room, backref="residents", on_delete="CASCADE")
    person: Any = ForeignKeyField(Person, backref="residences", on_delete="RESTRICT")
    room_id: int
    person_id: int
    role = CharField()
    lease_from = DateField(null=True)
    lease_to = DateField(null=True)

    class Meta:
        indexes = ((("room", "person"), True),)


class ParkingSpace(BaseModel):
    """A parking space (车位), held by a room or still free."""

    id = AutoField()
    code = CharField(unique=True)
    room: Any = ForeignKeyField(Room, backref="parking_spaces", null=True, on_delete="SET NULL")
    room_id: int | None
    note = TextField(default="")


class AuditEntry(BaseModel):
    """One change: when (UTC), who, what, and the record before and after (JSON)."""

    id = AutoField()
    at = CharField()
    actor = CharField()
    action = CharField()
    entity = CharField()
    entity_id = IntegerField(null=True)
    room_id = IntegerField(null=True, index=True)
    room_code = CharField(null=True)
    before = TextField(null=True)
    after = TextField(null=True)


class FeeItem(BaseModel):
    """A fee item (收费项目): how its monthly amount is worked out, which room uses pay it, its order."""

    id = AutoField()
    name = CharField(unique=True)
    kind = CharField()
    uses = CharField()  # comma-separated room uses: residential,shop,garage
    position = IntegerField()
    once_month = CharField(null=True)  # a one-off item's month (YYYY-MM)
    stopped_from = CharField(null=True)  # the first month it is no longer billed (YYYY-MM)
    created_at = CharField()


class FeePrice(BaseModel):
    """An item's unit price (1/10,000 yuan) from a date on; never changed once charges use it."""

    id = AutoField()
    item: Any = ForeignKeyField(FeeItem, backref="prices", on_delete="RESTRICT")
    item_id: int
    effective_from = CharField()
    price_units = IntegerField()
    created_at = CharField()
    actor = CharField()

    class Meta:
        indexes = ((("item", "effective_from"), True),)


class LedgerEntry(BaseModel):
    """One posted money event, never changed: written and read through store.ledger, hash-chained."""

    id = IntegerField(primary_key=True)
    kind = CharField()
    room_id = IntegerField()
    item_id = IntegerField(null=True)
    month = CharField(null=True)
    amount_fen = IntegerField()
    on_date = CharField()
    charge_id = IntegerField(null=True)
    payment_id = IntegerField(null=True)
    receipt = CharField(null=True, unique=True)
    price_units = IntegerField(null=True)
    quantity = IntegerField(null=True)
    method = CharField(null=True)
    reference = CharField(null=True)
    payer = CharField(null=True)
    rule = CharField(null=True)
    reason = TextField(null=True)
    approver = CharField(null=True)
    at = CharField()
    actor = CharField()
    prev_hash = CharField()
    hash = CharField()


class OpenCharge(BaseModel):
    """What a charge still owes (derived from the ledger; a row only while it owes something)."""

    charge_id = IntegerField(primary_key=True)
    room_id = IntegerField()
    item_id = IntegerField()
    month = CharField()
    owed_fen = IntegerField()


class Vote(BaseModel):
    """An owners' vote or committee election: its rules, frozen roll totals, scrutineers' counts, state."""

    id = AutoField()
    title = TextField()
    kind = CharField()
    seats = IntegerField(null=True)
    participation = CharField()
    follow_majority = BooleanField(default=False)
    objection_numerator = IntegerField(default=1)
    objection_denominator = IntegerField(default=3)
    objection_combine = CharField(default="or")
    double_entry = BooleanField(default=False)
    proxy_limit = IntegerField()
    ballots_issued = IntegerField(null=True)
    ballots_found = IntegerField(null=True)
    heads = IntegerField()
    area_centi = IntegerField()
    opened_at = CharField()
    opened_by = CharField()
    closed_at = CharField(null=True)
    closed_by = CharField(null=True)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Setting,
    Building,
    Unit,
    Room,
    Person,
    Ownership,
    Resident,
    ParkingSpace,
    AuditEntry,
    FeeItem,
    FeePrice,
    LedgerEntry,
    OpenCharge,
    Vote,
)
