"""Names keep their signs (issue #13): signed CIP names resolve to their form, a Unicode minus or
an en dash reads as '-', and a sign alone raises with the forms it could mean."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ketref
from ketref._normalize import normalize_name
from ketref.kb import KnowledgeBase

MINUS, EN_DASH = "\u2212", "\u2013"


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("S(+)-ketamine", "esketamine"),
        ("(S)-(+)-ketamine", "esketamine"),
        ("S-(+)-ketamine", "esketamine"),
        ("(S)-ketamine", "esketamine"),
        ("S-ketamine", "esketamine"),
        ("R(-)-ketamine", "arketamine"),
        (f"R({MINUS})-ketamine", "arketamine"),
        (f"(R)-({MINUS})-ketamine", "arketamine"),
        (f"(R)-({EN_DASH})-ketamine", "arketamine"),
        ("(R)-ketamine", "arketamine"),
        ("(RS)-ketamine", "racemic-ketamine"),
        ("RS-ketamine", "racemic-ketamine"),
        ("N-methyl-D-aspartate receptor", "nmda-receptor"),
        ("TrkB receptor", "trkb"),  # Kalkman 2023: "TrkB-receptors"
        ("tyrosine kinase receptor B", "trkb"),  # Yang 2019
    ],
)
def test_signed_and_unsigned_names_resolve_to_their_form(name: str, entity: str) -> None:
    assert ketref.get(name).id == entity


# each signed synonym added for #13, with the stored quote of the source that uses it
EVIDENCE = {
    "S(+)-ketamine": (
        "hirota-1999-anesthesiology",
        "S(+)-ketamine was two to three times more potent than R(-)-ketamine at mu and kappa receptors.",
    ),
    "R(-)-ketamine": (
        "hirota-1999-anesthesiology",
        "S(+)-ketamine was two to three times more potent than R(-)-ketamine at mu and kappa receptors.",
    ),
}


def test_each_signed_synonym_is_a_name_its_source_uses(kb: KnowledgeBase) -> None:
    stored = {(e.source, e.quote) for c in kb.all_claims() for e in c.evidence}
    for synonym, (source, quote) in EVIDENCE.items():
        assert (source, quote) in stored, synonym  # the quote is in the data, from that source
        assert synonym in quote
        entity = kb.get(synonym)
        assert synonym in entity.synonyms
        assert source in (entity.note or "")  # the entity's note cites it


@pytest.mark.parametrize(
    "name", ["(-)-ketamine", f"({MINUS})-ketamine", f"({EN_DASH})ketamine", "(+)-ketamine"]
)
def test_a_sign_alone_raises_with_both_enantiomers_and_why(name: str) -> None:
    with pytest.raises(ketref.UnknownEntityError) as caught:
        ketref.get(name)
    assert set(caught.value.suggestions) == {"Esketamine", "Arketamine"}
    assert caught.value.detail is not None and "salt" in caught.value.detail


def test_plus_minus_alone_raises_with_the_racemate() -> None:
    with pytest.raises(ketref.UnknownEntityError) as caught:
        ketref.get("(±)-ketamine")
    assert list(caught.value.suggestions) == ["Racemic ketamine"]


def test_every_name_resolves_to_exactly_its_entity(kb: KnowledgeBase) -> None:
    keys: dict[str, str] = {}
    for entity in kb.entities.values():
        for name in entity.names:
            assert kb.get(name).id == entity.id, name
            assert keys.setdefault(normalize_name(name), entity.id) == entity.id, name


SIGNS = ["(+)", "(-)", f"({MINUS})", f"({EN_DASH})", "(±)"]


@given(st.sampled_from(SIGNS), st.text(alphabet="abcdeRS()-+ 0123", max_size=30))
def test_normalisation_never_drops_a_sign(sign: str, rest: str) -> None:
    signed, plain = normalize_name(sign + rest), normalize_name(rest)
    assert signed != plain
    assert len(signed) > len(plain)


@given(st.text(alphabet="abcRS()-+± 12", max_size=40))
def test_unicode_minus_and_en_dash_read_as_hyphen(text: str) -> None:
    key = normalize_name(text)
    assert normalize_name(text.replace("-", MINUS)) == key
    assert normalize_name(text.replace("-", EN_DASH)) == key
