"""mtaudit/data/units.tsv: well-formed, sorted, unique, and its factors right."""

from __future__ import annotations

from importlib import resources

import pytest

from mtaudit.views.quantities import unit_of, units

DIMENSIONS = {"length", "area", "mass", "volume", "speed", "temperature", "power", "energy"}
SYSTEMS = {"metric", "imperial", "nautical"}


def _rows() -> list[list[str]]:
    text = resources.files("mtaudit.data").joinpath("units.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0] == "unit\tdimension\tfactor\toffset\tsystem"
    return [line.split("\t") for line in lines[1:]]


def test_rows_are_well_formed():
    for row in _rows():
        assert len(row) == 5 and all(cell == cell.strip() and cell for cell in row), row
        form, dimension, factors, offset, system = row
        assert dimension in DIMENSIONS and system in SYSTEMS, row
        assert all(float(f) > 0 for f in factors.split("|")), row
        assert float(offset) == 0 or dimension == "temperature", row
        assert len(form) > 1 or form in {"C", "F", "m", "g"}, f"one-letter forms are case-sensitive and risky: {row}"


def test_sorted_and_unique():
    forms = [row[0] for row in _rows()]
    assert forms == sorted(forms)
    assert len({f if len(f) == 1 else f.lower() for f in forms}) == len(forms)


def test_every_dimension_has_both_systems():
    for dimension in DIMENSIONS:
        systems = {u.system for u in units().values() if u.dimension == dimension}
        assert {"metric", "imperial"} <= systems, dimension


@pytest.mark.parametrize("a, b, ratio", [
    ("mile", "km", 1.609344),
    ("foot", "metres", 0.3048),
    ("pound", "kg", 0.45359237),
    ("acre", "hectares", 0.40468564224),
    ("sq miles", "sq km", 2.589988110336),
    ("mph", "km/h", 1.609344),
    ("gallon", "litres", 3.785411784),
    ("stone", "pounds", 14.0),
    ("hp", "kW", 0.74569987158227022),
    ("kWh", "kJ", 3600.0),
    ("pint", "litre", 0.473176473),
    ("acre-feet", "cubic metres", 1233.48183754752),
])
def test_factors(a, b, ratio):
    assert unit_of(a).factors[0] / unit_of(b).factors[0] == pytest.approx(ratio, rel=1e-9)


def test_temperature_offsets():
    celsius, fahrenheit = unit_of("C"), unit_of("fahrenheit")
    kelvin_of_boiling_f = 212 * fahrenheit.factors[0] + fahrenheit.offset
    assert kelvin_of_boiling_f == pytest.approx(100 * celsius.factors[0] + celsius.offset)


def test_lookup_is_case_insensitive_but_for_single_letters():
    assert unit_of("Kilometres") is unit_of("kilometres")
    assert unit_of("c") is None and unit_of("C") is not None
    assert unit_of("sq  km") is unit_of("sq km")
    assert unit_of("square-foot") is unit_of("square foot")
