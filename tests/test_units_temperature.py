"""Temperatures in the guarded unit parser (melting points, issue #16).

degree Celsius is an offset unit: 92 degC is 365.15 K, not 92 times some factor. The guarded
parser admits it only on its own, and ``Value.to`` converts it point by point. The expected
numbers here are worked by hand (K = degC + 273.15; degF = degC * 9/5 + 32), not by the code.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ketref
from ketref import quantities
from ketref.humanize import format_value
from ketref.models.values import Value, unit_registry
from ketref.units import OFFSET_UNITS, TEMPERATURE, UNIT_NAMES, is_offset_unit, unit_dimension

_PINT_BASE = ("[mass]", "[length]", "[time]", "[substance]", "[temperature]")


@pytest.mark.parametrize("name", sorted(UNIT_NAMES))
def test_every_known_unit_name_has_pint_s_dimension(name: str) -> None:
    """The parser's table and pint agree on every name's dimension (the cross-check)."""
    if name == "fold":  # ketref defines it in its own registry, as dimensionless
        assert UNIT_NAMES[name] == (0, 0, 0, 0, 0)
        return
    dimensionality = unit_registry().Unit(name).dimensionality
    assert set(dimensionality) <= set(_PINT_BASE), name
    expected = tuple(round(float(dimensionality.get(base, 0))) for base in _PINT_BASE)  # type: ignore[arg-type]
    assert UNIT_NAMES[name] == expected, name


@pytest.mark.parametrize("text", ["degC", "celsius", "K", "kelvin", "kelvins", " degC "])
def test_temperature_names_are_temperatures(text: str) -> None:
    assert unit_dimension(text) == TEMPERATURE == (0, 0, 0, 0, 1)


@pytest.mark.parametrize(
    "text", ["degC/min", "degC*mL", "degC**2", "(degC)", "1/degC", "mg*celsius", "degC degC", "kdegC", "°C"]
)
def test_an_offset_unit_never_combines(text: str) -> None:
    started = time.monotonic()
    with pytest.raises(ketref.UnitError):
        unit_dimension(text)
    assert time.monotonic() - started < 1


def test_kelvin_combines_like_any_unit() -> None:
    assert unit_dimension("J/K") == (1, 2, -2, 0, -1)
    assert unit_dimension("K/min") == (0, 0, -1, 0, 1)
    assert not is_offset_unit("K") and is_offset_unit("degC") and is_offset_unit("celsius")
    assert {"degC", "celsius", "degF", "fahrenheit"} == OFFSET_UNITS


def test_celsius_converts_point_by_point() -> None:
    melting = Value(value=(92, 93), unit="degC")
    assert melting.to("K").low == pytest.approx(365.15)
    assert melting.to("K").high == pytest.approx(366.15)
    assert Value(value=258, unit="degC").to("degF").low == pytest.approx(496.4)
    assert Value(value=0, unit="degC").to("K").low == pytest.approx(273.15)
    assert Value(value=373.15, unit="K").to("degC").low == pytest.approx(100.0)
    assert str(Value(value=(258, 261), unit="degC").to("K")) == "531.15–534.15 K"
    with pytest.raises(ketref.UnitError):
        Value(value=92, unit="degC").to("mg")


@given(st.floats(min_value=-273.15, max_value=5000, allow_nan=False))
def test_celsius_kelvin_round_trip(celsius: float) -> None:
    there = Value(value=celsius, unit="degC").to("K")
    assert there.low == pytest.approx(celsius + 273.15, rel=1e-11, abs=1e-9)
    assert there.to("degC").low == pytest.approx(celsius, rel=1e-11, abs=1e-8)


def test_quantities_convert_temperatures() -> None:
    assert quantities.convert("92 degC", "K").magnitude == pytest.approx(365.15)
    assert quantities.convert(Value(value=262, unit="degC"), "K").magnitude == pytest.approx(535.15)
    with pytest.raises(ketref.UnitError):
        quantities.convert("92 degC/min", "K/min")


def test_celsius_reads_as_degrees() -> None:
    assert format_value(Value(value=(92, 93), unit="degC")) == "92–93 °C"
