"""Results derived from a knowledge base, remembered for as long as that knowledge base lives.

A feature module (tables, pathways) keeps its own typed memo instead of writing into the
knowledge base: the knowledge base stays a plain data object, and a pack's knowledge base has
its own results, never the bundled one's.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = ["PerKnowledgeBase"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class PerKnowledgeBase(Generic[K, V]):
    """A memo keyed by knowledge base (held weakly) and then by ``K``."""

    def __init__(self) -> None:
        self._store: WeakKeyDictionary[KnowledgeBase, dict[K, V]] = WeakKeyDictionary()
        self._lock = threading.Lock()

    def get(self, kb: KnowledgeBase, key: K, build: Callable[[], V]) -> V:
        """The value for ``key`` over ``kb``, built by ``build`` on first use."""
        with self._lock:
            found = self._store.get(kb)
            if found is not None and key in found:
                return found[key]
        value = build()  # outside the lock: a build may itself use other memos
        with self._lock:
            return self._store.setdefault(kb, {}).setdefault(key, value)
