"""A small directed graph with a status on every edge: paths, ancestors, descendants.

Kept generic (node ids are strings, statuses are :class:`ketref.Status`) so that the path
logic is tested on random graphs as well as on the knowledge base's pathways.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from itertools import pairwise

from ketref.vocabulary import Status

__all__ = ["MAX_PATHS", "StatusGraph", "weakest"]

MAX_PATHS = 10_000
"""The most paths :meth:`StatusGraph.paths` returns; beyond it, the search stops."""


def weakest(statuses: Iterable[Status]) -> Status:
    """The weakest of some statuses (hypothesized is weaker than established)."""
    return max(statuses, key=lambda s: s.rank)


class StatusGraph:
    """Directed edges ``(source, target)`` each carrying the status of the claims behind it."""

    def __init__(self, edges: Iterable[tuple[str, str, Status]]) -> None:
        self.status: dict[tuple[str, str], Status] = {}
        self.successors: dict[str, list[str]] = defaultdict(list)
        self.predecessors: dict[str, list[str]] = defaultdict(list)
        for source, target, status in edges:
            key = (source, target)
            if key in self.status:  # keep the strongest evidence for a repeated edge
                if status.rank < self.status[key].rank:
                    self.status[key] = status
                continue
            self.status[key] = status
            self.successors[source].append(target)
            self.predecessors[target].append(source)

    @property
    def nodes(self) -> set[str]:
        """Every node that has an edge."""
        return {n for edge in self.status for n in edge}

    def paths(self, source: str, target: str, *, max_length: int = 12) -> Iterator[tuple[str, ...]]:
        """Every simple path (no node twice) from ``source`` to ``target``, in depth-first order,
        at most :data:`MAX_PATHS` of them and ``max_length`` edges long."""
        if source == target:
            return
        found = 0
        stack: list[tuple[str, tuple[str, ...]]] = [(source, (source,))]
        while stack and found < MAX_PATHS:
            node, path = stack.pop()
            for nxt in reversed(self.successors.get(node, [])):
                if nxt == target:
                    found += 1
                    yield (*path, nxt)
                elif nxt not in path and len(path) < max_length:  # path has len(path) - 1 edges
                    stack.append((nxt, (*path, nxt)))

    def path_status(self, path: tuple[str, ...]) -> Status:
        """The weakest status along a path (its chain is no stronger than its weakest link)."""
        return weakest(self.status[pair] for pair in pairwise(path))

    def _reach(self, start: str, table: dict[str, list[str]]) -> set[str]:
        seen: set[str] = set()
        queue = deque([start])
        while queue:
            for nxt in table.get(queue.popleft(), []):
                if nxt not in seen and nxt != start:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen

    def descendants(self, node: str) -> set[str]:
        """Every node reachable from ``node``."""
        return self._reach(node, self.successors)

    def ancestors(self, node: str) -> set[str]:
        """Every node from which ``node`` is reachable."""
        return self._reach(node, self.predecessors)
