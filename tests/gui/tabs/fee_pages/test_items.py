"""The fee items page (gui/tabs/fee_pages/items.py): the list, prices over time, the dialogs and the order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLabel

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.fees import FeeKind, Month
from estatedesk.gui import labels
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.dialogs.fee_item_dialog import FeeItemDialog
from estatedesk.gui.dialogs.fee_settings_dialog import FeeSettingsDialog
from estatedesk.gui.dialogs.price_dialog import PriceDialog
from estatedesk.gui.dialogs.stop_item_dialog import StopItemDialog
from estatedesk.gui.i18n import translate
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import FOREGROUND, MUTED_COLOR
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.gui.tabs.fee_pages.items import ItemsPage
from estatedesk.services import fees
from estatedesk.services.fees import FeeItemView
from helpers.fee_overview_estate import Ledger, ledger_fixture  # noqa: F401 - the fixture


def cells(page: ItemsPage, key: str) -> list[str]:
    column = page.model.column_index(key)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def item(name: str) -> FeeItemView:
    return fees.find_item(name)


def error_of(dialog: FormDialog, label: str) -> str:
    """The error a dialog shows in one of its labels ('' when it shows none)."""
    shown = find(dialog.dialog, QLabel, label)
    return shown.text() if not shown.isHidden() else ""


def test_the_list_shows_each_item_its_kind_uses_and_price(ledger: Ledger) -> None:
    page = ledger.page(ItemsPage)
    assert cells(page, "name") == ["物业费", "垃圾清运费"]
    assert cells(page, "order") == ["1", "2"]
    assert cells(page, "kind") == [present.kind_title(FeeKind.AREA), present.kind_title(FeeKind.FIXED)]
    assert cells(page, "uses") == ["住宅", "住宅"]
    assert cells(page, "price") == ["0.60 元/㎡/月", "10.00 元/户/月"]
    assert cells(page, "billing") == [present.billing_text(item("物业费"))] * 2
    assert page.list_note.isHidden()
    assert page.status_text() == present.items_status(fees.list_items(), date.today())


def test_selecting_an_item_shows_its_prices_over_time(ledger: Ledger) -> None:
    fees.set_price(item("物业费").id, "0.65", date(2026, 1, 1))
    fees.set_price(item("物业费").id, "0.70", date(2099, 1, 1))
    page = ledger.page(ItemsPage)
    assert page.price_model.rowCount() == 0 and page.price_title.text()
    page.select_item(item("物业费").id)
    lines = page.price_model.shown_rows()
    assert [(line.effective_from, line.price) for line in lines] == [
        (date(2099, 1, 1), "0.70 元/㎡/月"),
        (date(2026, 1, 1), "0.65 元/㎡/月"),
        (date(2025, 1, 1), "0.60 元/㎡/月"),
    ]
    assert [line.note for line in lines] == [
        translate("fee_reports", "coming"),
        translate("fee_reports", "current"),
        "",
    ]
    assert "物业费" in page.price_title.text()
    page.select_item(None)
    assert page.price_model.rowCount() == 0


def test_an_estate_without_items_says_how_to_begin(ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    page = ledger.page(ItemsPage)
    monkeypatch.setattr(fees, "list_items", lambda: [])
    page.read()
    assert page.model.rowCount() == 0
    assert not page.list_note.isHidden() and page.list_note.text()


# ---------------------------------------------------------------- add an item


def test_a_new_item_with_bad_input_shows_each_error_by_its_field_and_writes_nothing(ledger: Ledger) -> None:
    page = ledger.page(ItemsPage)
    dialog = FeeItemDialog(page, date(2025, 6, 1))
    dialog.price.setText("0.123456")
    dialog.starts.setText("2025-13-01")
    for check in dialog.uses.values():
        check.setChecked(False)
    dialog.accept()
    assert "0.123456" in error_of(dialog, "priceError")
    assert "2025-13-01" in error_of(dialog, "fromError")
    assert error_of(dialog, "usesError") == labels.message(
        ValidationError("uses", "choose at least one kind of room it applies to")
    )
    assert not dialog.dialog.result() and len(fees.list_items()) == 2
    # The service's own refusals land by their fields too: a name taken, a name missing.
    dialog.price.setText("12")
    dialog.starts.setText("2025-06-01")
    dialog.uses[next(iter(dialog.uses))].setChecked(True)
    dialog.name.setText("物业费")
    dialog.accept()
    assert "物业费" in error_of(dialog, "nameError")
    assert error_of(dialog, "priceError") == error_of(dialog, "fromError") == ""
    dialog.name.setText("   ")
    dialog.accept()
    assert error_of(dialog, "nameError") and len(fees.list_items()) == 2


def test_a_new_one_off_item_is_added_and_selected(ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    page = ledger.page(ItemsPage)

    def fill_and_accept(dialog: FeeItemDialog) -> bool:
        dialog.name.setText("电梯更新分摊")
        dialog.kind.setCurrentIndex(dialog.kind.findData(FeeKind.ONE_OFF.value))
        assert dialog.unit.text() == "元/户"
        dialog.price.setText("200")
        dialog.starts.setText("2025/6/1")
        for use, check in dialog.uses.items():
            check.setChecked(use.value in ("residential", "shop"))
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(FeeItemDialog, "exec", fill_and_accept)
    page.add_item()
    added = item("电梯更新分摊")
    assert added.kind is FeeKind.ONE_OFF and added.once_month == Month(2025, 6)
    assert {use.value for use in added.uses} == {"residential", "shop"}
    assert page.selected_id() == added.id
    assert cells(page, "name")[-1] == "电梯更新分摊"
    assert cells(page, "uses")[-1] == "住宅、商铺"
    assert cells(page, "billing")[-1] == present.billing_text(added)
    assert not page.price_button.isEnabled() and not page.stop_button.isEnabled()  # billed once only


# ---------------------------------------------------------------- prices, stops and the order


def test_a_new_price_in_a_billed_month_is_refused_next_to_the_date(ledger: Ledger) -> None:
    page = ledger.page(ItemsPage)
    dialog = PriceDialog(page, item("物业费"), date(2025, 2, 1), date.today())
    assert dialog.starts.text() == "2025-02-01"
    dialog.price.setText("0.65")
    dialog.accept()
    refusal = error_of(dialog, "fromError")
    assert "2025-03" in refusal and "2025-04" in refusal  # charged up to March: April at the earliest
    assert not dialog.dialog.result() and len(item("物业费").prices) == 1
    dialog.price.setText("abc")
    dialog.accept()
    assert "abc" in error_of(dialog, "priceError")
    dialog.price.setText("0.65")
    dialog.starts.setText("2025-04-01")
    dialog.accept()
    assert dialog.dialog.result()
    assert [p.price_units for p in item("物业费").prices] == [6000, 6500]


def test_the_new_price_button_offers_the_month_after_the_last_billed(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ledger.page(ItemsPage)
    page.select_item(item("垃圾清运费").id)
    offered: list[str] = []

    def look(dialog: PriceDialog) -> bool:
        offered.append(dialog.starts.text())
        dialog.price.setText("12")
        dialog.accept()
        return bool(dialog.dialog.result())

    monkeypatch.setattr(PriceDialog, "exec", look)
    page.new_price()
    today = date.today()
    following = Month(today.year, today.month).next()
    assert offered == [f"{following}-01"]
    assert item("垃圾清运费").prices[-1].price_units == 120_000
    assert page.selected_id() == item("垃圾清运费").id  # kept through the re-read


def test_stop_from_a_billed_month_is_refused_then_stopped_and_resumed(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch, boxes: object
) -> None:
    page = ledger.page(ItemsPage)
    garbage = item("垃圾清运费")
    dialog = StopItemDialog(page, garbage, Month(2025, 3))
    dialog.accept()
    assert "2025-04" in error_of(dialog, "monthError") and item("垃圾清运费").stopped_from is None
    dialog.month.setText("2025-13")
    dialog.accept()
    assert "2025-13" in error_of(dialog, "monthError")
    dialog.month.setText("2025-04")
    dialog.accept()
    assert dialog.dialog.result() and item("垃圾清运费").stopped_from == Month(2025, 4)
    page.read()
    page.select_item(garbage.id)
    row = page.model.row_of(garbage.id)
    assert row is not None
    assert cells(page, "billing")[row] == present.billing_text(item("垃圾清运费"))
    assert page.model.index(row, 0).data(FOREGROUND).color() == MUTED_COLOR  # greyed: no longer billed
    assert page.stop_button.text() == page.tr("Resume")
    page.stop_or_resume()  # asks (boxes answers yes), then bills it again
    assert item("垃圾清运费").stopped_from is None
    assert page.stop_button.text() == page.tr("Stop…")


def test_moving_an_item_changes_the_order_payments_follow(ledger: Ledger) -> None:
    page = ledger.page(ItemsPage)
    page.select_item(item("垃圾清运费").id)
    assert page.up_button.isEnabled() and not page.down_button.isEnabled()
    page.move_item(-1)
    assert [i.name for i in fees.list_items()] == ["垃圾清运费", "物业费"]
    assert cells(page, "name") == ["垃圾清运费", "物业费"] and cells(page, "order") == ["1", "2"]
    assert page.selected_id() == item("垃圾清运费").id
    assert not page.up_button.isEnabled() and page.down_button.isEnabled()
    page.move_item(1)
    assert [i.name for i in fees.list_items()] == ["物业费", "垃圾清运费"]


# ---------------------------------------------------------------- fee settings


def test_fee_settings_are_off_by_default_and_refuse_a_bad_percent_by_its_field(ledger: Ledger) -> None:
    page = ledger.page(ItemsPage)
    dialog = FeeSettingsDialog(page)
    assert not dialog.vacant_check.isChecked() and not dialog.hardship_check.isChecked()
    assert not dialog.vacant.isEnabled() and not dialog.hardship.isEnabled()
    dialog.vacant_check.setChecked(True)
    dialog.vacant.setText("150")
    dialog.hardship_check.setChecked(True)  # ticked without a percent
    dialog.accept()
    assert "150" in error_of(dialog, "vacantError")
    assert error_of(dialog, "hardshipError")
    assert not dialog.dialog.result() and fees.fee_settings() == fees.FeeSettings()


def test_a_reminder_text_that_threatens_to_cut_supplies_is_refused(ledger: Ledger) -> None:
    dialog = FeeSettingsDialog(ledger.page(ItemsPage))
    dialog.how_to_pay.setPlainText("逾期不缴将停水停电。")
    dialog.accept()
    assert error_of(dialog, "howToPayError")
    assert not dialog.dialog.result() and fees.fee_settings().how_to_pay == ""


def test_fee_settings_are_saved_and_shown_again(ledger: Ledger) -> None:
    page = ledger.page(ItemsPage)
    dialog = FeeSettingsDialog(page)
    dialog.vacant_check.setChecked(True)
    dialog.vacant.setText("30")
    dialog.hardship_check.setChecked(True)
    dialog.hardship.setText("12.5%")
    dialog.how_to_pay.setPlainText("请到3号楼一楼物业办公室缴纳，工作日9:00–17:00。")
    dialog.phone.setText("0571-8888 6666")
    dialog.accept()
    assert dialog.dialog.result()
    saved = fees.fee_settings()
    assert (saved.vacant_percent, saved.hardship_percent) == (Decimal(30), Decimal("12.5"))
    assert saved.office_phone == "0571-8888 6666" and saved.how_to_pay.startswith("请到3号楼")
    again = FeeSettingsDialog(page)
    assert again.vacant_check.isChecked() and again.vacant.text() == "30" and again.hardship.text() == "12.5"
    again.vacant_check.setChecked(False)  # unticked: off again
    again.accept()
    assert fees.fee_settings().vacant_percent is None


def test_a_read_only_file_allows_looking_only(ledger: Ledger) -> None:
    page = ledger.page(ItemsPage)
    page.select_item(item("垃圾清运费").id)
    page.tab.read_only = True
    page.update_actions()
    buttons = (page.add_button, page.price_button, page.stop_button, page.up_button, page.settings_button)
    assert not any(button.isEnabled() for button in buttons)
    assert page.price_model.rowCount() == 1  # its prices are still shown
