"""Which kinds of records a committed write changed, told to whoever listens (the window's tabs).

Every service that writes does so inside ``writing(kinds…)``: one transaction, and once it is
committed (never when it rolls back) each listener hears the kinds it changed, once, whatever
nesting there was. Listeners run on the thread that wrote: the GUI relays them to its own
thread with a Qt signal. A tab then refreshes only if it shows one of those kinds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum

from estatedesk.store.sql import transaction


class Records(StrEnum):
    """Kinds of records a write may change; a tab declares which of them it shows."""

    ESTATE = "estate"  # the estate's own name and settings
    ROOMS = "rooms"  # rooms, their owners and residents, parking spaces (the households file)


Listener = Callable[[frozenset[Records]], None]
_listeners: list[Listener] = []
_listeners_lock = threading.Lock()


class _WriteState(threading.local):
    """The kinds written so far in this thread's open transaction, and how deep it is nested."""

    def __init__(self) -> None:
        self.depth = 0
        self.kinds: set[Records] = set()


_state = _WriteState()


def listen(listener: Listener) -> Callable[[], None]:
    """Call ``listener`` after every committed write; returns the function that stops it."""
    with _listeners_lock:
        _listeners.append(listener)

    def stop() -> None:
        with _listeners_lock:
            if listener in _listeners:
                _listeners.remove(listener)

    return stop


def announce(kinds: frozenset[Records]) -> None:
    """Tell every listener that records of ``kinds`` changed (``writing`` does this on commit)."""
    if not kinds:
        return
    with _listeners_lock:
        listeners = list(_listeners)
    for listener in listeners:
        listener(kinds)


@contextmanager
def writing(*kinds: Records) -> Iterator[None]:
    """A transaction that changes records of ``kinds``; listeners hear of them once it is committed."""
    _state.depth += 1
    _state.kinds.update(kinds)
    try:
        with transaction():
            yield
    except BaseException:
        _state.depth -= 1
        if _state.depth == 0:
            _state.kinds.clear()  # rolled back: nothing changed
        raise
    _state.depth -= 1
    if _state.depth == 0:
        changed = frozenset(_state.kinds)
        _state.kinds.clear()
        announce(changed)
