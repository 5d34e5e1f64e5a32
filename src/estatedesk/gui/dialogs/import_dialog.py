"""Import any declared table from .xlsx or .csv: column mapping, a preview of every change, then the import.

The preview shows what each row does (new, updated with each field before → after, unchanged),
the rows with problems, and what needs the clerk's word first: every removal and warning is
listed, and the import waits until the clerk ticks that they confirm them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from estatedesk.domain.errors import EstateDeskError
from estatedesk.gui import labels
from estatedesk.gui.dialogs.base import KEEP_OPEN, FormDialog
from estatedesk.gui.errors import report_error
from estatedesk.gui.loader import find
from estatedesk.gui.worker import BackgroundTask
from estatedesk.services import interchange

NOT_MAPPED = -1
_KIND_COLOURS = {"new": "#1e8449", "updated": "#2c6fbb", "unchanged": "#777777"}
_TO_CONFIRM = QBrush(QColor("#c0392b"))
_WRAPPED_ROWS = 300  # up to this many changed rows show every line; beyond, one line and a tooltip


class ImportDialog(FormDialog):
    """Shows what a file would import into ``sheet``'s table; writes only when the clerk says so.

    ``title`` names the import (e.g. 导入房屋与住户); ``done_text(result)`` is the sentence that
    says what was imported.
    """

    ui_file = "import_dialog.ui"

    def __init__(
        self,
        parent: QWidget | None,
        path: Path,
        sheet: interchange.TableSheet[Any],
        title: str,
        done_text: Callable[[interchange.ImportResult], str],
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.sheet = sheet
        self._done_text = done_text
        ui = self.dialog
        ui.setWindowTitle(title)
        self.preview: interchange.ImportPreview[Any] | None = None
        self.task: BackgroundTask | None = None
        self.combos: dict[str, QComboBox] = {}
        self.summary = find(ui, QLabel, "summaryLabel")
        self.tabs = find(ui, QTabWidget, "previewTabs")
        self.changes = find(ui, QTableWidget, "changeTable")
        self.show_unchanged = find(ui, QCheckBox, "showUnchangedCheck")
        self.errors = find(ui, QTableWidget, "errorTable")
        self.confirm_group = find(ui, QGroupBox, "confirmGroup")
        self.confirm_label = find(ui, QLabel, "confirmLabel")
        self.confirm_list = find(ui, QListWidget, "confirmList")
        self.confirm = find(ui, QCheckBox, "confirmCheck")
        self.valid_only = find(ui, QCheckBox, "validOnlyCheck")
        grid = find(ui, QGroupBox, "mappingGroup").layout()
        assert isinstance(grid, QGridLayout)  # ui/import_dialog.ui gives the group a grid
        self.grid: QGridLayout = grid
        find(ui, QLabel, "fileLabel").setText(self.tr("File: {path}").format(path=path))
        header = self.errors.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.errors.verticalHeader().hide()
        header = self.changes.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.changes.verticalHeader().hide()
        self.confirm_group.hide()
        self.import_button: QPushButton = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.valid_only.toggled.connect(lambda _on: self._update_button())
        self.confirm.toggled.connect(lambda _on: self._update_button())
        self.show_unchanged.toggled.connect(lambda _on: self._fill_changes())
        self.load_preview(None)

    # ------------------------------------------------------------ preview

    def load_preview(self, mapping: dict[str, int] | None) -> None:
        """Read the file (with a mapping the clerk chose, or the guessed one) and show the result."""
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the file…"))
        path, sheet = self.path, self.sheet

        def work(_progress: Any, _cancelled: Any) -> interchange.ImportPreview[Any]:
            return interchange.preview(sheet, path, mapping)

        self.task = BackgroundTask(
            self.dialog,
            self.tr("Reading the file…"),
            work,
            self.show_preview,
            self._failed,
            cancellable=False,
        ).start()

    def show_preview(self, preview: interchange.ImportPreview[Any]) -> None:
        """Fill the mapping combos, the summary, what each row changes, the bad rows and what to confirm."""
        self.preview = preview
        self._fill_mapping(preview)
        bad_rows = len({error.row for error in preview.errors})
        counts = preview.kind_counts()
        self.summary.setText(
            self.tr(
                "{total} rows in the file: {new} new, {updated} to update, {unchanged} unchanged, "
                "{bad} with problems (rows are numbered as in the spreadsheet)."
            ).format(
                total=preview.total_rows,
                new=counts["new"],
                updated=counts["updated"],
                unchanged=counts["unchanged"],
                bad=bad_rows,
            )
        )
        self.errors.setRowCount(len(preview.errors))
        for line, error in enumerate(preview.errors):
            reason = labels.message(error.error) if error.error is not None else error.reason
            for column, text in enumerate((str(error.row), error.column, reason)):
                self.errors.setItem(line, column, QTableWidgetItem(text))
        self.tabs.setTabText(1, self.tr("Problems ({count})").format(count=len(preview.errors)))
        self.tabs.setCurrentIndex(1 if preview.errors else 0)
        self._fill_changes()
        self._fill_confirmations(preview)
        # A problem of the header row (a required column missing) belongs to that column's choice.
        self.show_errors(
            [error.error for error in preview.file_errors if error.error is not None], reveal=True
        )
        self.valid_only.setVisible(bool(preview.errors))
        self._update_button()

    def _fill_changes(self) -> None:
        """One line per good row: new, updated (each field before → after, each removal) or unchanged."""
        preview = self.preview
        if preview is None:
            return
        shown = [
            row
            for row in preview.rows
            if self.show_unchanged.isChecked() or row.change is None or row.change.kind != "unchanged"
        ]
        self.changes.setUpdatesEnabled(False)
        self.changes.clearContents()
        self.changes.setRowCount(len(shown))
        self.changes.setHorizontalHeaderItem(
            1, QTableWidgetItem(preview.column_label(preview.sheet.key_field))
        )
        kinds = {"new": self.tr("New"), "updated": self.tr("Updated"), "unchanged": self.tr("Unchanged")}
        for line, row in enumerate(shown):
            change = row.change
            kind = change.kind if change is not None else "new"
            details = self._details(preview, row) if change is not None else []
            cells = (
                str(row.row),
                change.name if change is not None else "",
                kinds[kind],
                "；".join(details),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setForeground(QBrush(QColor(_KIND_COLOURS[kind])))
                if column == 3:
                    item.setToolTip("\n".join(details))
                    if change is not None and (change.removals or change.warnings):
                        item.setForeground(_TO_CONFIRM)
                self.changes.setItem(line, column, item)
        if len(shown) <= _WRAPPED_ROWS:  # else measuring every line would hold the dialog up
            self.changes.resizeRowsToContents()
        self.changes.setUpdatesEnabled(True)
        self.tabs.setTabText(0, self.tr("Changes ({count})").format(count=len(preview.rows)))

    def _details(
        self, preview: interchange.ImportPreview[Any], row: interchange.PreviewRow[Any]
    ) -> list[str]:
        """What a row changes, as lines: each field, then what it removes and warns of."""
        change = row.change
        assert change is not None
        lines = [
            self.tr("{column}: {before} → {after}").format(
                column=preview.column_label(item.field), before=item.before or "—", after=item.after or "—"
            )
            for item in change.fields
        ]
        lines += [labels.message(removal.error) for removal in change.removals]
        lines += [labels.message(warning) for warning in change.warnings]
        return lines

    def _fill_confirmations(self, preview: interchange.ImportPreview[Any]) -> None:
        """List every removal and warning of the good rows; the import waits for the clerk's tick."""
        names = {row.row: row.change.name for row in preview.rows if row.change is not None}
        removals, warnings = preview.removals, preview.warnings
        self.confirm_list.clear()
        for notice in [*removals, *warnings]:
            what = labels.message(notice.error) if notice.error is not None else notice.reason
            self.confirm_list.addItem(
                self.tr("Row {row} ({name}): {what}").format(
                    row=notice.row, name=names.get(notice.row, ""), what=what
                )
            )
        self.confirm_label.setText(
            self.tr(
                "This file removes {removals} things and has {warnings} warnings. Nothing is imported "
                "until you confirm them:"
            ).format(removals=len(removals), warnings=len(warnings))
        )
        self.confirm.setChecked(False)
        self.confirm_group.setVisible(bool(removals or warnings))

    def _fill_mapping(self, preview: interchange.ImportPreview[Any]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        self.unbind_fields()
        for position, (field, title) in enumerate(preview.fields):
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), NOT_MAPPED)
            for index, header in enumerate(preview.headers):
                combo.addItem(header or self.tr("column {number}").format(number=index + 1), index)
            combo.setCurrentIndex(combo.findData(preview.mapping.get(field, NOT_MAPPED)))
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.combos[field] = combo
            self.bind_field(field, combo)
            row, column = divmod(position, 3)
            self.grid.addWidget(QLabel(title), row, column * 2)
            self.grid.addWidget(combo, row, column * 2 + 1)

    def _mapping_changed(self) -> None:
        mapping = {
            field: int(combo.currentData())
            for field, combo in self.combos.items()
            if int(combo.currentData()) != NOT_MAPPED
        }
        self.load_preview(mapping)

    def _update_button(self) -> None:
        preview = self.preview
        ready = (
            preview is not None
            and bool(preview.rows)
            and (not preview.errors or self.valid_only.isChecked())
            and (self.confirm.isChecked() or not (preview.removals or preview.warnings))
        )
        self.import_button.setEnabled(ready)

    # ------------------------------------------------------------ import

    def submit(self) -> Any:
        """Write the rows in one transaction on a worker thread, with progress and Cancel."""
        preview = self.preview
        if preview is None:
            return KEEP_OPEN
        valid_only = self.valid_only.isChecked()
        confirmed = self.confirm.isChecked()  # the button waits for it while anything is listed

        def work(progress: Any, cancelled: Any) -> interchange.ImportResult:
            return interchange.run_import(
                preview,
                valid_only=valid_only,
                progress=progress,
                cancelled=cancelled,
                allow_removals=confirmed,
                accept_warnings=confirmed,
            )

        self.task = BackgroundTask(
            self.dialog, self.tr("Importing…"), work, self._imported, self._failed
        ).start()
        return KEEP_OPEN

    def _imported(self, result: interchange.ImportResult) -> None:
        if not result.written:
            QMessageBox.warning(
                self.dialog,
                self.dialog.windowTitle(),
                self.tr("Nothing was imported: fix the rows listed, or import only the good rows."),
            )
            return
        QMessageBox.information(self.dialog, self.dialog.windowTitle(), self._done_text(result))
        self.done(result)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, EstateDeskError):
            self.summary.setText(labels.message(error))
        report_error(self.dialog, self.dialog.windowTitle(), error)
