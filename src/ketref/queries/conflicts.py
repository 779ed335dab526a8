"""Finding claims that disagree: opposite comparisons, negations, numbers that do not overlap."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

from ketref.models.claims import Claim
from ketref.models.results import Conflict
from ketref.queries.orientation import readings
from ketref.vocabulary import PREDICATES, Direction

__all__ = ["find_conflicts"]


def canonical(claim: Claim) -> tuple[str, str, str]:
    """Subject, predicate, object with the predicate pair folded to one of its two ids."""
    inverse = PREDICATES[claim.predicate].inverse
    if claim.predicate <= inverse:
        return claim.subject, claim.predicate, claim.object
    return claim.object, inverse, claim.subject


def _direction_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    groups: dict[tuple[str, str, str, str, str], dict[Direction, list[Claim]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for claim in claims:
        if claim.comparison is None:
            continue
        first, second = sorted((claim.subject, claim.comparison.comparator))
        for r in readings(claim):
            if (
                r.subject == first
                and r.comparator == second
                and r.predicate == claim.predicate
                and r.direction is not None
            ):
                key = (first, r.predicate, r.object, claim.comparison.aspect.value, second)
                groups[key][r.direction].append(claim)
    out = []
    for (first, predicate, obj, aspect, second), by_direction in groups.items():
        for direction, members in by_direction.items():
            for one, two in combinations(members, 2):
                m1 = one.comparison.magnitude if one.comparison else None
                m2 = two.comparison.magnitude if two.comparison else None
                if m1 is not None and m2 is not None and not m1.overlaps(m2):
                    out.append(
                        Conflict(
                            kind="magnitude",
                            topic=f"{aspect} of {first} vs {second} ({predicate} {obj}, "
                            f"{direction.value}): {m1} or {m2}",
                            side_a=(one,),
                            side_b=(two,),
                        )
                    )
        for d1, d2 in combinations(sorted(by_direction), 2):
            out.append(
                Conflict(
                    kind="direction",
                    topic=f"{aspect} of {first} vs {second} ({predicate} {obj}): {d1.value} or {d2.value}",
                    side_a=tuple(by_direction[d1]),
                    side_b=tuple(by_direction[d2]),
                )
            )
    return out


def _negation_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    groups: dict[tuple[str | None, ...], dict[bool, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        if claim.comparison is None:
            c = claim.context  # claims in different settings, species or routes do not clash
            key = (*canonical(claim), c.jurisdiction, c.setting, c.species, c.route)
            groups[key][claim.negated].append(claim)
    return [
        Conflict(
            kind="negation",
            topic=f"{s} {p} {o}" + (f" ({j})" if j else "") + ": stated and denied",
            side_a=tuple(sides[False]),
            side_b=tuple(sides[True]),
        )
        for (s, p, o, j, *_), sides in groups.items()
        if sides[False] and sides[True]
    ]


def _magnitude_conflicts(claims: Iterable[Claim]) -> list[Conflict]:
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.values and claim.comparison is None and not claim.negated:
            groups[(*canonical(claim), claim.context)].append(claim)
    out = []
    for members in groups.values():
        for one, two in combinations(members, 2):
            clash = [(a, b) for a in one.values for b in two.values if not a.overlaps(b)]
            if clash:
                out.append(
                    Conflict(
                        kind="magnitude",
                        topic=f"{one.sentence()}: {clash[0][0]} or {clash[0][1]}",
                        side_a=(one,),
                        side_b=(two,),
                    )
                )
    return out


def find_conflicts(claims: Iterable[Claim]) -> tuple[Conflict, ...]:
    """Every conflict among ``claims``: directions first, then negations, then numbers."""
    claims = tuple(claims)
    return tuple(_direction_conflicts(claims) + _negation_conflicts(claims) + _magnitude_conflicts(claims))
