"""One policy for errors in the window: the clerk's mistakes are explained, anything else is logged."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from estatedesk.domain.errors import EstateDeskError
from estatedesk.gui import labels


def report_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Explain an ``EstateDeskError`` in a message box; hand anything else to the error hook.

    An ``EstateDeskError`` is bad input or a refused file, which the clerk can act on; the
    error hook logs anything else and tells the clerk where the details are.
    """
    if isinstance(error, EstateDeskError):
        QMessageBox.warning(parent, title, labels.message(error))
    else:
        sys.excepthook(type(error), error, error.__traceback__)
