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


def _every_error_class() -> list[type[KetrefError]]:
    import ketref.errors

    found = [getattr(ketref.errors, name) for name in ketref.errors.__all__]
    return [c for c in found if isinstance(c, type) and issubclass(c, KetrefError)]


EXAMPLES: dict[str, KetrefError] = {
    "KetrefError": KetrefError("plain"),
    "UnknownNameError": UnknownNameError("q", ["a", "b"], detail="why"),
    "UnknownEntityError": UnknownEntityError("q", ["a"], detail="not in the pathway of x"),
    "UnknownSourceError": UnknownSourceError("q", ["s"], detail="d"),
    "UnknownClaimError": UnknownClaimError("q", ["c"], detail="d"),
    "UnknownTermError": UnknownTermError("q", ["a"], what="predicate", detail="a detail"),
    "QueryTypeError": QueryTypeError("t"),
    "InvalidQueryError": InvalidQueryError("v"),
    "UnitError": UnitError("u"),
    "DataError": DataError("p", file="f", record="r", field="x", line=3),
    "UnitDataError": ketref.UnitDataError("u", file="f", record="r", field="values.0", line=3),
    "StructureError": ketref.StructureError("bad", structure="C1CC(", reason="unclosed ring", inchikey="K"),
    "RenderError": ketref.RenderError("dot failed"),
    "MissingDependencyError": ketref.MissingDependencyError(
        "shtab", extra="completion", feature="completion"
    ),
}


@pytest.mark.parametrize("cls", _every_error_class(), ids=lambda c: c.__name__)
def test_every_error_survives_pickling_with_all_its_fields(cls: type[KetrefError]) -> None:
    """Every error of the hierarchy has an example here, and comes back from a pickle equal in
    type, message and every attribute (``UnknownTermError`` used to lose ``detail``)."""
    exc = EXAMPLES[cls.__name__]
    assert type(exc) is cls
    again = pickle.loads(pickle.dumps(exc))
    assert type(again) is cls
    assert str(again) == str(exc)
    fields = {k: v for k, v in vars(exc).items() if not k.startswith("_")}
    assert {k: v for k, v in vars(again).items() if not k.startswith("_")} == fields
    assert "what" not in fields or again.what == exc.what  # type: ignore[attr-defined]


def test_a_missing_dependency_is_an_import_error_naming_the_extra() -> None:
    exc = ketref.MissingDependencyError("pandas", extra="pandas", feature="Table.to_dataframe")
    assert isinstance(exc, ImportError) and isinstance(exc, KetrefError)
    assert exc.name == "pandas"
    assert str(exc) == 'Table.to_dataframe needs pandas, which is not installed: pip install "ketref[pandas]"'
