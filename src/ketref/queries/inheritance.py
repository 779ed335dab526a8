"""When a claim about form-unspecified ketamine is shown for a specific form.

The rule (docs/status.md, "The form a claim is about"):

1. Only when asked (``inherit=True``), and only for a racemate or an enantiomer whose
   ``form_of`` names the form-unspecified compound.
2. Comparisons are not inherited: a comparison is about the compounds it names.
3. Regulatory, compositional and practice statements are not inherited: approval, off-label
   use, first-line status and clinical trials belong to a form or product; composition differs
   between forms; routes, doses, strengths and dosing protocols describe how particular products
   are given, and so does any claim stated for one route.
4. A claim is not inherited where the specific form has its own claim on the same predicate,
   object and setting that says the opposite (one negated, the other not).
5. An inherited claim keeps its subject, evidence and status unchanged and is marked with
   ``shown_for``, the form it is shown for.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from ketref.models._base import Id
from ketref.models.claims import Claim
from ketref.models.readings import Reading
from ketref.vocabulary import PREDICATES

__all__ = ["InheritedClaim", "inherit", "not_inherited"]


def not_inherited() -> frozenset[str]:
    """Predicates whose claims stay with the form they name (``Predicate.inheritable`` false)."""
    return frozenset(p.id for p in PREDICATES.values() if not p.inheritable)


class InheritedClaim(Reading):
    """A claim about the form-unspecified compound, shown for one of its specific forms.

    It is read from the form-unspecified compound's side (its ``subject`` stays that compound:
    it is said of ketamine without a form, never reworded as the specific form's own fact)."""

    shown_for: Id = Field(description="The specific form (racemate or enantiomer) it is shown for.")

    @property
    def inherited(self) -> bool:
        """Always ``True``: this claim was stated of the unspecified form."""
        return True


def _key(claim: Claim, subject: str) -> tuple[object, ...]:
    """Predicate, object and setting, read with ``subject`` on the left."""
    if claim.subject == subject:
        predicate, obj = claim.predicate, claim.object
    else:
        predicate, obj = PREDICATES[claim.predicate].inverse, claim.subject
    c = claim.context
    return (predicate, obj, c.jurisdiction, c.setting, c.species)


def inherit(
    general: Iterable[Reading], general_id: str, specific: Iterable[Claim], specific_id: str
) -> list[InheritedClaim]:
    """The claims about ``general_id`` that may be shown for ``specific_id``, marked as inherited."""
    own = {(_key(c, specific_id), c.negated) for c in specific if c.comparison is None}
    shown = []
    for claim in general:
        if claim.comparison is not None or not PREDICATES[claim.predicate].inheritable or claim.context.route:
            continue  # comparisons, practice, and statements about one route stay where they are
        if (_key(claim, general_id), not claim.negated) in own:
            continue  # the specific form says the opposite
        shown.append(InheritedClaim.model_construct(**dict(claim), shown_for=specific_id))
    return shown
