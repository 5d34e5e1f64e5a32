"""What every dialog has: its Designer form, OK/Cancel, the service call, and errors where they belong.

A dialog binds its inputs to the field names the services use in ``ValidationError.field``
(``area``, ``owners[1].phone``…). Errors are then shown next to the field they name, or on the
table cell; a field's error appears once the clerk has left it, and every error when the clerk
presses OK. ``submit`` is the service call: a refusal keeps the dialog open with the reasons.
Control characters (NUL and the like, pasted from other programs) are refused here, in every
bound input of every dialog, before the dialog's own checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)

from estatedesk.domain.errors import (
    Caution,
    EstateDeskError,
    InputRejected,
    Problems,
    Unconfirmed,
    ValidationError,
)
from estatedesk.domain.text import check_text
from estatedesk.gui import labels
from estatedesk.gui.loader import find, load_dialog

ERROR_STYLE = "color: #c0392b;"
BAD_FIELD_STYLE = "border: 1px solid #c0392b;"
BAD_CELL = QBrush(QColor("#f8d7da"))


class KeepOpen:
    """What ``submit`` returns to keep the dialog open: work it started closes it when done."""


KEEP_OPEN = KeepOpen()


@dataclass
class _FieldBinding:
    widget: QWidget
    label: QLabel | None


@dataclass
class _TableBinding:
    table: QTableWidget
    columns: tuple[str, ...]
    label: QLabel
    who: str


def _keep_a_line(label: QLabel) -> None:
    """Keep an error label's line free while it is hidden, so that the inputs below do not jump."""
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)
    text = label.text()
    label.setText("错 Ag")  # one line of error as it will show: Chinese glyphs stand taller
    label.setMinimumHeight(label.sizeHint().height())
    label.setText(text)


TABLE_ROWS_SHOWN = 3


class FormDialog(QObject):
    """A dialog from ``ui/<ui_file>`` (which has a QDialogButtonBox named ``buttonBox``)."""

    ui_file: ClassVar[str]

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.dialog = load_dialog(self.ui_file, parent)
        self.buttons = find(self.dialog, QDialogButtonBox, "buttonBox")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.dialog.reject)
        self.result: Any = None
        self.confirmed: set[str] = set()  # keys of the cautions the clerk has said yes to
        self._fields: dict[str, _FieldBinding] = {}
        self._tables: dict[str, _TableBinding] = {}
        self._touched: set[str] = set()
        self._show_all = False

    # ------------------------------------------------------------ what a dialog declares

    def validate(self) -> list[ValidationError]:
        """Check what is typed, as the service will (live, while the clerk types): none by default."""
        return []

    def submit(self) -> Any:
        """Call the service with what is typed; its result becomes ``result``. Raise to refuse."""
        raise NotImplementedError

    # ------------------------------------------------------------ binding inputs to field names

    def bind_field(self, name: str, widget: QWidget, label: QLabel | None = None) -> None:
        """Show errors about field ``name`` on ``widget`` (a red frame) and in ``label`` if given."""
        if label is not None:
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            _keep_a_line(label)
            label.hide()
        self._fields[name] = _FieldBinding(widget, label)
        if isinstance(widget, QLineEdit):
            widget.setFixedHeight(widget.sizeHint().height())  # the red frame must not make it taller
            widget.editingFinished.connect(lambda: self.touch(name))
            widget.textEdited.connect(lambda _text: self.revalidate(name))

    def unbind_fields(self) -> None:
        """Forget the bound fields (a dialog that builds its inputs anew binds them again)."""
        self._fields.clear()

    def bind_table(
        self, prefix: str, table: QTableWidget, columns: tuple[str, ...], label: QLabel, who: str
    ) -> None:
        """Show errors about ``prefix[row].column`` on that cell, and as "who N: reason" in ``label``."""
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        _keep_a_line(label)
        label.hide()
        # Room for a few rows whatever the error lines beside it take (a third co-owner stays seen).
        rows = table.verticalHeader().defaultSectionSize() * TABLE_ROWS_SHOWN
        table.setMinimumHeight(rows + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth())
        self._tables[prefix] = _TableBinding(table, columns, label, who)
        table.itemChanged.connect(lambda item: self._cell_changed(prefix, item))

    def touch(self, name: str) -> None:
        """The clerk left field ``name``: from now on its errors show."""
        self._touched.add(name)
        self.show_errors(self.check())

    def revalidate(self, name: str | None = None) -> None:
        """Check again if errors are on show for ``name`` (None: for anything)."""
        if self._show_all or (name is not None and name in self._touched):
            self.show_errors(self.check())

    def check(self) -> list[ValidationError]:
        """Every error in what is typed: control characters first, then what ``validate`` finds."""
        refused = self.text_errors()
        fields = {error.field for error in refused}
        return refused + [error for error in self.validate() if error.field not in fields]

    def text_errors(self) -> list[ValidationError]:
        """A control character in any bound input or table cell, named by the input's label or column."""
        problems = Problems()
        for name, binding in self._fields.items():
            typed = _typed_text(binding.widget)
            if typed is not None:
                text, multiline = typed
                problems.attempt(check_text, text, name, multiline, _label_of(binding.widget) or name)
        for prefix, table_binding in self._tables.items():
            table = table_binding.table
            for column, key in enumerate(table_binding.columns):
                header = table.horizontalHeaderItem(column)
                title = header.text() if header is not None else key
                for row in range(table.rowCount()):
                    item = table.item(row, column)
                    if item is not None:
                        problems.attempt(check_text, item.text(), f"{prefix}[{row}].{key}", False, title)
        return problems

    def _cell_changed(self, prefix: str, item: QTableWidgetItem) -> None:
        name = f"{prefix}[{item.row()}]"
        self._touched.add(name)
        self.revalidate(name)

    def _visible(self, field: str) -> bool:
        return self._show_all or field in self._touched or field.split(".")[0] in self._touched

    # ------------------------------------------------------------ showing errors

    def show_errors(self, errors: list[ValidationError], reveal: bool = False) -> None:
        """Put each error next to the field or cell it names; clear the others.

        A field's errors show once the clerk has left it, or pressed OK; ``reveal`` shows every
        error now (problems the clerk did not type, such as a column missing from a file).
        """
        shown = [error for error in errors if reveal or self._visible(error.field)]
        for name, binding in self._fields.items():
            mine = [error for error in shown if error.field == name]
            text = labels.messages(mine)
            if binding.label is not None:
                binding.label.setText(text)
                binding.label.setVisible(bool(mine))
            else:
                binding.widget.setToolTip(text)
            binding.widget.setStyleSheet(BAD_FIELD_STYLE if mine else "")
        for prefix, table in self._tables.items():
            self._mark_table(prefix, table, shown)

    def _mark_table(self, prefix: str, binding: _TableBinding, errors: list[ValidationError]) -> None:
        table = binding.table
        table.blockSignals(True)
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")
        lines = []
        for error in errors:
            if not error.field.startswith(prefix + "["):
                continue
            row = int(error.field[len(prefix) + 1 : error.field.index("]")])
            name = error.field.split(".")[-1]
            text = labels.message(error)
            lines.append(
                self.tr("{who} {number}: {message}").format(who=binding.who, number=row + 1, message=text)
            )
            if name in binding.columns:
                item = table.item(row, binding.columns.index(name))
                if item is not None:
                    item.setBackground(BAD_CELL)
                    item.setToolTip(text)
        table.blockSignals(False)
        binding.label.setText("\n".join(lines))
        binding.label.setVisible(bool(lines))

    # ------------------------------------------------------------ OK, and running the dialog

    def accept(self) -> None:
        """Check, then call the service; on a refusal show why and keep the dialog open."""
        self._show_all = True
        errors = self.check()
        if errors:
            self._show_refusal(errors)
            return
        while True:
            try:
                result = self.submit()
            except Unconfirmed as asked:
                if self.ask_to_confirm(asked.cautions):
                    continue  # submit again: ``confirmed`` now holds what the clerk said yes to
                return
            except InputRejected as rejected:
                self._show_refusal(rejected.errors)
                return
            except EstateDeskError as error:
                QMessageBox.warning(self.dialog, self.dialog.windowTitle(), labels.message(error))
                return
            break
        if not isinstance(result, KeepOpen):
            self.done(result)

    def ask_to_confirm(self, cautions: list[Caution]) -> bool:
        """Ask the clerk about what the service saves only when confirmed; True (and noted) on Yes.

        ``submit`` passes ``confirmed`` (the keys said yes to) to its service. A caution asked
        about before is not asked again: the service refused it for another reason.
        """
        if all(caution.key in self.confirmed for caution in cautions):
            self._show_refusal(list(cautions))
            return False
        lines = "\n".join(f"• {labels.message(caution)}" for caution in cautions)
        text = "\n\n".join((self.tr("Please confirm before saving:"), lines, self.tr("Save all the same?")))
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            self.dialog, self.dialog.windowTitle(), text, buttons, QMessageBox.StandardButton.No
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.confirmed.update(caution.key for caution in cautions)
        return True

    def _show_refusal(self, errors: list[ValidationError]) -> None:
        """Show why OK was refused: by the fields, and in a box what no field of the dialog shows."""
        self.show_errors(errors)
        elsewhere = [error for error in errors if not self._shown_in_dialog(error.field)]
        if elsewhere:
            QMessageBox.warning(self.dialog, self.dialog.windowTitle(), labels.messages(elsewhere))

    def _shown_in_dialog(self, field: str) -> bool:
        """Whether the dialog says this field's error in words (a red frame alone does not say why)."""
        binding = self._fields.get(field)
        if binding is not None:
            return binding.label is not None
        return any(field.startswith(prefix + "[") for prefix in self._tables)

    def done(self, result: Any) -> None:
        """Close the dialog as accepted, keeping ``result`` (work started by ``submit`` calls this)."""
        self.result = result
        self.dialog.accept()

    def exec(self) -> bool:
        """Show the dialog modally; True when it was accepted."""
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        fit_to_screen(self.dialog)
        return self.dialog.exec() == QDialog.DialogCode.Accepted


def _typed_text(widget: QWidget) -> tuple[str, bool] | None:
    """What is typed in an input, and whether it may hold several lines; None for a box with no text."""
    if isinstance(widget, QLineEdit):
        return widget.text(), False
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText(), True
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.currentText(), False
    return None


def _label_of(widget: QWidget) -> str:
    """The text of the label that names an input: its buddy, or the label before it in its layout."""
    parent = widget.parentWidget()
    if parent is None:
        return ""
    label: QWidget | None = next((lb for lb in parent.findChildren(QLabel) if lb.buddy() is widget), None)
    if label is None:
        layout = next((lay for lay in parent.findChildren(QLayout) if lay.indexOf(widget) >= 0), None)
        if isinstance(layout, QFormLayout):
            label = layout.labelForField(widget)
        elif isinstance(layout, QGridLayout):
            position = layout.getItemPosition(layout.indexOf(widget))
            row, column = cast(tuple[int, int, int, int], position)[:2]
            item = layout.itemAtPosition(row, column - 1) if column > 0 else None
            label = item.widget() if item is not None else None
    if not isinstance(label, QLabel):
        return ""
    return label.text().replace("&", "").strip().rstrip(":：")


def fit_to_screen(dialog: QWidget) -> None:
    """Shrink a dialog drawn for a large screen to the one it opens on (a 1366×768 office PC).

    Only down to its minimum size, which its layout keeps; OK and Cancel then stay on screen.
    """
    screen = dialog.screen() if dialog.screen() is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return
    room = screen.availableGeometry().size() * 0.95
    size = dialog.size()
    if size.width() > room.width() or size.height() > room.height():
        dialog.resize(min(size.width(), room.width()), min(size.height(), room.height()))
