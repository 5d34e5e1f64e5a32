"""Money (RULES.md §3): integer fen everywhere, read from and shown as yuan, written in capitals (大写)."""

from __future__ import annotations

import itertools
import re
import unicodedata

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError

FEN_PER_YUAN = 100
# Capitals go up to 玖仟玖佰玖拾玖亿…: the next unit, 万亿, is beyond any sum an estate office handles,
# and every amount a clerk may type must be one a receipt can write out.
MAX_FEN = 10**14 - 1

_CURRENCY = re.compile(r"^(?:¥\s*)?(?P<number>.*?)(?:\s*元)?$")
_PLAIN_DECIMAL = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")
_GROUPED_THOUSANDS = re.compile(r"^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")

PREFIX = "人民币"
DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = {4: "万", 8: "亿"}
_SMALL_UNIT_VALUES = {"拾": 10, "佰": 100, "仟": 1000}


def parse_yuan(text: str, field: str = "amount") -> int:
    """Read an amount in yuan (``360``, ``1,234.56``, ``¥360``, ``360元``) and return it in fen (> 0).

    Full-width digits are read; a comma only between groups of three digits, so ``1,5`` is refused
    rather than read as 15. No exponent, underscore or other script's digits.
    """
    typed = text.strip()
    if not typed:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "enter the amount"))
    match = _CURRENCY.match(unicodedata.normalize("NFKC", typed).strip())  # NFKC turns ￥ into ¥
    number = match.group("number") if match else ""
    not_an_amount = ValidationError(
        field,
        QT_TRANSLATE_NOOP("messages", "'{value}' is not an amount in yuan such as 360 or 1,234.56"),
        value=typed,
    )
    if "," in number:
        if not _GROUPED_THOUSANDS.match(number):
            raise not_an_amount
        number = number.replace(",", "")
    # str.isdigit and Decimal would take other scripts' digits, 1_000 and 1e3: the pattern does not.
    if not _PLAIN_DECIMAL.match(number):
        raise not_an_amount
    whole, _, decimals = number.partition(".")
    if len(decimals) > 2:
        # Even 360.500: a third decimal is a slip of the keyboard more often than a precise zero.
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "an amount has at most 2 decimals (fen)"))
    fen = int(whole) * FEN_PER_YUAN + (-1 if whole.startswith("-") else 1) * int(decimals.ljust(2, "0"))
    if fen <= 0:
        raise ValidationError(field, QT_TRANSLATE_NOOP("messages", "the amount must be above 0"))
    if fen > MAX_FEN:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("messages", "the amount must be below 1,000,000,000,000 yuan")
        )
    return fen


def format_yuan(fen: int) -> str:
    """Show fen as yuan with thousands separators and two decimals: ``1,234.56``, ``-0.05``."""
    sign = "-" if fen < 0 else ""
    yuan, rest = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{yuan:,}.{rest:02d}"


def capitals(fen: int) -> str:
    """Write fen in Chinese capitals for a receipt: 人民币壹仟陆佰捌拾元零叁角贰分.

    Of the forms RULES.md §3 allows, this one writes 零 for a zero 元 place before non-zero 角
    (壹仟陆佰捌拾元零叁角贰分), leaves it out for a zero 万 or 亿 place before a non-zero 仟
    (壹拾万柒仟元…), and writes 整 after 元 or 角 when there are no fen (壹角整, 壹拾元整).
    """
    return _capitals(fen, yuan_zero=True, group_zero=False, jiao_whole=True)


def _capitals(fen: int, *, yuan_zero: bool, group_zero: bool, jiao_whole: bool) -> str:
    """``capitals`` with the optional 零 at the 元 and 万/亿 places and 整 after 角 chosen."""
    if not 0 <= fen <= MAX_FEN:
        raise ValueError(f"capitals are written for 0 to {MAX_FEN} fen, not {fen}")
    if fen == 0:
        return PREFIX + "零元整"
    yuan, rest = divmod(fen, FEN_PER_YUAN)
    jiao, fen_digit = divmod(rest, 10)
    parts: list[str] = []
    zero_pending = False  # zeros seen after a non-zero digit: one 零 if a non-zero digit follows
    digits = str(yuan) if yuan else ""
    for index, char in enumerate(digits):
        place = len(digits) - 1 - index
        digit = int(char)
        if digit:
            if zero_pending:
                parts.append("零")
            # 壹拾, never a bare 拾 (RULES: ¥10 is 壹拾元整), so no one can write a digit in front.
            parts.append(DIGITS[digit] + _SMALL_UNITS[place % 4])
            zero_pending = False
        elif parts:
            zero_pending = True
        group_unit = _GROUP_UNITS.get(place)
        if group_unit and int(digits[max(0, index - 3) : index + 1]):
            parts.append(group_unit)
            # A zero 万 place before a non-zero 仟 may go unwritten; before a zero 仟 the 零 comes anyway.
            zero_pending = zero_pending and group_zero
    if yuan:
        parts.append("元")
        zero_pending = zero_pending and (yuan_zero or not jiao)
    if jiao:
        parts.append(("零" if zero_pending else "") + DIGITS[jiao] + "角")
        zero_pending = False
    elif parts:
        zero_pending = True
    if fen_digit:
        parts.append(("零" if zero_pending else "") + DIGITS[fen_digit] + "分")
    elif not jiao or jiao_whole:
        parts.append("整")
    return PREFIX + "".join(parts)


def _spellings(fen: int) -> set[str]:
    """Every form of ``fen`` in capitals that RULES.md §3 allows, with 整 (not 正) and the prefix."""
    return {
        _capitals(fen, yuan_zero=a, group_zero=b, jiao_whole=c)
        for a, b, c in itertools.product((False, True), repeat=3)
    }


def read_capitals(text: str) -> int:
    """Read an amount in capitals (with or without 人民币, 整 or 正, the optional 零) back to fen."""
    spelled = text.strip()
    body = spelled.removeprefix(PREFIX).replace("正", "整")
    # Read generously, then insist that the text is one of the amount's allowed spellings: a
    # misplaced unit or a doubled 零 is refused rather than read as some other number.
    whole, _, small = body.rpartition("元") if "元" in body else ("", "", body)
    fen = _read_whole(whole) * FEN_PER_YUAN
    small = small.removesuffix("整").replace("零", "")
    for unit, factor in (("角", 10), ("分", 1)):
        if unit in small:
            figure, _, small = small.partition(unit)
            if len(figure) != 1 or figure not in DIGITS:
                raise ValueError(f"{spelled!r} is not an amount in capitals")
            fen += DIGITS.index(figure) * factor
    if small or fen > MAX_FEN or PREFIX + body not in _spellings(fen):
        raise ValueError(f"{spelled!r} is not an amount in capitals")
    return fen


def _read_whole(text: str) -> int:
    """The yuan written before 元, read without checking the order of its units."""
    total = section = 0
    digit: int | None = None
    for char in text:
        if char == "零":
            continue
        if char in DIGITS:
            if digit is not None:
                raise ValueError(f"{text!r} has two digits in a row")
            digit = DIGITS.index(char)
        elif char in _SMALL_UNIT_VALUES:
            if digit is None:
                raise ValueError(f"{text!r} has a unit without a digit")
            section += digit * _SMALL_UNIT_VALUES[char]
            digit = None
        elif char in ("万", "亿"):
            total += (section + (digit or 0)) * (10**4 if char == "万" else 10**8)
            section, digit = 0, None
        else:
            raise ValueError(f"{text!r} is not a number in capitals")
    return total + section + (digit or 0)
