"""Normalisation of names for lookup: one function, used by every index."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["INCHIKEY_PATTERN", "looks_like_curie", "normalize_name"]

# Characters that carry no identity in a name: spacing, hyphens and dashes of every kind,
# brackets, quotes, commas, dots, slashes, underscores.
_NOISE = re.compile(r"[\s\-‐‑‒–—―−_.,;:'\"`’‘“”()\[\]{}/\\]+")

INCHIKEY_PATTERN = re.compile(r"^[A-Z]{14}-[A-Z]{10}-[A-Z]$")
_CURIE = re.compile(r"^[A-Za-z][A-Za-z0-9._]*:\S+$")


def normalize_name(text: str) -> str:
    """Fold a name to its lookup key: case, width, spacing, hyphens and brackets ignored.

    >>> normalize_name("(S)-Ketamine") == normalize_name("s ketamine") == "sketamine"
    True
    >>> normalize_name("N-methyl-D-aspartate receptor")
    'nmethyldaspartatereceptor'
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return unicodedata.normalize("NFKC", _NOISE.sub("", folded))


def looks_like_curie(text: str) -> bool:
    """Whether ``text`` has the shape ``prefix:local`` (no spaces).

    >>> looks_like_curie("pubchem.compound:3821"), looks_like_curie("S-ketamine")
    (True, False)
    """
    return bool(_CURIE.match(text.strip()))


def normalize_curie(text: str) -> str:
    """Fold a CURIE for lookup: prefix and local part compared without case.

    >>> normalize_curie(" CHEBI:6121 ")
    'chebi:6121'
    """
    return unicodedata.normalize("NFKC", text).strip().casefold()
