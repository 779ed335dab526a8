"""Reading claims both ways round, and the index that answers claim queries.

A claim "A p B" is also "B p' A" where p' is the inverse of p; a comparative claim "A p T,
greater than C" is also "C p T, lesser than A". Every claim is indexed under each of these
orientations, so a query phrased from any side finds the same stored claim, and the answer is
given as a :class:`~ketref.models.readings.Reading` worded from the side the question was asked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ketref.models.claims import Claim
from ketref.models.readings import Reading
from ketref.vocabulary import PREDICATES, Direction

__all__ = ["MEMO_SIZE", "ClaimIndex", "Orientation", "Reading", "readings"]

MEMO_SIZE = 65_536
"""The most distinct claim queries whose answers are kept."""


@dataclass(frozen=True, slots=True)
class Orientation:
    """One way round of a claim (the index's light form of a :class:`Reading`)."""

    subject: str
    predicate: str
    object: str
    comparator: str | None
    direction: Direction | None
    inverted: bool
    claim: Claim

    def reading(self) -> Reading:
        """The claim worded this way round, as a typed :class:`Reading`."""
        c = self.claim
        if not self.inverted:
            return Reading.of(c)
        comparison = c.comparison
        values = c.values
        if comparison is not None and self.comparator is not None and self.direction is not None:
            comparison = comparison.model_copy(
                update={"comparator": self.comparator, "direction": self.direction}
            )
            if self.comparator == c.subject:
                values = ()  # the values are the stored subject's, not this reading's subject's
        fields = dict(c)
        fields.update(
            subject=self.subject,
            predicate=self.predicate,
            object=self.object,
            comparison=comparison,
            values=values,
        )
        return Reading.model_construct(**fields, claim=c, inverted=True)


def readings(claim: Claim) -> tuple[Orientation, ...]:
    """The claim as stated, then read from its object's side, then from its comparator's."""
    inverse = PREDICATES[claim.predicate].inverse
    c = claim.comparison
    comparator = c.comparator if c else None
    direction = c.direction if c else None
    out = [
        Orientation(claim.subject, claim.predicate, claim.object, comparator, direction, False, claim),
        Orientation(claim.object, inverse, claim.subject, comparator, direction, True, claim),
    ]
    if c is not None:
        flipped = c.direction.flipped
        out.append(
            Orientation(c.comparator, claim.predicate, claim.object, claim.subject, flipped, True, claim)
        )
        out.append(Orientation(claim.object, inverse, c.comparator, claim.subject, flipped, True, claim))
    return tuple(out)


class ClaimIndex:
    """Claims indexed by every slot of every orientation, and by every entity they name."""

    def __init__(self, claims: tuple[Claim, ...]) -> None:
        self.claims = claims
        self.readings: list[Orientation] = [r for claim in claims for r in readings(claim)]
        self._order = {claim.id: n for n, claim in enumerate(claims)}
        self._memo: dict[tuple[tuple[str, object], ...], tuple[Claim, ...]] = {}
        self._read_memo: dict[tuple[tuple[str, object], ...], tuple[Reading, ...]] = {}
        self._built: dict[int, Reading] = {}
        self._by: dict[str, dict[object, list[int]]] = {
            slot: defaultdict(list) for slot in ("subject", "predicate", "object", "comparator", "direction")
        }
        for n, reading in enumerate(self.readings):
            for slot, table in self._by.items():
                table[getattr(reading, slot)].append(n)
        self._naming: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            for entity_id in dict.fromkeys(claim.entity_ids):
                self._naming[entity_id].append(claim)

    def _selected(self, filters: dict[str, object]) -> list[int]:
        given = {slot: value for slot, value in filters.items() if value is not None}
        if not given:
            return list(range(len(self.readings)))
        pools = sorted((self._by[slot].get(value, []) for slot, value in given.items()), key=len)
        return sorted(set(pools[0]).intersection(*pools[1:]))

    def match_readings(self, **filters: object) -> list[Orientation]:
        """Orientations whose slots equal every filter that is not ``None``."""
        return [self.readings[n] for n in self._selected(filters)]

    def reading(self, n: int) -> Reading:
        """The typed reading of orientation ``n``, built once."""
        found = self._built.get(n)
        if found is None:
            found = self._built[n] = self.readings[n].reading()
        return found

    def typed_readings(self, **filters: object) -> list[Reading]:
        """Every matching orientation as a typed :class:`Reading` (a claim may appear twice)."""
        return [self.reading(n) for n in self._selected(filters)]

    def match(self, **filters: object) -> tuple[Claim, ...]:
        """Distinct claims with at least one matching orientation, as stored, in data order.

        Results are memoised per combination of filters: the index never changes, so a
        repeated question is answered from the table (bounded to :data:`MEMO_SIZE` entries).
        """
        key = tuple(sorted((k, v) for k, v in filters.items() if v is not None))
        found = self._memo.get(key)
        if found is None:
            found = tuple(r.claim for r in self.read(**filters))
            if len(self._memo) < MEMO_SIZE:
                self._memo[key] = found
        return found

    def read(self, **filters: object) -> tuple[Reading, ...]:
        """One reading per matching claim, in data order: the first orientation (as stated, then
        from the object's side, then from the comparator's) that matches every filter, so the
        answer is worded the way the question was asked. Memoised like :meth:`match`."""
        key = tuple(sorted((k, v) for k, v in filters.items() if v is not None))
        found = self._read_memo.get(key)
        if found is None:
            first: dict[str, int] = {}
            for n in self._selected(filters):
                first.setdefault(self.readings[n].claim.id, n)
            ordered = sorted(first.items(), key=lambda item: self._order[item[0]])
            found = tuple(self.reading(n) for _, n in ordered)
            if len(self._read_memo) < MEMO_SIZE:
                self._read_memo[key] = found
        return found

    def naming(self, entity_id: str) -> tuple[Claim, ...]:
        """Claims naming ``entity_id`` in any role (subject, object, comparator, route), as stored."""
        return tuple(self._naming.get(entity_id, ()))
