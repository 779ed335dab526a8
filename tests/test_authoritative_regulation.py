"""Issue 16, topic 2: the regulatory facts curated from regulators and labels are present.

Each test looks a fact up by its content (subject, predicate, object, jurisdiction), not by a
claim id, and checks that it rests on a source of tier ``reference`` or better, so a fact that
loses its authoritative source fails here.
"""

from __future__ import annotations

import ketref
from ketref.models.claims import Claim
from ketref.vocabulary import SourceKind, SourceTier, Status

KB = ketref.knowledge_base()


def _find(subject: str, predicate: str, obj: str, jurisdiction: str | None = None) -> list[Claim]:
    return [
        c
        for c in KB.all_claims()
        if c.subject == subject
        and c.predicate == predicate
        and c.object == obj
        and (jurisdiction is None or c.context.jurisdiction == jurisdiction)
    ]


def _best_tier(claim: Claim) -> SourceTier:
    return max((KB.source(e.source).effective_tier for e in claim.evidence), key=lambda t: t.rank)


def _authoritative(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if _best_tier(c) >= SourceTier.REFERENCE]


def test_ketamine_is_schedule_iii_in_the_us_since_august_1999() -> None:
    found = _authoritative(_find("ketamine", "controlled_in", "us-csa-schedule-iii", "US"))
    assert found
    claim = found[0]
    assert claim.context.date == "1999-08-12"
    assert claim.status is Status.ESTABLISHED
    assert _best_tier(claim) is SourceTier.REGULATORY


def test_esketamine_and_both_products_are_schedule_iii() -> None:
    for subject in ("esketamine", "spravato", "ketalar"):
        assert _authoritative(_find(subject, "controlled_in", "us-csa-schedule-iii", "US")), subject


def test_ketamine_is_class_b_in_the_uk_from_june_2014() -> None:
    found = _authoritative(_find("ketamine", "controlled_in", "uk-misuse-of-drugs-act-class-b", "GB"))
    assert [c.context.date for c in found] == ["2014-06-10"]


def test_ketalar_was_first_approved_in_the_us_in_1970() -> None:
    found = _authoritative(_find("ketalar", "approved_for", "general-anesthesia", "US"))
    assert any(c.context.date == "1970" and c.status is Status.ESTABLISHED for c in found)


def test_spravato_indications_in_the_us_and_the_eu() -> None:
    mdd_si = "mdd-with-acute-suicidal-ideation-or-behavior"
    assert _authoritative(_find("spravato", "approved_for", mdd_si, "US"))
    assert _authoritative(_find("spravato", "approved_for", "treatment-resistant-depression", "EU"))
    assert _authoritative(_find("spravato", "approved_for", "mdd-psychiatric-emergency"))


def test_spravato_rems_requires_at_least_two_hours_of_observation() -> None:
    found = _authoritative(_find("spravato", "has_protocol", "spravato-rems", "US"))
    assert found
    hours = [v for c in found for v in c.values if v.unit == "h"]
    assert hours and hours[0].low == 2.0
    assert KB.get("SPRAVATO REMS").id == "spravato-rems"


def test_spravato_boxed_warnings_are_each_recorded() -> None:
    for effect in ("sedation", "dissociation", "respiratory-depression", "abuse-potential"):
        found = _authoritative(_find("spravato", "has_adverse_effect", effect, "US"))
        assert any(c.status is Status.ESTABLISHED for c in found), effect


def test_the_two_label_versions_of_dissociation_incidence_are_kept_with_their_conflict() -> None:
    ranges = {
        (v.low, v.high)
        for c in _find("spravato", "has_adverse_effect", "dissociation", "US")
        for v in c.values
        if v.measure and "CADSS" in v.measure
    }
    assert {(61.0, 75.0), (61.0, 84.0)} <= ranges
    curated = [c for c in KB.conflicts() if "CADSS" in c.topic]
    assert curated


def test_spravato_eu_authorisation_dated_18_december_2019_by_the_ema() -> None:
    found = _authoritative(_find("spravato", "approved_for", "treatment-resistant-depression", "EU"))
    dated = [c for c in found if c.context.date == "2019-12-18"]
    assert dated
    assert any(KB.source(e.source).effective_tier == SourceTier.REGULATORY for e in dated[0].evidence)
    assert dated[0].status == Status.ESTABLISHED


def test_spravato_us_monotherapy_approval_in_january_2025_is_reported_and_below_reference() -> None:
    """Only a trade newsletter's news item and the sponsor's release were read: the claim is
    reported, dated to the month, says so, and its best source is secondary (a news item)."""
    found = _find("spravato", "approved_for", "treatment-resistant-depression", "US")
    mono = [c for c in found if c.context.date == "2025-01"]
    assert mono
    assert mono[0].status == Status.REPORTED
    assert "monotherapy" in (mono[0].note or "")
    assert _best_tier(mono[0]) is SourceTier.SECONDARY
    assert KB.source("canady-2025-mhw").kind is SourceKind.NEWS


def test_spravato_monotherapy_approval_also_rests_on_the_sponsors_press_release() -> None:
    """J&J's release of 21 January 2025 is the sponsor's word (tier secondary), not the FDA's."""
    mono = _find("spravato", "approved_for", "treatment-resistant-depression", "US")
    claim = next(c for c in mono if c.id == "spravato.approved-for.trd.monotherapy.us.2025")
    assert "jnj-press-release-spravato-monotherapy-2025" in claim.sources
    assert KB.source("jnj-press-release-spravato-monotherapy-2025").effective_tier is SourceTier.SECONDARY
    assert claim.status is Status.REPORTED


def test_spravato_suicidal_ideation_indication_dated_to_2020_as_reported() -> None:
    mdd_si = "mdd-with-acute-suicidal-ideation-or-behavior"
    found = _find("spravato", "approved_for", mdd_si, "US")
    dated = [c for c in found if c.context.date == "2020"]
    assert dated
    assert dated[0].status is Status.REPORTED
    assert _best_tier(dated[0]) is SourceTier.SECONDARY  # a trade newsletter's news item
    assert KB.source("canady-2020-mhw").kind is SourceKind.NEWS
    assert "Aug. 3" in dated[0].evidence[0].quote


def test_ketamine_is_in_schedule_i_of_the_canadian_cdsa() -> None:
    found = _authoritative(_find("ketamine", "controlled_in", "ca-cdsa-schedule-i", "CA"))
    assert found
    assert found[0].status is Status.ESTABLISHED
    assert _best_tier(found[0]) is SourceTier.REGULATORY
    assert "item 14 of Schedule I" in found[0].evidence[0].quote


def test_ketamine_is_class_c_in_new_zealand_from_december_2010() -> None:
    found = _authoritative(_find("ketamine", "controlled_in", "nz-misuse-of-drugs-act-class-c", "NZ"))
    assert [c.context.date for c in found] == ["2010-12-01"]
    assert found[0].status is Status.ESTABLISHED


def test_esketamine_and_ketamine_are_schedule_8_in_australia() -> None:
    s8 = "au-poisons-standard-schedule-8"
    eske = _authoritative(_find("esketamine", "controlled_in", s8, "AU"))
    assert any(c.status is Status.ESTABLISHED for c in eske)
    keta = _authoritative(_find("ketamine", "controlled_in", s8, "AU"))
    assert keta and all(c.status is Status.REPORTED for c in keta)
    assert KB.get("Schedule 8 (Australian Poisons Standard)").id == s8


def test_who_recommended_in_2015_against_international_control_of_ketamine() -> None:
    found = _find("ketamine", "controlled_in", "un-international-drug-control")
    assert found
    claim = found[0]
    assert claim.negated
    assert claim.context.date == "2015-12"
    assert claim.status is Status.REPORTED
    assert "should not be placed under international control" in claim.evidence[0].quote


def test_a_profile_gives_controlled_drug_status_under_regulation() -> None:
    """A lecturer looks for the schedule under Regulation, with the country and the year."""
    sections = {s.title: [st.text for st in s.statements] for s in ketref.profile("ketamine").sections}
    regulation = sections["Regulation"]
    us = "in the United States (1999)"
    assert any("schedule III" in t and t.endswith(us) for t in regulation), regulation
    assert any("class C" in t and t.endswith("in New Zealand (2010)") for t in regulation), regulation
    assert not any("controlled drug" in t for t in sections["Other statements"])
    spravato = {s.title: [st.text for st in s.statements] for s in ketref.profile("spravato").sections}
    assert any("schedule III" in t for t in spravato["Regulation"]), spravato["Regulation"]


def test_the_regulatory_table_names_each_jurisdiction() -> None:
    table = ketref.table("regulatory")
    rows = {(row[0].text, row[1].text): row[2].text for row in table.rows}
    assert "schedule I (Canada Controlled Drugs and Substances Act)" in rows[("Ketamine", "Canada")]
    assert "(2010-12-01)" in rows[("Ketamine", "New Zealand")]
    assert not any(len(where) == 2 and where.isupper() for _, where in rows), sorted(rows)


def test_a_date_resting_only_on_weaker_sources_says_so() -> None:
    """Spravato's US approval for TRD is graded by the label's words; its 2025 date (monotherapy)
    comes only from a news item and the sponsor, and the statement says so."""
    sections = {s.title: [st.text for st in s.statements] for s in ketref.profile("spravato").sections}
    trd = [t for t in sections["Regulation"] if "treatment-resistant depression in the United States" in t]
    assert trd == [
        "Spravato is approved for treatment-resistant depression in the United States "
        "(2019; 2025, secondary sources only)"
    ], trd
    table = ketref.table("regulatory")
    row = next(r for r in table.rows if (r[0].text, r[1].text) == ("Spravato", "United States"))
    assert "(2019-03-05; 2025-01, secondary sources only)" in row[2].text
    # a date on a reference work or better reads plainly
    assert any(t.endswith("in the European Union (2019)") for t in sections["Regulation"])
