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
from typing import Any

import ketref.errors as _errors

__version__ = "0.1.0"

DISCLAIMER = "ketref is an educational reference, not clinical guidance."
"""Shown by the CLI and the docs: nothing in ketref is advice on treating anyone."""

EXPORTS: dict[str, tuple[str, ...]] = {
    "ketref.errors": (
        "DataError",
        "InvalidQueryError",
        "KetrefError",
        "MissingDependencyError",
        "QueryTypeError",
        "RenderError",
        "StructureError",
        "UnitDataError",
        "UnitError",
        "UnknownClaimError",
        "UnknownEntityError",
        "UnknownNameError",
        "UnknownSourceError",
        "UnknownTermError",
    ),
    "ketref.api": (
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
    ),
    "ketref.chem.structure": ("Structure",),
    "ketref.chem.stereoisomers": ("StereoisomerSet",),
    "ketref.models.claims": (
        "Claim",
        "Comparison",
        "Context",
    ),
    "ketref.models.entities": (
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
    ),
    "ketref.models.evidence": ("Evidence",),
    "ketref.kb": ("KnowledgeBase",),
    "ketref.pathways.model": (
        "Pathway",
        "PathwayDiff",
    ),
    "ketref.queries.inheritance": ("InheritedClaim",),
    "ketref.models.readings": ("Reading",),
    "ketref.models.results": (
        "ComparisonRow",
        "Conflict",
        "EffectReport",
        "EntityComparison",
        "SearchResult",
    ),
    "ketref.models.sources": ("Source",),
    "ketref.grades": ("Grade",),
    "ketref.profiles": (
        "Profile",
        "Section",
    ),
    "ketref.statements": (
        "Citation",
        "Statement",
    ),
    "ketref.models.values": ("Value",),
    "ketref.vocabulary": (
        "Aspect",
        "Direction",
        "EntityKind",
        "PREDICATES",
        "Predicate",
        "SourceTier",
        "Status",
        "StereoForm",
    ),
}
"""Every public name, by the module that defines it: the one list. ``__all__`` and the lazy
imports below are derived from it, and ``__init__.pyi`` (what type checkers read) is generated
from it by ``python -m ketref._stub``; a test fails when the stub is stale."""

_LAZY: dict[str, str] = {
    name: module for module, names in EXPORTS.items() if module != "ketref.errors" for name in names
}

globals().update({name: getattr(_errors, name) for name in EXPORTS["ketref.errors"]})  # light: eager

__all__ = sorted(["DISCLAIMER", "__version__", *(name for names in EXPORTS.values() for name in names)])


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ketref' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
