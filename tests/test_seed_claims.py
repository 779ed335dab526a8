"""Specific claims, written from the documents' own sentences (not from the data files).

Each test names the sentence it checks; the expectation (subject, predicate, object, status,
numbers) is what the sentence says under the rules of docs/status.md.
"""

from __future__ import annotations

import pytest

import ketref
from ketref import Claim


def find(subject: str, predicate: str, obj: str, source: str) -> list[Claim]:
    found = ketref.claims(subject, predicate, obj, source=source)
    return [r.claim for r in found if r.claim.subject == subject]


def only(subject: str, predicate: str, obj: str, source: str, **expected: object) -> Claim:
    found = find(subject, predicate, obj, source)
    assert found, f"no claim {subject} {predicate} {obj} from {source}"
    claim = found[0]
    for field, value in expected.items():
        actual = getattr(claim, field)
        assert getattr(actual, "value", actual) == value, (field, actual)
    return claim


def values(claim: Claim) -> set[tuple[float, float, str]]:
    return {(v.low, v.high, v.unit) for v in claim.values}


# -- clinic marketing page -----------------------------------------------------------------


def test_racemate_is_an_nmda_antagonist_per_the_clinic() -> None:
    # "Racemic ketamine acts primarily as an N-methyl-D-aspartate (NMDA) receptor antagonist"
    only("racemic-ketamine", "antagonist_of", "nmda-receptor", "ayafusion-clinic", status="reported")


def test_racemate_interacts_with_opioid_receptors_per_the_clinic() -> None:
    # "racemic ketamine interacts with opioid receptors and other neurotransmitter systems"
    only("racemic-ketamine", "interacts_with", "opioid-receptors", "ayafusion-clinic", status="reported")


def test_clinic_suggests_s_ketamine_is_the_more_potent_antidepressant() -> None:
    # "research suggests that S-ketamine may have stronger effects ... more potent antidepressant response"
    claim = only("esketamine", "has_effect", "antidepressant-effect", "ayafusion-clinic", status="suggested")
    assert claim.comparison is not None
    assert (claim.comparison.comparator, claim.comparison.direction.value) == ("arketamine", "greater")


def test_clinic_says_the_racemate_lasts_longer() -> None:
    # "the racemic ketamine mixture has been found to provide better longevity in its antidepressant effects"
    found = [
        c
        for c in ketref.claims("racemic-ketamine", source="ayafusion-clinic")
        if c.subject == "racemic-ketamine" and c.comparison and c.comparison.aspect.value == "duration"
    ]
    assert found
    assert found[0].comparison is not None and found[0].comparison.direction.value == "greater"


# -- blog summary of a meta-analysis -------------------------------------------------------


def test_onset_within_one_to_four_hours_is_about_unspecified_ketamine() -> None:
    # "ketamine often starts to work within 1 to 4 hours post-administration" -- the blog is
    # about racemic-ketamine trials, but the sentence says "ketamine": the form-unspecified entity.
    claim = only("ketamine", "has_onset", "antidepressant-effect", "meta-analysis-blog", status="reported")
    assert (1.0, 4.0, "hour") in values(claim)
    assert not find("racemic-ketamine", "has_onset", "antidepressant-effect", "meta-analysis-blog")


def test_induction_series_of_six_infusions_over_two_to_three_weeks() -> None:
    # "typically starting with 6 infusions over 2–3 weeks, followed by maintenance sessions"
    claim = only("ketamine", "has_protocol", "induction-series", "meta-analysis-blog")
    assert {(6.0, 6.0, "count"), (2.0, 3.0, "week")} <= values(claim)


def test_twenty_to_thirty_percent_do_not_respond() -> None:
    # "About 20–30% of patients do not respond"
    found = ketref.claims("ketamine", "has_nonresponse_rate", source="meta-analysis-blog")
    assert any((20.0, 30.0, "percent") in values(c) for c in found)


def test_racemate_not_fda_approved_for_depression() -> None:
    # "While racemic ketamine is not yet approved for depression by the FDA (unlike S-ketamine/Spravato)"
    claim = only("racemic-ketamine", "approved_for", "depression", "meta-analysis-blog", negated=True)
    assert claim.context.jurisdiction == "US"


def test_bladder_problems_only_in_recreational_use() -> None:
    # "Bladder issues in long-term recreational use (not seen in clinical use)"
    claims = find("ketamine", "has_adverse_effect", "bladder-problems", "meta-analysis-blog")
    settings = {(c.context.setting, c.negated) for c in claims}
    assert settings == {("recreational", False), ("clinical", True)}


# -- vendor technical guide ----------------------------------------------------------------


def test_s_ketamine_disinhibition_is_hypothesized() -> None:
    # "The antidepressant action of (S)-ketamine is hypothesized to involve the disinhibition of GABAergic interneurons"
    only("esketamine", "leads_to", "disinhibition", "benchchem-guide", status="hypothesized")


def test_r_ketamine_mek_erk_role_is_suggested() -> None:
    # "Some studies suggest a greater role for the ... (MEK/ERK) pathway in the antidepressant actions of (R)-ketamine."
    only("arketamine", "leads_to", "mek-erk-signaling", "benchchem-guide", status="suggested")


def test_r_ketamine_more_potent_is_preclinical_and_suggested() -> None:
    # "preclinical studies suggest it may have more potent and longer-lasting antidepressant effects than (S)-ketamine"
    found = [
        c
        for c in find("arketamine", "has_effect", "antidepressant-effect", "benchchem-guide")
        if c.comparison and c.comparison.aspect.value == "potency"
    ]
    assert found
    assert found[0].status.value == "suggested"
    assert found[0].context.level.value == "preclinical"


# -- question-and-answer aggregator --------------------------------------------------------


def test_six_doses_over_one_to_two_weeks_then_boosters() -> None:
    # "Most people start with about six doses over a period of 1 to 2 weeks, and then get booster IVs once every 3 to 5 weeks."
    induction = only("ketamine", "has_protocol", "induction-series", "qa-aggregator")
    assert {(6.0, 6.0, "count"), (1.0, 2.0, "week")} <= values(induction)
    boosters = only("ketamine", "has_protocol", "booster-infusions", "qa-aggregator")
    assert (3.0, 5.0, "week") in values(boosters)


def test_seventy_one_percent_responded_at_24_hours() -> None:
    # "one study showed that at 24 hours, 71% of patients responded to a single dose of ketamine"
    found = ketref.claims("ketamine", "has_response_rate", source="qa-aggregator")
    assert any((71.0, 71.0, "percent") in values(c) for c in found)


def test_protein_synthesis_is_theorized() -> None:
    # "it is theorized that normal levels of protein synthesis are restored"
    statuses = {c.status.value for c in ketref.claims(object="protein-synthesis", source="qa-aggregator")}
    assert "hypothesized" in statuses


def test_esketamine_not_first_line() -> None:
    # "For these reasons, esketamine is not considered a first-line treatment option for depression."
    only("esketamine", "first_line_for", "depression", "qa-aggregator", negated=True)


def test_addictive_like_opioids() -> None:
    # "Like opioids, ketamine has addictive properties."
    only("ketamine", "has_adverse_effect", "addiction", "qa-aggregator", status="reported")


# -- clinic article ------------------------------------------------------------------------


def test_routes_per_form_in_the_clinic_article() -> None:
    # "Doctors typically give patients racemic ketamine via infusion into the bloodstream and esketamine via nasal spray."
    only("racemic-ketamine", "administered_via", "intravenous", "clinic-article")
    only("esketamine", "administered_via", "intranasal", "clinic-article")


def test_social_anxiety_trial_is_suggested_and_dated() -> None:
    # "A clinical trial in 2007 concluded the medication might help treat patients who struggle with Social Anxiety Disorder (SAD)."
    claim = only("ketamine", "treats", "social-anxiety-disorder", "clinic-article", status="suggested")
    assert claim.context.date == "2007"


# -- across documents ----------------------------------------------------------------------


def test_approval_statements_differ_by_form_not_by_conflict() -> None:
    """'Not FDA-approved for depression' (racemate, unspecified) and 'FDA-approved' (esketamine)
    are about different forms: no conflict, and the denial is not inherited by esketamine."""
    approval_conflicts = [c for c in ketref.conflicts() if "approved" in c.topic]
    assert approval_conflicts == []
    assert ketref.claims("ketamine", "approved_for", "depression", negated=True)
    inherited = ketref.claims("esketamine", "approved_for", inherit=True)
    assert inherited and not any(c.negated for c in inherited)


def test_inherited_claims_are_marked_and_keep_their_words() -> None:
    own = ketref.claims("esketamine", "has_adverse_effect")
    with_inherited = ketref.claims("esketamine", "has_adverse_effect", inherit=True)
    extra = [c for c in with_inherited if c not in own]
    assert extra
    for claim in extra:
        assert isinstance(claim, ketref.InheritedClaim)
        assert claim.shown_for == "esketamine"
        assert claim.subject == "ketamine"
        assert claim.evidence == ketref.claim(claim.id).evidence
        assert claim.model_dump(mode="json")["shown_for"] == "esketamine"


def test_comparisons_and_routes_are_never_inherited() -> None:
    for claim in ketref.claims("arketamine", inherit=True):
        if isinstance(claim, ketref.InheritedClaim):
            assert claim.comparison is None
            assert claim.predicate not in {"administered_via", "approved_for", "has_protocol"}


def test_inheritance_needs_a_specific_form() -> None:
    assert ketref.claims("ketamine", inherit=True) == ketref.claims("ketamine")
    with pytest.raises(ketref.QueryTypeError):
        ketref.claims("esketamine", inherit="yes")  # type: ignore[arg-type]


def test_nausea_is_reported_by_three_documents() -> None:
    # blog: "Nausea or headaches"; Q&A: "Nausea/vomiting."; clinic article: "... dizziness, confusion, poor short-term memory, and nausea."
    nausea = next(r for r in ketref.adverse_effects() if r.effect == "nausea")
    # Label-derived sources (#16) add to these; the three seed documents must all be there.
    assert {"meta-analysis-blog", "qa-aggregator", "clinic-article"} <= set(nausea.sources)
    assert "common" in nausea.frequencies  # the blog lists it under "Common Side Effects"


def test_reports_are_ordered_by_how_many_sources_report_them() -> None:
    counts = [r.source_count for r in ketref.adverse_effects()]
    assert counts == sorted(counts, reverse=True)


def test_what_only_the_vendor_guide_says() -> None:
    unique = ketref.unique_claims("benchchem-guide")
    ids = {c.id for c in unique}
    assert "arketamine.leads-to.mek-erk-signaling.benchchem" in ids  # only the guide names MEK/ERK
    assert "esketamine.binds.nmda.greater-affinity.benchchem" not in ids  # Wikipedia says it too
    assert all("benchchem-guide" in c.sources for c in unique)
    # the NMDA antagonism of ketamine is said by several documents: not unique to one
    assert not any(c.predicate == "antagonist_of" and c.subject == "ketamine" for c in unique)
