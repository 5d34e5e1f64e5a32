"""Typed errors raised by domain rules and services.

Messages are English source strings marked with ``QT_TRANSLATE_NOOP`` so that Qt's
lupdate collects them into the translation files; the GUI translates the template and
then fills in the parameters, the CLI prints the English text as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

MESSAGE_CONTEXT = "messages"
T = TypeVar("T")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here."""
    return text


class EstateDeskError(Exception):
    """Base of every error EstateDesk reports to a person rather than as a crash."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params: Mapping[str, object] = params
        super().__init__(template.format(**params))

    @property
    def message(self) -> str:
        """The English message with its parameters filled in."""
        return self.template.format(**self.params)


class ValidationError(EstateDeskError):
    """One bad value: ``field`` names the input it belongs to."""

    def __init__(self, field: str, template: str, **params: object) -> None:
        self.field = field
        super().__init__(template, **params)


class Problems(list[ValidationError]):
    """The problems found while checking one input, gathered so that all of them are told at once."""

    def attempt(self, check: Callable[..., T], *args: Any) -> T | None:
        """``check(*args)``; if it raises a ``ValidationError``, note it here and return None."""
        try:
            return check(*args)
        except ValidationError as error:
            self.append(error)
            return None


class InputRejected(EstateDeskError):
    """A whole input was refused; ``errors`` lists every bad value found."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors) or "invalid input")


class Caution(ValidationError):
    """A value the rules accept only once the clerk has confirmed it: a warning, not an error.

    ``key`` names what is confirmed (``new_parking:P-009``, ``rented_without_tenant``): a
    confirmation given for one caution covers that one and nothing else.
    """

    def __init__(self, key: str, field: str, template: str, **params: object) -> None:
        self.key = key
        super().__init__(field, template, **params)


class Unconfirmed(InputRejected):
    """An input that would be saved once the clerk confirms ``cautions``; nothing was written.

    It is an ``InputRejected``: whoever does not ask the clerk refuses the input with the
    cautions as its reasons. A dialog asks, then saves again with their keys confirmed.
    """

    def __init__(self, cautions: list[Caution]) -> None:
        self.cautions = cautions
        super().__init__(list(cautions))


def require_confirmed(cautions: Iterable[Caution], confirmed: Collection[str]) -> None:
    """Raise ``Unconfirmed`` with the cautions whose key is not in ``confirmed``."""
    missing = [caution for caution in cautions if caution.key not in confirmed]
    if missing:
        raise Unconfirmed(missing)


class FileNotWritten(EstateDeskError):
    """A file (an export, a printed document) could not be written where the clerk asked."""

    def __init__(self, path: object, error: OSError) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("messages", "cannot write {name}: {reason}"),
            name=str(path),
            reason=error.strerror or str(error),
        )


class NotFound(EstateDeskError):
    """A record that was asked for does not exist (any more)."""
