"""The flat API: each function is a feature over the bundled knowledge base, loaded once on first use.

This module (and the command line) alone picks the process-wide knowledge base; every feature
below it takes a :class:`~ketref.kb.KnowledgeBase` explicitly, so the same call works on a pack
(``KnowledgeBase.from_paths(...)``): ``ketref.pathway("x")`` is
``ketref.pathways.api.pathway(ketref.knowledge_base(), "x")``.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING

from ketref import EXPORTS as _EXPORTS
from ketref.kb import EntityQuery, KnowledgeBase
from ketref.vocabulary import Direction, EntityKind, SourceTier, Status

if TYPE_CHECKING:  # result models are built when a feature first needs them, not at the first get
    from ketref.chem.rdkit_io import Mol
    from ketref.chem.relations import Composition
    from ketref.chem.stereoisomers import StereoisomerSet
    from ketref.chem.structure import Structure
    from ketref.models.claims import Claim
    from ketref.models.entities import Entity
    from ketref.models.readings import Reading
    from ketref.models.results import Conflict, EffectReport, EntityComparison, SearchResult
    from ketref.models.sources import Source
    from ketref.pathways.model import Pathway, PathwayDiff, View
    from ketref.profiles import Profile
    from ketref.queries.folds import DerivedFold
    from ketref.tables.model import Table

# The flat API's names are declared once, in ketref.EXPORTS (which also builds the lazy imports
# and the stub); this module's __all__ is read from there.
__all__ = list(_EXPORTS["ketref.api"])


_FIRST_LOAD = threading.Lock()


@cache
def knowledge_base() -> KnowledgeBase:
    """The bundled knowledge base, loaded and validated on the first call, then cached.

    The first load holds a lock, so however many threads ask first, one knowledge base is built.
    """
    with _FIRST_LOAD:
        return _load_once()


@cache
def _load_once() -> KnowledgeBase:
    return KnowledgeBase.bundled()


def get(query: EntityQuery, kind: EntityKind | str | None = None) -> Entity:
    """The entity for an id, name, synonym, brand, CURIE or InChIKey.

    Examples:
        >>> import ketref
        >>> ketref.get("(S)-ketamine") is ketref.get("esketamine") is ketref.get("S-ketamine")
        True
        >>> ketref.get("Spravato").kind.value
        'product'
    """
    return knowledge_base().get(query, kind)


def search(text: str, kind: EntityKind | str | None = None, limit: int = 10) -> tuple[SearchResult, ...]:
    """Entities ranked by how well they match ``text``, best first."""
    return knowledge_base().search(text, kind, limit)


def claims(
    subject: EntityQuery | None = None,
    predicate: str | None = None,
    object: EntityQuery | None = None,  # noqa: A002
    *,
    comparator: EntityQuery | None = None,
    direction: Direction | str | None = None,
    source: str | Source | None = None,
    status: Status | str | None = None,
    negated: bool | None = None,
    involving: EntityQuery | None = None,
    inherit: bool = False,
    min_tier: SourceTier | str | None = None,
) -> tuple[Reading, ...]:
    """Claims matching every filter given, each read from the asker's side; see
    :meth:`KnowledgeBase.claims`.

    Which compound has a lesser NMDA affinity than esketamine? The stored claim says
    esketamine's is greater than arketamine's; the answer is read the way the question was put,
    and ``claim`` is the claim as stored:

    Examples:
        >>> import ketref
        >>> [(r.subject, r.comparison.direction.value, r.comparison.comparator, r.claim.subject)
        ...  for r in ketref.claims(predicate="binds", object="NMDA receptor", comparator="esketamine",
        ...                         direction="lesser", source="benchchem-guide")]
        [('arketamine', 'lesser', 'esketamine', 'esketamine')]
    """
    return knowledge_base().claims(
        subject,
        predicate,
        object,
        comparator=comparator,
        direction=direction,
        source=source,
        status=status,
        negated=negated,
        involving=involving,
        inherit=inherit,
        min_tier=min_tier,
    )


def claim(claim_id: str) -> Claim:
    """The claim with this id."""
    return knowledge_base().claim(claim_id)


def compare(a: EntityQuery, b: EntityQuery) -> EntityComparison:
    """What is claimed of ``a`` and ``b``, topic by topic, direct comparisons first."""
    return knowledge_base().compare(a, b)


def sources() -> tuple[Source, ...]:
    """Every source: the five seed documents first, then the literature."""
    return knowledge_base().sources()


def source(source_id: str) -> Source:
    """The source with this id."""
    return knowledge_base().source(source_id)


def adverse_effects(subject: EntityQuery | None = None, *, inherit: bool = True) -> tuple[EffectReport, ...]:
    """Adverse effects with how many sources report each, how often and in what setting.

    Examples:
        >>> import ketref
        >>> top = ketref.adverse_effects()[0]
        >>> top.source_count >= 2
        True
    """
    return knowledge_base().adverse_effects(subject, inherit=inherit)


def pharmacokinetics(compound: EntityQuery) -> tuple[Claim, ...]:
    """Pharmacokinetic values for a compound, by parameter and route, every source's kept."""
    return knowledge_base().pharmacokinetics(compound)


def unique_claims(source: str | Source) -> tuple[Claim, ...]:
    """What one source claims that no other source claims."""
    return knowledge_base().unique_claims(source)


def affinity_folds() -> tuple[DerivedFold, ...]:
    """Fold differences derived from measured affinities, each checked against stated folds.

    Examples:
        >>> import ketref
        >>> nmda = next(f for f in ketref.affinity_folds()
        ...             if f.target == "nmda-receptor" and f.weaker == "arketamine")
        >>> nmda.stronger, nmda.weaker, round(nmda.fold, 2)
        ('esketamine', 'arketamine', 4.67)
    """
    return knowledge_base().affinity_folds()


def export(format: str = "json") -> str:  # noqa: A002 - the option's own word
    """The bundled knowledge base as ``json`` (data-file schema), ``jsonld`` or ``turtle`` text."""
    return knowledge_base().export(format)


def table(name: str, *, min_tier: SourceTier | str | None = None) -> Table:
    """A generated table: ``forms`` (the key differences between the forms), ``affinities``,
    ``routes``, ``pharmacokinetics``, ``adverse-effects``, ``regulatory`` or ``conflicts``.

    Examples:
        >>> import ketref
        >>> t = ketref.table("forms")
        >>> t.columns
        ('Topic', 'Racemic ketamine', 'Esketamine', 'Arketamine')
    """
    from ketref.tables.build import build_table

    return build_table(knowledge_base(), name, min_tier=min_tier)


def conflicts() -> tuple[Conflict, ...]:
    """Claims that disagree with each other, each side with its evidence."""
    return knowledge_base().conflicts()


# -- chemistry and pathways: the same functions of ketref.chem.api and ketref.pathways.api, bound to
# the bundled knowledge base (their docstrings and examples live there)


def structure(entity: EntityQuery) -> Structure:
    """What RDKit computes from an entity's recorded structure (see :func:`ketref.chem.api.structure`)."""
    from ketref.chem import api

    return api.structure(knowledge_base(), entity)


def identify(structure: str | Mol) -> Entity:
    """The entity a SMILES, InChI or molfile is, however it is drawn."""
    from ketref.chem import api

    return api.identify(knowledge_base(), structure)


def enantiomer(entity: EntityQuery) -> Entity:
    """The mirror-image entity (``ketref.enantiomer("esketamine")`` is arketamine)."""
    from ketref.chem import api

    return api.enantiomer(knowledge_base(), entity)


def composition(entity: EntityQuery) -> Composition:
    """The components of a compound with their mole fractions."""
    from ketref.chem import api

    return api.composition(knowledge_base(), entity)


def salt_mass_ratio(salt: EntityQuery) -> float:
    """A salt's molar mass over its free base's, both computed from structure."""
    from ketref.chem import api

    return api.salt_mass_ratio(knowledge_base(), salt)


def stereoisomers(entity: EntityQuery) -> StereoisomerSet:
    """Every stereoisomer of an entity's constitution, named where the knowledge base knows it."""
    from ketref.chem import api

    return api.stereoisomers(knowledge_base(), entity)


def depict(entity: EntityQuery, *, width: int = 360, height: int = 280) -> str:
    """An SVG of an entity's structure with wedge bonds and CIP labels, for teaching materials."""
    from ketref.chem import api

    return api.depict(knowledge_base(), entity, width=width, height=height)


def pathway(compound: EntityQuery, *, inherit: bool = False, view: View = "full") -> Pathway:
    """The mechanism steps claimed for a compound, as a graph with evidence on every edge;
    ``view="core"`` keeps the canonical cascade and the compound's own branches (for a slide).

    Examples:
        >>> import ketref
        >>> p = ketref.pathway("esketamine")
        >>> any(path.nodes[-1] == "mtor" for path in p.paths("nmda-receptor-blockade", "mtor"))
        True
        >>> len(ketref.pathway("esketamine", view="core").nodes) <= 13
        True
    """
    from ketref.pathways import api

    return api.pathway(knowledge_base(), compound, inherit=inherit, view=view)


def compare_pathways(
    a: EntityQuery, b: EntityQuery, *, inherit: bool = False, view: View = "full"
) -> PathwayDiff:
    """Two compounds' pathways: the steps both have (a step comparative claims compare counts as
    both, with a note saying which is stronger) and the steps only one has."""
    from ketref.pathways import api

    return api.compare_pathways(knowledge_base(), a, b, inherit=inherit, view=view)


def profile(entity: EntityQuery, min_tier: SourceTier | str | None = None) -> Profile:
    """The profile of an entity: fixed sections of graded statements (see :mod:`ketref.profiles`).

    Examples:
        >>> import ketref
        >>> [s.title for s in ketref.profile("esketamine").sections][:3]
        ['Identity and structure', 'Targets and affinities', 'Mechanism']
    """
    from ketref.profiles import profile as build

    return build(knowledge_base(), entity, min_tier=min_tier)


def cite(item: str | Source | Claim, style: str = "text") -> str:
    """A source, or every source of a claim, as ``text``, ``bibtex`` or ``csl-json``.

    Examples:
        >>> import ketref
        >>> ketref.cite("zanos-2018-pharmacol-rev")[:29]
        'Zanos P, Moaddel R, Morris PJ'
    """
    from ketref.citations import cite as build

    return build(knowledge_base(), item, style)
