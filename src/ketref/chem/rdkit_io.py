"""Turning text into RDKit molecules, with RDKit's own messages kept off the user's terminal.

RDKit writes parse errors straight to the process's standard error from C++. Every parse here
runs with file descriptor 2 redirected to a temporary file, so the messages can be read back
and given to the caller inside a :class:`ketref.StructureError` instead of leaking.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from typing import Any

from ketref.errors import QueryTypeError, StructureError

__all__ = ["Mol", "captured_stderr", "to_mol"]

Mol = Any
"""An ``rdkit.Chem.Mol`` (RDKit ships no type stubs)."""

_TIMESTAMP = re.compile(r"^\[\d\d:\d\d:\d\d\]\s*")
MAX_INPUT_CHARS = 100_000


@contextlib.contextmanager
def captured_stderr() -> Iterator[list[str]]:
    """Redirect fd 2 for the duration; afterwards the list holds what was written, line by line."""
    lines: list[str] = []
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile(mode="w+b") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield lines
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            text = sink.read().decode("utf-8", "replace")
            lines.extend(_TIMESTAMP.sub("", line) for line in text.splitlines() if line.strip())


def _reason(lines: list[str], fallback: str) -> str:
    meaningful = [line for line in lines if len(line.strip(" ~^:")) > 8 and line.strip() != "ERROR:"]
    return meaningful[-1] if meaningful else fallback


def structure_format(text: str) -> str:
    """Which format a structure text is in: ``"inchi"``, ``"molfile"`` or ``"smiles"``."""
    stripped = text.strip()
    if stripped.startswith("InChI="):
        return "inchi"
    if "M  END" in text or "V2000" in text or "V3000" in text:
        return "molfile"
    return "smiles"


def to_mol(structure: str | Mol) -> Mol:
    """An RDKit molecule from a SMILES, an InChI or a molfile (or a molecule, passed through).

    Raises:
        ketref.StructureError: the text does not parse, with RDKit's reason.
        ketref.QueryTypeError: the input is neither text nor a molecule.
    """
    from rdkit import Chem

    if isinstance(structure, Chem.Mol):
        return Chem.Mol(structure)
    if not isinstance(structure, str):
        raise QueryTypeError(
            f"a structure is a SMILES, InChI or molfile text, not {type(structure).__name__}"
        )
    if not structure.strip():
        raise StructureError("empty structure")
    if len(structure) > MAX_INPUT_CHARS:
        raise StructureError(f"structure text is {len(structure)} characters; the limit is {MAX_INPUT_CHARS}")
    if "\x00" in structure:
        raise StructureError("structure text contains a NUL character")
    kind = structure_format(structure)
    with captured_stderr() as log:
        if kind == "inchi":
            mol = Chem.MolFromInchi(structure.strip())
        elif kind == "molfile":
            mol = Chem.MolFromMolBlock(structure)
        else:
            mol = Chem.MolFromSmiles(structure.strip())
    if mol is None or mol.GetNumAtoms() == 0:
        reason = _reason(log, "RDKit could not read it" if mol is None else "no atoms")
        raise StructureError(f"not a valid {kind}: {reason}", structure=structure, reason=reason)
    return mol
