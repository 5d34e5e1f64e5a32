"""Import households from .xlsx or .csv: column mapping, a preview of bad rows, then the import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from estatedesk.domain.errors import EstateDeskError
from estatedesk.gui import labels
from estatedesk.gui.loader import find, load_dialog
from estatedesk.gui.worker import BackgroundTask
from estatedesk.services import interchange

NOT_MAPPED = -1


class ImportDialog(QObject):
    """Shows what a file would import; writes only when the clerk says so."""

    def __init__(self, parent: QWidget | None, path: Path) -> None:
        super().__init__(parent)
        self.path = path
        self.dialog = load_dialog("import_dialog.ui", parent)
        ui = self.dialog
        self.preview: interchange.ImportPreview | None = None
        self.result: interchange.ImportResult | None = None
        self.task: BackgroundTask | None = None
        self.combos: dict[str, QComboBox] = {}
        self.summary = find(ui, QLabel, "summaryLabel")
        self.errors = find(ui, QTableWidget, "errorTable")
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
        buttons = find(ui, QDialogButtonBox, "buttonBox")
        self.import_button: QPushButton = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.start_import)
        buttons.rejected.connect(ui.reject)
        self.valid_only.toggled.connect(lambda _on: self._update_button())
        self.load_preview(None)

    # ------------------------------------------------------------ preview

    def load_preview(self, mapping: dict[str, int] | None) -> None:
        """Read the file (with a mapping the clerk chose, or the guessed one) and show the result."""
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the file…"))
        path = self.path

        def work(_progress: Any, _cancelled: Any) -> interchange.ImportPreview:
            return interchange.preview_households(path, mapping)

        self.task = BackgroundTask(
            self.dialog,
            self.tr("Reading the file…"),
            work,
            self.show_preview,
            self._failed,
            cancellable=False,
        ).start()

    def show_preview(self, preview: interchange.ImportPreview) -> None:
        """Fill the mapping combos, the summary and the list of bad rows."""
        self.preview = preview
        self._fill_mapping(preview)
        bad_rows = len({error.row for error in preview.errors})
        self.summary.setText(
            self.tr(
                "{total} rows in the file: {good} can be imported, {bad} have problems (listed below by "
                "their row number in the spreadsheet)."
            ).format(total=preview.total_rows, good=len(preview.rows), bad=bad_rows)
        )
        self.errors.setRowCount(len(preview.errors))
        for line, error in enumerate(preview.errors):
            reason = labels.message(error.error) if error.error is not None else error.reason
            for column, text in enumerate((str(error.row), error.column, reason)):
                self.errors.setItem(line, column, QTableWidgetItem(text))
        self.valid_only.setVisible(bool(preview.errors))
        self._update_button()

    def _fill_mapping(self, preview: interchange.ImportPreview) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        for position, (field, title) in enumerate(preview.fields):
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), NOT_MAPPED)
            for index, header in enumerate(preview.headers):
                combo.addItem(header or self.tr("column {number}").format(number=index + 1), index)
            combo.setCurrentIndex(combo.findData(preview.mapping.get(field, NOT_MAPPED)))
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.combos[field] = combo
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
            preview is not None and bool(preview.rows) and (not preview.errors or self.valid_only.isChecked())
        )
        self.import_button.setEnabled(ready)

    # ------------------------------------------------------------ import

    def start_import(self) -> None:
        """Write the rows in one transaction on a worker thread, with progress and Cancel."""
        preview = self.preview
        if preview is None:
            return
        valid_only = self.valid_only.isChecked()

        def work(progress: Any, cancelled: Any) -> interchange.ImportResult:
            return interchange.import_households(
                preview, valid_only=valid_only, progress=progress, cancelled=cancelled
            )

        self.task = BackgroundTask(
            self.dialog, self.tr("Importing…"), work, self._imported, self._failed
        ).start()

    def _imported(self, result: interchange.ImportResult) -> None:
        self.result = result
        if not result.written:
            QMessageBox.warning(
                self.dialog,
                self.dialog.windowTitle(),
                self.tr("Nothing was imported: fix the rows listed, or import only the good rows."),
            )
            return
        QMessageBox.information(
            self.dialog,
            self.dialog.windowTitle(),
            self.tr("{imported} new rooms imported, {updated} existing rooms updated.").format(
                imported=result.imported, updated=result.updated
            ),
        )
        self.dialog.accept()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, EstateDeskError):
            raise error
        self.summary.setText(labels.message(error))
        QMessageBox.warning(self.dialog, self.dialog.windowTitle(), labels.message(error))

    def exec(self) -> bool:
        """Show the dialog; True when rooms were imported."""
        return self.dialog.exec() == QDialog.DialogCode.Accepted
