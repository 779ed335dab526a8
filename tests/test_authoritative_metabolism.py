"""Issue 16, topic 6: metabolism and the metabolites' pharmacology, as the sources read say it.

The expectations are written from the quoted sentences, not read back from the data files.
"""

from __future__ import annotations

import ketref
from ketref import Claim


def one(subject: str, predicate: str, obj: str, source: str, *, negated: bool = False) -> Claim:
    found = [
        c
        for c in ketref.claims(subject, predicate, obj, source=source)
        if c.subject == subject and c.negated is negated
    ]
    assert found, f"no claim {subject} {predicate} {obj} from {source}"
    return found[0]


def test_norketamine_enantiomers_are_forms_of_norketamine() -> None:
    kb = ketref.knowledge_base()
    for form in ("s-norketamine", "r-norketamine"):
        entity = kb.get(form)
        assert getattr(entity, "form_of", None) == "norketamine"
    assert kb.get("noresketamine").id == "s-norketamine"


def test_norketamine_enantiomer_ki_values_give_a_fold_that_agrees_with_the_stated_eight() -> None:
    # "(S)-Norketamine (Ki 1.7 microM) had approximately an 8 times higher affinity than
    # (R)-norketamine (Ki 13 microM)"
    fold = next(
        f
        for f in ketref.affinity_folds()
        if f.target == "nmda-receptor" and {f.stronger, f.weaker} == {"s-norketamine", "r-norketamine"}
    )
    assert fold.stronger == "s-norketamine"
    assert round(fold.fold, 2) == round(13 / 1.7, 2)
    assert fold.checks and all(check.agrees for check in fold.checks)


def test_norketamine_is_weaker_than_ketamine_in_one_binding_study() -> None:
    # Same experiments: (S)-ketamine 0.3 µM against (S)-norketamine 1.7 µM.
    fold = next(
        f
        for f in ketref.affinity_folds()
        if f.target == "nmda-receptor" and (f.stronger, f.weaker) == ("esketamine", "s-norketamine")
    )
    assert round(fold.fold, 2) == round(1.7 / 0.3, 2)


def test_label_says_norketamine_has_less_affinity_and_a_third_of_the_activity() -> None:
    label = "pfizer-ketamine-injection-clinical-pharmacology"
    # "The major circulating metabolite of ketamine (norketamine) demonstrated activity at the same
    # receptor with less affinity."
    assert one("racemic-ketamine", "metabolized_to", "norketamine", label).status.value == "established"
    affinity = one("norketamine", "binds", "nmda-receptor", label)
    assert affinity.comparison is not None and affinity.comparison.direction.value == "lesser"
    # "Norketamine is about 1/3 as active as ketamine in reducing halothane requirements (MAC) of the rat."
    potency = one("norketamine", "has_effect", "anesthesia", label)
    assert potency.comparison is not None and potency.comparison.magnitude is not None
    assert potency.comparison.magnitude.low == 3.0
    assert potency.context.species == "rat"


def test_scheme_from_ketamine_to_its_three_metabolite_families() -> None:
    source = "anesthesiology-chiral-pk-prolonged-release-tablets"
    for metabolite in ("norketamine", "hydroxynorketamine", "dehydronorketamine"):
        one("ketamine", "metabolized_to", metabolite, source)
    # "It is stereoselectively metabolized to (R)-norketamine and subsequently to (2R,6R)-HNK"
    one("arketamine", "metabolized_to", "r-norketamine", "yang-2018-ijnp-hnk")
    one("r-norketamine", "metabolized_to", "2r-6r-hydroxynorketamine", "yang-2018-ijnp-hnk")
    # "Hydroxynorketamines (HNKs) are formed in vivo after (R,S)-ketamine (ketamine) administration."
    one("racemic-ketamine", "metabolized_to", "hydroxynorketamine", "highland-2021-hnk-review")


def test_noresketamine_half_life_and_volume() -> None:
    # "Noresketamine ... had ... a mean terminal half-life of approximately 8 hours."
    half = one("s-norketamine", "has_parameter", "elimination-half-life", "jnj-spravato-pharmacokinetics")
    assert {(v.low, v.unit, v.qualifier.value) for v in half.values} == {(8.0, "hour", "~")}
    volume = one(
        "s-norketamine", "has_parameter", "volume-of-distribution", "perez-ruixo-esketamine-population-pk"
    )
    assert {(v.low, v.unit) for v in volume.values} == {(185.0, "L")}


def test_the_hnk_nmda_debate_keeps_both_sides_with_a_conflict() -> None:
    # "Relative to ketamine, it had 100-fold-lower potency (46 µM at pH 7.2)"
    ic50 = one("2r-6r-hydroxynorketamine", "inhibits", "nmda-receptor", "abbott-2020-mol-pharmacol")
    assert {(v.low, v.unit, v.measure) for v in ic50.values} == {(46.0, "µM", "IC50")}
    # "Figure 2: (2R,6R)-HNK acts as open channel NMDAR blocker."
    one("2r-6r-hydroxynorketamine", "antagonist_of", "nmda-receptor", "nmdar-hnk-brief-communication-nature")
    # "(2R,6R)-HNK did not directly bind to any known or proposed ketamine targets."
    denial = one(
        "2r-6r-hydroxynorketamine", "binds", "nmda-receptor", "bonaventura-2022-mol-psychiatry", negated=True
    )
    assert any(denial in c.side_a + c.side_b and ic50 in c.side_a + c.side_b for c in ketref.conflicts())


def test_r_ketamine_is_the_weaker_nmda_antagonist_but_the_more_marked_antidepressant_in_animals() -> None:
    source = "yang-2019-transl-psychiatry"
    weaker = one("arketamine", "antagonist_of", "nmda-receptor", source)
    assert weaker.comparison is not None
    assert (weaker.comparison.comparator, weaker.comparison.direction.value) == ("esketamine", "lesser")
    aspects = {
        (c.comparison.aspect.value, c.comparison.direction.value)
        for c in ketref.claims("arketamine", "has_effect", "antidepressant-effect", source=source)
        if c.comparison is not None and c.subject == "arketamine"
    }
    assert {("efficacy", "greater"), ("duration", "greater")} <= aspects


def test_2s_6s_hnk_ki_is_kept_and_the_2r_6r_bound_makes_no_fold() -> None:
    ki = one("2s-6s-hydroxynorketamine", "binds", "nmda-receptor", "hydroxynorketamine-wiki-mirror")
    assert {(v.low, v.measure) for v in ki.values} == {(21.19, "Ki")}
    assert not [f for f in ketref.affinity_folds() if f.source == "hydroxynorketamine-wiki-mirror"]


def test_2r_6r_hnk_antidepressant_action_said_to_be_nmda_independent_and_ampa_dependent() -> None:
    # "These antidepressant actions occurred independently of direct N-methyl-D-aspartate receptor
    # (NMDAR) inhibition but involved early and sustained activation of ... (AMPARs)"
    source = "npp-2020-2r6r-hnk"
    independent = one("2r-6r-hydroxynorketamine", "acts_through", "nmda-receptor", source, negated=True)
    assert independent.context.level.value == "preclinical"
    one("2r-6r-hydroxynorketamine", "acts_through", "ampa-receptor", source)
    # "... while lacking the adverse effects and abuse potential associated with ketamine"
    one("2r-6r-hydroxynorketamine", "has_adverse_effect", "abuse-potential", source, negated=True)
    # The NMDA-independence claim sits on the no-block side of the curated conflict.
    conflict = next(c for c in ketref.conflicts() if independent in c.side_a + c.side_b)
    blockers = {c.id for c in conflict.side_a + conflict.side_b if not c.negated}
    assert "2r-6r-hnk.inhibits.nmda.ic50.abbott-2020" in blockers


def test_encyclopedia_shares_of_ketamine_metabolism() -> None:
    # "The major metabolite of ketamine is norketamine (80%)."
    source = "hydroxynorketamine-wiki-medicine-mirror"
    major = one("ketamine", "metabolized_to", "norketamine", source)
    assert {(v.low, v.unit) for v in major.values} == {(80.0, "percent")}
    # "Norketamine is secondarily converted into 4-, 5-, and 6-hydroxynorketamines (15%)"
    hnk = one("norketamine", "metabolized_to", "hydroxynorketamine", source)
    assert {(v.low, v.unit) for v in hnk.values} == {(15.0, "percent")}


def test_both_hnks_inhibit_nmda_dependent_ltp_and_the_authors_suggest_an_nmda_site() -> None:
    source = "kang-2020-brain-neurosci-adv"
    # "At a concentration of 10 µM (2R,6R)-HNK also inhibited the induction of LTP."
    r_ltp = one("2r-6r-hydroxynorketamine", "inhibits", "long-term-potentiation", source)
    assert r_ltp.context.level.value == "in_vitro" and r_ltp.context.species == "mouse"
    # "a concentration-dependent (1 -10 µM) inhibition of LTP by ketamine and a similar effect of (2S,6S)-HNK"
    one("2s-6s-hydroxynorketamine", "inhibits", "long-term-potentiation", source)
    # "These findings raise the possibility that inhibition of NMDAR-mediated synaptic plasticity is a
    # site of action of the HNK metabolites"
    site = one("2r-6r-hydroxynorketamine", "acts_through", "nmda-receptor", source)
    assert site.status.value == "suggested"
    # It stands against the NMDA-independence claim in the curated conflict.
    independent = one(
        "2r-6r-hydroxynorketamine", "acts_through", "nmda-receptor", "npp-2020-2r6r-hnk", negated=True
    )
    conflict = next(c for c in ketref.conflicts() if site in c.side_a + c.side_b)
    assert independent in conflict.side_a + conflict.side_b
    assert (site in conflict.side_a) != (independent in conflict.side_a)
    # Inhibiting NMDA receptor-dependent LTP is no measurement at the receptor (second reading):
    # the LTP finding is not a side of that conflict.
    assert r_ltp not in conflict.side_a + conflict.side_b


def test_whether_the_antidepressant_action_needs_conversion_to_hnk_is_disputed() -> None:
    # "Therefore, it is unlikely that the metabolism of ketamine to hydroxynorketamine is essential for
    # ketamine's antidepressant actions."
    unlikely = one("ketamine", "acts_through", "hydroxynorketamine", "yang-2018-ijnp-hnk", negated=True)
    assert unlikely.status.value == "suggested"
    # The denial is of an essential role only; the caveat says so to every reader.
    assert "essential" in (unlikely.caveat or "")
    assert unlikely.context.species == "rat"
    # "Metabolism of (R)-ketamine to (2R,6R)-HNK increases the potency of (R)-ketamine to exert
    # antidepressant-relevant actions in mice."
    source = "r-ketamine-deuterated-mice-pmc8567221"
    partly = one("arketamine", "acts_through", "2r-6r-hydroxynorketamine", source)
    assert partly.status.value == "reported" and partly.context.species == "mouse"
    conflict = next(c for c in ketref.conflicts() if partly in c.side_a + c.side_b)
    assert unlikely in conflict.side_a + conflict.side_b
    assert (partly in conflict.side_a) != (unlikely in conflict.side_a)
    # "There were dose-dependent sustained antidepressant-relevant actions of (2R,6R)-HNK following
    # intracerebroventricular administration."
    icv = one("2r-6r-hydroxynorketamine", "has_effect", "antidepressant-effect", source)
    assert icv.context.level.value == "preclinical" and "intracerebroventricular" in (icv.context.assay or "")
