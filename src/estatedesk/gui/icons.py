"""Icons from qtawesome's icon fonts, by name (``fa5s.home``).

qtawesome (and qtpy under it) is imported, and its fonts loaded, when the first icon is asked
for, not when the program's modules are imported.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The icon called ``name``; one QIcon per name, shared (a large estate's tree has hundreds)."""
    import qtawesome

    made: QIcon = qtawesome.icon(name)
    return made
