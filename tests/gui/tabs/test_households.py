"""The households tab (gui/tabs/households.py): list, search, place tree, detail, history, delete."""

from __future__ import annotations

from pathlib import Path

import pytest

from estatedesk.domain.search import normalize_query, query_words
from estatedesk.gui.main_window import MainWindow
from estatedesk.gui.models.room_table_model import COL_AREA, COL_CODE, COL_OWNER_PHONES, RoomTableModel
from estatedesk.gui.presenters import households as present
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.services import households
from estatedesk.services.households import PersonInput, RoomInput


def shown_codes(model: RoomTableModel) -> list[str]:
    return [model.row_at(row).code for row in range(model.rowCount())]


def test_only_real_tabs_are_shown(window: MainWindow) -> None:
    assert [window.tabs.tabText(index) for index in range(window.tabs.count())] == [
        "房屋与住户档案",
        "报修台账",
        "收费台账",
        "保洁排班",
        "业主表决与选举",
    ]


def test_the_list_shows_every_room_with_masked_phones(window: MainWindow) -> None:
    model = window.tab(HouseholdsTab).model
    assert model.rowCount() == 60 == model.total
    for row in range(model.rowCount()):
        phones = model.index(row, COL_OWNER_PHONES).data()
        for phone in filter(None, phones.split("、")):
            assert phone == "—" or (phone[3:7] == "****" and len(phone) == 11)
    assert "60" in window.tab(HouseholdsTab).count_label.text()


def test_search_by_code_name_pinyin_and_phone(window: MainWindow, qtbot: object) -> None:
    tab = window.tab(HouseholdsTab)
    tab.search.setText("1-1-201")
    assert shown_codes(tab.model) == ["1-1-201"]
    detail = households.room_detail(tab.model.row_at(0).id)
    owner = detail.owners[0]
    tab.search.setText(owner.name)
    assert "1-1-201" in shown_codes(tab.model)
    initials = households.list_rooms()[households.list_rooms().index(tab.model.row_at(0))].search
    assert initials
    tab.search.setText(owner.phone[-4:] if owner.phone else owner.name)
    assert "1-1-201" in shown_codes(tab.model)
    tab.search.setText("")
    assert tab.model.rowCount() == 60


def test_pinyin_finds_chinese_names(window: MainWindow) -> None:
    households.create_room(RoomInput("9", "1", "101", "80", owners=[PersonInput("张三", "13811112222")]))
    window.tab(HouseholdsTab).reload()
    for query in ("zs", "zhangsan", "ZhangSan", "张三", "138 1111 2222", "2222", "9-1-101"):
        window.tab(HouseholdsTab).search.setText(query)
        codes = shown_codes(window.tab(HouseholdsTab).model)
        assert "9-1-101" in codes, query
        assert all(
            all(
                normalize_query(word) in window.tab(HouseholdsTab).model.row_at(i).search
                for word in query_words(query)
            )
            for i in range(window.tab(HouseholdsTab).model.rowCount())
        )


def test_the_place_tree_filters_by_building_and_unit(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    root = tab.place_tree.model.item(0)
    assert root.rowCount() >= 2
    building = root.child(0)
    tab.tree.setCurrentIndex(building.index())
    assert shown_codes(tab.model) and all(code.startswith("1-") for code in shown_codes(tab.model))
    unit = building.child(1)
    tab.tree.setCurrentIndex(unit.index())
    assert shown_codes(tab.model) and all(code.startswith("1-2-") for code in shown_codes(tab.model))
    tab.tree.setCurrentIndex(root.index())
    assert tab.model.rowCount() == 60


def test_sorting_by_area_and_back_by_room(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    tab.table.sortByColumn(COL_AREA, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.DescendingOrder)
    areas = [tab.model.row_at(i).area_centi for i in range(tab.model.rowCount())]
    assert areas == sorted(areas, reverse=True)
    tab.table.sortByColumn(COL_CODE, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.AscendingOrder)
    assert shown_codes(tab.model)[:3] == ["1-1-101", "1-1-102", "1-1-201"]


def test_selecting_a_room_shows_owners_masked_and_its_history(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    room_id = households.create_room(
        RoomInput("9", "1", "101", "80", owners=[PersonInput("王玥", "13812345678", "11010519491231002X")])
    )
    data = households.room_detail(room_id).as_input()
    data.area = "81"
    households.update_room(room_id, data)
    tab.reload(select_id=room_id)
    html = tab.detail.toHtml()
    assert "王玥" in html and "138****5678" in html and "13812345678" not in html
    assert "110105********002X" in html
    assert tab.history.topLevelItemCount() == 2
    newest = tab.history.topLevelItem(0)
    assert newest.text(2) == "修改"
    assert "80.00 → 81.00" in newest.child(0).text(0)


def test_delete_a_fresh_room_and_archive_one_with_history(window: MainWindow, boxes: object) -> None:
    tab = window.tab(HouseholdsTab)
    fresh = households.create_room(RoomInput("9", "1", "101", "80"))
    kept = households.create_room(RoomInput("9", "1", "102", "80"))
    data = households.room_detail(kept).as_input()
    data.note = "改过"
    households.update_room(kept, data)
    tab.reload(select_id=fresh)
    tab.remove_room()
    assert households.find_room_id("9-1-101") is None
    tab.reload(select_id=kept)
    tab.remove_room()
    assert households.room_detail(kept).archived_at is not None
    assert "9-1-102" not in shown_codes(tab.model)
    tab.archived.setChecked(True)
    assert "9-1-102" in shown_codes(tab.model)
    tab.select_room(kept)
    assert tab.remove_button.text() == "恢复"
    tab.remove_room()
    assert households.room_detail(kept).archived_at is None


@pytest.mark.parametrize("query", ["zz-no-such", "99999999"])
def test_search_with_no_match_shows_an_empty_list(window: MainWindow, query: str) -> None:
    window.tab(HouseholdsTab).search.setText(query)
    assert window.tab(HouseholdsTab).model.rowCount() == 0
    assert "0" in window.tab(HouseholdsTab).count_label.text()


def test_an_empty_result_says_so_in_the_list(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    assert not tab.list_note.isVisibleTo(tab.table)
    tab.search.setText("zz-no-such")
    assert tab.list_note.isVisibleTo(tab.table)
    assert tab.list_note.text() == present.empty_list_text(60, "zz-no-such")
    assert tab.list_note.width() == tab.table.viewport().width() and tab.list_note.height() > 0
    tab.search.setText("1-1-201")
    assert not tab.list_note.isVisibleTo(tab.table)


def test_a_phone_is_found_by_its_ends_not_its_hidden_middle(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    households.create_room(RoomInput("9", "1", "101", "80", owners=[PersonInput("张三", "13811112222")]))
    tab.reload()
    for query, found in [
        ("1381111", True),
        ("138 1111 2222", True),
        ("2222", True),
        ("1111", False),  # 138****2222: the masked digits
        ("11112222", False),
        ("112222", False),
    ]:
        tab.search.setText(query)
        assert ("9-1-101" in shown_codes(tab.model)) is found, query
    tab.search.setText("")
    for typed in ("1", "13", "138", "1381"):  # key by key: 3 digits find no phone, 4 do
        tab.search.setText(typed)
    assert "9-1-101" in shown_codes(tab.model)


def test_an_exact_room_code_comes_first(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    # 11-1-201 holds 1-1-201 folded (111201, 11201), and sorts first by its area.
    households.create_room(RoomInput("11", "1", "201", "9999"))
    tab.reload()
    tab.table.sortByColumn(COL_AREA, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.DescendingOrder)
    for query in ("1-1-201", "1号楼1单元201室", "1 1 201"):
        tab.search.setText(query)
        assert shown_codes(tab.model) == ["1-1-201", "11-1-201"], query
    tab.search.setText("1-1-20")  # no room is 1-1-20: the sort order holds
    assert shown_codes(tab.model)[0] == "11-1-201"


def test_an_exact_room_is_its_real_code_not_its_folded_key(window: MainWindow) -> None:
    tab = window.tab(HouseholdsTab)
    # 1-101, 11-01 and 110-1 all fold to 1101: only the one typed is the exact room.
    for building, number in (("110", "1"), ("11", "01"), ("1", "101")):
        households.create_room(RoomInput(building, "", number, "50"))
    tab.reload()
    tab.table.sortByColumn(COL_CODE, __import__("PySide6.QtCore").QtCore.Qt.SortOrder.DescendingOrder)
    trio = ["110-1", "11-01", "1-101"]  # as sorted: building 110, 11, then the demo's 3, 2 and 1
    tab.search.setText("1101")  # no room is 1101: the sort order holds
    assert [code for code in shown_codes(tab.model) if code in trio] == trio
    typed = [("1-101", "1-101"), ("11-01", "11-01"), ("１１－０１", "11-01"), ("110号楼1室", "110-1")]
    for query, first in typed:
        tab.search.setText(query)
        shown = shown_codes(tab.model)
        assert shown[0] == first, query
        assert [code for code in shown if code in trio] == [first, *(code for code in trio if code != first)]


def test_status_bar_names_the_estate_and_counts(window: MainWindow, demo_file: Path) -> None:
    assert "演示小区" in window.windowTitle()
    assert str(demo_file) in window.file_label.text()
    assert "60" in window.count_label.text()


def test_the_import_template_can_be_saved_and_imports_cleanly(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: object, boxes: object
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from estatedesk.services.households.sheet import preview_households

    target = tmp_path / "模板"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), "")))
    window.tab(HouseholdsTab).template_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes.texts("information")), timeout=10_000)  # type: ignore[attr-defined]
    saved = target.with_suffix(".xlsx")
    assert saved.is_file()
    assert str(saved) in boxes.texts("information")[-1]
    preview = preview_households(saved)
    assert preview.errors == [] and len(preview.rows) >= 1


def test_printing_the_list_shown_writes_a_roster(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: object, boxes: object
) -> None:
    from PySide6.QtWidgets import QFileDialog

    tab = window.tab(HouseholdsTab)
    tab.tree.setCurrentIndex(tab.place_tree.model.item(0).child(0).index())  # building 1 only
    target = tmp_path / "名册"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), "")))
    tab.print_action.trigger()
    qtbot.waitUntil(lambda: bool(boxes.texts("information")), timeout=20_000)  # type: ignore[attr-defined]
    pdf = target.with_suffix(".pdf")
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert str(pdf) in boxes.texts("information")[-1]
    assert tab.scope_text() == "1号楼"


def test_an_empty_estate_tells_the_clerk_how_to_start(app: object, qtbot: object, tmp_path: Path) -> None:
    from estatedesk.store.db import create_estate

    path = tmp_path / "empty.sqlite3"
    create_estate(path, "空白小区").close()
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert window.open_file(path)
    assert "导入" in window.tab(HouseholdsTab).detail.toPlainText()
    tab = window.tab(HouseholdsTab)
    households.create_room(RoomInput("1", "1", "101", "60"))  # shown without a reload
    assert tab.selected_id() is not None  # the only room is selected, and the detail shows it
    assert "1-1-101" in tab.detail.toPlainText() and "导入" not in tab.detail.toPlainText()
    households.create_room(RoomInput("1", "1", "102", "60"))
    tab.table.clearSelection()
    assert "选择一户房屋" in tab.detail.toPlainText()
    window.close()


def test_a_large_estate_paints_its_first_rooms_then_loads_the_rest(
    app: object, qtbot: object, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import estatedesk.gui.tabs.households as tab_module

    monkeypatch.setattr(tab_module, "FIRST_SCREEN_ROWS", 10)
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert window.open_file(demo_file)
    tab = window.tab(HouseholdsTab)
    assert tab.model.total == 10 and "正在读取" in tab.count_label.text()
    tab.search.setText("1-2-")  # typed before the rest arrived: applies to every room
    qtbot.waitUntil(lambda: tab.model.total == 60, timeout=5_000)  # type: ignore[attr-defined]
    found = households.room_finder(normalize_query("1-2-"))
    expected = [row.code for row in households.list_rooms() if found(row)]
    assert len(expected) > 10 and shown_codes(tab.model) == expected
    assert "60" in tab.count_label.text()
    root = tab.place_tree.model.item(0)
    assert [root.child(i).text() for i in range(root.rowCount())][:2] == ["1号楼", "2号楼"]
    window.close()


def test_a_reload_before_the_rest_arrives_makes_the_pending_read_unneeded(
    app: object, qtbot: object, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import estatedesk.gui.tabs.households as tab_module

    monkeypatch.setattr(tab_module, "FIRST_SCREEN_ROWS", 10)
    window = MainWindow()
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert window.open_file(demo_file)
    room_id = households.create_room(RoomInput("9", "1", "101", "80"))
    window.tab(HouseholdsTab).reload(select_id=room_id)  # e.g. a room saved in the meantime
    reads: list[int | None] = []
    real_list_rooms = households.list_rooms
    monkeypatch.setattr(
        households, "list_rooms", lambda **kw: reads.append(kw.get("limit")) or real_list_rooms(**kw)
    )
    qtbot.wait(50)  # type: ignore[attr-defined]  # the first open's pending read comes due here
    assert reads == [], "the whole estate was read a second time for nothing"
    assert window.tab(HouseholdsTab).model.total == 61
    assert window.tab(HouseholdsTab).selected_id() == room_id
    window.close()
