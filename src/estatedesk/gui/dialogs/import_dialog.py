"""Import any declared table from .xlsx or .csv: column mapping, a preview of bad rows, then the import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from estatedesk.gui.dialogs.base import KEEP_OPEN, FormDialog
from estatedesk.gui.errors import report_error
from estatedesk.gui.loader import find
from estatedesk.gui.worker import BackgroundTask
from estatedesk.services import interchange

NOT_MAPPED = -1


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
        self.import_button: QPushButton = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.valid_only.toggled.connect(lambda _on: self._update_button())
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
        # A problem of the header row (a required column missing) belongs to that column's choice.
        self.show_errors(
            [error.error for error in preview.file_errors if error.error is not None], reveal=True
        )
        self.valid_only.setVisible(bool(preview.errors))
        self._update_button()

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
            preview is not None and bool(preview.rows) and (not preview.errors or self.valid_only.isChecked())
        )
        self.import_button.setEnabled(ready)

    # ------------------------------------------------------------ import

    def submit(self) -> Any:
        """Write the rows in one transaction on a worker thread, with progress and Cancel."""
        preview = self.preview
        if preview is None:
            return KEEP_OPEN
        valid_only = self.valid_only.isChecked()

        def work(progress: Any, cancelled: Any) -> interchange.ImportResult:
            return interchange.run_import(
                preview, valid_only=valid_only, progress=progress, cancelled=cancelled
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
