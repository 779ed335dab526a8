"""Resolving controlled-vocabulary terms given by users, with suggestions when they miss."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from ketref import limits
from ketref._normalize import normalize_curie, normalize_name
from ketref.errors import QueryTypeError, UnknownTermError
from ketref.vocabulary import PREDICATES, Predicate

__all__ = ["resolve_enum", "resolve_predicate", "suggest"]

E = TypeVar("E", bound=StrEnum)


def suggest(query: str, choices: Iterable[str], n: int = 5) -> list[str]:
    """Up to ``n`` of ``choices`` that look like ``query``, best first (none for a query longer than
    :data:`ketref.limits.MAX_QUERY_CHARS`, which looks like nothing: comparing it would take long)."""
    if len(query) > limits.MAX_QUERY_CHARS:
        return []
    pool = {normalize_name(c): c for c in choices}
    keys = difflib.get_close_matches(normalize_name(query), list(pool), n=n, cutoff=0.5)
    return [pool[k] for k in keys]


def _predicate_keys() -> dict[str, Predicate]:
    keys: dict[str, Predicate] = {}
    for p in PREDICATES.values():
        keys[normalize_name(p.id)] = p
        keys.setdefault(normalize_name(p.label), p)
        for curie in (p.ro, p.biolink):
            if curie is not None:
                keys.setdefault(normalize_curie(curie), p)
    return keys


_PREDICATE_KEYS = _predicate_keys()


def resolve_predicate(query: str | Predicate) -> Predicate:
    """The predicate named by its id, its label, or its RO or Biolink CURIE.

    Where a CURIE is shared by a predicate and its inverse, the first listed wins.

    >>> resolve_predicate("is an antagonist of").id
    'antagonist_of'
    """
    if isinstance(query, Predicate):
        return query
    if not isinstance(query, str):
        raise QueryTypeError(f"a predicate is given as text, not {type(query).__name__}")
    if len(query) > limits.MAX_QUERY_CHARS:  # longer than any term: no need to fold it
        raise UnknownTermError(query, what="predicate")
    found = (
        PREDICATES.get(query.strip())  # an id as written in data files: always the row itself
        or _PREDICATE_KEYS.get(normalize_curie(query))
        or _PREDICATE_KEYS.get(normalize_name(query))
    )
    if found is None:
        raise UnknownTermError(query, suggest(query, PREDICATES), what="predicate")
    return found


def resolve_enum(enum: type[E], query: str | E, what: str) -> E:
    """The member of ``enum`` named by ``query`` (its value, case and spacing ignored)."""
    if isinstance(query, enum):
        return query
    if not isinstance(query, str):
        raise QueryTypeError(f"a {what} is given as text, not {type(query).__name__}")
    if len(query) > limits.MAX_QUERY_CHARS:  # longer than any term: no need to fold it
        raise UnknownTermError(query, [m.value for m in enum], what=what)
    key = normalize_name(query)
    for member in enum:
        if normalize_name(member.value) == key:
            return member
    raise UnknownTermError(
        query, suggest(query, [m.value for m in enum]) or [m.value for m in enum], what=what
    )
