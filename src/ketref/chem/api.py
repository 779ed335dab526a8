"""Chemistry functions over a knowledge base (RDKit is imported on first call).

Each takes the knowledge base first, as every feature does; ``ketref.structure``,
``ketref.identify`` and the others in :mod:`ketref.api` bind the bundled one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ketref.chem import relations
from ketref.chem.depict import depict_svg
from ketref.chem.stereoisomers import StereoisomerSet, enumerate_stereoisomers
from ketref.chem.structure import Structure
from ketref.models.entities import Entity

if TYPE_CHECKING:
    from ketref.chem.rdkit_io import Mol
    from ketref.kb import EntityQuery, KnowledgeBase

__all__ = ["composition", "depict", "enantiomer", "identify", "salt_mass_ratio", "stereoisomers", "structure"]


def structure(kb: KnowledgeBase, entity: EntityQuery) -> Structure:
    """What RDKit computes from an entity's recorded structure.

    Examples:
        >>> import ketref
        >>> s = ketref.structure("esketamine")
        >>> s.formula, s.cip_labels, s.inchikey
        ('C13H16ClNO', ('S',), 'YQEZLKZALYSWHR-ZDUSSCGKSA-N')
        >>> round(s.average_mass.quantity.to("kg/mol").magnitude, 5)
        0.23773
    """
    return relations.structure_of(kb.get(entity))


def identify(kb: KnowledgeBase, structure: str | Mol) -> Entity:
    """The entity a SMILES, InChI or molfile is, however it is drawn.

    Examples:
        >>> import ketref
        >>> ketref.identify("C1C([C@@](c2c(cccc2)Cl)(CCC1)NC)=O").name  # esketamine, drawn another way
        'Esketamine'
        >>> ketref.identify("CNC1(CCCCC1=O)c1ccccc1Cl").name  # no stereo mark: the racemate
        'Racemic ketamine'
    """
    return relations.identify(kb, structure)


def enantiomer(kb: KnowledgeBase, entity: EntityQuery) -> Entity:
    """The mirror-image entity (``ketref.enantiomer("esketamine")`` is arketamine)."""
    return relations.enantiomer(kb, kb.get(entity))


def composition(kb: KnowledgeBase, entity: EntityQuery) -> relations.Composition:
    """The components of a compound with their mole fractions: a racemate is half of each enantiomer.

    Examples:
        >>> import ketref
        >>> [(p.entity, p.fraction) for p in ketref.composition("racemic ketamine").parts]
        [('esketamine', 0.5), ('arketamine', 0.5)]
    """
    return relations.composition(kb, kb.get(entity))


def salt_mass_ratio(kb: KnowledgeBase, salt: EntityQuery) -> float:
    """A salt's molar mass over its free base's, both computed from structure."""
    return relations.salt_mass_ratio(kb, kb.get(salt))


def stereoisomers(kb: KnowledgeBase, entity: EntityQuery) -> StereoisomerSet:
    """Every stereoisomer of an entity's constitution, named where the knowledge base knows it."""
    return enumerate_stereoisomers(kb, relations.structure_of(kb.get(entity)).canonical_smiles)


def depict(kb: KnowledgeBase, entity: EntityQuery, *, width: int = 360, height: int = 280) -> str:
    """An SVG of an entity's structure with wedge bonds and CIP labels, for teaching materials."""
    found = kb.get(entity)
    return depict_svg(
        relations.structure_of(found).canonical_smiles, width=width, height=height, legend=found.name
    )
