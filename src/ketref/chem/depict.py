"""Drawing a structure as SVG for teaching: wedge bonds and CIP labels at the stereocentres."""

from __future__ import annotations

from ketref.chem.rdkit_io import Mol, captured_stderr, to_mol

__all__ = ["depict_svg"]


def depict_svg(structure: str | Mol, *, width: int = 360, height: int = 280, legend: str = "") -> str:
    """An SVG drawing of the structure, with wedged bonds and (R)/(S) labels."""
    from rdkit.Chem import rdCIPLabeler
    from rdkit.Chem.Draw import rdMolDraw2D

    mol = to_mol(structure)
    rdCIPLabeler.AssignCIPLabels(mol)
    # noFreetype: letters become <text> elements (searchable, accessible) rather than paths
    drawer = rdMolDraw2D.MolDraw2DSVG(width, height, -1, -1, True)
    drawer.drawOptions().addStereoAnnotation = True  # type: ignore[assignment]
    with captured_stderr():
        rdMolDraw2D.PrepareAndDrawMolecule(drawer, mol, legend=legend)
    drawer.FinishDrawing()
    return str(drawer.GetDrawingText())
