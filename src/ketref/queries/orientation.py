"""Reading claims both ways round, and the index that answers claim queries.

A claim "A p B" is also "B p' A" where p' is the inverse of p; a comparative claim "A p T,
greater than C" is also "C p T, lesser than A". Every claim is indexed under each of these
readings, so a query phrased from any side finds the same stored claim.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ketref.models.claims import Claim
from ketref.vocabulary import PREDICATES, Direction

__all__ = ["MEMO_SIZE", "ClaimIndex", "Reading", "readings"]

MEMO_SIZE = 65_536
"""The most distinct claim queries whose answers are kept."""


@dataclass(frozen=True, slots=True)
class Reading:
    """One way of reading a claim: who is the subject, and what is said of it."""

    subject: str
    predicate: str
    object: str
    comparator: str | None
    direction: Direction | None
    inverted: bool
    claim: Claim


def readings(claim: Claim) -> tuple[Reading, ...]:
    """The claim as stated, then read from its object's side, then from its comparator's."""
    inverse = PREDICATES[claim.predicate].inverse
    c = claim.comparison
    comparator = c.comparator if c else None
    direction = c.direction if c else None
    out = [
        Reading(claim.subject, claim.predicate, claim.object, comparator, direction, False, claim),
        Reading(claim.object, inverse, claim.subject, comparator, direction, True, claim),
    ]
    if c is not None:
        flipped = c.direction.flipped
        out.append(Reading(c.comparator, claim.predicate, claim.object, claim.subject, flipped, True, claim))
        out.append(Reading(claim.object, inverse, c.comparator, claim.subject, flipped, True, claim))
    return tuple(out)


class ClaimIndex:
    """Claims indexed by every slot of every reading."""

    def __init__(self, claims: tuple[Claim, ...]) -> None:
        self.claims = claims
        self.readings: list[Reading] = [r for claim in claims for r in readings(claim)]
        self._order = {claim.id: n for n, claim in enumerate(claims)}
        self._memo: dict[tuple[tuple[str, object], ...], tuple[Claim, ...]] = {}
        self._by: dict[str, dict[object, list[int]]] = {
            slot: defaultdict(list) for slot in ("subject", "predicate", "object", "comparator", "direction")
        }
        for n, reading in enumerate(self.readings):
            for slot, table in self._by.items():
                table[getattr(reading, slot)].append(n)

    def match_readings(self, **filters: object) -> list[Reading]:
        """Readings whose slots equal every filter that is not ``None``."""
        given = {slot: value for slot, value in filters.items() if value is not None}
        if not given:
            return list(self.readings)
        pools = sorted((self._by[slot].get(value, []) for slot, value in given.items()), key=len)
        selected = set(pools[0]).intersection(*pools[1:])
        return [self.readings[n] for n in sorted(selected)]

    def match(self, **filters: object) -> tuple[Claim, ...]:
        """Distinct claims with at least one matching reading, in data order.

        Results are memoised per combination of filters: the index never changes, so a
        repeated question is answered from the table (bounded to :data:`MEMO_SIZE` entries).
        """
        key = tuple(sorted((k, v) for k, v in filters.items() if v is not None))
        found = self._memo.get(key)
        if found is None:
            seen: dict[str, Claim] = {}
            for reading in self.match_readings(**filters):
                seen.setdefault(reading.claim.id, reading.claim)
            found = tuple(sorted(seen.values(), key=lambda c: self._order[c.id]))
            if len(self._memo) < MEMO_SIZE:
                self._memo[key] = found
        return found
