"""Relations derived from structure: identity by InChIKey, mirror images, racemates, salts."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from ketref.chem.rdkit_io import Mol, to_mol
from ketref.chem.structure import Structure, compute_structure, inchikey_of, mirror
from ketref.errors import StructureError
from ketref.models._base import FrozenModel, Id
from ketref.models.entities import Compound, Entity, EntityBase, Salt
from ketref.vocabulary import StereoForm

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = [
    "Composition",
    "Part",
    "composition",
    "enantiomer",
    "identify",
    "salt_mass_ratio",
    "structure_of",
    "structures_by_inchikey",
]


def _smiles(entity: EntityBase) -> str:
    smiles = getattr(entity, "smiles", None)
    if not smiles:
        raise StructureError(f"{entity.id!r} has no recorded structure")
    return str(smiles)


@cache
def _computed(smiles: str) -> Structure:
    return compute_structure(smiles)


def structure_of(entity: EntityBase) -> Structure:
    """The computed structure of an entity that records a SMILES."""
    return _computed(_smiles(entity))


def structures_by_inchikey(kb: KnowledgeBase) -> Mapping[str, str]:
    """Computed standard InChIKey -> entity id, for every entity with a structure (kept by ``kb``;
    read-only, so no caller can change what :func:`identify` answers)."""
    return MappingProxyType(kb.computed_inchikeys)


def index_inchikeys(kb: KnowledgeBase) -> dict[str, str]:
    """Build the computed-InChIKey index of ``kb`` (see :func:`structures_by_inchikey`)."""
    table: dict[str, str] = {}
    for entity in kb.entities.values():
        if getattr(entity, "smiles", None):
            key = structure_of(entity).inchikey
            if key in table:
                raise StructureError(f"{entity.id!r} and {table[key]!r} have the same structure ({key})")
            table[key] = entity.id
    return table


def identify(kb: KnowledgeBase, structure: str | Mol) -> Entity:
    """The entity whose structure this is, drawn any valid way.

    A structure with no stereo marks at a stereocentre identifies as the racemate, since its
    standard InChIKey is the racemate's.

    Raises:
        ketref.StructureError: it does not parse, or no entity has this structure (the message
            and ``.inchikey`` give the computed InChIKey).
    """
    key = inchikey_of(to_mol(structure))
    found = structures_by_inchikey(kb).get(key)
    if found is None:
        shown = structure if isinstance(structure, str) else None
        raise StructureError(
            f"no entity in the knowledge base has this structure (InChIKey {key})",
            structure=shown,
            inchikey=key,
        )
    return kb.entities[found]


def enantiomer(kb: KnowledgeBase, entity: EntityBase) -> Entity:
    """The entity that is the mirror image of ``entity``.

    Raises:
        ketref.StructureError: the entity has no structure, is its own mirror image (achiral,
            or a racemate), or its mirror image is not in the knowledge base.
    """
    from rdkit import Chem

    own = structure_of(entity)
    image = mirror(to_mol(own.canonical_smiles))
    key = inchikey_of(image)
    if key == own.inchikey:
        raise StructureError(f"{entity.id!r} is its own mirror image: it has no enantiomer", inchikey=key)
    found = structures_by_inchikey(kb).get(key)
    if found is None:
        raise StructureError(
            f"the mirror image of {entity.id!r} ({Chem.MolToSmiles(image)}) is not in the knowledge base",
            inchikey=key,
        )
    return kb.entities[found]


class Part(FrozenModel):
    """One component of a compound and its mole fraction."""

    entity: Id
    name: str
    fraction: float


class Composition(FrozenModel):
    """What a compound is made of: a racemate is a 1:1 mixture of its two enantiomers."""

    entity: Id
    parts: tuple[Part, ...]


def composition(kb: KnowledgeBase, entity: EntityBase) -> Composition:
    """The components of a compound with their mole fractions (itself, whole, if not a mixture)."""
    ids = (
        entity.components
        if isinstance(entity, Compound) and entity.stereo_form is StereoForm.RACEMATE
        else (entity.id,)
    )
    parts = tuple(Part(entity=i, name=kb.entities[i].name, fraction=1 / len(ids)) for i in ids)
    return Composition(entity=entity.id, parts=parts)


def salt_mass_ratio(kb: KnowledgeBase, salt: EntityBase) -> float:
    """Average molar mass of a salt over that of its free base (e.g. 1.153 for ketamine HCl)."""
    if not isinstance(salt, Salt):
        raise StructureError(f"{salt.id!r} is not a salt")
    parent = kb.entities[salt.parent]
    return structure_of(salt).average_mass.low / structure_of(parent).average_mass.low
