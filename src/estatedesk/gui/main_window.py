"""The main window: File menu (new, open, recent, backup, restore), tabs and status bar."""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QSize, Qt, QUrl
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
from estatedesk.domain.errors import EstateDeskError
from estatedesk.gui import labels
from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs.settings_dialog import SettingsDialog
from estatedesk.gui.loader import find, load_ui
from estatedesk.gui.tabs.households import HouseholdsTab
from estatedesk.gui.worker import BackgroundTask
from estatedesk.paths import data_dir, default_database, log_file
from estatedesk.services import demo
from estatedesk.services.households import estate_counts
from estatedesk.store import audit
from estatedesk.store.backup import back_up, check_estate, restore
from estatedesk.store.db import EstateFile, create_estate, discard_estate_file, open_estate

FILE_FILTER = "EstateDesk (*.sqlite3 *.sqlite *.db);;* (*)"
DEMO_HOUSEHOLDS = 300


class MainWindow(QMainWindow):
    """EstateDesk's one window; it holds the open estate file."""

    def __init__(self) -> None:
        super().__init__()
        self.estate: EstateFile | None = None
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
        self.households = HouseholdsTab(self.tabs)
        self.tabs.addTab(self.households.widget, qta.icon("fa5s.home"), self.tr("Households"))
        self.households.changed.connect(self.update_status)
        self._estate_label = QLabel()
        self._file_label = QLabel()
        self._count_label = QLabel()
        self._file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = self.statusBar()
        status.addWidget(self._estate_label)
        status.addWidget(self._file_label, 1)
        status.addPermanentWidget(self._count_label)
        self._fill_recent()
        self._restore_layout()

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
        for name, icon in icons.items():
            self.ui_actions[name].setIcon(qta.icon(icon))
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

    # ------------------------------------------------------------ files

    def open_file(self, path: Path, interactive: bool = True) -> bool:
        """Open an estate file in place of the current one; False (and a message) if refused."""
        path = Path(path)
        if not path.exists():
            return False
        if self.estate is not None and self.estate.path == path.resolve():
            return True
        try:
            estate = open_estate(path)
        except EstateDeskError as error:
            if interactive:
                QMessageBox.warning(self, self.tr("Open estate"), labels.message(error))
            return False
        self._adopt(estate)
        if estate.copy_before_migration is not None and interactive:
            QMessageBox.information(
                self,
                self.tr("Open estate"),
                self.tr(
                    "The file was upgraded to this version of EstateDesk. A copy of it as it was "
                    "is kept at:\n{path}"
                ).format(path=estate.copy_before_migration),
            )
        return True

    def _adopt(self, estate: EstateFile) -> None:
        previous, self.estate = self.estate, estate
        if previous is not None:
            previous.close()
        audit.set_actor(prefs.clerk_name() or None)
        prefs.add_recent_file(estate.path)
        self._fill_recent()
        self.households.estate_name = estate.estate_name
        self.households.search.clear()
        self.households.show_new_file()
        self.update_status()

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
            estate = create_estate(target, name)
        except EstateDeskError as error:
            self._reactivate_current()
            QMessageBox.warning(self, self.tr("New estate"), labels.message(error))
            return False
        self._adopt(estate)
        return True

    def create_demo(self, path: Path) -> bool:
        """Create (or open) a demo estate with made-up households to try the program on."""
        if path.exists():
            return self.open_file(path)
        try:
            estate = create_estate(path, self.tr("Happiness Gardens (demo)"))
        except EstateDeskError as error:
            self._reactivate_current()
            QMessageBox.warning(self, self.tr("Demo estate"), labels.message(error))
            return False
        try:
            demo.generate(DEMO_HOUSEHOLDS, seed=1)
        except BaseException:
            estate.close()
            discard_estate_file(estate.path)  # a half-made demo is of no use
            self._reactivate_current()
            raise
        self._adopt(estate)
        return True

    def _reactivate_current(self) -> None:
        """After a failed attempt to create another file, point the models back at ours."""
        if self.estate is not None:
            self.estate.activate()

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

        def done(target: Path) -> None:
            QMessageBox.information(
                self,
                self.tr("Back up now"),
                self.tr("The backup was written and checked:\n{path}").format(path=target),
            )

        self._task = BackgroundTask(
            self,
            self.tr("Backing up…"),
            lambda _p, _c: back_up(estate, Path(folder)),
            done,
            lambda error: self._show_error(self.tr("Back up now"), error),
            cancellable=False,
        ).start()

    def restore(self) -> None:
        """Replace the open file by a backup, after checking it; the current file is kept aside."""
        if self.estate is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from backup"), str(Path.home()), FILE_FILTER
        )
        if not path:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the data of {estate} by the backup\n{path}?\n\nThe current file is kept aside "
                "under a new name, so nothing is lost."
            ).format(estate=self.estate.estate_name, path=path),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        current = self.estate.path
        try:
            result = restore(self.estate, Path(path))
        except EstateDeskError as error:
            self._show_error(self.tr("Restore from backup"), error)
            if self.estate.closed:  # the restore put the old file back after closing it: reopen it
                self.estate = None
                self.open_file(current)
            return
        self.estate = None
        self._adopt(result.estate)
        QMessageBox.information(
            self,
            self.tr("Restore from backup"),
            self.tr("The backup was restored. The file it replaced is kept at:\n{path}").format(
                path=result.kept_aside
            ),
        )

    def check_file(self) -> None:
        """Check the open file and show what it holds."""
        if self.estate is None:
            return
        report = check_estate(self.estate)
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
        dialog = SettingsDialog(self)
        if dialog.exec():
            audit.set_actor(prefs.clerk_name() or None)

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
        """Show the estate's name, file and counts in the title and status bar."""
        if self.estate is None:
            return
        name = self.estate.estate_name
        self.setWindowTitle(self.tr("{estate} — EstateDesk").format(estate=name))
        self.setWindowFilePath(str(self.estate.path))
        counts = estate_counts()
        self._estate_label.setText(f"<b>{name}</b>")
        self._file_label.setText(str(self.estate.path))
        self._count_label.setText(
            self.tr("{rooms} rooms · {owners} owners · {residents} residents").format(
                rooms=counts.rooms, owners=counts.owners, residents=counts.residents
            )
        )

    def _show_error(self, title: str, error: BaseException) -> None:
        if isinstance(error, EstateDeskError):
            QMessageBox.warning(self, title, labels.message(error))
        else:
            raise error

    # ------------------------------------------------------------ window layout

    def _restore_layout(self) -> None:
        store = prefs.settings()
        geometry = store.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = store.value("window/state")
        if state is not None:
            self.restoreState(state)
        sizes = store.value("households/splitter")
        if sizes is not None:
            self.households.splitter.restoreState(sizes)
        columns = store.value("households/columns")
        if columns is not None:
            self.households.table.horizontalHeader().restoreState(columns)

    def save_layout(self) -> None:
        """Remember the window's size, position, splitter and column widths."""
        store = prefs.settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("households/splitter", self.households.splitter.saveState())
        store.setValue("households/columns", self.households.table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout and close the file cleanly."""
        self.save_layout()
        if self.estate is not None:
            self.estate.close()
            self.estate = None
        event.accept()
