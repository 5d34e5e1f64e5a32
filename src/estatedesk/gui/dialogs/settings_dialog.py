"""Settings: the interface language and the clerk's name for the audit trail."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QWidget

from estatedesk.gui import settings as prefs
from estatedesk.gui.loader import find, load_dialog


class SettingsDialog(QObject):
    """Per-user preferences; a language change applies at the next start."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.dialog = load_dialog("settings_dialog.ui", parent)
        self.language = find(self.dialog, QComboBox, "languageCombo")
        self.clerk = find(self.dialog, QLineEdit, "clerkEdit")
        for code, name in prefs.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(prefs.language()))
        self.clerk.setText(prefs.clerk_name())
        buttons = find(self.dialog, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.dialog.reject)

    def accept(self) -> None:
        """Save the choices; say when a restart is needed."""
        language = str(self.language.currentData())
        changed = language != prefs.language()
        prefs.set_language(language)
        prefs.set_clerk_name(self.clerk.text())
        if changed:
            QMessageBox.information(
                self.dialog,
                self.tr("Settings"),
                self.tr("The new language is used from the next start of EstateDesk."),
            )
        self.dialog.accept()

    def exec(self) -> bool:
        """Show the dialog; True when saved."""
        return self.dialog.exec() == QDialog.DialogCode.Accepted
