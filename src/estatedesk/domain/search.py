"""Search keys and matching: pinyin for names (``zs`` finds 张三), rooms as written, phones by their ends."""

from __future__ import annotations

import re
from functools import lru_cache

from estatedesk.domain.households import room_search_key

# What may stand between the parts of a name or phone number: dropped from a typed query here
# and, by the store's SQL, from the stored search text, so that both sides fold alike.
SEARCH_SEPARATORS = " -_()（）·."
_NOT_SEARCHABLE = re.compile("[\\s" + re.escape(SEARCH_SEPARATORS) + "]+")
# Full-width letters and digits (a Chinese input method's) as the ASCII ones the file holds.
_FULL_WIDTH = str.maketrans({chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)})
# A phone is found by what is shown of it in lists (138****5678): digits typed from its start, at
# least this many, or exactly its last four; never by the masked digits in between.
MIN_PHONE_DIGITS = 4
PHONE_TAIL = 4


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
    """Fold a search box's text to the form the search keys are kept in.

    A room written out (``3号楼2单元501室``, ``3-2-501``) becomes its code as the keys hold it.
    """
    text = text.translate(_FULL_WIDTH)
    room = room_search_key(text)
    return _NOT_SEARCHABLE.sub("", room if room is not None else text).casefold()


def query_words(text: str) -> list[str]:
    """The folded words of a search box's text, each of which a record must hold.

    A room written out with spaces, as the dialog takes it (``3 号楼 2 单元 501 室``), is one
    word. Digits typed in groups are one number: ``138 0013 8000`` is a phone, ``3 2 501`` is 3-2-501.
    """
    room = room_search_key(text.translate(_FULL_WIDTH))
    if room is not None and not any(char.isspace() for char in room):  # "zs 3-2-501" is two words
        word = _NOT_SEARCHABLE.sub("", room).casefold()
        return [word] if word else []
    words: list[str] = []
    digits_before = False
    for part in text.split():
        word = normalize_query(part)
        if not word:
            continue
        digits = is_digit_word(word)
        if digits and digits_before:
            words[-1] += word
        else:
            words.append(word)
        digits_before = digits
    return words


def is_digit_word(word: str) -> bool:
    """True when a folded search word is all digits: a room code's or a phone's (found by its ends)."""
    return word.isascii() and word.isdigit()


def landline_matches(word: str, landline: str) -> bool:
    """Whether a digit word finds a landline kept as its digits alone (0571-88886666 as 057188886666).

    By the rule for mobiles: at least 4 digits typed from the start of the whole number or of
    its local number (after the area code), or the local number's last 4 digits; never its
    middle alone (``0571-****6666`` is what is shown of it).
    """
    if len(word) < MIN_PHONE_DIGITS or word not in landline:
        return False
    local = landline
    if landline.startswith("0"):  # an area code: 010 and 02x have three digits, the others four
        local = landline[3 if landline[1:2] in ("1", "2") else 4 :]
    # An extension follows the local number with nothing between once folded: the local number is
    # taken as 8 digits then, as nearly all are (a 7-digit one with an extension is found by its start).
    tail = local[:8][-PHONE_TAIL:]
    return landline.startswith(word) or local.startswith(word) or word == tail


def phone_matches(word: str, phones: str, separator: str = "、") -> bool:
    """Whether a digit word finds one of ``phones`` (joined by ``separator``).

    It does when typed from a phone's start (at least 4 digits) or when it is the phone's last
    4 digits, never on the hidden middle digits alone.
    """
    if len(word) < MIN_PHONE_DIGITS:
        return False
    at = phones.find(word)
    while at >= 0:
        end = at + len(word)
        from_start = at == 0 or phones[at - 1] == separator
        at_tail = len(word) == PHONE_TAIL and (end == len(phones) or phones[end] == separator)
        if from_start or at_tail:
            return True
        at = phones.find(word, at + 1)
    return False
