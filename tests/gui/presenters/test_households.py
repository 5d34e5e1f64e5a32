"""The households tab's texts (gui/presenters/households.py): Qt-free, tested without any Qt fixture.

No translator is installed here, so the texts are the English source strings (conftest.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse
from estatedesk.gui import i18n
from estatedesk.gui.presenters import common
from estatedesk.gui.presenters import households as present
from estatedesk.gui.presenters.households import HistoryLine
from estatedesk.services.households import EstateCounts, HistoryEntry, PersonView, ResidentView, RoomDetail

PHONE = "13812345678"
ID_NUMBER = "110101199003071234"


def detail(**changes: object) -> RoomDetail:
    values: dict[str, object] = {
        "id": 7,
        "code": "3-2-501",
        "building": "3",
        "unit": "2",
        "number": "501",
        "area_centi": 8950,
        "use": RoomUse.RESIDENTIAL,
        "occupancy": Occupancy.SELF_OCCUPIED,
        "flags": frozenset(),
        "note": "",
        "archived_at": None,
        "created_at": "2025-01-01T00:00:00+00:00",
        "updated_at": "2025-01-01T00:00:00+00:00",
        "owners": (),
        "residents": (),
        "parking": (),
    }
    values.update(changes)
    return RoomDetail(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------- Qt-free


def test_the_presenter_imports_no_qt() -> None:
    code = (
        "import estatedesk.gui.presenters.households, sys; "
        "print(any(m.startswith(('PySide6','shiboken6','qtawesome')) for m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


# ---------------------------------------------------------------- detail panel


def test_the_detail_escapes_names_notes_and_codes() -> None:
    text = present.detail_html(
        detail(
            note="a & b <i>c</i>",
            owners=(PersonView(1, "<b>x</b>", None, None),),
            residents=(ResidentView(2, "<script>y</script>", None, None, role=ResidentRole.FAMILY),),
        )
    )
    assert "a &amp; b &lt;i&gt;c&lt;/i&gt;" in text
    assert "&lt;b&gt;x&lt;/b&gt;" in text and "<b><b>x</b></b>" not in text
    assert "&lt;script&gt;" in text and "<script>" not in text


def test_the_detail_shows_the_rooms_facts() -> None:
    text = present.detail_html(
        detail(
            use=RoomUse.SHOP,
            occupancy=Occupancy.RENTED,
            flags=frozenset({Flag.DISABLED, Flag.HARDSHIP}),
            parking=("P-001", "P-002"),
            note="临街",
        )
    )
    assert "<h2 style='margin-bottom:2px'>3-2-501</h2>" in text
    for fact in ("89.50 m²", "Shop", "Rented", "Hardship、Disabled", "P-001、P-002", "临街"):
        assert fact in text, fact


def test_a_room_without_people_flags_or_parking_says_so() -> None:
    text = present.detail_html(detail())
    assert "No owner recorded" in text
    assert "No resident recorded" in text
    assert text.count("—") == 2  # no flags, no parking
    assert "Note" not in text
    assert "Archived on" not in text


def test_the_detail_masks_phones_and_id_numbers() -> None:
    text = present.detail_html(
        detail(
            owners=(PersonView(1, "王玥", PHONE, ID_NUMBER),),
            residents=(ResidentView(2, "李喆", "13987654321", None),),
        )
    )
    assert "138****5678" in text and PHONE not in text
    assert "110101********1234" in text and ID_NUMBER not in text
    assert "139****4321" in text and "13987654321" not in text


def test_the_detail_shows_each_persons_landline_masked_but_its_area_code() -> None:
    text = present.detail_html(
        detail(
            owners=(PersonView(1, "王玥", PHONE, None, landline="0571-88886666"),),
            residents=(ResidentView(2, "李喆", None, None, landline="88886666-12"),),
        )
    )
    assert "0571-****6666" in text and "0571-88886666" not in text
    assert "****6666-12" in text and "88886666-12" not in text
    assert text.count("Landline") == 2
    assert "Landline" not in present.detail_html(detail(owners=(PersonView(1, "王玥", PHONE, None),)))
    assert present.value_text("landline", "0571-88886666") == "0571-****6666"
    person = {"name": "王玥", "phone": PHONE, "landline": "0571-88886666"}
    assert present.value_text("owners", [person]) == "王玥 138****5678 0571-****6666"


def test_the_detail_lists_the_other_rooms_an_owner_has() -> None:
    text = present.detail_html(
        detail(
            owners=(
                PersonView(1, "王玥", PHONE, None, other_rooms=("1-1-101", "2-1-102")),
                PersonView(2, "李喆", None, None),
            )
        )
    )
    assert "Also owns: 1-1-101、2-1-102" in text
    assert text.count("Also owns") == 1


def test_the_detail_shows_when_a_room_was_archived_in_local_time(shanghai: None) -> None:
    text = present.detail_html(detail(archived_at="2025-03-01T18:30:00+00:00"))
    assert "Archived on 2025-03-02 02:30" in text


def test_the_detail_shows_each_residents_role_and_lease() -> None:
    text = present.detail_html(
        detail(
            residents=(
                ResidentView(
                    2, "租客甲", None, None, (), ResidentRole.TENANT, date(2025, 1, 1), date(2025, 12, 31)
                ),
                ResidentView(3, "租客乙", None, None, (), ResidentRole.TENANT, date(2025, 6, 1), None),
                ResidentView(4, "家属", None, None, (), ResidentRole.FAMILY),
            )
        )
    )
    assert "Lease 2025-01-01 to 2025-12-31" in text
    assert "Lease 2025-06-01 to …" in text
    assert text.count("Lease") == 2  # a family member has none
    assert "Tenant" in text and "Family member" in text


def test_the_hint_tells_an_empty_estate_how_to_start() -> None:
    empty = present.hint_html(True)
    assert "no rooms yet" in empty and "Import…" in empty
    chosen = present.hint_html(False)
    assert "Select a room" in chosen and "no rooms yet" not in chosen
    assert chosen.startswith(f"<p style='color:{common.MUTED}'>")


# ---------------------------------------------------------------- history


def test_changes_lists_only_the_fields_that_changed() -> None:
    before = {"code": "3-2-501", "area": "89.50", "note": "", "parking": ["P-001"]}
    after = {"code": "3-2-501", "area": "90.00", "note": "新装修", "parking": ["P-001"]}
    assert present.changes(before, after) == [("area", "89.50", "90.00"), ("note", "—", "新装修")]


def test_changes_of_a_created_or_deleted_record_show_a_dash_for_the_missing_side() -> None:
    assert present.changes(None, {"code": "3-2-501"}) == [("code", "—", "3-2-501")]
    assert present.changes({"code": "3-2-501"}, None) == [("code", "3-2-501", "—")]
    assert present.changes(None, None) == []


def test_values_are_translated_and_masked() -> None:
    assert present.value_text("use", "garage") == "Garage"
    assert present.value_text("occupancy", "vacant") == "Vacant"
    assert present.value_text("flags", ["elderly_alone", "hardship"]) == "Hardship、Elderly living alone"
    assert present.value_text("phone", PHONE) == "138****5678"
    assert present.value_text("id_number", ID_NUMBER) == "110101********1234"
    assert present.value_text("archived", True) == "✓"
    assert present.value_text("archived", False) == "✗"
    assert present.value_text("parking", ["P-001", "P-002"]) == "P-001、P-002"
    assert present.value_text("area", "89.50") == "89.50"
    for nothing in (None, "", []):
        assert present.value_text("note", nothing) == "—"


def test_people_in_a_snapshot_show_as_name_and_masked_phone() -> None:
    owners = [{"name": "王玥", "phone": PHONE, "id_number": ID_NUMBER}, {"name": "李喆", "phone": None}]
    assert present.value_text("owners", owners) == "王玥 138****5678、李喆"


def test_history_lines_say_when_who_what_and_each_change(shanghai: None) -> None:
    entries = [
        HistoryEntry(
            "2025-03-01T02:30:00+00:00",
            "王会计",
            "update",
            "room",
            {"occupancy": "self_occupied", "owners": [{"name": "王玥", "phone": PHONE}], "note": "x"},
            {"occupancy": "rented", "owners": [{"name": "李喆", "phone": "13987654321"}], "note": "x"},
        ),
        HistoryEntry(
            "2025-02-01T00:00:00+00:00",
            "admin",
            "update",
            "person",
            {"name": "王玥", "phone": PHONE},
            {"name": "王玥", "phone": "13900000000"},
        ),
        HistoryEntry("2025-01-01T00:00:00+00:00", "admin", "create", "room", None, {"code": "3-2-501"}),
    ]
    assert present.history_lines(entries) == [
        HistoryLine(
            "2025-03-01 10:30",
            "王会计",
            "Changed",
            ("State: Self-occupied → Rented", "Owners:\n王玥 138****5678\n→ 李喆 139****4321"),
        ),
        HistoryLine("2025-02-01 08:00", "admin", "Person changed", ("Phone: 138****5678 → 139****0000",)),
        HistoryLine("2025-01-01 08:00", "admin", "Created", ("Room: 3-2-501",)),
    ]


def test_a_creation_lists_only_the_fields_that_were_set() -> None:
    created = {
        "code": "3-2-501",
        "area": "89.50",
        "use": "residential",
        "flags": [],
        "note": "",
        "owners": [{"name": "王玥", "phone": PHONE, "id_number": None}],
        "residents": [],
        "parking": [],
        "archived": False,
    }
    (line,) = present.history_lines(
        [HistoryEntry("2025-01-01T00:00:00+00:00", "演示数据生成", "create", "room", None, created)]
    )
    assert line.actor == "演示数据生成" and line.title == "Created"
    assert line.changes == (
        "Room: 3-2-501",
        "Exclusive area (m²): 89.50",
        "Use: Residential",
        "Owners: 王玥 138****5678",
    )


def test_a_change_between_two_kinds_of_nothing_is_no_change() -> None:
    assert present.change_texts({"note": None, "flags": []}, {"note": "", "flags": None}) == ()


def test_a_long_change_puts_old_and_new_on_lines_of_their_own() -> None:
    before = {"owners": [{"name": "欧阳娜娜", "phone": PHONE}, {"name": "司马相如", "phone": PHONE}]}
    after = {"owners": [{"name": "诸葛孔明", "phone": PHONE}]}
    (text,) = present.change_texts(before, after)
    assert text == "Owners:\n欧阳娜娜 138****5678、司马相如 138****5678\n→ 诸葛孔明 138****5678"
    assert present.change_texts({"area": "89.50"}, {"area": "90.00"}) == (
        "Exclusive area (m²): 89.50 → 90.00",
    )


def test_an_unknown_action_is_shown_as_it_is() -> None:
    (line,) = present.history_lines(
        [HistoryEntry("2025-01-01T00:00:00+00:00", "a", "merge", "room", None, None)]
    )
    assert line.title == "merge" and line.changes == ()


# ---------------------------------------------------------------- times and counts


def test_count_and_status_texts() -> None:
    assert present.count_text(3, 60) == "3 of 60 rooms shown"
    assert present.status_text(EstateCounts(60, 55, 20)) == "60 rooms · 55 owners · 20 residents"


def test_texts_follow_an_installed_translator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_installed", [lambda _context, text: f"«{text}»"])
    assert present.count_text(1, 2) == "«1 of 2 rooms shown»"


def test_an_empty_list_says_why() -> None:
    no_match = present.empty_list_text(60, " 李四 ")
    assert "李四" in no_match and " 李四 " not in no_match  # the search as typed, without its spaces
    assert present.empty_list_text(0, "李四") == no_match  # a search that finds nothing says so first
    texts = {no_match, present.empty_list_text(0, ""), present.empty_list_text(60, "")}
    assert len(texts) == 3 and all(texts)


def test_a_long_history_line_is_broken_to_fit_the_panel_never_inside_a_number() -> None:
    owners = "→ 白翀燕 139****5678、甘欣 176****5483、欧阳娜娜 136****5678"
    assert present.wrapped(owners) == "→ 白翀燕 139****5678、甘欣 176****5483、\n  欧阳娜娜 136****5678"
    note = "→ 2024年3月业主来电：卫生间漏水影响楼下402，已约物业维修师傅上门查看并处理完毕"
    lines = present.wrapped(note).split("\n")
    assert lines == ["→ 2024年3月业主来电：卫生间漏水影响楼下402，", "  已约物业维修师傅上门查看并处理完毕"]
    assert present.wrapped("→ " + "长" * 19 + "402号") == "→ " + "长" * 19 + "\n  402号"  # 402 stays whole
    assert present.wrapped("面积: 89.50 → 90.10") == "面积: 89.50 → 90.10"
