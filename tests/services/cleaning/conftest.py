"""Fixtures of the cleaning services' tests: a crew at the office desk, and checks shared by the modules.

``crew`` works through the services only, as the clerk does: common areas and cleaners by name,
tasks as typed (frequencies as the command line writes them, minutes as text). ``scratch()``
rolls a block of work back, so that a hypothesis test may try many examples on one file.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

import estatedesk
from estatedesk.domain.cleaning import AreaKind
from estatedesk.domain.errors import MESSAGE_CONTEXT, InputRejected, ValidationError
from estatedesk.services import cleaning
from estatedesk.services.changes import Records, writing
from estatedesk.services.cleaning import CleanerInput, TaskInput
from estatedesk.store.db import EstateFile

MONTH = "2026-12"  # starts on a Tuesday; 31 days
LONG_AGO = "2026-01-01"  # tasks start before the month, so every-n-days/months count from it


def fields(refused: pytest.ExceptionInfo[InputRejected]) -> list[str]:
    """The fields an input was refused on, in the order told."""
    return [error.field for error in refused.value.errors]


@cache
def translatable() -> frozenset[str]:
    """Every template marked QT_TRANSLATE_NOOP("messages", …) in the program's sources (lupdate's input)."""
    found: set[str] = set()
    for path in Path(estatedesk.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QT_TRANSLATE_NOOP"
                and len(node.args) == 2
                and all(isinstance(arg, ast.Constant) for arg in node.args)
            ):
                context, text = (arg.value for arg in node.args)  # type: ignore[attr-defined]
                if context == MESSAGE_CONTEXT:
                    found.add(text)
    return frozenset(found)


def refused_on(refused: pytest.ExceptionInfo[InputRejected], field_name: str) -> ValidationError:
    """The one error on ``field_name``, checked to be a template the Chinese translation can pick up."""
    errors = [error for error in refused.value.errors if error.field == field_name]
    assert len(errors) == 1, fields(refused)
    assert errors[0].template in translatable(), errors[0].template
    errors[0].template.format(**errors[0].params)  # every placeholder has its value
    return errors[0]


@dataclass
class Crew:
    """The office's cleaning desk: areas, cleaners and tasks by name, through the services."""

    estate: EstateFile
    areas: dict[str, int] = field(default_factory=dict)
    cleaners: dict[str, int] = field(default_factory=dict)

    def area(self, name: str, kind: AreaKind = AreaKind.ROAD, responsible: str | None = None) -> int:
        """Add a common area, with its responsible cleaner if named."""
        self.areas[name] = cleaning.add_area(kind, name)
        if responsible is not None:
            cleaning.set_responsible(self.areas[name], self.cleaners[responsible])
        return self.areas[name]

    def cleaner(self, name: str, off: str = "", minutes: int = 480, phone: str = "") -> int:
        """Add a cleaner with their days off (sun, or sat,sun) and minutes of work a day."""
        self.cleaners[name] = cleaning.add_cleaner(CleanerInput(name, phone, off, str(minutes)))
        return self.cleaners[name]

    def task(self, area: str, what: str, every: str, minutes: int, starts_on: str = LONG_AGO) -> int:
        """Add a task to an area named, as typed."""
        return cleaning.add_task(TaskInput(self.areas[area], what, every, str(minutes), starts_on))

    def name(self, cleaner_id: int | None) -> str:
        """A cleaner's name by id (empty: none)."""
        return next((name for name, known in self.cleaners.items() if known == cleaner_id), "")

    @contextmanager
    def scratch(self) -> Iterator[None]:
        """Work done inside is rolled back when the block ends (one file, many hypothesis examples)."""
        saved = (dict(self.areas), dict(self.cleaners))
        try:
            with writing(Records.CLEANING):
                yield
                raise _Undo
        except _Undo:
            pass
        finally:
            self.areas, self.cleaners = saved


class _Undo(Exception):
    """Raised to roll a scratch block back."""


@pytest.fixture
def crew(estate: EstateFile) -> Crew:
    """An empty cleaning desk on a new estate file (no rooms, so no stairwells)."""
    return Crew(estate)
