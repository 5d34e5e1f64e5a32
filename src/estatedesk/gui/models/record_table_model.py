"""A table model for any list of records, driven by column specifications.

Every tab's list is one of these: the records are loaded whole (a few thousand to 20,000
rows), searched, filtered and sorted in Python, and shown through ``ColumnSpec``s. A search
keystroke scans only what the last one left when it can only narrow it. ``row_of`` finds a
record's line by id in O(1), so that keeping a selection across a reload stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from estatedesk.domain.search import query_words
from estatedesk.gui.i18n import translate

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

# data() runs for every role of every visible cell on each paint (thousands of calls):
# plain ints compare much faster than PySide's enum members.
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
CENTER = int((Qt.AlignmentFlag.AlignCenter).value)
MUTED_COLOR = QColor("#888888")


class LoadedOrder:
    """Sort key marker: sort by the order the records were given in (e.g. natural room-code order)."""


LOADED_ORDER = LoadedOrder()


@dataclass(frozen=True)
class ColumnSpec(Generic[R]):
    """One column: its key, title (translated), cell text, sort key, alignment, width and colour.

    ``sort_key`` None sorts by the cell text; ``LOADED_ORDER`` by the order ``set_rows`` got; records
    whose key is empty ('' or None) come last in either order.
    ``colour(record)`` may name a text colour for the cell ("#c0392b" for money owed), or None.
    """

    key: str
    title: str
    display: Callable[[R], str]
    sort_key: Callable[[R], Any] | LoadedOrder | None = None
    alignment: int = LEFT
    width: int = 100
    colour: Callable[[R], str | None] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Records shown through column specs, with search, a scope, column sorting and lookup by id.

    ``search_text(record)`` is what the search box matches (folded as ``normalize_query``
    folds what is typed; ``finder`` may match a word otherwise); a record whose
    ``exact_key(record)`` is the one word typed comes first, or, given ``exact_query``, is what
    ``exact_query(text)`` makes of the text typed (a key that folding would blur, such as a
    room code: 1-101 and 11-01 are both 1101 folded). ``muted(record)`` greys a line out
    (an archived room) and gives it ``muted_tip`` as tooltip.
    """

    def __init__(
        self,
        columns: Sequence[ColumnSpec[R]],
        id_of: Callable[[R], int],
        parent: Any = None,
        search_text: Callable[[R], str] | None = None,
        muted: Callable[[R], Any] | None = None,
        muted_tip: str = "",
        exact_key: Callable[[R], str] | None = None,
        exact_query: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._id_of = id_of
        self._search_text = search_text
        self._exact_key = exact_key
        self._exact_query = exact_query
        self._exact_word: str | None = None  # what exact keys are compared with, from the text typed
        self._words: list[str] = []
        self._exact_first = False  # a record was put first for matching the word typed exactly
        self._scope: Callable[[R], bool] | None = None
        self._muted = muted
        self._muted_tip = muted_tip
        self._muted_brush = QBrush(MUTED_COLOR)
        self._brushes: dict[str, QBrush] = {}
        self._all: list[R] = []
        self._rows: list[R] = []
        self._loaded_position: dict[int, int] = {}
        self._shown_position: dict[int, int] | None = {}  # id → line, made when first asked
        self._keep: Callable[[Iterable[R]], list[R]] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # Plain lists: data() indexes them instead of calling into the specs' attributes.
        self._display = [column.display for column in self.columns]
        self._alignment = [column.alignment for column in self.columns]
        self._colour = [column.colour for column in self.columns]

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Records shown after filtering."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The columns of the specs."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        return self.columns[section].title

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """Cell text (also as its tooltip), alignment, and grey (with a tooltip) for muted records."""
        if not index.isValid():
            return None
        if role == DISPLAY:
            return self._display[index.column()](self._rows[index.row()])
        if role == ALIGNMENT:
            return self._alignment[index.column()]
        if self._muted is not None and role in (FOREGROUND, TOOLTIP) and self._muted(self._rows[index.row()]):
            return self._muted_brush if role == FOREGROUND else self._muted_tip
        if role == FOREGROUND:
            colour = self._colour[index.column()]
            name = colour(self._rows[index.row()]) if colour is not None else None
            if name is not None:
                brush = self._brushes.get(name)
                if brush is None:
                    brush = self._brushes[name] = QBrush(QColor(name))
                return brush
        if role == TOOLTIP:  # the whole text of a cell its column is too narrow for (三位业主, 低保/特困…)
            return self._display[index.column()](self._rows[index.row()]) or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown records by a column (and keep that order through later filtering)."""
        self._sort = (column, order)
        self.beginResetModel()
        self._apply_sort()
        self._put_exact_first()
        self._index_shown()
        self.endResetModel()

    # ------------------------------------------------------------ EstateDesk API

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace all records (after reading them) and apply the filter and sort again."""
        self.beginResetModel()
        self._all = list(rows)
        self._loaded_position = {self._id_of(row): position for position, row in enumerate(self._all)}
        self._refilter(None)
        self.endResetModel()

    def set_query(self, text: str) -> None:
        """Show only records found by every word typed (within the scope)."""
        words = query_words(text)
        if self._exact_query is not None:
            exact_word = self._exact_query(text)
        else:
            exact_word = words[0] if len(words) == 1 else None
        if words == self._words and exact_word == self._exact_word:
            return
        # One more letter typed can only narrow the list: scan the records shown, not all of them.
        narrowing = (
            bool(self._words)
            and not self._exact_first  # that record is first by the old words, not by its place
            and len(words) >= len(self._words)
            and all(self.narrows(old, new) for old, new in zip(self._words, words, strict=False))
        )
        self._words = words
        self._exact_word = exact_word
        self.set_filter(self._search_and_scope(), narrowing=narrowing)

    def set_scope(self, scope: Callable[[R], bool] | None) -> None:
        """Show only records ``scope`` accepts (one building, say), searched as typed; None: all."""
        self._scope = scope
        self.set_filter(self._search_and_scope())

    def finder(self, word: str) -> Callable[[R], bool] | None:
        """How a record is found by one folded word: by default, the word is in its search text."""
        text = self._search_text
        if text is None:
            return None
        return lambda record: word in text(record)

    def narrows(self, old: str, new: str) -> bool:
        """True when every record ``new`` finds is one ``old`` finds (a letter was added to it)."""
        return old in new

    def _search_and_scope(self) -> Callable[[Iterable[R]], list[R]] | None:
        scope = self._scope
        finders = [found for found in map(self.finder, self._words) if found is not None]
        if scope is None and not finders:
            return None

        def keep(records: Iterable[R]) -> list[R]:
            kept = list(records) if scope is None else [r for r in records if scope(r)]
            for found in finders:
                kept = [r for r in kept if found(r)]
            return kept

        return keep

    def set_filter(self, keep: Callable[[Iterable[R]], list[R]] | None, narrowing: bool = False) -> None:
        """Show only the records ``keep`` returns (None: all); ``set_query`` and ``set_scope`` use it.

        ``narrowing`` says the new filter can only drop records the current one shows (one more
        letter typed), so that only those are scanned.
        """
        self.beginResetModel()
        self._keep = keep
        self._refilter(self._rows if narrowing else None)
        self.endResetModel()

    def column_index(self, key: str) -> int:
        """The position of the column with this key."""
        for position, column in enumerate(self.columns):
            if column.key == key:
                return position
        raise KeyError(f"no column {key!r}")

    def row_at(self, line: int) -> R:
        """The record shown on a line."""
        return self._rows[line]

    def row_of(self, record_id: int) -> int | None:
        """The line showing a record, if it is shown."""
        if self._shown_position is None:
            id_of = self._id_of
            self._shown_position = {id_of(row): line for line, row in enumerate(self._rows)}
        return self._shown_position.get(record_id)

    def shown_rows(self) -> list[R]:
        """The records shown, in the order shown (for printing)."""
        return list(self._rows)

    def shown_ids(self) -> list[int]:
        """The ids of the records shown, in the order shown (for export)."""
        return [self._id_of(row) for row in self._rows]

    @property
    def total(self) -> int:
        """All records loaded, before filtering."""
        return len(self._all)

    def _refilter(self, source: list[R] | None) -> None:
        """Filter ``source`` (None: all records) and sort; a narrowed list keeps its order."""
        rows = self._all if source is None else source
        self._rows = self._keep(rows) if self._keep is not None else list(rows)
        if source is None:
            self._apply_sort()
        self._put_exact_first()
        self._index_shown()

    def _put_exact_first(self) -> None:
        """Put first the records whose exact key is what was typed (room 3-2-501 for "3-2-501")."""
        key = self._exact_key
        self._exact_first = False
        word = self._exact_word
        if key is None or word is None:
            return
        exact = [row for row in self._rows if key(row) == word]
        if exact:
            self._rows = exact + [row for row in self._rows if key(row) != word]
            self._exact_first = True

    def _index_shown(self) -> None:
        # Not rebuilt here: a keystroke refilters 20,000 rows and seldom asks for a line.
        self._shown_position = None

    def _apply_sort(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort
        spec = self.columns[column]
        reverse = order == Qt.SortOrder.DescendingOrder
        if isinstance(spec.sort_key, LoadedOrder):
            position, id_of = self._loaded_position, self._id_of
            self._rows.sort(key=lambda row: position[id_of(row)], reverse=reverse)
            return
        key = spec.sort_key if spec.sort_key is not None else spec.display
        # Empty cells go last whichever way the column is sorted, as in Excel and WPS. Positions,
        # not (key, row) pairs: 20,000 new tuples would wake the garbage collector (~0.1 s).
        rows, keys = self._rows, list(map(key, self._rows))
        filled = [line for line, value in enumerate(keys) if value != "" and value is not None]
        filled.sort(key=keys.__getitem__, reverse=reverse)
        blank = [line for line, value in enumerate(keys) if value == "" or value is None]
        self._rows = [rows[line] for line in filled] + [rows[line] for line in blank]


def set_up_table(
    view: QTableView, model: RecordTableModel[Any], sorted_by: str | None = None, row_height: int = 24
) -> None:
    """Show ``model`` in ``view`` as every list of the program looks: its column widths, no row numbers.

    ``sorted_by`` names the column whose order the records arrive in, shown as the sort indicator.
    """
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, spec in enumerate(model.columns):
        view.setColumnWidth(column, spec.width)
    if sorted_by is not None:
        header.setSortIndicator(model.column_index(sorted_by), Qt.SortOrder.AscendingOrder)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(row_height)
    vertical.hide()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda point: column_menu(header, model).exec(header.mapToGlobal(point))
    )


def column_menu(header: QHeaderView, model: RecordTableModel[Any]) -> QMenu:
    """The header's context menu: a tick for each column, to show or hide it.

    The first column (what names a record) always stays. What is hidden is part of the header's
    state, which the tab keeps with its column widths (``Tab.layout_parts``).
    """
    menu = QMenu(header)
    menu.setTitle(translate("tables", "Columns"))
    for column, spec in enumerate(model.columns):
        action = menu.addAction(spec.title)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.setEnabled(column > 0)
        action.toggled.connect(lambda shown, column=column: header.setSectionHidden(column, not shown))
    menu.addSeparator()
    every = menu.addAction(translate("tables", "Show all columns"))

    def show_all() -> None:
        for column in range(len(model.columns)):
            header.showSection(column)

    every.triggered.connect(show_all)
    return menu
