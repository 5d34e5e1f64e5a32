"""A grey line across the top of an empty list, saying why it is empty (nothing matched the search)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from estatedesk.gui.presenters.common import MUTED


class ListNote(QLabel):
    """Shown over a list's rows while ``set_text`` has something to say; hidden otherwise.

    A label on the view's viewport rather than a row of the model, so that no code that reads
    the model's rows (selection, export, printing) meets a record that is not one.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("listNote")
        self.setStyleSheet(f"color: {MUTED}; padding: 12px;")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        self.hide()

    def set_text(self, text: str) -> None:
        """Say ``text`` over the list; an empty text hides the note."""
        if text != self.text():
            self.setText(text)
            self._fit()
        self.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the note as wide as the list when the list is resized."""
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        viewport = self.parentWidget()
        if viewport is not None:
            width = viewport.width()
            self.setGeometry(0, 0, width, self.heightForWidth(width))
