"""Void a receipt (作废) with a reason: its charges become unpaid again; the number stays used."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.gui.dialogs.base import KEEP_OPEN, FormDialog, KeepOpen
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import fee_reports as present
from estatedesk.services import fees
from estatedesk.services.fees import ReceiptRow, VoidResult


class VoidDialog(FormDialog):
    """The reason for voiding one receipt; OK asks once more, then voids it."""

    ui_file = "void_dialog.ui"

    def __init__(self, parent: QWidget | None, receipt: ReceiptRow) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.receipt = receipt
        self.reason = find(ui, QLineEdit, "reasonEdit")
        self.bind_field("reason", self.reason, find(ui, QLabel, "reasonError"))
        ui.setWindowTitle(self.tr("Void receipt {number}").format(number=receipt.number))
        find(ui, QLabel, "receiptLabel").setText(
            self.tr("Receipt {number} of {date}: room {room}, {payer}, {amount} ({method}).").format(
                number=receipt.number,
                date=receipt.paid_on.isoformat(),
                room=receipt.room_code,
                payer=receipt.payer,
                amount=present.money(receipt.amount_fen),
                method=present.method_title(receipt.method),
            )
        )

    def validate(self) -> list[ValidationError]:
        """A void needs its reason."""
        if not self.reason.text().strip():
            return [ValidationError("reason", QT_TRANSLATE_NOOP("messages", "say why the receipt is voided"))]
        return []

    def submit(self) -> VoidResult | KeepOpen:
        """Ask once more (a void is never undone), then void the receipt."""
        answer = QMessageBox.question(
            self.dialog,
            self.dialog.windowTitle(),
            self.tr("Void receipt {number} of {amount}? This cannot be undone.").format(
                number=self.receipt.number, amount=present.money(self.receipt.amount_fen)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return KEEP_OPEN
        return fees.void(self.receipt.number, self.reason.text())
