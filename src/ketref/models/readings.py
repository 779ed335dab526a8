"""A claim read from one entity's side: the answer to "what is said of X?"."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from ketref.models.claims import Claim
from ketref.vocabulary import Direction

__all__ = ["Reading"]


class Reading(Claim):
    """A stored claim read with a chosen entity as its subject.

    "esketamine binds nmda-receptor, affinity greater than arketamine" read from arketamine's
    side is "arketamine binds nmda-receptor, affinity lesser than esketamine"; read from the
    receptor's side, "nmda-receptor is bound by esketamine ...". The fields (``subject``,
    ``predicate``, ``object``, ``comparison``) say it the reading's way round, so
    :meth:`sentence` always starts with the entity asked about; ``claim`` is the claim exactly as
    stored, with its own wording, and ``inverted`` tells whether the two differ. Status,
    evidence, context and note are the stored claim's own. Values stated with a comparison
    belong to the stored subject and are left out of a reading from the comparator's side
    (they stay in ``claim``).
    """

    claim: Claim = Field(description="The claim as stored.")
    inverted: bool = Field(description="Whether the reading differs from the claim as stored.")

    @model_validator(mode="after")
    def _comparison_fits(self) -> Reading:
        # a reading from the object's side may carry a comparison on an inverse predicate
        # ("nmda-receptor is bound by esketamine more than by arketamine"); the stored claim was
        # checked when it was loaded
        return self

    def __eq__(self, other: Any) -> bool:
        # a claim read as stated is that claim: it compares (and hashes) equal to it
        if isinstance(other, Claim) and not isinstance(other, Reading):
            return type(self) is Reading and not self.inverted and self.claim == other
        return super().__eq__(other)

    def __hash__(self) -> int:
        if type(self) is Reading and not self.inverted:
            return hash(self.claim)
        return super().__hash__()

    @property
    def comparator(self) -> str | None:
        """The entity the subject is compared with, read from the subject's side."""
        return self.comparison.comparator if self.comparison is not None else None

    @property
    def direction(self) -> Direction | None:
        """The direction of the comparison, read from the subject's side."""
        return self.comparison.direction if self.comparison is not None else None

    @classmethod
    def of(cls, claim: Claim) -> Reading:
        """The claim read as stated."""
        if isinstance(claim, Reading):
            return claim
        return cls.model_construct(**dict(claim), claim=claim, inverted=False)
