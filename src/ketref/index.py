"""The name index: every id, name, synonym and cross-reference of every entity, collision-free."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ketref._normalize import INCHIKEY_PATTERN, looks_like_curie, normalize_curie, normalize_name
from ketref.errors import DataError
from ketref.models.entities import EntityBase

__all__ = ["NameIndex", "SearchHit"]

LOCAL_PREFIX = "ketref"
"""The CURIE prefix of ketref's own ids (``ketref:esketamine``)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked match of a name search (the public result model wraps this)."""

    entity_id: str
    score: float
    matched: str


class NameIndex:
    """Maps folded names and CURIEs to entity ids, refusing any key claimed by two entities."""

    def __init__(self, entities: Iterable[EntityBase]) -> None:
        self._names: dict[str, str] = {}
        self._shown: dict[str, str] = {}
        self._curies: dict[str, str] = {}
        self._exact: dict[str, str] = {}  # names exactly as written: the fast path of lookup
        for entity in entities:
            for text in (*entity.names, entity.id):
                self._exact.setdefault(text, entity.id)
                self._add(self._names, normalize_name(text), entity.id, text)
                self._shown.setdefault(normalize_name(text), text)
            self._add(self._curies, normalize_curie(f"{LOCAL_PREFIX}:{entity.id}"), entity.id, entity.id)
            for xref in entity.xrefs:
                self._add(self._curies, normalize_curie(xref.curie), entity.id, xref.curie)

    @staticmethod
    def _add(table: dict[str, str], key: str, entity_id: str, text: str) -> None:
        if not key:
            raise DataError(f"name {text!r} is empty once folded", record=entity_id)
        owner = table.setdefault(key, entity_id)
        if owner != entity_id:
            raise DataError(
                f"{text!r} would name both {owner!r} and {entity_id!r}; "
                "names, synonyms and identifiers must be unique across entities",
                record=entity_id,
            )

    def lookup(self, query: str) -> str | None:
        """The id for ``query`` (id, name, synonym, CURIE or InChIKey), or ``None``.

        This is internal: the public API raises instead of returning ``None``.
        """
        exact = self._exact.get(query)
        if exact is not None:
            return exact
        stripped = query.strip()
        if INCHIKEY_PATTERN.match(stripped.upper()):
            found = self._curies.get(normalize_curie(f"inchikey:{stripped}"))
            if found is not None:
                return found
        if looks_like_curie(stripped):
            found = self._curies.get(normalize_curie(stripped))
            if found is not None:
                return found
        return self._names.get(normalize_name(stripped))

    def suggestions(self, query: str, n: int = 5) -> list[str]:
        """Names close to ``query``, best first, as they are written in the data."""
        key = normalize_name(query)
        if not key:
            return []
        close = difflib.get_close_matches(key, list(self._names), n=n * 3, cutoff=0.6)
        close += [k for k in self._names if key in k and k not in close]
        shown: dict[str, str] = {}  # one name per entity, the closest first
        for k in close:
            shown.setdefault(self._names[k], self._shown[k])
        return list(shown.values())[:n]

    def search(self, text: str, entities: Mapping[str, EntityBase]) -> list[SearchHit]:
        """Rank every entity against ``text``: exact > prefix > contains > fuzzy > description."""
        key = normalize_name(text)
        if not key:
            return []
        best: dict[str, SearchHit] = {}

        def offer(entity_id: str, score: float, matched: str) -> None:
            if score > 0 and (entity_id not in best or best[entity_id].score < score):
                best[entity_id] = SearchHit(entity_id, round(score, 4), matched)

        exact = self.lookup(text)
        if exact is not None:
            offer(exact, 1.0, text.strip())
        matcher = difflib.SequenceMatcher(None, b=key)  # the query's index is built once
        for name_key, entity_id in self._names.items():
            shown = self._shown[name_key]
            if name_key.startswith(key):
                offer(entity_id, 0.9 * len(key) / len(name_key) + 0.05, shown)
            elif key in name_key:
                offer(entity_id, 0.7 * len(key) / len(name_key) + 0.05, shown)
            else:
                matcher.set_seq1(name_key)
                # the cheap upper bounds rule most names out before the exact ratio is computed
                if matcher.real_quick_ratio() >= 0.75 and matcher.quick_ratio() >= 0.75:
                    ratio = matcher.ratio()
                    if ratio >= 0.75:
                        offer(entity_id, 0.6 * ratio, shown)
        words = {w for w in text.casefold().split() if len(w) > 2}
        if words:
            for entity_id, entity in entities.items():
                description = entity.description.casefold()
                hits = sum(1 for w in words if w in description)
                if hits:
                    offer(entity_id, 0.3 * hits / len(words), entity.description)
        return sorted(best.values(), key=lambda h: (-h.score, h.entity_id))
