"""RecordTableModel and RoomTableModel, tested without a view."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from estatedesk.domain.households import Flag
from estatedesk.gui import labels
from estatedesk.gui.models.record_table_model import (
    LEFT,
    LOADED_ORDER,
    MUTED_COLOR,
    RIGHT,
    ColumnSpec,
    RecordTableModel,
)
from estatedesk.gui.models.room_table_model import COL_AREA, COL_CODE, COL_FLAGS, COL_OWNERS, RoomTableModel
from estatedesk.services.households import RoomRow

if TYPE_CHECKING:
    from pytestqt.logging import _QtMessageCapture

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ASCENDING = Qt.SortOrder.AscendingOrder
DESCENDING = Qt.SortOrder.DescendingOrder


@dataclass(frozen=True)
class Plot:
    """A toy record: a garden plot with a name and a size."""

    id: int
    name: str
    size: int
    retired: bool = False


COL_NAME, COL_SIZE, COL_LOADED = range(3)


class CountingId:
    """``id_of`` that counts how often the model asks for an id."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, plot: Plot) -> int:
        self.calls += 1
        return plot.id


def columns() -> list[ColumnSpec[Plot]]:
    return [
        ColumnSpec("name", "Name", lambda p: p.name),
        ColumnSpec("size", "Size", lambda p: f"{p.size} m²", lambda p: p.size, RIGHT),
        ColumnSpec("loaded", "Loaded", lambda p: f"#{p.id}", LOADED_ORDER),
    ]


def make_model(id_of: Callable[[Plot], int] = lambda p: p.id) -> RecordTableModel[Plot]:
    return RecordTableModel(columns(), id_of=id_of, muted=lambda p: p.retired, muted_tip="retired plot")


# Loaded order is by id; names and sizes are in neither order. Display text of the sizes sorts
# "10 m²" < "100 m²" < "9 m²", their key 9 < 10 < 100.
PLOTS = [
    Plot(1, "cherry", 100),
    Plot(2, "apple", 9, retired=True),
    Plot(3, "date", 10),
    Plot(4, "banana", 55),
]


@pytest.fixture
def model(qapp: QApplication) -> RecordTableModel[Plot]:
    made = make_model()
    made.set_rows(PLOTS)
    return made


def names(model: RecordTableModel[Plot]) -> list[str]:
    return [model.index(row, COL_NAME).data() for row in range(model.rowCount())]


def no_tester_failures(qtlog: _QtMessageCapture) -> list[str]:
    return [record.message for record in qtlog.records if "FAIL!" in record.message]


class Keeper:
    """A filter that records the rows it was given to scan."""

    def __init__(self, wanted: Callable[[Plot], bool]) -> None:
        self.wanted = wanted
        self.given: list[list[int]] = []

    def __call__(self, rows: Iterable[Plot]) -> list[Plot]:
        scanned = list(rows)
        self.given.append([p.id for p in scanned])
        return [p for p in scanned if self.wanted(p)]


# ---------------------------------------------------------------- the Qt model API


def test_the_model_passes_qts_model_tester(
    model: RecordTableModel[Plot], qtmodeltester: ModelTester, qtlog: _QtMessageCapture
) -> None:
    qtmodeltester.check(model)
    model.sort(COL_SIZE, DESCENDING)
    model.set_filter(Keeper(lambda p: p.size > 9))
    model.set_rows([*PLOTS, Plot(5, "elder", 3)])
    model.set_filter(None)
    assert no_tester_failures(qtlog) == []


def test_the_model_passes_the_python_model_tester_too(
    model: RecordTableModel[Plot], qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(model, force_py=True)
    model.sort(COL_NAME)
    model.set_rows(PLOTS[:2])


def test_rows_columns_and_headers(model: RecordTableModel[Plot]) -> None:
    assert model.rowCount() == 4
    assert model.columnCount() == 3
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert model.columnCount(model.index(0, 0)) == 0
    horizontal = Qt.Orientation.Horizontal
    assert [model.headerData(c, horizontal, DISPLAY) for c in range(3)] == ["Name", "Size", "Loaded"]
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) is None
    assert model.headerData(0, horizontal, TOOLTIP) is None


def test_cells_show_the_column_text_in_loaded_order(model: RecordTableModel[Plot]) -> None:
    assert names(model) == ["cherry", "apple", "date", "banana"]
    assert model.index(1, COL_SIZE).data() == "9 m²"
    assert model.index(3, COL_LOADED).data(DISPLAY) == "#4"


def test_alignment_follows_the_column(model: RecordTableModel[Plot]) -> None:
    assert model.index(0, COL_SIZE).data(ALIGNMENT) == RIGHT
    assert model.index(0, COL_NAME).data(ALIGNMENT) == LEFT
    assert RIGHT & int(Qt.AlignmentFlag.AlignRight.value) and LEFT & int(Qt.AlignmentFlag.AlignLeft.value)


def test_a_muted_row_is_grey_with_its_tooltip_and_the_others_are_plain(model: RecordTableModel[Plot]) -> None:
    for column in range(3):
        brush = model.index(1, column).data(FOREGROUND)
        assert isinstance(brush, QBrush) and brush.color() == MUTED_COLOR
        assert model.index(1, column).data(TOOLTIP) == "retired plot"
    assert model.index(0, COL_NAME).data(FOREGROUND) is None
    # a plain row's tooltip is its cell's whole text, for a column too narrow for it
    assert model.index(0, COL_NAME).data(TOOLTIP) == model.index(0, COL_NAME).data()
    assert model.index(1, COL_NAME).data(Qt.ItemDataRole.BackgroundRole) is None


def test_without_a_muted_function_no_row_is_grey(qapp: QApplication) -> None:
    plain = RecordTableModel(columns(), id_of=lambda p: p.id)
    plain.set_rows(PLOTS)
    assert plain.index(1, COL_NAME).data(FOREGROUND) is None
    assert plain.index(1, COL_NAME).data(TOOLTIP) == plain.index(1, COL_NAME).data()


def test_an_invalid_index_has_no_data(qapp: QApplication) -> None:
    empty = make_model()
    assert empty.data(QModelIndex()) is None
    empty.set_rows(PLOTS)
    assert empty.data(QModelIndex()) is None


# ---------------------------------------------------------------- rows and filter


def test_set_rows_replaces_everything_in_one_reset(model: RecordTableModel[Plot]) -> None:
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows([Plot(9, "fig", 1)])
    assert resets == [1]
    assert names(model) == ["fig"]
    assert model.total == 1
    assert model.row_of(1) is None and model.row_of(9) == 0


def test_a_filter_shows_only_what_it_keeps_and_none_shows_all(model: RecordTableModel[Plot]) -> None:
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_filter(Keeper(lambda p: "a" in p.name))
    assert names(model) == ["apple", "date", "banana"]
    assert model.total == 4
    model.set_filter(None)
    assert names(model) == ["cherry", "apple", "date", "banana"]
    assert resets == [1, 1]


def test_a_filter_scans_every_row_unless_it_only_narrows(model: RecordTableModel[Plot]) -> None:
    wide = Keeper(lambda p: "a" in p.name)
    model.set_filter(wide)
    assert wide.given == [[1, 2, 3, 4]]
    narrower = Keeper(lambda p: "an" in p.name)
    model.set_filter(narrower, narrowing=True)
    assert narrower.given == [[2, 3, 4]]  # only the rows shown: cherry was not scanned
    assert names(model) == ["banana"]
    again = Keeper(lambda p: "e" in p.name)
    model.set_filter(again)  # not narrowing: every row again
    assert again.given == [[1, 2, 3, 4]]
    assert names(model) == ["cherry", "apple", "date"]


def test_the_filter_stays_for_new_rows(model: RecordTableModel[Plot]) -> None:
    keep = Keeper(lambda p: p.size >= 50)
    model.set_filter(keep)
    model.set_rows([*PLOTS, Plot(5, "elder", 70), Plot(6, "fig", 1)])
    assert names(model) == ["cherry", "banana", "elder"]
    assert keep.given[-1] == [1, 2, 3, 4, 5, 6]


# ---------------------------------------------------------------- sorting


def test_sorting_by_display_text(model: RecordTableModel[Plot]) -> None:
    model.sort(COL_NAME)
    assert names(model) == ["apple", "banana", "cherry", "date"]
    model.sort(COL_NAME, DESCENDING)
    assert names(model) == ["date", "cherry", "banana", "apple"]


def test_sorting_by_the_sort_key_not_the_text(model: RecordTableModel[Plot]) -> None:
    model.sort(COL_SIZE, ASCENDING)
    assert [model.index(r, COL_SIZE).data() for r in range(4)] == ["9 m²", "10 m²", "55 m²", "100 m²"]
    model.sort(COL_SIZE, DESCENDING)
    assert [model.row_at(r).size for r in range(4)] == [100, 55, 10, 9]


def test_sorting_by_loaded_order_gives_back_the_order_rows_came_in(model: RecordTableModel[Plot]) -> None:
    model.sort(COL_NAME)
    model.sort(COL_LOADED)
    assert names(model) == ["cherry", "apple", "date", "banana"]
    model.sort(COL_LOADED, DESCENDING)
    assert names(model) == ["banana", "date", "apple", "cherry"]


def test_loaded_order_is_that_of_the_last_rows_given(model: RecordTableModel[Plot]) -> None:
    model.sort(COL_LOADED)
    model.set_rows(list(reversed(PLOTS)))
    assert names(model) == ["banana", "date", "apple", "cherry"]


def test_the_sort_survives_new_rows_and_filters(model: RecordTableModel[Plot]) -> None:
    model.sort(COL_SIZE, DESCENDING)
    model.set_rows([*PLOTS, Plot(5, "elder", 70)])
    assert [p.size for p in model.shown_rows()] == [100, 70, 55, 10, 9]
    model.set_filter(Keeper(lambda p: p.size > 9))
    assert [p.size for p in model.shown_rows()] == [100, 70, 55, 10]
    model.set_filter(Keeper(lambda p: p.size > 50), narrowing=True)
    assert [p.size for p in model.shown_rows()] == [100, 70, 55]
    model.set_filter(None)
    assert [p.size for p in model.shown_rows()] == [100, 70, 55, 10, 9]


# ---------------------------------------------------------------- lookup


def test_row_at_row_of_shown_ids_shown_rows_and_total(model: RecordTableModel[Plot]) -> None:
    model.sort(COL_NAME)
    assert model.row_at(0) == PLOTS[1]
    assert model.shown_ids() == [2, 4, 1, 3]
    assert model.shown_rows() == [PLOTS[1], PLOTS[3], PLOTS[0], PLOTS[2]]
    assert [model.row_of(i) for i in (2, 4, 1, 3)] == [0, 1, 2, 3]
    model.set_filter(Keeper(lambda p: p.size >= 50))
    assert model.shown_ids() == [4, 1]
    assert model.row_of(4) == 0 and model.row_of(1) == 1
    assert model.row_of(2) is None  # filtered out
    assert model.row_of(99) is None  # never loaded
    assert model.total == 4
    shown = model.shown_rows()
    shown.clear()  # a copy: the model keeps its rows
    assert model.rowCount() == 2


def test_row_of_finds_the_last_of_20000_rows_from_an_index_made_once(qapp: QApplication) -> None:
    count_ids = CountingId()
    big = make_model(count_ids)
    rows = [Plot(n, f"plot {n}", n % 997) for n in range(1, 20_001)]
    big.set_rows(rows)
    assert big.row_of(20_000) == 19_999
    asked = count_ids.calls
    assert [big.row_of(n) for n in range(1, 20_001)] == list(range(20_000))
    assert count_ids.calls == asked  # every later lookup is a dictionary hit
    big.sort(COL_LOADED, DESCENDING)
    assert big.row_of(20_000) == 0
    big.set_filter(Keeper(lambda p: p.id % 2 == 1))
    assert big.row_of(20_000) is None
    assert big.row_of(19_999) == 0


# ---------------------------------------------------------------- the rooms' model


def room(
    room_id: int,
    building: str,
    unit: str,
    number: str,
    owners: str,
    search: str,
    area_centi: int = 8950,
    archived: int = 0,
    hardship: int = 0,
    developer: int = 0,
) -> RoomRow:
    return RoomRow(
        id=room_id,
        code=f"{building}-{unit}-{number}" if unit else f"{building}-{number}",
        building=building,
        unit=unit,
        number=number,
        area_centi=area_centi,
        use="residential",
        occupancy="self_occupied",
        hardship=hardship,
        elderly_alone=0,
        disabled=0,
        developer=developer,
        owners=owners,
        owner_phones="13800138000",
        tenants="",
        tenant_phones="",
        archived=archived,
        search=search,
    )


# Search text as the store keeps it: the code without its dashes, then names and their pinyin.
ROOMS = [
    room(1, "3", "1", "101", "张三", "31101\x1f张三 zhangsan zs", 12000),
    room(2, "3", "2", "201", "赵六", "32201\x1f赵六 zhaoliu zl", 6000),
    room(3, "3", "2", "202", "张伟", "32202\x1f张伟 zhangwei zw", 9000, archived=1),
    room(4, "5", "1", "101", "李四", "51101\x1f李四 lisi ls", 7000),
    room(5, "5", "1", "102", "张丽", "51102\x1f张丽 zhangli zl", 8000),
]


@pytest.fixture
def rooms(qapp: QApplication) -> Iterator[RoomTableModel]:
    made = RoomTableModel()
    made.set_rows(ROOMS)
    yield made


def room_ids(model: RoomTableModel) -> list[int]:
    return model.shown_ids()


def spy_on_filters(model: RoomTableModel, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record the ``narrowing`` of every filter the model sets."""
    narrowings: list[bool] = []
    original = model.set_filter

    def spy(keep: Any, narrowing: bool = False) -> None:
        narrowings.append(narrowing)
        original(keep, narrowing)

    monkeypatch.setattr(model, "set_filter", spy)
    return narrowings


def test_the_rooms_model_passes_qts_model_tester(
    rooms: RoomTableModel, qtmodeltester: ModelTester, qtlog: _QtMessageCapture
) -> None:
    qtmodeltester.check(rooms)
    rooms.set_query("zh")
    rooms.set_place("3", None)
    rooms.sort(COL_AREA, DESCENDING)
    assert no_tester_failures(qtlog) == []


def test_the_flags_column_names_the_developer_like_the_other_flags(qapp: QApplication) -> None:
    model = RoomTableModel()
    model.set_rows(
        [
            room(1, "3", "1", "101", "张三", ""),
            room(2, "3", "1", "102", "", "", developer=1),
            room(3, "3", "1", "103", "李四", "", hardship=1, developer=1),
            room(4, "3", "1", "104", "王五", "", hardship=1),
        ]
    )
    hardship, developer = labels.flag(Flag.HARDSHIP), labels.flag(Flag.DEVELOPER)
    assert developer and developer != hardship
    shown = [model.index(line, COL_FLAGS).data(DISPLAY) for line in range(model.rowCount())]
    assert shown == ["", developer, f"{hardship}、{developer}", hardship]


def test_typing_more_letters_narrows_the_rows_already_shown(
    rooms: RoomTableModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    narrowings = spy_on_filters(rooms, monkeypatch)
    rooms.set_query("z")
    assert room_ids(rooms) == [1, 2, 3, 5]
    rooms.set_query("zh")
    assert room_ids(rooms) == [1, 2, 3, 5]
    rooms.set_query("zhang")
    assert room_ids(rooms) == [1, 3, 5]
    rooms.set_query("zhan")  # a letter taken back: every row again
    assert room_ids(rooms) == [1, 3, 5]
    rooms.set_query("zhang li")  # another word: narrower still
    assert room_ids(rooms) == [5]
    rooms.set_query("")
    assert room_ids(rooms) == [1, 2, 3, 4, 5]
    assert narrowings == [False, True, True, False, True, False]


def test_the_same_query_typed_again_does_not_filter_again(
    rooms: RoomTableModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    narrowings = spy_on_filters(rooms, monkeypatch)
    rooms.set_query("zhang")
    rooms.set_query(" Zhang ")
    assert narrowings == [False]


def test_the_query_folds_case_and_separators(rooms: RoomTableModel) -> None:
    rooms.set_query("ZhangLi")
    assert room_ids(rooms) == [5]
    rooms.set_query("5-1-102")
    assert room_ids(rooms) == [5]


def test_place_and_query_combine(rooms: RoomTableModel) -> None:
    rooms.set_query("zh")
    rooms.set_place("3", None)
    assert room_ids(rooms) == [1, 2, 3]
    rooms.set_place("3", "2")
    assert room_ids(rooms) == [2, 3]
    rooms.set_query("zhang")
    assert room_ids(rooms) == [3]
    rooms.set_place("5", "1")
    assert room_ids(rooms) == [5]
    rooms.set_place(None, None)
    assert room_ids(rooms) == [1, 3, 5]
    rooms.set_query("")
    assert room_ids(rooms) == [1, 2, 3, 4, 5]


def test_the_rooms_filter_stays_for_a_reload(rooms: RoomTableModel) -> None:
    rooms.set_query("zhang")
    rooms.set_place("5", None)
    rooms.set_rows([*ROOMS, room(6, "5", "2", "201", "张飞", "52201\x1f张飞 zhangfei zf")])
    assert room_ids(rooms) == [5, 6]


def test_archived_rooms_are_muted(rooms: RoomTableModel) -> None:
    line = rooms.row_of(3)
    assert line is not None
    brush = rooms.index(line, COL_OWNERS).data(FOREGROUND)
    assert isinstance(brush, QBrush) and brush.color() == MUTED_COLOR
    tip = rooms.index(line, COL_CODE).data(TOOLTIP)
    assert isinstance(tip, str) and tip
    live = rooms.row_of(1)
    assert live is not None
    assert rooms.index(live, COL_CODE).data(FOREGROUND) is None
    assert rooms.index(live, COL_CODE).data(TOOLTIP) == rooms.index(live, COL_CODE).data() != tip


def test_rooms_sort_by_area_number_and_by_code_in_loaded_order(rooms: RoomTableModel) -> None:
    rooms.sort(COL_AREA)
    assert room_ids(rooms) == [2, 4, 5, 3, 1]
    assert rooms.index(0, COL_AREA).data() == "60.00"
    assert rooms.index(0, COL_AREA).data(ALIGNMENT) == RIGHT
    rooms.sort(COL_CODE, DESCENDING)
    assert room_ids(rooms) == [5, 4, 3, 2, 1]


# ---------------------------------------------------------------- search, scope, colour, keys


def searchable(qapp: QApplication, scanned: list[str] | None = None) -> RecordTableModel[Plot]:
    def text(plot: Plot) -> str:
        if scanned is not None:
            scanned.append(plot.name)
        return f"{plot.name} {plot.size}"

    made = RecordTableModel(columns(), id_of=lambda p: p.id, search_text=text)
    made.set_rows(PLOTS)
    return made


def test_every_word_typed_must_be_in_the_search_text(qapp: QApplication) -> None:
    made = searchable(qapp)
    made.set_query("an")
    assert names(made) == ["banana"]
    made.set_query("e  10")  # words in any order, each folded as a query is
    assert names(made) == ["cherry", "date"]
    made.set_query("")
    assert made.rowCount() == 4


def test_typing_one_more_letter_scans_only_what_is_shown(qapp: QApplication) -> None:
    scanned: list[str] = []
    made = searchable(qapp, scanned)
    made.set_query("a")
    assert len(scanned) == 4
    scanned.clear()
    made.set_query("ap")  # narrows: only the rows "a" left are looked at again
    assert names(made) == ["apple"] and len(scanned) == 3
    scanned.clear()
    made.set_query("c")  # not a narrowing: every row again
    assert len(scanned) == 4


def test_the_scope_and_the_search_combine_and_survive_new_rows(qapp: QApplication) -> None:
    made = searchable(qapp)
    made.set_scope(lambda plot: plot.size >= 10)
    made.set_query("a")
    assert names(made) == ["banana", "date"] or names(made) == ["date", "banana"]
    made.set_rows([*PLOTS, Plot(5, "avocado", 3), Plot(6, "papaya", 30)])
    assert sorted(names(made)) == ["banana", "date", "papaya"]
    made.set_scope(None)
    assert sorted(names(made)) == ["apple", "avocado", "banana", "date", "papaya"]


def test_a_column_may_colour_its_cells(qapp: QApplication) -> None:
    coloured = [
        *columns()[:2],
        ColumnSpec(
            "owed", "Owed", lambda p: str(p.size), colour=lambda p: "#c0392b" if p.size > 50 else None
        ),
    ]
    made = RecordTableModel(coloured, id_of=lambda p: p.id)
    made.set_rows(PLOTS)
    red = made.index(0, 2).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.color().name() == "#c0392b"
    assert made.index(1, 2).data(Qt.ItemDataRole.ForegroundRole) is None
    assert made.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None  # other columns are plain


def test_columns_are_found_by_their_key(model: RecordTableModel[Plot]) -> None:
    assert [model.column_index(key) for key in ("name", "size", "loaded")] == [0, 1, 2]
    with pytest.raises(KeyError):
        model.column_index("nothing")


def test_a_record_whose_key_is_the_word_typed_comes_first(qapp: QApplication) -> None:
    plots = [Plot(1, "date palm", 5), Plot(2, "date", 1), Plot(3, "dates", 9)]
    made = RecordTableModel(
        columns(),
        id_of=lambda p: p.id,
        search_text=lambda p: p.name.replace(" ", ""),
        exact_key=lambda p: p.name,
    )
    made.set_rows(plots)
    made.sort(COL_SIZE, DESCENDING)
    made.set_query("dat")
    assert names(made) == ["dates", "date palm", "date"]
    made.set_query("date")  # one word, and one record's key: that record first, the rest as sorted
    assert names(made) == ["date", "dates", "date palm"]
    made.sort(COL_SIZE, ASCENDING)
    assert names(made) == ["date", "date palm", "dates"]
    made.set_query("dates")  # the record put first is no longer the word typed: sorted again
    assert names(made) == ["dates"]
    made.set_query("date s")  # two words are not a key
    assert names(made) == ["dates"]


def test_an_exact_query_reads_the_text_typed_as_the_key_is_written(qapp: QApplication) -> None:
    # Folded alike ("date-palm" and "datepalm" are both datepalm): only the key typed comes first.
    plots = [Plot(1, "datepalm", 5), Plot(2, "date-palm", 1)]
    made = RecordTableModel(
        columns(),
        id_of=lambda p: p.id,
        search_text=lambda p: p.name.replace("-", ""),
        exact_key=lambda p: p.name,
        exact_query=lambda text: text.strip() or None,
    )
    made.set_rows(plots)
    made.sort(COL_SIZE, DESCENDING)
    made.set_query("datepalm")
    assert names(made) == ["datepalm", "date-palm"]
    made.set_query("date-palm")  # the same folded word, another exact key: that record first
    assert names(made) == ["date-palm", "datepalm"]


class DigitsByTheirEnds(RecordTableModel[Plot]):
    """A model whose digit words find a size only when it ends with them (not a narrowing)."""

    def finder(self, word: str) -> Callable[[Plot], bool] | None:
        if word.isdigit():
            return lambda plot: str(plot.size).endswith(word)
        return super().finder(word)

    def narrows(self, old: str, new: str) -> bool:
        return old in new and not old.isdigit()


def test_a_model_may_find_records_its_own_way_and_say_what_narrows(qapp: QApplication) -> None:
    made = DigitsByTheirEnds(columns(), id_of=lambda p: p.id, search_text=lambda p: p.name)
    made.set_rows([Plot(1, "cherry", 100), Plot(2, "apple", 20), Plot(3, "date", 120)])
    made.set_query("2")
    assert names(made) == []
    made.set_query("20")  # "2" is in "20", yet no narrowing for this model: every row again
    assert names(made) == ["apple", "date"]
    made.set_query("120")
    assert names(made) == ["date"]
    made.set_query("pp")
    assert names(made) == ["apple"]
