"""Numbers with units of measurement ("30 kilometres", "a 30-kilometre road", "20-25C",
"1.2 million hectares", "1.5m acres", "two kilometres", "6ft 4in"), read with the unit table
`mtaudit/data/units.tsv`.

A number preceded by a currency sign ("$5m") is money, not metres, and is left out.
Forms of one character are case-sensitive ("20C" is Celsius, "20c" is not); "C" and "F" are
read after a number also when written apart ("35 C (95 F)"), which only a conversion beside
them makes count. "in" (inches) counts only when glued to the number ("5in", not "born 1990
in Lagos"). "95 degrees" with no scale has the unit `BARE_DEGREES`.
Numbers may be written as words ("two", "twenty-five", "a") where they may convert, or be
converted to, another quantity. A range may be joined by "to", a dash or, after "between" or
an opening bracket, by "and". Feet and inches ("6ft 4in", "6-foot-4") and stone and pounds
("15 stone 4lb") make one quantity.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Iterator

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
    number can be put in their place. A compound ("6ft 4in") keeps its smaller part in
    `part_span`, `part_ratio` of them to one of `unit`; `value` holds both ("6.33" feet)."""

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
    part_span: tuple[int, int] | None = None  # the inches of "6ft 4in", the pounds of "15 stone 4lb"
    part_ratio: int = 0  # 12 inches to the foot, 14 pounds to the stone

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


_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")


def unit_of(written: str) -> Unit | None:
    """The unit a written form stands for ("Kilometres" → kilometres, "square-foot" → square
    foot); None if unknown."""
    table = units()
    collapsed = _SPACES_OR_HYPHENS.sub(" ", written)
    return table.get(collapsed if len(collapsed) == 1 else collapsed.lower())


# Abbreviations read only when glued to their number: "5in" (not "born 1990 in Lagos").
_GLUED_ONLY = {"in": "inch"}
_NUMBER = r"[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ONES = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
         " sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i + 1 for i, w in enumerate(_ONES)} | {w: 10 * (i + 2) for i, w in enumerate(_TENS)} | {
    "a": 1, "an": 1}
_WORD_NUMBER = (rf"(?:(?:{'|'.join(_TENS)})-(?:{'|'.join(_ONES[:9])})"
                rf"|{'|'.join(sorted(_WORD_VALUES, key=len, reverse=True))})")
_MULTIPLIERS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                "m": 1e6, "mn": 1e6, "bn": 1e9}
_DEGREE = r"(?:°|º|˚|degrees?\b)"
_MINUS_BEFORE = re.compile(r"(?<![\w-])minus\s+\Z", re.IGNORECASE)
# Before a range joined by "and": "between 3 and 5 metres", "(10 and 16 feet)".
_AND_RANGE_BEFORE = re.compile(r"(?:\bbetween\s+|\(\s*(?:(?:about|around|some|roughly)\s+)?)\Z", re.IGNORECASE)
# The smaller unit of a compound, and how many of it make one of the larger: "6ft 4in".
_COMPOUNDS = {("length", 0.3048): (0.0254, 12), ("mass", 6.35029318): (0.45359237, 14)}
_COMPOUND_PART = re.compile(
    r"(?:,?\s+|-)(?P<part>\d{1,2}(?:\.\d+)?)(?:(?P<glued>in|lbs?)|\s*(?P<unit>inch(?:es)?|lbs?|pounds?))?\b")

# Words before a number that make it an estimate or a bound, so a looser match is fair.
QUALIFIER = (
    r"about|around|some|roughly|approximately|approx\.|nearly|almost|close to|more than|over"
    r"|under|less than|fewer than|up to|at least|at most|just over|just under|upwards of"
    r"|an estimated|estimated|circa|c\.|~"
)
_QUALIFIER_BEFORE = re.compile(rf"(?:^|(?<=[\s(]))({QUALIFIER})\s*\Z", re.IGNORECASE)


def _alternation(forms) -> str:
    """Forms longest first; a space in a form stands for spaces or a hyphen ("square-foot")."""
    return "|".join(re.escape(f).replace(r"\ ", r"[\s-]+") for f in sorted(forms, key=len, reverse=True))


def _first_characters(forms) -> str:
    return "[" + "".join(re.escape(c) for c in sorted({f[0] for f in forms})) + "]"


def _unit_group(long_forms, short_forms) -> str:
    # A unit starts with one of these: a glance rules out the alternation of all forms, which
    # is tried again for each way of reading the number and separator.
    return (rf"(?=(?i:{_first_characters(long_forms)})|{_first_characters(short_forms)})"
            rf"(?P<unit>(?i:{_alternation(long_forms)})|{_alternation(short_forms)})(?![\w°])")


@functools.cache
def _quantity_pattern() -> re.Pattern[str]:
    forms = [unit.form for unit in units().values()]
    long_forms = [f for f in forms if len(f) > 1] + list(_GLUED_ONLY)
    short_forms = [f for f in forms if len(f) == 1]
    return re.compile(
        rf"(?<![\w.,$€£¥₹/])"
        rf"(?:(?P<low>{_NUMBER})\s*(?P<joiner>-|–|—|to|and)\s*)?"
        rf"(?P<value>{_NUMBER})"
        rf"(?:\s*(?P<multiplier>thousand|million|billion|trillion)\b|(?P<abbreviated>m|mn|bn)(?=[\s-]))?"
        rf"(?P<separator>[\s-]*(?:{_DEGREE}[\s-]*)?)"
        + _unit_group(long_forms, short_forms)
    )


@functools.cache
def _word_quantity_pattern() -> re.Pattern[str]:
    """A number in words before a unit spelled out or abbreviated: "two kilometres",
    "twenty-five miles", "a mile", "three km"."""
    forms = [unit.form for unit in units().values() if len(unit.form) > 1 and unit.dimension != "temperature"]
    return re.compile(
        rf"(?i:\b(?P<word>{_WORD_NUMBER})(?:\s+(?P<multiplier>hundred|thousand|million|billion)\b)?)"
        rf"(?P<separator>[\s-]+)"
        rf"(?=(?i:{_first_characters(forms)}))(?P<unit>(?i:{_alternation(forms)}))(?![\w°])"
    )


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("−", "-"))


def _read_unit(match: re.Match[str]) -> Unit | None:
    """The unit of a match; None for a form that must be glued to its number and is not."""
    written, separator = match["unit"], match["separator"]
    glued_only = _GLUED_ONLY.get(written.lower())
    if glued_only:
        return None if separator else unit_of(glued_only)
    return unit_of(written)


def _quantity(text: str, match: re.Match[str]) -> Quantity | None:
    unit = _read_unit(match)
    if unit is None:
        return None
    written = match["value"].replace(",", "")
    integer, _, fraction = written.partition(".")
    multiplier = _MULTIPLIERS.get((match["multiplier"] or match["abbreviated"] or "").lower(), 1.0)
    low = match["low"]
    start, sign = match.start(), 1.0
    if low and match["joiner"] == "and" and not _AND_RANGE_BEFORE.search(text, max(0, start - 12), start):
        low, start = None, match.start("value")  # "3 and 5 metres" lists two numbers
    minus = None if low else _MINUS_BEFORE.search(text, max(0, start - 10), start)
    if minus:  # "minus 40 degrees"
        start, sign = minus.start(), -1.0
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
        qualifier=_qualifier(text, start),
    )


def _qualifier(text: str, start: int) -> str | None:
    found = _QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
    return found[1].lower() if found else None


def _word_quantity(text: str, match: re.Match[str]) -> Quantity | None:
    unit = unit_of(match["unit"])
    if unit is None:
        return None
    word = match["word"].lower()
    if "-" in word:
        tens, ones = word.split("-")
        number = _WORD_VALUES[tens] + _WORD_VALUES[ones]
    else:
        number = _WORD_VALUES[word]
    multiplier = _MULTIPLIERS.get((match["multiplier"] or "").lower(), 1.0)
    return Quantity(
        start=match.start(), end=match.end(), value=float(number) * multiplier,
        value_span=match.span("word"), low=None, low_span=None, minus_span=None,
        decimals=0, trailing_zeros=0, multiplier=multiplier, unit=unit,
        qualifier=_qualifier(text, match.start()),
    )


def _with_part(text: str, q: Quantity) -> Quantity:
    """`q` with the smaller unit that follows it ("6ft" + " 4in", "6-foot" + "-4")."""
    compound = _COMPOUNDS.get((q.unit.dimension, q.unit.factors[0]))
    if compound is None or q.low is not None or q.decimals:
        return q
    part_factor, ratio = compound
    match = _COMPOUND_PART.match(text, q.end)
    if not match:
        return q
    written = match["glued"] or match["unit"]
    if written is None and text[q.end] != "-":  # a bare part only in "6-foot-4"
        return q
    unit = unit_of(_GLUED_ONLY.get(written.lower(), written)) if written else None
    if written and (unit is None or unit.factors[0] != part_factor):
        return q
    part = _number(match["part"])
    if part >= ratio:
        return q
    return Quantity(
        start=q.start, end=match.end(), value=q.value + part / ratio, value_span=q.value_span,
        low=None, low_span=None, minus_span=None, decimals=0, trailing_zeros=0, multiplier=1.0,
        unit=q.unit, qualifier=q.qualifier, part_span=match.span("part"), part_ratio=ratio,
    )


# "95 degrees" with no scale: a temperature whose scale a conversion beside it tells
# ("95 degrees (35C)"); its unit is `BARE_DEGREES`.
BARE_DEGREES = Unit("degrees", "temperature", (1.0,), 0.0, "unknown")
_DEGREE_HINT = re.compile(r"°|º|˚|degree")
_BARE_DEGREES = re.compile(
    rf"(?<![\w.,$€£¥₹/])(?P<value>{_NUMBER})\s*{_DEGREE}(?!\s*(?:[CF]\b|(?i:celsius|fahrenheit|centigrade)))")


def _bare_degrees(text: str, match: re.Match[str]) -> Quantity:
    start, sign = match.start(), 1.0
    minus = _MINUS_BEFORE.search(text, max(0, start - 10), start)
    if minus:
        start, sign = minus.start(), -1.0
    written = match["value"].replace(",", "")
    integer, _, fraction = written.partition(".")
    return Quantity(
        start=start, end=match.end(), value=sign * _number(written), value_span=match.span("value"),
        low=None, low_span=None, minus_span=(start, match.start()) if minus else None,
        decimals=len(fraction), trailing_zeros=0 if fraction else len(integer) - len(integer.rstrip("0")),
        multiplier=1.0, unit=BARE_DEGREES, qualifier=_qualifier(text, start),
    )


# Where a quantity may start: a digit or minus sign not right after a digit. The regex engine
# finds these at a glance; searching with the whole pattern tries it at every character.
_NUMBER_START = re.compile(r"[-−\d](?<!\d.)")


def quantities(doc: Document) -> tuple[Quantity, ...]:
    """Every number in digits with a unit in the document, and the numbers in words where a
    conversion may pair them (see `_word_quantities_beside`), in text order (use via
    `doc.view(quantities)`)."""
    text, pattern, found, resume = doc.text, _quantity_pattern(), [], 0
    for start in _NUMBER_START.finditer(text):
        if start.start() < resume:
            continue
        match = pattern.match(text, start.start())
        if match:
            quantity = _quantity(text, match)
            if quantity is not None:
                quantity = _with_part(text, quantity)
                found.append(quantity)
            resume = quantity.end if quantity else match.end()
        elif _DEGREE_HINT.search(text, start.start(), start.start() + 24):
            match = _BARE_DEGREES.match(text, start.start())
            if match:
                found.append(_bare_degrees(text, match))
                resume = match.end()
    found.extend(_word_quantity(text, m) for m in _word_quantities_beside(text, found))
    return tuple(sorted((q for q in found if q is not None), key=lambda q: q.start))


# A conversion mark between two quantities: a bracket, "or", "equivalent".
_CONVERSION_MARK = re.compile(r"[(\[]|\bor\b|\bequivalent\b")
_WORD = re.compile(r"(?<![\w-])[A-Za-z]+")
_REACH = 50  # characters on either side of a quantity where its conversion may stand


_AFTER_BRACKET = re.compile(rf"\s*(?:(?:{QUALIFIER})\s+)?")


def _bracketed_word_quantities(text: str) -> Iterator[re.Match[str]]:
    """Numbers in words that open a bracket: "(five kilometres)", "(about a mile)"."""
    pattern, position = _word_quantity_pattern(), text.find("(")
    while position >= 0:
        match = pattern.match(text, _AFTER_BRACKET.match(text, position + 1).end())
        if match:
            yield match
        position = text.find("(", position + 1)


def _word_quantities_beside(text: str, numbers: list[Quantity]) -> list[re.Match[str]]:
    """Numbers in words that open a bracket, and those on either side of a quantity in digits
    or of such a bracket, across a conversion mark ("two kilometres (1.2 miles)", "5 km (three
    miles)", "three metres (three feet)"): looking for them everywhere would cost more than
    all the rest."""
    pattern, found = _word_quantity_pattern(), {}
    anchors = [(q.start, q.end) for q in numbers]
    for match in _bracketed_word_quantities(text):  # "three miles (five kilometres)"
        found[match.start()] = match
        anchors.append(match.span())
    for anchor_start, anchor_end in anchors:
        for start, end in ((max(0, anchor_start - _REACH), anchor_start), (anchor_end, anchor_end + _REACH)):
            if not _CONVERSION_MARK.search(text, start, end):
                continue
            for word in _WORD.finditer(text, start, end):
                if word.start() not in found and word[0].lower() in _WORD_VALUES:
                    match = pattern.match(text, word.start())
                    if match:
                        found[word.start()] = match
    return list(found.values())
