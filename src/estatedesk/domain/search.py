"""Search keys for names: full pinyin and initials, so ``zs`` and ``zhangsan`` find 张三."""

from __future__ import annotations

import re
from functools import lru_cache

# What may stand between the parts of a name or phone number: dropped from a typed query here
# and, by the store's SQL, from the stored search text, so that both sides fold alike.
SEARCH_SEPARATORS = " -_()（）·."
_NOT_SEARCHABLE = re.compile("[\\s" + re.escape(SEARCH_SEPARATORS) + "]+")


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> str:
    """Return the space-separated pinyin spellings of ``name`` (full, then initials).

    Surnames with several readings (曾 zeng/ceng, 单 shan/dan) get every reading, since a
    clerk types the one they hear.
    """
    if not name:
        return ""
    # pypinyin's dictionaries take ~0.3 s to load: only a write of a name pays for that,
    # never the program's start.
    from pypinyin import Style, lazy_pinyin, pinyin

    rest_full = lazy_pinyin(name[1:], style=Style.NORMAL, errors="ignore")
    rest_initials = [syllable[0] for syllable in rest_full if syllable]
    keys: list[str] = []
    # A name may start with a letter or digit (Mary, A王): then there is no reading to vary.
    readings = pinyin(name[0], style=Style.NORMAL, heteronym=True, errors="ignore")
    for first in (readings[0][:3] if readings else []) or [""]:
        full = first + "".join(rest_full)
        initials = (first[:1]) + "".join(rest_initials)
        for key in (full, initials):
            if key and key not in keys:
                keys.append(key)
    return " ".join(keys)


def normalize_query(text: str) -> str:
    """Fold a search box's text to the form the search keys are kept in."""
    return _NOT_SEARCHABLE.sub("", text).casefold()
