"""Pinyin order for names, as Excel and WPS sort a Chinese column (拼音排序).

Chinese names sort by the pinyin of each character in turn (妈 mā, 麻 má, 马 mǎ, 骂 mà: by
syllable, then tone), Latin names are mixed in by their letters (马丽 ma, then Mary), digits
come first. A character with several readings sorts by its most common one, as those programs
do: 曾 under céng, 单 under dān.
"""

from __future__ import annotations

from functools import lru_cache

LIST_SEPARATORS = "、,，;；"  # between co-owners: a shorter list sorts before a longer one
_SKIPPED = " \t·.-_()（）"
_END_OF_CHARACTER = "\x01"
_END_OF_NAME = "\x00"


@lru_cache(maxsize=8192)
def _character(character: str) -> str:
    """One character's part of a sort key: syllable, tone digit, the character itself."""
    # pypinyin's tables take ~0.1 s to load: only the first pinyin sort pays for that.
    from pypinyin.contrib.tone_convert import to_tone3
    from pypinyin.pinyin_dict import pinyin_dict

    readings = pinyin_dict.get(ord(character))
    if readings is None:
        return character.casefold() + _END_OF_CHARACTER
    syllable = to_tone3(readings.split(",")[0], neutral_tone_with_five=True)
    if not syllable[-1:].isdigit():
        syllable += "5"
    # The character after the tone: two characters read alike sort apart, always the same way.
    return syllable + character + _END_OF_CHARACTER


@lru_cache(maxsize=65536)
def pinyin_sort_key(name: str) -> str:
    """A key that sorts names, or lists of names joined by 、, in pinyin order; '' sorts first."""
    parts: list[str] = []
    word = ""
    for character in name:
        if character.isascii() and character.isalpha():
            word += character.casefold()
            continue
        if word:
            parts.append(word + "0" + _END_OF_CHARACTER)  # a Latin word reads as one toneless syllable
            word = ""
        if character in LIST_SEPARATORS:
            parts.append(_END_OF_NAME)
        elif character not in _SKIPPED:
            parts.append(_character(character))
    if word:
        parts.append(word + "0" + _END_OF_CHARACTER)
    return "".join(parts)
