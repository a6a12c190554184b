"""unit-mismatch: when a written conversion is accepted, and how corrections are written."""

from __future__ import annotations

import pytest

from mtaudit.checks import CheckContext
from mtaudit.checks.unit_mismatch import UnitMismatch, _format
from mtaudit.segment import build_document


def _flagged(text: str, **settings) -> list[tuple[str, str | None]]:
    doc = build_document(text)
    return [(text[f.start:f.end], f.suggestion) for f in UnitMismatch().run(doc, CheckContext(settings))]


@pytest.mark.parametrize("text", [
    "30 km (18.6 miles)",
    "30 km (19 miles)",
    "30 km (20 miles)",  # within 12 %
    "1 mile (2 km)",  # the true 1.6 rounded to the written precision
    "6 feet (2 metres)",
    "2,000 km (1,000 miles)",  # one significant digit
    "100 litres (26 gallons)",  # US gallon
    "100 litres (22 gallons)",  # imperial gallon
    "more than 40C (100F)",
    "temperatures rose 2C (3.6F)",  # a difference
    "1,000 tonnes (1,000 tons)",  # a long ton is within 2 % of a tonne
    "100F (40C)",  # 37.8 rounded to 5 degrees
    "6ft 4in (1.93m)",
    "1.93m (6ft 4in)",
    "15 stone 4lb (97kg)",
    "100 degrees (38 Celsius)",
    "35 C (95 F)",
    "a 2,000-square-foot (186-square-metre) house",
    "90 miles an hour (145 km/h)",
    "150 horsepower (110 kW)",
    "500,000 ounces (15.5 tonnes) of gold",  # troy ounces
    "2 pints (1 litre)",  # imperial pints
    "He lost 3 stone (19kg)",
    "between 3 and 5 metres (10 and 16 feet)",
    "a mile (1.6 km)",
    "the 1.5C (2.7F) limit",
])
def test_accepts_roundings(text):
    assert _flagged(text) == []


@pytest.mark.parametrize("text, expected", [
    ("30 km (25 miles)", ("25 miles", "19 miles")),
    ("1,000 km (500 miles)", ("500 miles", "620 miles")),
    ("temperatures reached 38C (68F)", ("68F", "100F")),  # 38 x 1.8 is no reading
    ("a 2.5 km (2.5 mile) walk", ("2.5 mile", "1.6 mile")),
    ("3,500 metres (3,500 yards)", ("3,500 yards", "3,800 yards")),  # the same number, unconverted
    ("100 kilometres an hour (100 mph)", ("100 mph", "62 mph")),  # 100 is no rounding of 62
    ("minus 30 degrees Fahrenheit (minus 30 degrees Celsius)", ("minus 30 degrees Celsius",
                                                               "minus 34 degrees Celsius")),
    ("two kilometres (five miles)", ("five miles", "1.2 miles")),
    ("three metres (three feet)", ("three feet", "9.8 feet")),
    ("1.93m (6ft 9in)", ("6ft 9in", "6ft 4in")),  # a compound is written to the inch
    ("a 1.95m (6-foot-11) centre", ("6-foot-11", "6-foot-5")),
    ("He weighs 95kg (17 stone 2lb)", ("17 stone 2lb", "14 stone 13lb")),
    ("Temperatures topped 100 degrees (28 Celsius)", ("28 Celsius", "38 Celsius")),  # Fahrenheit
    ("1.5m hectares (1.5m acres)", ("1.5m acres", "3.7m acres")),
    ("a 300-metre-long (300-foot) ship", ("300-foot", "980-foot")),
    ("5 hectares, the equivalent of 5 acres", ("5 acres", "12 acres")),
    ("It was 35 C (59 F)", ("59 F", "95 F")),
    ("between 3 and 5 metres (30 and 50 feet)", ("30 and 50 feet", "9.8 and 16 feet")),
])
def test_flags_and_corrects(text, expected):
    assert _flagged(text) == [expected]


def test_tolerance_is_a_setting():
    assert _flagged("30 km (20.5 miles)") == []
    assert _flagged("30 km (20.5 miles)", tolerance=0.05) == [("20.5 miles", "18.6 miles")]


@pytest.mark.parametrize("value, significant, decimals, written", [
    (18.64, 2, 0, "19"),
    (1.524, 2, 0, "1.5"),
    (621.37, 2, 0, "620"),
    (19305.0, 3, 0, "19,300"),
    (44.09, 2, 1, "44.1"),
    (68.0, 3, 0, "68"),
])
def test_format(value, significant, decimals, written):
    assert _format(value, significant, decimals) == written
