"""Drawing a structure as SVG for teaching: wedge bonds and CIP labels at the stereocentres."""

from __future__ import annotations

from ketref.chem.rdkit_io import Mol, captured_log, to_mol
from ketref.errors import InvalidQueryError, QueryTypeError

__all__ = ["MAX_PIXELS", "MIN_PIXELS", "depict_svg"]

MIN_PIXELS = 50
"""The smallest width or height of a drawing."""

MAX_PIXELS = 4000
"""The largest width or height of a drawing."""


def depict_svg(structure: str | Mol, *, width: int = 360, height: int = 280, legend: str = "") -> str:
    """An SVG drawing of the structure, with wedged bonds and (R)/(S) labels."""
    from rdkit.Chem import rdCIPLabeler
    from rdkit.Chem.Draw import rdMolDraw2D

    for side, size in (("width", width), ("height", height)):
        if isinstance(size, bool) or not isinstance(size, int):
            raise QueryTypeError(f"{side} is a whole number of pixels, not {type(size).__name__}")
        if not MIN_PIXELS <= size <= MAX_PIXELS:
            raise InvalidQueryError(f"{side} is between {MIN_PIXELS} and {MAX_PIXELS} pixels, not {size}")
    if not isinstance(legend, str):
        raise QueryTypeError(f"a legend is text, not {type(legend).__name__}")
    mol = to_mol(structure)
    rdCIPLabeler.AssignCIPLabels(mol)
    # noFreetype: letters become <text> elements (searchable, accessible) rather than paths
    drawer = rdMolDraw2D.MolDraw2DSVG(width, height, -1, -1, True)
    drawer.drawOptions().addStereoAnnotation = True  # type: ignore[assignment]
    with captured_log():
        rdMolDraw2D.PrepareAndDrawMolecule(drawer, mol, legend=legend)
    drawer.FinishDrawing()
    return str(drawer.GetDrawingText())
