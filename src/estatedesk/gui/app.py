"""Start-up: the Qt application, translation, fonts, error handling and the first file."""

from __future__ import annotations

import argparse
import io
import logging
import sys
import traceback
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import cast

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from estatedesk import APP_NAME, __version__
from estatedesk.gui import i18n
from estatedesk.gui import settings as prefs
from estatedesk.gui.options import parse_window_args
from estatedesk.paths import FONTS_DIR, I18N_DIR, ICONS_DIR, default_database, log_file, private_opener
from estatedesk.services.estate import EstateFileInUse

log = logging.getLogger("estatedesk")

# Fonts tried before the bundled one: what Windows, macOS and Linux usually have for Chinese.
SYSTEM_CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)
_translators: list[QTranslator] = []
_bundled_families: list[str] = []


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The GUI's own options (``gui.options``, which ``--help`` lists too)."""
    return parse_window_args(argv)


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are for their owner only, as the command line's log is.

    A traceback may quote what was being written (names, phone numbers). Every file the handler
    opens, the first and each one after a rotation, goes through ``_open``.
    """

    def _open(self) -> io.TextIOWrapper:
        # What FileHandler._open does, with the opener: a text stream the handler keeps and closes.
        stream = open(  # noqa: SIM115
            self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors, opener=private_opener
        )
        return cast(io.TextIOWrapper, stream)


def setup_logging() -> Path:
    """Log unexpected errors to a file in the data folder; return its path."""
    path = log_file()
    if any(getattr(handler, "baseFilename", None) == str(path) for handler in log.handlers):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def install_translation(app: QApplication, language: str) -> None:
    """Load the EstateDesk and Qt translations for ``language`` (English needs none)."""
    i18n.install(QCoreApplication.translate)  # for the Qt-free presenters and labels
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"estatedesk_{language}.qm")):
        app.installTranslator(ours)
        _translators.append(ours)
    else:
        log.warning("translation %s not found in %s", language, I18N_DIR)
    # Qt's own words (file chooser, Yes/No/Cancel): the wheel and the bundle both ship qtbase_zh_CN.qm.
    qt_base = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt_base)
        _translators.append(qt_base)
    else:
        log.warning("Qt's translation qtbase_%s not found in %s", language, qt_folder)


def bundled_font_families() -> list[str]:
    """Register the fonts in resources/fonts once per process; return their family names."""
    if not _bundled_families:
        for path in sorted(FONTS_DIR.glob("*.[to]tf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("cannot load font %s", path)
                continue
            families = QFontDatabase.applicationFontFamilies(font_id)
            _bundled_families.extend(family for family in families if family not in _bundled_families)
    return list(_bundled_families)


def install_fonts(app: QApplication) -> list[str]:
    """Use the system's Chinese font, else the bundled one, for every widget.

    Returns the font families the application font falls back through, in order.
    """
    available = set(QFontDatabase.families())
    families = [family for family in SYSTEM_CJK_FAMILIES if family in available]
    families += [family for family in bundled_font_families() if family not in families]
    font = QFont(app.font())
    base = font.families()[:1] or [font.family()]
    font.setFamilies([*base, *(family for family in families if family not in base)])
    app.setFont(font)
    return families


def excepthook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Log an unexpected error and tell the clerk where the details are (never a traceback)."""
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
    if QApplication.instance() is not None:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "Unexpected error"),
            QCoreApplication.translate(
                "app",
                "Something went wrong and the last action may not have finished.\n"
                "Your data file was not harmed. Details were written to:\n{path}",
            ).format(path=log_file()),
        )


def create_application(argv: Sequence[str], language: str | None = None) -> QApplication:
    """Create (or reuse) the QApplication with translations and fonts in place."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = ICONS_DIR / "estatedesk.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_translation(app, language or prefs.language())
    install_fonts(app)
    return app


def show_text(title: str, text: str) -> int:
    """Show plain text (the ``--help`` of the windowed Windows program, which has no console)."""
    app = create_application([])
    box = QMessageBox(QMessageBox.Icon.Information, title, "")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    box.setFont(font)
    box.exec()
    app.processEvents()
    return 0


def main(argv: Sequence[str]) -> int:
    """Run the desktop program until its window closes; return the exit code."""
    args = parse_args(argv)
    setup_logging()
    app = create_application(argv, args.lang)
    sys.excepthook = excepthook

    from estatedesk.gui.main_window import MainWindow  # after the translator is installed

    window = MainWindow()
    # The file used last, even when it is not there (its USB stick not plugged in): the start-up
    # question then names it, rather than opening another or saying there is no file at all.
    path = Path(args.db or prefs.last_file() or default_database())
    # A missing file is not opened, so not refused either: the start-up question says it once.
    if not (path.exists() and window.open_file(path, interactive=not args.smoke_test)):
        if args.smoke_test:
            print(f"cannot open {path}", file=sys.stderr)
            return 1
        if isinstance(window.open_refusal, EstateFileInUse):
            return 0  # said once: it is open in the other window, where the clerk can go on working
        if not window.first_run(path):
            return 0
    window.show()
    if args.smoke_test:

        def report_and_quit() -> None:
            print(f"main window shown: {window.windowTitle()}", flush=True)
            app.quit()

        QTimer.singleShot(0, report_and_quit)
    return app.exec()
