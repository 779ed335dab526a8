"""Issue 16, topic 4: receptor pharmacology per form, as the sources read say it.

Each expectation is written from the sentence quoted in the test, not from the data files: the
subject follows the form the sentence names, the numbers and units are the sentence's own.
"""

from __future__ import annotations

import ketref
from ketref import Claim
from ketref.vocabulary import SourceTier


def find(subject: str, predicate: str, obj: str, source: str) -> list[Claim]:
    return [c for c in ketref.claims(subject, predicate, obj, source=source) if c.subject == subject]


def one(subject: str, predicate: str, obj: str, source: str) -> Claim:
    found = find(subject, predicate, obj, source)
    assert found, f"no claim {subject} {predicate} {obj} from {source}"
    return found[0]


def measured(claim: Claim, measure: str) -> set[tuple[float, str]]:
    return {(v.low, v.unit) for v in claim.values if v.measure == measure}


def test_ketamine_inhibits_hcn1_and_s_ketamine_more_potently_than_the_racemate() -> None:
    # "Ketamine caused subunit-specific inhibition of recombinant HCN1-containing channels ..."
    assert one("ketamine", "inhibits", "hcn1-channel", "chen-2009-j-neurosci").status.value == "reported"
    # "the channels were more potently inhibited by S-(+)-ketamine than racemic ketamine"
    s_form = one("esketamine", "inhibits", "hcn1-channel", "chen-2009-j-neurosci")
    assert s_form.context.level.value == "in_vitro"
    one("racemic-ketamine", "inhibits", "hcn1-channel", "chen-2009-j-neurosci")


def test_racemic_ketamine_inhibits_alpha7_at_20_and_alpha4beta2_at_50_micromolar() -> None:
    # "pure racemic ketamine" ... "with IC(50) values of 20 and 50 microM respectively"
    a7 = one("racemic-ketamine", "inhibits", "nicotinic-alpha7-receptor", "coates-2001-br-j-pharmacol")
    assert measured(a7, "IC50") == {(20.0, "µM")}
    a4b2 = one("racemic-ketamine", "inhibits", "nicotinic-alpha4beta2-receptor", "coates-2001-br-j-pharmacol")
    assert measured(a4b2, "IC50") == {(50.0, "µM")}
    assert "Xenopus" in (a7.context.assay or "")


def test_muscarinic_binding_and_kappa_agonism_from_the_chiral_binding_study() -> None:
    source = "chiral-ketamine-opioid-pcp-sigma-muscarinic"
    one("ketamine", "binds", "muscarinic-acetylcholine-receptors", source)
    # "... indicate that ketamine is a κ agonist in the guinea-pig ileum preparation": an inference
    kappa = one("ketamine", "agonist_of", "kappa-opioid-receptor", source)
    assert kappa.status.value == "suggested"


def _potency(claim: Claim) -> tuple[str, str, float]:
    c = claim.comparison
    assert c is not None and c.magnitude is not None
    return c.comparator, c.direction.value, c.magnitude.low


def test_anaesthetic_potency_ratios_of_s_against_r_are_kept_from_each_source() -> None:
    # "consistent with a PK:MK potency ratio of 3.4:1" ((+)ketamine is the S form)
    white = one("esketamine", "has_effect", "anesthesia", "white-ketamine-isomers-surgical-patients")
    assert _potency(white) == ("arketamine", "greater", 3.4)
    # "The anaesthetic potency of S(+)-ketamine was found to be three times higher than ... R(-)"
    older = one("esketamine", "has_effect", "anesthesia", "s-ketamine-probands-1992-anaesthesist")
    assert _potency(older) == ("arketamine", "greater", 3.0)


def test_review_postulates_four_fold_over_r_and_two_fold_over_the_racemate() -> None:
    # "the S(+)-enantiomer has been postulated to be a four times more potent anesthetic and
    # analgesic than the R(-)-enantiomer and approximately two times more effective than the racemic"
    claims = find("esketamine", "has_effect", "anesthesia", "peltoniemi-2016-clin-pharmacokinet")
    ratios = {_potency(c) for c in claims}
    assert ("arketamine", "greater", 4.0) in ratios
    assert ("racemic-ketamine", "greater", 2.0) in ratios
    assert {c.status.value for c in claims} == {"hypothesized"}
    analgesia = one("esketamine", "has_effect", "analgesia", "peltoniemi-2016-clin-pharmacokinet")
    assert _potency(analgesia) == ("arketamine", "greater", 4.0)


def test_the_differing_potency_ratios_are_reported_as_conflicts() -> None:
    topics = [
        c.topic for c in ketref.conflicts() if c.topic.startswith("potency of arketamine vs esketamine")
    ]
    # one fold rule (#13): a stated "3" allows 2.5 to 3.5 and so fits 3.4; a stated "4" (3.5 to 4.5)
    # cannot be right together with 3.4 (3.35 to 3.45)
    assert any("3.4 fold" in t and "4 fold" in t for t in topics), topics


def test_every_source_of_this_topic_is_reference_tier_or_better_and_locatable() -> None:
    kb = ketref.knowledge_base()
    ids = {
        "chen-2009-j-neurosci",
        "coates-2001-br-j-pharmacol",
        "chiral-ketamine-opioid-pcp-sigma-muscarinic",
        "white-ketamine-isomers-surgical-patients",
        "s-ketamine-probands-1992-anaesthesist",
        "peltoniemi-2016-clin-pharmacokinet",
    }
    for source_id in ids:
        source = kb.source(source_id)
        assert source.effective_tier >= SourceTier.REFERENCE, source_id
        assert source.url or source.pmid or source.doi, source_id
        assert source.accessed == "2026-12-02", source_id


def test_the_2024_review_gives_three_fold_analgesic_potency_and_1_5_fold_anaesthetic_efficacy() -> None:
    # "three times stronger analgesic effects and 1.5 times greater anesthetic efficacy than arketamine"
    analgesia = one("esketamine", "has_effect", "analgesia", "kawczak-2024-biomedicines")
    assert _potency(analgesia) == ("arketamine", "greater", 3.0)
    anaesthesia = one("esketamine", "has_effect", "anesthesia", "kawczak-2024-biomedicines")
    assert anaesthesia.comparison is not None and anaesthesia.comparison.aspect.value == "efficacy"
    assert _potency(anaesthesia) == ("arketamine", "greater", 1.5)


def test_r_ketamine_at_sigma_1_and_s_ketamine_at_mu_opioid_receptors() -> None:
    # "The S-enantiomer acts as ... an opioid μ-receptor agonist, whereas the R-enantiomer binds to
    # σ1-receptors and is believed to act as an agonist."
    source = "kalkman-2023-biomedicines"
    assert one("arketamine", "binds", "sigma-1-receptor", source).status.value == "reported"
    assert one("arketamine", "agonist_of", "sigma-1-receptor", source).status.value == "hypothesized"
    assert one("esketamine", "agonist_of", "mu-opioid-receptor", source).status.value == "reported"


def test_1992_volunteer_study_gives_four_fold_for_binding_and_for_pain() -> None:
    source = "sensory-perception-nmda-1992-jpet"
    # "(S)-Ketamine was at least 4 times as potent as (R)-ketamine in this respect." (dizocilpine)
    binding = one("esketamine", "binds", "nmda-receptor", source)
    assert binding.comparison is not None and binding.comparison.magnitude is not None
    assert binding.comparison.magnitude.qualifier.value == ">="
    # "(S)-Ketamine was 4 times as potent as (R)-ketamine in reducing pain perception"
    assert _potency(one("esketamine", "has_effect", "analgesia", source)) == ("arketamine", "greater", 4.0)


def test_ketamine_has_similar_affinity_at_nmda_and_d2high_and_lower_at_5ht2() -> None:
    # "ketamine shows very similar affinity at the NMDA receptor and D2 sites with a slightly lower
    # affinity for 5-HT2 (0.5 μM, 0.5 μM and 15 μM respectively)"
    source = "ketamine-pcp-direct-d2-5ht2-effects"
    assert measured(one("ketamine", "binds", "nmda-receptor", source), "affinity") == {(0.5, "µM")}
    d2 = one("ketamine", "binds", "dopamine-d2-receptor", source)
    assert measured(d2, "affinity") == {(0.5, "µM")}
    assert "D2High" in (d2.context.assay or "")
    five_ht2 = one("ketamine", "binds", "serotonin-5-ht2-receptor", source)
    assert measured(five_ht2, "affinity") == {(15.0, "µM")}
    # "... suggesting a partial agonist effect at the D2 receptor."
    assert one("ketamine", "agonist_of", "dopamine-d2-receptor", source).status.value == "suggested"


def test_neither_enantiomer_binds_d2_or_the_monoamine_transporters_up_to_10_micromolar() -> None:
    # "Neither ketamine's enantiomers nor its metabolites had affinity for DA receptors or the DA,
    # noradrenaline, and serotonin transporters (up to 10 μM)."
    source = "ketamine-metabolites-striatal-dopamine-2016"
    for form in ("esketamine", "arketamine"):
        for target in (
            "dopamine-d2-receptor",
            "dopamine-transporter",
            "norepinephrine-transporter",
            "serotonin-transporter",
        ):
            claim = one(form, "binds", target, source)
            assert claim.negated, (form, target)
            assert claim.status.value == "reported"


def test_the_d2_disagreement_is_a_curated_conflict() -> None:
    found = [c for c in ketref.conflicts() if c.topic.startswith("Whether ketamine binds the dopamine D2")]
    assert found
    sides = {c.id for c in found[0].side_a} | {c.id for c in found[0].side_b}
    assert "ketamine.binds.d2.ki.seeman-2005" in sides
    assert "esketamine.does-not-bind.d2.can-2016" in sides


def test_salat_2015_gives_a_submicromolar_nmda_ki_for_ketamine() -> None:
    # "The K-i values of ketamine, norketamine and dehydronorketamine at NMDA receptors were
    # 0.119 +/- 0.01, 0.97 +/- 0.1 and 3.21 +/- 0.3 mu M, respectively."
    claim = one("ketamine", "binds", "nmda-receptor", "salat-2015-neuropharmacology")
    assert measured(claim, "Ki") == {(0.119, "µM")}
    assert "MK-801" in (claim.context.assay or "")


def test_ketamine_inhibits_m1_muscarinic_receptors_at_5_7_micromolar() -> None:
    # "The IC50 was 5.7 micro Meter, (1.56 micro gram/mL), well within the clinically relevant ..."
    claim = one("ketamine", "inhibits", "muscarinic-m1-receptor", "muscarinic-m1-1995-anesth-analg")
    assert measured(claim, "IC50") == {(5.7, "µM")}
    # the 1997 follow-up restates the figure for Ketalar: a second piece of evidence
    assert "ketamine-stereoisomers-muscarinic-anesthesiology" in claim.sources


def test_m1_inhibition_per_form_and_the_folds_derived_from_it() -> None:
    # "The IC50. was 125 +/- 33 microM for S(+) ketamine, and 91 +/- 19 microM for R(-) ketamine."
    # "The R(-)/S(+) mixture had an IC50 of 48 +/- 1 microM"
    source = "ketamine-stereoisomers-muscarinic-anesthesiology"
    expected = {"esketamine": 125.0, "arketamine": 91.0, "racemic-ketamine": 48.0}
    for form, ic50 in expected.items():
        claim = one(form, "inhibits", "muscarinic-m1-receptor", source)
        assert measured(claim, "IC50") == {(ic50, "µM")}, form
    folds = {
        (f.stronger, f.weaker)
        for f in ketref.affinity_folds()
        if f.target == "muscarinic-m1-receptor" and f.source == source
    }
    assert ("arketamine", "esketamine") in folds
    assert ("racemic-ketamine", "esketamine") in folds


def test_1997_background_gives_three_fold_analgesic_potency_of_s_over_r() -> None:
    # "the S(+) ketamine isomer, which is three times as potent an analgesic as the R(-) isomer"
    claim = one("esketamine", "has_effect", "analgesia", "ketamine-stereoisomers-muscarinic-anesthesiology")
    assert _potency(claim) == ("arketamine", "greater", 3.0)


def test_s_ketamine_is_about_twice_as_potent_as_the_racemate_for_anaesthesia_and_analgesia() -> None:
    # "anaesthetic and analgesic pharmacological studies have shown that S(+)-ketamine is
    # approximately two times as potent as racemic ketamine"
    source = "s-ketamine-clinical-place-1998"
    for effect in ("anesthesia", "analgesia"):
        claim = one("esketamine", "has_effect", effect, source)
        assert _potency(claim) == ("racemic-ketamine", "greater", 2.0), effect
        assert claim.status.value == "reported"


def test_new_pharmacology_sources_are_reference_tier_and_locatable() -> None:
    kb = ketref.knowledge_base()
    for source_id in (
        "ketamine-pcp-direct-d2-5ht2-effects",
        "ketamine-metabolites-striatal-dopamine-2016",
        "salat-2015-neuropharmacology",
        "muscarinic-m1-1995-anesth-analg",
        "ketamine-stereoisomers-muscarinic-anesthesiology",
        "s-ketamine-clinical-place-1998",
    ):
        source = kb.source(source_id)
        assert source.effective_tier >= SourceTier.REFERENCE, source_id
        assert source.url or source.pmid or source.doi, source_id


def test_s_ketamine_selectively_activates_mu_and_kappa_opioid_receptors() -> None:
    # "including selective mu and kappa opioid receptor activation by (S)-ketamine in mPFC."
    source = "bonaventura-2021-mol-psychiatry"
    for target in ("mu-opioid-receptor", "kappa-opioid-receptor"):
        assert one("esketamine", "activates", target, source).status.value == "reported"
    assert not find("arketamine", "activates", "mu-opioid-receptor", source)


def test_s_ketamine_out_binds_the_racemate_at_nmda_and_neither_binds_d2_or_5ht2() -> None:
    source = "liu-2006-life-sci"
    # "(+)-ketamine showed a higher affinity for NMDA receptor than that of (+/-)-ketamine"
    nmda = one("esketamine", "binds", "nmda-receptor", source)
    assert nmda.comparison is not None and nmda.comparison.comparator == "racemic-ketamine"
    assert nmda.comparison.aspect.value == "affinity" and nmda.comparison.direction.value == "greater"
    # "(+)-ketamine and (+/-)-ketamine showed no affinity for dopamine D2 and serotonin 5-HT2 receptor."
    for form in ("esketamine", "racemic-ketamine"):
        for target in ("dopamine-d2-receptor", "serotonin-5-ht2-receptor"):
            assert one(form, "binds", target, source).negated, (form, target)
    topics = {c.topic for c in ketref.conflicts()}
    assert any(t.startswith("Whether ketamine binds the serotonin 5-HT2") for t in topics)


def test_s_ketamine_is_about_1_4_fold_more_potent_than_the_racemate_as_a_hypnotic_in_mice() -> None:
    # "the (+)-isomers elicited episodes of hypnosis nearly 1.4-fold more potent than ... racemic ketamine"
    claim = one("esketamine", "has_effect", "hypnosis", "liu-2006-life-sci")
    assert _potency(claim) == ("racemic-ketamine", "greater", 1.4)


def test_ketamine_is_a_weak_mu_agonist_and_an_allosteric_modulator_of_all_three_opioid_receptors() -> None:
    source = "ketamine-opioid-allosteric-modulators"
    # "micromolar concentrations of ketamine alone had weak agonist activity at μ opioid receptors"
    one("ketamine", "agonist_of", "mu-opioid-receptor", source)
    # "All three opioid receptors (μ, δ, and κ) showed synergism with submicromolar concentrations
    # of ketamine"
    for target in ("mu-opioid-receptor", "delta-opioid-receptor", "kappa-opioid-receptor"):
        one("ketamine", "modulates", target, source)
    # "S-ketamine exhibited higher modulatory effects compared with R-ketamine or racemic ketamine"
    one("esketamine", "modulates", "opioid-receptors", source)


def test_s_ketamine_binds_the_nmda_channel_vestibule_with_greater_affinity_than_r() -> None:
    source = "ketamine-human-nmda-structure-nature"
    claims = find("esketamine", "binds", "nmda-receptor", source)
    # "with the (S)-enantiomer having greater affinity for the NMDA receptor"
    assert any(c.comparison is not None and c.comparison.comparator == "arketamine" for c in claims)
    # "the binding pocket for S-ketamine in the central vestibule between the channel gate and ..."
    assert any(c.comparison is None and "cryo-electron" in (c.context.assay or "") for c in claims)


def test_ketamine_binds_trkb_directly_in_the_2021_cell_study() -> None:
    # "Several antidepressants, including SSRIs and ketamine, directly bind to TRKB"
    claim = one("ketamine", "binds", "trkb", "casarotto-2021-cell")
    assert claim.status.value == "reported"
    assert not claim.negated
    source = ketref.knowledge_base().source("casarotto-2021-cell")
    assert source.effective_tier >= SourceTier.REFERENCE
    assert source.doi == "10.1016/j.cell.2021.01.034"
    assert source.authors[0] == "Casarotto PC" and source.authors[-1] == "Castrén E"


def test_erk_possibly_underlies_r_ketamines_antidepressant_effects() -> None:
    # "... and that extracellular signal-regulated kinase possibly underlie the antidepressant
    # effects of (R)-ketamine"
    claim = one("arketamine", "acts_through", "mek-erk-signaling", "yang-2019-transl-psychiatry")
    assert claim.status.value == "suggested"
    assert claim.context.level.value == "preclinical"
    # the same sentence: mTORC1 serves (S)-ketamine but not (R)-ketamine
    assert one("arketamine", "acts_through", "mtor", "yang-2019-transl-psychiatry").negated
