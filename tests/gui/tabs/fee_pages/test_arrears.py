"""The arrears page (gui/tabs/fee_pages/arrears.py): who owes on a day, filters, export and reminders."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from estatedesk.domain.fees import AgeBucket
from estatedesk.gui.models.record_table_model import FOREGROUND
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.tabs.fee_pages.account import AccountPage
from estatedesk.gui.tabs.fee_pages.arrears import ArrearsPage
from estatedesk.services import fees
from helpers.fee_overview_estate import AS_OF, Ledger, ledger_fixture  # noqa: F401 - the fixture

# Words about cutting supplies: the page never says them (Civil Code art. 944).
SUPPLY_WORDS = ("停水", "停电", "停气", "断水", "断电", "断气", "water", "electricity", "power", "gas ")


def rooms_shown(page: ArrearsPage) -> list[str]:
    return [page.model.row_at(row).room_code for row in range(page.model.rowCount())]


def cells(page: ArrearsPage, key: str) -> list[str]:
    column = page.model.column_index(key)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def arrears_on(ledger: Ledger, qtbot: QtBot, day: date = AS_OF) -> ArrearsPage:
    page = ledger.page(ArrearsPage)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    page.as_of.setDate(QDate(day.year, day.month, day.day))  # reads again
    qtbot.waitUntil(lambda: page.task is None and page.arrears is not None and page.arrears.as_of == day)
    return page


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), "")))


def test_the_rooms_owing_on_a_day_with_their_figures(ledger: Ledger, qtbot: QtBot) -> None:
    page = arrears_on(ledger, qtbot)
    assert rooms_shown(page) == ["1-1-102", "2-1-101"]
    assert cells(page, "owners") == ["张堃", "李喆"]
    assert cells(page, "owed") == ["210.00", "46.00"]
    assert cells(page, "oldest") == ["2025-01", "2025-03"]
    assert cells(page, "months") == ["5", "3"]
    assert cells(page, "age") == [
        present.bucket_title(AgeBucket.UP_TO_6),
        present.bucket_title(AgeBucket.UP_TO_3),
    ]
    owed = page.model.column_index("owed")
    assert page.model.index(0, owed).data(FOREGROUND).color().name() == present.OWED_COLOUR
    assert "¥256.00" in page.total_label.text() and "2025-05-31" in page.total_label.text()
    assert page.status_text() == page.total_label.text()


def test_as_of_an_earlier_day_a_later_payment_is_still_owed(ledger: Ledger, qtbot: QtBot) -> None:
    page = arrears_on(ledger, qtbot, date(2025, 3, 31))
    assert rooms_shown(page) == ["1-1-101", "1-1-102", "2-1-101"]  # 1-1-101 paid on 2025-04-10
    assert cells(page, "owed") == ["174.00", "210.00", "46.00"]


def test_today_is_the_first_day_shown(ledger: Ledger, qtbot: QtBot) -> None:
    page = ledger.page(ArrearsPage)
    qtbot.waitUntil(lambda: page.arrears is not None)
    assert page.day() == date.today()
    assert rooms_shown(page) == [row.room_code for row in fees.arrears().rooms]


def test_the_filter_by_building(ledger: Ledger, qtbot: QtBot) -> None:
    page = arrears_on(ledger, qtbot)
    names = [page.building.itemText(i) for i in range(page.building.count())]
    assert names == ["全部楼栋", "1号楼", "2号楼"]
    page.set_building("1")
    assert rooms_shown(page) == ["1-1-102"]
    assert "¥210.00" in page.total_label.text() and "1号楼" in page.total_label.text()
    page.set_building("2")
    assert rooms_shown(page) == ["2-1-101"]
    page.as_of.setDate(QDate(2025, 3, 31))  # another day keeps the building chosen
    qtbot.waitUntil(lambda: page.task is None and page.arrears is not None and page.arrears.as_of.month == 3)
    assert page.chosen_building() == "2" and rooms_shown(page) == ["2-1-101"]
    page.set_building(None)
    assert page.model.rowCount() == 3


def test_the_filter_by_age_and_the_search(ledger: Ledger, qtbot: QtBot) -> None:
    page = arrears_on(ledger, qtbot)
    page.set_bucket(AgeBucket.UP_TO_3)
    assert rooms_shown(page) == ["2-1-101"] and "¥46.00" in page.total_label.text()
    page.set_bucket(AgeBucket.OVER_12)
    assert rooms_shown(page) == [] and page.list_note.text()
    page.set_bucket(None)
    page.search.setText("张堃")
    assert rooms_shown(page) == ["1-1-102"]
    page.search.setText("1-1-102")
    assert rooms_shown(page) == ["1-1-102"]


def test_the_list_shown_is_exported_to_excel(
    ledger: Ledger, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, boxes: object
) -> None:
    from openpyxl import load_workbook

    page = arrears_on(ledger, qtbot)
    page.set_building("1")
    target = tmp_path / "欠费"
    save_as(monkeypatch, target)
    page.export()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    written = target.with_name("欠费.xlsx")
    sheet = load_workbook(written).active
    assert sheet is not None
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:4] == ["房号", "楼栋", "业主", "欠费金额（元）"]
    assert rows[1:] == [["1-1-102", "1", "张堃", 210, "2025-01", 5, "3–6个月"]]
    assert "1" in boxes.texts("information")[-1] and str(written) in boxes.texts("information")[-1]  # type: ignore[attr-defined]


def test_reminders_for_the_building_filtered_are_one_pdf(
    ledger: Ledger, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, boxes: object
) -> None:
    printed: list[tuple[str | None, date]] = []
    real = fees.print_reminders

    def print_reminders(path: Path, building: str | None = None, as_of: date | None = None) -> int:
        assert as_of is not None
        printed.append((building, as_of))
        return real(path, building, as_of)

    monkeypatch.setattr(fees, "print_reminders", print_reminders)
    page = arrears_on(ledger, qtbot)
    page.set_building("1")
    target = tmp_path / "reminders.pdf"
    save_as(monkeypatch, target)
    page.print_reminders(selected=False)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert printed == [("1", AS_OF)]
    assert target.read_bytes().startswith(b"%PDF")
    assert "1" in boxes.texts("information")[-1]  # type: ignore[attr-defined]


def test_a_reminder_for_the_room_selected(
    ledger: Ledger, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, boxes: object
) -> None:
    page = arrears_on(ledger, qtbot)
    page.select_rooms([ledger.rooms["2-1-101"]])
    assert page.remind_selected.isEnabled()
    target = tmp_path / "one.pdf"
    save_as(monkeypatch, target)
    page.print_reminders(selected=True)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert target.read_bytes().startswith(b"%PDF")
    told = boxes.texts("information")[-1]  # type: ignore[attr-defined]
    assert told.startswith(page.tr("{count} reminders were written to\n{path}").split("{count}")[0] + "1")


def test_reminders_follow_the_age_filter(
    ledger: Ledger, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With one age chosen, the reminders are those of the rooms listed, not the whole building."""
    asked: list[list[str]] = []
    monkeypatch.setattr(
        "estatedesk.gui.tabs.fee_pages.arrears.print_room_reminders",
        lambda path, rows, day: asked.append([row.room_code for row in rows]) or len(rows),
    )
    page = arrears_on(ledger, qtbot)
    page.set_bucket(AgeBucket.UP_TO_6)
    save_as(monkeypatch, tmp_path / "x.pdf")
    page.print_reminders(selected=False)
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    assert asked == [["1-1-102"]]


def test_the_room_reminders_service_prints_only_the_rooms_given(ledger: Ledger, tmp_path: Path) -> None:
    from estatedesk.services.fees.overview_queries import print_room_reminders

    rows = [row for row in fees.arrears(AS_OF).rooms if row.room_code == "2-1-101"]
    assert print_room_reminders(tmp_path / "r.pdf", rows, AS_OF) == 1
    both = list(fees.arrears(AS_OF).rooms)
    assert print_room_reminders(tmp_path / "r2.pdf", both, AS_OF) == 2
    assert (tmp_path / "r2.pdf").read_bytes().startswith(b"%PDF")


def test_a_double_click_opens_the_rooms_account(ledger: Ledger, qtbot: QtBot) -> None:
    page = arrears_on(ledger, qtbot)
    page.select_rooms([ledger.rooms["1-1-102"]])
    page.show_account()
    assert ledger.tab.current_page() is ledger.tab.page(AccountPage)


def test_nothing_owed_says_so_and_offers_nothing_to_print(ledger: Ledger, qtbot: QtBot) -> None:
    page = arrears_on(ledger, qtbot, date(2024, 12, 31))
    assert page.model.rowCount() == 0 and page.list_note.text()
    assert not page.export_button.isEnabled() and not page.remind_button.isEnabled()
    assert page.arrears is not None and page.arrears.total_fen == 0


def test_a_read_only_file_still_exports_and_prints(ledger: Ledger, qtbot: QtBot) -> None:
    page = arrears_on(ledger, qtbot)
    page.tab.read_only = True
    page.update_actions()
    assert page.export_button.isEnabled() and page.remind_button.isEnabled()


def test_the_page_never_speaks_of_cutting_supplies(ledger: Ledger, qtbot: QtBot) -> None:
    page = arrears_on(ledger, qtbot)
    texts = [label.text() for label in page.findChildren(QLabel)]
    texts += [button.text() + button.toolTip() for button in page.findChildren(QAbstractButton)]
    texts += [widget.toolTip() for widget in page.findChildren(QWidget)]
    texts += [action.text() for action in page.remind_button.menu().actions()]
    for text in texts:
        assert not any(word in text.casefold() for word in SUPPLY_WORDS), text
