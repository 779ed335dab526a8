"""Identity integrity: no entity's name may look like another's, or pose as its identifier.

A pack could add a name such as "Еsketamine" (a Cyrillic Е), "Esketamine\\u200b" (a zero-width
space) or a synonym spelled like a bundled CURIE ("CHEBI:60799") and take over lookups without a
collision being noticed. :func:`check_identities` runs when a knowledge base is built and refuses:

* a name with a control, format (invisible), private-use, unassigned or surrogate character,
  or a line or paragraph separator;
* two entities whose names have the same *skeleton*: the name after NFKC, case folding, removal
  of invisible characters, spacing and punctuation (as lookups ignore them) and of accents, and
  the mapping of look-alike letters to the Latin letter they imitate (after UTS #39's confusable
  skeletons, for the scripts that matter here; see :data:`CONFUSABLES`);
* a name or synonym that has the shape of a CURIE or an InChIKey another entity holds (CURIEs
  are compared case-folded, prefix and local part alike, which is at least as strict as any
  prefix's own case rule).

Each collision is a :class:`ketref.DataError` that names both records.

The confusables table is small and committed here: it covers the Cyrillic and Greek letters that
look like Latin ones (lower case; names are case-folded first), the dotless i and j, the script l
and the long s. Digits are not mapped to letters, since nomenclature uses both ("P0" and "PO").
It is not the full Unicode confusables.txt: letters of other scripts that
imitate Latin ones (Cherokee, Armenian, mathematical alphanumerics outside NFKC's reach) are not
mapped, and are listed as a known gap in SECURITY.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from ketref._normalize import INCHIKEY_PATTERN, looks_like_curie, normalize_curie, normalize_name
from ketref.errors import DataError
from ketref.models.entities import EntityBase

__all__ = ["CONFUSABLES", "check_identities", "skeleton"]

CONFUSABLES: dict[str, str] = {
    # Cyrillic (lower case: names are case-folded before the table is applied)
    "а": "a", "в": "b", "г": "r", "д": "d", "е": "e", "з": "3", "и": "u", "к": "k", "л": "n",
    "м": "m", "н": "h", "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x",
    "ь": "b", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "ү": "y", "ҫ": "c", "ɡ": "g",
    # Greek
    "α": "a", "β": "b", "γ": "y", "δ": "d", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "σ": "o", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "μ": "u", "ϲ": "c",
    "ϳ": "j", "ς": "c",
    # Latin look-alikes (digits are left alone: "P0" and "PO", "IL-1" and "IL-l" are real names)
    "ı": "i", "ȷ": "j", "ℓ": "l", "ſ": "s",
}  # fmt: skip
"""Look-alike character -> the Latin letter it imitates (applied after case folding)."""

_REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"}
_CATEGORY_WORDS = {
    "Cc": "a control character",
    "Cf": "an invisible (format) character",
    "Co": "a private-use character",
    "Cn": "an unassigned character",
    "Cs": "a lone surrogate",
    "Zl": "a line separator",
    "Zp": "a paragraph separator",
}
_TABLE = str.maketrans(CONFUSABLES)

ErrorAt = Callable[[str, str, str, str | None], DataError]


def refused_character(text: str) -> str | None:
    """Words for the first character a name may not hold, or ``None``."""
    for char in text:
        category = unicodedata.category(char)
        if category in _REFUSED_CATEGORIES:
            return f"{_CATEGORY_WORDS[category]} (U+{ord(char):04X})"
    return None


def skeleton(text: str) -> str:
    """The look-alike key of a name: what is left to tell it apart by eye.

    >>> skeleton("Еsketamine") == skeleton("Es\\u200bketamine") == skeleton("Eśketamıne") == "esketamine"
    True
    """
    visible = "".join(c for c in text if unicodedata.category(c) not in _REFUSED_CATEGORIES)
    folded = normalize_name(visible)
    bare = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare.translate(_TABLE))


def _fields(entity: EntityBase) -> Iterable[tuple[str, str]]:
    yield "name", entity.name
    for n, synonym in enumerate(entity.synonyms):
        yield f"synonyms.{n}", synonym


def check_identities(entities: Iterable[EntityBase], error: ErrorAt) -> None:
    """Refuse names with hidden characters, look-alike names of two entities, and names posing as
    another entity's CURIE or InChIKey; each error names both records."""
    entities = list(entities)
    curies: dict[str, str] = {}
    for entity in entities:
        curies.setdefault(normalize_curie(f"ketref:{entity.id}"), entity.id)
        for xref in entity.xrefs:
            curies.setdefault(normalize_curie(xref.curie), entity.id)
    seen: dict[str, tuple[str, str]] = {}
    for entity in entities:
        for field, name in _fields(entity):
            bad = refused_character(name)
            if bad is not None:
                raise error(f"the name {name[:60]!r} holds {bad}", "entity", entity.id, field)
            stripped = name.strip()
            as_curie = None
            if INCHIKEY_PATTERN.match(stripped.upper()):
                as_curie = normalize_curie(f"inchikey:{stripped}")
            elif looks_like_curie(stripped):
                as_curie = normalize_curie(stripped)
            owner = curies.get(as_curie) if as_curie else None
            if owner is not None and owner != entity.id:
                raise error(
                    f"{name!r} is an identifier of {owner!r}; a name may not pose as another "
                    "entity's CURIE or InChIKey",
                    "entity",
                    entity.id,
                    field,
                )
            key = skeleton(name)
            if not key:
                continue
            other = seen.setdefault(key, (entity.id, name))
            if other[0] != entity.id and normalize_name(name) == normalize_name(other[1]):
                raise error(
                    f"{name!r} would name both {other[0]!r} and {entity.id!r}; "
                    "names, synonyms and identifiers must be unique across entities",
                    "entity",
                    entity.id,
                    field,
                )
            if other[0] != entity.id:
                raise error(
                    f"{name!r} looks like {other[1]!r}, a name of {other[0]!r} (the same once case, "
                    "spacing, accents, invisible characters and look-alike letters are set aside); "
                    "names must tell entities apart",
                    "entity",
                    entity.id,
                    field,
                )
