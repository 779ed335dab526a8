"""ketref: a typed, offline reference of pharmacology concepts around ketamine.

ketref is an educational reference, not clinical guidance.

Nothing heavy happens at import: the knowledge base is read and validated on the first
lookup, and pydantic models, RDKit and pint are imported only by the code that needs them.

>>> import ketref
>>> ketref.get("S-ketamine").name
'Esketamine'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ketref.errors import (
    DataError,
    InvalidQueryError,
    KetrefError,
    MissingDependencyError,
    QueryTypeError,
    RenderError,
    StructureError,
    UnitError,
    UnknownClaimError,
    UnknownEntityError,
    UnknownNameError,
    UnknownSourceError,
    UnknownTermError,
)

if TYPE_CHECKING:
    from ketref.api import (
        adverse_effects,
        affinity_folds,
        cite,
        claim,
        claims,
        compare,
        compare_pathways,
        composition,
        conflicts,
        depict,
        enantiomer,
        export,
        get,
        identify,
        knowledge_base,
        pathway,
        pharmacokinetics,
        profile,
        salt_mass_ratio,
        search,
        source,
        sources,
        stereoisomers,
        structure,
        table,
        unique_claims,
    )
    from ketref.chem.stereoisomers import StereoisomerSet
    from ketref.chem.structure import Structure
    from ketref.grades import Grade
    from ketref.kb import KnowledgeBase
    from ketref.models.claims import Claim, Comparison, Context
    from ketref.models.entities import (
        CellType,
        Compound,
        Condition,
        Effect,
        Entity,
        Molecule,
        Parameter,
        Population,
        Process,
        Product,
        Protocol,
        Route,
        Salt,
        Target,
        Therapy,
        Xref,
    )
    from ketref.models.evidence import Evidence
    from ketref.models.results import ComparisonRow, Conflict, EffectReport, EntityComparison, SearchResult
    from ketref.models.sources import Source
    from ketref.models.values import Value
    from ketref.pathways.model import Pathway, PathwayDiff
    from ketref.profiles import Profile, Section
    from ketref.queries.inheritance import InheritedClaim
    from ketref.statements import Citation, Statement
    from ketref.vocabulary import (
        PREDICATES,
        Aspect,
        Direction,
        EntityKind,
        Predicate,
        SourceTier,
        Status,
        StereoForm,
    )

__version__ = "0.1.0"

DISCLAIMER = "ketref is an educational reference, not clinical guidance."
"""Shown by the CLI and the docs: nothing in ketref is advice on treating anyone."""

_LAZY: dict[str, str] = {
    **dict.fromkeys(
        [
            "adverse_effects",
            "affinity_folds",
            "cite",
            "claim",
            "claims",
            "compare",
            "conflicts",
            "export",
            "get",
            "knowledge_base",
            "pharmacokinetics",
            "profile",
            "search",
            "source",
            "sources",
            "table",
            "unique_claims",
        ],
        "ketref.api",
    ),
    **dict.fromkeys(
        ["composition", "depict", "enantiomer", "identify", "salt_mass_ratio", "stereoisomers", "structure"],
        "ketref.api",
    ),
    "Structure": "ketref.chem.structure",
    "StereoisomerSet": "ketref.chem.stereoisomers",
    **dict.fromkeys(["Claim", "Comparison", "Context"], "ketref.models.claims"),
    **dict.fromkeys(
        [
            "CellType",
            "Compound",
            "Condition",
            "Effect",
            "Entity",
            "Molecule",
            "Parameter",
            "Population",
            "Process",
            "Product",
            "Protocol",
            "Route",
            "Salt",
            "Target",
            "Therapy",
            "Xref",
        ],
        "ketref.models.entities",
    ),
    "Evidence": "ketref.models.evidence",
    "KnowledgeBase": "ketref.kb",
    **dict.fromkeys(["compare_pathways", "pathway"], "ketref.api"),
    **dict.fromkeys(["Pathway", "PathwayDiff"], "ketref.pathways.model"),
    "InheritedClaim": "ketref.queries.inheritance",
    **dict.fromkeys(
        ["ComparisonRow", "Conflict", "EffectReport", "EntityComparison", "SearchResult"],
        "ketref.models.results",
    ),
    "Source": "ketref.models.sources",
    "Grade": "ketref.grades",
    **dict.fromkeys(["Profile", "Section"], "ketref.profiles"),
    **dict.fromkeys(["Citation", "Statement"], "ketref.statements"),
    "Value": "ketref.models.values",
    **dict.fromkeys(
        [
            "PREDICATES",
            "Aspect",
            "Direction",
            "EntityKind",
            "Predicate",
            "SourceTier",
            "Status",
            "StereoForm",
        ],
        "ketref.vocabulary",
    ),
}

__all__ = [
    "DISCLAIMER",
    "PREDICATES",
    "Aspect",
    "CellType",
    "Citation",
    "Claim",
    "Comparison",
    "ComparisonRow",
    "Compound",
    "Condition",
    "Conflict",
    "Context",
    "DataError",
    "Direction",
    "Effect",
    "EffectReport",
    "Entity",
    "EntityComparison",
    "EntityKind",
    "Evidence",
    "Grade",
    "InheritedClaim",
    "InvalidQueryError",
    "KetrefError",
    "KnowledgeBase",
    "MissingDependencyError",
    "Molecule",
    "Parameter",
    "Pathway",
    "PathwayDiff",
    "Population",
    "Predicate",
    "Process",
    "Product",
    "Profile",
    "Protocol",
    "QueryTypeError",
    "RenderError",
    "Route",
    "Salt",
    "SearchResult",
    "Section",
    "Source",
    "SourceTier",
    "Statement",
    "Status",
    "StereoForm",
    "StereoisomerSet",
    "Structure",
    "StructureError",
    "Target",
    "Therapy",
    "UnitError",
    "UnknownClaimError",
    "UnknownEntityError",
    "UnknownNameError",
    "UnknownSourceError",
    "UnknownTermError",
    "Value",
    "Xref",
    "__version__",
    "adverse_effects",
    "affinity_folds",
    "cite",
    "claim",
    "claims",
    "compare",
    "compare_pathways",
    "composition",
    "conflicts",
    "depict",
    "enantiomer",
    "export",
    "get",
    "identify",
    "knowledge_base",
    "pathway",
    "pharmacokinetics",
    "profile",
    "salt_mass_ratio",
    "search",
    "source",
    "sources",
    "stereoisomers",
    "structure",
    "table",
    "unique_claims",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ketref' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
