"""The main window: File menu (new, open, recent, backup, restore), the tabs and the status bar.

The window holds the open estate and the list of tabs. It tells every tab when an estate is
opened or replaced and when a service reports changed records; it knows nothing of what is
inside a tab.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStatusBar,
    QTabWidget,
)

from estatedesk import __version__
from estatedesk.domain.errors import QT_TRANSLATE_NOOP, EstateDeskError
from estatedesk.gui import labels
from estatedesk.gui import settings as prefs
from estatedesk.gui.errors import report_error
from estatedesk.gui.icons import icon
from estatedesk.gui.loader import find, load_ui
from estatedesk.gui.tabs.base import Tab, TabHost, TabSpec
from estatedesk.gui.worker import run_and_report
from estatedesk.paths import data_dir, default_database, log_file
from estatedesk.services import changes
from estatedesk.services import estate as estates
from estatedesk.services.changes import Records
from estatedesk.services.estate import Estate

FILE_FILTER = "EstateDesk (*.sqlite3 *.sqlite *.db);;* (*)"
DEMO_HOUSEHOLDS = 300

# The tabs, in order. A tab's module is imported, and the tab built, when it is first shown.
TABS: tuple[TabSpec, ...] = (
    TabSpec(
        QT_TRANSLATE_NOOP("tabs", "Households"),
        "fa5s.home",
        "estatedesk.gui.tabs.households",
        "HouseholdsTab",
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
        self.ui_actions: dict[str, QAction] = {
            action.objectName(): action for action in form.findChildren(QAction) if action.objectName()
        }
        self.recent_menu = find(self, QMenu, "menuRecent")
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
        self._stop_listening = changes.listen(self.records_changed.emit)
        self.destroyed.connect(self._stop_listening)

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

    # ------------------------------------------------------------ files

    def open_file(self, path: Path, interactive: bool = True) -> bool:
        """Open an estate file in place of the current one; False (and a message) if refused."""
        path = Path(path)
        if not path.exists():
            return False
        if self.estate is not None and self.estate.path == path.resolve():
            return True
        try:
            estate = estates.open_estate(path)
        except EstateDeskError as error:
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
        self.tab_host.open_estate(estate.name)  # the tab on screen reads it; its figures follow

    def first_run(self, path: Path) -> bool:
        """No data file yet: offer a new estate, an existing file, or a demo estate."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Welcome to EstateDesk"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(self.tr("There is no estate data file yet. What would you like to do?"))
        new = box.addButton(self.tr("Create a new estate…"), QMessageBox.ButtonRole.AcceptRole)
        existing = box.addButton(self.tr("Open an existing file…"), QMessageBox.ButtonRole.ActionRole)
        sample = box.addButton(self.tr("Try a demo estate"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        while True:
            box.exec()
            clicked = box.clickedButton()
            if clicked is new and self.new_estate():
                return True
            if clicked is existing and self.choose_file():
                return True
            if clicked is sample and self.create_demo(path.with_name("demo-estate.sqlite3")):
                return True
            if clicked not in (new, existing, sample):
                return False

    def new_estate(self) -> bool:
        """Ask for a name and a file, and create an empty estate there."""
        name, ok = QInputDialog.getText(self, self.tr("New estate"), self.tr("Name of the estate:"))
        if not ok or not name.strip():
            return False
        suggested = data_dir() / f"{name.strip()}.sqlite3"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New estate"), str(suggested), FILE_FILTER)
        if not path:
            return False
        target = Path(path)
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
        start = str(self.estate.path.parent if self.estate else default_database().parent)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open estate"), start, FILE_FILTER)
        return bool(path) and self.open_file(Path(path))

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
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up to folder"), str(Path.home()))
        if not folder:
            return
        self._task = run_and_report(
            self,
            self.tr("Back up now"),
            self.tr("Backing up…"),
            lambda: estates.back_up(estate, Path(folder)),
            lambda target: self.tr("The backup was written and checked:\n{path}").format(path=target),
        )

    def restore(self) -> None:
        """Replace the open file by a backup, after checking it; the current file is kept aside."""
        if self.estate is None:
            return
        title = self.tr("Restore from backup")
        path, _ = QFileDialog.getOpenFileName(self, title, str(Path.home()), FILE_FILTER)
        if not path:
            return
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "Replace the data of {estate} by the backup\n{path}?\n\nThe current file is kept aside "
                "under a new name, so nothing is lost."
            ).format(estate=self.estate.name, path=path),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        estate, replaced = self.estate, self.estate.replaced
        try:
            kept = estates.restore(estate, Path(path))
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
        """Check the open file and show what it holds."""
        if self.estate is None:
            return
        report = estates.check(self.estate)
        counts = report.counts
        text = self.tr(
            "Integrity: {integrity}\nBroken links: {broken}\nData version: {schema}\n\n"
            "Buildings: {buildings}\nRooms: {rooms} (archived: {archived})\nOwners: {owners}\n"
            "Residents: {residents}\nParking spaces: {parking}\nRecorded changes: {audit}\n"
            "Outdated list summaries: {stale}"
        ).format(
            integrity=", ".join(report.integrity),
            broken=report.foreign_key_problems,
            schema=report.schema,
            buildings=counts["buildings"],
            rooms=counts["rooms"],
            archived=counts["archived_rooms"],
            owners=counts["owners"],
            residents=counts["residents"],
            parking=counts["parking_spaces"],
            audit=counts["audit_entries"],
            stale=report.stale_summaries,
        )
        if report.ok:
            QMessageBox.information(self, self.tr("Check data file"), text)
        else:
            QMessageBox.warning(self, self.tr("Check data file"), text)

    # ------------------------------------------------------------ settings, help, status

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
        """Remember the layout and close the file cleanly."""
        self._stop_listening()
        self.save_layout()
        if self.estate is not None:
            self.estate.close()
            self.estate = None
        event.accept()
