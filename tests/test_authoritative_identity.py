"""Issue 16, topic 1: physical chemistry and brand names per form, with their disagreements."""

from __future__ import annotations

import pytest

import ketref
from ketref.models.claims import Claim
from ketref.vocabulary import SourceTier

KB = ketref.knowledge_base()


def _find(subject: str, predicate: str, obj: str) -> list[Claim]:
    return [
        c
        for c in KB.all_claims()
        if (c.subject, c.predicate, c.object) == (subject, predicate, obj)
        and any(KB.source(e.source).effective_tier >= SourceTier.REFERENCE for e in c.evidence)
    ]


def _ranges(claims: list[Claim], measure: str) -> set[tuple[float, float]]:
    return {(v.low, v.high) for c in claims for v in c.values if v.measure == measure and v.unit == "degC"}


def test_melting_points_of_base_and_hydrochloride() -> None:
    ketamine = _find("ketamine", "has_parameter", "melting-point")
    assert (92.0, 93.0) in _ranges(ketamine, "free base")
    assert {(262.0, 263.0), (258.0, 261.0)} <= _ranges(ketamine, "hydrochloride")
    assert (92.0, 92.0) in _ranges(_find("racemic-ketamine", "has_parameter", "melting-point"), "free base")
    salt = _find("ketamine-hydrochloride", "has_parameter", "melting-point")
    assert (262.0, 263.0) in _ranges(salt, "hydrochloride")


def test_the_hydrochloride_melting_point_disagreement_is_reported() -> None:
    found = [
        c
        for c in KB.conflicts()
        if c.kind == "magnitude" and any(x.object == "melting-point" for x in (*c.side_a, *c.side_b))
    ]
    assert found


def test_pka_and_solubility() -> None:
    assert any(v.low == 7.5 for c in _find("ketamine", "has_parameter", "pka") for v in c.values)
    solubility = [v for c in _find("ketamine", "has_parameter", "water-solubility") for v in c.values]
    assert any(v.low == 20.0 and v.unit == "g/dL" and v.measure == "hydrochloride" for v in solubility)


@pytest.mark.parametrize(
    ("brand", "ingredient"),
    [
        ("Ketaset", "ketamine"),
        ("Ketajet", "ketamine"),
        ("Vetalar", "ketamine"),
        ("Ketanest", "ketamine"),
        ("Ketavet", "ketamine"),
        ("Ketanest S", "esketamine"),
    ],
)
def test_brand_names_with_their_form(brand: str, ingredient: str) -> None:
    product = KB.get(brand)
    assert _find(product.id, "has_active_ingredient", ingredient)


def test_veterinary_brands_are_us_regulatory_facts() -> None:
    for brand in ("ketaset", "ketajet", "vetalar"):
        found = _find(brand, "has_active_ingredient", "ketamine")
        assert any(c.context.jurisdiction == "US" for c in found), brand
