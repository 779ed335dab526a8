"""Turning text into RDKit molecules, within bounds, with RDKit's messages captured per thread.

RDKit reports parse errors through its own logging. ketref routes that logging to Python's
``logging`` (``rdkit.rdBase.LogToPythonLogger``, once, under a lock) and captures the records of
the calling thread with a filter on the ``rdkit`` logger: no file descriptor is redirected, so
threads neither lose standard error nor take each other's messages, and a process without a
standard error works too. Messages logged outside ketref's calls pass through as before.

A structure is bounded before RDKit's algorithms see it (see :mod:`ketref.limits`): its text
length, its atom count and the size of the rings its SMILES closes, so no input can make RDKit
allocate without limit (a 20,000-atom aromatic ring used to take tens of GB).
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ketref import limits
from ketref.errors import QueryTypeError, StructureError

if TYPE_CHECKING:
    from rdkit.Chem.rdchem import Mol
else:
    Mol = Any

__all__ = ["MAX_INPUT_CHARS", "Mol", "captured_log", "check_bounds", "to_mol"]

MAX_INPUT_CHARS = limits.MAX_STRUCTURE_CHARS
"""The longest structure text handed to RDKit (kept here for older imports)."""

_TIMESTAMP = re.compile(r"^\[\d\d:\d\d:\d\d\]\s*")
_local = threading.local()
_setup_lock = threading.Lock()
_set_up: list[bool] = []


class _ThreadSink(logging.Filter):
    """Takes the RDKit records of a thread that is inside :func:`captured_log`."""

    def filter(self, record: logging.LogRecord) -> bool:
        sink: list[str] | None = getattr(_local, "sink", None)
        if sink is None:
            return True  # not ketref's call: let it through as RDKit would
        sink.extend(line for line in record.getMessage().splitlines() if line.strip())
        return False


def _route_rdkit_logging() -> None:
    if _set_up:
        return
    with _setup_lock:
        if not _set_up:
            from rdkit import rdBase

            rdBase.LogToPythonLogger()
            logging.getLogger("rdkit").addFilter(_ThreadSink())
            _set_up.append(True)


@contextlib.contextmanager
def captured_log() -> Iterator[list[str]]:
    """RDKit's messages from this thread for the duration, line by line, timestamps removed."""
    _route_rdkit_logging()
    outer: list[str] | None = getattr(_local, "sink", None)
    lines: list[str] = []
    _local.sink = lines
    try:
        yield lines
    finally:
        _local.sink = outer
        lines[:] = [_TIMESTAMP.sub("", line) for line in lines]
        if outer is not None:
            outer.extend(lines)


captured_stderr = captured_log
"""The old name of :func:`captured_log` (nothing is redirected any more)."""


def _reason(lines: list[str], fallback: str) -> str:
    meaningful = [
        line
        for line in lines
        if len(line.strip(" ~^:-")) > 8 and line.strip() != "ERROR:" and not set(line.strip()) <= {"-", "="}
    ]
    return meaningful[-1] if meaningful else fallback


def structure_format(text: str) -> str:
    """Which format a structure text is in: ``"inchi"``, ``"molfile"`` or ``"smiles"``."""
    stripped = text.strip()
    if stripped.startswith("InChI="):
        return "inchi"
    if "M  END" in text or "V2000" in text or "V3000" in text:
        return "molfile"
    return "smiles"


# a bracket atom holds no "[": a run of unclosed "[" is then read in linear time (the pattern
# without it scanned to the end from each "[", 12 s for 50,000 of them, found by the fuzz tests)
_SMILES_TOKEN = re.compile(r"\[[^\][]*\]|Br|Cl|[BCNOPSFI]|[bcnops]|\*|%\d\d|\d|[()]|\.")
_BRACKET = re.compile(r"^\[\d*(?:[A-Z][a-z]?|[a-z]{1,2}|\*)(?P<rest>.*)\]$", re.S)
_BRACKET_H = re.compile(r"H(\d{0,6})")
_INCHI_FORMULA = re.compile(r"([A-Z][a-z]?)(\d*)")


def _smiles_bounds(smiles: str) -> tuple[int, int]:
    """(atoms including explicit and bracket hydrogens, the largest ring a closure makes).

    The ring a closure makes is measured along the SMILES tree (branches do not count), which is
    the size of that ring; it is computed with parent links, bounded by the atom count.
    """
    parent: list[int] = []
    depth: list[int] = []
    atoms = 0
    previous = -1
    branches: list[int] = []
    open_rings: dict[str, int] = {}
    largest = 0
    for token in _SMILES_TOKEN.findall(smiles):
        if token == "(":
            branches.append(previous)
        elif token == ")":
            previous = branches.pop() if branches else previous
        elif token == ".":
            previous = -1
        elif token[0].isdigit() or token[0] == "%":
            if previous < 0:
                continue
            start = open_rings.pop(token, None)
            if start is None:
                open_rings[token] = previous
            else:
                largest = max(largest, _tree_distance(start, previous, parent, depth) + 1)
        else:
            index = len(parent)
            parent.append(previous)
            depth.append(depth[previous] + 1 if previous >= 0 else 0)
            atoms += 1
            if token.startswith("["):
                atoms += _bracket_hydrogens(token)
            if atoms > limits.MAX_ATOMS:
                return atoms, largest
            previous = index
    return atoms, largest


def _bracket_hydrogens(token: str) -> int:
    """The hydrogens a bracket atom such as ``[C@@H]`` or ``[NH3+]`` carries."""
    match = _BRACKET.match(token)
    found = _BRACKET_H.search(match["rest"]) if match else None
    return int(found[1] or 1) if found else 0


def _tree_distance(a: int, b: int, parent: list[int], depth: list[int]) -> int:
    steps = 0
    while a != b and a >= 0 and b >= 0:
        if depth[a] >= depth[b]:
            a = parent[a]
        else:
            b = parent[b]
        steps += 1
    return steps


def _inchi_atoms(inchi: str) -> int:
    layers = inchi.split("/")
    formula = layers[1] if len(layers) > 1 else ""
    total = 0
    for part in formula.split("."):
        multiplier = re.match(r"\d+", part)
        elements = _INCHI_FORMULA.findall(part[multiplier.end() if multiplier else 0 :])
        count = sum(int(n[:6] or 1) for _, n in elements)
        total += count * (int(multiplier[0]) if multiplier else 1)
    return total


def _molfile_atoms(block: str) -> int:
    lines = block.splitlines()
    v3000 = re.search(r"M  V30 COUNTS (\d+)", block)
    if v3000:
        return int(v3000[1])
    if len(lines) > 3 and lines[3][:3].strip().isdigit():
        return int(lines[3][:3])
    return 0


def check_bounds(text: str, kind: str) -> None:
    """Refuse a structure too large for RDKit to handle in bounded time and memory.

    Raises:
        ketref.StructureError: more atoms than :data:`~ketref.limits.MAX_ATOMS`, or (SMILES) a
            ring larger than :data:`~ketref.limits.MAX_RING_SIZE`.
    """
    if kind == "smiles":
        atoms, ring = _smiles_bounds(text)
    elif kind == "inchi":
        atoms, ring = _inchi_atoms(text), 0
    else:
        atoms, ring = _molfile_atoms(text), 0
    if atoms > limits.MAX_ATOMS:
        raise StructureError(
            f"the structure has more than {limits.MAX_ATOMS} atoms (the limit; a drug has well under 200)",
            structure=text[:200],
            reason="too many atoms",
        )
    if ring > limits.MAX_RING_SIZE:
        raise StructureError(
            f"the structure closes a ring of {ring} atoms; the limit is {limits.MAX_RING_SIZE}",
            structure=text[:200],
            reason="ring too large",
        )


def _check_parsed(mol: Mol, structure: str) -> None:
    atoms = mol.GetNumAtoms() + sum(a.GetTotalNumHs() for a in mol.GetAtoms())
    if atoms > limits.MAX_ATOMS:
        raise StructureError(
            f"the structure has {atoms} atoms; the limit is {limits.MAX_ATOMS}",
            structure=structure[:200],
            reason="too many atoms",
        )
    rings = mol.GetRingInfo().AtomRings()
    largest = max((len(r) for r in rings), default=0)
    if largest > limits.MAX_RING_SIZE:
        raise StructureError(
            f"the structure has a ring of {largest} atoms; the limit is {limits.MAX_RING_SIZE}",
            structure=structure[:200],
            reason="ring too large",
        )


def to_mol(structure: str | Mol) -> Mol:
    """An RDKit molecule from a SMILES, an InChI or a molfile (or a molecule, passed through).

    Raises:
        ketref.StructureError: the text does not parse (with RDKit's reason), is not encodable
            text, or is larger than the limits of :mod:`ketref.limits`.
        ketref.QueryTypeError: the input is neither text nor a molecule.
    """
    from rdkit import Chem

    if isinstance(structure, Chem.Mol):
        _check_parsed(structure, "<molecule>")
        return Chem.Mol(structure)
    if not isinstance(structure, str):
        raise QueryTypeError(
            f"a structure is a SMILES, InChI or molfile text, not {type(structure).__name__}"
        )
    if not structure.strip():
        raise StructureError("empty structure")
    if len(structure) > limits.MAX_STRUCTURE_CHARS:
        raise StructureError(
            f"structure text is {len(structure)} characters; the limit is {limits.MAX_STRUCTURE_CHARS}"
        )
    if "\x00" in structure:
        raise StructureError("structure text contains a NUL character")
    try:
        structure.encode("utf-8")
    except UnicodeEncodeError:
        raise StructureError(
            "structure text contains a lone surrogate (not text RDKit can read)",
            structure=structure.encode("ascii", "backslashreplace").decode("ascii")[:200],
            reason="lone surrogate",
        ) from None
    if not structure.isascii():  # SMILES, InChI and molfiles are ASCII by their specifications
        first = next(c for c in structure if not c.isascii())
        raise StructureError(
            f"structure text holds the non-ASCII character U+{ord(first):04X}; SMILES, InChI and "
            "molfiles are ASCII",
            structure=structure[:200],
            reason="not ASCII",
        )
    kind = structure_format(structure)
    check_bounds(structure, kind)
    with captured_log() as log:
        try:
            if kind == "inchi":
                mol = Chem.MolFromInchi(structure.strip())
            elif kind == "molfile":
                mol = Chem.MolFromMolBlock(structure)
            else:
                mol = Chem.MolFromSmiles(structure.strip())
        except (SystemError, RuntimeError, ValueError) as exc:  # RDKit's C++ side gave up
            raise StructureError(
                f"RDKit could not read it ({type(exc).__name__})",
                structure=structure[:200],
                reason=str(exc)[:200],
            ) from None
    if mol is None or mol.GetNumAtoms() == 0:
        reason = _reason(log, "RDKit could not read it" if mol is None else "no atoms")
        raise StructureError(f"not a valid {kind}: {reason}", structure=structure, reason=reason)
    _check_parsed(mol, structure)
    parsed: Mol = mol
    return parsed
