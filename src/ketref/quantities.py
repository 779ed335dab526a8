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

from ketref.errors import InvalidQueryError, QueryTypeError, UnitError
from ketref.models.values import Value, unit_registry

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
    """A pint quantity from a Value (a single number), a quantity, or text like ``"28 mg"``."""

    registry = unit_registry()
    if isinstance(value, Value):
        if value.is_range:
            raise UnitError(f"{value} is a range; pass one end (value.low or value.high)")
        return registry.Quantity(value.low, value.unit)
    if isinstance(value, registry.Quantity):
        return value
    if isinstance(value, str):
        try:
            quantity: pint.Quantity[Any] = registry.Quantity(value)
        except Exception as exc:  # pint raises many kinds on bad text; all mean 'not a unit'
            raise UnitError(f"{value!r} is not a quantity pint understands ({exc})") from None
        if not isinstance(quantity, registry.Quantity):
            raise UnitError(f"{value!r} has no unit")
        return quantity
    raise QueryTypeError(
        f"expected a Value, a pint Quantity or text such as '28 mg', not {type(value).__name__}"
    )


def convert(value: Any, unit: str) -> pint.Quantity[Any]:
    """``value`` in ``unit``, or :class:`ketref.UnitError` when the dimensions differ."""
    import pint

    quantity = as_quantity(value)
    try:
        target = unit_registry().Unit(unit)
    except Exception as exc:  # pint raises many kinds on bad text; all mean 'not a unit'
        raise UnitError(f"{unit!r} is not a unit pint understands ({exc})") from None
    try:
        return quantity.to(target)
    except pint.errors.DimensionalityError:
        raise UnitError(
            f"cannot express {quantity:~P} in {unit}: expected a quantity of dimension "
            f"{target.dimensionality}, got {quantity.dimensionality}"
        ) from None


def _need(value: Any, dimension: str, what: str) -> pint.Quantity[Any]:
    quantity = as_quantity(value)
    if quantity.dimensionality != unit_registry().get_dimensionality(dimension):
        raise UnitError(
            f"{what} must be a {dimension} quantity; got {quantity:~P} ({quantity.dimensionality})"
        )
    return quantity


def dose_for_body_mass(dose_per_mass: Any, body_mass: Any) -> pint.Quantity[Any]:
    """The amount a per-mass dose comes to for a body mass (educational arithmetic only).

    Examples:
        >>> str(dose_for_body_mass("0.5 mg/kg", "70 kg").to("mg"))
        '35.0 milligram'
    """
    per = as_quantity(dose_per_mass)
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
    amount = (as_quantity(concentration) * volume_q).to_reduced_units()
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
    base: pint.Quantity[Any] = (_need(amount, "[mass]", "amount") / _salt_ratio(kb, salt)).to("mg")
    return base


def base_to_salt(kb: KnowledgeBase, amount: Any, salt: EntityQuery) -> pint.Quantity[Any]:
    """The amount of a salt that carries an amount of free base, from the computed molar masses."""
    salt_amount: pint.Quantity[Any] = (_need(amount, "[mass]", "amount") * _salt_ratio(kb, salt)).to("mg")
    return salt_amount


def ki_to_pki(ki: Any) -> float:
    """pKi = -log10(Ki in mol/L).

    Examples:
        >>> round(ki_to_pki("1 µM"), 6)
        6.0
    """
    molar = convert(ki, "mol/L").magnitude
    if molar <= 0:
        raise UnitError(f"a Ki must be positive; got {ki}")
    return -math.log10(molar)


def pki_to_ki(pki: float, unit: str = "nM") -> pint.Quantity[Any]:
    """Ki from pKi, in ``unit`` (nM by default).

    Examples:
        >>> round(pki_to_ki(6.0, "µM").magnitude, 6)
        1.0
    """
    if isinstance(pki, bool) or not isinstance(pki, int | float) or not math.isfinite(pki):
        raise QueryTypeError(f"a pKi is a finite number, not {pki!r}")
    if not -10 <= pki <= 30:
        raise InvalidQueryError(
            f"a pKi between -10 and 30 is expected (a Ki between 10 kM and 1 fM); got {pki}"
        )
    return convert(unit_registry().Quantity(10.0 ** (-pki), "mol/L"), unit)
