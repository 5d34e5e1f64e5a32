"""Text a clerk typed or pasted: what of it may be stored, whichever field it is in."""

from __future__ import annotations

import re

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

# Unicode category Cc is exactly these 65 characters (NUL, escape, the C1 controls…). A regex
# finds them far faster than asking unicodedata about every character of a 5,000-row import.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# A multi-line field (a note) keeps its line breaks and tabs.
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_character(text: str, multiline: bool = False) -> str | None:
    """The first control character ``text`` may not hold, if any.

    A single-line field may hold none at all; a multi-line one keeps line breaks and tabs.
    """
    found = (_CONTROL_BUT_LINES if multiline else _CONTROL).search(text)
    return found[0] if found else None


def check_text(text: str, field: str, multiline: bool = False, name: str = "") -> str:
    """Return ``text``, or refuse it when it holds a control character (pasted from another program).

    ``name`` is what the message calls the field (its label, or its column's header); the
    field's key when not given.
    """
    char = control_character(text, multiline)
    if char is not None:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "messages", "{name} holds an invisible control character ({code}); type it again"
            ),
            name=name or field,
            code=f"U+{ord(char):04X}",
        )
    return text


def without_control_characters(text: str, multiline: bool = False) -> str:
    """``text`` with the control characters it may not hold taken out."""
    return (_CONTROL_BUT_LINES if multiline else _CONTROL).sub("", text)
