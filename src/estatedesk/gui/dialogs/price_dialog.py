"""A fee item's new price from a date on (调价): months already billed keep the price they had."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from estatedesk.domain.errors import Problems, ValidationError
from estatedesk.domain.fees import month_of, parse_unit_price
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.dialogs.fee_item_dialog import checked_date
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.services import fees
from estatedesk.services.fees import PRICE_UNITS, FeeItemView


class PriceDialog(FormDialog):
    """The new-price dialog for one item; the service refuses a date in a month already billed."""

    ui_file = "price_dialog.ui"

    def __init__(self, parent: QWidget | None, item: FeeItemView, starts: date, today: date) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.item = item
        self.price = find(ui, QLineEdit, "priceEdit")
        self.starts = find(ui, QLineEdit, "fromEdit")
        self.bind_field("price", self.price, find(ui, QLabel, "priceError"))
        self.bind_field("from", self.starts, find(ui, QLabel, "fromError"))
        find(ui, QLabel, "unitLabel").setText(PRICE_UNITS[item.kind])
        now = item.price_for(month_of(today))
        find(ui, QLabel, "itemLabel").setText(
            self.tr("{item} ({kind}), price now: {price}").format(
                item=item.name,
                kind=present.kind_title(item.kind),
                price=present.price_text(item.kind, now) if now is not None else present.NONE,
            )
        )
        ui.setWindowTitle(self.tr("New price of {item}").format(item=item.name))
        self.starts.setText(starts.isoformat())

    def validate(self) -> list[ValidationError]:
        """The price and the date as the service reads them."""
        problems = Problems()
        problems.attempt(parse_unit_price, self.price.text(), "price")
        problems.attempt(checked_date, self.starts.text())
        return problems

    def submit(self) -> bool:
        """Give the item its new price."""
        fees.set_price(self.item.id, self.price.text(), checked_date(self.starts.text()))
        return True
