"""The estate's fee settings: standing reductions (off by default) and what reminders say about paying."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, InputRejected, Problems, ValidationError
from estatedesk.domain.fees import check_reminder_text
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.services import fees
from estatedesk.services.fees import FeeSettings
from estatedesk.services.fees.documents import DEFAULT_HOW_TO_PAY


def percent_typed(check: QCheckBox, edit: QLineEdit, field: str) -> Decimal | None:
    """A standing reduction's percent: None when it is not ticked; ticked, a percent is needed."""
    if not check.isChecked():
        return None
    percent = fees.parse_percent(edit.text(), field)
    if percent is None:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "give the percent, or untick the reduction")
        )
    return percent


class FeeSettingsDialog(FormDialog):
    """The fee settings as stored; OK saves them all."""

    ui_file = "fee_settings_dialog.ui"

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.vacant_check = find(ui, QCheckBox, "vacantCheck")
        self.vacant = find(ui, QLineEdit, "vacantEdit")
        self.hardship_check = find(ui, QCheckBox, "hardshipCheck")
        self.hardship = find(ui, QLineEdit, "hardshipEdit")
        self.how_to_pay = find(ui, QPlainTextEdit, "howToPayEdit")
        self.phone = find(ui, QLineEdit, "phoneEdit")
        self.bind_field("vacant_percent", self.vacant, find(ui, QLabel, "vacantError"))
        self.bind_field("hardship_percent", self.hardship, find(ui, QLabel, "hardshipError"))
        self.bind_field("how_to_pay", self.how_to_pay, find(ui, QLabel, "howToPayError"))
        self.bind_field("office_phone", self.phone, find(ui, QLabel, "phoneError"))
        self.how_to_pay.setPlaceholderText(
            self.tr("Empty: the reminders say “{text}”").format(text=DEFAULT_HOW_TO_PAY)
        )
        self.how_to_pay.setMaximumHeight(self.how_to_pay.fontMetrics().lineSpacing() * 5 + 12)
        self.fill(fees.fee_settings())
        for check, edit, name in (
            (self.vacant_check, self.vacant, "vacant_percent"),
            (self.hardship_check, self.hardship, "hardship_percent"),
        ):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on, name=name: self.revalidate(name))
            check.toggled.connect(lambda on, edit=edit: edit.setFocus() if on else None)
        self.how_to_pay.textChanged.connect(lambda: self.revalidate("how_to_pay"))

    def fill(self, settings: FeeSettings) -> None:
        """Show the settings as stored (a reduction that is off shows unticked, its box empty)."""
        for check, edit, percent in (
            (self.vacant_check, self.vacant, settings.vacant_percent),
            (self.hardship_check, self.hardship, settings.hardship_percent),
        ):
            check.setChecked(percent is not None)
            edit.setText("" if percent is None else str(percent))
            edit.setEnabled(percent is not None)
        self.how_to_pay.setPlainText(settings.how_to_pay)
        self.phone.setText(settings.office_phone)

    def validate(self) -> list[ValidationError]:
        """Each ticked reduction needs a percent above 0 and at most 100; no threat in the text."""
        problems = Problems()
        problems.attempt(percent_typed, self.vacant_check, self.vacant, "vacant_percent")
        problems.attempt(percent_typed, self.hardship_check, self.hardship, "hardship_percent")
        problems.attempt(check_reminder_text, self.how_to_pay.toPlainText(), "how_to_pay")
        return problems

    def submit(self) -> FeeSettings:
        """Save the settings; they travel with the estate file."""
        try:
            settings = FeeSettings(
                vacant_percent=percent_typed(self.vacant_check, self.vacant, "vacant_percent"),
                hardship_percent=percent_typed(self.hardship_check, self.hardship, "hardship_percent"),
                how_to_pay=self.how_to_pay.toPlainText().strip(),
                office_phone=self.phone.text().strip(),
            )
        except ValidationError as error:
            raise InputRejected([error]) from None
        fees.save_fee_settings(settings)
        return settings
