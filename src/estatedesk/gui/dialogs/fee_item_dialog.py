"""Add a fee item (收费项目): its name, how it is charged, its first price and who pays it."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, Problems, ValidationError
from estatedesk.domain.fees import FeeKind, parse_unit_price
from estatedesk.domain.households import RoomUse
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.services import fees
from estatedesk.services.fees import PRICE_UNITS, FeeItemInput


def checked_date(text: str, field: str = "from") -> date:
    """A date typed in a fee dialog: read as dialogs read dates; an empty one is refused too."""
    day = parse_date(text, field)
    if day is None:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "say from which date it applies"))
    return day


class FeeItemDialog(FormDialog):
    """The new-item dialog; ``result`` is the new item's id once saved."""

    ui_file = "fee_item_dialog.ui"

    def __init__(self, parent: QWidget | None, starts: date) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.name = find(ui, QLineEdit, "nameEdit")
        self.kind = find(ui, QComboBox, "kindCombo")
        self.price = find(ui, QLineEdit, "priceEdit")
        self.unit = find(ui, QLabel, "unitLabel")
        self.starts = find(ui, QLineEdit, "fromEdit")
        self.hint = find(ui, QLabel, "kindHint")
        self.uses = {
            RoomUse.RESIDENTIAL: find(ui, QCheckBox, "residentialCheck"),
            RoomUse.SHOP: find(ui, QCheckBox, "shopCheck"),
            RoomUse.GARAGE: find(ui, QCheckBox, "garageCheck"),
        }
        self.bind_field("name", self.name, find(ui, QLabel, "nameError"))
        self.bind_field("kind", self.kind)  # the list offers only the kinds there are
        self.bind_field("price", self.price, find(ui, QLabel, "priceError"))
        self.bind_field("from", self.starts, find(ui, QLabel, "fromError"))
        self.bind_field("uses", find(ui, QWidget, "usesBox"), find(ui, QLabel, "usesError"))
        for kind in FeeKind:
            self.kind.addItem(present.kind_title(kind), kind.value)
        for check in self.uses.values():
            check.toggled.connect(lambda _on: self.revalidate("uses"))
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.starts.setText(starts.isoformat())
        self._kind_changed()

    def chosen_kind(self) -> FeeKind:
        """The kind chosen in the list."""
        return FeeKind(str(self.kind.currentData()))

    def chosen_uses(self) -> frozenset[RoomUse]:
        """The kinds of room ticked."""
        return frozenset(use for use, check in self.uses.items() if check.isChecked())

    def _kind_changed(self) -> None:
        kind = self.chosen_kind()
        self.unit.setText(PRICE_UNITS[kind])
        self.hint.setText(
            {
                FeeKind.AREA: self.tr("Each month: the price × the room's exclusive area."),
                FeeKind.FIXED: self.tr("Each month: the price, once per room (garbage removal, say)."),
                FeeKind.PARKING: self.tr(
                    "Each month: the price × the parking spaces a room holds; rooms without one pay nothing."
                ),
                FeeKind.ONE_OFF: self.tr(
                    "Once: the price per room, billed for the month of the date above only."
                ),
            }[kind]
        )

    def validate(self) -> list[ValidationError]:
        """The price and the date as the service will read them; at least one kind of room."""
        problems = Problems()
        problems.attempt(parse_unit_price, self.price.text(), "price")
        problems.attempt(checked_date, self.starts.text())
        if not self.chosen_uses():
            problems.append(
                ValidationError(
                    "uses", QT_TRANSLATE_NOOP("messages", "choose at least one kind of room it applies to")
                )
            )
        return problems

    def submit(self) -> int:
        """Add the item with its first price."""
        return fees.add_item(
            FeeItemInput(
                name=self.name.text(),
                kind=self.chosen_kind().value,
                price=self.price.text(),
                effective_from=checked_date(self.starts.text()),
                uses=self.chosen_uses(),
            )
        )
