"""A guarded unit parser: unit texts are checked here before pint ever sees them.

pint evaluates a unit text as an expression: ``9**9**9 nM`` makes it compute a Python integer
with hundreds of millions of digits, and the query hangs (issue #17). Every unit text ketref
meets, in the data or from a caller, is first parsed by this small parser, which knows a fixed
table of unit names and their dimensions, allows ``*``, ``/``, parentheses and powers up to
:data:`ketref.limits.MAX_UNIT_EXPONENT`, and allows no number but ``1`` (as in ``1/week``) and
no arithmetic. Only a text that passes reaches pint.

It is pure Python and imports nothing heavy, so the data's units are all checked when the data
is loaded, without loading pint.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ketref import limits
from ketref.errors import QueryTypeError, UnitError

__all__ = [
    "CONCENTRATION",
    "DIMENSIONLESS",
    "OFFSET_UNITS",
    "TEMPERATURE",
    "UNIT_NAMES",
    "Dimension",
    "check_unit",
    "is_offset_unit",
    "parse_number_and_unit",
    "unit_dimension",
]

Dimension = tuple[int, int, int, int, int]
"""Exponents of (mass, length, time, amount of substance, temperature)."""

DIMENSIONLESS: Dimension = (0, 0, 0, 0, 0)
MASS: Dimension = (1, 0, 0, 0, 0)
LENGTH: Dimension = (0, 1, 0, 0, 0)
VOLUME: Dimension = (0, 3, 0, 0, 0)
TIME: Dimension = (0, 0, 1, 0, 0)
SUBSTANCE: Dimension = (0, 0, 0, 1, 0)
MOLAR: Dimension = (0, -3, 0, 1, 0)
MASS_CONCENTRATION: Dimension = (1, -3, 0, 0, 0)
TEMPERATURE: Dimension = (0, 0, 0, 0, 1)
CONCENTRATION = frozenset({MOLAR, MASS_CONCENTRATION})
"""The dimensions an affinity (Ki, Kd, IC50, EC50) may have: molar or mass concentration."""

OFFSET_UNITS = frozenset({"degC", "celsius", "degF", "fahrenheit"})
"""Units with a zero of their own (degrees Celsius and Fahrenheit): a unit text may name one only on its own,
since pint refuses to multiply, divide or raise them (and ``Value.to`` converts them point by
point, not by a factor)."""

_PREFIXES = {
    "k": "kilo",
    "d": "deci",
    "c": "centi",
    "m": "milli",
    "µ": "micro",
    "n": "nano",
    "p": "pico",
    "f": "femto",
}


def _table() -> dict[str, Dimension]:
    names: dict[str, Dimension] = {}
    # symbols that take SI prefixes, and their long names
    for symbol, long, dimension in [
        ("g", "gram", MASS),
        ("m", "meter", LENGTH),
        ("L", "liter", VOLUME),
        ("l", "litre", VOLUME),
        ("mol", "mole", SUBSTANCE),
        ("M", "molar", MOLAR),
        ("s", "second", TIME),
    ]:
        names[symbol] = dimension
        names[long] = dimension
        for prefix, long_prefix in _PREFIXES.items():
            if symbol == "s" and prefix in "kdc":
                continue
            names[prefix + symbol] = dimension
            names[long_prefix + long] = dimension
    names["metre"] = LENGTH
    names["ml"] = names["mL"]
    for name in ["min", "minute", "h", "hr", "hour", "day", "week", "month", "year"]:
        names[name] = TIME
    for name in ["percent", "fold", "count", "dimensionless", "degree", "radian", "ppm"]:
        names[name] = DIMENSIONLESS
    names["%"] = DIMENSIONLESS
    names["Da"] = names["dalton"] = names["kDa"] = MASS
    for name in ["lb", "pound", "oz", "ounce"]:
        names[name] = MASS
    for name in ["inch", "foot", "ft"]:
        names[name] = LENGTH
    names["Hz"] = (0, 0, -1, 0, 0)
    names["mmHg"] = (1, -1, -2, 0, 0)
    for name in ["J", "kJ", "cal", "kcal"]:
        names[name] = (1, 2, -2, 0, 0)
    # temperatures (melting points): kelvin is an ordinary unit; the Celsius names are offset
    # units, which pint cannot multiply, divide or raise, so they must stand alone (OFFSET_UNITS)
    for name in ["K", "kelvin", *OFFSET_UNITS]:
        names[name] = TEMPERATURE
    return names


UNIT_NAMES: dict[str, Dimension] = _table()
"""Every unit name the parser knows (pint knows each with the same dimension; a test checks)."""

_TOKEN = re.compile(r"\s*(?:(?P<name>[A-Za-zµμ%]+)|(?P<one>1)(?![0-9.])|(?P<power>\*\*|\^)|(?P<op>[*/()]))")
_EXPONENT = re.compile(r"\s*(?P<sign>[-+]?)\s*(?P<digits>[0-9]+)")


def _known_name(name: str) -> str | None:
    """The table's name for a unit name as written (micro as u or Greek mu, plurals), or None."""
    candidates = [name]
    if name[:1] in ("u", "μ"):  # u and the Greek mu both write micro
        candidates.append("µ" + name[1:])
    if len(name) > 3 and name.endswith("s"):  # plurals of long names: hours, grams
        candidates.append(name[:-1])
    return next((c for c in candidates if c in UNIT_NAMES), None)


def _name_dimension(name: str) -> Dimension | None:
    known = _known_name(name)
    return None if known is None else UNIT_NAMES[known]


class _Parser:
    """Recursive descent over ``expr := term (('*' | '/') term)*``, ``term := atom [** int]``,
    ``atom := name | 1 | ( expr )``; its depth is bounded by the text's length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.offset = False
        """Whether an offset unit (degree Celsius) was read."""

    def fail(self, why: str) -> UnitError:
        return UnitError(f"{self.text!r} is not a unit ketref accepts: {why}")

    def peek(self) -> tuple[str, str] | None:
        if not self.text[self.position :].strip():
            return None
        match = _TOKEN.match(self.text, self.position)
        if match is None:
            bad = self.text[self.position :].strip()[:1]
            raise self.fail(f"unexpected {bad!r} (numbers and arithmetic are not allowed in a unit)")
        kind = match.lastgroup or ""
        return kind, match[kind]

    def next(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise self.fail("it ends too early")
        match = _TOKEN.match(self.text, self.position)
        assert match is not None
        self.position = match.end()
        return token

    def expr(self) -> Dimension:
        dimension = self.term()
        while (token := self.peek()) is not None and token in (("op", "*"), ("op", "/")):
            self.next()
            other = self.term()
            sign = 1 if token[1] == "*" else -1
            dimension = tuple(a + sign * b for a, b in zip(dimension, other, strict=True))  # type: ignore[assignment]
        return dimension

    def term(self) -> Dimension:
        dimension = self.atom()
        token = self.peek()
        if token is not None and token[0] == "power":
            self.next()
            match = _EXPONENT.match(self.text, self.position)
            if match is None:
                raise self.fail("a power is a whole number")
            self.position = match.end()
            if len(match["digits"]) > 3 or int(match["digits"]) > limits.MAX_UNIT_EXPONENT:
                raise self.fail(f"powers above {limits.MAX_UNIT_EXPONENT} are not allowed")
            exponent = int(match["sign"] + match["digits"])
            dimension = tuple(a * exponent for a in dimension)  # type: ignore[assignment]
        return dimension

    def atom(self) -> Dimension:
        kind, value = self.next()
        if kind == "name":
            known = _known_name(value)
            if known is None:
                raise self.fail(f"{value!r} is not a unit name it knows")
            self.offset = self.offset or known in OFFSET_UNITS
            return UNIT_NAMES[known]
        if kind == "one":
            return DIMENSIONLESS
        if (kind, value) == ("op", "("):
            inner = self.expr()
            if self.next() != ("op", ")"):
                raise self.fail("a bracket is not closed")
            return inner
        raise self.fail(f"unexpected {value!r}")


def unit_dimension(text: Any) -> Dimension:
    """The dimension of a unit text, or :class:`ketref.UnitError` if the guarded parser refuses it.

    >>> unit_dimension("mL/min/kg")
    (-1, 3, -1, 0, 0)
    >>> unit_dimension("9**9**9 nM")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ketref.errors.UnitError: '9**9**9 nM' is not a unit ketref accepts: unexpected '9' ...
    """
    if not isinstance(text, str):
        raise QueryTypeError(f"a unit is text such as 'mg', not {type(text).__name__}")
    if len(text) > limits.MAX_UNIT_CHARS:
        raise UnitError(
            f"a unit text is at most {limits.MAX_UNIT_CHARS} characters; this one has {len(text)}"
        )
    if not text.strip():
        raise UnitError("empty unit text")
    parser = _Parser(text)
    dimension = parser.expr()
    if parser.peek() is not None:
        raise parser.fail(f"unexpected {parser.next()[1]!r}")
    if parser.offset and not _SINGLE_NAME.fullmatch(text.strip()):
        raise parser.fail(
            "a Celsius or Fahrenheit temperature stands alone (write 'degC'; use 'K' in a compound unit)"
        )
    return dimension


_SINGLE_NAME = re.compile(r"[A-Za-z]+")


def is_offset_unit(text: str) -> bool:
    """Whether a (checked) unit text is an offset unit such as ``degC``, which converts point by
    point (92 degC is 365.15 K) rather than by a factor.

    >>> is_offset_unit("degC"), is_offset_unit("K"), is_offset_unit("mg")
    (True, False, False)
    """
    unit_dimension(text)
    return _known_name(text.strip()) in OFFSET_UNITS


def check_unit(text: str, expected: frozenset[Dimension] | None = None, what: str = "") -> str:
    """Check a unit text (and its dimension, when ``expected``); returns it unchanged."""
    dimension = unit_dimension(text)
    if expected is not None and dimension not in expected:
        raise UnitError(f"{text!r} is not a unit of {what or 'the expected dimension'}")
    return text


_NUMBER = re.compile(r"\s*([-+]?(?:[0-9]{1,300}(?:\.[0-9]{0,300})?|\.[0-9]{1,300})(?:[eE][-+]?[0-9]{1,3})?)")


def parse_number_and_unit(text: str) -> tuple[float, str]:
    """Split text such as ``"28 mg"`` into a finite number and a checked unit text.

    >>> parse_number_and_unit(" 0.5 mg/kg")
    (0.5, 'mg/kg')
    """
    if len(text) > limits.MAX_UNIT_CHARS + 320:
        raise UnitError(f"a quantity text is at most {limits.MAX_UNIT_CHARS + 320} characters")
    match = _NUMBER.match(text)
    if match is None:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise UnitError(f"{shown!r} does not start with a number (a quantity is written like '28 mg')")
    number = float(match[1])
    if not math.isfinite(number):
        raise UnitError(f"{match[1]!r} is too large a number")
    unit = text[match.end() :].strip()
    if not unit:
        raise UnitError(f"{text.strip()!r} has no unit")
    check_unit(unit)
    return number, unit
