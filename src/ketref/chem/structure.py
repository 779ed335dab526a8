"""Facts computed from a structure: identifiers, formula, masses, stereocentres, mirror image.

Nothing here is typed in by hand: every field of :class:`Structure` is what RDKit computes
from the recorded isomeric SMILES.
"""

from __future__ import annotations

from typing import Literal

from ketref.chem.rdkit_io import Mol, captured_log, to_mol
from ketref.errors import StructureError
from ketref.models._base import FrozenModel
from ketref.models.values import Value

__all__ = ["Stereocenter", "Structure", "compute_structure", "inchikey_of", "mirror", "stereocenters"]


class Stereocenter(FrozenModel):
    """A tetrahedral stereocentre: its atom index, element and CIP label (``None`` if unassigned)."""

    atom: int
    element: str
    label: Literal["R", "S", "r", "s"] | None


class Structure(FrozenModel):
    """What RDKit computes from one structure.

    Masses are :class:`ketref.Value` objects in g/mol, so ``.average_mass.quantity`` is a pint
    quantity.
    """

    smiles: str
    canonical_smiles: str
    inchi: str
    inchikey: str
    formula: str
    average_mass: Value
    monoisotopic_mass: Value
    stereocenters: tuple[Stereocenter, ...]
    mirror_smiles: str

    @property
    def cip_labels(self) -> tuple[str | None, ...]:
        """The CIP label of each stereocentre, in atom order."""
        return tuple(c.label for c in self.stereocenters)

    @property
    def is_chiral(self) -> bool:
        """Whether the structure differs from its mirror image."""
        return self.canonical_smiles != self.mirror_smiles


def mirror(mol: Mol) -> Mol:
    """The mirror image: every tetrahedral centre inverted (double bonds keep their geometry)."""
    from rdkit import Chem

    image = Chem.Mol(mol)
    flip = {
        Chem.ChiralType.CHI_TETRAHEDRAL_CW: Chem.ChiralType.CHI_TETRAHEDRAL_CCW,
        Chem.ChiralType.CHI_TETRAHEDRAL_CCW: Chem.ChiralType.CHI_TETRAHEDRAL_CW,
    }
    for atom in image.GetAtoms():
        tag = atom.GetChiralTag()
        if tag in flip:
            atom.SetChiralTag(flip[tag])
    return image


def inchikey_of(structure: str | Mol) -> str:
    """The standard InChIKey of a structure."""
    from rdkit import Chem

    mol = to_mol(structure)
    with captured_log() as log:
        key = str(Chem.MolToInchiKey(mol))
    if not key:
        reason = next((line for line in reversed(log) if len(line.strip(" -")) > 8), "no reason given")
        raise StructureError(
            f"RDKit could not compute an InChIKey for this structure: {reason}",
            structure=structure if isinstance(structure, str) else None,
            reason=reason,
        )
    return key


def stereocenters(mol: Mol) -> tuple[Stereocenter, ...]:
    from rdkit import Chem
    from rdkit.Chem import rdCIPLabeler

    labelled = Chem.Mol(mol)
    rdCIPLabeler.AssignCIPLabels(labelled)
    centres = Chem.FindMolChiralCenters(labelled, includeUnassigned=True, useLegacyImplementation=False)
    out = []
    for index, _ in centres:
        atom = labelled.GetAtomWithIdx(index)
        label = atom.GetProp("_CIPCode") if atom.HasProp("_CIPCode") else None
        out.append(Stereocenter(atom=index, element=atom.GetSymbol(), label=label))
    return tuple(out)


def compute_structure(structure: str | Mol) -> Structure:
    """Every computed fact about a structure given as SMILES, InChI, molfile or molecule."""
    from rdkit import Chem
    from rdkit.Chem import Descriptors, rdMolDescriptors

    mol = to_mol(structure)
    with captured_log():
        inchi = Chem.MolToInchi(mol)
    inchikey = inchikey_of(mol)
    return Structure(
        smiles=structure if isinstance(structure, str) else Chem.MolToSmiles(mol),
        canonical_smiles=Chem.MolToSmiles(mol),
        inchi=inchi,
        inchikey=inchikey,
        formula=rdMolDescriptors.CalcMolFormula(mol),
        average_mass=Value(value=round(Descriptors.MolWt(mol), 4), unit="g/mol"),  # type: ignore[attr-defined]
        monoisotopic_mass=Value(value=round(Descriptors.ExactMolWt(mol), 6), unit="g/mol"),  # type: ignore[attr-defined]
        stereocenters=stereocenters(mol),
        mirror_smiles=Chem.MolToSmiles(mirror(mol)),
    )
