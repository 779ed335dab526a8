"""Result models returned by queries (search hits, comparisons, conflicts).

They are pydantic models like the records, so ``model_dump(mode="json")`` works on every
object the API returns.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ketref.models._base import FrozenModel, Id
from ketref.models.claims import Claim
from ketref.models.entities import Entity
from ketref.models.readings import Reading
from ketref.models.values import Value
from ketref.vocabulary import Aspect, Direction

__all__ = ["ComparisonRow", "Conflict", "EffectReport", "EntityComparison", "SearchResult"]

AnyEntity = Annotated[Entity, Field(discriminator="kind")]


class SearchResult(FrozenModel):
    """One ranked match of :func:`ketref.search`."""

    entity: AnyEntity
    score: float = Field(ge=0, le=1)
    matched: str = Field(description="The name, synonym or description that matched.")


class ComparisonRow(FrozenModel):
    """One topic of a comparison: a predicate and an object, and for comparative claims the aspect.

    ``a`` and ``b`` hold the claims made about each side alone, each read from its own side;
    ``comparative`` holds claims that compare the two directly, read from ``a``'s side, and
    ``direction`` sums them up from ``a``'s side
    (``None`` when there are none, or when they disagree, in which case ``conflicting``).
    ``magnitude`` is given when every comparative claim states the same size of difference;
    ``magnitudes_disagree`` flags stated sizes that cannot all hold.
    """

    predicate: str
    object: Id
    aspect: Aspect | None = None
    a: tuple[Reading, ...] = ()
    b: tuple[Reading, ...] = ()
    comparative: tuple[Reading, ...] = ()
    direction: Direction | None = None
    magnitude: Value | None = None
    conflicting: bool = False
    magnitudes_disagree: bool = False

    @property
    def shared(self) -> bool:
        """Whether both sides have claims on this topic (or a direct comparison)."""
        return bool(self.comparative) or bool(self.a and self.b)


class EntityComparison(FrozenModel):
    """The result of :func:`ketref.compare`: topic rows, direct comparisons first."""

    a: Id
    b: Id
    rows: tuple[ComparisonRow, ...]

    def row(self, predicate: str, object: str, aspect: Aspect | str | None = None) -> ComparisonRow:  # noqa: A002
        """The row on one topic, by predicate id and object id."""
        from ketref.errors import QueryTypeError

        if not isinstance(predicate, str) or not isinstance(object, str):
            raise QueryTypeError("a comparison row is named by a predicate id and an object id (text)")
        if aspect is not None and not isinstance(aspect, str):  # an Aspect is a str enum
            raise QueryTypeError(f"an aspect is text, not {type(aspect).__name__}")
        for r in self.rows:
            if r.predicate == predicate and r.object == object and (aspect is None or r.aspect == aspect):
                return r
        from ketref.errors import UnknownNameError

        raise UnknownNameError(f"{predicate} {object}", [f"{r.predicate} {r.object}" for r in self.rows][:5])


class Conflict(FrozenModel):
    """Two sets of claims that cannot all be right.

    ``kind`` says how they disagree: opposite directions of a comparison, a statement and
    its negation, stated numbers that do not overlap, or another disagreement a curator
    recorded. ``curated`` tells a conflict recorded in ``conflicts.toml`` from one found by
    rule.
    """

    kind: Literal["direction", "negation", "magnitude", "other"]
    topic: str
    side_a: tuple[Claim, ...]
    side_b: tuple[Claim, ...]
    note: str | None = None
    curated: bool = False


class EffectReport(FrozenModel):
    """What the sources say of one adverse effect: who reports it, how often, in what setting."""

    effect: Id
    sources: tuple[Id, ...]
    frequencies: tuple[str, ...] = Field(description="The sources' own frequency words (common, rare).")
    settings: tuple[str, ...] = Field(description="clinical, recreational, where a source says.")
    claims: tuple[Claim, ...]
    said_without_form: bool = Field(
        default=False,
        description="Reported of the compound named without a form (ketamine), shown for a specific "
        "form under the inheritance rule: not that form's own report.",
    )

    @property
    def source_count(self) -> int:
        """How many distinct sources report the effect."""
        return len(self.sources)
