"""Unit conversions for teaching: doses per body mass, salt and free base, concentrations, pKi.

**Educational, not clinical.** These functions show how the numbers in the knowledge base relate
to each other (a per-kilogram dose and a body mass, a salt and its free base). They are not a
dosing tool, and nothing here is advice on treating anyone.

Every function accepts a :class:`ketref.Value`, a pint quantity, or text such as ``"0.5 mg/kg"``,
and raises :class:`ketref.UnitError` (naming what was expected and what was given) for a unit
that does not parse or a quantity of the wrong dimension.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ketref._shown import shown
from ketref.errors import InvalidQueryError, QueryTypeError, UnitError
from ketref.models.values import Value, parse_unit, unit_registry
from ketref.units import parse_number_and_unit

if TYPE_CHECKING:
    import pint

    from ketref.kb import EntityQuery, KnowledgeBase

__all__ = [
    "EDUCATIONAL",
    "amount_in_volume",
    "as_quantity",
    "base_to_salt",
    "convert",
    "dose_for_body_mass",
    "ki_to_pki",
    "pki_to_ki",
    "salt_to_base",
]

EDUCATIONAL = "Educational unit arithmetic, not clinical guidance: never use it to dose anyone."


def as_quantity(value: Any) -> pint.Quantity[Any]:
    """A pint quantity from a Value (a single number), a quantity, or text like ``"28 mg"``.

    Text is split into a number and a unit by :func:`ketref.units.parse_number_and_unit`, and
    the unit checked by the guarded parser before pint sees it: pint never evaluates the text.
    The magnitude must be one finite real number.
    """
    import pint

    registry = unit_registry()
    if isinstance(value, Value):
        if value.is_range:
            raise UnitError(f"{value} is a range; pass one end (value.low or value.high)")
        return registry.Quantity(value.low, parse_unit(value.unit))
    if isinstance(value, registry.Quantity):
        magnitude = value.magnitude
        if isinstance(magnitude, bool) or not isinstance(magnitude, int | float):
            raise QueryTypeError(f"a quantity's magnitude is one real number, not {type(magnitude).__name__}")
        if not math.isfinite(magnitude):
            raise UnitError(f"a quantity's magnitude is a finite number, not {magnitude}")
        unit_text = str(value.units)
        if len(unit_text) > 200:
            raise UnitError("the quantity's unit is too long to be one ketref uses")
        return value
    if isinstance(value, pint.Quantity):
        raise QueryTypeError(
            "this quantity comes from another pint registry; build quantities with "
            "ketref.models.values.unit_registry() or pass text such as '28 mg'"
        )
    if isinstance(value, str):
        number, unit = parse_number_and_unit(value)
        return registry.Quantity(number, parse_unit(unit))
    raise QueryTypeError(
        f"expected a Value, a pint Quantity or text such as '28 mg', not {type(value).__name__}"
    )


def convert(value: Any, unit: str) -> pint.Quantity[Any]:
    """``value`` in ``unit``, or :class:`ketref.UnitError` when the dimensions differ."""
    import pint

    quantity = as_quantity(value)
    target = parse_unit(unit)
    try:
        converted: pint.Quantity[Any] = quantity.to(target)
    except pint.errors.DimensionalityError:
        raise UnitError(
            f"cannot express {quantity:~P} in {unit}: expected a quantity of dimension "
            f"{target.dimensionality}, got {quantity.dimensionality}"
        ) from None
    if not math.isfinite(converted.magnitude):
        raise UnitError(f"{quantity:~P} in {unit} is beyond the range of a floating-point number")
    return converted


def _need(value: Any, dimension: str, what: str, *, positive: bool = True) -> pint.Quantity[Any]:
    quantity = as_quantity(value)
    if quantity.dimensionality != unit_registry().get_dimensionality(dimension):
        raise UnitError(
            f"{what} must be a {dimension} quantity; got {quantity:~P} ({quantity.dimensionality})"
        )
    if positive and quantity.magnitude <= 0:
        raise InvalidQueryError(f"{what} must be positive; got {quantity:~P}")
    if not positive and quantity.magnitude < 0:
        raise InvalidQueryError(f"{what} cannot be negative; got {quantity:~P}")
    return quantity


def _not_negative(quantity: pint.Quantity[Any], what: str) -> pint.Quantity[Any]:
    if quantity.magnitude < 0:
        raise InvalidQueryError(f"{what} cannot be negative; got {quantity:~P}")
    return quantity


def dose_for_body_mass(dose_per_mass: Any, body_mass: Any) -> pint.Quantity[Any]:
    """The amount a per-mass dose comes to for a body mass (educational arithmetic only).

    Examples:
        >>> str(dose_for_body_mass("0.5 mg/kg", "70 kg").to("mg"))
        '35.0 milligram'
    """
    per = _not_negative(as_quantity(dose_per_mass), "a dose")
    mass = _need(body_mass, "[mass]", "body mass")
    amount = (per * mass).to_reduced_units()
    if amount.dimensionality != unit_registry().get_dimensionality("[mass]"):
        raise UnitError(f"a dose per body mass (like mg/kg) is expected; got {per:~P}")
    in_mg: pint.Quantity[Any] = amount.to("mg")
    return in_mg


def amount_in_volume(concentration: Any, volume: Any) -> pint.Quantity[Any]:
    """The amount of drug in a volume of solution (educational arithmetic only).

    Examples:
        >>> str(amount_in_volume("50 mg/mL", "10 mL"))
        '500.0 milligram'
    """
    volume_q = _need(volume, "[volume]", "volume")
    amount = (_not_negative(as_quantity(concentration), "a concentration") * volume_q).to_reduced_units()
    if amount.dimensionality != unit_registry().get_dimensionality("[mass]"):
        raise UnitError(f"a mass concentration (like mg/mL) is expected; got {as_quantity(concentration):~P}")
    in_mg: pint.Quantity[Any] = amount.to("mg")
    return in_mg


def _salt_ratio(kb: KnowledgeBase, salt: EntityQuery) -> float:
    from ketref.chem.relations import salt_mass_ratio

    return salt_mass_ratio(kb, kb.get(salt))


def salt_to_base(kb: KnowledgeBase, amount: Any, salt: EntityQuery) -> pint.Quantity[Any]:
    """The free-base amount in an amount of a salt, from the molar masses computed for ``salt``
    (an entity of ``kb``).

    Examples:
        >>> import ketref
        >>> kb = ketref.knowledge_base()
        >>> round(salt_to_base(kb, "32.3 mg", "esketamine hydrochloride").to("mg").magnitude, 1)
        28.0
    """
    base: pint.Quantity[Any] = (_need(amount, "[mass]", "amount", positive=False) / _salt_ratio(kb, salt)).to(
        "mg"
    )
    return base


def base_to_salt(kb: KnowledgeBase, amount: Any, salt: EntityQuery) -> pint.Quantity[Any]:
    """The amount of a salt that carries an amount of free base, from the computed molar masses."""
    salt_amount: pint.Quantity[Any] = (
        _need(amount, "[mass]", "amount", positive=False) * _salt_ratio(kb, salt)
    ).to("mg")
    return salt_amount


def ki_to_pki(ki: Any) -> float:
    """pKi = -log10(Ki in mol/L).

    Examples:
        >>> round(ki_to_pki("1 µM"), 6)
        6.0
    """
    molar = convert(ki, "mol/L").magnitude
    if molar <= 0:
        raise UnitError(f"a Ki must be positive; got {molar:g} mol/L")
    return -math.log10(molar)


def pki_to_ki(pki: float, unit: str = "nM") -> pint.Quantity[Any]:
    """Ki from pKi, in ``unit`` (nM by default).

    Examples:
        >>> round(pki_to_ki(6.0, "µM").magnitude, 6)
        1.0
    """
    if isinstance(pki, bool) or not isinstance(pki, int | float) or not math.isfinite(pki):
        raise QueryTypeError(f"a pKi is a finite number, not {shown(pki)}")
    if not -10 <= pki <= 30:
        raise InvalidQueryError(
            f"a pKi between -10 and 30 is expected (a Ki between 10 kM and 1 fM); got {pki}"
        )
    return convert(unit_registry().Quantity(10.0 ** (-pki), "mol/L"), unit)
