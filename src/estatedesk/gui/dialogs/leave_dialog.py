"""A cleaner's leave (请假): its first and last day, both included, and a note.

Leave that ends before it starts is refused beside the "to" date. What the service answers
(``LeaveAdded``: the accepted rotas it breaks) is the dialog's ``result``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from estatedesk.domain.cleaning import Leave
from estatedesk.domain.dates import parse_date
from estatedesk.domain.errors import Problems, ValidationError
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.services import cleaning
from estatedesk.services.cleaning import CleanerView, LeaveAdded


class LeaveDialog(FormDialog):
    """Enter a period of leave for ``cleaner``; ``result`` is the service's ``LeaveAdded``."""

    ui_file = "leave_dialog.ui"

    def __init__(self, parent: QWidget | None, cleaner: CleanerView, today: date | None = None) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.cleaner = cleaner
        self.first = find(ui, QLineEdit, "fromEdit")
        self.last = find(ui, QLineEdit, "toEdit")
        self.note = find(ui, QPlainTextEdit, "noteEdit")
        self.days = find(ui, QLabel, "daysLabel")
        find(ui, QLabel, "cleanerValue").setText(cleaner.name)
        ui.setWindowTitle(self.tr("Leave of {name}").format(name=cleaner.name))
        # The field names are those the service's refusals name.
        for name, widget, label in (
            ("from", self.first, "fromError"),
            ("to", self.last, "toError"),
            ("note", self.note, "noteError"),
        ):
            self.bind_field(name, widget, find(ui, QLabel, label))
        self.note.textChanged.connect(lambda: self.revalidate("note"))
        start = (today or date.today()).isoformat()
        self.first.setText(start)
        self.last.setText(start)
        for edit in (self.first, self.last):
            edit.textChanged.connect(lambda _text: self._show_days())
        self._show_days()

    def period(self) -> Leave | None:
        """The leave typed, or None while its dates cannot be read (or it ends before it starts)."""
        try:
            first, last = parse_date(self.first.text(), "from"), parse_date(self.last.text(), "to")
            return Leave(first, last) if first is not None and last is not None else None
        except ValidationError:
            return None

    def _show_days(self) -> None:
        period = self.period()
        self.days.setText(
            self.tr("{days} days in all").format(days=(period.last - period.first).days + 1)
            if period is not None
            else ""
        )

    def validate(self) -> list[ValidationError]:
        """Both dates readable, the last not before the first (said beside "to")."""
        problems = Problems()
        first = problems.attempt(parse_date, self.first.text(), "from")
        last = problems.attempt(parse_date, self.last.text(), "to")
        if first is not None and last is not None:
            problems.attempt(Leave, first, last)
        return problems

    def submit(self) -> LeaveAdded:
        """Enter the leave."""
        return cleaning.add_leave(
            self.cleaner.cleaner_id, self.first.text(), self.last.text(), self.note.toPlainText()
        )
