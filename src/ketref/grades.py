"""Evidence grades: how well the sources behind a statement support it.

The rule (docs/sources.md, "Grades") reads only the tiers of the sources behind a statement, how
many *independent* ones there are, whether a source of equal or better tier contradicts it, and
whether every claim behind it is only hypothesized:

- **A**: a regulatory source, or two independent primary or systematic-review sources;
- **B**: one primary or systematic-review source;
- **C**: reference works only (the best source is a pharmacopoeia, textbook, database,
  encyclopedia or narrative review);
- **D**: secondary or marketing sources only.

Two sources are independent unless one is a copy of the other (``copy_of``) or both copy the
same document. A statement that a source of the same or a better tier contradicts is one grade
lower, and so is a statement whose every claim is only hypothesized (never below D).

A disagreement about size alone (:func:`lowers_grade`: a curated conflict of kind ``magnitude``,
where the sources agree on the direction and differ on how large it is, or values stated for one
reading that cannot all hold) is not a contradiction: it does not lower the grade, and the
statement says "sizes differ" instead of "disputed".
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from ketref.models.sources import Source
from ketref.vocabulary import SourceTier, Status

__all__ = ["Grade", "grade", "independent_origins", "lowers_grade", "resolve_grade", "resolve_tier"]


class Grade(StrEnum):
    """An evidence grade, best first; ordered, so ``grade >= Grade.B``."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"

    @property
    def rank(self) -> int:
        """3 for A down to 0 for D."""
        return 3 - list(Grade).index(self)

    @property
    def meaning(self) -> str:
        """What the grade says, in a few words."""
        return _MEANING[self]

    def lowered(self) -> Grade:
        """One grade lower (D stays D)."""
        members = list(Grade)
        return members[min(members.index(self) + 1, len(members) - 1)]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Grade):
            return NotImplemented
        return self.rank < other.rank


_MEANING = {
    Grade.A: "a regulator's document, or two independent primary or systematic sources",
    Grade.B: "one primary or systematic source",
    Grade.C: "reference works only",
    Grade.D: "secondary or marketing sources only",
}


def resolve_tier(tier: SourceTier | str) -> SourceTier:
    """A tier from its value (``"primary"``, ``"systematic review"``), or :class:`ketref.InvalidQueryError`
    listing the valid ones."""
    from ketref.errors import InvalidQueryError, QueryTypeError

    if isinstance(tier, SourceTier):
        return tier
    if not isinstance(tier, str):
        raise QueryTypeError(f"a source tier is text, not {type(tier).__name__}")
    key = tier.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return SourceTier(key)
    except ValueError:
        valid = ", ".join(t.value for t in SourceTier)
        raise InvalidQueryError(f"unknown source tier {tier!r}; valid tiers, best first: {valid}") from None


def resolve_grade(value: Grade | str) -> Grade:
    """A grade from ``"A"``..``"D"`` (any case), or :class:`ketref.InvalidQueryError` listing them."""
    from ketref.errors import InvalidQueryError, QueryTypeError

    if isinstance(value, Grade):
        return value
    if not isinstance(value, str):
        raise QueryTypeError(f"a grade is text, not {type(value).__name__}")
    try:
        return Grade(value.strip().upper())
    except ValueError:
        raise InvalidQueryError(f"unknown grade {value!r}; valid grades, best first: A, B, C, D") from None


def independent_origins(sources: Iterable[Source]) -> dict[str, SourceTier]:
    """The documents behind some sources, each with the best tier it reaches: a copy counts as the
    document it copies, so a label and its mirror are one origin."""
    origins: dict[str, SourceTier] = {}
    for source in sources:
        key = source.copy_of or source.id
        tier = source.effective_tier
        if key not in origins or tier > origins[key]:
            origins[key] = tier
    return origins


STRONG = (SourceTier.PRIMARY, SourceTier.SYSTEMATIC_REVIEW)

SIZE_ONLY_KINDS = frozenset({"magnitude"})
"""Kinds of curated conflict record that dispute only a size, never the direction."""


def lowers_grade(conflict_kind: str) -> bool:
    """Whether a curated conflict of this kind counts against a statement's grade: a direction,
    negation or other disagreement does; a disagreement about size alone (``magnitude``) does not.

    >>> lowers_grade("direction"), lowers_grade("magnitude")
    (True, False)
    """
    return conflict_kind not in SIZE_ONLY_KINDS


def grade(
    sources: Iterable[Source],
    statuses: Iterable[Status] = (),
    *,
    contradicted_by: Iterable[Source] = (),
) -> Grade:
    """The grade of a statement resting on ``sources`` (see the module docstring for the rule).

    ``statuses`` are the statuses of the claims behind it; ``contradicted_by`` the sources of the
    claims that say the opposite (not those that only state another size: see :func:`lowers_grade`).
    """
    origins = independent_origins(sources)
    tiers = list(origins.values())
    if not tiers:
        return Grade.D
    strong = sum(1 for t in tiers if t in STRONG)
    if SourceTier.REGULATORY in tiers or strong >= 2:
        result = Grade.A
    elif strong == 1:
        result = Grade.B
    elif SourceTier.REFERENCE in tiers:
        result = Grade.C
    else:
        result = Grade.D
    best = max(tiers, key=lambda t: t.rank)
    against = [s.effective_tier for s in contradicted_by]
    if against and max(t.rank for t in against) >= best.rank:
        result = result.lowered()
    status_list = list(statuses)
    if status_list and all(s is Status.HYPOTHESIZED for s in status_list):
        result = result.lowered()
    return result
