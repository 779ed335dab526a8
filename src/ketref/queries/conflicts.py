"""Finding claims that disagree: opposite comparisons, negations, numbers that do not overlap.

Each disagreement is reported once: two conflicts on the same question whose sides rest on the
same sources are one conflict, however many claims carry it (a source's stated "5-fold" and the
fold derived from its own Ki values, both against another source's "2- to 3-fold", are one
disagreement between the two sources). Fold figures are compared by the one rule of
:func:`ketref.queries.folds.folds_agree`, the same that :func:`ketref.affinity_folds` uses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING

from ketref.models.claims import Claim
from ketref.models.results import Conflict
from ketref.models.values import Value
from ketref.queries.folds import fold_interval, folds_agree
from ketref.queries.orientation import readings
from ketref.vocabulary import PREDICATES, Direction

if TYPE_CHECKING:
    from ketref.queries.folds import DerivedFold

__all__ = ["find_conflicts", "merge_once"]

Question = tuple[object, ...]
"""What a conflict is about, independent of its wording: the same for every claim on it."""


def canonical(claim: Claim) -> tuple[str, str, str]:
    """Subject, predicate, object with the predicate pair folded to one of its two ids."""
    inverse = PREDICATES[claim.predicate].inverse
    if claim.predicate <= inverse:
        return claim.subject, claim.predicate, claim.object
    return claim.object, inverse, claim.subject


def _magnitudes_agree(one: Value, other: Value) -> bool:
    """Folds by the one fold rule (rounding intervals share a number); other figures by overlap."""
    if one.unit == other.unit == "fold" and one.measure == other.measure:
        return folds_agree(fold_interval(one), fold_interval(other))
    return one.overlaps(other)


def _direction_conflicts(claims: Iterable[Claim]) -> list[tuple[Question, Conflict]]:
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
    out: list[tuple[Question, Conflict]] = []
    for (first, predicate, obj, aspect, second), by_direction in groups.items():
        for direction, members in by_direction.items():
            for one, two in combinations(members, 2):
                m1 = one.comparison.magnitude if one.comparison else None
                m2 = two.comparison.magnitude if two.comparison else None
                if m1 is not None and m2 is not None and not _magnitudes_agree(m1, m2):
                    out.append(
                        (
                            (first, predicate, obj, aspect, second),
                            Conflict(
                                kind="magnitude",
                                topic=f"{aspect} of {first} vs {second} ({predicate} {obj}, "
                                f"{direction.value}): {m1} or {m2}",
                                side_a=(one,),
                                side_b=(two,),
                            ),
                        )
                    )
        for d1, d2 in combinations(sorted(by_direction), 2):
            out.append(
                (
                    (first, predicate, obj, aspect, second, "direction"),
                    Conflict(
                        kind="direction",
                        topic=f"{aspect} of {first} vs {second} ({predicate} {obj}): "
                        f"{d1.value} or {d2.value}",
                        side_a=tuple(by_direction[d1]),
                        side_b=tuple(by_direction[d2]),
                    ),
                )
            )
    return out


def _negation_conflicts(claims: Iterable[Claim]) -> list[tuple[Question, Conflict]]:
    groups: dict[tuple[str | None, ...], dict[bool, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        if claim.comparison is None:
            c = claim.context  # claims in different settings, species or routes do not clash
            key = (*canonical(claim), c.jurisdiction, c.setting, c.species, c.route)
            groups[key][claim.negated].append(claim)
    return [
        (
            (*key, "negation"),
            Conflict(
                kind="negation",
                topic=f"{key[0]} {key[1]} {key[2]}"
                + (f" ({key[3]})" if key[3] else "")
                + ": stated and denied",
                side_a=tuple(sides[False]),
                side_b=tuple(sides[True]),
            ),
        )
        for key, sides in groups.items()
        if sides[False] and sides[True]
    ]


def _magnitude_conflicts(claims: Iterable[Claim]) -> list[tuple[Question, Conflict]]:
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.values and claim.comparison is None and not claim.negated:
            groups[(*canonical(claim), claim.context)].append(claim)
    out: list[tuple[Question, Conflict]] = []
    for key, members in groups.items():
        for one, two in combinations(members, 2):
            clash = [(a, b) for a in one.values for b in two.values if not a.overlaps(b)]
            if clash:
                out.append(
                    (
                        (*key, "values"),
                        Conflict(
                            kind="magnitude",
                            topic=f"{one.sentence()}: {clash[0][0]} or {clash[0][1]}",
                            side_a=(one,),
                            side_b=(two,),
                        ),
                    )
                )
    return out


def _fold_conflicts(folds: Iterable[DerivedFold]) -> list[tuple[Question, Conflict]]:
    """Stated folds that the one fold rule finds at odds with a fold derived from measured values."""
    out: list[tuple[Question, Conflict]] = []
    for derived in folds:
        for check in derived.checks:
            if check.agrees:
                continue
            first, second = sorted((derived.stronger, derived.weaker))
            question = (first, check.claim.predicate, derived.target, "affinity", second)
            out.append(
                (
                    question,
                    Conflict(
                        kind="magnitude",
                        topic=(
                            f"{derived.stronger} over {derived.weaker} at {derived.target}: "
                            f"{derived.fold:.2f}-fold from {derived.measure} values ({derived.source}) "
                            f"against a stated {check.stated}"
                        ),
                        side_a=derived.claims,
                        side_b=(check.claim,),
                        note=(
                            f"The reported values allow {derived.fold_low:.2f}- to "
                            f"{derived.fold_high:.2f}-fold, the stated figure {check.stated_low:g}- to "
                            f"{check.stated_high:g}-fold once rounded: no number fits both."
                        ),
                    ),
                )
            )
    return out


def _source_set(side: Iterable[Claim]) -> tuple[str, ...]:
    return tuple(sorted({s for claim in side for s in claim.sources}))


def merge_once(found: Iterable[tuple[Question, Conflict]]) -> list[Conflict]:
    """One conflict per question and pair of source sets: later finds are folded into the first
    (their claims added to the side resting on the same sources, their topic kept in the note)."""
    merged: dict[tuple[object, ...], Conflict] = {}
    for question, conflict in found:
        a, b = _source_set(conflict.side_a), _source_set(conflict.side_b)
        key = (question, frozenset((a, b)))
        first = merged.get(key)
        if first is None:
            merged[key] = conflict
            continue
        same_way = _source_set(first.side_a) == a
        add_a, add_b = (conflict.side_a, conflict.side_b) if same_way else (conflict.side_b, conflict.side_a)
        also = f"Also: {conflict.topic}" + (f". {conflict.note}" if conflict.note else "")
        merged[key] = first.model_copy(
            update={
                "side_a": tuple(dict.fromkeys(first.side_a + add_a)),
                "side_b": tuple(dict.fromkeys(first.side_b + add_b)),
                "note": f"{first.note} {also}" if first.note else also,
            }
        )
    return list(merged.values())


def find_conflicts(claims: Iterable[Claim], folds: Iterable[DerivedFold] = ()) -> tuple[Conflict, ...]:
    """Every conflict among ``claims`` and between stated and derived ``folds``, each once:
    fold conflicts first (they carry the measured values), then directions, negations, numbers."""
    claims = tuple(claims)
    found = (
        _fold_conflicts(folds)
        + _direction_conflicts(claims)
        + _negation_conflicts(claims)
        + _magnitude_conflicts(claims)
    )
    return tuple(merge_once(found))
