"""Curation records that are about claims rather than about the world.

A :class:`ConflictRecord` links claims that disagree where no rule can see it (two protocols
whose spans differ, say). A :class:`CoverageExclusion` says why a sentence of a seed document
carries no claim (a heading, an advertisement, a question), so that the coverage test can tell
a sentence skipped on purpose from one skipped by accident.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field

from ketref.models._base import FrozenModel, Id, Text

__all__ = ["ConflictKind", "ConflictRecord", "CoverageExclusion", "ExclusionReason"]

ConflictKind = Literal["direction", "negation", "magnitude", "other"]


class ConflictRecord(FrozenModel):
    """A curated conflict: the claims on each side and what they disagree about."""

    id: Id
    kind: ConflictKind
    topic: Text
    side_a: tuple[Id, ...] = Field(min_length=1)
    side_b: tuple[Id, ...] = Field(min_length=1)
    note: Text | None = None


class ExclusionReason(StrEnum):
    """Why a seed sentence carries no claim."""

    HEADING = "heading"
    NAVIGATION = "navigation"
    ADVERTISING = "advertising"
    QUESTION = "question"
    REFERENCE = "reference"
    NO_RELATION = "no_relation"


class CoverageExclusion(FrozenModel):
    """One sentence of a seed document that no claim needs to quote, and why."""

    source: Id
    sentence: Text
    reason: ExclusionReason
    note: Text | None = None
