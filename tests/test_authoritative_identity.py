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


def _melting(subject: str) -> list[tuple[float, float, str | None, str]]:
    return [
        (v.low, v.high, v.measure, v.unit)
        for c in _find(subject, "has_parameter", "melting-point")
        for v in c.values
    ]


def test_melting_points_of_base_and_hydrochloride() -> None:
    """SWGDRUG: base 92-93 °C, hydrochloride 258-261 °C; Ph. Eur.: the hydrochloride about 260 °C."""
    assert (92.0, 93.0, "base", "degC") in _melting("ketamine")
    salt = _melting("ketamine-hydrochloride")
    assert (258.0, 261.0, None, "degC") in salt
    assert (260.0, 260.0, None, "degC") in salt
    # the base and the salt are different entities: no salt figure sits on the base
    assert all(high < 100 for _, high, _, _ in _melting("ketamine"))


def test_melting_point_reads_in_kelvin_too() -> None:
    claim = KB.claim("ketamine.melting-point.base.swgdrug")
    assert claim.values[0].to("K").low == pytest.approx(92 + 273.15)


def test_esketamine_base_rotation_keeps_both_signs() -> None:
    """The lexicon's (+) for the pure S base stands beside the X-ray study's (−) for the free base."""
    rotations = KB.get("esketamine").optical_rotations  # type: ignore[union-attr]
    by_source = {r.evidence.source: r.sign for r in rotations}
    assert by_source["internetchemie-esketamine"] == "+"
    assert by_source["burjanadze-ketamine-ce"] == "-"


def test_german_wikipedia_melting_points_and_the_hydrochloride_conflict() -> None:
    assert (92.0, 93.0, "base", "degC") in _melting("racemic-ketamine")
    assert (262.0, 263.0, None, "degC") in _melting("ketamine-hydrochloride")
    # the conflict rule finds the non-overlapping ranges itself (a curated duplicate is refused)
    pairs = [
        {x.id for x in c.side_a} | {x.id for x in c.side_b} for c in KB.conflicts() if c.kind == "magnitude"
    ]
    assert {
        "ketamine-hydrochloride.melting-point.de-wikipedia",
        "ketamine-hydrochloride.melting-point.swgdrug",
    } in pairs
    # the Ph. Eur.'s "about 260 °C" fits both and conflicts with neither
    assert not any("ketamine-hydrochloride.melting-point.ph-eur" in p for p in pairs)


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("ketamina", "ketamine"),
        ("kétamine", "ketamine"),
        ("Ketamin", "ketamine"),
        ("ketaminum", "ketamine"),
        ("(RS)-2-(2-chlorophenyl)-2-(methylamino)cyclohexanone", "racemic-ketamine"),
        ("(S)-2-(2-chlorophenyl)-2-(methylamino)cyclohexanone", "esketamine"),
        ("(R)-2-(2-chlorophenyl)-2-(methylamino)cyclohexanone", "arketamine"),
        ("JNJ-54135419", "esketamine"),
        ("(2RS)-2-(2-chlorophenyl)-2-(methylamino)cyclohexanone hydrochloride", "ketamine-hydrochloride"),
        ("(S)-2-(o-chlorophenyl)-2-(methylamino)cyclohexanone hydrochloride", "esketamine-hydrochloride"),
        ("opioid μ-receptor", "mu-opioid-receptor"),
    ],
)
def test_names_from_references_resolve(name: str, entity: str) -> None:
    """Other-language generic names, IUPAC names and literature names, each with its evidence in the
    entity's note."""
    found = KB.get(name)
    assert found.id == entity
    assert name.casefold() in (found.note or "").casefold() or name in found.synonyms


def test_iupac_names_keep_the_forms_apart() -> None:
    """The (RS), (S) and (R) names differ only in their descriptor and must not collapse."""
    ids = {KB.get(f"({d})-2-(2-chlorophenyl)-2-(methylamino)cyclohexanone").id for d in ("RS", "S", "R")}
    assert ids == {"racemic-ketamine", "esketamine", "arketamine"}
