"""Entity models: the things claims are about.

Each kind of entity has its own model and its own data file (``data/<kind>s.toml``); they
share the fields of :class:`EntityBase`. Cross-references are CURIEs with bioregistry
prefixes, each with the evidence of where the identifier was read.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field, StringConstraints, field_validator, model_validator

from ketref.identifiers import PREFIXES, check_curie
from ketref.models._base import FrozenModel, Id, Text
from ketref.models.evidence import Evidence
from ketref.models.values import Value
from ketref.vocabulary import EffectType, EntityKind, ParameterCategory, StereoForm, TargetClass

__all__ = [
    "CURIE_PREFIXES",
    "CellType",
    "Compound",
    "Condition",
    "Effect",
    "Entity",
    "EntityBase",
    "Molecule",
    "OpticalRotation",
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
]

CURIE_PREFIXES: frozenset[str] = frozenset(PREFIXES)
"""The bioregistry prefixes that cross-references may use (the committed prefix map's,
:mod:`ketref.identifiers`)."""

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class Xref(FrozenModel):
    """A cross-reference to an identifier in another resource, with where it was read.

    ``curie`` uses the bioregistry prefix (``pubchem.compound:3821``, ``chebi:6121``), and its
    local identifier must match the registry's pattern (:mod:`ketref.identifiers`).
    """

    curie: str
    evidence: Evidence

    @field_validator("curie")
    @classmethod
    def _check_curie(cls, curie: str) -> str:
        return check_curie(curie)

    @property
    def prefix(self) -> str:
        """The bioregistry prefix."""
        return self.curie.split(":", 1)[0]

    @property
    def local_id(self) -> str:
        """The identifier within its resource."""
        return self.curie.split(":", 1)[1]


class EntityBase(FrozenModel):
    """Fields shared by every kind of entity."""

    id: Id
    name: Name
    synonyms: tuple[Name, ...] = ()
    description: Text = Field(description="One line in the project's own words.")
    xrefs: tuple[Xref, ...] = ()
    note: Text | None = None

    @field_validator("description")
    @classmethod
    def _one_line(cls, description: str) -> str:
        if "\n" in description:
            raise ValueError("a description is one line")
        return description

    @model_validator(mode="after")
    def _unique_names(self) -> EntityBase:
        names = [self.name, *self.synonyms]
        if len(set(names)) != len(names):
            raise ValueError("a synonym repeats the name or another synonym")
        curies = [x.curie for x in self.xrefs]
        if len(set(curies)) != len(curies):
            raise ValueError("a cross-reference is listed twice")
        return self

    @property
    def names(self) -> tuple[str, ...]:
        """The display name followed by every synonym."""
        return (self.name, *self.synonyms)

    def xref(self, prefix: str) -> tuple[str, ...]:
        """The local identifiers this entity has under a bioregistry ``prefix``."""
        return tuple(x.local_id for x in self.xrefs if x.prefix == prefix)


class OpticalRotation(FrozenModel):
    """An optical rotation a source states, with its conditions: sourced data, never used to
    assign configuration (sources disagree on the sign for esketamine and its salts).

    ``sign`` is the direction of rotation; ``value`` the number with its unit (degrees) where
    one is given; ``measure`` says whether it is a specific rotation or an observed angle.
    """

    sign: Literal["+", "-", "0"]
    value: Value | None = None
    measure: Literal["specific rotation", "observed angle", "sign only"] = "sign only"
    conditions: Text | None = None
    evidence: Evidence


class StructureRecord(EntityBase):
    """Fields shared by entities with a structure: an isomeric SMILES and stated rotations."""

    smiles: str | None = None
    optical_rotations: tuple[OpticalRotation, ...] = ()


class Compound(StructureRecord):
    """A compound in a stated stereochemical form.

    ``components`` lists, for a racemate, the enantiomers it is a 1:1 mixture of.
    ``form_of`` names, for a racemate or an enantiomer, the form-unspecified compound it is a
    form of, whose claims it may inherit (see docs/status.md).
    ``smiles`` is an isomeric SMILES where the structure is recorded. A form-unspecified
    compound may carry a SMILES without stereo marks when its source draws it so.
    """

    kind: Literal[EntityKind.COMPOUND] = EntityKind.COMPOUND
    stereo_form: StereoForm
    components: tuple[Id, ...] = ()
    form_of: Id | None = None

    @model_validator(mode="after")
    def _components_fit_form(self) -> Compound:
        if self.stereo_form is StereoForm.RACEMATE and len(self.components) != 2:
            raise ValueError("a racemate lists its two enantiomers in 'components'")
        if self.stereo_form is not StereoForm.RACEMATE and self.components:
            raise ValueError("only a racemate has 'components'")
        if self.form_of is not None and self.stereo_form not in (StereoForm.RACEMATE, StereoForm.ENANTIOMER):
            raise ValueError("only a racemate or an enantiomer is a form of another compound")
        return self


class Salt(StructureRecord):
    """A salt of a compound (the parent is the free base in the same stereo form)."""

    kind: Literal[EntityKind.SALT] = EntityKind.SALT
    parent: Id
    counterion: Name


class Target(EntityBase):
    """A molecular target: receptor, ion channel, transporter, enzyme or signalling protein."""

    kind: Literal[EntityKind.TARGET] = EntityKind.TARGET
    target_class: TargetClass


class Molecule(EntityBase):
    """An endogenous molecule such as a neurotransmitter or a growth factor."""

    kind: Literal[EntityKind.MOLECULE] = EntityKind.MOLECULE


class CellType(EntityBase):
    """A population of cells, such as GABAergic interneurons."""

    kind: Literal[EntityKind.CELL_TYPE] = EntityKind.CELL_TYPE


class Process(EntityBase):
    """A biological process, such as synaptogenesis or a surge of glutamate release.

    ``blockade_of`` names the target when the process is that target's blockade (NMDA
    receptor blockade): pathways continue from it after an antagonist step.
    """

    kind: Literal[EntityKind.PROCESS] = EntityKind.PROCESS
    blockade_of: Id | None = None


class Effect(EntityBase):
    """A clinical or pharmacological effect, wanted or adverse."""

    kind: Literal[EntityKind.EFFECT] = EntityKind.EFFECT
    effect_type: EffectType


class Route(EntityBase):
    """A route of administration."""

    kind: Literal[EntityKind.ROUTE] = EntityKind.ROUTE


class Product(EntityBase):
    """A marketed medicinal product (a brand)."""

    kind: Literal[EntityKind.PRODUCT] = EntityKind.PRODUCT
    dosage_form: Name | None = None


class Condition(EntityBase):
    """A medical condition or indication."""

    kind: Literal[EntityKind.CONDITION] = EntityKind.CONDITION


class Therapy(EntityBase):
    """A treatment other than ketamine: a psychotherapy, a drug class, a device-based therapy."""

    kind: Literal[EntityKind.THERAPY] = EntityKind.THERAPY


class Protocol(EntityBase):
    """A way of scheduling treatment (an induction series, boosters, tapering)."""

    kind: Literal[EntityKind.PROTOCOL] = EntityKind.PROTOCOL


class Parameter(EntityBase):
    """A measured property of a compound (bioavailability, elimination half-life, pKa...); values
    are claims."""

    kind: Literal[EntityKind.PARAMETER] = EntityKind.PARAMETER
    category: ParameterCategory = Field(
        default=ParameterCategory.PHARMACOKINETIC,
        description=(
            "pharmacokinetic (the drug's fate in the body: bioavailability, half-life...) or "
            "physicochemical (the substance itself: pKa, melting point, solubility)."
        ),
    )


class Population(EntityBase):
    """A group of people that figures are given for (people worldwide, adults aged 18 to 34)."""

    kind: Literal[EntityKind.POPULATION] = EntityKind.POPULATION


Entity = (
    Compound
    | Salt
    | Target
    | Molecule
    | CellType
    | Process
    | Effect
    | Route
    | Product
    | Condition
    | Therapy
    | Protocol
    | Population
    | Parameter
)
"""Any entity."""

ENTITY_MODELS: dict[EntityKind, type[EntityBase]] = {
    model.model_fields["kind"].default: model for model in get_args(Entity)
}
"""The model of each kind of entity, read from the :data:`Entity` union (the one list of kinds:
a new kind is its class, its place in the union, and its data file)."""
