"""The core view of a pathway: the canonical antidepressant cascade and the compound's own branches.

A full pathway (:func:`ketref.pathways.build.build_pathway`) has every mechanism step the claims
give, 20 to 30 nodes for a form of ketamine: too many for a slide. The core view keeps:

1. the nodes of the canonical cascade (:data:`CHAIN`, the one list of node ids this view starts
   from) that the full pathway reaches;
2. the compound's own branches, chosen by rule from the claims, not by name:

   - a node the compound steps to directly that leads straight to the cascade's endpoint without
     passing through the cascade (MEK/ERK signalling for arketamine);
   - a target, molecule, cell type or process where a comparative claim says the compound is
     stronger than another compound (greater affinity, potency or dependence): sigma-1 for
     arketamine, the opioid receptors for esketamine. A target whose blockade process is in the
     view is drawn as that process, not a second time.

   Branches are added in that order until the view has :data:`MAX_NODES` nodes.

A compound whose pathway does not reach the cascade's endpoint (a pack's compound acting
elsewhere) gets its :data:`MAX_NODES` nodes nearest the compound instead, with nothing listed as
missing: the cascade is not its claim.

Its edges are the full pathway's edges between kept nodes, with steps between the same two nodes
merged into one (``binds`` and ``is an agonist of``), and without a step that another path of
kept steps already implies (a transitive reduction: ``AMPA receptor → antidepressant effect``
beside ``AMPA receptor → BDNF → … → antidepressant effect``). Only claims' steps are drawn; a
canonical step no claim gives is listed in :attr:`Pathway.missing` instead of being invented.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import TYPE_CHECKING

from ketref.models.entities import Compound, Process
from ketref.pathways.build import graded
from ketref.pathways.model import Pathway, PathwayEdge
from ketref.vocabulary import PREDICATES, Direction, EntityKind

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = ["CHAIN", "MAX_NODES", "core_view"]

CHAIN: tuple[str, ...] = (
    "nmda-receptor-blockade",
    "gabaergic-interneurons",
    "disinhibition",
    "glutamate-surge",
    "ampa-receptor",
    "bdnf",
    "trkb",
    "mtor",
    "synaptogenesis",
    "antidepressant-effect",
)
"""The canonical cascade of ketamine's rapid antidepressant action, in order: NMDA receptor
blockade on GABAergic interneurons, disinhibition of pyramidal neurons, a glutamate surge, AMPA
receptor activation, BDNF release, TrkB, mTOR, synaptogenesis, the antidepressant effect. The
last is the endpoint branches must reach."""

MAX_NODES = 13
"""The most nodes a core view has (about what a slide can show legibly)."""

_BRANCH_KINDS = frozenset({EntityKind.TARGET, EntityKind.MOLECULE, EntityKind.CELL_TYPE, EntityKind.PROCESS})


def _merge(kb: KnowledgeBase, edges: list[PathwayEdge]) -> PathwayEdge:
    """Steps between the same two nodes as one edge: the strongest first, the others in ``also``."""
    ordered = sorted(edges, key=lambda e: (-e.grade.rank, e.status.rank, e.derived is False))
    first = ordered[0]
    if len(ordered) == 1:
        return first
    claims = tuple(dict.fromkeys(c for e in ordered for c in e.claims))
    edge_grade, cited = graded(kb, [kb.claim(c) for c in claims])
    also = tuple(dict.fromkeys(e.predicate for e in ordered[1:] if e.predicate != first.predicate))
    return first.model_copy(
        update={
            "claims": claims,
            "status": min((e.status for e in ordered), key=lambda s: s.rank),
            "grade": edge_grade,
            "cited": cited,
            "inherited": all(e.inherited for e in ordered),
            "also": () if first.derived else also,
        }
    )


def _reduce(edges: list[PathwayEdge], protected: set[tuple[str, str]]) -> list[PathwayEdge]:
    """Drop each edge whose target another path of the kept edges reaches from its source, except
    the ``protected`` ones (the cascade's own consecutive steps and the steps into a branch)."""
    successors: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        successors[e.source].append(e.target)

    def reaches(start: str, goal: str, skip: tuple[str, str]) -> bool:
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            for nxt in successors[node]:
                if (node, nxt) == skip or nxt in seen:
                    continue
                if nxt == goal:
                    return True
                seen.add(nxt)
                stack.append(nxt)
        return False

    return [
        e
        for e in edges
        if (e.source, e.target) in protected or not reaches(e.source, e.target, (e.source, e.target))
    ]


def _branches(kb: KnowledgeBase, full: Pathway, present: set[str], shown_as_blockade: set[str]) -> list[str]:
    """The compound's own branches, in the order of the module docstring's rule."""
    root, endpoint = full.root, CHAIN[-1]
    nodes = {n.id for n in full.nodes}

    def eligible(node: str) -> bool:
        return (
            node not in present
            and node not in shown_as_blockade
            and node != root
            and kb.entities[node].kind in _BRANCH_KINDS
        )

    out: list[str] = []
    to_endpoint = {e.source for e in full.edges if e.target == endpoint}
    for edge in full.edges:
        if edge.source == root and eligible(edge.target) and edge.target in to_endpoint:
            out.append(edge.target)
    ranked: list[tuple[int, str]] = []
    for reading in kb.readings(subject=root):
        predicate = PREDICATES[reading.predicate]
        if (
            predicate.mechanism
            and not reading.negated
            and reading.direction is Direction.GREATER
            and reading.comparator is not None
            and isinstance(kb.entities[reading.comparator], Compound)
            and reading.object in nodes
            and eligible(reading.object)
        ):
            best = max((e.grade.rank for e in full.edges if e.target == reading.object), default=0)
            ranked.append((-best, reading.object))
    out += [node for _, node in sorted(ranked)]
    return list(dict.fromkeys(out))


def _nearest(kb: KnowledgeBase, full: Pathway) -> Pathway:
    """The first :data:`MAX_NODES` nodes of a pathway the cascade does not run through, nearest
    the compound first, with the steps between them merged as in a core view."""
    distance = _distance(full)
    keep = {n.id for n in sorted(full.nodes, key=lambda n: distance.get(n.id, 1 << 30))[:MAX_NODES]}
    pairs: dict[tuple[str, str], list[PathwayEdge]] = defaultdict(list)
    for edge in full.edges:
        if edge.source in keep and edge.target in keep:
            pairs[(edge.source, edge.target)].append(edge)
    return full.model_copy(
        update={
            "nodes": tuple(n for n in full.nodes if n.id in keep),
            "edges": tuple(_merge(kb, group) for group in pairs.values()),
            "view": "core",
            "missing": (),
        }
    )


def _distance(full: Pathway) -> dict[str, int]:
    """Each node's number of steps from the compound (breadth first)."""
    out = {full.root: 0}
    frontier = [full.root]
    while frontier:
        nxt = []
        for node in frontier:
            for edge in full.edges:
                if edge.source == node and edge.target not in out:
                    out[edge.target] = out[node] + 1
                    nxt.append(edge.target)
        frontier = nxt
    return out


def core_view(kb: KnowledgeBase, full: Pathway) -> Pathway:
    """The core view of the full pathway ``full`` (see the module docstring)."""
    nodes = {n.id: n for n in full.nodes}
    present = [n for n in CHAIN if n in nodes]
    blockades = {
        p.blockade_of
        for p in (kb.entities[n] for n in present)
        if isinstance(p, Process) and p.blockade_of is not None
    }
    if CHAIN[-1] not in present or len(present) < 2:
        # the cascade is not this compound's (a pack's compound): its nearest steps instead
        return _nearest(kb, full)
    branches = _branches(kb, full, set(present), blockades)
    keep = [full.root, *present]
    keep += branches[: max(0, MAX_NODES - len(keep))]
    kept = set(keep)
    pairs: dict[tuple[str, str], list[PathwayEdge]] = defaultdict(list)
    for edge in full.edges:
        if edge.source in kept and edge.target in kept:
            pairs[(edge.source, edge.target)].append(edge)
    unreduced = [_merge(kb, group) for group in pairs.values()]
    have = {(e.source, e.target) for e in unreduced}
    protected = set(pairwise(CHAIN)) | {(full.root, b) for b in branches}
    merged = _reduce(unreduced, protected)
    linked = {n for e in merged for n in (e.source, e.target)}
    order = [n for n in keep if n in linked or n == full.root]
    chain = [n for n in CHAIN if n != "gabaergic-interneurons"]
    missing = []
    for a, b in pairwise(chain):
        if (a, b) in have:
            continue
        if a in nodes and b in nodes:
            missing.append(f"{kb.entities[a].name} → {kb.entities[b].name}")
        elif b not in nodes and b in kb.entities:
            missing.append(f"{kb.entities[b].name} (no step of {kb.entities[full.root].name} reaches it)")
    if "gabaergic-interneurons" not in nodes and "gabaergic-interneurons" in kb.entities:
        missing.append(f"{kb.entities['gabaergic-interneurons'].name} (no mechanism step names them)")
    return full.model_copy(
        update={
            "nodes": tuple(nodes[n] for n in order),
            "edges": tuple(merged),
            "view": "core",
            "missing": tuple(dict.fromkeys(missing)),
        }
    )
