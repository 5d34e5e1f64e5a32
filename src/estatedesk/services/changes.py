"""Which kinds of records a committed write changed, told to whoever listens (the window's tabs).

Every service that writes does so inside ``writing(kinds…)``: one transaction, and once it is
committed (never when it rolls back) each listener hears the kinds it changed, once, whatever
nesting there was. Listeners run on the thread that wrote: the GUI relays them to its own
thread with a Qt signal. A tab then refreshes only if it shows one of those kinds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum

from estatedesk.store.sql import in_transaction, transaction

log = logging.getLogger("estatedesk")


class Records(StrEnum):
    """Kinds of records a write may change; a tab declares which of them it shows."""

    ESTATE = "estate"  # the estate's own name and settings (fee settings are kept there too)
    ROOMS = "rooms"  # rooms, their owners and residents, parking spaces (the households file)
    FEES = "fees"  # fee items and prices, charges, reductions, payments, receipts (the fee ledger)
    VOTES = "votes"  # owners' votes and elections: frozen rolls, ballots, scrutineers' counts
    REPAIRS = "repairs"  # repair orders and their steps, facilities, time limits, the holiday table
    CLEANING = "cleaning"  # cleaning areas, tasks, cleaners and leave, rotas, inspections


Listener = Callable[[frozenset[Records]], None]
_listeners: dict[object, Listener] = {}  # one entry per registration, in the order they were made
_listeners_lock = threading.Lock()


class _WriteState(threading.local):
    """The open ``writing`` blocks of a thread, innermost last, each with the kinds it wrote."""

    def __init__(self) -> None:
        self.levels: list[set[Records]] = []


_state = _WriteState()


def listen(listener: Listener) -> Callable[[], None]:
    """Call ``listener`` after every committed write; returns the function that stops it (once)."""
    registration = object()
    with _listeners_lock:
        _listeners[registration] = listener

    def stop() -> None:
        with _listeners_lock:
            _listeners.pop(registration, None)

    return stop


def announce(kinds: frozenset[Records]) -> None:
    """Tell every listener that records of ``kinds`` changed (``writing`` does this on commit).

    A listener that fails is logged, not raised: the write is committed by then, and its
    caller must not be told it failed; every other listener still hears of it.
    """
    if not kinds:
        return
    with _listeners_lock:
        listeners = list(_listeners.values())
    for listener in listeners:
        try:
            listener(kinds)
        except Exception:
            log.exception("a listener failed to hear of changed %s", sorted(kinds))


@contextmanager
def writing(*kinds: Records) -> Iterator[None]:
    """A transaction that changes records of ``kinds``; listeners hear of them once it is committed.

    Nested blocks are savepoints: what a block that rolled back wrote is not announced, what
    the others wrote is announced once, when the outermost block commits.
    """
    levels = _state.levels
    if not levels and in_transaction():
        # The write would be announced at its savepoint, before the outer transaction commits
        # (or rolls back): a service's outermost transaction must be a writing() block.
        raise RuntimeError("writing() inside a plain transaction(): make the outer one a writing()")
    levels.append(set(kinds))
    try:
        with transaction():
            yield
    except BaseException:
        levels.pop()  # rolled back: what it wrote did not happen
        raise
    written = levels.pop()
    if levels:
        levels[-1].update(written)
    else:
        announce(frozenset(written))
