"""The main window: File menu (new, open, recent, backup, restore), the tabs and the status bar.

The window holds the open estate and the list of tabs. It tells every tab when an estate is
opened or replaced and when a service reports changed records; it knows nothing of what is
inside a tab.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStatusBar,
    QTabWidget,
    QVBoxLayout,
)

from estatedesk import __version__
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.gui import labels
from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs.files import choose_folder, choose_open_file, choose_save_file
from estatedesk.gui.errors import report_error
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find, load_ui
from estatedesk.gui.tabs.base import Tab, TabHost, TabSpec
from estatedesk.gui.worker import run_and_report, wait_for_running
from estatedesk.paths import data_dir, default_database, log_file
from estatedesk.services import changes
from estatedesk.services import estate as estates
from estatedesk.services.changes import Records
from estatedesk.services.estate import Estate

# The second filter's name is translated where it is used (file_filter).
FILE_FILTER = "EstateDesk (*.sqlite3 *.sqlite *.db);;{all} (*)"
DEMO_HOUSEHOLDS = 300
FOLD_AFTER_MS = 2000  # the quiet moment after a change, before the journal is folded into the file

# The tabs, in order. A tab's module is imported, and the tab built, when it is first shown.
TABS: tuple[TabSpec, ...] = (
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Households"),
        "fa5s.home",
        "estatedesk.gui.tabs.households",
        "HouseholdsTab",
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Repair log"),
        "fa5s.tools",
        "estatedesk.gui.tabs.repairs",
        "RepairsTab",
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Fee ledger"),
        "fa5s.yen-sign",
        "estatedesk.gui.tabs.fees",
        "FeesTab",
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Cleaning schedule"),
        "fa5s.broom",
        "estatedesk.gui.tabs.cleaning",
        "CleaningTab",
    ),
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Votes and elections"),
        "fa5s.vote-yea",
        "estatedesk.gui.tabs.votes",
        "VotesTab",
    ),
)
T = TypeVar("T", bound=Tab)


class MainWindow(QMainWindow):
    """EstateDesk's one window; it holds the open estate file."""

    # Services report committed changes on whatever thread wrote them; this signal brings
    # them to the GUI thread (queued when they come from a worker).
    records_changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.estate: Estate | None = None
        self.open_refusal: EstateDeskError | None = None  # why the last open_file refused, if it did
        self.check_box: QMessageBox | None = None  # the last check's answer, while it is shown
        form = load_ui("main_window.ui")
        assert isinstance(form, QMainWindow)
        # The .ui describes a whole QMainWindow; adopt its parts so this class stays the window.
        self.setMenuBar(form.menuBar())
        central = form.centralWidget()
        assert central is not None  # ui/main_window.ui always has one
        self.setCentralWidget(central)
        self.setStatusBar(find(form, QStatusBar, "statusBar"))
        self._form = form
        self.setWindowTitle(form.windowTitle())
        self.resize(form.size())
        self.setMinimumSize(QSize(900, 560))
        self.tabs = find(self, QTabWidget, "tabs")
        self.read_only_banner, self.read_only_label, self.banner_restore = self._make_banner()
        central_layout = central.layout()
        assert isinstance(central_layout, QVBoxLayout)  # ui/main_window.ui's centralLayout
        central_layout.insertWidget(0, self.read_only_banner)
        self.ui_actions: dict[str, QAction] = {
            action.objectName(): action for action in form.findChildren(QAction) if action.objectName()
        }
        self.recent_menu = find(self, QMenu, "menuRecent")
        tools = find(self, QMenu, "menuTools")
        self.building_action = QAction(icon("fa5s.building"), self.tr("Add a &building…"), self)
        settings_action = self.ui_actions["actionSettings"]
        tools.insertAction(settings_action, self.building_action)
        tools.insertSeparator(settings_action)
        self.building_action.triggered.connect(self.add_building)
        self._connect_actions()
        self.tab_host = TabHost(self.tabs, TABS)
        self.estate_label = QLabel()
        self.file_label = QLabel()
        self.count_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = self.statusBar()
        status.addWidget(self.estate_label)
        status.addWidget(self.file_label, 1)
        status.addPermanentWidget(self.count_label)
        self._fill_recent()
        self._restore_layout()
        self.tab_host.status_changed.connect(self.update_status)
        self.records_changed.connect(self._records_changed)
        # A commit made while this thread was reading can wait in the -wal journal; a quiet
        # moment after the last change folds it into the file, so the .sqlite3 file alone (a
        # copy to a USB stick) holds every committed change while the program is idle.
        self.fold_timer = QTimer(self)
        self.fold_timer.setSingleShot(True)
        self.fold_timer.setInterval(FOLD_AFTER_MS)
        self.fold_timer.timeout.connect(self._fold_journal)
        self._stop_listening = changes.listen(self.records_changed.emit)
        self.destroyed.connect(self._stop_listening)

    def _make_banner(self) -> tuple[QFrame, QLabel, QPushButton]:
        """The bar above the tabs that says the file is open read-only, and why."""
        banner = QFrame(self)
        banner.setObjectName("readOnlyBanner")
        banner.setStyleSheet(
            "#readOnlyBanner { background: #fff4ce; border: 1px solid #e0c060; border-radius: 3px; }"
        )
        label = QLabel(banner)
        label.setWordWrap(True)
        restore = QPushButton(icon("fa5s.history"), self.tr("Restore from backup…"), banner)
        restore.clicked.connect(self.restore)
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 4, 8, 4)
        lock = QLabel(banner)
        lock.setPixmap(icon("fa5s.lock").pixmap(16, 16))
        row.addWidget(lock)
        row.addWidget(label, 1)
        row.addWidget(restore)
        banner.hide()
        return banner, label, restore

    def _connect_actions(self) -> None:
        icons = {
            "actionNewEstate": "fa5s.file",
            "actionOpen": "fa5s.folder-open",
            "actionBackup": "fa5s.save",
            "actionRestore": "fa5s.history",
            "actionCheck": "fa5s.check-circle",
            "actionQuit": "fa5s.sign-out-alt",
            "actionSettings": "fa5s.cog",
            "actionAbout": "fa5s.info-circle",
            "actionOpenDataFolder": "fa5s.folder",
        }
        for name, icon_name in icons.items():
            self.ui_actions[name].setIcon(icon(icon_name))
        self.ui_actions["actionNewEstate"].triggered.connect(self.new_estate)
        self.ui_actions["actionOpen"].triggered.connect(self.choose_file)
        self.ui_actions["actionBackup"].triggered.connect(self.back_up)
        self.ui_actions["actionRestore"].triggered.connect(self.restore)
        self.ui_actions["actionCheck"].triggered.connect(self.check_file)
        self.ui_actions["actionQuit"].triggered.connect(self.close)
        self.ui_actions["actionSettings"].triggered.connect(self.edit_settings)
        self.ui_actions["actionAbout"].triggered.connect(self.about)
        self.ui_actions["actionOpenDataFolder"].triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file().parent)))
        )

    # ------------------------------------------------------------ tabs

    def tab(self, kind: type[T]) -> T:
        """The tab of class ``kind``, built now if it was not yet (for tests and scripted use)."""
        return self.tab_host.tab(kind)

    def _records_changed(self, kinds: frozenset[Records]) -> None:
        self.tab_host.records_changed(kinds)
        if Records.ESTATE in kinds:  # its name is in the title
            self.update_status()
        self.fold_timer.start()

    def _fold_journal(self) -> None:
        if self.estate is not None:
            self.estate.fold_journal()

    # ------------------------------------------------------------ files

    def open_file(self, path: Path, interactive: bool = True) -> bool:
        """Open an estate file in place of the current one; False (and a message) if refused.

        Why it was refused stays in ``open_refusal``, so that what comes next (the first-run
        question) does not say it all over again, or claim there is no file.
        """
        path = Path(path)
        self.open_refusal = None
        if not path.exists():
            if interactive:  # a Recent file whose USB stick is not plugged in
                QMessageBox.warning(self, self.tr("Open estate"), self.missing_text(path))
            return False
        if self.estate is not None and self.estate.path == path.resolve():
            return True
        try:
            estate = estates.open_estate(path)
        except EstateDeskError as error:
            self.open_refusal = error
            if interactive:
                QMessageBox.warning(self, self.tr("Open estate"), labels.message(error))
            return False
        self._adopt(estate)
        if estate.copy_before_upgrade is not None and interactive:
            QMessageBox.information(
                self,
                self.tr("Open estate"),
                self.tr(
                    "The file was upgraded to this version of EstateDesk. A copy of it as it was "
                    "is kept at:\n{path}"
                ).format(path=estate.copy_before_upgrade),
            )
        return True

    def _adopt(self, estate: Estate) -> None:
        """Make ``estate`` the open one (closing the one before) and show it in every tab."""
        previous, self.estate = self.estate, estate
        if previous is not None and previous is not estate:
            previous.close()
        estates.set_clerk(prefs.clerk_name() or None)
        prefs.add_recent_file(estate.path)
        self._fill_recent()
        self._show_estate()
        self._show_read_only(estate)
        # The tab on screen reads it; its figures follow.
        self.tab_host.open_estate(estate.name, read_only=estate.read_only is not None)

    def _show_read_only(self, estate: Estate) -> None:
        """Show, above the tabs, that and why the file is open read-only; allow only what still works."""
        reason = estate.read_only
        self.read_only_banner.setVisible(reason is not None)
        self.building_action.setEnabled(reason is None)
        self.ui_actions["actionRestore"].setEnabled(estate.can_restore)
        if reason is None:
            return
        if reason == estates.ReadOnlyReason.DAMAGED:
            text = self.tr(
                "<b>The data file is damaged</b> and is open read-only: you can look, print and export, "
                "but not change anything. Restore the latest backup to go on working."
            )
        else:
            text = self.tr(
                "<b>The data file cannot be written</b> (a write-protected USB stick or a read-only "
                "file) and is open read-only: you can look, print and export. To change anything, copy "
                "it to a folder on this PC and open the copy."
            )
        self.read_only_label.setText(text)
        self.read_only_label.setToolTip("\n".join(estate.damage))
        self.banner_restore.setVisible(estate.can_restore)

    def missing_text(self, path: Path) -> str:
        """What to say of an estate file that is not where it was (its USB stick not plugged in)."""
        return self.tr("{path} is not there: is the USB stick plugged in?").format(path=path)

    def first_run(self, path: Path) -> bool:
        """No file could be opened at start: offer a new estate, an existing file, or a demo estate.

        A file that was used before and is not there now (a USB stick not plugged in) is named,
        and can be tried again; one too damaged to be opened at all (its refusal is in
        ``open_refusal``) can have a backup restored in its place.
        """
        path = Path(path)
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Welcome to EstateDesk"))
        box.setIcon(QMessageBox.Icon.Information)
        missing = not path.exists()
        unreadable = not missing and isinstance(self.open_refusal, estates.EstateFileUnreadable)
        if not missing:  # it is there, but was refused (and the clerk was told why)
            box.setText(self.tr("{path} could not be opened. What would you like to do?").format(path=path))
        elif self._used_before(path):
            box.setText(self.missing_text(path) + "\n" + self.tr("What would you like to do?"))
        else:
            box.setText(self.tr("There is no estate data file yet. What would you like to do?"))
        role = QMessageBox.ButtonRole.ActionRole
        # A demo beside the file asked for, unless its folder is gone with its stick.
        demo = (path.parent if path.parent.is_dir() else data_dir()) / "demo-estate.sqlite3"
        choices: list[tuple[QAbstractButton, Callable[[], bool]]] = []
        if unreadable:
            restore = box.addButton(self.tr("Restore from backup…"), role)
            choices.append((restore, lambda: self.restore_in_place_of(path)))
        if missing and self._used_before(path):
            choices.append((box.addButton(self.tr("Try again"), role), lambda: self.open_file(path)))
        new = box.addButton(self.tr("Create a new estate…"), QMessageBox.ButtonRole.AcceptRole)
        choices.append((new, self.new_estate))
        choices.append((box.addButton(self.tr("Open an existing file…"), role), self.choose_file))
        choices.append((box.addButton(self.tr("Try a demo estate"), role), lambda: self.create_demo(demo)))
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        while True:
            box.exec()
            clicked = box.clickedButton()
            choice = next((act for button, act in choices if button is clicked), None)
            if choice is None:
                return False  # Quit, or the box closed
            if choice():
                return True

    def _used_before(self, path: Path) -> bool:
        """Whether ``path`` is a file the clerk has worked on (or asked for by name), not the default one."""
        remembered = {Path(p).absolute() for p in prefs.remembered_files()}
        return path.absolute() in remembered or path.absolute() != default_database().absolute()

    def restore_in_place_of(self, path: Path) -> bool:
        """Restore a chosen backup in place of a file too damaged to open; the damaged one is kept aside."""
        title = self.tr("Restore from backup")
        backup = self._choose_backup(
            title,
            self.tr("Put this backup in place of the damaged {path}?").format(path=path),
            self.tr("The damaged file is kept aside under a new name, so nothing is lost."),
        )
        if backup is None:
            return False
        try:
            restored = estates.restore_onto(path, backup)
        except EstateDeskError as error:
            report_error(self, title, error)
            return False
        self._adopt(restored.estate)
        QMessageBox.information(
            self,
            title,
            self.tr("The backup was restored. The file it replaced is kept at:\n{path}").format(
                path=restored.kept_aside
            ),
        )
        return True

    def _choose_backup(self, title: str, question: str, reassurance: str) -> Path | None:
        """Let the clerk pick a backup, say what it holds, and ask ``question``; the backup if yes."""
        backup = choose_open_file(self, prefs.BACKUP, title, self.file_filter())
        if backup is None:
            return None
        try:
            info = estates.backup_info(backup)
        except EstateDeskError as error:
            report_error(self, title, error)
            return None
        facts = self.tr("Backup of: {estate}\nTaken: {taken}\nRooms: {rooms}\nFile: {path}").format(
            estate=info.estate_name,
            taken=info.taken_at.strftime("%Y-%m-%d %H:%M"),
            rooms=info.rooms,
            path=backup,
        )
        answer = QMessageBox.question(self, title, f"{question}\n\n{facts}\n\n{reassurance}")
        return backup if answer == QMessageBox.StandardButton.Yes else None

    def new_estate(self) -> bool:
        """Ask for a name and a file, and create an empty estate there."""
        name, ok = QInputDialog.getText(self, self.tr("New estate"), self.tr("Name of the estate:"))
        if not ok or not name.strip():
            return False
        suggested = data_dir() / f"{name.strip()}.sqlite3"
        answer = choose_save_file(self, prefs.ESTATE, self.tr("New estate"), suggested, self.file_filter())
        if answer is None:
            return False
        target = answer[0]
        if target.exists():
            QMessageBox.warning(
                self,
                self.tr("New estate"),
                self.tr("{path} already exists; choose another file name").format(path=target),
            )
            return False
        try:
            estate = estates.create_estate(target, name)
        except EstateDeskError as error:
            report_error(self, self.tr("New estate"), error)
            return False
        self._adopt(estate)
        return True

    def create_demo(self, path: Path) -> bool:
        """Create (or open) a demo estate with made-up households to try the program on."""
        if path.exists():
            return self.open_file(path)
        try:
            made = estates.create_demo(path, self.tr("Happiness Gardens (demo)"), DEMO_HOUSEHOLDS)
        except EstateDeskError as error:
            report_error(self, self.tr("Demo estate"), error)
            return False
        self._adopt(made.estate)
        return True

    def choose_file(self) -> bool:
        """Let the clerk pick an estate file and open it."""
        start = self.estate.path.parent if self.estate else default_database().parent
        path = choose_open_file(self, prefs.ESTATE, self.tr("Open estate"), self.file_filter(), start)
        return path is not None and self.open_file(path)

    def file_filter(self) -> str:
        """The file chooser's filters for estate files and backups."""
        return FILE_FILTER.format(all=self.tr("All files"))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = prefs.recent_files()
        for path in files:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(p))
        self.recent_menu.setEnabled(bool(files))

    def back_up(self) -> None:
        """Copy the open file to a chosen folder, e.g. a USB stick."""
        if self.estate is None:
            return
        estate = self.estate
        folder = choose_folder(self, prefs.BACKUP, self.tr("Back up to folder"))
        if folder is None:
            return
        self._task = run_and_report(
            self,
            self.tr("Back up now"),
            self.tr("Backing up…"),
            lambda: estates.back_up(estate, folder),
            lambda target: self.tr("The backup was written and checked:\n{path}").format(path=target),
            written=lambda target: Path(target),
        )

    def restore(self) -> None:
        """Replace the open file by a backup, after checking it; the current file is kept aside."""
        if self.estate is None:
            return
        title = self.tr("Restore from backup")
        path = self._choose_backup(
            title,
            self.tr("Replace the data of {estate} by this backup?").format(estate=self.estate.name),
            self.tr("The current file is kept aside under a new name, so nothing is lost."),
        )
        if path is None:
            return
        estate, replaced = self.estate, self.estate.replaced
        try:
            kept = estates.restore(estate, path)
        except EstateDeskError as error:
            report_error(self, title, error)
            if estate.closed:  # not even the file it had could be opened again
                self.estate = None
                self.open_file(estate.path)
            elif estate.replaced != replaced:  # the file it had, opened again: show it afresh
                self._adopt(estate)
            return
        self._adopt(estate)
        QMessageBox.information(
            self,
            title,
            self.tr("The backup was restored. The file it replaced is kept at:\n{path}").format(path=kept),
        )

    def check_file(self) -> None:
        """Check the open file and say, in a clerk's words, whether it is sound and what it holds."""
        if self.estate is None:
            return
        from estatedesk.gui.presenters.estate import check_message  # loads with its first use

        message = check_message(estates.check(self.estate))
        box = QMessageBox(
            QMessageBox.Icon.Information if message.ok else QMessageBox.Icon.Warning,
            self.tr("Check data file"),
            message.headline,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setInformativeText(message.text)
        box.setDetailedText(message.details)  # the database's own words, for a technician
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.check_box = box
        box.open()

    # ------------------------------------------------------------ settings, help, status

    def add_building(self) -> None:
        """Set up a building's rooms in one go, on the households tab (new-estate set-up)."""
        if self.estate is None:
            return
        from estatedesk.gui.tabs.households import HouseholdsTab  # the tab's module loads when used

        for index, slot in enumerate(self.tab_host.slots):
            if slot.spec.class_name == HouseholdsTab.__name__:
                self.tabs.setCurrentIndex(index)
        self.tab(HouseholdsTab).add_building()

    def show_fee_account(self, room_id: int) -> None:
        """Make the fee ledger tab current and show a room's account there (the households panel's link)."""
        from estatedesk.gui.tabs.fees import FeesTab  # the tab's module loads when used

        for index, slot in enumerate(self.tab_host.slots):
            if slot.spec.class_name == FeesTab.__name__:
                self.tabs.setCurrentIndex(index)
        self.tab_host.tab(FeesTab).show_account(room_id)

    def edit_settings(self) -> None:
        """Language and clerk name."""
        from estatedesk.gui.dialogs.settings_dialog import SettingsDialog  # loads with its first use

        SettingsDialog(self).exec()

    def about(self) -> None:
        """Version and licence."""
        QMessageBox.about(
            self,
            self.tr("About EstateDesk"),
            self.tr(
                "<h3>EstateDesk {version}</h3><p>The office program of a self-managed residential "
                "estate: households, fees, repairs, cleaning and owners' votes, in one file.</p>"
                "<p>MIT licence. Font: EstateDesk Sans SC (from Noto Sans CJK SC), SIL Open Font License.</p>"
            ).format(version=__version__),
        )

    def update_status(self) -> None:
        """Show the estate's name and file, and the current tab's figures, in the title and status bar."""
        self._show_estate()
        self.count_label.setText(self.tab_host.status_text())

    def _show_estate(self) -> None:
        if self.estate is None:
            return
        name = self.estate.name
        self.setWindowTitle(self.tr("{estate} — EstateDesk").format(estate=name))
        self.setWindowFilePath(str(self.estate.path))
        self.estate_label.setText(f"<b>{name}</b>")
        self.file_label.setText(str(self.estate.path))

    # ------------------------------------------------------------ window layout

    def _restore_layout(self) -> None:
        store = prefs.settings()
        geometry = store.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        """Remember the window's size and position, and each tab's splitters and column widths."""
        store = prefs.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        self.tab_host.save_layout(store)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout and close the file cleanly, once background work has finished."""
        wait_for_running()  # a payment's receipt being written, a page's figures being read
        self._stop_listening()
        self.save_layout()
        if self.estate is not None:
            self.estate.close()
            self.estate = None
        event.accept()
