"""Natural order for codes, so that 3-2-1002 comes after 3-2-501 and 10 after 9."""

from __future__ import annotations

import re

_CHUNKS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Key that sorts digit runs by value and everything else by text."""
    return tuple(
        (0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk) for chunk in _CHUNKS.split(text) if chunk
    )
