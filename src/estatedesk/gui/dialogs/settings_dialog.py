"""Settings: the interface language and the clerk's name for the audit trail."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QWidget

from estatedesk.gui import settings as prefs
from estatedesk.gui.dialogs.base import FormDialog
from estatedesk.gui.loader import find
from estatedesk.services.estate import set_clerk


class SettingsDialog(FormDialog):
    """Per-user preferences; a language change applies at the next start."""

    ui_file = "settings_dialog.ui"

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.language = find(self.dialog, QComboBox, "languageCombo")
        self.clerk = find(self.dialog, QLineEdit, "clerkEdit")
        for code, name in prefs.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(prefs.language()))
        self.clerk.setText(prefs.clerk_name())

    def submit(self) -> bool:
        """Save the choices, name the clerk in the audit trail from now on; say when a restart is needed."""
        language = str(self.language.currentData())
        changed = language != prefs.language()
        prefs.set_language(language)
        prefs.set_clerk_name(self.clerk.text())
        set_clerk(prefs.clerk_name() or None)
        if changed:
            QMessageBox.information(
                self.dialog,
                self.tr("Settings"),
                self.tr("The new language is used from the next start of EstateDesk."),
            )
        return True
