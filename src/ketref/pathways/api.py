"""Pathway functions over a knowledge base (``ketref.pathway`` binds the bundled one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ketref._memo import PerKnowledgeBase
from ketref._shown import shown
from ketref.pathways.build import build_pathway
from ketref.pathways.model import Pathway, PathwayDiff

if TYPE_CHECKING:
    from ketref.kb import EntityQuery, KnowledgeBase

__all__ = ["compare_pathways", "pathway"]

_BUILT: PerKnowledgeBase[tuple[str, bool], Pathway] = PerKnowledgeBase()


def pathway(kb: KnowledgeBase, compound: EntityQuery, *, inherit: bool = False) -> Pathway:
    """The mechanism steps ``kb`` claims for a compound, as a graph with evidence on every edge.

    Examples:
        >>> import ketref
        >>> from ketref.pathways.api import pathway
        >>> p = pathway(ketref.knowledge_base(), "esketamine")
        >>> any(path.nodes[-1] == "mtor" for path in p.paths("nmda-receptor-blockade", "mTOR"))
        True
    """
    if not isinstance(inherit, bool):
        from ketref.errors import QueryTypeError

        raise QueryTypeError(f"inherit is True or False, not {shown(inherit)}")
    root = kb.get(compound).id
    return _BUILT.get(kb, (root, inherit), lambda: build_pathway(kb, root, inherit=inherit))


def compare_pathways(
    kb: KnowledgeBase, a: EntityQuery, b: EntityQuery, *, inherit: bool = False
) -> PathwayDiff:
    """Two compounds' pathways: the steps both have and the steps only one has."""
    return PathwayDiff(a=pathway(kb, a, inherit=inherit), b=pathway(kb, b, inherit=inherit))
