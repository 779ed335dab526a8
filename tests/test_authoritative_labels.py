"""Issue 16, topic 3: label facts (dosing, incidences against placebo, onset by route) are present.

Facts are looked up by content, not by claim id, and each must rest on a source of tier
``reference`` or better.
"""

from __future__ import annotations

import pytest

import ketref
from ketref.models.claims import Claim
from ketref.vocabulary import SourceKind, SourceTier, Status

KB = ketref.knowledge_base()


def _find(subject: str, predicate: str, obj: str, route: str | None = None) -> list[Claim]:
    return [
        c
        for c in KB.all_claims()
        if c.subject == subject
        and c.predicate == predicate
        and c.object == obj
        and (route is None or c.context.route == route)
        and any(KB.source(e.source).effective_tier >= SourceTier.REFERENCE for e in c.evidence)
    ]


def _drug_and_placebo(claim: Claim) -> tuple[float, float] | None:
    drug = [v.low for v in claim.values if v.measure and v.measure.startswith("SPRAVATO plus")]
    placebo = [v.low for v in claim.values if v.measure and v.measure.startswith("placebo")]
    return (drug[0], placebo[0]) if drug and placebo else None


# The TRD adverse-reaction table of the US label: effect, percent on drug, percent on placebo.
TRD_TABLE = [
    ("dissociation", 41.0, 9.0),
    ("dizziness", 29.0, 8.0),
    ("nausea", 28.0, 9.0),
    ("sedation", 23.0, 9.0),
    ("vertigo", 23.0, 3.0),
    ("hypoesthesia", 18.0, 2.0),
    ("increased-anxiety", 13.0, 6.0),
    ("lethargy", 11.0, 5.0),
    ("increased-blood-pressure", 10.0, 3.0),
    ("vomiting", 9.0, 2.0),
    ("feeling-drunk", 5.0, 0.5),
]


@pytest.mark.parametrize(("effect", "drug", "placebo"), TRD_TABLE, ids=[row[0] for row in TRD_TABLE])
def test_spravato_trd_incidence_is_recorded_against_placebo(effect: str, drug: float, placebo: float) -> None:
    pairs = [p for c in _find("spravato", "has_adverse_effect", effect) if (p := _drug_and_placebo(c))]
    assert (drug, placebo) in pairs
    assert drug > placebo


def test_spravato_us_trd_schedule_starts_at_56_mg_then_56_or_84() -> None:
    found = [
        c
        for c in _find("spravato", "has_dose", "treatment-resistant-depression")
        if c.context.jurisdiction == "US"
    ]
    assert found
    values = {(v.measure, v.low, v.high) for c in found for v in c.values}
    assert ("first dose", 56.0, 56.0) in values
    assert any(low == 56.0 and high == 84.0 for _, low, high in values)


@pytest.mark.parametrize(
    ("predicate", "route", "unit", "low", "high"),
    [
        ("has_onset", "intravenous", "s", 30.0, 30.0),
        ("has_duration", "intravenous", "min", 5.0, 10.0),
        ("has_onset", "intramuscular", "min", 3.0, 4.0),
        ("has_duration", "intramuscular", "min", 12.0, 25.0),
    ],
)
def test_ketalar_onset_and_duration_by_route(
    predicate: str, route: str, unit: str, low: float, high: float
) -> None:
    found = [
        c
        for c in _find("ketalar", predicate, "anesthesia", route)
        if any(v.unit == unit and (v.low, v.high) == (low, high) for v in c.values)
    ]
    assert found
    # the label's own words, read in a copy of the label, make the figure established
    assert any(
        c.status is Status.ESTABLISHED
        and any(KB.source(e.source).kind is SourceKind.DRUG_LABEL for e in c.evidence)
        for c in found
    )


def test_ketalar_emergence_reactions_in_about_12_percent() -> None:
    found = _find("ketalar", "has_adverse_effect", "emergence-reactions")
    assert any(v.low == 12.0 and v.unit == "percent" for c in found for v in c.values)
    assert any(KB.source(e.source).effective_tier is SourceTier.REGULATORY for c in found for e in c.evidence)


@pytest.mark.parametrize(
    "condition",
    [
        "aneurysmal-vascular-disease",
        "arteriovenous-malformation",
        "intracerebral-hemorrhage",
        "hypersensitivity-to-ketamine",
    ],
)
def test_spravato_contraindications(condition: str) -> None:
    assert _find("spravato", "contraindicated_in", condition)


@pytest.mark.parametrize(
    ("product", "effect"),
    [
        ("spravato", "sedation"),
        ("spravato", "dissociation"),
        ("spravato", "respiratory-depression"),
        ("spravato", "abuse-potential"),
        ("spravato", "suicidality"),
        ("ketalar", "emergence-reactions"),
        ("ketalar", "respiratory-depression"),
        ("ketalar", "drug-induced-liver-injury"),
    ],
)
def test_label_warnings(product: str, effect: str) -> None:
    assert _find(product, "has_warning", effect)


def test_spravato_eu_first_dose_for_adults_65_and_over_is_28_mg() -> None:
    found = [
        c
        for c in _find("spravato", "has_dose", "treatment-resistant-depression")
        if c.context.jurisdiction == "EU"
    ]
    assert any(
        v.low == 28.0 and v.unit == "mg" and "65" in (v.measure or "") for c in found for v in c.values
    )


# The UK SmPC names Ketalar; the Swiss label names the active substance without a form, so its
# claims sit on ketamine.
_CONTRAINDICATIONS = [
    *(
        ("ketalar", "GB", condition)
        for condition in (
            "blood-pressure-elevation-hazard",
            "hypersensitivity-to-ketamine",
            "eclampsia-or-pre-eclampsia",
            "severe-coronary-or-myocardial-disease",
            "cerebrovascular-accident",
            "cerebral-trauma",
        )
    ),
    *(
        ("ketamine", "CH", condition)
        for condition in (
            "hypersensitivity-to-ketamine",
            "uncontrolled-hypertension",
            "blood-pressure-elevation-hazard",
            "eclampsia-or-pre-eclampsia",
            "untreated-hyperthyroidism",
        )
    ),
]


@pytest.mark.parametrize(("subject", "jurisdiction", "condition"), _CONTRAINDICATIONS)
def test_label_contraindications(subject: str, jurisdiction: str, condition: str) -> None:
    found = _find(subject, "contraindicated_in", condition)
    assert any(c.context.jurisdiction == jurisdiction for c in found)


@pytest.mark.parametrize(
    "effect",
    ["hemodynamic-instability", "emergence-reactions", "respiratory-depression", "drug-induced-liver-injury"],
)
def test_ketalar_warnings_rest_on_the_label_as_well_as_the_drug_information_page(effect: str) -> None:
    """The label's own cross-reference seconds the drug-information service's list."""
    found = _find("ketalar", "has_warning", effect)
    sources = {e.source for c in found for e in c.evidence}
    assert {"drugcentral-ketalar-label", "inpharmd-ketamine"} <= sources


def test_ketalar_pediatric_neurotoxicity_warning() -> None:
    assert _find("ketalar", "has_warning", "pediatric-neurotoxicity")


def test_spravato_psychiatric_emergency_schedule_is_84_mg_twice_weekly_for_4_weeks() -> None:
    found = _find("spravato", "has_dose", "mdd-psychiatric-emergency", "intranasal")
    assert found
    values = {(v.low, v.unit, v.measure) for c in found for v in c.values}
    assert (84.0, "mg", "dose, twice a week") in values
    assert (4.0, "week", "duration") in values
    assert (56.0, "mg", "reduced dose, by tolerability") in values


def test_swiss_ketalar_label_calls_emergence_reactions_common_beside_the_us_12_percent() -> None:
    """'Häufig: Aufwachreaktionen wie Halluzinationen, ...' against 'APPROXIMATELY 12 PERCENT'."""
    found = [
        c
        for c in _find("ketalar", "has_adverse_effect", "emergence-reactions")
        if c.context.jurisdiction == "CH"
    ]
    assert found
    assert {(v.low, v.high, v.unit) for v in found[0].values} == {(1.0, 10.0, "percent")}
    # the label's own word, 'häufig', is its highest band: the scale has no 'sehr häufig'
    assert found[0].context.frequency == "common"
    conflict = next(c for c in KB.conflicts() if found[0] in c.side_a + c.side_b)
    assert "sehr häufig" in (conflict.note or "")
    assert "ketalar.has-adverse-effect.emergence-reactions.label" in {
        x.id for x in conflict.side_a + conflict.side_b
    }


@pytest.mark.parametrize("condition", ["blood-pressure-elevation-hazard", "hypersensitivity-to-ketamine"])
def test_us_racemic_ketamine_injection_label_contraindications(condition: str) -> None:
    """Pfizer's US Ketamine Hydrochloride Injection label, section 4, as its highlights give it."""
    found = [
        c
        for c in _find("racemic-ketamine", "contraindicated_in", condition)
        if c.context.jurisdiction == "US"
    ]
    assert any("pfizer-ketamine-injection-highlights" in c.sources for c in found)


def test_spravato_us_dose_for_mdd_with_acute_suicidal_ideation_is_84_mg_twice_weekly() -> None:
    # Epocrates: "major depressive disorder, depressive sx - acutely suicidal pts -
    # [84 mg intranasally 2x/wk"
    found = [
        c
        for c in _find("spravato", "has_dose", "mdd-with-acute-suicidal-ideation-or-behavior", "intranasal")
        if c.context.jurisdiction == "US"
    ]
    assert found
    values = {(v.low, v.unit, v.measure) for c in found for v in c.values}
    assert (84.0, "mg", "dose, twice a week") in values
