"""The pathway of a compound: nodes are entities, edges are claims, each with its status."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field

from ketref.errors import UnknownEntityError
from ketref.grades import Grade
from ketref.models._base import FrozenModel, Id
from ketref.pathways.graph import StatusGraph, weakest
from ketref.vocabulary import PREDICATES, Status

__all__ = ["ComparedStep", "Pathway", "PathwayDiff", "PathwayEdge", "PathwayNode", "PathwayPath", "View"]

View = Literal["core", "full"]
"""Which pathway: ``"full"``, every step the claims give; ``"core"``, the canonical cascade and
the compound's own branches (:mod:`ketref.pathways.core`)."""


class PathwayNode(FrozenModel):
    """A node: an entity of the knowledge base, with the names it is known by."""

    id: Id
    name: str
    kind: str
    synonyms: tuple[str, ...] = ()


class PathwayEdge(FrozenModel):
    """A step, backed by the claims listed; its status is the strongest of theirs, and its grade
    (:mod:`ketref.grades`) is that of their sources together.

    ``derived`` marks the step from a blocked target to its blockade process, which rests on the
    antagonism claims themselves. ``inherited`` marks a step stated of form-unspecified ketamine.
    ``cited`` gives the sources behind it, each as a short citation with its tier
    (``Zanos et al. 2018 (primary)``). ``also`` lists further predicates merged into the step (a
    core view draws "binds" and "is an agonist of" between the same two nodes as one arrow).
    """

    source: Id
    target: Id
    predicate: str
    status: Status
    claims: tuple[Id, ...] = Field(min_length=1)
    grade: Grade = Grade.D
    cited: tuple[str, ...] = ()
    derived: bool = False
    inherited: bool = False
    also: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the step reads."""
        first = "blocks, giving" if self.derived else PREDICATES[self.predicate].label
        return "; ".join((first, *(PREDICATES[p].label for p in self.also)))

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two edges the same step: source, target and predicate."""
        return (self.source, self.target, self.predicate)


class PathwayPath(FrozenModel):
    """One path through a pathway and the weakest status along it."""

    nodes: tuple[Id, ...]
    weakest: Status


class Pathway(FrozenModel):
    """The mechanism steps the knowledge base claims for one compound, as a graph.

    ``view`` says whether it is every step (``"full"``) or the core selection; ``missing`` lists,
    for a core view, the canonical steps the claims do not give (in words), so a diagram can say
    what it could not draw.
    """

    root: Id
    nodes: tuple[PathwayNode, ...]
    edges: tuple[PathwayEdge, ...]
    view: View = "full"
    missing: tuple[str, ...] = ()

    @cached_property
    def _graph(self) -> StatusGraph:
        return StatusGraph((e.source, e.target, e.status) for e in self.edges)

    @cached_property
    def _by_name(self) -> dict[str, str]:
        """Each node's id, name and synonyms, folded as entity lookups fold them, to its id."""
        from ketref._normalize import normalize_name

        table: dict[str, str] = {}
        for n in self.nodes:
            for name in (n.id, n.name, *n.synonyms):
                table.setdefault(normalize_name(name), n.id)
        return table

    def _need(self, node: str) -> str:
        """The id of the node named ``node`` (its id, name or a synonym), from this pathway alone."""
        if not isinstance(node, str):
            from ketref.errors import QueryTypeError

            raise QueryTypeError(f"a pathway node is named by text, not {type(node).__name__}")
        from ketref._normalize import normalize_name

        found = self._by_name.get(normalize_name(node))
        if found is None:
            from ketref.terms import suggest

            ids = [n.id for n in self.nodes]
            raise UnknownEntityError(node, suggest(node, ids), detail=f"not in the pathway of {self.root}")
        return found

    def node(self, node: str) -> PathwayNode:
        """A node by id, name or synonym.

        Raises:
            ketref.UnknownEntityError: no node of this pathway has that name.
        """
        node_id = self._need(node)
        return next(n for n in self.nodes if n.id == node_id)

    def paths(
        self, source: str, target: str, *, max_length: int = 12, limit: int | None = None
    ) -> tuple[PathwayPath, ...]:
        """Every simple path from ``source`` to ``target`` (ids or names), shortest first, with
        the weakest status on each; at most ``max_length`` steps long, and at most ``limit``
        paths (all when ``None``). A path never passes through the pathway's own compound: the
        compound starts its pathway, it is not a step of it."""
        for name, number, least in (("max_length", max_length, 1), ("limit", limit, 1)):
            if number is None and name == "limit":
                continue
            if isinstance(number, bool) or not isinstance(number, int):
                from ketref.errors import QueryTypeError

                raise QueryTypeError(f"{name} is a whole number, not {type(number).__name__}")
            if number < least:
                from ketref.errors import InvalidQueryError

                raise InvalidQueryError(f"{name} is at least {least}, not {number}")
        graph = self._graph
        start, end = self._need(source), self._need(target)
        found = sorted(
            (p for p in graph.paths(start, end, max_length=max_length) if self.root not in p[1:-1]), key=len
        )
        if limit is not None:
            found = found[:limit]
        return tuple(PathwayPath(nodes=p, weakest=graph.path_status(p)) for p in found)

    def downstream(self, node: str) -> tuple[str, ...]:
        """Every node reachable from ``node``, in pathway order."""
        reach = self._graph.descendants(self._need(node))
        return tuple(n.id for n in self.nodes if n.id in reach)

    def upstream(self, node: str) -> tuple[str, ...]:
        """Every node from which ``node`` is reached, in pathway order."""
        reach = self._graph.ancestors(self._need(node))
        return tuple(n.id for n in self.nodes if n.id in reach)

    @property
    def weakest_status(self) -> Status | None:
        """The weakest status of any step (``None`` for a pathway without steps)."""
        return weakest(e.status for e in self.edges) if self.edges else None


class ComparedStep(FrozenModel):
    """A step of both compounds that comparative claims set side by side.

    "Esketamine has greater analgesic potency than arketamine" says arketamine is analgesic too,
    only less potently: the step is both compounds', and ``note`` says how they differ
    (``"esketamine more potent"``). ``target`` and ``predicate`` name the step from the roots
    (the key ``("*", target, predicate)``); ``claims``, ``status``, ``grade`` and ``cited`` are
    the comparative claims' own.
    """

    target: Id
    predicate: str
    note: str
    claims: tuple[Id, ...] = Field(min_length=1)
    status: Status
    grade: Grade
    cited: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        """The step's key, with the root written as ``*``."""
        return ("*", self.target, self.predicate)


class PathwayDiff(FrozenModel):
    """Two compounds' pathways side by side: steps both have, and steps only one has.

    A step both have counts as shared; so does a step of one root that a comparative claim
    between the two roots compares (:class:`ComparedStep`, in ``compared``): it is the other's
    too, more or less potently, and :meth:`note` says which.
    """

    a: Pathway
    b: Pathway
    compared: tuple[ComparedStep, ...] = ()

    @property
    def shared(self) -> tuple[tuple[str, str, str], ...]:
        """Steps (source, target, predicate) in both pathways, the roots aside, or compared."""
        b_keys = set(self._keys(self.b))
        compared = {c.key for c in self.compared}
        out = [k for k in self._keys(self.a) if k in b_keys or k in compared]
        out += [k for k in self._keys(self.b) if k in compared]
        out += [c.key for c in self.compared]
        return tuple(dict.fromkeys(out))

    @property
    def only_a(self) -> tuple[tuple[str, str, str], ...]:
        """Steps only the first compound's pathway has."""
        other = set(self._keys(self.b)) | {c.key for c in self.compared}
        return tuple(k for k in self._keys(self.a) if k not in other)

    @property
    def only_b(self) -> tuple[tuple[str, str, str], ...]:
        """Steps only the second compound's pathway has."""
        other = set(self._keys(self.a)) | {c.key for c in self.compared}
        return tuple(k for k in self._keys(self.b) if k not in other)

    def note(self, key: tuple[str, str, str]) -> str | None:
        """How the two compounds differ on a shared step, from the comparative claims
        (``"esketamine more potent"``), or ``None``."""
        return next((c.note for c in self.compared if c.key == key), None)

    @staticmethod
    def _keys(pathway: Pathway) -> list[tuple[str, str, str]]:
        """Edge keys with the root written as ``*``, so that 'X binds T' matches 'Y binds T' (an
        edge merged from several predicates has a key for each)."""
        return list(
            dict.fromkeys(
                ("*" if e.source == pathway.root else e.source, e.target, predicate)
                for e in pathway.edges
                for predicate in (e.predicate, *e.also)
            )
        )
