"""Fold differences derived from measured affinities, held against the folds sources state.

Where one source reports the same measure (Ki, IC50, Kd) for two compounds at one target in one
assay, the fold difference is computed (the weaker value over the stronger one), with the
interval that the rounding of the reported numbers allows. Every comparative claim about the
same pair and target that states a fold is then checked.

One rule decides whether two fold figures agree, wherever they are compared (here,
:func:`ketref.conflicts` and ``ketref folds``): each figure stands for the interval its rounding
allows, and they agree when the two intervals share a number, that is when both figures can be
right at once. A stated fold's interval is its figure widened by half a unit of its last digit
(a stated "3- to 4-fold" allows 2.5 to 4.5; "~" widens it by a further 10 %); a derived fold's
is the interval the rounding of the reported values allows (:attr:`DerivedFold.fold_low` to
:attr:`DerivedFold.fold_high`). A stated fold that points the other way never agrees.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from ketref.models._base import FrozenModel, Id
from ketref.models.claims import Claim
from ketref.models.values import Qualifier, Value
from ketref.vocabulary import PREDICATES, Aspect, Direction

__all__ = ["DerivedFold", "FoldCheck", "derived_folds", "fold_interval", "folds_agree"]

MEASURES = ("Ki", "IC50", "Kd")


class FoldCheck(FrozenModel):
    """One stated fold held against a derived one.

    ``agrees`` when the stated figure's rounding interval (``stated_low`` to ``stated_high``)
    shares a number with the derived fold's and the claim points the same way (see
    :func:`folds_agree`).
    """

    claim: Claim
    stated: Value
    stated_low: float
    stated_high: float
    agrees: bool


class DerivedFold(FrozenModel):
    """The fold by which ``stronger`` out-binds ``weaker`` at ``target``, from one source's values."""

    target: Id
    stronger: Id
    weaker: Id
    measure: str
    fold: float
    fold_low: float
    fold_high: float
    source: Id
    claims: tuple[Claim, Claim]
    checks: tuple[FoldCheck, ...]


def _half_unit(number: float) -> float:
    """Half a unit of the last digit shown: 0.5 for 3, 0.05 for 0.3 or 1.4, 0.005 for 11.53,
    0.5 for 1234567, 5e-07 for 1.5e-05."""
    from decimal import Decimal

    exponent = Decimal(repr(float(number))).normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return 0.0
    return 0.5 * 10.0 ** min(exponent, 0) if exponent < 0 else 0.5


def fold_interval(value: Value) -> tuple[float, float]:
    """The interval a stated figure allows: widened by half a unit of its last digit, opened on
    one side by ``<`` or ``>``, widened by 10 % more by ``~``.

    >>> from ketref.models.values import Value
    >>> fold_interval(Value(value=(3, 4), unit="fold"))
    (2.5, 4.5)
    """
    low, high = value.low - _half_unit(value.low), value.high + _half_unit(value.high)
    if value.qualifier is Qualifier.GREATER:
        high = float("inf")
    elif value.qualifier is Qualifier.LESS:
        low = 0.0
    elif value.qualifier is Qualifier.APPROXIMATELY:
        low, high = low * 0.9, high * 1.1
    return low, high


def folds_agree(one: tuple[float, float], other: tuple[float, float]) -> bool:
    """The one agreement rule for folds: two intervals agree when both figures can be right,
    that is when they share a number (touching ends included).

    >>> folds_agree((2.5, 4.5), (3.86, 5.8)), folds_agree((1.35, 3.85), (3.86, 5.8))
    (True, False)
    """
    return one[0] <= other[1] and other[0] <= one[1]


def _measured(claim: Claim) -> Value | None:
    if not PREDICATES[claim.predicate].measured or claim.comparison or claim.negated:
        return None
    found = [v for v in claim.values if v.measure in MEASURES and not v.is_range]
    return found[0] if len(found) == 1 else None


def _stated(
    claims: Iterable[Claim], stronger: str, weaker: str, target: str
) -> list[tuple[Claim, Value, bool]]:
    """Comparative affinity claims about the pair at the target: (claim, fold, says-stronger-is-greater)."""
    out = []
    for claim in claims:
        c = claim.comparison
        if c is None or c.aspect is not Aspect.AFFINITY or claim.object != target or c.magnitude is None:
            continue
        if c.magnitude.unit != "fold" or {claim.subject, c.comparator} != {stronger, weaker}:
            continue
        subject_greater = c.direction is Direction.GREATER
        out.append((claim, c.magnitude, subject_greater == (claim.subject == stronger)))
    return out


def derived_folds(claims: Iterable[Claim]) -> tuple[DerivedFold, ...]:
    """Every fold derivable from same-source measurements, with its checks against stated folds."""
    from ketref.quantities import convert

    claims = tuple(claims)
    groups: dict[tuple[str, str, str, str | None], list[tuple[Claim, Value]]] = defaultdict(list)
    for claim in claims:
        value = _measured(claim)
        if value is not None and value.measure is not None:
            key = (claim.object, claim.sources[0], value.measure, claim.context.assay)
            groups[key].append((claim, value))
    out = []
    for (target, source, measure, _), members in groups.items():
        for (c1, v1), (c2, v2) in combinations(members, 2):
            if c1.subject == c2.subject:
                continue
            a = convert(v1, "nM").magnitude
            b = convert(v2, "nM").magnitude
            (strong, vs), (weak, vw) = ((c1, v1), (c2, v2)) if a <= b else ((c2, v2), (c1, v1))
            s_nm, w_nm = min(a, b), max(a, b)
            scale_s, scale_w = s_nm / vs.low, w_nm / vw.low
            fold = w_nm / s_nm
            low = (vw.low - _half_unit(vw.low)) * scale_w / ((vs.low + _half_unit(vs.low)) * scale_s)
            high = (
                (vw.low + _half_unit(vw.low)) * scale_w / max((vs.low - _half_unit(vs.low)) * scale_s, 1e-300)
            )
            checks = []
            for claim, stated, right_way in _stated(claims, strong.subject, weak.subject, target):
                s_low, s_high = fold_interval(stated)
                agrees = right_way and folds_agree((s_low, s_high), (low, high))
                checks.append(
                    FoldCheck(
                        claim=claim,
                        stated=stated,
                        stated_low=round(s_low, 4),
                        stated_high=round(s_high, 4),
                        agrees=agrees,
                    )
                )
            out.append(
                DerivedFold(
                    target=target,
                    stronger=strong.subject,
                    weaker=weak.subject,
                    measure=measure,
                    fold=round(fold, 4),
                    fold_low=round(low, 4),
                    fold_high=round(high, 4),
                    source=source,
                    claims=(strong, weak),
                    checks=tuple(checks),
                )
            )
    return tuple(out)
