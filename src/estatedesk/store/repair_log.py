"""The repair log's summaries checked against its steps: what ``check`` reports as stale orders.

An order's row keeps what was received, and a summary of its steps (state, worker, first arrival
and completion, visits, reworks, last note) that the services update with each step. The steps
are the record; a summary that no longer follows from them was written behind the program's back.
"""

from __future__ import annotations

import sqlite3
from itertools import groupby

from estatedesk.domain.errors import ValidationError
from estatedesk.domain.repairs import OrderKind, State, Step, next_state

_SUMMARY = "state, worker, arrived_at, done_at, visits, satisfied_visits, reworks, last_note"


StepRow = tuple[str, str, str | None, int | None, str | None]  # kind, at, worker, satisfied, text


def replayed_summary(kind: OrderKind, steps: list[StepRow]) -> tuple[object, ...] | None:
    """The summary an order's steps (kind, at, worker, satisfied, text) give, None if they break the flow."""
    state, paused_from = State.RECEIVED, None
    worker = arrived = done = note = None
    visits = satisfied_visits = reworks = 0
    for step_kind, at, step_worker, satisfied, text in steps:
        step = Step(step_kind)
        if step is Step.RECEIVE:
            continue
        try:
            moved = next_state(
                state,
                step,
                kind,
                None if satisfied is None else bool(satisfied),
                paused_from,
                worker is not None,
            )
        except ValidationError:
            return None
        if step is Step.PAUSE:
            paused_from = state
        elif step in (Step.DISPATCH, Step.START):
            paused_from = None
        if step is Step.DISPATCH:
            worker = step_worker
        elif step is Step.START:
            arrived = arrived or at
        elif step is Step.DONE:
            done = done or at
        elif step is Step.VISIT:
            visits += 1
            satisfied_visits += int(bool(satisfied))
            reworks += int(not satisfied)
        elif step is Step.NOTE:
            note = text
        state = moved
    return (state.value, worker, arrived, done, visits, satisfied_visits, reworks, note)


def stale_orders(connection: sqlite3.Connection) -> int:
    """How many orders' stored summaries differ from what their steps give."""
    stored = {
        int(row[0]): (OrderKind(row[1]), tuple(row[2:]))
        for row in connection.execute(f"SELECT id, kind, {_SUMMARY} FROM repair_order")
    }
    steps = connection.execute(
        "SELECT order_id, kind, at, worker, satisfied, text FROM repair_step ORDER BY order_id, id"
    )
    stale = 0
    seen: set[int] = set()
    for order_id, rows in groupby(steps, key=lambda row: int(row[0])):
        seen.add(order_id)
        if order_id not in stored:
            stale += 1
            continue
        kind, summary = stored[order_id]
        if replayed_summary(kind, [tuple(row[1:]) for row in rows]) != summary:
            stale += 1
    return stale + len(set(stored) - seen)  # an order without even its receipt step
