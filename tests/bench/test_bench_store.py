"""Store figures on a demo estate of 20,000 rooms (2,000 with ESTATEDESK_BENCH_QUICK=1).

Printed as ``BENCH name=value`` lines, never asserted: machines differ, the figures are for
people to compare.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator

import pytest

from estatedesk.domain.errors import Unconfirmed
from estatedesk.domain.search import normalize_query
from estatedesk.services import demo, households
from estatedesk.store.db import EstateFile, create_estate

ROOMS = 2_000 if os.environ.get("ESTATEDESK_BENCH_QUICK") == "1" else 20_000
QUERIES = ("zs", "zhangsan", "3-2-501", "1380", "王玥")

pytestmark = pytest.mark.bench


def report(name: str, seconds: float) -> None:
    print(f"\nBENCH {name}_seconds={seconds:.4f}")


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.fixture(scope="module")
def big_estate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EstateFile]:
    """One demo estate for the whole module: making 20,000 rooms takes several seconds."""
    estate = create_estate(tmp_path_factory.mktemp("bench-store") / "big.sqlite3", "基准小区")
    start = time.perf_counter()
    demo.generate(ROOMS, seed=3, with_fees=False)  # the households alone, as this figure always was
    report(f"demo_generate_{ROOMS}", time.perf_counter() - start)
    yield estate
    estate.close()


def test_list_rooms(big_estate: EstateFile) -> None:
    rows = households.list_rooms()
    assert len(rows) == ROOMS  # the figure below is for the whole list
    report(f"list_rooms_{ROOMS}", best_of(3, households.list_rooms))


def test_filter_rows_for_one_query(big_estate: EstateFile) -> None:
    rows = households.list_rooms()
    figures = []
    for query in QUERIES:
        folded = normalize_query(query)
        matches = [r for r in rows if folded in r.search]
        figures.append(best_of(5, lambda folded=folded: [r for r in rows if folded in r.search]))
        print(f"\n{query!r}: {len(matches)} rooms")
    assert [r for r in rows if normalize_query(rows[0].code) in r.search]  # a query that finds something
    report(f"filter_{ROOMS}_rooms_one_query", statistics.median(figures))


def test_room_detail(big_estate: EstateFile) -> None:
    rows = households.list_rooms()
    sample = [row.id for row in rows[:: max(1, len(rows) // 50)]]
    seconds = best_of(3, lambda: [households.room_detail(room_id) for room_id in sample])
    report(f"room_detail_{ROOMS}", seconds / len(sample))


def test_single_saves(big_estate: EstateFile) -> None:
    """One dialog save on the big estate: the room, its people and the list summaries it refreshes."""
    rows = households.list_rooms()
    created: list[int] = []
    create_times = []
    for n in range(20):
        data = households.RoomInput(
            "900", "1", f"{n + 1}01", "89.5", owners=[households.PersonInput("王玥", f"139{n:08d}")]
        )
        start = time.perf_counter()
        created.append(households.create_room(data))
        create_times.append(time.perf_counter() - start)
    update_times = []
    for n in range(20):
        # a room of the demo gets a new area and its first owner a new phone: any other room
        # that owner has is refreshed too
        room_id = rows[n * (len(rows) // 20)].id
        data = households.room_detail(room_id).as_input()
        data.area = "77.70"
        if data.owners:
            data.owners[0].phone = f"137{n:08d}"
        # An owner of other rooms too: the clerk is asked first, as the dialog does; the save
        # measured is the one after the yes.
        try:
            households.update_room(room_id, data, confirmed=())
            confirmed: set[str] = set()
        except Unconfirmed as asked:
            confirmed = {caution.key for caution in asked.cautions}
            start = time.perf_counter()
            households.update_room(room_id, data, confirmed=confirmed)
            update_times.append(time.perf_counter() - start)
            continue
        # saved without a question (no other rooms): measure a second, equal save's cost instead
        data.area = "77.80"
        start = time.perf_counter()
        households.update_room(room_id, data, confirmed=confirmed)
        update_times.append(time.perf_counter() - start)
    for room_id in created:  # leave the estate as the other figures expect it
        assert households.remove_room(room_id) == "deleted"
    report(f"create_room_{ROOMS}", statistics.median(create_times))
    report(f"update_room_{ROOMS}", statistics.median(update_times))
