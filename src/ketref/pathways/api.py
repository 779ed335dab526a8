"""Public pathway functions over the bundled knowledge base."""

from __future__ import annotations

from ketref.api import knowledge_base
from ketref.kb import EntityQuery
from ketref.pathways.build import build_pathway
from ketref.pathways.model import Pathway, PathwayDiff

__all__ = ["compare_pathways", "pathway"]


def pathway(compound: EntityQuery, *, inherit: bool = False) -> Pathway:
    """The mechanism steps claimed for a compound, as a graph with evidence on every edge.

    Examples:
        >>> import ketref
        >>> p = ketref.pathway("esketamine")
        >>> any(path.nodes[-1] == "mtor" for path in p.paths("nmda-receptor-blockade", "mtor"))
        True
    """
    if not isinstance(inherit, bool):
        from ketref.errors import QueryTypeError

        raise QueryTypeError(f"inherit is True or False, not {inherit!r}")
    kb = knowledge_base()
    return kb.cached(
        f"pathway:{kb.get(compound).id}:{inherit}",
        lambda: build_pathway(kb, kb.get(compound).id, inherit=inherit),
    )


def compare_pathways(a: EntityQuery, b: EntityQuery, *, inherit: bool = False) -> PathwayDiff:
    """Two compounds' pathways: the steps both have and the steps only one has."""
    return PathwayDiff(a=pathway(a, inherit=inherit), b=pathway(b, inherit=inherit))
