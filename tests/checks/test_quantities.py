"""The quantities view: numbers with units as written."""

from __future__ import annotations

import pytest

from mtaudit.segment import build_document
from mtaudit.views.quantities import BARE_DEGREES, quantities


def _read(text: str):
    doc = build_document(text)
    return [(text[q.start:q.end], q.value, q.low, q.unit.form, q.qualifier) for q in doc.view(quantities)]


@pytest.mark.parametrize("text, expected", [
    ("about 30 kilometers west", [("30 kilometers", 30.0, None, "kilometers", "about")]),
    ("a 30-kilometre road", [("30-kilometre", 30.0, None, "kilometre", None)]),
    ("highs of 20-25C", [("20-25C", 25.0, 20.0, "C", None)]),
    ("1.2 million hectares", [("1.2 million hectares", 1_200_000.0, None, "hectares", None)]),
    ("20 degrees Celsius and 68 °F", [("20 degrees Celsius", 20.0, None, "celsius", None),
                                      ("68 °F", 68.0, None, "F", None)]),
    ("3,000 tonnes", [("3,000 tonnes", 3000.0, None, "tonnes", None)]),
    ("130 kilometres per hour", [("130 kilometres per hour", 130.0, None, "kilometres per hour", None)]),
    ("-40C", [("-40C", -40.0, None, "C", None)]),
    ("minus 40 degrees Celsius", [("minus 40 degrees Celsius", -40.0, None, "celsius", None)]),
    ("1.5m hectares", [("1.5m hectares", 1_500_000.0, None, "hectares", None)]),
    ("a 10m (33ft) wall", [("10m", 10.0, None, "m", None), ("33ft", 33.0, None, "ft", None)]),
    ("two kilometres (1.2 miles)", [("two kilometres", 2.0, None, "kilometres", None),
                                    ("1.2 miles", 1.2, None, "miles", None)]),
    ("40 km (some twenty-five miles)", [("40 km", 40.0, None, "km", None),
                                        ("twenty-five miles", 25.0, None, "miles", "some")]),
    ("a mile (1.6 km) away", [("a mile", 1.0, None, "mile", None), ("1.6 km", 1.6, None, "km", None)]),
    ("hailstones 5cm (2in) across", [("5cm", 5.0, None, "cm", None), ("2in", 2.0, None, "inch", None)]),
    ("a 2,000-square-foot house", [("2,000-square-foot", 2000.0, None, "square foot", None)]),
    ("90 miles an hour", [("90 miles an hour", 90.0, None, "miles an hour", None)]),
    ("between 3 and 5 metres", [("3 and 5 metres", 5.0, 3.0, "metres", None)]),
    ("(10 and 16 feet)", [("10 and 16 feet", 16.0, 10.0, "feet", None)]),
    ("both 3 and 5 metres", [("5 metres", 5.0, None, "metres", None)]),
])
def test_reads_quantities(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize("text", [
    "$5m and £4m and €12m",  # money
    "born 1990 in Lagos",  # "in" is not inches
    "20c off the price",  # lower-case c is not Celsius
    "5 in 10 people",  # "in" apart from its number is no unit
    "two kilometres from the coast",  # numbers in words only beside a conversion
])
def test_ignores_look_alikes(text):
    assert _read(text) == []


def test_a_temperature_letter_apart_from_its_number_is_read():
    doc = build_document("35 C (95 F)")
    assert [(q.value, q.unit.form) for q in doc.view(quantities)] == [(35.0, "C"), (95.0, "F")]


def test_bare_degrees():
    (q,) = build_document("minus 4 degrees outside").view(quantities)
    assert (q.value, q.unit) == (-4.0, BARE_DEGREES)


@pytest.mark.parametrize("text, value, part", [
    ("6ft 4in", 6 + 4 / 12, "4"),
    ("6 feet 4 inches", 6 + 4 / 12, "4"),
    ("a 6-foot-4 forward", 6 + 4 / 12, "4"),
    ("15 stone 4lb", 15 + 4 / 14, "4"),
])
def test_reads_compounds(text, value, part):
    (q,) = build_document(text).view(quantities)
    assert q.value == pytest.approx(value) and text[slice(*q.part_span)] == part


@pytest.mark.parametrize("text", ["6 feet 4 in the air", "6ft 14in", "6-foot-14"])
def test_no_compound_without_a_small_part(text):
    assert all(q.part_span is None for q in build_document(text).view(quantities))


def test_precision_is_recorded():
    doc = build_document("1,500 km and 2.50 m")
    first, second = doc.view(quantities)
    assert (first.decimals, first.trailing_zeros) == (0, 2)
    assert (second.decimals, second.trailing_zeros) == (2, 0)
