"""Name folding: one normaliser for every index."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ketref._normalize import looks_like_curie, normalize_curie, normalize_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("(S)-ketamine", "S-ketamine"),
        ("S ketamine", "s–ketamine"),
        ("N-methyl-D-aspartate receptor", "n methyl d aspartate receptor"),
        ("ＥＳＫＥＴＡＭＩＮＥ", "esketamine"),  # full-width letters
    ],
)
def test_equivalent_spellings_fold_together(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


def test_different_names_stay_apart() -> None:
    assert normalize_name("(S)-ketamine") != normalize_name("(R)-ketamine")


@given(st.text())
def test_folding_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789αβσ", min_size=1))
def test_folding_ignores_case_and_inserted_spacing(text: str) -> None:
    spaced = " - ".join(text.upper())
    assert normalize_name(spaced) == normalize_name(text.lower())


def test_curie_shape() -> None:
    assert looks_like_curie("pubchem.compound:3821")
    assert looks_like_curie("CHEBI:60799")
    assert not looks_like_curie("esketamine")
    assert not looks_like_curie("a b:c")
    assert normalize_curie(" CHEBI:60799 ") == "chebi:60799"
