"""A small directed graph with a status on every edge: paths, ancestors, descendants.

Kept generic (node ids are strings, statuses are :class:`ketref.Status`) so that the path
logic is tested on random graphs as well as on the knowledge base's pathways.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from itertools import pairwise

from ketref import limits
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
        """Simple paths (no node twice) from ``source`` to ``target``, shortest first, at most
        ``max_length`` edges long.

        The search is breadth-first over partial paths that can still reach ``target``, and its
        work is bounded: it stops after :data:`MAX_PATHS` paths or
        :data:`ketref.limits.MAX_PATH_STEPS` steps, whichever comes first, so a dense graph from a
        pack gives the shortest paths quickly instead of exploring every partial path.
        """
        if source == target:
            return
        useful = self.ancestors(target)
        found = steps = 0
        queue: deque[tuple[str, tuple[str, ...]]] = deque([(source, (source,))])
        while queue:
            node, path = queue.popleft()
            for nxt in self.successors.get(node, []):
                steps += 1
                if steps > limits.MAX_PATH_STEPS:
                    return
                if nxt == target:
                    found += 1
                    yield (*path, nxt)
                    if found >= MAX_PATHS:
                        return
                elif nxt in useful and nxt not in path and len(path) < max_length:  # len(path)-1 edges
                    queue.append((nxt, (*path, nxt)))

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
