"""时限与节假日: the time limit of each repair category, and the office's holiday table.

The limits are saved together on OK (``repairs.save_limits``): a table of the categories, the
built-in ones named in the clerk's language, the office's own by the name it gave, each with how
its "done" limit is counted and, if it has one, its "on site" limit; then the emergency minutes
and the night cut-off. The key the command line names a category by is shown last, and only for
the office's own categories (a built-in one's is in its tooltip): the clerk reads names, not keys.
The holiday table is saved as it is edited (a day added, a file imported, a year removed): it is
the office's record of a published arrangement, not a draft. Enter in the day (or the year) adds
the day (shows the year): it does not press OK and close the dialog.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from estatedesk.domain.errors import (
    QT_TRANSLATE_NOOP,
    EstateDeskError,
    InputRejected,
    Problems,
    ValidationError,
)
from estatedesk.domain.repairs import Category, LimitKind, Limits, TimeLimit
from estatedesk.domain.workdays import library_knows
from estatedesk.gui import labels
from estatedesk.gui.dialogs.base import BAD_FIELD_STYLE, ERROR_STYLE, FormDialog
from estatedesk.gui.dialogs.files import choose_open_file
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import repair_register as present
from estatedesk.gui.presenters.common import MUTED
from estatedesk.gui.presenters.repairs import category_text
from estatedesk.services import repairs
from estatedesk.services.interchange.cells import parse_date_text
from estatedesk.services.repairs import CategoryLimits, Holidays, OrderFilter
from estatedesk.services.repairs.settings import MAX_MINUTES, MAX_WORKING_DAYS

KEY_RULE = QT_TRANSLATE_NOOP(
    "messages", "'{key}' cannot be a category's key: use lower-case letters, digits and hyphens"
)
PREFIX = "limits"
COLUMNS = ("name", "finish_kind", "finish", "arrive_kind", "arrive", "default", "key")
NAME, FINISH_KIND, FINISH, ARRIVE_KIND, ARRIVE, DEFAULT, KEY = range(len(COLUMNS))
ENTER_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter}
EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


@dataclass
class CategoryRow:
    """What a line of the limits table stands for: its key, and whether it is built in or already saved."""

    key: str  # '' for a category being added until its key is typed
    builtin: bool
    stored: bool  # saved before this dialog opened: its key is fixed (orders may carry it)


def _limit_problem(amount: int, kind: LimitKind | None, field: str) -> ValidationError | None:
    """An amount outside what the service takes, as the service words it."""
    high = MAX_MINUTES if kind is LimitKind.MINUTES else MAX_WORKING_DAYS
    if kind in (LimitKind.MINUTES, LimitKind.WORKING_DAYS) and not 1 <= amount <= high:
        return ValidationError(
            field,
            QT_TRANSLATE_NOOP("messages", "{value} is outside {low} to {high}"),
            value=amount,
            low=1,
            high=high,
        )
    return None


class RepairSettingsDialog(FormDialog):
    """The limits (saved on OK) and the holiday table (saved as edited); ``result`` is the limits saved."""

    ui_file = "repair_settings_dialog.ui"

    def __init__(self, parent: QWidget | None, names: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.tabs = find(ui, QTabWidget, "tabs")
        self.table = find(ui, QTableWidget, "limitTable")
        self.add_button = find(ui, QPushButton, "addCategoryButton")
        self.remove_button = find(ui, QPushButton, "removeCategoryButton")
        self.defaults_button = find(ui, QPushButton, "defaultsButton")
        self.emergency = find(ui, QLineEdit, "emergencyEdit")
        self.cutoff = find(ui, QLineEdit, "cutoffEdit")
        self.grace = find(ui, QLineEdit, "graceEdit")
        self.names = dict(names or {})
        self.rows: list[CategoryRow] = []
        self.removed: list[str] = []  # saved categories of the office's own taken out
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Category"),
                self.tr("Done within"),
                self.tr("Amount"),
                self.tr("On site within"),
                self.tr("Amount"),
                self.tr("Default"),
                self.tr("Key for the command line"),
            ]
        )
        key_header = self.table.horizontalHeaderItem(KEY)
        if key_header is not None:
            key_header.setToolTip(
                self.tr(
                    "How the command line (estatedesk repairs add --category …) names the office's own "
                    "categories; the window shows their names"
                )
            )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in zip(range(len(COLUMNS)), (185, 145, 55, 145, 55, 180, 120), strict=True):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.limit_error = find(ui, QLabel, "limitError")
        self._rows_touched: set[int] = set()  # lines the clerk edited: their errors show
        self._all_rows_shown = False  # OK was pressed: every line's errors show
        self.bind_table(PREFIX, self.table, COLUMNS, self.limit_error, self.tr("Category"))
        self.bind_field("emergency_minutes", self.emergency, find(ui, QLabel, "emergencyError"))
        self.bind_field("night_cutoff", self.cutoff, find(ui, QLabel, "cutoffError"))
        self.bind_field("night_grace_minutes", self.grace, find(ui, QLabel, "graceError"))
        self.fill(repairs.categories(), repairs.limits())
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.add_category)
        self.remove_button.clicked.connect(self.remove_category)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self._set_up_holidays()
        self._update_buttons()

    # ------------------------------------------------------------ the limits table

    def fill(self, categories: list[CategoryLimits], current: Limits) -> None:
        """Show every category with its limits, and the emergency and night settings."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.rows = []
        for category in categories:
            self._append(
                category.key, category.name, category.finish, category.arrive, category.builtin, True
            )
        self.table.blockSignals(False)
        self.emergency.setText(str(current.emergency_minutes))
        self.cutoff.setText(current.night_cutoff.strftime("%H:%M"))
        self.grace.setText(str(current.night_grace_minutes))

    def _append(
        self,
        key: str,
        name: str,
        finish: TimeLimit | None,
        arrive: TimeLimit | None,
        builtin: bool,
        stored: bool,
    ) -> int:
        blocked = self.table.blockSignals(True)  # the line is checked once it is whole
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.rows.append(CategoryRow(key, builtin, stored))
        shown = (self.names.get(key) or category_text(key, name)) if builtin else name
        name_item = QTableWidgetItem(shown)
        name_item.setFlags(READ_ONLY if builtin else EDITABLE)
        if not builtin:
            name_item.setToolTip(
                self.tr("The office's own category: its name as lists and documents show it")
            )
        self.table.setItem(row, NAME, name_item)
        # A built-in category's key is no concern of the clerk's: said in the tooltip, not shown.
        key_item = QTableWidgetItem("" if builtin else key)
        key_item.setFlags(EDITABLE if not stored else READ_ONLY)
        key_item.setForeground(Qt.GlobalColor.darkGray)
        key_item.setToolTip(
            self.tr("The command line names this category {key}").format(key=key)
            if builtin
            else self.tr("How the command line names the category: lower-case letters, digits and hyphens")
        )
        self.table.setItem(row, KEY, key_item)
        if builtin:
            name_item.setToolTip(self.tr("The command line names this category {key}").format(key=key))
        for kind_column, amount_column, limit in (
            (FINISH_KIND, FINISH, finish),
            (ARRIVE_KIND, ARRIVE, arrive),
        ):
            combo = QComboBox()
            combo.addItem(present.limit_kind_name(None), "")
            for kind in present.LIMIT_KINDS:
                combo.addItem(present.limit_kind_name(kind), kind.value)
            self.table.setItem(row, kind_column, QTableWidgetItem())
            self.table.setCellWidget(row, kind_column, combo)
            self.table.setItem(row, amount_column, QTableWidgetItem())
            self._set_limit(row, kind_column, limit)
            combo.currentIndexChanged.connect(
                lambda _index, combo=combo, column=kind_column: self._kind_changed(combo, column)
            )
        default = Limits()
        if builtin:
            text = present.default_text(
                default.finish.get(key), default.arrive.get(key), default.night_cutoff
            )
        else:
            text = self.tr("the office's own")
        default_item = QTableWidgetItem(text)
        default_item.setFlags(READ_ONLY)
        default_item.setForeground(Qt.GlobalColor.darkGray)
        self.table.setItem(row, DEFAULT, default_item)
        self.table.blockSignals(blocked)
        return row

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        """The item of a cell of the limits table (every cell has one)."""
        item = self.table.item(row, column)
        assert item is not None  # made with its line
        return item

    def _combo(self, row: int, column: int) -> QComboBox:
        combo = self.table.cellWidget(row, column)
        assert isinstance(combo, QComboBox)
        return combo

    def _set_limit(self, row: int, kind_column: int, limit: TimeLimit | None) -> None:
        combo = self._combo(row, kind_column)
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(limit.kind.value if limit is not None else ""))
        combo.blockSignals(False)
        amount = self.cell(row, kind_column + 1)
        kind = limit.kind if limit is not None else None
        blocked = self.table.blockSignals(True)
        amount.setText(str(limit.amount) if limit is not None and present.takes_amount(kind) else "")
        amount.setFlags(EDITABLE if present.takes_amount(kind) else READ_ONLY)
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.blockSignals(blocked)

    def _kind_changed(self, combo: QComboBox, column: int) -> None:
        row = next(
            (line for line in range(self.table.rowCount()) if self.table.cellWidget(line, column) is combo),
            None,
        )
        if row is None:
            return
        kind = self.kind_at(row, column)
        amount = self.cell(row, column + 1)
        blocked = self.table.blockSignals(True)
        amount.setFlags(EDITABLE if present.takes_amount(kind) else READ_ONLY)
        if not present.takes_amount(kind):
            amount.setText("")
        elif not amount.text().strip():
            amount.setText("30" if kind is LimitKind.MINUTES else "3")
        self.table.blockSignals(blocked)
        self._rows_touched.add(row)
        self.touch(f"{PREFIX}[{row}]")

    def kind_at(self, row: int, column: int) -> LimitKind | None:
        """How the limit in a kind column is counted (None: no such limit)."""
        data = self._combo(row, column).currentData()
        return LimitKind(str(data)) if data else None

    def set_kind(self, row: int, column: int, kind: LimitKind | None) -> None:
        """Choose how a limit is counted, as the clerk would in the list."""
        combo = self._combo(row, column)
        combo.setCurrentIndex(combo.findData(kind.value if kind is not None else ""))

    def row_of(self, key: str) -> int | None:
        """The line of the category ``key``."""
        return next(
            (row for row, info in enumerate(self.rows) if self._key(row) == key or info.key == key), None
        )

    def _key(self, row: int) -> str:
        info = self.rows[row]
        return info.key if info.builtin or info.stored else self.cell(row, KEY).text().strip()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        """A cell was edited: its line's errors show from now on; a new key follows its name in pinyin."""
        row = item.row()
        self._rows_touched.add(row)
        info = self.rows[row] if row < len(self.rows) else None
        if info is None or info.stored:
            return
        key_item = self.cell(row, KEY)
        if item.column() == KEY:
            key_item.setData(Qt.ItemDataRole.UserRole, False)  # typed by the clerk: it stays
        elif item.column() == NAME and (
            not key_item.text().strip() or key_item.data(Qt.ItemDataRole.UserRole)
        ):
            taken = [self._key(line) for line in range(self.table.rowCount()) if line != row]
            blocked = self.table.blockSignals(True)
            key_item.setText(present.suggested_key(item.text(), taken))
            key_item.setData(Qt.ItemDataRole.UserRole, True)  # suggested, not typed: it may change again
            self.table.blockSignals(blocked)
        self.revalidate(f"{PREFIX}[{row}]")

    # ------------------------------------------------------------ errors named by their category

    def accept(self) -> None:
        """Check and save; from now on every line's errors show."""
        self._all_rows_shown = True
        super().accept()

    def show_errors(self, errors: list[ValidationError], reveal: bool = False) -> None:
        """As every dialog shows them, but the table's lines are named by their category, not by number."""
        super().show_errors(errors, reveal)
        lines = []
        for error in errors:
            if not error.field.startswith(PREFIX + "["):
                continue
            row = int(error.field[len(PREFIX) + 1 : error.field.index("]")])
            if reveal or self._all_rows_shown or row in self._rows_touched:
                lines.append(
                    self.tr("{category}: {message}").format(
                        category=self.category_of(row), message=labels.message(error)
                    )
                )
        self.limit_error.setText("\n".join(lines))
        self.limit_error.setVisible(bool(lines))

    def category_of(self, row: int) -> str:
        """How a line is named in an error: its category's name, else its key, else "new category"."""
        if row >= self.table.rowCount():
            return ""
        return self.cell(row, NAME).text().strip() or self._key(row) or self.tr("new category")

    def _update_buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else None
        self.remove_button.setEnabled(row is not None and not self.rows[row].builtin)

    def add_category(self) -> int:
        """A new line for a category of the office's own: name it, give its limit; return its line."""
        row = self._append("", "", TimeLimit(LimitKind.WORKING_DAYS, 3), None, False, False)
        self.table.setCurrentCell(row, NAME)
        self.table.editItem(self.cell(row, NAME))
        return row

    def remove_category(self) -> None:
        """Take the selected category of the office's own out (one that orders have cannot go)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        info = self.rows[row]
        if info.builtin:
            return
        if info.stored and repairs.list_orders(OrderFilter(category=info.key, limit=1)):
            QMessageBox.warning(
                self.dialog,
                self.dialog.windowTitle(),
                self.tr("Orders have the category {name}: it cannot be removed.").format(
                    name=self.cell(row, NAME).text()
                ),
            )
            return
        if info.stored:
            self.removed.append(info.key)
        self.table.removeRow(row)
        del self.rows[row]
        self._rows_touched = {line - (line > row) for line in self._rows_touched if line != row}
        self.revalidate()
        self._update_buttons()

    def restore_defaults(self) -> None:
        """RULES.md §4's limits for the built-in categories, emergencies and the night; own ones stay."""
        default = Limits()
        for row, info in enumerate(self.rows):
            if info.builtin:
                self._set_limit(row, FINISH_KIND, default.finish.get(info.key))
                self._set_limit(row, ARRIVE_KIND, default.arrive.get(info.key))
        self.emergency.setText(str(default.emergency_minutes))
        self.cutoff.setText(default.night_cutoff.strftime("%H:%M"))
        self.grace.setText(str(default.night_grace_minutes))
        self.revalidate()

    # ------------------------------------------------------------ checking and saving the limits

    def typed_limits(self) -> tuple[Limits, dict[str, str], list[ValidationError]]:
        """The limits as typed, the names of the office's own categories, and what is wrong with them."""
        problems = Problems()
        finish: dict[str, TimeLimit] = {}
        arrive: dict[str, TimeLimit] = {}
        names: dict[str, str] = {}
        keys_seen: set[str] = set()
        for row, info in enumerate(self.rows):
            field = f"{PREFIX}[{row}]"
            key = self._key(row)
            if not info.builtin:
                name = self.cell(row, NAME).text().strip()
                if not name:
                    problems.append(
                        ValidationError(
                            f"{field}.name",
                            QT_TRANSLATE_NOOP("messages", "name the category {key}"),
                            key=key or "?",
                        )
                    )
                names[key] = name
                if not info.stored and not repairs.is_category_key(key):
                    problems.append(
                        ValidationError(
                            f"{field}.key",
                            KEY_RULE,
                            key=key,
                        )
                    )
                elif key in keys_seen or (not info.stored and key in set(Category)):
                    problems.append(
                        ValidationError(
                            f"{field}.key",
                            QT_TRANSLATE_NOOP("messages", "another category has the key {key}"),
                            key=key,
                        )
                    )
            keys_seen.add(key)
            limits_of = ((FINISH_KIND, FINISH, "finish", finish), (ARRIVE_KIND, ARRIVE, "arrive", arrive))
            for kind_column, amount_column, name_of, target in limits_of:
                kind = self.kind_at(row, kind_column)
                if kind is None:
                    continue
                amount = problems.attempt(
                    present.read_amount,
                    self.cell(row, amount_column).text(),
                    kind,
                    f"{field}.{name_of}",
                )
                if amount is None:
                    continue
                problem = _limit_problem(amount, kind, f"{field}.{name_of}")
                if problem is not None:
                    problems.append(problem)
                    continue
                target[Category(key) if info.builtin else key] = TimeLimit(kind, amount)
            if self.kind_at(row, FINISH_KIND) is None and self.kind_at(row, ARRIVE_KIND) is None:
                problems.append(
                    ValidationError(
                        f"{field}.finish",
                        QT_TRANSLATE_NOOP("messages", "the category {key} needs a time limit"),
                        key=key or "?",
                    )
                )
        emergency = problems.attempt(present.read_minutes, self.emergency.text(), "emergency_minutes")
        grace = problems.attempt(present.read_minutes, self.grace.text(), "night_grace_minutes")
        for value, field in ((emergency, "emergency_minutes"), (grace, "night_grace_minutes")):
            problem = _limit_problem(value, LimitKind.MINUTES, field) if value is not None else None
            if problem is not None:
                problems.append(problem)
        cutoff = problems.attempt(present.read_clock, self.cutoff.text(), "night_cutoff")
        limits = Limits(
            finish=finish,
            arrive=arrive,
            emergency_minutes=emergency or 1,
            night_cutoff=cutoff or time(22, 0),
            night_grace_minutes=grace or 1,
        )
        return limits, names, problems

    def validate(self) -> list[ValidationError]:
        """Every line's limits and names, as the service will check them."""
        return self.typed_limits()[2]

    def submit(self) -> Limits:
        """Save the limits (when they changed); every later order is given its deadlines by them."""
        limits, names, problems = self.typed_limits()
        if problems:
            raise InputRejected(problems)
        stored = {category.key: category.name for category in repairs.categories() if not category.builtin}
        if limits == repairs.limits() and names == stored and not self.removed:
            return limits
        try:
            repairs.save_limits(limits, names, self.removed)
        except InputRejected as refused:
            raise InputRejected([self._placed(error) for error in refused.errors]) from None
        return limits

    def _placed(self, error: ValidationError) -> ValidationError:
        """A refusal of the service put on the line it is about (it names categories by key)."""
        key = str(error.params.get("key", error.field))
        row = self.row_of(key)
        if row is None:
            return error
        column = {"name": "name", "key": "key"}.get(error.field, "finish")
        return ValidationError(f"{PREFIX}[{row}].{column}", error.template, **error.params)

    # ------------------------------------------------------------ the holiday table

    def _set_up_holidays(self) -> None:
        ui = self.dialog
        self.calendar_note = find(ui, QLabel, "calendarNote")
        self.year = find(ui, QSpinBox, "yearSpin")
        self.year_state = find(ui, QLabel, "yearState")
        self.day_table = find(ui, QTableWidget, "dayTable")
        self.day = find(ui, QLineEdit, "dayEdit")
        self.day_kind = find(ui, QComboBox, "dayKindCombo")
        self.add_day_button = find(ui, QPushButton, "addDayButton")
        self.remove_day_button = find(ui, QPushButton, "removeDayButton")
        self.import_button = find(ui, QPushButton, "importButton")
        self.remove_year_button = find(ui, QPushButton, "removeYearButton")
        self.day_error = find(ui, QLabel, "dayError")
        self.day_error.setStyleSheet(ERROR_STYLE)
        self.day_error.setWordWrap(True)
        self.day_error.hide()
        self.day_kind.addItem(present.DayLine(date.today(), False).kind, False)
        self.day_kind.addItem(present.DayLine(date.today(), True).kind, True)
        self.day_table.setColumnCount(3)
        self.day_table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Weekday"), self.tr("Day off or worked")]
        )
        self.day_table.verticalHeader().hide()
        self.day_table.verticalHeader().setDefaultSectionSize(24)
        self.day_table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((120, 80)):
            self.day_table.setColumnWidth(column, width)
        today = date.today()
        self.known = present.library_years(today.year)
        self.held: dict[int, Holidays] = {}
        self._read_years()
        entered = sorted(self.held)
        first_unknown = (self.known[1] + 1) if self.known else today.year
        self.year.setValue(entered[-1] if entered else max(first_unknown, today.year))
        self.year.valueChanged.connect(lambda _year: self._show_year())
        # Enter adds the day (shows the year) and is eaten: it must not also press OK.
        self.day.installEventFilter(self)
        self.year.installEventFilter(self)
        self.day.textEdited.connect(lambda _text: self._show_day_errors([]))
        self.add_day_button.clicked.connect(self.add_day)
        self.remove_day_button.clicked.connect(self.remove_days)
        self.import_button.clicked.connect(self.choose_import)
        self.remove_year_button.clicked.connect(self.remove_year)
        self.day_table.itemSelectionChanged.connect(self._update_day_buttons)
        self._show_year()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the day adds it; in the year, shows the year. Neither closes the dialog."""
        if (
            watched in (self.day, self.year)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
        ):
            if watched is self.day:
                self.add_day()
            else:
                self.year.interpretText()  # a year typed counts as it is, without Enter's default action
            return True
        return super().eventFilter(watched, event)

    def _read_years(self) -> None:
        self.held = {held.year: held for held in repairs.office_years()}
        self.calendar_note.setText(present.calendar_note(self.known, sorted(self.held)))

    def _show_year(self) -> None:
        year = self.year.value()
        held = self.held.get(year)
        known = library_knows(year)
        self.year_state.setText(present.year_text(year, held, known))
        self.year_state.setStyleSheet(f"color: {MUTED};" if known or held else "color: #b9770e;")
        lines = present.day_lines(held)
        self.day_table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((line.day.isoformat(), present.weekday_name(line.day), line.kind)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, line.day.isoformat())
                # A day off in red, as on a wall calendar; a working weekend day in the usual colour.
                if not line.working:
                    item.setForeground(QColor(present.RED))
                self.day_table.setItem(row, column, item)
        self.day.setEnabled(not known)
        self.day_kind.setEnabled(not known)
        self.add_day_button.setEnabled(not known)
        self.remove_year_button.setEnabled(held is not None)
        if not self.day.text().strip() or not self.day.text().startswith(str(year)):
            self.day.setText(f"{year}-")
        self._show_day_errors([])
        self._update_day_buttons()

    def _update_day_buttons(self) -> None:
        self.remove_day_button.setEnabled(bool(self.day_table.selectionModel().selectedRows()))

    def _show_day_errors(self, errors: list[ValidationError]) -> None:
        self.day_error.setText(labels.messages(errors))
        self.day_error.setVisible(bool(errors))
        self.day.setStyleSheet(BAD_FIELD_STYLE if errors else "")

    def _save_year(self, held: Holidays) -> bool:
        try:
            repairs.save_holidays(held)
        except InputRejected as refused:
            self._show_day_errors(refused.errors)
            return False
        except EstateDeskError as error:
            QMessageBox.warning(self.dialog, self.dialog.windowTitle(), labels.message(error))
            return False
        self._read_years()
        self._show_year()
        return True

    def add_day(self) -> bool:
        """Enter the day typed as a holiday or a working day of the year chosen; saved at once."""
        year = self.year.value()
        try:
            day = parse_date_text(self.day.text(), "day")
            if day is None:
                raise ValidationError(
                    "day",
                    QT_TRANSLATE_NOOP("messages", "'{value}' is not a date such as 2025-03-01"),
                    value="",
                )
            if day.year != year:
                raise ValidationError(
                    "day",
                    QT_TRANSLATE_NOOP("messages", "{day} is not in {year}"),
                    day=day.isoformat(),
                    year=year,
                )
        except ValidationError as error:
            self._show_day_errors([error])
            return False
        working = bool(self.day_kind.currentData())
        if self._save_year(present.with_day(self.held.get(year), year, day, working)):
            self.day.setText(f"{year}-")
            self.day.setFocus()
            return True
        return False

    def remove_days(self) -> None:
        """Take the days selected out of the year's table; saved at once."""
        held = self.held.get(self.year.value())
        rows = self.day_table.selectionModel().selectedRows()
        if held is None or not rows:
            return
        days = [date.fromisoformat(self.day_table.model().index(index.row(), 0).data()) for index in rows]
        self._save_year(present.without_days(held, days))

    def remove_year(self) -> None:
        """Forget the office's table of the year chosen (it counts weekends only again), once confirmed."""
        year = self.year.value()
        if year not in self.held:
            return
        answer = QMessageBox.question(
            self.dialog,
            self.dialog.windowTitle(),
            self.tr(
                "Remove the office's holiday table of {year}? Orders received in {year} from now on count "
                "weekends only, and say so; orders already received keep their deadlines."
            ).format(year=year),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            repairs.remove_holidays(year)
        except EstateDeskError as error:
            QMessageBox.warning(self.dialog, self.dialog.windowTitle(), labels.message(error))
        self._read_years()
        self._show_year()

    def choose_import(self) -> None:
        """Ask for a CSV or Excel file of days, and import it."""
        path = choose_open_file(
            self.dialog,
            "import",
            self.tr("Import holidays"),
            self.tr("Tables (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if path is not None:
            self.import_file(path)

    def import_file(self, path: Path) -> list[Holidays]:
        """Enter every year the file lists (each replaces what was entered for it) and say what was read."""
        title = self.tr("Import holidays")
        try:
            years = repairs.import_holidays(path)
        except InputRejected as refused:
            QMessageBox.warning(
                self.dialog,
                title,
                self.tr("Nothing was imported from {name}:").format(name=path.name)
                + "\n"
                + labels.messages(refused.errors),
            )
            return []
        except EstateDeskError as error:
            QMessageBox.warning(self.dialog, title, labels.message(error))
            return []
        self._read_years()
        if years:
            self.year.setValue(years[-1].year)
        self._show_year()
        QMessageBox.information(
            self.dialog,
            title,
            "\n".join(present.year_text(held.year, held, False) for held in years),
        )
        return years
