"""Numbers with units of measurement ("30 kilometres", "a 30-kilometre road", "20-25C",
"1.2 million hectares"), read with the unit table `mtaudit/data/units.tsv`.

A number preceded by a currency sign ("$5m") is money, not metres, and is left out.
Forms of one character are case-sensitive ("20C" is Celsius, "20c" is not); "C" and "F" count
only when glued to the number or after a degree sign or word ("20C", "20 °C", "20 degrees F").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from mtaudit.model import Document


@dataclass(frozen=True)
class Unit:
    form: str
    dimension: str
    factors: tuple[float, ...]  # to the SI unit of the dimension; several when usage varies
    offset: float  # kelvin = value * factor + offset, for temperatures; 0 otherwise
    system: str


@dataclass(frozen=True)
class Quantity:
    """A number (or range) with a unit. `start`/`end` span the numbers and the unit as written;
    `value_span` and `low_span` the digits (and `minus_span` a sign in words), so a corrected
    number can be put in their place."""

    start: int
    end: int
    value: float
    value_span: tuple[int, int]
    low: float | None
    low_span: tuple[int, int] | None
    minus_span: tuple[int, int] | None  # a sign written as a word: "minus 40 degrees"
    decimals: int  # digits written after the decimal point of `value`
    trailing_zeros: int  # of an integer `value` ("1,500" has 2): how coarsely it may be rounded
    multiplier: float  # 1e6 for "million"
    unit: Unit
    qualifier: str | None  # "about", "more than", ... just before the number

    @property
    def approximate(self) -> bool:
        return self.qualifier is not None


@functools.cache
def units() -> dict[str, Unit]:
    """The unit table keyed by surface form (lower-cased unless it is a single character)."""
    table: dict[str, Unit] = {}
    text = resources.files("mtaudit.data").joinpath("units.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("unit\t"):
            continue
        form, dimension, factors, offset, system = line.split("\t")
        key = form if len(form) == 1 else form.lower()
        table[key] = Unit(form, dimension, tuple(float(f) for f in factors.split("|")), float(offset), system)
    return table


def unit_of(written: str) -> Unit | None:
    """The unit a written form stands for ("Kilometres" → kilometres); None if unknown."""
    table = units()
    collapsed = re.sub(r"\s+", " ", written)
    return table.get(collapsed if len(collapsed) == 1 else collapsed.lower())


_NUMBER = r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_DEGREE = r"(?:°|º|˚|degrees?\b)"
_DEGREE_MARK = re.compile(_DEGREE)
_MINUS_BEFORE = re.compile(r"(?<![\w-])minus\s+\Z", re.IGNORECASE)
_TEMPERATURE_LETTERS = ("C", "F")

# Words before a number that make it an estimate or a bound, so a looser match is fair.
QUALIFIER = (
    r"about|around|some|roughly|approximately|approx\.|nearly|almost|close to|more than|over"
    r"|under|less than|fewer than|up to|at least|at most|just over|just under|upwards of"
    r"|an estimated|estimated|circa|c\.|~"
)
_QUALIFIER_BEFORE = re.compile(rf"(?:^|(?<=[\s(]))({QUALIFIER})\s*\Z", re.IGNORECASE)


@functools.cache
def _quantity_pattern() -> re.Pattern[str]:
    def alternation(forms) -> str:
        return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))

    def first_characters(forms) -> str:
        return "[" + "".join(re.escape(c) for c in sorted({f[0] for f in forms})) + "]"

    forms = [unit.form for unit in units().values()]
    long_forms = [f for f in forms if len(f) > 1]
    short_forms = [f for f in forms if len(f) == 1]
    return re.compile(
        rf"(?<![\w.,$€£¥₹/])"
        rf"(?:(?P<low>{_NUMBER})\s*(?:-|–|—|to)\s*)?"
        rf"(?P<value>{_NUMBER})"
        rf"(?:\s*(?P<multiplier>thousand|million|billion|trillion)\b)?"
        rf"(?P<separator>[\s-]*(?:{_DEGREE}[\s-]*)?)"
        # A unit starts with one of these: a glance rules out the alternation of all forms,
        # which is tried again for each way of reading the number and separator.
        rf"(?=(?i:{first_characters(long_forms)})|{first_characters(short_forms)})"
        rf"(?P<unit>(?i:{alternation(long_forms)})|{alternation(short_forms)})"
        rf"(?![\w°])"
    )


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("−", "-"))


def _quantity(text: str, match: re.Match[str]) -> Quantity | None:
    unit = unit_of(match["unit"])
    if unit is None:
        return None
    separator = match["separator"]
    if unit.form in _TEMPERATURE_LETTERS and separator and not _DEGREE_MARK.search(separator):
        return None  # "grade 5 C", "row 12 F"
    written = match["value"].replace(",", "")
    integer, _, fraction = written.partition(".")
    multiplier = _MULTIPLIERS.get((match["multiplier"] or "").lower(), 1.0)
    low = match["low"]
    start, sign = match.start(), 1.0
    minus = None if low else _MINUS_BEFORE.search(text, max(0, start - 10), start)
    if minus:  # "minus 40 degrees"
        start, sign = minus.start(), -1.0
    qualifier = _QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
    return Quantity(
        start=start,
        end=match.end(),
        value=sign * _number(match["value"]) * multiplier,
        value_span=match.span("value"),
        low=_number(low) * multiplier if low else None,
        low_span=match.span("low") if low else None,
        minus_span=(start, match.start()) if minus else None,
        decimals=len(fraction),
        trailing_zeros=0 if fraction else len(integer) - len(integer.rstrip("0")),
        multiplier=multiplier,
        unit=unit,
        qualifier=qualifier[1].lower() if qualifier else None,
    )


# Where a quantity may start: a digit or minus sign not right after a digit. The regex engine
# finds these at a glance; searching with the whole pattern tries it at every character.
_NUMBER_START = re.compile(r"[-−\d](?<!\d.)")


def quantities(doc: Document) -> tuple[Quantity, ...]:
    """Every number with a unit in the document, in text order (use via `doc.view(quantities)`)."""
    text, pattern, found, resume = doc.text, _quantity_pattern(), [], 0
    for start in _NUMBER_START.finditer(text):
        match = pattern.match(text, start.start()) if start.start() >= resume else None
        if match:
            resume = match.end()
            quantity = _quantity(text, match)
            if quantity is not None:
                found.append(quantity)
    return tuple(found)
