"""The error hierarchy: one root, each error also the builtin a caller would catch."""

from __future__ import annotations

import pickle

import pytest

import ketref
from ketref.errors import (
    DataError,
    InvalidQueryError,
    KetrefError,
    QueryTypeError,
    UnitError,
    UnknownClaimError,
    UnknownEntityError,
    UnknownNameError,
    UnknownSourceError,
    UnknownTermError,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (UnknownEntityError, LookupError),
        (UnknownSourceError, LookupError),
        (UnknownClaimError, LookupError),
        (UnknownTermError, LookupError),
        (DataError, ValueError),
        (UnitError, ValueError),
        (InvalidQueryError, ValueError),
        (QueryTypeError, TypeError),
    ],
)
def test_every_error_is_a_ketref_error_and_its_builtin(
    error: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error, KetrefError)
    assert issubclass(error, builtin)


def test_public_names_match_the_errors_module() -> None:
    assert ketref.UnknownEntityError is UnknownEntityError
    assert ketref.KetrefError is KetrefError


def test_unknown_name_message_lists_suggestions() -> None:
    exc = UnknownEntityError("esketamin", ["Esketamine", "Arketamine"])
    assert exc.query == "esketamin"
    assert exc.suggestions == ("Esketamine", "Arketamine")
    assert "'esketamin'" in str(exc)
    assert "did you mean: Esketamine, Arketamine?" in str(exc)


def test_empty_query_says_so() -> None:
    assert "empty entity query" in str(UnknownEntityError("  "))


def test_very_long_query_is_shortened_in_the_message() -> None:
    exc = UnknownEntityError("x" * 500)
    assert len(str(exc)) < 200
    assert exc.query == "x" * 500


def test_data_error_names_its_place() -> None:
    exc = DataError("unknown key", file="claims.toml", record="c1", field="evidence.0.qoute", line=12)
    assert str(exc) == "claims.toml:12, record 'c1', field 'evidence.0.qoute': unknown key"


@pytest.mark.parametrize(
    "exc",
    [
        UnknownEntityError("q", ["a"], detail="why"),
        UnknownTermError("q", ["a"], what="predicate"),
        DataError("p", file="f", record="r", field="x", line=3),
        QueryTypeError("t"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_errors_survive_pickling(exc: KetrefError) -> None:
    again = pickle.loads(pickle.dumps(exc))
    assert type(again) is type(exc)
    assert str(again) == str(exc)
    if isinstance(exc, UnknownNameError):
        assert isinstance(again, UnknownNameError)
        assert again.suggestions == exc.suggestions
