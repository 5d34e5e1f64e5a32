"""services.changes: committed writes are announced once, by kind; rolled-back ones never."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from estatedesk.domain.errors import InputRejected
from estatedesk.services import changes, households
from estatedesk.services import estate as estates
from estatedesk.services.changes import Records, listen, writing
from estatedesk.services.households import RoomInput
from estatedesk.store import sql
from estatedesk.store.db import EstateFile, EstateFileReadOnly, create_estate, open_estate
from estatedesk.store.models import Setting
from estatedesk.store.sql import in_transaction


class Boom(Exception):
    """Raised on purpose inside a write."""


class Heard:
    """A listener that records every announcement and the thread it came on."""

    def __init__(self) -> None:
        self.kinds: list[frozenset[Records]] = []
        self.threads: list[int] = []

    def __call__(self, kinds: frozenset[Records]) -> None:
        self.kinds.append(kinds)
        self.threads.append(threading.get_ident())


@pytest.fixture
def heard() -> Iterator[Heard]:
    """A listener for the test, stopped after it."""
    listener = Heard()
    stop = listen(listener)
    yield listener
    stop()


@pytest.fixture
def notes(estate: EstateFile) -> EstateFile:
    """The test estate with a small table to write to."""
    sql.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
    return estate


def add_note(text: str) -> None:
    sql.insert("INSERT INTO note (text) VALUES (?)", (text,))


def note_texts() -> list[str]:
    return [row[0] for row in sql.execute("SELECT text FROM note ORDER BY id")]


# ---------------------------------------------------------------- writing


def test_a_committed_write_is_announced_once_with_its_kinds(notes: EstateFile, heard: Heard) -> None:
    with writing(Records.ROOMS, Records.ESTATE):
        add_note("a")
        add_note("b")
        assert heard.kinds == []  # not before the commit
    assert heard.kinds == [frozenset({Records.ROOMS, Records.ESTATE})]
    assert note_texts() == ["a", "b"]


def test_a_rolled_back_write_is_never_announced(notes: EstateFile, heard: Heard) -> None:
    with pytest.raises(Boom), writing(Records.ROOMS):
        add_note("lost")
        raise Boom
    assert heard.kinds == []
    assert note_texts() == []
    with writing(Records.ESTATE):  # and the failed one leaves nothing behind for the next
        add_note("kept")
    assert heard.kinds == [frozenset({Records.ESTATE})]


def test_a_write_of_no_kind_announces_nothing(notes: EstateFile, heard: Heard) -> None:
    with writing():
        add_note("quiet")
    assert heard.kinds == []
    assert note_texts() == ["quiet"]


def test_nested_writes_are_announced_once_with_every_kind_at_the_outermost_exit(
    notes: EstateFile, heard: Heard
) -> None:
    with writing(Records.ESTATE):
        add_note("outer")
        with writing(Records.ROOMS):
            add_note("inner")
        with writing(Records.ROOMS):
            add_note("inner again")
        assert heard.kinds == []
    assert heard.kinds == [frozenset({Records.ESTATE, Records.ROOMS})]


def test_an_inner_failure_caught_outside_still_lets_the_outer_commit_be_announced(
    notes: EstateFile, heard: Heard
) -> None:
    with writing(Records.ESTATE):
        add_note("outer")
        with pytest.raises(Boom), writing(Records.ROOMS):
            add_note("inner")
            raise Boom
    assert note_texts() == ["outer"]
    assert len(heard.kinds) == 1
    assert Records.ESTATE in heard.kinds[0]


def test_the_kinds_of_a_rolled_back_inner_write_are_not_announced(notes: EstateFile, heard: Heard) -> None:
    with writing(Records.ESTATE):
        add_note("outer")
        with pytest.raises(Boom), writing(Records.ROOMS):
            add_note("inner")
            raise Boom
    assert heard.kinds == [frozenset({Records.ESTATE})]


def test_an_outer_failure_announces_nothing_even_after_an_inner_write_finished(
    notes: EstateFile, heard: Heard
) -> None:
    with pytest.raises(Boom), writing(Records.ESTATE):
        with writing(Records.ROOMS):
            add_note("inner")
        raise Boom
    assert heard.kinds == []
    assert note_texts() == []
    with writing(Records.ESTATE):
        pass
    assert heard.kinds == [frozenset({Records.ESTATE})]  # ROOMS of the failed write is forgotten


# ---------------------------------------------------------------- listening


def test_listen_returns_the_function_that_stops_the_listener(notes: EstateFile) -> None:
    listener = Heard()
    stop = listen(listener)
    with writing(Records.ROOMS):
        add_note("heard")
    stop()
    with writing(Records.ROOMS):
        add_note("not heard")
    assert listener.kinds == [frozenset({Records.ROOMS})]


def test_every_listener_hears_every_write(notes: EstateFile, heard: Heard) -> None:
    other = Heard()
    stop = listen(other)
    try:
        with writing(Records.ESTATE):
            add_note("x")
    finally:
        stop()
    assert heard.kinds == other.kinds == [frozenset({Records.ESTATE})]


def test_a_listener_added_twice_hears_twice_until_one_is_stopped(notes: EstateFile) -> None:
    listener = Heard()
    stop_first = listen(listener)
    stop_second = listen(listener)
    try:
        with writing(Records.ROOMS):
            add_note("x")
        assert len(listener.kinds) == 2
        stop_first()
        with writing(Records.ROOMS):
            add_note("y")
        assert len(listener.kinds) == 3
        stop_second()
        with writing(Records.ROOMS):
            add_note("z")
        assert len(listener.kinds) == 3
    finally:
        stop_first()
        stop_second()


def test_stopping_twice_is_harmless(notes: EstateFile) -> None:
    listener = Heard()
    before = len(changes._listeners)
    stop = listen(listener)
    stop()
    stop()
    assert len(changes._listeners) == before


def test_a_stop_called_twice_does_not_stop_another_registration_of_the_same_listener(
    notes: EstateFile,
) -> None:
    listener = Heard()
    stop_first = listen(listener)
    stop_second = listen(listener)
    try:
        stop_first()
        stop_first()
        with writing(Records.ROOMS):
            add_note("x")
        assert len(listener.kinds) == 1
    finally:
        stop_second()


# ---------------------------------------------------------------- threads


def run_on_a_thread(work: Callable[[], None]) -> list[BaseException]:
    failures: list[BaseException] = []

    def target() -> None:
        try:
            with estates.worker_thread():
                work()
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=30)
    assert not thread.is_alive()
    return failures


def test_a_write_on_a_worker_thread_is_announced_on_that_thread(notes: EstateFile, heard: Heard) -> None:
    worker: list[int] = []

    def work() -> None:
        worker.append(threading.get_ident())
        with writing(Records.ROOMS):
            add_note("from the worker")

    assert run_on_a_thread(work) == []
    assert heard.kinds == [frozenset({Records.ROOMS})]
    assert heard.threads == worker
    assert worker[0] != threading.get_ident()
    assert note_texts() == ["from the worker"]


def test_each_thread_nests_its_own_writes(notes: EstateFile, heard: Heard) -> None:
    main = threading.get_ident()

    def work() -> None:
        with writing(Records.ROOMS):
            sql.execute(
                "SELECT COUNT(*) FROM note"
            ).fetchone()  # a read: the main thread holds the write lock

    with writing(Records.ESTATE):
        add_note("main")
        # The main thread's open write neither delays the worker's announcement nor joins its kinds.
        assert run_on_a_thread(work) == []
        assert heard.kinds == [frozenset({Records.ROOMS})]
        assert heard.threads[0] != main
    assert heard.kinds == [frozenset({Records.ROOMS}), frozenset({Records.ESTATE})]
    assert heard.threads[1] == main


# ---------------------------------------------------------------- a real service


def test_creating_a_room_announces_rooms(estate: EstateFile, heard: Heard) -> None:
    households.create_room(RoomInput("3", "2", "501", "89.5"))
    assert heard.kinds == [frozenset({Records.ROOMS})]


def test_a_refused_room_announces_nothing(estate: EstateFile, heard: Heard) -> None:
    with pytest.raises(InputRejected):
        households.create_room(RoomInput("3", "2", "", "89.5"))
    assert heard.kinds == []
    assert households.estate_counts().rooms == 0


# ---------------------------------------------------------------- a file open read-only


def test_a_write_to_a_read_only_file_is_refused_and_announced_to_nobody(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "estate.sqlite3"
    create_estate(path, "小区").close()
    monkeypatch.setattr("estatedesk.store.db.can_write", lambda path: False)
    heard: list[frozenset[Records]] = []
    stop = listen(heard.append)
    estate = open_estate(path)
    try:
        with pytest.raises(EstateFileReadOnly), writing(Records.ROOMS):
            raise AssertionError("the block must not run")
        assert heard == [] and not in_transaction()
    finally:
        estate.close()
        stop()
    monkeypatch.undo()
    estate = open_estate(path)  # and the next write, on a file that can be written, is a plain one
    try:
        with writing(Records.ESTATE):
            Setting.create(key="note", value="ok")
        assert heard == []  # stopped listening above
        assert Setting.get_by_id("note").value == "ok"
    finally:
        estate.close()
