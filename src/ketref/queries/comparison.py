"""Side-by-side comparison of two entities, built from the claim index."""

from __future__ import annotations

from collections import defaultdict

from ketref.models.readings import Reading
from ketref.models.results import ComparisonRow, EntityComparison
from ketref.models.values import Value
from ketref.queries.orientation import ClaimIndex
from ketref.vocabulary import Aspect, Direction

__all__ = ["compare_entities"]

Topic = tuple[str, str, Aspect | None]


def _plain(index: ClaimIndex, entity_id: str, other: str) -> dict[Topic, list[Reading]]:
    """Claims about one entity not compared with ``other``, read from its side and grouped by what
    they say of it.

    A claim comparing the entity with a third one ("esketamine binds the NMDA receptor more
    strongly than arketamine", when comparing with the racemate) is listed here too: it says
    something of the entity on the topic.
    """
    topics: dict[Topic, list[Reading]] = defaultdict(list)
    for r in index.typed_readings(subject=entity_id):
        topic = topics[(r.predicate, r.object, None)]
        if r.comparator != other and all(r.id != seen.id for seen in topic):
            topic.append(r)
    return topics


def _summary(readings: list[Reading]) -> tuple[Direction | None, Value | None, bool, bool]:
    """Direction, single magnitude, whether directions disagree, whether magnitudes disagree."""
    magnitudes = list(
        dict.fromkeys(
            r.claim.comparison.magnitude
            for r in readings
            if r.claim.comparison and r.claim.comparison.magnitude
        )
    )
    apart = any(not m.overlaps(n) for i, m in enumerate(magnitudes) for n in magnitudes[i + 1 :])
    directions = {r.direction for r in readings}
    if len(directions) != 1:
        return None, None, True, apart
    magnitude = magnitudes[0] if len(magnitudes) == 1 else None
    return directions.pop(), magnitude, False, apart


def compare_entities(a: str, b: str, index: ClaimIndex) -> EntityComparison:
    """Rows for every topic either entity has claims on, direct comparisons first."""
    direct: dict[Topic, list[Reading]] = defaultdict(list)
    for r in index.typed_readings(subject=a, comparator=b):
        if r.claim.comparison is not None and r.predicate == r.claim.predicate:
            direct[(r.predicate, r.object, r.claim.comparison.aspect)].append(r)
    rows = []
    for (predicate, obj, aspect), found in direct.items():
        direction, magnitude, conflicting, magnitudes_disagree = _summary(found)
        rows.append(
            ComparisonRow(
                predicate=predicate,
                object=obj,
                aspect=aspect,
                comparative=tuple(dict.fromkeys(found)),
                direction=direction,
                magnitude=magnitude,
                conflicting=conflicting,
                magnitudes_disagree=magnitudes_disagree,
            )
        )
    side_a, side_b = _plain(index, a, b), _plain(index, b, a)
    plain_rows = [
        ComparisonRow(
            predicate=topic[0],
            object=topic[1],
            a=tuple(side_a.get(topic, ())),
            b=tuple(side_b.get(topic, ())),
        )
        for topic in dict.fromkeys([*side_a, *side_b])
    ]
    plain_rows.sort(key=lambda row: not (row.a and row.b))
    return EntityComparison(a=a, b=b, rows=tuple(rows + plain_rows))
