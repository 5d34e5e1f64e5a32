"""What a re-plan changed in an accepted rota (leave entered later…), to accept (接受) or not (取消).

Each line is an occurrence whose cleaner changed: its date, area, task, who before → who now
(— for no one: uncovered, or a task that came or went). Accepting keeps the month's rota as it
stands now (``services.cleaning.accept_rota``); the dialog's result is the rota accepted.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTableView, QWidget

from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.gui.models.record_table_model import ColumnSpec, RecordTableModel, set_up_table
from estatedesk.gui.presenters import cleaning_rota as present
from estatedesk.gui.presenters.cleaning_rota import ChangeLine
from estatedesk.services import cleaning
from estatedesk.services.cleaning import RotaView


class RotaChangesDialog(FormDialog):
    """The re-plan's changes of one month, line by line; OK (接受) accepts the rota as it stands."""

    ui_file = "rota_changes_dialog.ui"

    def __init__(self, parent: QWidget | None, view: RotaView) -> None:
        super().__init__(parent)
        self.view = view
        ui = self.dialog
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Accept"))
        find(ui, QLabel, "summaryLabel").setText(
            self.tr(
                "The rota of {month} was re-planned where later changes broke it: {count} changes."
            ).format(month=view.month, count=len(view.changes))
        )
        self.table = find(ui, QTableView, "changesTable")
        self.model: RecordTableModel[ChangeLine] = RecordTableModel(
            [
                ColumnSpec(
                    "date",
                    self.tr("Date"),
                    lambda line: line.date_text,
                    sort_key=lambda line: line.day,
                    width=110,
                ),
                ColumnSpec("area", self.tr("Area"), lambda line: line.area, width=130),
                ColumnSpec("task", self.tr("Task"), lambda line: line.task, width=150),
                ColumnSpec("change", self.tr("Before → after"), lambda line: line.change_text, width=160),
            ],
            id_of=lambda line: line.key,
            parent=self,
        )
        set_up_table(self.table, self.model, row_height=22)
        self.model.set_rows(present.change_lines(view.changes))

    def lines(self) -> list[ChangeLine]:
        """The changes listed, in the order shown."""
        return self.model.shown_rows()

    def submit(self) -> RotaView:
        """Accept the month's rota as it stands now."""
        return cleaning.accept_rota(self.view.month)
