"""Generated from ketref.EXPORTS by ``python -m ketref._stub``; do not edit."""

from typing import Any

from ketref.api import adverse_effects as adverse_effects
from ketref.api import affinity_folds as affinity_folds
from ketref.api import cite as cite
from ketref.api import claim as claim
from ketref.api import claims as claims
from ketref.api import compare as compare
from ketref.api import compare_pathways as compare_pathways
from ketref.api import composition as composition
from ketref.api import conflicts as conflicts
from ketref.api import depict as depict
from ketref.api import enantiomer as enantiomer
from ketref.api import export as export
from ketref.api import get as get
from ketref.api import identify as identify
from ketref.api import knowledge_base as knowledge_base
from ketref.api import pathway as pathway
from ketref.api import pharmacokinetics as pharmacokinetics
from ketref.api import profile as profile
from ketref.api import salt_mass_ratio as salt_mass_ratio
from ketref.api import search as search
from ketref.api import source as source
from ketref.api import sources as sources
from ketref.api import stereoisomers as stereoisomers
from ketref.api import structure as structure
from ketref.api import table as table
from ketref.api import unique_claims as unique_claims
from ketref.chem.stereoisomers import StereoisomerSet as StereoisomerSet
from ketref.chem.structure import Structure as Structure
from ketref.errors import DataError as DataError
from ketref.errors import InvalidQueryError as InvalidQueryError
from ketref.errors import KetrefError as KetrefError
from ketref.errors import MissingDependencyError as MissingDependencyError
from ketref.errors import QueryTypeError as QueryTypeError
from ketref.errors import RenderError as RenderError
from ketref.errors import StructureError as StructureError
from ketref.errors import UnitDataError as UnitDataError
from ketref.errors import UnitError as UnitError
from ketref.errors import UnknownClaimError as UnknownClaimError
from ketref.errors import UnknownEntityError as UnknownEntityError
from ketref.errors import UnknownNameError as UnknownNameError
from ketref.errors import UnknownSourceError as UnknownSourceError
from ketref.errors import UnknownTermError as UnknownTermError
from ketref.grades import Grade as Grade
from ketref.kb import KnowledgeBase as KnowledgeBase
from ketref.models.claims import Claim as Claim
from ketref.models.claims import Comparison as Comparison
from ketref.models.claims import Context as Context
from ketref.models.entities import CellType as CellType
from ketref.models.entities import Compound as Compound
from ketref.models.entities import Condition as Condition
from ketref.models.entities import Effect as Effect
from ketref.models.entities import Entity as Entity
from ketref.models.entities import Molecule as Molecule
from ketref.models.entities import Parameter as Parameter
from ketref.models.entities import Population as Population
from ketref.models.entities import Process as Process
from ketref.models.entities import Product as Product
from ketref.models.entities import Protocol as Protocol
from ketref.models.entities import Route as Route
from ketref.models.entities import Salt as Salt
from ketref.models.entities import Target as Target
from ketref.models.entities import Therapy as Therapy
from ketref.models.entities import Xref as Xref
from ketref.models.evidence import Evidence as Evidence
from ketref.models.readings import Reading as Reading
from ketref.models.results import ComparisonRow as ComparisonRow
from ketref.models.results import Conflict as Conflict
from ketref.models.results import EffectReport as EffectReport
from ketref.models.results import EntityComparison as EntityComparison
from ketref.models.results import SearchResult as SearchResult
from ketref.models.sources import Source as Source
from ketref.models.values import Value as Value
from ketref.pathways.model import Pathway as Pathway
from ketref.pathways.model import PathwayDiff as PathwayDiff
from ketref.profiles import Profile as Profile
from ketref.profiles import Section as Section
from ketref.queries.inheritance import InheritedClaim as InheritedClaim
from ketref.statements import Citation as Citation
from ketref.statements import Statement as Statement
from ketref.vocabulary import PREDICATES as PREDICATES
from ketref.vocabulary import Aspect as Aspect
from ketref.vocabulary import Direction as Direction
from ketref.vocabulary import EntityKind as EntityKind
from ketref.vocabulary import Predicate as Predicate
from ketref.vocabulary import SourceTier as SourceTier
from ketref.vocabulary import Status as Status
from ketref.vocabulary import StereoForm as StereoForm

__version__: str
DISCLAIMER: str
EXPORTS: dict[str, tuple[str, ...]]
__all__: list[str]

def __getattr__(name: str) -> Any: ...
def __dir__() -> list[str]: ...
