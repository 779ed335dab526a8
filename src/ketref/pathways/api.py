"""Pathway functions over a knowledge base (``ketref.pathway`` binds the bundled one)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ketref._memo import PerKnowledgeBase
from ketref._shown import shown
from ketref.pathways.build import build_pathway
from ketref.pathways.model import Pathway, PathwayDiff, View

if TYPE_CHECKING:
    from ketref.kb import EntityQuery, KnowledgeBase

__all__ = ["VIEWS", "compare_pathways", "pathway"]

VIEWS: tuple[View, ...] = ("core", "full")
"""The pathway views: the canonical cascade with the compound's own branches, or every step."""

_BUILT: PerKnowledgeBase[tuple[str, bool, str], Pathway] = PerKnowledgeBase()


def _check(inherit: object, view: object) -> View:
    from ketref.errors import InvalidQueryError, QueryTypeError

    if not isinstance(inherit, bool):
        raise QueryTypeError(f"inherit is True or False, not {shown(inherit)}")
    if not isinstance(view, str):
        raise QueryTypeError(f"view is text ('core' or 'full'), not {shown(view)}")
    if view not in VIEWS:
        raise InvalidQueryError(f"unknown pathway view {shown(view)}; the views are 'core' and 'full'")
    return "core" if view == "core" else "full"


def pathway(
    kb: KnowledgeBase, compound: EntityQuery, *, inherit: bool = False, view: View = "full"
) -> Pathway:
    """The mechanism steps ``kb`` claims for a compound, as a graph with evidence on every edge.

    ``view="full"`` gives every step; ``view="core"`` the canonical antidepressant cascade and the
    compound's own branches in at most about 13 nodes (:mod:`ketref.pathways.core`), for a slide.

    Examples:
        >>> import ketref
        >>> from ketref.pathways.api import pathway
        >>> p = pathway(ketref.knowledge_base(), "esketamine")
        >>> any(path.nodes[-1] == "mtor" for path in p.paths("nmda-receptor-blockade", "mTOR"))
        True
        >>> len(pathway(ketref.knowledge_base(), "arketamine", view="core").nodes) <= 13
        True
    """
    chosen = _check(inherit, view)
    root = kb.get(compound).id
    if chosen == "core":
        from ketref.pathways.core import core_view

        full = pathway(kb, root, inherit=inherit)
        return _BUILT.get(kb, (root, inherit, chosen), lambda: core_view(kb, full))
    return _BUILT.get(kb, (root, inherit, chosen), lambda: build_pathway(kb, root, inherit=inherit))


def compare_pathways(
    kb: KnowledgeBase, a: EntityQuery, b: EntityQuery, *, inherit: bool = False, view: View = "full"
) -> PathwayDiff:
    """Two compounds' pathways: the steps both have and the steps only one has.

    A step one compound has and a comparative claim between the two compares ("esketamine is the
    more potent analgesic") is both compounds', with a note saying which is stronger
    (:meth:`PathwayDiff.note`), never "only" the first's.
    """
    from ketref.pathways.compare import compare

    first, second = pathway(kb, a, inherit=inherit, view=view), pathway(kb, b, inherit=inherit, view=view)
    if first.root == second.root:
        from ketref.errors import InvalidQueryError

        raise InvalidQueryError(f"{a!r} and {b!r} both name {first.root}: compare two different compounds")
    return compare(kb, first, second)
