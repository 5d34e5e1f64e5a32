"""Schema versions and the forward steps between them.

Each step is frozen SQL: models may change later, a past version's tables never do. The
version lives in ``PRAGMA user_version`` and moves inside the same transaction as the
step, so a failed step leaves the file at the version it had.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from estatedesk.store import audit

Step = Callable[[sqlite3.Connection], None]

_V1 = """
CREATE TABLE setting (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE building (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> '')
);
CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    building_id INTEGER NOT NULL REFERENCES building (id) ON DELETE RESTRICT,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    UNIQUE (building_id, name)
);
CREATE TABLE room (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE CHECK (trim(code) <> '' AND code = trim(code)),
    building_id INTEGER NOT NULL REFERENCES building (id) ON DELETE RESTRICT,
    unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    number TEXT NOT NULL CHECK (trim(number) <> ''),
    area_centi INTEGER NOT NULL CHECK (typeof(area_centi) = 'integer'
                                       AND area_centi > 0 AND area_centi < 1000000),
    use TEXT NOT NULL DEFAULT 'residential' CHECK (use IN ('residential', 'shop', 'garage')),
    occupancy TEXT NOT NULL DEFAULT 'self_occupied'
        CHECK (occupancy IN ('self_occupied', 'rented', 'vacant')),
    hardship INTEGER NOT NULL DEFAULT 0 CHECK (hardship IN (0, 1)),
    elderly_alone INTEGER NOT NULL DEFAULT 0 CHECK (elderly_alone IN (0, 1)),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- derived from the room's people for the households list (store/summaries.py): a later
    -- step that changes people or what these hold must recompute them in its own SQL
    owners_text TEXT NOT NULL DEFAULT '',
    owner_phones TEXT NOT NULL DEFAULT '',
    tenants_text TEXT NOT NULL DEFAULT '',
    tenant_phones TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX room_building_unit ON room (building_id, unit_id);
CREATE TABLE person (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL CHECK (trim(name) <> ''),
    phone TEXT CHECK (phone IS NULL OR (length(phone) = 11 AND phone GLOB '1[0-9]*'
                                        AND phone NOT GLOB '*[^0-9]*')),
    id_number TEXT UNIQUE CHECK (id_number IS NULL OR length(id_number) = 18),
    pinyin TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX person_name ON person (name);
CREATE INDEX person_phone ON person (phone);
CREATE TABLE ownership (
    id INTEGER PRIMARY KEY,
    room_id INTEGER NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
    UNIQUE (room_id, person_id)
);
CREATE INDEX ownership_person ON ownership (person_id);
CREATE TABLE resident (
    id INTEGER PRIMARY KEY,
    room_id INTEGER NOT NULL REFERENCES room (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    role TEXT NOT NULL CHECK (role IN ('family', 'tenant')),
    lease_from DATE,
    lease_to DATE,
    UNIQUE (room_id, person_id),
    CHECK (lease_from IS NULL OR lease_to IS NULL OR lease_from <= lease_to)
);
CREATE INDEX resident_person ON resident (person_id);
CREATE TABLE parking_space (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (trim(code) <> ''),
    room_id INTEGER REFERENCES room (id) ON DELETE SET NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX parking_space_room ON parking_space (room_id);
CREATE TABLE audit_entry (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    room_id INTEGER,
    room_code TEXT,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_entry_room_id ON audit_entry (room_id);
"""


def _create_v1(connection: sqlite3.Connection) -> None:
    for statement in _V1.split(";"):
        if statement.strip():
            connection.execute(statement)


# Version 2 (issue 6). A person has a landline beside the mobile: stored as normalize_landline
# writes it (0571-88886666, 88886666, 0571-88886666-123). NULL for everyone already on file, so
# the rooms' search text (which lists a landline only when there is one) stays as it was.
_V2_LANDLINE = """
ALTER TABLE person ADD COLUMN landline TEXT
    CHECK (landline IS NULL OR (length(landline) BETWEEN 7 AND 24 AND landline GLOB '[0-9]*'
                                AND landline NOT GLOB '*[^0-9-]*'))
"""


def _add_landline(connection: sqlite3.Connection) -> None:
    connection.execute(_V2_LANDLINE)


def _mask_audit_trail(connection: sqlite3.Connection) -> None:
    """Mask the phones and ID numbers that version 1 kept whole in the audit trail (PIPL art. 6)."""
    changed = []
    for entry, before, after in connection.execute("SELECT id, before, after FROM audit_entry").fetchall():
        masked = (audit.masked_text(before), audit.masked_text(after))
        if masked != (before, after):
            changed.append((*masked, entry))
    connection.executemany("UPDATE audit_entry SET before = ?, after = ? WHERE id = ?", changed)


# The parts of version 2, in order. A later change that belongs to the same version (before it is
# released) is one more function here: each runs in the step's one transaction.
_V2_PARTS: tuple[Step, ...] = (_add_landline, _mask_audit_trail)


def _to_v2(connection: sqlite3.Connection) -> None:
    for part in _V2_PARTS:
        part(connection)


# Version 3 (issue 7): the fee ledger. Fee items and their effective-dated prices are settings of
# the estate; every money event is one row of ledger_entry, never updated or deleted, each
# carrying the hash of the row before it (store/ledger.py). open_charge is derived: what each
# charge still owes, kept by the services in the transaction that changes it, so that arrears and
# collection rates read the few open charges instead of summing millions of entries. The entries'
# table is STRICT: no column can hold a value of another type (a date turned into a BLOB of the
# same bytes would hash alike yet sort and join as another value).
_V3 = """
CREATE TABLE fee_item (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (trim(name) <> '' AND name = trim(name)),
    kind TEXT NOT NULL CHECK (kind IN ('area', 'fixed', 'parking', 'one-off')),
    uses TEXT NOT NULL CHECK (uses <> ''),
    position INTEGER NOT NULL CHECK (position >= 0),
    once_month TEXT CHECK ((kind = 'one-off') = (once_month IS NOT NULL)),
    stopped_from TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE fee_price (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES fee_item (id) ON DELETE RESTRICT,
    effective_from TEXT NOT NULL,
    price_units INTEGER NOT NULL CHECK (typeof(price_units) = 'integer' AND price_units > 0),
    created_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    UNIQUE (item_id, effective_from)
);
CREATE TABLE ledger_entry (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL
        CHECK (kind IN ('charge', 'reduction', 'payment', 'allocation', 'prepaid', 'void')),
    room_id INTEGER NOT NULL REFERENCES room (id) ON DELETE RESTRICT,
    item_id INTEGER REFERENCES fee_item (id) ON DELETE RESTRICT,
    month TEXT,
    amount_fen INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer'),
    on_date TEXT NOT NULL,
    charge_id INTEGER REFERENCES ledger_entry (id) ON DELETE RESTRICT,
    payment_id INTEGER REFERENCES ledger_entry (id) ON DELETE RESTRICT,
    receipt TEXT UNIQUE,
    price_units INTEGER,
    quantity INTEGER,
    method TEXT CHECK (method IS NULL OR method IN ('cash', 'transfer', 'wechat', 'alipay')),
    reference TEXT,
    payer TEXT,
    rule TEXT,
    reason TEXT,
    approver TEXT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX ledger_entry_one_charge ON ledger_entry (room_id, item_id, month)
    WHERE kind = 'charge';
CREATE INDEX ledger_entry_room ON ledger_entry (room_id, kind);
CREATE INDEX ledger_entry_kind_month ON ledger_entry (kind, month);
CREATE INDEX ledger_entry_on_date ON ledger_entry (on_date);
CREATE INDEX ledger_entry_charge ON ledger_entry (charge_id) WHERE charge_id IS NOT NULL;
CREATE INDEX ledger_entry_payment ON ledger_entry (payment_id) WHERE payment_id IS NOT NULL;
CREATE TABLE open_charge (
    charge_id INTEGER PRIMARY KEY REFERENCES ledger_entry (id) ON DELETE RESTRICT,
    room_id INTEGER NOT NULL,
    item_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    owed_fen INTEGER NOT NULL CHECK (typeof(owed_fen) = 'integer' AND owed_fen > 0)
);
CREATE INDEX open_charge_room ON open_charge (room_id, month);
CREATE INDEX open_charge_month ON open_charge (month);
"""


def _create_fee_ledger(connection: sqlite3.Connection) -> None:
    for statement in _V3.split(";"):
        if statement.strip():
            connection.execute(statement)


# Version 4 (issue 8): owners' votes and committee elections. A room may be marked as held by the
# developer (建设单位), whose rooms together are one voter. A vote's roll is frozen when it opens
# (vote_voter, vote_room: copies, not links, so later edits of households change nothing); its
# candidates are owners of that roll. The life of a vote is one chain of ballot_entry rows, never
# updated or deleted, hash-chained like the fee ledger (store/chain.py): its opening (with a digest
# of its rules, roll and candidates), every ballot, second entry and void, an owner taken onto the
# roll (a new digest), the scrutineers' counts and the close.
_V4 = """
ALTER TABLE room ADD COLUMN developer INTEGER NOT NULL DEFAULT 0 CHECK (developer IN (0, 1));
CREATE TABLE vote (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (trim(title) <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('ordinary', 'major', 'objection', 'petition', 'election')),
    seats INTEGER CHECK ((kind = 'election') = (seats IS NOT NULL)),
    participation TEXT NOT NULL CHECK (participation IN ('two-thirds', 'half')),
    follow_majority INTEGER NOT NULL DEFAULT 0 CHECK (follow_majority IN (0, 1)),
    objection_numerator INTEGER NOT NULL DEFAULT 1 CHECK (objection_numerator > 0),
    objection_denominator INTEGER NOT NULL DEFAULT 3
        CHECK (objection_denominator >= objection_numerator),
    objection_combine TEXT NOT NULL DEFAULT 'or' CHECK (objection_combine IN ('or', 'and')),
    double_entry INTEGER NOT NULL DEFAULT 0 CHECK (double_entry IN (0, 1)),
    proxy_limit INTEGER NOT NULL CHECK (proxy_limit >= 1),
    ballots_issued INTEGER CHECK (ballots_issued IS NULL OR ballots_issued >= 0),
    ballots_found INTEGER CHECK (ballots_found IS NULL OR ballots_found >= 0),
    heads INTEGER NOT NULL,
    area_centi INTEGER NOT NULL,
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT
);
CREATE TABLE vote_voter (
    vote_id INTEGER NOT NULL REFERENCES vote (id) ON DELETE RESTRICT,
    number INTEGER NOT NULL CHECK (number > 0),
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('owner', 'developer', 'no_owner')),
    area_centi INTEGER NOT NULL,
    PRIMARY KEY (vote_id, number),
    UNIQUE (vote_id, key)
) WITHOUT ROWID;
CREATE TABLE vote_room (
    vote_id INTEGER NOT NULL REFERENCES vote (id) ON DELETE RESTRICT,
    code TEXT NOT NULL,
    voter_number INTEGER NOT NULL,
    area_centi INTEGER NOT NULL,
    PRIMARY KEY (vote_id, code),
    FOREIGN KEY (vote_id, voter_number) REFERENCES vote_voter (vote_id, number)
) WITHOUT ROWID;
CREATE INDEX vote_room_voter ON vote_room (vote_id, voter_number);
CREATE TABLE vote_owner (
    vote_id INTEGER NOT NULL REFERENCES vote (id) ON DELETE RESTRICT,
    voter_number INTEGER NOT NULL,
    position INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (vote_id, voter_number, position),
    FOREIGN KEY (vote_id, voter_number) REFERENCES vote_voter (vote_id, number)
) WITHOUT ROWID;
CREATE INDEX vote_owner_name ON vote_owner (vote_id, name);
CREATE TABLE vote_candidate (
    vote_id INTEGER NOT NULL REFERENCES vote (id) ON DELETE RESTRICT,
    position INTEGER NOT NULL CHECK (position >= 0),
    name TEXT NOT NULL,
    voter_number INTEGER NOT NULL,
    PRIMARY KEY (vote_id, position),
    UNIQUE (vote_id, name),
    FOREIGN KEY (vote_id, voter_number) REFERENCES vote_voter (vote_id, number)
) WITHOUT ROWID;
CREATE TABLE ballot_entry (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL
        CHECK (kind IN ('open', 'ballot', 'check', 'void', 'owner', 'count', 'close')),
    vote_id INTEGER NOT NULL REFERENCES vote (id) ON DELETE RESTRICT,
    voter_number INTEGER CHECK ((voter_number IS NULL) = (kind IN ('open', 'count', 'close'))),
    serial TEXT,
    choice TEXT CHECK (choice IS NULL OR choice IN ('yes', 'no', 'abstain', 'spoiled')),
    marks TEXT,
    proxy_name TEXT,
    proxy_id TEXT,
    ballot_id INTEGER REFERENCES ballot_entry (id) ON DELETE RESTRICT,
    reason TEXT,
    issued INTEGER,
    found INTEGER,
    digest TEXT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    FOREIGN KEY (vote_id, voter_number) REFERENCES vote_voter (vote_id, number)
) STRICT;
CREATE INDEX ballot_entry_voter ON ballot_entry (vote_id, voter_number);
CREATE INDEX ballot_entry_ballot ON ballot_entry (ballot_id) WHERE ballot_id IS NOT NULL;
"""


def _create_votes(connection: sqlite3.Connection) -> None:
    for statement in _V4.split(";"):
        if statement.strip():
            connection.execute(statement)


# Repair orders (issue 9). Times an order and its steps happened (received_at, *_due, step.at) are
# the office's wall clock, 'YYYY-MM-DD HH:MM' without offset: every limit of RULES.md §4 is counted
# in it (24:00 of the day received, working days), whatever the computer's zone says. Times a row
# was written (created_at, recorded_at) are UTC like every other stamp.
_V5 = (
    """CREATE TABLE repair_facility (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> '' AND name = trim(name)),
    location TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    installed_on TEXT,
    warranty_until TEXT,
    upkeep_months INTEGER CHECK (upkeep_months IS NULL OR upkeep_months BETWEEN 1 AND 120),
    last_upkeep_on TEXT,  -- the last upkeep before the register was kept here (from the paper ledger)
    note TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at TEXT NOT NULL
)""",
    # One of a name at a place in the register; one taken out (replaced) may have a successor.
    """CREATE UNIQUE INDEX repair_facility_in_register ON repair_facility (name, location)
    WHERE archived_at IS NULL""",
    """CREATE TABLE repair_order (
    id INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL
        CHECK (received_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'),
    channel TEXT NOT NULL
        CHECK (channel IN ('phone', 'walk-in', 'patrol', 'group-chat', 'complaint-box')),
    kind TEXT NOT NULL CHECK (kind IN ('repair', 'complaint', 'enquiry')),
    category TEXT NOT NULL CHECK (trim(category) <> ''),
    urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'normal')),
    reporter_room_id INTEGER REFERENCES room (id) ON DELETE RESTRICT,
    reporter_name TEXT NOT NULL DEFAULT '',
    reporter_phone TEXT NOT NULL DEFAULT '',
    place_kind TEXT NOT NULL CHECK (place_kind IN ('room', 'stairwell', 'roof', 'drainage', 'road',
        'lighting', 'door-access', 'water-pump', 'fire-equipment', 'facility', 'other')),
    place_room_id INTEGER REFERENCES room (id) ON DELETE RESTRICT
        CHECK ((place_kind = 'room') = (place_room_id IS NOT NULL)),
    building_id INTEGER REFERENCES building (id) ON DELETE RESTRICT,
    unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    facility_id INTEGER REFERENCES repair_facility (id) ON DELETE RESTRICT
        CHECK ((place_kind = 'facility') = (facility_id IS NOT NULL)),
    place_text TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL CHECK (trim(description) <> ''),
    upkeep INTEGER NOT NULL DEFAULT 0 CHECK (upkeep IN (0, 1)),
    arrive_due TEXT,
    finish_due TEXT,
    calendar TEXT NOT NULL CHECK (calendar IN ('statutory', 'office', 'weekends-only')),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    -- a summary of the order's steps, kept by the service in the step's transaction
    state TEXT NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'dispatched', 'in-progress',
        'paused', 'done', 'visited', 'closed', 'cancelled')),
    paused_from TEXT,
    worker TEXT,
    worker_phone TEXT,
    arrived_at TEXT,
    done_at TEXT,
    last_at TEXT NOT NULL,
    last_note TEXT,
    last_note_at TEXT,
    visits INTEGER NOT NULL DEFAULT 0,
    satisfied_visits INTEGER NOT NULL DEFAULT 0,
    reworks INTEGER NOT NULL DEFAULT 0,
    rework_due TEXT,  -- an unsatisfied visit's new deadline, counted by the category's limit from it
    payer TEXT CHECK (payer IS NULL OR payer IN ('owner', 'estate', 'fund')),
    cost_fen INTEGER CHECK (cost_fen IS NULL OR (typeof(cost_fen) = 'integer' AND cost_fen >= 0)),
    closed_at TEXT
)""",
    "CREATE INDEX repair_order_received ON repair_order (received_at)",
    "CREATE INDEX repair_order_open ON repair_order (state) WHERE state NOT IN ('closed', 'cancelled')",
    "CREATE INDEX repair_order_building ON repair_order (building_id, received_at)",
    "CREATE INDEX repair_order_worker ON repair_order (worker, received_at)",
    "CREATE INDEX repair_order_facility ON repair_order (facility_id) WHERE facility_id IS NOT NULL",
    "CREATE INDEX repair_order_room ON repair_order (place_room_id) WHERE place_room_id IS NOT NULL",
    """CREATE TRIGGER repair_order_received_facts BEFORE UPDATE OF id, received_at, channel, kind,
    category, urgency, reporter_room_id, reporter_name, reporter_phone, place_kind, place_room_id,
    building_id, unit_id, facility_id, place_text, description, upkeep, arrive_due, finish_due,
    calendar, created_at, created_by ON repair_order
BEGIN
    SELECT RAISE(ABORT, 'an order as received is never changed');
END""",
    """CREATE TABLE repair_step (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES repair_order (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL CHECK (kind IN ('receive', 'dispatch', 'start', 'done', 'visit', 'close',
        'pause', 'cancel', 'note', 'photo')),
    at TEXT NOT NULL,
    worker TEXT,
    worker_phone TEXT,
    contractor INTEGER CHECK (contractor IS NULL OR contractor IN (0, 1)),
    work TEXT,
    materials TEXT,
    materials_fen INTEGER CHECK (materials_fen IS NULL OR materials_fen >= 0),
    labour_fen INTEGER CHECK (labour_fen IS NULL OR labour_fen >= 0),
    payer TEXT CHECK (payer IS NULL OR payer IN ('owner', 'estate', 'fund')),
    vote_id INTEGER REFERENCES vote (id) ON DELETE RESTRICT,
    emergency_use INTEGER CHECK (emergency_use IS NULL OR emergency_use IN (0, 1)),
    satisfied INTEGER CHECK (satisfied IS NULL OR satisfied IN (0, 1)),
    comment TEXT,
    caller TEXT,
    reason TEXT,
    text TEXT,
    ledger_entry_id INTEGER REFERENCES ledger_entry (id) ON DELETE RESTRICT,
    recorded_at TEXT NOT NULL,
    actor TEXT NOT NULL
)""",
    "CREATE INDEX repair_step_order ON repair_step (order_id, id)",
    """CREATE TRIGGER repair_step_kept BEFORE UPDATE ON repair_step
BEGIN
    SELECT RAISE(ABORT, 'a repair order''s steps are never changed');
END""",
    """CREATE TRIGGER repair_step_not_deleted BEFORE DELETE ON repair_step
BEGIN
    SELECT RAISE(ABORT, 'a repair order''s steps are never deleted');
END""",
    """CREATE TABLE repair_photo (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES repair_order (id) ON DELETE RESTRICT,
    step_id INTEGER REFERENCES repair_step (id) ON DELETE RESTRICT,
    name TEXT NOT NULL,
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    jpeg BLOB NOT NULL CHECK (length(jpeg) > 0),
    added_at TEXT NOT NULL,
    actor TEXT NOT NULL
)""",
    "CREATE INDEX repair_photo_order ON repair_photo (order_id)",
    # A repair the owner pays is charged to the room once per order, however many in a month:
    # a charge is one per room, item and month, unless it names what it is for.
    "DROP INDEX ledger_entry_one_charge",
    """CREATE UNIQUE INDEX ledger_entry_one_charge
    ON ledger_entry (room_id, item_id, month, ifnull(reference, '')) WHERE kind = 'charge'""",
    """CREATE TABLE office_year (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
    entered_at TEXT NOT NULL,
    actor TEXT NOT NULL
)""",
    """CREATE TABLE office_day (
    day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    year INTEGER NOT NULL REFERENCES office_year (year) ON DELETE CASCADE
        CHECK (CAST(substr(day, 1, 4) AS INTEGER) = year),
    working INTEGER NOT NULL CHECK (working IN (0, 1))
)""",
)


def _create_repairs(connection: sqlite3.Connection) -> None:
    for statement in _V5:
        connection.execute(statement)


# A stairwell area's name as the office says it: 3号楼2单元楼道 (numbers get 号楼/单元, names stay).
_STAIRWELL_NAME = """
    (SELECT CASE WHEN b.name NOT GLOB '*[^0-9]*' THEN b.name || '号楼' ELSE b.name END FROM building b
     WHERE b.id = {building})
    || ifnull((SELECT CASE WHEN u.name NOT GLOB '*[^0-9]*' THEN u.name || '单元' ELSE u.name END
               FROM unit u WHERE u.id = {unit}), '')
    || '楼道'"""
# One stairwell area per building and unit (or per building, for rooms without a unit), made when
# the first room there appears, whoever writes the room (the window, an import, the demo). A unit
# is a stairwell's door; rooms without one make a building stairwell only when they are homes (a
# block of garages or shops has no stairwell to sweep). A name
# a clerk already gave a common area is told apart by the building and unit ids. A stairwell the
# clerk took out of the areas (a shop building has none) is not made again.
_ADD_STAIRWELL = """
INSERT INTO cleaning_area (kind, name, building_id, unit_id, created_at)
SELECT 'stairwell',
       CASE WHEN EXISTS (SELECT 1 FROM cleaning_area WHERE archived_at IS NULL AND name = named.name)
            THEN named.name || '（' || {building} || '-' || ifnull({unit}, 0) || '）'
            ELSE named.name END,
       {building}, {unit}, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM (SELECT {name} AS name) AS named
WHERE (NEW.unit_id IS NOT NULL OR NEW.use = 'residential')
  AND NOT EXISTS (SELECT 1 FROM cleaning_area WHERE kind = 'stairwell'
                  AND building_id = {building} AND unit_id IS {unit})"""


def _stairwell_sql(building: str, unit: str) -> str:
    name = _STAIRWELL_NAME.format(building=building, unit=unit)
    return _ADD_STAIRWELL.format(building=building, unit=unit, name=name)


_V6 = (
    """CREATE TABLE cleaner (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (trim(name) <> '' AND name = trim(name)),
    phone TEXT NOT NULL DEFAULT '',
    days_off TEXT NOT NULL DEFAULT '' CHECK (days_off NOT GLOB '*[^0-6]*'),  -- weekdays, 0 = Monday
    minutes_per_day INTEGER NOT NULL DEFAULT 480
        CHECK (typeof(minutes_per_day) = 'integer' AND minutes_per_day BETWEEN 1 AND 1440),
    note TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at TEXT NOT NULL
)""",
    "CREATE UNIQUE INDEX cleaner_name ON cleaner (name) WHERE archived_at IS NULL",
    """CREATE TABLE cleaner_leave (
    id INTEGER PRIMARY KEY,
    cleaner_id INTEGER NOT NULL REFERENCES cleaner (id) ON DELETE RESTRICT,
    first_day TEXT NOT NULL CHECK (first_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    last_day TEXT NOT NULL CHECK (last_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
                                  AND last_day >= first_day),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    actor TEXT NOT NULL
)""",
    "CREATE INDEX cleaner_leave_cleaner ON cleaner_leave (cleaner_id, first_day)",
    """CREATE TABLE cleaning_area (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('stairwell', 'road', 'garbage', 'green', 'car-park', 'drains',
        'septic-tank', 'water-tank', 'other')),
    name TEXT NOT NULL CHECK (trim(name) <> '' AND name = trim(name)),
    -- a stairwell's building and unit (no unit: the building's rooms without one)
    building_id INTEGER REFERENCES building (id) ON DELETE RESTRICT,
    unit_id INTEGER REFERENCES unit (id) ON DELETE RESTRICT,
    responsible_id INTEGER REFERENCES cleaner (id) ON DELETE RESTRICT,
    note TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at TEXT NOT NULL,
    CHECK (kind = 'stairwell' OR (building_id IS NULL AND unit_id IS NULL))
)""",
    "CREATE UNIQUE INDEX cleaning_area_name ON cleaning_area (name) WHERE archived_at IS NULL",
    """CREATE UNIQUE INDEX cleaning_area_stairwell ON cleaning_area (building_id, ifnull(unit_id, 0))
    WHERE kind = 'stairwell' AND archived_at IS NULL""",
    "CREATE INDEX cleaning_area_responsible ON cleaning_area (responsible_id) WHERE archived_at IS NULL",
    f"""CREATE TRIGGER room_stairwell_added AFTER INSERT ON room
BEGIN
    {_stairwell_sql("NEW.building_id", "NEW.unit_id")};
END""",
    f"""CREATE TRIGGER room_stairwell_moved AFTER UPDATE OF building_id, unit_id, use ON room
BEGIN
    {_stairwell_sql("NEW.building_id", "NEW.unit_id")};
END""",
    # A unit or building left without rooms is pruned from the households file: its stairwell
    # leaves the areas, its history (tasks, inspections) stays.
    """CREATE TRIGGER unit_stairwell_gone BEFORE DELETE ON unit
BEGIN
    UPDATE cleaning_area SET building_id = NULL, unit_id = NULL, archived_at = ifnull(archived_at,
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE unit_id = OLD.id;
END""",
    """CREATE TRIGGER building_stairwell_gone BEFORE DELETE ON building
BEGIN
    UPDATE cleaning_area SET building_id = NULL, unit_id = NULL, archived_at = ifnull(archived_at,
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) WHERE building_id = OLD.id;
END""",
    """CREATE TABLE cleaning_task (
    id INTEGER PRIMARY KEY,
    area_id INTEGER NOT NULL REFERENCES cleaning_area (id) ON DELETE RESTRICT,
    what TEXT NOT NULL CHECK (trim(what) <> '' AND what = trim(what)),
    every TEXT NOT NULL CHECK (trim(every) <> ''),  -- a frequency as the command line writes it
    minutes INTEGER NOT NULL CHECK (typeof(minutes) = 'integer' AND minutes BETWEEN 1 AND 1440),
    -- every n days or months count from starts_on; the task comes before it too unless the clerk
    -- gave that day as its start (only_from_start)
    starts_on TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    only_from_start INTEGER NOT NULL DEFAULT 0 CHECK (only_from_start IN (0, 1)),
    archived_at TEXT,
    created_at TEXT NOT NULL
)""",
    "CREATE INDEX cleaning_task_area ON cleaning_task (area_id) WHERE archived_at IS NULL",
    # A month's rota as accepted by the clerk: every occurrence of every task with its cleaner
    # (none: uncovered, and why), the clerk's own changes marked.
    """CREATE TABLE cleaning_rota (
    month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    accepted_at TEXT NOT NULL,
    actor TEXT NOT NULL
)""",
    """CREATE TABLE cleaning_slot (
    month TEXT NOT NULL REFERENCES cleaning_rota (month) ON DELETE CASCADE,
    day TEXT NOT NULL CHECK (substr(day, 1, 7) = month),
    task_id INTEGER NOT NULL REFERENCES cleaning_task (id) ON DELETE RESTRICT,
    occurrence INTEGER NOT NULL CHECK (occurrence >= 1),
    cleaner_id INTEGER REFERENCES cleaner (id) ON DELETE RESTRICT,
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    why TEXT CHECK ((cleaner_id IS NULL) = (why IS NOT NULL)),
    manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
    PRIMARY KEY (month, day, task_id, occurrence)
) WITHOUT ROWID""",
    "CREATE INDEX cleaning_slot_cleaner ON cleaning_slot (cleaner_id, day)",
    """CREATE TABLE cleaning_inspection (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    area_id INTEGER NOT NULL REFERENCES cleaning_area (id) ON DELETE RESTRICT,
    -- the area's responsible cleaner when it was inspected: the score is theirs for that week
    cleaner_id INTEGER REFERENCES cleaner (id) ON DELETE RESTRICT,
    score INTEGER NOT NULL CHECK (typeof(score) = 'integer' AND score BETWEEN 0 AND 100),
    deductions TEXT NOT NULL DEFAULT '[]',  -- JSON: [{"item": …, "points": n, "count": n}]
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    UNIQUE (area_id, day)
)""",
    "CREATE INDEX cleaning_inspection_day ON cleaning_inspection (day)",
    """CREATE TABLE cleaning_inspection_photo (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES cleaning_inspection (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    jpeg BLOB NOT NULL CHECK (length(jpeg) > 0),
    added_at TEXT NOT NULL,
    actor TEXT NOT NULL
)""",
    "CREATE INDEX cleaning_inspection_photo_of ON cleaning_inspection_photo (inspection_id)",
    # The households file as it stands gets its stairwells, in the order its places were made.
    # Two places may read alike (building 3's unit 2, and a building named 3号楼2单元): the later
    # is told apart by its ids, as the trigger does, or the unique name would stop the upgrade.
    """INSERT INTO cleaning_area (kind, name, building_id, unit_id, created_at)
SELECT 'stairwell',
       CASE WHEN row_number() OVER (PARTITION BY named.name
                                    ORDER BY named.building_id, ifnull(named.unit_id, 0)) > 1
            THEN named.name || '（' || named.building_id || '-' || ifnull(named.unit_id, 0) || '）'
            ELSE named.name END,
       named.building_id, named.unit_id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM (SELECT CASE WHEN b.name NOT GLOB '*[^0-9]*' THEN b.name || '号楼' ELSE b.name END
             || ifnull(CASE WHEN u.name NOT GLOB '*[^0-9]*' THEN u.name || '单元' ELSE u.name END, '')
             || '楼道' AS name,
             places.building_id, places.unit_id
      FROM (SELECT DISTINCT building_id, unit_id FROM room
            WHERE (unit_id IS NOT NULL OR use = 'residential') AND archived_at IS NULL) AS places
      JOIN building b ON b.id = places.building_id
      LEFT JOIN unit u ON u.id = places.unit_id) AS named
ORDER BY named.building_id, ifnull(named.unit_id, 0)""",
)


def _create_cleaning(connection: sqlite3.Connection) -> None:
    for statement in _V6:
        connection.execute(statement)


# MIGRATIONS[n] takes a file from version n - 1 to version n.
MIGRATIONS: dict[int, Step] = {
    1: _create_v1,
    2: _to_v2,
    3: _create_fee_ledger,
    4: _create_votes,
    5: _create_repairs,
    6: _create_cleaning,
}
SCHEMA_VERSION = max(MIGRATIONS)

# A table's columns as (name, declared type, NOT NULL, primary-key position).
Column = tuple[str, str, int, int]
Layout = dict[str, tuple[Column, ...]]


def table_layout(connection: sqlite3.Connection) -> Layout:
    """The tables of a database and their columns, as the checks compare them."""
    tables = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        table: tuple(
            (str(name), str(kind).upper(), int(not_null), int(pk))
            for _cid, name, kind, not_null, _default, pk in connection.execute(
                f'PRAGMA table_info("{table}")'
            )
        )
        for table in tables
    }


def expected_layout(version: int) -> Layout:
    """The tables a file of ``version`` must have: the migrations replayed on an empty database."""
    reference = sqlite3.connect(":memory:")
    try:
        for step in range(1, version + 1):
            MIGRATIONS[step](reference)
        return table_layout(reference)
    finally:
        reference.close()


def layout_problems(actual: Layout, version: int) -> list[str]:
    """How ``actual`` differs from what ``version`` requires, one line per table (English)."""
    expected = expected_layout(version)
    problems = [f"table {name} is missing" for name in expected if name not in actual]
    problems += [f"table {name} is not an EstateDesk table" for name in actual if name not in expected]
    for name, columns in expected.items():
        if name in actual and actual[name] != columns:
            missing = sorted({c[0] for c in columns} - {c[0] for c in actual[name]})
            extra = sorted({c[0] for c in actual[name]} - {c[0] for c in columns})
            detail = "; ".join(
                part
                for part in (
                    f"missing columns {', '.join(missing)}" if missing else "",
                    f"unknown columns {', '.join(extra)}" if extra else "",
                )
                if part
            )
            problems.append(f"table {name}: {detail or 'columns differ in type or order'}")
    return problems
