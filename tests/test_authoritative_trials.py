"""Issue 16, topic 7: clinical evidence, each result with the population and end point it belongs to.

The expectations are written from the quoted sentences, not read back from the data files.
"""

from __future__ import annotations

import ketref
from ketref import Claim


def find(subject: str, predicate: str, obj: str, source: str) -> list[Claim]:
    return [c for c in ketref.claims(subject, predicate, obj, source=source) if c.subject == subject]


def by_measure(claim: Claim) -> dict[str, float]:
    return {v.measure or "": v.low for v in claim.values}


def test_sustain_1_relapse_rates_for_remitters_and_responders() -> None:
    source = "daly-2019-jama-psychiatry-sustain-1"
    claims = find("esketamine", "decreases", "relapse", source)
    rates = {value for c in claims for value in by_measure(c).values()}
    # "24 (26.7%) in the esketamine and antidepressant group and 39 (45.3%) in the antidepressant and
    # placebo group experienced relapse" (stable remitters); "16 (25.8%) ... 34 (57.6%)" (responders)
    assert {26.7, 45.3, 25.8, 57.6, 0.49} <= rates
    remitters = next(c for c in claims if any("stable remitters" in m for m in by_measure(c)))
    assert by_measure(remitters)["relapse, stable remitters, esketamine continued (24 patients)"] == 26.7
    assert all(c.context.route == "intranasal" and c.context.level.value == "clinical" for c in claims)
    assert find("esketamine", "in_clinical_trials_for", "treatment-resistant-depression", source)


def test_escape_trd_remission_at_week_8_against_quetiapine() -> None:
    # "A significantly greater remission rate was observed in the ESK group compared to the
    # quetiapine group at week 8 (27.1% vs. 17.6%, p = 0.003, respectively)."
    claim = find(
        "esketamine",
        "treats",
        "treatment-resistant-depression",
        "pharmaceutics-2023-esketamine-systematic-review",
    )
    escape = next(c for c in claim if c.comparison is not None)
    assert escape.comparison is not None and escape.comparison.comparator == "quetiapine"
    assert by_measure(escape) == {
        "remission at week 8, esketamine": 27.1,
        "remission at week 8, quetiapine": 17.6,
    }


def test_transform_3_found_no_difference_from_placebo_in_older_adults() -> None:
    # "No statistical difference in MADRS score was observed between ESK and placebo groups from
    # baseline to week 4." (138 patients aged 65 or older)
    denials = [
        c
        for c in find(
            "esketamine",
            "treats",
            "treatment-resistant-depression",
            "pharmaceutics-2023-esketamine-systematic-review",
        )
        if c.negated
    ]
    assert any("65" in (c.context.species or "") for c in denials)


def test_arketamine_pilot_was_not_superior_to_placebo() -> None:
    # "Arketamine was not superior to placebo for TRD but demonstrated to be extremely safe."
    source = "arketamine-crossover-pilot-trial"
    result = find("arketamine", "treats", "treatment-resistant-depression", source)
    assert result and result[0].negated and result[0].status.value == "reported"
    assert find("arketamine", "in_clinical_trials_for", "treatment-resistant-depression", source)


def test_the_2021_expert_review_gives_both_forms_rapid_onset_efficacy_in_mdd() -> None:
    # "these agents represent the first non-monoaminergic agents with proven rapid-onset efficacy in
    # major depressive disorder."
    for form in ("ketamine", "esketamine"):
        assert find(form, "treats", "major-depressive-disorder", "mcintyre-2021-am-j-psychiatry")


def test_nasal_esketamine_appears_less_pronounced_than_iv_racemate() -> None:
    # "when compared to intravenously infused racemic ketamine, the response rate, duration of action
    # and anti-suicidal activity of S-ketamine appear to be less pronounced."
    claims = find("esketamine", "has_effect", "antidepressant-effect", "kalkman-2023-biomedicines")
    seen = {
        (c.comparison.comparator, c.comparison.aspect.value, c.comparison.direction.value)
        for c in claims
        if c.comparison
    }
    assert {("racemic-ketamine", "efficacy", "lesser"), ("racemic-ketamine", "duration", "lesser")} <= seen
    assert {c.status.value for c in claims} == {"suggested"}


def test_head_to_head_iv_esketamine_was_non_inferior_to_the_racemate() -> None:
    # "At 24 h, 24.1% of participants in the ketamine group and 29.4% of participants in the esketamine
    # group showed remission ... confirming non-inferiority." (ketamine 0.5 mg/kg, esketamine 0.25 mg/kg IV)
    claims = find(
        "esketamine", "treats", "treatment-resistant-depression", "correia-melo-2020-j-affect-disord"
    )
    claim = claims[0]
    assert claim.comparison is not None
    assert (claim.comparison.comparator, claim.comparison.direction.value) == ("racemic-ketamine", "similar")
    assert sorted(by_measure(claim).values()) == [24.1, 29.4]
    assert claim.context.route == "intravenous"


def test_transform_1_and_2_designs_are_recorded_without_results() -> None:
    for source in ("fedgchin-2019-ijnp-transform-1", "gastaldon-2019-epidemiol-psychiatr-sci"):
        trial = find("esketamine", "in_clinical_trials_for", "treatment-resistant-depression", source)
        assert trial and not trial[0].values


def test_aspire_trials_in_depression_with_suicidal_intent() -> None:
    condition = "mdd-with-acute-suicidal-ideation-or-behavior"
    # "least-squares mean difference [SE]: -3.8 [1.39]" at 24 hours (ASPIRE I)
    aspire_1 = find("esketamine", "treats", condition, "fu-2020-j-clin-psychiatry-aspire-1")
    assert any(-3.8 in by_measure(c).values() for c in aspire_1)
    # "the severity of suicidality was not statistically significant"
    assert any(
        c.negated for c in find("esketamine", "treats", "suicidality", "fu-2020-j-clin-psychiatry-aspire-1")
    )
    # "esketamine (mean [SD]: -15.7 [11.56]) vs placebo (-12.4 [10.43]) ... at 24 hours" (ASPIRE II)
    aspire_2 = find("esketamine", "treats", condition, "ionescu-2021-ijnp-aspire-2")
    assert sorted(by_measure(aspire_2[0]).values()) == [-15.7, -12.4]


def test_arketamine_phase_1_in_healthy_subjects_is_recorded() -> None:
    trial = find(
        "arketamine",
        "in_clinical_trials_for",
        "treatment-resistant-depression",
        "wang-2025-pharmaceuticals-r-ketamine-phase-1",
    )
    assert trial and trial[0].context.route == "intravenous"


def test_arketamine_clinical_record_keeps_the_failed_sponsor_study_beside_the_positive_ones() -> None:
    """Shafique 2024: two studies showed efficacy; the sponsor's study missed its a priori end points."""
    claims = find("arketamine", "treats", "treatment-resistant-depression", "shafique-2024-ijms")
    assert {c.negated for c in claims} == {True, False}
    failed = next(c for c in claims if c.negated)
    assert "post hoc" in (failed.note or "")
    assert find("arketamine", "treats", "bipolar-depression", "shafique-2024-ijms")


def test_bahji_2021_racemate_gave_greater_response_than_esketamine() -> None:
    # "24 trials representing 1877 participants were pooled. Racemic ketamine relative to esketamine
    # demonstrated greater overall response"
    claims = find("racemic-ketamine", "treats", "depression", "bahji-2021-j-affect-disord")
    assert claims and claims[0].comparison is not None
    assert (claims[0].comparison.comparator, claims[0].comparison.direction.value) == (
        "esketamine",
        "greater",
    )
    assert "1877" in (claims[0].note or "")


def test_meta_analysis_of_36_trials_gives_pooled_rate_ratios_against_placebo() -> None:
    # "improved response (RR=2.14; ...), remission (RR=1.64; ...)"
    source = "ketamine-esketamine-meta-analysis-36-trials"
    pooled = find("ketamine", "treats", "depression", source)
    assert pooled and {2.14, 1.64} <= set(by_measure(pooled[0]).values())
    # "Ketamine and esketamine are effective, safe, and acceptable treatments"
    assert find("esketamine", "treats", "depression", source)


def test_transform_1_and_2_response_at_day_28() -> None:
    source = "cpt-2020-esketamine-trd-benefit-risk"
    claims = find("esketamine", "treats", "treatment-resistant-depression", source)
    values = {m: v for c in claims for m, v in by_measure(c).items()}
    # "TRANSFORM-2 69.3 52 17.3 (4.01-30.60)" (responders) and "52.5 31" (remitters), day 28
    assert values["response at day 28, esketamine plus antidepressant"] == 69.3
    assert values["remission at day 28, antidepressant plus placebo spray"] == 31.0
    # "TRANSFORM-1 (56 mg) 54.1 38.9 15.2 (2.11-28.22)"
    assert values["response at day 28, esketamine 56 mg plus antidepressant"] == 54.1
    assert all(c.context.route == "intranasal" and not c.negated for c in claims)


def test_rates_carry_their_population_and_the_36_trial_review_is_identified() -> None:
    kb = ketref.knowledge_base()
    # the publisher's page: "Efficacy and safety of racemic ketamine and esketamine for depression: a
    # systematic review and meta-analysis ... Pages 853-866"
    review = kb.source("ketamine-esketamine-meta-analysis-36-trials")
    assert review.doi == "10.1080/14740338.2022.2047928" and review.pmid is None
    pooled = find("ketamine", "treats", "depression", review.id)
    assert "major depression" in (pooled[0].context.species or "") and pooled[0].caveat
    cpt = find(
        "esketamine", "treats", "treatment-resistant-depression", "cpt-2020-esketamine-trd-benefit-risk"
    )
    assert all("TRANSFORM" in (c.context.species or "") for c in cpt)
    # PubMed Central: "2021 Oct 25;21:526 ... PMID: 34696742"
    assert kb.source("takahashi-2021-bmc-psychiatry-japan-phase-2b").pmid == "34696742"


def test_sustain_3_design_is_recorded() -> None:
    # "Phase 3, open-label, single-arm long-term extension study (SUSTAIN-3)"
    trial = find(
        "esketamine", "in_clinical_trials_for", "treatment-resistant-depression", "zaki-2025-ijnp-sustain-3"
    )
    assert trial and "1148" in (trial[0].note or "")


def test_pcn_101_phase_2a_missed_its_24_hour_primary_end_point() -> None:
    # "On the primary endpoint of MADRS at 24 hours, the mean change from baseline was -15.3 for
    # PCN-101 60mg compared to- 13.7 for placebo (-1.6 pbo-adj; p-value 0.5)."
    source = "atai-2023-pcn-101-phase-2a-topline"
    result = find("arketamine", "treats", "treatment-resistant-depression", source)
    assert result and result[0].negated and result[0].context.route == "intravenous"
    assert sorted(by_measure(result[0]).values()) == [-15.3, -13.7]
    # The topline rests on the sponsor's own pages, which ketref grades as secondary.
    kb = ketref.knowledge_base()
    assert all(kb.source(e.source).effective_tier.value == "secondary" for e in result[0].evidence)
    # The registry gives the design and the primary end point.
    assert find(
        "arketamine",
        "in_clinical_trials_for",
        "treatment-resistant-depression",
        "nct05414422-registry-results",
    )


def test_sustain_2_open_label_year_is_recorded_with_its_induction_change() -> None:
    source = "pharmaceutics-2023-esketamine-systematic-review"
    # "OL trial (SUSTAIN-2) 802 MDD patients with TRD ... 52 weeks IN ESK 28-84 mg": the trial's own
    # abstract could not be found again, so the design rests on the systematic review's table.
    trial = find("esketamine", "in_clinical_trials_for", "treatment-resistant-depression", source)
    assert trial and "802" in (trial[0].note or "")
    assert {e.source for e in trial[0].evidence} == {source}
    # "MADRS score decreased in the IND phase (baseline to week 4) (mean [SD] change: -16.4 [8.76])"
    changes = find("esketamine", "treats", "treatment-resistant-depression", source)
    assert any(-16.4 in by_measure(c).values() for c in changes)
    assert all("open-label" in (c.context.species or "") for c in changes if -16.4 in by_measure(c).values())


def test_japanese_phase_2b_found_no_difference_from_placebo() -> None:
    # "(- 15.2, - 14.5, - 15.1, and - 15.3 for esketamine 28 mg, 56 mg, 84 mg, and placebo groups)"
    claims = find(
        "esketamine",
        "treats",
        "treatment-resistant-depression",
        "takahashi-2021-bmc-psychiatry-japan-phase-2b",
    )
    assert claims and claims[0].negated and "Japanese" in (claims[0].context.species or "")
    assert sorted(by_measure(claims[0]).values()) == [-15.3, -15.1]
