"""Text a clerk typed or pasted: what of it may be stored, whichever field it is in."""

from __future__ import annotations

import re

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

# Unicode category Cc is exactly these 65 characters (NUL, escape, the C1 controls…). A regex
# finds them far faster than asking unicodedata about every character of a 5,000-row import.
_CC = "\x00-\x1f\x7f-\x9f"
# Category Cf (Unicode 15): invisible format characters such as the zero-width space U+200B and
# the byte-order mark U+FEFF. Pasted into a name, 李\u200b四 looks like 李四 and is another person.
_CF = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_CONTROL = re.compile(f"[{_CC}{_CF}]")
# A multi-line field (a note) keeps its line breaks and tabs, and format characters (an emoji's
# joiner): a note is read, never matched or searched as a name or a code is.
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_character(text: str, multiline: bool = False) -> str | None:
    """The first control character ``text`` may not hold, if any.

    A single-line field may hold none at all, nor an invisible format character (category Cf);
    a multi-line one keeps line breaks and tabs.
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
