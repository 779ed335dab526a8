"""Enumerating the stereoisomers of a structure, named from the knowledge base where possible."""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING, Literal

from ketref.chem.rdkit_io import to_mol
from ketref.chem.relations import structures_by_inchikey
from ketref.chem.structure import compute_structure, stereocenters
from ketref.models._base import FrozenModel

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = [
    "MAX_STEREOISOMERS",
    "Stereoisomer",
    "StereoisomerPair",
    "StereoisomerSet",
    "enumerate_stereoisomers",
]

MAX_STEREOISOMERS = 64


class Stereoisomer(FrozenModel):
    """One stereoisomer: its SMILES, InChIKey, CIP labels, and the entity it is, if known."""

    smiles: str
    inchikey: str
    labels: tuple[str | None, ...]
    entity: str | None


class StereoisomerPair(FrozenModel):
    """How two stereoisomers (by index in the set) relate."""

    a: int
    b: int
    relation: Literal["enantiomers", "diastereomers"]


class StereoisomerSet(FrozenModel):
    """All stereoisomers of a constitution, and every pair's relation."""

    isomers: tuple[Stereoisomer, ...]
    pairs: tuple[StereoisomerPair, ...]


def enumerate_stereoisomers(kb: KnowledgeBase, smiles: str) -> StereoisomerSet:
    """Every stereoisomer of the constitution of ``smiles`` (its own stereo marks ignored)."""
    from rdkit import Chem
    from rdkit.Chem.EnumerateStereoisomers import EnumerateStereoisomers, StereoEnumerationOptions

    flat = to_mol(smiles)
    Chem.RemoveStereochemistry(flat)
    options = StereoEnumerationOptions(onlyUnassigned=True, unique=True, maxIsomers=MAX_STEREOISOMERS)
    known = structures_by_inchikey(kb)
    # Labels are read on the enumerated molecules, whose atoms keep the input's order, so the
    # n-th label of every isomer belongs to the same atom.
    found = [
        (tuple(c.label for c in stereocenters(m)), compute_structure(Chem.MolToSmiles(m)))
        for m in EnumerateStereoisomers(flat, options=options)
    ]
    found.sort(key=lambda pair: (tuple(label or "" for label in pair[0]), pair[1].canonical_smiles))
    labels = [pair[0] for pair in found]
    computed = [pair[1] for pair in found]
    index = {c.canonical_smiles: n for n, c in enumerate(computed)}
    pairs = tuple(
        StereoisomerPair(
            a=a,
            b=b,
            relation="enantiomers" if index.get(computed[a].mirror_smiles) == b else "diastereomers",
        )
        for a, b in combinations(range(len(computed)), 2)
    )
    isomers = tuple(
        Stereoisomer(smiles=c.canonical_smiles, inchikey=c.inchikey, labels=lab, entity=known.get(c.inchikey))
        for lab, c in zip(labels, computed, strict=True)
    )
    return StereoisomerSet(isomers=isomers, pairs=pairs)
