"""Structures in a pack are checked at load: each SMILES parses within bounds, and no two
entities (a pack's and the bundled ones) have the same structure.

RDKit is imported only when a pack records a structure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ketref.errors import DataError, StructureError
from ketref.models.entities import EntityBase

__all__ = ["check_pack_structures"]

ErrorAt = Callable[[str, str, str, str | None], DataError]


def check_pack_structures(
    pack_entities: Iterable[EntityBase], all_entities: Iterable[EntityBase], error: ErrorAt
) -> None:
    """Raise a DataError (naming the record and its ``smiles`` field) for a pack structure that
    does not parse, is too large, or is the structure of another entity (naming both)."""
    pack = [e for e in pack_entities if getattr(e, "smiles", None)]
    if not pack:
        return
    from ketref.chem.relations import structure_of

    for entity in pack:
        try:
            structure_of(entity)
        except StructureError as exc:
            raise error(f"the structure does not parse: {exc}", "entity", entity.id, "smiles") from None
    pack_ids = {e.id for e in pack}
    owners: dict[str, str] = {}
    for entity in all_entities:
        if getattr(entity, "smiles", None) and entity.id not in pack_ids:
            owners.setdefault(structure_of(entity).inchikey, entity.id)
    for entity in pack:
        key = structure_of(entity).inchikey
        owner = owners.setdefault(key, entity.id)
        if owner != entity.id:
            raise error(
                f"its structure is the structure of {owner!r} (InChIKey {key}); one entity per structure",
                "entity",
                entity.id,
                "smiles",
            )
