"""The status rule of docs/status.md, as a table of real seed sentences.

Each row is a sentence copied verbatim from a seed text (src/ketref/data/sources/*.txt), the
seed it comes from, and the status every claim curated from it must have under the rule:
hedges ("may", "suggest", "appears to", "potentially", "can" as possibility) give `suggested`,
theories ("thought", "believed", "hypothesized", "theorized") give `hypothesized`, a hedge
governs only the relation it is attached to (a presupposed effect stays `reported`), marketing
words ("promising", "powerful", "shows promise") carry no status, and "up to" / "or more" bound a
number without hedging it. The expected statuses were decided from the sentences and the rule,
not read off the data: the test fails when a stored status differs.
"""

from __future__ import annotations

import pytest

import ketref
from ketref.models.sources import normalize_whitespace
from ketref.vocabulary import Status

KB = ketref.knowledge_base()

R, S, H, U = Status.REPORTED, Status.SUGGESTED, Status.HYPOTHESIZED, Status.UNKNOWN

# (seed, sentence, {claim id: status}); one row per sentence.
TABLE: list[tuple[str, str, dict[str, Status]]] = [
    # -- marketing words carry no status ------------------------------------------------------
    (
        "ayafusion-clinic",
        "In recent years, ketamine therapy has emerged as a promising alternative for those struggling "
        "with treatment-resistant depression and anxiety.",
        {"ketamine.treats.trd.ayafusion": R, "ketamine.treats.anxiety.ayafusion": R},
    ),
    (
        "ayafusion-clinic",
        "Both racemic ketamine and S-ketamine offer promising alternatives for individuals struggling with "
        "treatment-resistant depression and anxiety.",
        {
            "racemic-ketamine.treats.trd.ayafusion": R,
            "racemic-ketamine.treats.anxiety.ayafusion": R,
            "esketamine.treats.trd.ayafusion": R,
            "esketamine.treats.anxiety.ayafusion": R,
        },
    ),
    (
        "meta-analysis-blog",
        "Once known mainly as an anesthetic and recreational drug, racemic ketamine is now making headlines "
        "as a powerful antidepressant.",
        {
            "racemic-ketamine.has-effect.antidepressant-effect.blog": R,
            "racemic-ketamine.has-effect.anesthesia.blog": R,
        },
    ),
    (
        "benchchem-guide",
        "(R)-ketamine, or arketamine, is currently under investigation and shows promise as a potent "
        "antidepressant with a potentially more favorable side-effect profile.",
        {
            "arketamine.has-effect.antidepressant.benchchem": R,
            "arketamine.has-adverse-effect.side-effects.lesser.benchchem": S,
        },
    ),
    # -- a hedged cause over a presupposed effect (rule 3) -------------------------------------
    (
        "benchchem-guide",
        "This potent NMDA receptor blockade is thought to be responsible for its more pronounced anesthetic, "
        "analgesic, and psychotomimetic effects.",
        {
            "nmda-receptor-blockade.leads-to.anesthesia.benchchem": H,
            "nmda-receptor-blockade.leads-to.analgesia.benchchem": H,
            "nmda-receptor-blockade.leads-to.psychotomimetic.benchchem": H,
            "esketamine.has-effect.anesthesia.greater.benchchem": R,
            "esketamine.has-effect.analgesia.greater.benchchem": R,
            "esketamine.has-adverse-effect.psychotomimetic.greater.benchchem": R,
        },
    ),
    (
        "benchchem-guide",
        "The antidepressant action of (S)-ketamine is hypothesized to involve the disinhibition of GABAergic "
        "interneurons, leading to a surge in glutamate release.",
        {
            "esketamine.has-effect.antidepressant.benchchem": R,
            "esketamine.leads-to.disinhibition.benchchem": H,
            "disinhibition.leads-to.glutamate-surge.benchchem": H,
        },
    ),
    (
        "benchchem-guide",
        "This glutamate surge preferentially activates α -amino-3-hydroxy-5-methyl-4-isoxazolepropionic acid "
        "(AMPA) receptors, triggering the release of brain-derived neurotrophic factor (BDNF).",
        {"glutamate-surge.activates.ampa-receptor.benchchem": R, "ampa-receptor.increases.bdnf.benchchem": R},
    ),
    (
        "benchchem-guide",
        "BDNF then activates the Tropomyosin receptor kinase B (TrkB) and the mammalian target of rapamycin "
        "(mTOR) signaling pathway, promoting synaptogenesis and neuroplasticity, which are believed to "
        "underlie its rapid antidepressant effects.",
        {
            "bdnf.activates.trkb.benchchem": R,
            "bdnf.activates.mtor.benchchem": R,
            "mtor.leads-to.synaptogenesis.benchchem": R,
            "mtor.leads-to.neuroplasticity.benchchem": R,
            "synaptogenesis.leads-to.antidepressant.benchchem": H,
            "neuroplasticity.leads-to.antidepressant.benchchem": H,
        },
    ),
    (
        "benchchem-guide",
        "Furthermore, (R)-ketamine has a higher affinity for the sigma-1 receptor, which may "
        "contribute to its "
        "anti-inflammatory and neuroprotective properties.",
        {
            "arketamine.binds.sigma-1.greater-affinity.benchchem": R,
            "arketamine.acts-through.sigma-1-receptor.benchchem": S,
            "arketamine.has-effect.anti-inflammatory.benchchem": R,
            "arketamine.has-effect.neuroprotective.benchchem": R,
        },
    ),
    (
        "meta-analysis-blog",
        "As more data emerge and awareness grows, racemic ketamine could become not just a last "
        "resort, but a "
        "frontline option for those in urgent need.",
        {"racemic-ketamine.first-line-for.depression.blog": R},
    ),
    # -- hedges pointing to evidence: suggested -----------------------------------------------
    (
        "benchchem-guide",
        "Although (R)-ketamine is a less potent NMDA receptor antagonist, preclinical studies suggest it may "
        "have more potent and longer-lasting antidepressant effects than (S)-ketamine.",
        {
            "arketamine.antagonist-of.nmda.lesser-potency.benchchem": R,
            "arketamine.has-effect.antidepressant.greater-potency.benchchem": S,
            "arketamine.has-effect.antidepressant.longer-duration.benchchem": S,
        },
    ),
    (
        "benchchem-guide",
        "Some studies suggest a greater role for the mitogen-activated protein kinase/extracellular "
        "signal-regulated kinase (MEK/ERK) pathway in the antidepressant actions of (R)-ketamine.",
        {
            "arketamine.leads-to.mek-erk-signaling.benchchem": S,
            "arketamine.acts-through.mek-erk-signaling.greater.benchchem": S,
            "mek-erk-signaling.leads-to.antidepressant.benchchem": S,
        },
    ),
    (
        "ayafusion-clinic",
        "However, research suggests that S-ketamine may have stronger effects on certain neurotransmitter "
        "pathways compared to its R-counterpart, potentially leading to a more potent "
        "antidepressant response.",
        {"esketamine.has-effect.antidepressant.greater-potency.ayafusion": S},
    ),
    (
        "ayafusion-clinic",
        "If S-ketamine alone has not worked for you, racemic ketamine might be a better option.",
        {"racemic-ketamine.treats.trd.esketamine-nonresponders.ayafusion": S},
    ),
    (
        "meta-analysis-blog",
        "Enhanced AMPA signaling may be essential for the antidepressant effects, promoting synaptic "
        "plasticity and communication between neurons.",
        {
            "ampa-receptor.leads-to.antidepressant-effect.blog": S,
            "ampa-receptor.leads-to.neuroplasticity.blog": S,
        },
    ),
    (
        "meta-analysis-blog",
        "Functional imaging studies suggest that ketamine temporarily disrupts the default mode network "
        "(DMN) — a set of brain regions often hyperactive in depression and associated with rumination.",
        {
            "ketamine.leads-to.default-mode-network-disruption.blog": S,
            # the apposition is presupposed, not hedged
            "depression.associated-with.default-mode-network-hyperactivity.blog": R,
            "default-mode-network-hyperactivity.associated-with.rumination.blog": R,
        },
    ),
    (
        "meta-analysis-blog",
        "Most FDA-approved ketamine treatments (like Spravato) use only S-ketamine, but research "
        "suggests the "
        "R-enantiomer may offer longer-lasting effects with fewer side effects.",
        {
            "spravato.has-active-ingredient.esketamine.blog": R,
            "arketamine.has-effect.antidepressant.longer-duration.blog": S,
            "arketamine.has-adverse-effect.adverse-effects.lesser-incidence.blog": S,
        },
    ),
    (
        "meta-analysis-blog",
        "• Has potential neuroprotective and anti-inflammatory properties",
        {
            "racemic-ketamine.has-effect.neuroprotective.blog": S,
            "racemic-ketamine.has-effect.anti-inflammatory.blog": S,
        },
    ),
    (
        "qa-aggregator",
        "One likely target for ketamine is NMDA receptors in the brain.",
        {"ketamine.binds.nmda.qa": S},
    ),
    (
        "qa-aggregator",
        "By binding to these receptors, ketamine appears to increase the amount of a neurotransmitter called "
        "glutamate in the spaces between neurons.",
        {"ketamine.increases.glutamate.suggested.qa": S},
    ),
    (
        "clinic-article",
        "Studies suggest that the medication binds to NMDA receptors in the brain, increasing the amount of "
        "glutamate, a neurotransmitter, and activating another receptor, AMPA, which releases "
        "other molecules "
        "that help neurons communicate along different pathways.",
        {
            "ketamine.binds.nmda.clinic-article": S,
            "ketamine.increases.glutamate.clinic-article": S,
            "ketamine.increases.ampa-receptor.clinic-article": S,
        },
    ),
    # -- "can" ----------------------------------------------------------------------------------
    (
        "clinic-article",
        "Ketamine can also cause elevated blood pressure, increased heart rate, dizziness, confusion, poor "
        "short-term memory, and nausea.",
        {
            f"ketamine.has-adverse-effect.{e}.clinic-article": S
            for e in (
                "increased-blood-pressure",
                "increased-heart-rate",
                "dizziness",
                "confusion",
                "short-term-memory-impairment",
                "nausea",
            )
        },
    ),
    (
        "qa-aggregator",
        "Even under carefully controlled usage, Ketamine can have appreciable side effects and risks: Blood "
        "pressure and breathing problems; Muscle tremors; Laryngospasm ; Agitation ; Confusion",
        {
            f"ketamine.has-adverse-effect.{e}.qa": S
            for e in (
                "blood-pressure-problems",
                "breathing-problems",
                "muscle-tremors",
                "laryngospasm",
                "agitation",
                "confusion",
            )
        },
    ),
    (
        "clinic-article",
        "Ketamine has medical usages and, when taken in responsible ways, can help relieve pain as well as "
        "depression and anxiety.",
        # depression: "can" only; anxiety and pain: also stated flatly on the page (see the notes)
        {
            "ketamine.treats.depression.clinic-article": S,
            "ketamine.treats.anxiety.clinic-article": R,
            "ketamine.has-effect.analgesia.clinic-article": R,
        },
    ),
    (
        "clinic-article",
        "That is to say, ketamine works as an antidepressant but unlike antidepressants, which can "
        "take weeks, "
        "even months, to take effect, its effects can be immediate.",
        {
            "ketamine.has-effect.antidepressant.clinic-article": R,
            "ketamine.has-onset.antidepressant.faster-than-antidepressants.clinic-article": S,
            "antidepressants.has-onset.antidepressant.clinic-article": S,
        },
    ),
    (
        "meta-analysis-blog",
        "That said, for responders, the impact can be profound and life-altering.",
        {"ketamine.has-effect.antidepressant-effect.responders.blog": S},
    ),
    # -- "up to", "or more": a bound, not a hedge -------------------------------------------------
    (
        "meta-analysis-blog",
        "However, for up to 30% of individuals, these traditional approaches are not enough.",
        {"trd.has-prevalence.people-with-mdd.blog": R},
    ),
    (
        "qa-aggregator",
        "You may need to continue treatments for a year or more to see long-term results.",
        {"ketamine.has-protocol.long-term-treatment.qa": S},
    ),
    # -- the source says it is not known: unknown ------------------------------------------------
    (
        "qa-aggregator",
        "We don’t yet know which type is more effective or how much side effects may differ.",
        {
            "racemic-ketamine.treats.trd.efficacy-unknown.qa": U,
            "racemic-ketamine.has-adverse-effect.adverse-effects.incidence-unknown.qa": U,
        },
    ),
    (
        "clinic-article",
        "As of yet, ketamine therapy is not a very popular treatment method for mental illness, "
        "and not enough "
        "research has been done on the medication to draw any firm conclusions about its relationship to "
        "mental health.",
        {"ketamine.treats.mental-illness.insufficient-evidence.clinic-article": U},
    ),
    (
        "meta-analysis-blog",
        "• Long-term effects beyond 6 months remain under-researched",
        {
            "ketamine.has-duration.antidepressant.beyond-6-months.blog": U,
            "ketamine.safe-for.long-term-treatment.blog": U,
        },
    ),
    (
        "qa-aggregator",
        "Clinicians need to proceed with caution, as ketamine has not been tested for long-term "
        "efficacy, and "
        "its safety is unknown.",
        {
            "ketamine.safe-for.long-term-treatment.qa": U,
            "ketamine.has-protocol.long-term-treatment.not-advised.qa": R,
        },
    ),
    # -- judgements, precautions, dependence ----------------------------------------------------
    (
        "benchchem-guide",
        "The mechanisms underlying (R)-ketamine's effects are still under investigation but appear "
        "to be less "
        "reliant on direct NMDA receptor antagonism.",
        {"arketamine.acts-through.nmda-receptor-blockade.lesser-dependence.benchchem": S},
    ),
    (
        "meta-analysis-blog",
        "However, when administered in controlled medical settings, it has a strong safety profile.",
        {"ketamine.safe-for.depression.clinical.blog": R},
    ),
    (
        "qa-aggregator",
        "If you have a history of substance abuse –– such as alcohol or drugs –– it’s especially "
        "important for "
        "you and your doctor to consider whether ketamine is a good option for you.",
        {"ketamine.has-precaution.substance-use-disorder.qa": R},
    ),
    (
        "ayafusion-clinic",
        "Additionally, racemic ketamine interacts with opioid receptors and other neurotransmitter systems, "
        "contributing to its rapid-acting effects.",
        {
            "racemic-ketamine.interacts-with.opioid-receptors.ayafusion": R,
            "racemic-ketamine.acts-through.opioid-receptors.ayafusion": R,
        },
    ),
    # -- theories: hypothesized; reports: reported ---------------------------------------------
    (
        "ayafusion-clinic",
        "This mechanism is thought to promote neuroplasticity, helping to restore connections between brain "
        "cells that may be impaired due to depression and anxiety.",
        {
            "racemic-ketamine.increases.neuroplasticity.ayafusion": H,
            "glutamate-surge.leads-to.neuroplasticity.ayafusion": H,
            "neuroplasticity.leads-to.synaptogenesis.ayafusion": H,
            # the damage the sentence attributes to depression carries its own hedge ("may")
            "depression.leads-to.synaptic-deficits.ayafusion": S,
            "anxiety.leads-to.synaptic-deficits.ayafusion": S,
        },
    ),
    (
        "qa-aggregator",
        "This, in turn, is thought to reduce depression.",
        {
            "protein-synthesis.leads-to.antidepressant-effect.qa": H,
            "neuronal-communication.leads-to.antidepressant-effect.qa": H,
        },
    ),
    (
        "qa-aggregator",
        "One popular theory was the serotonin hypothesis, which asserted that people with depression had low "
        "levels of a neurotransmitter called serotonin.",
        {"depression.associated-with.serotonin-deficiency.qa": H},
    ),
    (
        "meta-analysis-blog",
        "This is believed to counteract the synaptic deficits seen in chronic depression.",
        {
            "synaptogenesis.decreases.synaptic-deficits.blog": H,
            # presupposed: "the synaptic deficits seen in chronic depression"
            "chronic-depression.associated-with.synaptic-deficits.blog": R,
        },
    ),
    (
        "ayafusion-clinic",
        "When administered intravenously (IV), racemic ketamine has been shown to produce rapid and profound "
        "antidepressant effects, often within hours of treatment.",
        {
            "racemic-ketamine.has-effect.antidepressant.iv.ayafusion": R,
            "racemic-ketamine.has-onset.antidepressant.iv.ayafusion": R,
            "racemic-ketamine.administered-via.intravenous.seeds": R,
        },
    ),
    (
        "clinic-article",
        "Studies have shown that ketamine acts like a rapid and robust antidepressant for patients with "
        "treatment-resistant depression.",
        {"ketamine.treats.trd.clinic-article": R, "ketamine.has-onset.antidepressant.clinic-article": R},
    ),
]


def _touches(quote: str, sentence: str) -> bool:
    quote = normalize_whitespace(quote)
    return quote in sentence or sentence in quote


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 25
    assert len({sentence for _, sentence, _ in TABLE}) == len(TABLE)


@pytest.mark.parametrize(("seed", "sentence", "expected"), TABLE, ids=[s[:50] for _, s, _ in TABLE])
def test_sentence_is_copied_verbatim_from_its_seed(
    seed: str, sentence: str, expected: dict[str, Status]
) -> None:
    assert normalize_whitespace(sentence) in normalize_whitespace(KB.source(seed).text())


@pytest.mark.parametrize(("seed", "sentence", "expected"), TABLE, ids=[s[:50] for _, s, _ in TABLE])
def test_each_claim_quoting_the_sentence_has_the_status_the_rule_gives(
    seed: str, sentence: str, expected: dict[str, Status]
) -> None:
    sentence = normalize_whitespace(sentence)
    for claim_id, status in expected.items():
        claim = KB.claim(claim_id)
        assert any(e.source == seed and _touches(e.quote, sentence) for e in claim.evidence), (
            f"{claim_id} does not quote this sentence"
        )
        assert claim.status is status, (
            f"{claim_id}: stored {claim.status.value}, the rule gives {status.value}"
        )


def test_bounds_are_qualifiers_not_hedges() -> None:
    (share,) = KB.claim("trd.has-prevalence.people-with-mdd.blog").values
    assert (share.qualifier.value, share.value, share.unit) == ("<=", 30.0, "percent")
    (span,) = KB.claim("ketamine.has-protocol.long-term-treatment.qa").values
    assert (span.qualifier.value, span.value, span.unit) == (">=", 1.0, "year")


def test_no_sentence_of_the_table_leaves_a_quoting_claim_unchecked() -> None:
    """Every seed claim quoting a table sentence is in that row, so the table decides its status."""
    missing = []
    for seed, sentence, expected in TABLE:
        sentence = normalize_whitespace(sentence)
        for claim in KB.claims():
            if claim.id not in expected and any(
                e.source == seed and _touches(e.quote, sentence) for e in claim.evidence
            ):
                missing.append((claim.id, sentence[:60]))
    assert not missing


def test_an_unknown_claim_is_never_shown_as_a_statement_of_fact() -> None:
    """'We don't yet know which type is more effective' must not read as 'racemic is more effective'."""
    texts = [st.text for sec in ketref.profile("racemic-ketamine").sections for st in sec.statements]
    assert any(
        t.startswith(
            "It is not known whether racemic ketamine treats treatment-resistant depression with greater"
        )
        for t in texts
    )
    assert not any(
        t.startswith("Racemic ketamine treats treatment-resistant depression with greater") for t in texts
    )
    ketamine = [st.text for sec in ketref.profile("ketamine").sections for st in sec.statements]
    assert "It is not known whether ketamine treats mental illness" in ketamine
    assert "Ketamine treats mental illness" not in ketamine


def test_unknown_claims_are_marked_in_sentences_and_tables_and_never_quizzed() -> None:
    unknown = {c.id for c in KB.claims() if c.status is Status.UNKNOWN}
    assert len(unknown) >= 6
    for claim_id in unknown:
        assert KB.claim(claim_id).sentence().startswith("not known whether ")
    from ketref.teaching import flashcards

    # no current unknown claim has a quiz predicate without a comparison, so this guards later ones
    assert not unknown & {card.claim for card in flashcards(KB)}
    side_effects = next(r for r in ketref.table("forms").rows if r[0].text == "Side effects, compared")
    unknown_cell = [g for g in side_effects[1].segments if "incidence-unknown" in "".join(g.claims)]
    assert unknown_cell and "not known whether" in unknown_cell[0].text  # the forms table's wording (#14)
