"""Building a compound's pathway from the claims, following mechanism steps outward.

The rules:

1. The steps start from claims whose stated subject is the compound (with ``inherit=True``, also
   its form-unspecified parent, marked inherited), using mechanism predicates only, never a
   denial. A comparative claim counts as a step of its subject ("(S)-ketamine has greater NMDA
   affinity than (R)-ketamine" is a binding step of (S)-ketamine only).
2. From each node reached by a positive step (activates, increases, leads to, binds...), the
   steps stated of that node follow. A target the compound blocks (antagonist of, inhibits,
   decreases) is a dead end: its normal downstream does not run while it is blocked. Where a
   process is the blockade of that target (``Process.blockade_of``), the compound reaches that
   process through a derived step resting on its antagonism claims, and the pathway continues
   from it; no other node can enter the blockade that way.
3. Steps stated of other compounds are never followed, and only steps to an entity of a
   mechanism kind (``Kind.mechanism`` in :data:`ketref.vocabulary.KINDS`: a target, molecule,
   cell type, process or effect) are steps at all: an interacting drug or a condition such as
   relapse is not part of a mechanism.

Each edge's grade is that of the sources of its claims together (:func:`ketref.grades.grade`).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from ketref.grades import Grade, grade
from ketref.models.claims import Claim
from ketref.models.entities import Compound, Process, Salt
from ketref.pathways.model import Pathway, PathwayEdge, PathwayNode
from ketref.vocabulary import KINDS, PREDICATES

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = ["build_pathway", "graded"]

# Which predicates are steps, and which block, is read from each Predicate row
# (``mechanism``, ``blocking``) in ketref.vocabulary.


def _stated_of(kb: KnowledgeBase, subject: str) -> list[Claim]:
    return [
        c.claim
        for c in kb.claims(subject=subject)
        if not c.inverted
        and PREDICATES[c.predicate].mechanism
        and not c.negated
        and KINDS[kb.entities[c.object].kind].mechanism
    ]


def graded(kb: KnowledgeBase, claims: list[Claim]) -> tuple[Grade, tuple[str, ...]]:
    """The grade of some claims' sources together, and those sources as short citations with
    their tiers, strongest tier first."""
    from ketref.statements import short_citation

    sources = {e.source: kb.source(e.source) for c in claims for e in c.evidence}
    ordered = sorted(sources.values(), key=lambda s: -s.effective_tier.rank)
    cited = tuple(f"{short_citation(s)} ({s.effective_tier.value.replace('_', ' ')})" for s in ordered)
    return grade(sources.values(), [c.status for c in claims]), cited


def build_pathway(kb: KnowledgeBase, root: str, *, inherit: bool = False) -> Pathway:
    """The pathway of the compound ``root`` (an entity id)."""
    entity = kb.entities[root]
    starts = [(c, False) for c in _stated_of(kb, root)]
    parent = getattr(entity, "form_of", None)
    if inherit and parent is not None:
        starts += [(c, True) for c in _stated_of(kb, parent) if c.comparison is None]
    blockade = {p.blockade_of: p.id for p in kb.entities.values() if isinstance(p, Process) and p.blockade_of}

    steps: dict[tuple[str, str, str, bool], list[Claim]] = {}
    own_keys: set[tuple[str, str, str, bool]] = set()  # an edge is inherited only if no own claim backs it

    def add(
        source: str,
        claim: Claim,
        *,
        target: str | None = None,
        derived: bool = False,
        inherited: bool = False,
    ) -> None:
        key = (source, target or claim.object, claim.predicate if not derived else "leads_to", derived)
        steps.setdefault(key, []).append(claim)
        if not inherited:
            own_keys.add(key)

    blocked: set[str] = set()
    queue: deque[str] = deque()
    for claim, inherited in starts:
        add(root, claim, inherited=inherited)
        if PREDICATES[claim.predicate].blocking:
            blocked.add(claim.object)
            if claim.object in blockade:  # the compound itself gives the blockade: no other node can
                add(root, claim, target=blockade[claim.object], derived=True, inherited=inherited)
                queue.append(blockade[claim.object])
        else:
            queue.append(claim.object)
    seen = {root}
    while queue:
        node = queue.popleft()
        if node in seen or node in blocked or isinstance(kb.entities[node], Compound | Salt):
            continue
        seen.add(node)
        for claim in _stated_of(kb, node):
            add(node, claim)
            if not PREDICATES[claim.predicate].blocking:
                queue.append(claim.object)

    edges = []
    for (source, target, predicate, derived), claims in steps.items():
        edge_grade, cited = graded(kb, claims)
        edges.append(
            PathwayEdge(
                source=source,
                target=target,
                predicate=predicate,
                status=min((c.status for c in claims), key=lambda s: s.rank),
                claims=tuple(dict.fromkeys(c.id for c in claims)),
                grade=edge_grade,
                cited=cited,
                derived=derived,
                inherited=(source, target, predicate, derived) not in own_keys,
            )
        )
    order = [root, *dict.fromkeys(n for e in edges for n in (e.source, e.target) if n != root)]
    nodes = tuple(
        PathwayNode(
            id=n, name=kb.entities[n].name, kind=kb.entities[n].kind.value, synonyms=kb.entities[n].synonyms
        )
        for n in order
    )
    return Pathway(root=root, nodes=nodes, edges=tuple(edges))
