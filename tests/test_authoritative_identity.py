"""Issue 16, topic 1: physical chemistry and brand names per form."""

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
