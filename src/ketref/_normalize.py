"""Normalisation of names for lookup: one function, used by every index."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["INCHIKEY_PATTERN", "SIGN_MARKS", "looks_like_curie", "normalize_name"]

# Characters that carry no identity in a name: spacing, hyphens and dashes of every kind,
# brackets, quotes, commas, dots, slashes, underscores.
_NOISE = re.compile(r"[\s\-‐‑‒–—―−_.,;:'\"`’‘“”()\[\]{}/\\]+")

# Every dash that can stand for a minus sign: hyphen-minus, Unicode minus, en dash and friends.
_DASHES = "-‐‑‒–—―−﹣－"
# A bracketed sign of optical rotation, "(+)", "(−)", "(±)", "(+/-)", read before the noise goes.
_SIGN = re.compile(r"\(\s*(\+\s*/?\s*[" + _DASHES + r"]|±|\+|[" + _DASHES + r"])\s*\)")

SIGN_MARKS = {"+": "⊕", "-": "⊖", "±": "±"}
"""What each sign becomes in a lookup key: characters no name is written with, so a sign is kept
and never mistaken for a hyphen."""


def _sign(match: re.Match[str]) -> str:
    text = match.group(1)
    if "+" in text and len(text.replace(" ", "")) > 1:
        return SIGN_MARKS["±"]  # "(+/-)", "(+-)"
    if text in ("+", "±"):
        return SIGN_MARKS[text]
    return SIGN_MARKS["-"]


INCHIKEY_PATTERN = re.compile(r"^[A-Z]{14}-[A-Z]{10}-[A-Z]$")
_CURIE = re.compile(r"^[A-Za-z][A-Za-z0-9._]*:\S+$")


def normalize_name(text: str) -> str:
    """Fold a name to its lookup key: case, width, spacing, hyphens and brackets ignored, but
    never a sign of optical rotation: ``(+)``, ``(−)`` and ``(±)`` are kept, and a Unicode minus
    or an en dash reads as ``-``.

    >>> normalize_name("(S)-Ketamine") == normalize_name("s ketamine") == "sketamine"
    True
    >>> normalize_name("N-methyl-D-aspartate receptor")
    'nmethyldaspartatereceptor'
    >>> normalize_name("(S)-(+)-ketamine") == normalize_name("S(+)-ketamine") != normalize_name("S-ketamine")
    True
    >>> minus, en_dash = "R(\u2212)-ketamine", "R(\u2013)-ketamine"
    >>> normalize_name(minus) == normalize_name("R(-)-ketamine") == normalize_name(en_dash)
    True
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    signed = _SIGN.sub(_sign, folded)
    return unicodedata.normalize("NFKC", _NOISE.sub("", signed))


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
