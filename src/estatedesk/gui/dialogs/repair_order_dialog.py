"""A new repair order (登记报修), from the keyboard: the room, the category, what is wrong, Ctrl+Enter.

The room is found as at the fee counter (its code, an owner's name or pinyin initials) and is
the reporter's room, and the place unless a common part is chosen; any common part may name its
building and unit (a stairwell must). No category is chosen until the clerk chooses one: a default
would be saved unseen. The deadlines the order will get are shown as the category and urgency are
chosen, with the calendar's caveat. A received time in the future is asked about (the service's
caution); photos are checked as they are added and again before saving, and kept with the order
once it is made. The service refuses bad input field by field; each refusal shows under its field.

Enter in a one-line input goes on to the next one, as Tab does: only Ctrl+Enter saves, as the form
says. Tab leaves the received time at once instead of going through its five parts.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QImageReader, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError, InputRejected, ValidationError
from estatedesk.domain.households import typed_room_code
from estatedesk.domain.repairs import Category, Channel, OrderKind, PlaceKind, Urgency, deadlines, format_time
from estatedesk.gui import labels
from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.gui.presenters import repairs as present
from estatedesk.gui.presenters.common import place_text
from estatedesk.gui.widgets.room_picker import ENTER_KEYS, RoomPicker
from estatedesk.services import households, repairs
from estatedesk.services.households import RoomRow
from estatedesk.services.repairs import OrderCreated, OrderInput

PHOTOS = "photos"  # the file chooser's purpose: it opens where photos were last taken from
# What the program can read (no HEIC: Qt and Pillow read it only with plug-ins the bundle lacks).
PHOTO_FILTER = QT_TRANSLATE_NOOP(
    "RepairOrderDialog", "Pictures (*.jpg *.jpeg *.png *.bmp *.webp);;All files (*)"
)
COMPLAINT_CATEGORIES = {Category.NOISE_SMELL.value, Category.COMPLAINT.value}
# The places that may name a building (and unit): every common part; a stairwell must.
OF_A_BUILDING = frozenset(PlaceKind) - {PlaceKind.ROOM, PlaceKind.FACILITY}


class Reporter:
    """Who called: the room's household, someone named (not of a room, or not saying), or anonymous."""

    ROOM = "room"
    OTHER = "other"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class IntakeResult:
    """The order made, and what could not be said of its photos (a file that is no picture)."""

    created: OrderCreated
    photo_problems: tuple[str, ...] = ()


def to_qt(moment: datetime) -> QDateTime:
    """A wall-clock time for a QDateTimeEdit."""
    return QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))


def from_qt(edit: QDateTimeEdit) -> datetime:
    """The wall-clock time a QDateTimeEdit holds, to the minute."""
    value = edit.dateTime()
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())


class _OneTabStop(QObject):
    """Tab (Shift+Tab) leaves a date-and-time box at once, instead of stepping through its parts."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Before Qt handles Tab, put the box on its last part (first, for Shift+Tab): Tab then leaves it."""
        edit = self.parent()
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(edit, QDateTimeEdit)
        ):
            backwards = event.key() == Qt.Key.Key_Backtab or (
                event.key() == Qt.Key.Key_Tab and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            if backwards:
                edit.setCurrentSectionIndex(0)
            elif event.key() == Qt.Key.Key_Tab:
                edit.setCurrentSectionIndex(edit.sectionCount() - 1)
        return False


def one_tab_stop(edit: QDateTimeEdit) -> None:
    """Make a date-and-time box one stop of the Tab order (its parts are typed, or moved with arrows)."""
    stop = _OneTabStop(edit)
    edit.installEventFilter(stop)
    inner = edit.findChild(QLineEdit)  # the box's own line, which has the focus while typing
    if inner is not None:
        inner.installEventFilter(stop)


def is_picture(path: Path) -> bool:
    """Whether ``path`` is a picture the program can read (by its content, not by its name)."""
    return QImageReader(str(path)).canRead()


def keep_photos(
    paths: Sequence[Path], add: Callable[[bytes, str], object], unreadable: str
) -> tuple[str, ...]:
    """Keep each photo of a record just saved (``add(data, name)``); what could not be kept, in words.

    The record stands whatever happens to its photos: each one refused is said, not raised.
    ``unreadable`` is the form's own words for a file it cannot read (``{name}``, ``{reason}``).
    """
    problems: list[str] = []
    for path in paths:
        try:
            add(path.read_bytes(), path.name)
        except OSError as error:
            problems.append(unreadable.format(name=path.name, reason=error.strerror))
        except InputRejected as rejected:
            problems.append(labels.messages(rejected.errors))
        except EstateDeskError as error:
            problems.append(labels.message(error))
    return tuple(problems)


class RepairOrderDialog(FormDialog):
    """The intake form; ``result`` is an ``IntakeResult`` once the order is made."""

    ui_file = "repair_order_dialog.ui"

    def __init__(self, parent: QWidget | None, now: datetime, category_names: dict[str, str]) -> None:
        super().__init__(parent)
        ui = self.dialog
        self.now = now
        self.picker = RoomPicker(ui)
        pane = find(ui, QWidget, "pickerPane").layout()
        assert isinstance(pane, QVBoxLayout)
        pane.insertWidget(2, self.picker, 1)  # under its label and error, above the room chosen
        find(ui, QLabel, "findLabel").setBuddy(self.picker.search)
        self.picker.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Down and Up from the search line
        self.room_chosen = find(ui, QLabel, "roomChosen")
        self.place = find(ui, QComboBox, "placeCombo")
        self.place_text = find(ui, QLineEdit, "placeTextEdit")
        self.building = find(ui, QComboBox, "buildingCombo")
        self.unit = find(ui, QComboBox, "unitCombo")
        self.facility = find(ui, QComboBox, "facilityCombo")
        self.category = find(ui, QComboBox, "categoryCombo")
        self.emergency = find(ui, QCheckBox, "emergencyCheck")
        self.due_label = find(ui, QLabel, "dueLabel")
        self.description = find(ui, QPlainTextEdit, "descriptionEdit")
        self.reporter = find(ui, QComboBox, "reporterCombo")
        self.name = find(ui, QLineEdit, "nameEdit")
        self.phone = find(ui, QLineEdit, "phoneEdit")
        self.received = find(ui, QDateTimeEdit, "receivedEdit")
        self.channel = find(ui, QComboBox, "channelCombo")
        self.kind = find(ui, QComboBox, "kindCombo")
        self.photo_list = find(ui, QListWidget, "photoList")
        self.add_photo_button = find(ui, QPushButton, "addPhotoButton")
        self.remove_photo_button = find(ui, QPushButton, "removePhotoButton")
        self.photos: list[Path] = []
        self._building_auto = False  # the building was filled in from the caller's room, not chosen
        self._room: RoomRow | None = None  # the caller's room, as chosen in the picker
        for name, widget in (
            ("room", self.picker.search),
            ("place", self.place),
            ("place_text", self.place_text),
            ("building", self.building),
            ("unit", self.unit),
            ("facility", self.facility),
            ("category", self.category),
            ("description", self.description),
            ("reporter", self.reporter),
            ("name", self.name),
            ("phone", self.phone),
            ("received", self.received),
            ("photos", self.photo_list),
        ):
            error_name = {"place_text": "placeTextError", "name": "nameError"}.get(name, f"{name}Error")
            self.bind_field(name, widget, find(ui, QLabel, error_name))
        self._fill_choices(category_names)
        self.received.setDateTime(to_qt(now))
        self._kind_chosen = False  # the clerk chose the kind: the category no longer sets it
        self._calendar = repairs.work_calendar()
        self._limits = repairs.limits()
        QWidget.setTabOrder(self.picker.search, self.place)
        one_tab_stop(self.received)
        ui.installEventFilter(self)  # Enter that no input took goes on to the next input
        self.picker.room_chosen.connect(self._room_chosen)
        self.picker.search.textEdited.connect(lambda _text: self._room_typed())
        self.place.currentIndexChanged.connect(lambda _index: self._place_changed())
        self.building.currentIndexChanged.connect(lambda _index: self._fill_units())
        self.building.activated.connect(lambda _index: setattr(self, "_building_auto", False))
        self.category.currentIndexChanged.connect(lambda _index: self._category_changed())
        self.emergency.toggled.connect(lambda _checked: self._show_due())
        self.received.dateTimeChanged.connect(lambda _value: self._show_due())
        self.reporter.currentIndexChanged.connect(lambda _index: self._reporter_changed())
        self.kind.activated.connect(lambda _index: setattr(self, "_kind_chosen", True))
        self.description.textChanged.connect(lambda: self.revalidate("description"))
        self.add_photo_button.clicked.connect(self.choose_photos)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        save = QShortcut(QKeySequence("Ctrl+Return"), ui)
        save.activated.connect(self.accept)
        save_keypad = QShortcut(QKeySequence("Ctrl+Enter"), ui)
        save_keypad.activated.connect(self.accept)
        self._place_changed()
        self._reporter_changed()
        self._category_changed()
        self.picker.search.setFocus()

    # ------------------------------------------------------------ choices

    def _fill_choices(self, category_names: dict[str, str]) -> None:
        self.picker.read()
        for kind in PlaceKind:
            self.place.addItem(present.place_kind_text(kind), kind.value)
        self._buildings = households.building_tree()
        self.building.addItem(self.tr("(not given)"), "")
        for building, _units in self._buildings:
            self.building.addItem(place_text(building), building)
        self._fill_units()
        facilities = repairs.list_facilities()
        for facility in facilities:
            where = f"（{facility.location}）" if facility.location else ""
            self.facility.addItem(f"{facility.name}{where}", facility.facility_id)
        if not facilities:
            self.place.removeItem(self.place.findData(PlaceKind.FACILITY.value))
        names = category_names or {
            category.key: present.category_text(category.key, category.name)
            for category in repairs.categories()
        }
        for key, name in names.items():
            self.category.addItem(name, key)
        # Nothing chosen until the clerk chooses: a default would be saved unseen.
        self.category.setPlaceholderText(self.tr("Choose the category"))
        self.category.setCurrentIndex(-1)
        self.reporter.addItem(self.tr("The room's household"), Reporter.ROOM)
        self.reporter.addItem(self.tr("Someone named (not of the room)"), Reporter.OTHER)
        self.reporter.addItem(self.tr("Anonymous"), Reporter.ANONYMOUS)
        for channel in Channel:
            self.channel.addItem(present.channel_text(channel), channel.value)
        for order_kind in OrderKind:
            self.kind.addItem(present.kind_text(order_kind), order_kind.value)

    def _fill_units(self) -> None:
        chosen = self.building.currentData()
        units = next((units for name, units in self._buildings if name == chosen), [])
        self.unit.clear()
        self.unit.addItem(self.tr("(whole building)"), "")
        for unit in units:
            if unit:
                self.unit.addItem(place_text(str(chosen), unit), unit)
        self.unit.setEnabled(bool(chosen))

    # ------------------------------------------------------------ reacting to choices

    def _room_chosen(self, room: RoomRow) -> None:
        self.picker.search.blockSignals(True)
        self.picker.search.setText(room.code)  # what is sent is what is seen
        self.picker.search.blockSignals(False)
        self.room_chosen.setText(f"<b>{room.code}</b> {room.owners}")
        self._room = room
        if self.place_kind() is PlaceKind.STAIRWELL:
            self._building_of_room()
        self.touch("room")
        self.place.setFocus(Qt.FocusReason.TabFocusReason)

    def _building_of_room(self) -> None:
        """A stairwell is the caller's own unless the clerk chose another: fill in the caller's building."""
        room = self._room
        if room is None or not (self._building_auto or not self.building.currentData()):
            return
        building = self.building.findData(room.building)
        if building >= 0:
            self.building.setCurrentIndex(building)
            self.unit.setCurrentIndex(max(self.unit.findData(room.unit), 0))
            self._building_auto = True

    def _room_typed(self) -> None:
        chosen = self.picker.chosen()
        if chosen is not None and self.picker.search.text().strip() != chosen.code:
            self.room_chosen.clear()
            self._room = None

    def place_kind(self) -> PlaceKind:
        """Where the work is, as chosen."""
        return PlaceKind(self.place.currentData())

    def _place_changed(self) -> None:
        kind = self.place_kind()
        rows = {
            "building": (
                kind in OF_A_BUILDING,
                ("buildingLabel", "buildingCombo", "unitLabel", "unitCombo"),
                ("buildingError", "unitError"),
            ),
            "facility": (kind is PlaceKind.FACILITY, ("facilityLabel", "facilityCombo"), ("facilityError",)),
        }
        for shown, names, errors in rows.values():
            for name in names:
                find(self.dialog, QWidget, name).setVisible(shown)
            for name in errors:
                # A row not shown keeps no line for its error: the inputs below move up.
                label = find(self.dialog, QLabel, name)
                policy = label.sizePolicy()
                policy.setRetainSizeWhenHidden(shown)
                label.setSizePolicy(policy)
        if kind is PlaceKind.STAIRWELL:
            self._building_of_room()
        elif self._building_auto:  # the caller's building was only the stairwell's guess: not a roof's
            self.building.setCurrentIndex(0)
            self._building_auto = False
        self.revalidate()

    def _category_changed(self) -> None:
        key = self.category.currentData()
        if not self._kind_chosen and key is not None:
            kind = (
                OrderKind.COMPLAINT
                if key in COMPLAINT_CATEGORIES
                else OrderKind.ENQUIRY
                if key == Category.ENQUIRY.value
                else OrderKind.REPAIR
            )
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self._show_due()

    def _reporter_changed(self) -> None:
        anonymous = self.reporter.currentData() == Reporter.ANONYMOUS
        for widget in (self.name, self.phone):
            widget.setEnabled(not anonymous)
        self.revalidate()

    def _show_due(self) -> None:
        """The deadlines the order will get, as the category, urgency and time are chosen."""
        key = self.category.currentData()
        if key is None:
            self.due_label.clear()
            return
        urgency = Urgency.EMERGENCY if self.emergency.isChecked() else Urgency.NORMAL
        due = deadlines(from_qt(self.received), str(key), urgency, self._calendar, self._limits)
        parts = []
        if due.arrive is not None:
            parts.append(present.arrive_by_text(due.arrive))
        if due.finish is not None:
            parts.append(present.finish_by_text(due.finish))
        text = html.escape(" · ".join(parts) or present.no_limit_text())
        caveat = present.calendar_caveat(due.calendar)
        if caveat:
            text += f"<br><span style='color:{present.DUE_TODAY_COLOUR}'>{html.escape(caveat)}</span>"
        self.due_label.setText(text)

    # ------------------------------------------------------------ photos

    def choose_photos(self) -> None:
        """Add pictures to keep with the order (from a phone's folder, a USB stick…)."""
        start = prefs.last_folder(PHOTOS)
        chosen, _ = QFileDialog.getOpenFileNames(
            self.dialog, self.tr("Add photos"), str(start), self.tr(PHOTO_FILTER)
        )
        if chosen:
            prefs.remember_folder(PHOTOS, Path(chosen[0]).parent)
        self.choose_photos_from(chosen)

    def choose_photos_from(self, chosen: list[str]) -> list[str]:
        """Add the files chosen; what is no picture, or is on the list already, is said and left out."""
        problems = [problem for problem in (self.add_photo_file(Path(name)) for name in chosen) if problem]
        if problems:
            QMessageBox.warning(self.dialog, self.tr("Add photos"), "\n".join(problems))
        return problems

    def add_photo_file(self, path: Path) -> str:
        """Add one picture to the list of those to keep with the order; else say why not ('' if added)."""
        if any(path.resolve() == kept.resolve() for kept in self.photos):
            return self.tr("{name} is on the list already").format(name=path.name)
        if not is_picture(path):
            return self.tr("{name} is not a picture the program can read").format(name=path.name)
        self.photos.append(path)
        self.photo_list.addItem(QListWidgetItem(path.name))
        self.revalidate("photos")
        return ""

    def remove_photo(self) -> None:
        """Take the chosen picture off the list."""
        row = self.photo_list.currentRow()
        if 0 <= row < len(self.photos):
            del self.photos[row]
            self.photo_list.takeItem(row)
            self.revalidate("photos")

    # ------------------------------------------------------------ checking and saving

    def room_code(self) -> str:
        """The room: the one chosen in the list, else the code typed (the service names an unknown one)."""
        typed = self.picker.search.text().strip()
        chosen = self.picker.chosen()
        if chosen is not None and typed == chosen.code:
            return chosen.code
        if not typed:
            return ""
        return typed_room_code(typed) or typed

    def validate(self) -> list[ValidationError]:
        """What the form knows before the service: a category, a description, a room, a caller, photos."""
        errors = []
        if self.category.currentIndex() < 0:
            errors.append(ValidationError("category", QT_TRANSLATE_NOOP("messages", "choose the category")))
        if not self.description.toPlainText().strip():
            errors.append(
                ValidationError(
                    "description",
                    QT_TRANSLATE_NOOP("messages", "say what is wrong: the description is empty"),
                )
            )
        reporter = self.reporter.currentData()
        if not self.room_code():
            if self.place_kind() is PlaceKind.ROOM:
                errors.append(
                    ValidationError("room", QT_TRANSLATE_NOOP("messages", "choose the room the work is in"))
                )
            elif reporter == Reporter.ROOM:
                errors.append(
                    ValidationError(
                        "room",
                        QT_TRANSLATE_NOOP("messages", "choose the caller's room, or say who called"),
                    )
                )
        if reporter == Reporter.OTHER and not (self.name.text().strip() or self.phone.text().strip()):
            errors.append(
                ValidationError("name", QT_TRANSLATE_NOOP("messages", "give the caller's name or phone"))
            )
        if (
            self.place_kind() is PlaceKind.OTHER
            and not self.place_text.text().strip()
            and not self.room_code()
        ):
            errors.append(
                ValidationError("place_text", QT_TRANSLATE_NOOP("messages", "say where the work is"))
            )
        if (
            self.place_kind() is PlaceKind.STAIRWELL
            and not self.building.currentData()
            and not self.room_code()
        ):
            errors.append(
                ValidationError("building", QT_TRANSLATE_NOOP("messages", "choose the stairwell's building"))
            )
        # Checked again before saving: a file may have gone (a USB stick taken out) since it was added.
        unreadable = [path.name for path in self.photos if not is_picture(path)]
        if unreadable:
            errors.append(
                ValidationError(
                    "photos",
                    QT_TRANSLATE_NOOP("messages", "not a picture that can be read: {names}"),
                    names="、".join(unreadable),
                )
            )
        return errors

    def order_input(self) -> OrderInput:
        """The order as typed, for the service."""
        kind = self.place_kind()
        reporter = self.reporter.currentData()
        room = self.room_code()
        if reporter != Reporter.ROOM and kind is not PlaceKind.ROOM:
            room = ""  # the caller is not of a room: the common part alone is the place
        of_a_building = kind in OF_A_BUILDING
        facility = self.facility.currentData() if kind is PlaceKind.FACILITY else None
        return OrderInput(
            received=format_time(from_qt(self.received)),
            category=str(self.category.currentData() or ""),
            description=self.description.toPlainText(),
            kind=str(self.kind.currentData()),
            urgency=(Urgency.EMERGENCY if self.emergency.isChecked() else Urgency.NORMAL).value,
            channel=str(self.channel.currentData()),
            room=room,
            reporter_name="" if reporter == Reporter.ANONYMOUS else self.name.text(),
            reporter_phone="" if reporter == Reporter.ANONYMOUS else self.phone.text(),
            place_kind=kind.value,
            place_text=self.place_text.text(),
            building=str(self.building.currentData() or "") if of_a_building else "",
            unit=str(self.unit.currentData() or "") if of_a_building and self.building.currentData() else "",
            facility_id=int(facility) if facility is not None else None,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter that no input took (a one-line input, a list, a box) goes on to the next input, as Tab does.

        Only Ctrl+Enter saves (the form says so): a clerk pressing Enter after the caller's name
        would otherwise save an order half typed.
        """
        if watched is self.dialog and event.type() == QEvent.Type.Show:
            # The button box makes Save the default button as it is shown (framed: "Enter saves").
            for button in self.buttons.buttons():
                if isinstance(button, QPushButton):
                    button.setDefault(False)
            return False
        if (
            watched is self.dialog
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            focus = QApplication.focusWidget()
            if focus is not None and self.dialog.isAncestorOf(focus):
                tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
                QApplication.sendEvent(focus, tab)
            return True
        return super().eventFilter(watched, event)

    def submit(self) -> IntakeResult:
        """Open the order (a time in the future asked about first), then keep its photos."""
        created = repairs.add_order(self.order_input(), confirmed=self.confirmed)
        problems = keep_photos(
            self.photos,
            lambda data, name: repairs.add_photo(created.order_id, data, name),
            self.tr("{name} could not be read: {reason}"),
        )
        return IntakeResult(created, problems)
