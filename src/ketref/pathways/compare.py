"""Comparing two compounds' pathways with the comparative claims between them.

Without them a difference view reads absence as difference: esketamine has the step "has the
effect analgesia" and arketamine none, so analgesia looked like esketamine's alone, although
ketref records that arketamine is the *less potent* analgesic. Here every step from either root
is looked up among the readings of the first root compared with the second; where such readings
exist, the step is both compounds' and carries a note saying which is stronger, per aspect.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ketref.humanize import entity_phrase
from ketref.pathways.build import graded
from ketref.pathways.model import ComparedStep, Pathway, PathwayDiff
from ketref.vocabulary import Aspect, Direction

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase
    from ketref.models.readings import Reading

__all__ = ["ASPECT_WORDS", "compare"]

ASPECT_WORDS: dict[Aspect, tuple[str, str]] = {
    Aspect.AFFINITY: ("higher affinity", "affinity"),
    Aspect.POTENCY: ("more potent", "potency"),
    Aspect.EFFICACY: ("more effective", "efficacy"),
    Aspect.DURATION: ("longer-lasting", "duration"),
    Aspect.ONSET_SPEED: ("faster onset", "onset"),
    Aspect.INCIDENCE: ("more frequent", "incidence"),
    Aspect.BREADTH: ("broader", "breadth"),
    Aspect.DEPENDENCE: ("more dependent on it", "dependence"),
}
"""How "the stronger one" reads for each aspect, and the aspect's noun."""


def _note(kb: KnowledgeBase, a: str, b: str, readings: list[Reading]) -> str:
    """One phrase per aspect, read from ``a``'s side: who is stronger, similar, or disputed."""
    directions: dict[Aspect, set[Direction]] = defaultdict(set)
    for reading in readings:
        if reading.comparison is not None and reading.direction is not None:
            directions[reading.comparison.aspect].add(reading.direction)
    parts = []
    for aspect, found in directions.items():
        stronger, noun = ASPECT_WORDS.get(aspect, (f"greater {aspect.value}", aspect.value))
        if found == {Direction.GREATER}:
            parts.append(f"{entity_phrase(kb, a)} {stronger}")
        elif found == {Direction.LESSER}:
            parts.append(f"{entity_phrase(kb, b)} {stronger}")
        elif found == {Direction.SIMILAR}:
            parts.append(f"similar {noun}")
        else:
            parts.append(f"sources differ on {noun}")
    return "; ".join(parts)


def _steps(pathway: Pathway) -> list[tuple[str, str]]:
    """Each step from the root as (target, predicate), with the claims' own (predicate, object)
    for a derived blockade step (whose claims are about the blocked target)."""
    out = []
    for edge in pathway.edges:
        if edge.source != pathway.root:
            continue
        for predicate in (edge.predicate, *edge.also):
            out.append((edge.target, predicate))
    return list(dict.fromkeys(out))


def compare(kb: KnowledgeBase, a: Pathway, b: Pathway) -> PathwayDiff:
    """The difference of two pathways, with the steps that comparative claims share out."""
    blocked = {
        e.target: {(kb.claim(c).predicate, kb.claim(c).object) for c in e.claims}
        for p in (a, b)
        for e in p.edges
        if e.derived
    }
    compared = []
    for target, predicate in dict.fromkeys([*_steps(a), *_steps(b)]):
        lookups = blocked.get(target, set()) if predicate == "leads_to" and target in blocked else set()
        lookups |= {(predicate, target)}
        found: dict[str, Reading] = {}
        for pred, obj in lookups:
            for reading in kb.readings(subject=a.root, predicate=pred, object=obj):
                if reading.comparator == b.root and not reading.negated:
                    found.setdefault(reading.claim.id, reading)
        if not found:
            continue
        claims = [r.claim for r in found.values()]
        edge_grade, cited = graded(kb, claims)
        compared.append(
            ComparedStep(
                target=target,
                predicate=predicate,
                note=_note(kb, a.root, b.root, list(found.values())),
                claims=tuple(found),
                status=min((c.status for c in claims), key=lambda s: s.rank),
                grade=edge_grade,
                cited=cited,
            )
        )
    return PathwayDiff(a=a, b=b, compared=tuple(compared))
