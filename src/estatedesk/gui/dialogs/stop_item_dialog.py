"""Stop billing a fee item from a month on (months already billed keep their charges)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from estatedesk.domain.errors import InputRejected, Problems, ValidationError
from estatedesk.domain.fees import Month, parse_month
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.services import fees
from estatedesk.services.fees import FeeItemView


class StopItemDialog(FormDialog):
    """Which month an item stops from; the service refuses a month already billed."""

    ui_file = "stop_item_dialog.ui"

    def __init__(self, parent: QWidget | None, item: FeeItemView, month: Month) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.item = item
        self.month = find(ui, QLineEdit, "monthEdit")
        self.bind_field("from", self.month, find(ui, QLabel, "monthError"))
        find(ui, QLabel, "itemLabel").setText(
            self.tr("Stop billing {item} from a month on.").format(item=item.name)
        )
        ui.setWindowTitle(self.tr("Stop billing {item}").format(item=item.name))
        self.month.setText(str(month))

    def validate(self) -> list[ValidationError]:
        """A month such as 2027-07."""
        problems = Problems()
        problems.attempt(parse_month, self.month.text(), "from")
        return problems

    def submit(self) -> bool:
        """Stop the item from the month typed."""
        try:
            month = parse_month(self.month.text(), "from")
        except ValidationError as error:
            raise InputRejected([error]) from None
        fees.stop_item(self.item.id, month)
        return True
