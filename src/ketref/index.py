"""The name index: every id, name, synonym and cross-reference of every entity, collision-free."""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ketref._normalize import (
    INCHIKEY_PATTERN,
    SIGN_MARKS,
    looks_like_curie,
    normalize_curie,
    normalize_name,
)
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
        self._search_index: _Searcher | None = None
        self._forms: dict[str, list[tuple[str, str]]] = {}  # general id -> (stereo form, name)
        self._entity_names: dict[str, str] = {}
        for entity in entities:
            self._entity_names[entity.id] = entity.name
            general = getattr(entity, "form_of", None)
            if general is not None:
                stereo = getattr(entity, "stereo_form", None)
                self._forms.setdefault(general, []).append((getattr(stereo, "value", ""), entity.name))
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

    def sign_only(self, query: str) -> tuple[list[str], str] | None:
        """For a name made of a sign of optical rotation and a compound with forms ("(-)-ketamine",
        "(+)-ketamine", "(±)-ketamine") that no entity carries: the forms it could mean and why it
        names none of them. ``None`` for any other query."""
        key = normalize_name(query)
        for sign, mark in SIGN_MARKS.items():
            if not key.startswith(mark):
                continue
            general = self._names.get(key[len(mark) :], "")
            wanted = "racemate" if sign == "±" else "enantiomer"
            candidates = [name for stereo, name in self._forms.get(general, []) if stereo == wanted]
            if not candidates:
                return None
            shown = self._entity_names[general]
            if sign == "±":
                why = (
                    f"(±) marks a racemate, but no source read uses it as a name for the racemate of "
                    f"{shown}; use the form's name or its configuration, (RS)"
                )
            else:
                why = (
                    f"a sign of optical rotation alone names no form of {shown}: the sign belongs to the "
                    "substance measured, and a salt's sign can differ from its base's (esketamine "
                    "hydrochloride is (+), esketamine as a free base (-)); name the configuration, "
                    "(S) or (R), or the form"
                )
            return candidates, why
        return None

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

    def search(
        self, text: str, entities: Mapping[str, EntityBase], limit: int | None = None
    ) -> list[SearchHit]:
        """Rank entities against ``text``, saying nothing rather than something unrelated.

        Names first: an exact name (1.0), a name that starts with the text, a name holding every
        word of the text as a whole word (the last word may be the start of one, as while
        typing); then descriptions holding every word of the text as whole words (0.3). Only
        when no name matches that way are names compared by similarity, and only those at least
        75% similar are kept. An empty list is the answer when nothing qualifies. With ``limit``
        only the best ``limit`` hits are returned.
        """
        key = normalize_name(text)
        if not key:
            return []
        words = _words(text)
        found = self._searcher(entities)
        best: dict[str, tuple[float, str]] = {}

        def offer(entity_id: str, score: float, matched: str) -> None:
            held = best.get(entity_id)
            if held is None or held[0] < score:
                best[entity_id] = (score, matched)

        exact = self.lookup(text)
        if exact is not None:
            offer(exact, 1.0, text.strip())
        names, shown = self._names, self._shown
        for name_key in found.prefixed(key):
            offer(names[name_key], 0.9 * len(key) / len(name_key) + 0.05, shown[name_key])
        for name_key in found.with_words(words):
            offer(names[name_key], 0.8 * len(key) / max(len(name_key), len(key)) + 0.05, shown[name_key])
        if not best:  # nothing by name: similar spellings, above a threshold
            matcher = difflib.SequenceMatcher(None, b=key)
            for name_key, entity_id in names.items():
                matcher.set_seq1(name_key)
                # the cheap upper bounds rule most names out before the exact ratio is computed
                if matcher.real_quick_ratio() >= 0.75 and matcher.quick_ratio() >= 0.75:
                    ratio = matcher.ratio()
                    if ratio >= 0.75:
                        offer(entity_id, 0.6 * ratio, shown[name_key])
        content = [w for w in words if len(w) > 2]
        enough = limit is not None and sum(1 for score, _ in best.values() if score > 0.3) >= limit
        if content and not enough:  # a description hit (0.3) could still make the best ``limit``
            for entity_id in found.described_by(content):
                offer(entity_id, 0.3, entities[entity_id].description)
        # best score first, then by id; hits are made for the best ``limit`` only
        ranked = sorted(
            (-round(score, 4), entity_id, matched) for entity_id, (score, matched) in best.items()
        )
        return [SearchHit(entity_id, -score, matched) for score, entity_id, matched in ranked[:limit]]

    def _searcher(self, entities: Mapping[str, EntityBase]) -> _Searcher:
        if self._search_index is None:
            self._search_index = _Searcher(self._names, self._shown, entities)
        return self._search_index


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    """The words of a text, each folded as names are (``"(S)-Ketamine HCl"`` gives s, ketamine, hcl)."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return [w for w in (normalize_name(m) for m in _WORD.findall(folded)) if w]


class _Searcher:
    """The indexes behind :meth:`NameIndex.search`, built on the first search: folded names in
    order (for prefixes), names by each of their words, and entities by their descriptions' words."""

    def __init__(
        self, names: Mapping[str, str], shown: Mapping[str, str], entities: Mapping[str, EntityBase]
    ) -> None:
        self._sorted = sorted(names)
        self._by_word: dict[str, set[str]] = {}
        for name_key in names:
            for word in _words(shown[name_key]):
                self._by_word.setdefault(word, set()).add(name_key)
        self._words = sorted(self._by_word)
        self._described: dict[str, set[str]] = {}
        for entity_id, entity in entities.items():
            for word in set(_words(entity.description)):
                self._described.setdefault(word, set()).add(entity_id)

    def prefixed(self, key: str) -> list[str]:
        """Folded names that start with ``key``."""
        start = bisect.bisect_left(self._sorted, key)
        end = bisect.bisect_left(self._sorted, key + "\U0010ffff", start)
        return self._sorted[start:end]

    def with_words(self, words: list[str]) -> set[str]:
        """Folded names holding every word as a whole word (the last may begin a word)."""
        if not words:
            return set()
        *whole, last = words
        start = bisect.bisect_left(self._words, last)
        end = bisect.bisect_left(self._words, last + "\U0010ffff", start)
        found: set[str] = set().union(*(self._by_word[w] for w in self._words[start:end]))
        for word in whole:
            found &= self._by_word.get(word, set())
            if not found:
                break
        return found

    def described_by(self, words: list[str]) -> set[str]:
        """Entities whose descriptions hold every word as a whole word."""
        found = set(self._described.get(words[0], ()))
        for word in words[1:]:
            found &= self._described.get(word, set())
        return found
