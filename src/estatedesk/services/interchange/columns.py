"""The columns of an importable table: their names in real spreadsheets, and which column is which."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from estatedesk.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from estatedesk.services.interchange.reading import InterchangeFileError

# How many leading rows may hold a title above the header row (e.g. "幸福里小区住户登记表").
HEADER_SEARCH_ROWS = 10

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>|〔[^〕]*〕")
_HEADER_NOISE = re.compile(r"[\s*:：_\-]+")
_UNIT_SUFFIX = re.compile(r"(?:/|单位)?(?:m2|平方米|平米)$")


@dataclass(frozen=True)
class Field:
    """A column of a table: its key, its Chinese header and the names it also goes by.

    ``width`` is the column's width in an exported .xlsx (in characters). ``read_from`` names
    the column this field's value comes from when the file has no column of its own for it
    (the building, when 房号 holds a whole room code such as 3-2-501): errors about the field
    then name that column. A ``multiline`` field (a note) may hold tabs; no other field may.
    """

    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    width: int = 12
    read_from: str | None = None
    multiline: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Every header this field is recognised by, the canonical one first."""
        return (self.header, *self.synonyms)


def normalize_header(text: str) -> str:
    """Fold a header for matching: no spaces, no bracketed units such as （㎡）, any case.

    NFKC turns full-width brackets and letters into ASCII and ㎡/m² into m2 first.
    """
    folded = unicodedata.normalize("NFKC", str(text))
    folded = _BRACKETED.sub("", folded)
    folded = _HEADER_NOISE.sub("", folded).casefold()
    stripped = _UNIT_SUFFIX.sub("", folded)
    return stripped or folded


class Columns:
    """The fields of one table, in sheet order, and how a file's header row maps to them."""

    def __init__(self, fields: Sequence[Field]) -> None:
        self.fields = tuple(fields)
        self.by_key: dict[str, Field] = {f.key: f for f in self.fields}
        self.order: dict[str, int] = {f.key: i for i, f in enumerate(self.fields)}

    @property
    def headers(self) -> tuple[str, ...]:
        """The canonical headers, as an export writes them."""
        return tuple(f.header for f in self.fields)

    @property
    def widths(self) -> tuple[int, ...]:
        """Each column's width in an exported .xlsx."""
        return tuple(f.width for f in self.fields)

    @cached_property
    def _name_index(self) -> dict[str, tuple[str, int]]:
        return {
            normalize_header(name): (f.key, rank) for f in self.fields for rank, name in enumerate(f.names)
        }

    def guess_mapping(self, headers: Sequence[str]) -> dict[str, int]:
        """Map field keys to column indexes by header name; the canonical name wins over a synonym."""
        best: dict[str, tuple[int, int]] = {}
        for column, header in enumerate(headers):
            hit = self._name_index.get(normalize_header(header)) if header.strip() else None
            if hit is None:
                continue
            key, rank = hit
            if key not in best or (rank, column) < best[key]:
                best[key] = (rank, column)
        return {f.key: best[f.key][1] for f in self.fields if f.key in best}

    def find_header(self, rows: Sequence[tuple[int, Sequence[str]]]) -> int:
        """The index of the header row: the first leading row naming every required column, else 0."""
        required = {f.key for f in self.fields if f.required}
        for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
            if required <= self.guess_mapping(cells).keys():
                return index
        return 0

    def check_mapping(self, mapping: Mapping[str, int], width: int) -> dict[str, int]:
        """A mapping the clerk chose, refused if it names unknown fields or columns past the file."""
        unknown = [key for key in mapping if key not in self.by_key]
        outside = [key for key, index in mapping.items() if not 0 <= index < width]
        if unknown or outside:
            raise InterchangeFileError(
                QT_TRANSLATE_NOOP("messages", "the column mapping does not fit the file: {fields}"),
                fields=", ".join(unknown + outside),
            )
        return {f.key: mapping[f.key] for f in self.fields if f.key in mapping}

    def mapping_problems(self, mapping: Mapping[str, int]) -> list[ValidationError]:
        """What is wrong with a mapping as a whole: a required column missing, a column chosen twice."""
        problems = [
            ValidationError(
                f.key, QT_TRANSLATE_NOOP("messages", "required column not found in the header row")
            )
            for f in self.fields
            if f.required and f.key not in mapping
        ]
        used: dict[int, str] = {}
        for key, index in mapping.items():
            if index in used:
                problems.append(
                    ValidationError(
                        key,
                        QT_TRANSLATE_NOOP("messages", "the same column is chosen for {first} and {second}"),
                        first=self.by_key[used[index]].header,
                        second=self.by_key[key].header,
                    )
                )
            used.setdefault(index, key)
        return problems

    def header_clashes(self, headers: Sequence[str], mapping: Mapping[str, int]) -> list[ValidationError]:
        """Columns whose header names a field that ``mapping`` reads from another column.

        ``guess_mapping`` takes one column per field, so the other would be left out unseen (a
        second 姓名 under a merged 租户信息 heading): each is a problem of the header row, with a
        suggested name from the fields not read yet.
        """
        problems: list[ValidationError] = []
        suggested: set[str] = set()
        for column, header in enumerate(headers):
            folded = normalize_header(header) if header.strip() else ""
            hit = self._name_index.get(folded) if folded else None
            if hit is None or mapping.get(hit[0], column) == column:
                continue
            key = hit[0]
            chosen = mapping[key]
            example = next(
                (
                    f.header
                    for f in self.fields
                    if f.key not in mapping
                    and f.header not in suggested
                    and any(folded in normalize_header(name) for name in f.names)
                ),
                None,
            )
            first, second = sorted((chosen, column))
            params = {
                "first": _column_name(first, headers[first]),
                "second": _column_name(second, headers[second]),
                "header": self.by_key[key].header,
            }
            if example is None:
                template = QT_TRANSLATE_NOOP(
                    "messages", "columns {first} and {second} are both read as {header}: rename one of them"
                )
            else:
                suggested.add(example)
                params["example"] = example
                template = QT_TRANSLATE_NOOP(
                    "messages",
                    "columns {first} and {second} are both read as {header}: rename one of them"
                    " (for example to {example})",
                )
            problems.append(ValidationError(key, template, **params))
        return problems

    def label(self, key: str, mapping: Mapping[str, int], headers: Sequence[str]) -> str:
        """The header a field is read from, as written in the file (else its canonical name)."""
        field = self.by_key.get(key)
        if (
            field is not None
            and field.read_from is not None
            and key not in mapping
            and field.read_from in mapping
        ):
            key = field.read_from
        index = mapping.get(key)
        if index is not None and index < len(headers) and headers[index].strip():
            return headers[index].strip()
        named = self.by_key.get(key)
        return named.header if named else key


def column_letter(index: int) -> str:
    """A 0-based column index as a spreadsheet names the column: A, B, … Z, AA, AB and so on."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_name(index: int, header: str) -> str:
    """A column as the clerk finds it in the file: its letter and its header (E (姓名))."""
    return f"{column_letter(index)} ({header.strip()})"
