"""Numbers with units: one value type for every number in the knowledge base.

A :class:`Value` is stored as plain data (a number or a pair of numbers, a unit text and a
qualifier). Its :attr:`Value.quantity` is a pint ``Quantity`` built on demand from the one
unit registry of the package, so that reading the knowledge base never imports pint.
"""

from __future__ import annotations

import math
import threading
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import StringConstraints, model_validator

from ketref.errors import UnitError
from ketref.models._base import FrozenModel

if TYPE_CHECKING:
    import pint

__all__ = ["Qualifier", "Value", "parse_unit", "unit_registry"]


POSITIVE_MEASURES = frozenset({"Ki", "IC50", "Kd", "EC50"})
"""Measures that cannot be zero or negative."""


class Qualifier(StrEnum):
    """How a stated number relates to the true one."""

    EQUAL = "="
    LESS = "<"
    GREATER = ">"
    AT_MOST = "<="
    AT_LEAST = ">="
    APPROXIMATELY = "~"


UnitText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class Value(FrozenModel):
    """A number or a range of numbers with a unit, as a source states it.

    >>> v = Value(value=(3, 4), unit="fold")
    >>> v.low, v.high, str(v)
    (3.0, 4.0, '3–4 fold')
    """

    value: float | tuple[float, float]
    unit: UnitText
    qualifier: Qualifier = Qualifier.EQUAL
    measure: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)] | None = (
        None
    )
    """What the number measures, when a claim states several (``"infusions"``, ``"span"``)."""

    @model_validator(mode="after")
    def _check_range(self) -> Value:
        if isinstance(self.value, tuple) and self.value[0] > self.value[1]:
            raise ValueError(f"range {self.value[0]}–{self.value[1]} runs backwards")
        numbers = self.value if isinstance(self.value, tuple) else (self.value,)
        if not all(math.isfinite(n) for n in numbers):
            raise ValueError("a value is a finite number")
        if (self.unit == "fold" or self.measure in POSITIVE_MEASURES) and min(numbers) <= 0:
            raise ValueError(f"a {self.measure or 'fold'} is positive; got {self}")
        # the guarded parser (no pint here): a unit pint could not read, or one that would make
        # it compute (9**9**9), fails the load, not a later query
        from ketref.units import CONCENTRATION, check_unit

        if self.measure in POSITIVE_MEASURES:
            check_unit(self.unit, CONCENTRATION, f"concentration (a {self.measure} is one)")
        else:
            check_unit(self.unit)
        return self

    @property
    def low(self) -> float:
        """The lower end (the value itself for a single number)."""
        return float(self.value[0] if isinstance(self.value, tuple) else self.value)

    @property
    def high(self) -> float:
        """The upper end (the value itself for a single number)."""
        return float(self.value[1] if isinstance(self.value, tuple) else self.value)

    @property
    def is_range(self) -> bool:
        """Whether the value is a range rather than a single number."""
        return isinstance(self.value, tuple)

    def overlaps(self, other: Value) -> bool:
        """Whether two values of the same measure and unit text share any number.

        Values of different measures or unit texts are not compared here (no unit conversion
        is done); they are reported as overlapping, so that no conflict is claimed without
        evidence.
        """
        if self.unit != other.unit or self.measure != other.measure:
            return True
        low, high = self.bounds
        other_low, other_high = other.bounds
        return low <= other_high and other_low <= high

    @property
    def bounds(self) -> tuple[float, float]:
        """The interval the value allows: ``<``, ``<=``, ``>`` and ``>=`` open it on one side
        (the stated number itself is not excluded, so no conflict is claimed at the edge),
        ``~`` widens it by 10%."""
        low, high = self.low, self.high
        if self.qualifier in (Qualifier.LESS, Qualifier.AT_MOST):
            low = float("-inf")
        elif self.qualifier in (Qualifier.GREATER, Qualifier.AT_LEAST):
            high = float("inf")
        elif self.qualifier is Qualifier.APPROXIMATELY:
            low, high = low - abs(low) * 0.1, high + abs(high) * 0.1
        return low, high

    @property
    def quantity(self) -> pint.Quantity[Any] | tuple[pint.Quantity[Any], pint.Quantity[Any]]:
        """The value as a pint Quantity (a pair of them for a range)."""
        registry = unit_registry()
        unit = parse_unit(self.unit)
        if isinstance(self.value, tuple):
            low, high = self.value
            return (registry.Quantity(low, unit), registry.Quantity(high, unit))
        return registry.Quantity(self.value, unit)

    def to(self, unit: str) -> Value:
        """The same value in another unit (a range stays a range; the qualifier is kept).

        The conversion keeps relative precision (1.5 pM is 1.5e-12 M, not 2e-12 M): only the
        noise of floating-point arithmetic, beyond 12 significant digits, is rounded away.

        >>> str(Value(value=(0.3, 1.4), unit="µM").to("nM"))
        '300–1400 nM'
        >>> Value(value=1.5, unit="pM").to("M").low
        1.5e-12
        """
        from pydantic import ValidationError

        from ketref.units import is_offset_unit

        target = parse_unit(unit)
        source = parse_unit(self.unit)
        registry = unit_registry()
        try:
            if is_offset_unit(self.unit) or is_offset_unit(unit):
                # an offset unit (degC) has its own zero: convert each end, never by a factor
                low, high = (
                    _significant(registry.Quantity(n, source).to(target).magnitude)
                    for n in (self.low, self.high)
                )
            else:
                factor = registry.Quantity(1.0, source).to(target).magnitude
                low, high = (_significant(n * factor) for n in (self.low, self.high))
        except Exception as exc:  # pint's DimensionalityError and kin
            raise UnitError(f"cannot express {self} in {unit}: {type(exc).__name__}") from None
        number: float | tuple[float, float] = (low, high) if self.is_range else low
        try:
            return Value(value=number, unit=unit, qualifier=self.qualifier, measure=self.measure)
        except ValidationError as exc:
            problem = exc.errors(include_url=False)[0]["msg"]
            raise UnitError(f"{self} in {unit} is not a value ketref can hold: {problem}") from None

    def __str__(self) -> str:
        qualifier = "" if self.qualifier is Qualifier.EQUAL else f"{self.qualifier.value} "
        number = f"{_fmt(self.low)}–{_fmt(self.high)}" if self.is_range else _fmt(self.low)
        measure = f" ({self.measure})" if self.measure else ""
        return f"{qualifier}{number} {self.unit}{measure}"


def _significant(number: float) -> float:
    """A number with floating-point noise beyond 12 significant digits rounded away."""
    return float(f"{number:.12g}") if math.isfinite(number) else number


def _fmt(number: float) -> str:
    return f"{number:g}"


def parse_unit(text: str) -> pint.Unit:
    """Parse a unit text, or raise :class:`ketref.UnitError`.

    The text is checked by the guarded parser of :mod:`ketref.units` first (known unit names,
    ``*``, ``/``, brackets and small powers only), so pint never evaluates anything else.
    """
    from ketref.units import unit_dimension

    unit_dimension(text)
    try:
        return unit_registry().Unit(text)
    except Exception as exc:  # pint raises many kinds on bad text; all mean 'not a unit'
        raise UnitError(f"{text!r} is not a unit pint understands ({type(exc).__name__})") from None


_REGISTRY: list[pint.UnitRegistry[Any]] = []
_REGISTRY_LOCK = threading.Lock()


def unit_registry() -> pint.UnitRegistry[Any]:
    """The single pint unit registry of the package, created on first use (once, under a lock,
    however many threads ask first: quantities of two registries cannot be mixed).

    It knows ``fold`` (a dimensionless ratio) besides pint's default units.
    """
    if _REGISTRY:
        return _REGISTRY[0]
    with _REGISTRY_LOCK:
        if not _REGISTRY:
            import pint

            registry: pint.UnitRegistry[Any] = pint.UnitRegistry()
            registry.define("fold = 1")
            _REGISTRY.append(registry)
    return _REGISTRY[0]
