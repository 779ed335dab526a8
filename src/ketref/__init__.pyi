"""Generated from ketref.EXPORTS by ``python -m ketref._stub``; do not edit."""

from typing import Any

from ketref.api import (
    adverse_effects as adverse_effects,
    affinity_folds as affinity_folds,
    cite as cite,
    claim as claim,
    claims as claims,
    compare as compare,
    compare_pathways as compare_pathways,
    composition as composition,
    conflicts as conflicts,
    depict as depict,
    enantiomer as enantiomer,
    export as export,
    get as get,
    identify as identify,
    knowledge_base as knowledge_base,
    pathway as pathway,
    pharmacokinetics as pharmacokinetics,
    profile as profile,
    salt_mass_ratio as salt_mass_ratio,
    search as search,
    source as source,
    sources as sources,
    stereoisomers as stereoisomers,
    structure as structure,
    table as table,
    unique_claims as unique_claims,
)
from ketref.chem.stereoisomers import (
    StereoisomerSet as StereoisomerSet,
)
from ketref.chem.structure import (
    Structure as Structure,
)
from ketref.errors import (
    DataError as DataError,
    InvalidQueryError as InvalidQueryError,
    KetrefError as KetrefError,
    MissingDependencyError as MissingDependencyError,
    QueryTypeError as QueryTypeError,
    RenderError as RenderError,
    StructureError as StructureError,
    UnitError as UnitError,
    UnknownClaimError as UnknownClaimError,
    UnknownEntityError as UnknownEntityError,
    UnknownNameError as UnknownNameError,
    UnknownSourceError as UnknownSourceError,
    UnknownTermError as UnknownTermError,
)
from ketref.grades import (
    Grade as Grade,
)
from ketref.kb import (
    KnowledgeBase as KnowledgeBase,
)
from ketref.models.claims import (
    Claim as Claim,
    Comparison as Comparison,
    Context as Context,
)
from ketref.models.entities import (
    CellType as CellType,
    Compound as Compound,
    Condition as Condition,
    Effect as Effect,
    Entity as Entity,
    Molecule as Molecule,
    Parameter as Parameter,
    Population as Population,
    Process as Process,
    Product as Product,
    Protocol as Protocol,
    Route as Route,
    Salt as Salt,
    Target as Target,
    Therapy as Therapy,
    Xref as Xref,
)
from ketref.models.evidence import (
    Evidence as Evidence,
)
from ketref.models.readings import (
    Reading as Reading,
)
from ketref.models.results import (
    ComparisonRow as ComparisonRow,
    Conflict as Conflict,
    EffectReport as EffectReport,
    EntityComparison as EntityComparison,
    SearchResult as SearchResult,
)
from ketref.models.sources import (
    Source as Source,
)
from ketref.models.values import (
    Value as Value,
)
from ketref.pathways.model import (
    Pathway as Pathway,
    PathwayDiff as PathwayDiff,
)
from ketref.profiles import (
    Profile as Profile,
    Section as Section,
)
from ketref.queries.inheritance import (
    InheritedClaim as InheritedClaim,
)
from ketref.statements import (
    Citation as Citation,
    Statement as Statement,
)
from ketref.vocabulary import (
    Aspect as Aspect,
    Direction as Direction,
    EntityKind as EntityKind,
    PREDICATES as PREDICATES,
    Predicate as Predicate,
    SourceTier as SourceTier,
    Status as Status,
    StereoForm as StereoForm,
)

__version__: str
DISCLAIMER: str
EXPORTS: dict[str, tuple[str, ...]]
__all__: list[str] = ["Aspect", "CellType", "Citation", "Claim", "Comparison", "ComparisonRow", "Compound", "Condition", "Conflict", "Context", "DISCLAIMER", "DataError", "Direction", "Effect", "EffectReport", "Entity", "EntityComparison", "EntityKind", "Evidence", "Grade", "InheritedClaim", "InvalidQueryError", "KetrefError", "KnowledgeBase", "MissingDependencyError", "Molecule", "PREDICATES", "Parameter", "Pathway", "PathwayDiff", "Population", "Predicate", "Process", "Product", "Profile", "Protocol", "QueryTypeError", "Reading", "RenderError", "Route", "Salt", "SearchResult", "Section", "Source", "SourceTier", "Statement", "Status", "StereoForm", "StereoisomerSet", "Structure", "StructureError", "Target", "Therapy", "UnitError", "UnknownClaimError", "UnknownEntityError", "UnknownNameError", "UnknownSourceError", "UnknownTermError", "Value", "Xref", "__version__", "adverse_effects", "affinity_folds", "cite", "claim", "claims", "compare", "compare_pathways", "composition", "conflicts", "depict", "enantiomer", "export", "get", "identify", "knowledge_base", "pathway", "pharmacokinetics", "profile", "salt_mass_ratio", "search", "source", "sources", "stereoisomers", "structure", "table", "unique_claims"]

def __getattr__(name: str) -> Any: ...
def __dir__() -> list[str]: ...
