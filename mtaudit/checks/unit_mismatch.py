"""Unit conversions that do not match ("30 kilometres (45 miles)"), and one person given two
ages ("a 76-year-old" ... "aged 75").

Conversions: a quantity followed by another of the same dimension in a different unit, inside
brackets ("30 km (18 miles)", "(about 19 miles)", "a 300-metre-long (1,000-foot) ship") or
after "or" or "the equivalent of" when the units belong to different measurement systems ("30
km, or 18 miles"); quantities come from the shared view `mtaudit.views.quantities` (digits or
words, ranges, compounds such as "6ft 4in", "95 degrees" taking the scale its conversion
lacks). The written conversion holds when it is within a relative tolerance of the true one
(`tolerance`, default 0.12; `approximate-tolerance`, default 0.2, when "about", "some", "more
than"... precedes either number; 0.04 for a compound, written to the inch), or when it is the
true value rounded to the precision it is written with; an integer with trailing zeros may be
rounded to its last non-zero digit ("2,000 km (1,000 miles)"), but not past the leading digit
of the true value ("100 km/h (100 mph)": 100 is no rounding of 62). The rounding of the first number
is allowed for too. The same number in another unit ("3,500 metres (3,500 yards)") holds only
when the units are within 5 % of each other. Temperatures are compared with an absolute
tolerance (`temperature-tolerance`, default 1.2 kelvin; rounded to 5 degrees at most), as
readings, and also as differences when a word of change is near ("warming of 1.5C (2.7F)",
"2C (3.6F) above"). Units with several customary values (US/imperial gallon, short/long/metric
ton, avoirdupois/troy ounce) match if any value does. Same-unit pairs and money ("$5m (£4m)")
are not conversions. The span is the converted quantity ("45 miles"); the suggestion is the
corrected one ("19 miles").

Ages: only where the age is attached to a name in apposition ("Amara Okafor, 34,",
"Okafor (34)", "the 34-year-old nurse Amara Okafor", "Okafor, a 34-year-old ..."), keyed by
surname. Left alone: surnames that two different full names carry ("John Smith" / "Mary
Smith"), and sentences that place the age in time ("in 2010", "at the time", "when").
The span is the later age; there is no suggestion, since either may be the wrong one.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Iterator

from mtaudit.checks.base import Check, CheckContext
from mtaudit.model import Document, Finding, Severity
from mtaudit.views.mentions import name_mentions
from mtaudit.views.quantities import BARE_DEGREES, QUALIFIER, Quantity, quantities, unit_of

# A dimension word may stand before the bracket: "a 300-metre-long (1,000-foot) ship".
_CONVERSION_GAP = re.compile(
    rf"(?:-?\s*(?:long|high|tall|wide|deep|thick)\b)?\s*[(\[]\s*(?:(?:{QUALIFIER})\s*)?\Z", re.IGNORECASE)
_ALTERNATIVE_GAP = re.compile(
    rf",?\s+(?:or|(?:roughly\s+|about\s+)?(?:equivalent to|the equivalent of))\s+(?:(?:{QUALIFIER})\s*)?\Z",
    re.IGNORECASE)
# A bracketed conversion ends with the quantity: "(18 miles)", "(18 miles; 16 nautical
# miles)"; "(2 km of them uphill)" is a remark, not a conversion.
_CONVERSION_END = re.compile(r"\s*(?:[)\],;/]|or\b)")
# Words that make a temperature a difference rather than a reading, within a few words
# ("warming of 1.5C (2.7F)", "the 2C (3.6F) limit").
_CHANGE = re.compile(
    r"\b(?:warm(?:ing|er|ed|s)?|heating|cool(?:ing|er|ed|s)?|rise[ns]?|rising|rose|increase[sd]?|higher|"
    r"lower|hotter|colder|drop(?:ped|s)?|f[ae]ll(?:en|s)?|above|below|change[sd]?|difference|anomal(?:y|ies)|"
    r"swings?|limit|target|goal|threshold)\b",
    re.IGNORECASE,
)
_CONTEXT_CHARACTERS = 40
# Relative tolerance when either side is written in two units ("6ft 4in", "15 stone 4lb").
_COMPOUND_TOLERANCE = 0.04
# Relative tolerance when the converted number is the written one ("1,000 tonnes (1,000 tons)").
_SAME_NUMBER_TOLERANCE = 0.05


@dataclass(frozen=True)
class _Tolerance:
    relative: float  # of the true value, for all but temperatures
    kelvin: float  # absolute, for temperatures
    difference: bool  # a temperature may be a difference


def _half_step(q: Quantity, coarse: bool, rounded: float = 0.0) -> float:
    """Half the rounding step of a written number, in its unit. `coarse` lets an integer with
    trailing zeros stand for any value that rounds to it ("1,000" for 950..1,049 and more),
    but for no coarser step than the leading digit of the `rounded` value ("100" does not
    round 62)."""
    if q.part_span:  # "6ft 4in": to the inch
        step = 1.0 / q.part_ratio
    elif q.decimals:
        step = 10.0 ** -q.decimals
    else:
        step = 10.0 ** q.trailing_zeros if coarse else 1.0
    if q.unit.dimension == "temperature":
        step = min(step, 5.0)  # "100F" is not a reading rounded to the hundred, "30C" not 34C
    step *= q.multiplier
    if coarse and rounded:
        step = min(step, max(10.0 ** math.floor(math.log10(abs(rounded))), 1.0))
    return step / 2


def _matches(source_value: float, target_value: float, expected: float, source_rounding: float,
             target: Quantity, tolerance: _Tolerance, f_target: float) -> bool:
    """Whether `target_value` is `expected` within the tolerance or the roundings. The same
    number in another unit ("3,500 metres (3,500 yards)") is no conversion unless the units
    are all but equal."""
    if target.unit.dimension == "temperature":
        error = abs(target_value - expected) - source_rounding
        return error <= tolerance.kelvin / f_target or error <= _half_step(target, coarse=True, rounded=expected)
    if target_value == source_value:
        return abs(target_value - expected) <= _SAME_NUMBER_TOLERANCE * abs(expected)
    error = abs(target_value - expected) - source_rounding
    return error <= tolerance.relative * abs(expected) or error <= _half_step(target, coarse=True, rounded=expected)


def _convert(source: Quantity, source_value: float, target: Quantity, target_value: float,
             tolerance: _Tolerance) -> tuple[float, bool]:
    """(`source_value` in the target unit, whether `target_value` matches it), trying every
    factor the two units may have and, where allowed, a temperature as a difference."""
    temperature = source.unit.dimension == "temperature"
    first: float | None = None
    for f_source in source.unit.factors:
        for f_target in target.unit.factors:
            candidates = [(source_value * f_source + source.unit.offset - target.unit.offset) / f_target]
            if temperature and tolerance.difference:
                candidates.append(source_value * f_source / f_target)
            source_rounding = _half_step(source, coarse=False) * f_source / f_target
            for expected in candidates:
                if _matches(source_value, target_value, expected, source_rounding, target, tolerance, f_target):
                    return expected, True
                first = expected if first is None else first
    assert first is not None
    return first, False


def _format(value: float, significant: int, written_decimals: int = 0, grouped: bool = False) -> str:
    """`value` rounded to `significant` digits, keeping at least the decimals the writer used;
    thousands grouped from 10,000 on, or from 1,000 when the writer grouped them."""
    magnitude = math.floor(math.log10(abs(value))) if value else 0
    digits = significant - 1 - magnitude
    if written_decimals and written_decimals > digits:
        digits = written_decimals
    decimals = max(digits, 0)
    text = f"{round(value, digits):{',' if grouped or abs(value) >= 10_000 else ''}.{decimals}f}"
    if decimals > written_decimals and "." in text:  # "68", not "68.0"
        text = text.rstrip("0").rstrip(".")
    return text


def _rewritten(doc: Document, q: Quantity, values: dict[tuple[int, int], float], significant: int) -> str:
    """The text of `q` with the numbers at the given spans replaced by `values` (rounded to
    `significant` digits, in the written multiplier: "3 million acres")."""
    numbers = {}
    for span, value in values.items():
        if q.part_span and span == q.value_span:
            numbers |= _compound_numbers(q, value)
            continue
        number = _format(value / q.multiplier, significant, q.decimals, "," in doc.text[slice(*span)])
        if q.minus_span and span == q.value_span:  # "minus 4", not "minus -4"
            span = (q.minus_span[0], span[1])
            number = doc.text[slice(*q.minus_span)] + number.lstrip("-") if value < 0 else number
        numbers[span] = number
    out, position = [], q.start
    for (start, end), number in sorted(numbers.items()):
        out += [doc.text[position:start], number]
        position = end
    out.append(doc.text[position:q.end])
    return "".join(out)


def _compound_numbers(q: Quantity, value: float) -> dict[tuple[int, int], str]:
    """The two numbers of a compound for `value` in its larger unit: 6.33 feet → "6", "4"."""
    whole = math.floor(value)
    part = round((value - whole) * q.part_ratio)
    if part == q.part_ratio:
        whole, part = whole + 1, 0
    return {q.value_span: str(whole), q.part_span: str(part)}


def _scaled(q: Quantity, other: Quantity) -> Quantity:
    """`q` with the scale that `other` does not have, if `q` is in bare degrees."""
    if q.unit != BARE_DEGREES:
        return q
    celsius = unit_of("C")
    return replace(q, unit=unit_of("F") if other.unit.offset == celsius.offset else celsius)


def conversion_pairs(doc: Document) -> Iterator[tuple[Quantity, Quantity]]:
    """(written, converted) quantity pairs: same dimension, different units, the second alone
    in parentheses right after the first, or after "or" across measurement systems."""
    found = doc.view(quantities)
    for source, target in zip(found, found[1:]):
        if source.unit.dimension != target.unit.dimension:
            continue
        if BARE_DEGREES in (source.unit, target.unit):  # "95 degrees (35C)": the other scale
            if source.unit == target.unit:
                continue
            source, target = _scaled(source, target), _scaled(target, source)
        if (source.unit.factors, source.unit.offset) == (target.unit.factors, target.unit.offset):
            continue
        if (source.low is None) != (target.low is None):
            continue
        gap = doc.text[source.end:target.start]
        if (_CONVERSION_GAP.fullmatch(gap) and _CONVERSION_END.match(doc.text, target.end)) or (
            _ALTERNATIVE_GAP.fullmatch(gap) and source.unit.system != target.unit.system
        ):
            yield source, target


@dataclass(frozen=True)
class _Age:
    person: str
    years: int
    start: int  # span of the age as written: "34", "aged 34", "34-year-old"
    end: int


_YEARS = r"(?P<years>\d{1,3})"
_AGE_AFTER_NAME = (
    re.compile(rf",\s+(?P<age>(?:aged\s+)?{_YEARS})(?=\s*[,;.])"),  # "Amara Okafor, 34,"
    re.compile(rf"\s+\((?P<age>(?:aged\s+)?{_YEARS})\)"),  # "Okafor (34)"
    re.compile(rf"\s*[,\-–—]\s*(?:a|an|the)\s+(?P<age>{_YEARS}-year-old)\b"),  # "Okafor, a 34-year-old"
)
_AGE_BEFORE_NAME = re.compile(  # "the 34-year-old retired nurse Amara Okafor"
    rf"\b(?P<age>{_YEARS}-year-old)\s+"
    r"(?:(?!(?:and|or|with|of|by|to|from|for|in|at|on|as)\b)[a-z][\w-]*\s+){0,3}\Z"
)
_AGE_HINT = re.compile(r"\d-year-old|[,(]\s*(?:aged\s+)?\d{1,3}\s*[,;.)]")
_DIGIT = re.compile(r"\d")  # a quicker test first: the hint holds a digit
# An age placed in time does not contradict another: "in 2010, Okafor, 34, ..."
_TIME_PLACED = re.compile(r"\b(?:1[89]\d\d|20\d\d|at the time|when|then|turned|ago|since)\b", re.IGNORECASE)


def person_ages(doc: Document) -> list[_Age]:
    """Ages attached to a name in apposition, in text order."""
    with_age = {s.index for s in doc.sentences
                if _DIGIT.search(s.text) and _AGE_HINT.search(s.text) and not _TIME_PLACED.search(s.text)}
    if not with_age:
        return []
    found = []
    for mention in doc.view(name_mentions):
        if mention.sentence not in with_age:
            continue
        sentence = doc.sentences[mention.sentence]
        before = [_AGE_BEFORE_NAME.search(doc.text, sentence.start, mention.start)]
        after = [p.match(doc.text, mention.end, sentence.end + 1) for p in _AGE_AFTER_NAME]
        for match in before + after:
            if match and 0 < int(match["years"]) < 120:
                found.append(_Age(mention.text, int(match["years"]), *match.span("age")))
    return found


def _surnames_of_several_people(doc: Document) -> set[str]:
    """Surnames carried by two names neither of which contains the other ("John Smith",
    "Mary Smith"; but not "President Amara Okafor", "Amara Okafor")."""
    names: dict[str, set[frozenset[str]]] = {}
    for mention in doc.view(name_mentions):
        if len(mention.parts) > 1:
            names.setdefault(mention.parts[-1], set()).add(frozenset(mention.parts))
    return {
        surname for surname, variants in names.items()
        if any(not (a <= b or b <= a) for a in variants for b in variants)
    }


class UnitMismatch(Check):
    """Unit conversions that do not match; one person given two ages.

    Flagged: "the town lies 30 kilometres (45 miles) west of the capital" (30 km is 18.6 miles).
    Clean: "the town lies 140km (87 miles) west of the capital".
    """

    id = "unit-mismatch"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR

    def run(self, doc: Document, context: CheckContext) -> Iterator[Finding]:
        relative = float(context.setting("tolerance", 0.12))
        approximate_relative = float(context.setting("approximate-tolerance", 0.2))
        kelvin = float(context.setting("temperature-tolerance", 1.2))
        for source, target in conversion_pairs(doc):
            approximate = source.approximate or target.approximate
            widen = approximate_relative / relative if approximate else 1.0
            nearby = doc.text[max(0, source.start - _CONTEXT_CHARACTERS):target.end + _CONTEXT_CHARACTERS]
            allowed = relative * widen
            if source.part_span or target.part_span:  # "6ft 4in" is written to the inch
                allowed = min(allowed, _COMPOUND_TOLERANCE)
            tolerance = _Tolerance(allowed, kelvin * widen, bool(_CHANGE.search(nearby)))
            pairs = [(source.value, target.value, target.value_span)]
            if source.low is not None and target.low is not None:
                pairs.append((source.low, target.low, target.low_span))
            converted = {span: _convert(source, s, target, t, tolerance) for s, t, span in pairs}
            if all(ok for _, ok in converted.values()):
                continue
            values = {span: value for span, (value, _) in converted.items()}
            written, shown = doc.text[source.start:source.end], doc.text[target.start:target.end]
            yield self.finding(
                doc, target.start, target.end,
                f"'{shown}' does not match '{written}', which is about {_rewritten(doc, target, values, 3)}",
                suggestion=_rewritten(doc, target, values, 2),
                source=written,
                expected=[round(value, 4) for _, (value, _) in sorted(converted.items())],
                approximate=approximate,
            )
        yield from self._age_conflicts(doc)

    def _age_conflicts(self, doc: Document) -> Iterator[Finding]:
        by_surname: dict[str, list[_Age]] = {}
        for age in person_ages(doc):
            by_surname.setdefault(age.person.split()[-1], []).append(age)
        conflicting = {surname: ages for surname, ages in by_surname.items() if len({a.years for a in ages}) > 1}
        if not conflicting:
            return
        shared_surnames = _surnames_of_several_people(doc)
        for surname, ages in conflicting.items():
            if surname in shared_surnames:
                continue
            first = ages[0]
            for later in ages[1:]:
                if later.years == first.years:
                    continue
                written, earlier = doc.text[later.start:later.end], doc.text[first.start:first.end]
                yield self.finding(
                    doc, later.start, later.end,
                    f"'{written}' contradicts '{earlier}' given earlier for the same person ({later.person})",
                    person=later.person, earlier=first.years, later=later.years,
                )
