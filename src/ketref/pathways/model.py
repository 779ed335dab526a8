"""The pathway of a compound: nodes are entities, edges are claims, each with its status."""

from __future__ import annotations

from functools import cached_property

from pydantic import Field

from ketref.errors import UnknownEntityError
from ketref.models._base import FrozenModel, Id
from ketref.pathways.graph import StatusGraph, weakest
from ketref.vocabulary import PREDICATES, Status

__all__ = ["Pathway", "PathwayDiff", "PathwayEdge", "PathwayNode", "PathwayPath"]


class PathwayNode(FrozenModel):
    """A node: an entity of the knowledge base, with the names it is known by."""

    id: Id
    name: str
    kind: str
    synonyms: tuple[str, ...] = ()


class PathwayEdge(FrozenModel):
    """A step, backed by the claims listed; its status is the strongest of theirs.

    ``derived`` marks the step from a blocked target to its blockade process, which rests on the
    antagonism claims themselves. ``inherited`` marks a step stated of form-unspecified ketamine.
    """

    source: Id
    target: Id
    predicate: str
    status: Status
    claims: tuple[Id, ...] = Field(min_length=1)
    derived: bool = False
    inherited: bool = False

    @property
    def label(self) -> str:
        """How the step reads."""
        return "blocks, giving" if self.derived else PREDICATES[self.predicate].label

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two edges the same step: source, target and predicate."""
        return (self.source, self.target, self.predicate)


class PathwayPath(FrozenModel):
    """One path through a pathway and the weakest status along it."""

    nodes: tuple[Id, ...]
    weakest: Status


class Pathway(FrozenModel):
    """The mechanism steps the knowledge base claims for one compound, as a graph."""

    root: Id
    nodes: tuple[PathwayNode, ...]
    edges: tuple[PathwayEdge, ...]

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

    def paths(self, source: str, target: str, *, max_length: int = 12) -> tuple[PathwayPath, ...]:
        """Every simple path from ``source`` to ``target`` (ids or names), shortest first, with
        the weakest status on each; at most ``max_length`` steps long."""
        if isinstance(max_length, bool) or not isinstance(max_length, int):
            from ketref.errors import QueryTypeError

            raise QueryTypeError(f"max_length is a whole number, not {type(max_length).__name__}")
        if max_length < 1:
            from ketref.errors import InvalidQueryError

            raise InvalidQueryError(f"max_length is at least 1, not {max_length}")
        graph = self._graph
        found = sorted(graph.paths(self._need(source), self._need(target), max_length=max_length), key=len)
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


class PathwayDiff(FrozenModel):
    """Two compounds' pathways side by side: steps both have, and steps only one has."""

    a: Pathway
    b: Pathway

    @property
    def shared(self) -> tuple[tuple[str, str, str], ...]:
        """Steps (source, target, predicate) in both pathways, the roots aside."""
        return tuple(k for k in self._keys(self.a) if k in set(self._keys(self.b)))

    @property
    def only_a(self) -> tuple[tuple[str, str, str], ...]:
        """Steps only the first compound's pathway has."""
        other = set(self._keys(self.b))
        return tuple(k for k in self._keys(self.a) if k not in other)

    @property
    def only_b(self) -> tuple[tuple[str, str, str], ...]:
        """Steps only the second compound's pathway has."""
        other = set(self._keys(self.a))
        return tuple(k for k in self._keys(self.b) if k not in other)

    @staticmethod
    def _keys(pathway: Pathway) -> list[tuple[str, str, str]]:
        """Edge keys with the root written as ``*``, so that 'X binds T' matches 'Y binds T'."""
        return [("*" if e.source == pathway.root else e.source, e.target, e.predicate) for e in pathway.edges]
