"""The identifier registries ketref's cross-references use, from a committed bioregistry export.

``data/prefixes.json`` holds, for each prefix a cross-reference may use (``chebi``,
``pubchem.compound``...), bioregistry's name for the resource, its canonical prefix
(``CHEBI``), the pattern a local identifier must match and the URI format that makes a
canonical IRI of it. It is written by ``tools/export_prefix_map.py`` from bioregistry, which is
needed there only, never at run time. Cross-references are checked against the pattern when a
record is validated, and the RDF exports write the canonical IRIs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["PREFIXES", "Registry", "check_curie", "curie_iri"]

MAP_PATH = Path(__file__).parent / "data" / "prefixes.json"


@dataclass(frozen=True, slots=True)
class Registry:
    """What bioregistry records of one prefix."""

    prefix: str
    name: str
    preferred_prefix: str
    pattern: str
    uri_format: str
    example: str

    @property
    def uri_prefix(self) -> str:
        """The part of every IRI before the local identifier."""
        return self.uri_format.split("$1", 1)[0]

    def matches(self, local_id: str) -> bool:
        """Whether ``local_id`` fits the registry's pattern."""
        return _compiled(self.pattern).fullmatch(local_id) is not None

    def iri(self, local_id: str) -> str:
        """The canonical IRI of a local identifier."""
        return self.uri_format.replace("$1", local_id)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _load() -> dict[str, Registry]:
    document = json.loads(MAP_PATH.read_text(encoding="utf-8"))
    return {prefix: Registry(prefix=prefix, **fields) for prefix, fields in document["prefixes"].items()}


PREFIXES: dict[str, Registry] = _load()
"""Every prefix a cross-reference may use, with its registry's record."""

_CURIE = re.compile(r"(?P<prefix>[A-Za-z][A-Za-z0-9.]*):(?P<local>[A-Za-z0-9._\-]+)")


def check_curie(curie: str) -> str:
    """``curie`` if it is ``prefix:local`` with a known lower-case prefix and a local identifier
    that fits the registry's pattern; else :class:`ValueError` saying what is wrong.

    >>> check_curie("chebi:60799")
    'chebi:60799'
    >>> check_curie("chebi:abc")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 'chebi:abc': 'abc' is not a ... identifier (chebi identifiers match ^\\d+$, ...)
    """
    match = _CURIE.fullmatch(curie)  # not match(): "$" would let a trailing newline through
    if match is None:
        raise ValueError(f"{curie!r} is not a CURIE of the form prefix:local")
    prefix, local = match["prefix"], match["local"]
    registry = PREFIXES.get(prefix)
    if registry is None:
        if prefix.lower() in PREFIXES:
            raise ValueError(f"write the prefix of {curie!r} as bioregistry does: {prefix.lower()!r}")
        raise ValueError(f"unknown prefix {prefix!r}; use one of {', '.join(sorted(PREFIXES))}")
    if not registry.matches(local):
        raise ValueError(
            f"{curie!r}: {local!r} is not a {registry.name} identifier ({prefix} identifiers match "
            f"{registry.pattern}, as {prefix}:{registry.example} does)"
        )
    return curie


def curie_iri(curie: str) -> str:
    """The canonical IRI of a checked CURIE (``chebi:60799`` is
    ``http://purl.obolibrary.org/obo/CHEBI_60799``)."""
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix].iri(local)
