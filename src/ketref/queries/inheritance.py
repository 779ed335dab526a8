"""When a claim about form-unspecified ketamine is shown for a specific form.

The rule (docs/status.md, "The form a claim is about"):

1. Only when asked (``inherit=True``), and only for a racemate or an enantiomer whose
   ``form_of`` names the form-unspecified compound.
2. Comparisons are not inherited: a comparison is about the compounds it names.
3. Regulatory, compositional and practice statements are not inherited: approval, control
   schedules, off-label use, first-line status and clinical trials belong to a form or product;
   composition differs between forms; routes, doses, strengths and dosing protocols describe how
   particular products are given, and so does any claim stated for one route. Any claim with a
   jurisdiction or at the regulatory level stays too.
4. Measured values are not inherited: a claim that states a number (a Ki, a pharmacokinetic
   parameter, a dose, a rate) or names the assay it was measured in holds for what was measured,
   and the form measured is not known.
5. What was seen in recreational use is not inherited: it is about what people took.
6. For a form that was never marketed (no product in the knowledge base has it, or a salt of it,
   as active ingredient), nothing learnt from use is inherited: no effect or adverse effect seen
   in people, treatment,
   safety judgement, warning, precaution, response rate or onset, and no claim from a clinical or
   recreational setting (arketamine does not inherit the "k-hole" or bladder damage).
7. A claim is not inherited where the specific form has its own claim on the same predicate,
   object and setting that says the opposite (one negated, the other not).
8. An inherited claim keeps its subject, evidence and status unchanged and is marked with
   ``shown_for``, the form it is shown for: it is said of ketamine without a form, and shown
   apart from the form's own claims.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import Field

from ketref._memo import PerKnowledgeBase
from ketref.models._base import Id
from ketref.models.claims import Claim
from ketref.models.readings import Reading
from ketref.vocabulary import PREDICATES

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = ["FROM_USE", "InheritedClaim", "inherit", "inheritable", "marketed_forms", "not_inherited"]

FROM_USE: frozenset[str] = frozenset(
    {
        "has_adverse_effect",
        "has_effect",
        "treats",
        "safe_for",
        "judged_safe_with",
        "has_warning",
        "has_precaution",
        "contraindicated_in",
        "has_response_rate",
        "has_nonresponse_rate",
        "has_incidence_change",
        "has_prevalence",
        "has_onset",
        "has_duration",
        "combined_with",
    }
)
"""Predicates whose claims are learnt from people using a drug (with their inverses, see
:func:`_from_use`): never inherited by a form that was never marketed."""


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


def _from_use(predicate: str) -> bool:
    return predicate in FROM_USE or PREDICATES[predicate].inverse in FROM_USE


def inheritable(claim: Claim, *, marketed: bool = True) -> bool:
    """Whether a claim about the form-unspecified compound may be shown for a specific form at all
    (rules 2 to 6 of the module docstring; rule 7 needs the form's own claims)."""
    c = claim.context
    if claim.comparison is not None or not PREDICATES[claim.predicate].inheritable:
        return False  # comparisons, regulation, composition and practice stay where they are
    if c.route is not None or c.jurisdiction is not None or c.level.value == "regulatory":
        return False  # stated for one route, or a regulator's statement
    if claim.values or c.assay is not None:
        return False  # a measurement holds for what was measured
    if c.setting == "recreational":
        return False  # what people took on the street
    return marketed or not (c.setting is not None or _from_use(claim.predicate))


_MARKETED: PerKnowledgeBase[str, frozenset[str]] = PerKnowledgeBase()


def _marketed(kb: KnowledgeBase) -> frozenset[str]:
    parents = {e.id: getattr(e, "parent", None) for e in kb.entities.values() if e.kind.value == "salt"}
    found = set()
    for claim in kb.all_claims():
        if claim.negated:
            continue
        if claim.predicate == "has_active_ingredient":
            ingredient = claim.object
        elif claim.predicate == "active_ingredient_of":
            ingredient = claim.subject
        else:
            continue
        found.add(ingredient)
        parent = parents.get(ingredient)
        if parent is not None:
            found.add(parent)
    return frozenset(found)


def marketed_forms(kb: KnowledgeBase) -> frozenset[str]:
    """Every compound some product of ``kb`` has, or has a salt of, as active ingredient."""
    return _MARKETED.get(kb, "marketed", lambda: _marketed(kb))


def inherit(
    general: Iterable[Reading],
    general_id: str,
    specific: Iterable[Claim],
    specific_id: str,
    *,
    marketed: bool = True,
) -> list[InheritedClaim]:
    """The claims about ``general_id`` that may be shown for ``specific_id``, marked as inherited."""
    own = {(_key(c, specific_id), c.negated) for c in specific if c.comparison is None}
    shown = []
    for claim in general:
        if not inheritable(claim, marketed=marketed):
            continue
        if (_key(claim, general_id), not claim.negated) in own:
            continue  # the specific form says the opposite
        shown.append(InheritedClaim.model_construct(**dict(claim), shown_for=specific_id))
    return shown
