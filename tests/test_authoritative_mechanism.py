"""Issue 16, topic 9 and the mechanism layer: each step of the canonical cascade of ketamine's
rapid antidepressant action (NMDA receptor blockade on GABAergic interneurons, disinhibition,
... TrkB, mTOR, synaptogenesis) rests on at least one source of tier ``reference`` or better,
not only on the seed guide and clinic pages."""

from __future__ import annotations

import pytest

import ketref
from ketref.models.claims import Claim
from ketref.pathways.core import CHAIN
from ketref.vocabulary import SourceTier, Status

KB = ketref.knowledge_base()


def _claims(subject: str, predicate: str, obj: str, source: str) -> list[Claim]:
    return [
        c
        for c in KB.all_claims()
        if (c.subject, c.predicate, c.object) == (subject, predicate, obj)
        and any(e.source == source for e in c.evidence)
    ]


# (subject, predicate, object, source, status, a phrase the quote must contain)
CURATED = [
    (
        "ketamine",
        "activates",
        "mtor",
        "li-2010-science",
        "reported",
        "rapidly activated the mammalian target",
    ),
    (
        "mtor",
        "leads_to",
        "synaptogenesis",
        "li-2010-science",
        "reported",
        "blockade of mTOR signaling",
    ),
    (
        "synaptogenesis",
        "leads_to",
        "antidepressant-effect",
        "li-2010-science",
        "suggested",
        "could contribute",
    ),
    (
        "ampa-receptor",
        "increases",
        "bdnf",
        "lepack-2015-ijnp",
        "reported",
        "activation of AMPA receptors",
    ),
    (
        "ketamine",
        "increases",
        "bdnf",
        "lepack-2015-ijnp",
        "reported",
        "stimulates BDNF release",
    ),
    (
        "bdnf",
        "leads_to",
        "antidepressant-effect",
        "lepack-2015-ijnp",
        "reported",
        "the release of BDNF",
    ),
    (
        "bdnf",
        "activates",
        "trkb",
        "yang-2019-transl-psychiatry",
        "reported",
        "and its receptor",
    ),
    (
        "trkb",
        "leads_to",
        "antidepressant-effect",
        "yang-2019-transl-psychiatry",
        "reported",
        "(TrkB), are crucial",
    ),
    (
        "mtor",
        "leads_to",
        "antidepressant-effect",
        "yang-2019-transl-psychiatry",
        "reported",
        "(mTORC1)",
    ),
    (
        "esketamine",
        "acts_through",
        "mtor",
        "yang-2019-transl-psychiatry",
        "reported",
        "(S)-ketamine",
    ),
    (
        "ketamine",
        "leads_to",
        "disinhibition",
        "zanos-2018-cns-drugs",
        "hypothesized",
        "interneuron disinhibition",
    ),
    (
        "ketamine",
        "activates",
        "mtor",
        "zanos-2018-cns-drugs",
        "reported",  # unhedged in its own sentence (status rule 3; second reader)
        "(mTOR)",
    ),
    (
        "ketamine",
        "activates",
        "ampa-receptor",
        "zanos-2018-cns-drugs",
        "reported",  # unhedged in its own sentence (status rule 3; second reader)
        "(AMPARs)",
    ),
    (
        "ketamine",
        "leads_to",
        "disinhibition",
        "widman-2018-pnas-disinhibition",
        "reported",
        "causing disinhibition",
    ),
    (
        "nmda-receptor-blockade",
        "leads_to",
        "disinhibition",
        "widman-2018-pnas-disinhibition",
        "reported",
        "downstream of NMDAR antagonism",
    ),
    (
        "disinhibition",
        "leads_to",
        "antidepressant-effect",
        "widman-2018-pnas-disinhibition",
        "hypothesized",
        "has been proposed",
    ),
    # the glutamate surge (h16 mechanism, second pass): primary, review and database sources
    (
        "ketamine",
        "leads_to",
        "glutamate-surge",
        "moghaddam-1997-j-neurosci",
        "reported",
        "increase glutamate outflow in the PFC",
    ),
    (
        "nmda-receptor-blockade",
        "leads_to",
        "glutamate-surge",
        "moghaddam-1997-j-neurosci",
        "reported",
        "Pathway from NMDA Receptor Blockade",
    ),
    (
        "ketamine",
        "acts_through",
        "ampa-receptor",
        "pubmed-17643398-ketamine-ampa",
        "reported",
        "Pre-treatment with NBQX",
    ),
    (
        "disinhibition",
        "leads_to",
        "glutamate-surge",
        "dcns-2014-glutamatergic-remodeling",
        "hypothesized",
        "transient burst of glutamate",
    ),
    (
        "ketamine",
        "leads_to",
        "glutamate-surge",
        "abdallah-2018-neuropsychopharmacology",
        "reported",
        "increased prefrontal glutamate-glutamine cycling",
    ),
    (
        "glutamate-surge",
        "leads_to",
        "antidepressant-effect",
        "abdallah-2018-neuropsychopharmacology",
        "hypothesized",
        "is thought to be a key mechanism",
    ),
    (
        "glutamate-surge",
        "activates",
        "ampa-receptor",
        "da-silva-2023-arch-depress-anxiety",
        "suggested",
        "activation of AMPAr by glutamate",
    ),
    (
        "esketamine",
        "leads_to",
        "glutamate-surge",
        "drugcentral-esketamine",
        "established",
        "transient increase in glutamate release",
    ),
    (
        "nmda-receptor-blockade",
        "leads_to",
        "glutamate-surge",
        "drugcentral-esketamine",
        "established",
        "Through NMDA receptor antagonism",
    ),
    (
        "glutamate-surge",
        "activates",
        "ampa-receptor",
        "drugcentral-esketamine",
        "established",
        "(AMPAR) stimulation",
    ),
    (
        "nmda-receptor-blockade",
        "decreases",
        "gabaergic-interneurons",
        "homayoun-2007-j-neurosci",
        "reported",
        "putative GABA interneurons",
    ),
    (
        "nmda-receptor-blockade",
        "leads_to",
        "disinhibition",
        "homayoun-2007-j-neurosci",
        "suggested",
        "disinhibition of pyramidal neurons",
    ),
    (
        "trkb",
        "activates",
        "mtor",
        "da-silva-2023-arch-depress-anxiety",
        "suggested",
        "TRK-B/AKT/mTORC",
    ),
    (
        "ketamine",
        "acts_through",
        "gabaergic-interneurons",
        "da-silva-2023-arch-depress-anxiety",
        "suggested",
        "inhibition of GABAergic interneurons",
    ),
]


@pytest.mark.parametrize(("subject", "predicate", "obj", "source", "status", "phrase"), CURATED)
def test_each_curated_step_is_there_with_its_status_and_words(
    subject: str, predicate: str, obj: str, source: str, status: str, phrase: str
) -> None:
    claims = _claims(subject, predicate, obj, source)
    assert claims, (subject, predicate, obj, source)
    assert any(c.status == Status(status) for c in claims)
    assert any(phrase in e.quote for c in claims for e in c.evidence if e.source == source)
    assert KB.source(source).effective_tier >= SourceTier.REFERENCE


def test_arketamine_is_recorded_as_not_acting_through_mtor() -> None:
    claims = _claims("arketamine", "acts_through", "mtor", "yang-2019-transl-psychiatry")
    assert claims and all(c.negated for c in claims)
    # and the same sentence gives esketamine the positive claim
    esketamine = _claims("esketamine", "acts_through", "mtor", "yang-2019-transl-psychiatry")
    assert esketamine and not any(c.negated for c in esketamine)


def test_every_step_of_the_canonical_cascade_has_a_reference_or_better_source() -> None:
    # CHAIN is the pathway feature's own list of the cascade; the expected pairs are spelt out
    # here too, so a change to CHAIN cannot silently shrink what this test checks.
    steps = [
        ("nmda-receptor-blockade", "gabaergic-interneurons"),
        ("nmda-receptor-blockade", "disinhibition"),
        ("disinhibition", "glutamate-surge"),
        ("glutamate-surge", "ampa-receptor"),
        ("ampa-receptor", "bdnf"),
        ("bdnf", "trkb"),
        ("trkb", "mtor"),
        ("mtor", "synaptogenesis"),
        ("synaptogenesis", "antidepressant-effect"),
    ]
    for a, b in steps:
        assert a in CHAIN and b in CHAIN
        strong = [
            c
            for c in KB.all_claims()
            if (c.subject, c.object) == (a, b)
            and not c.negated
            and any(KB.source(e.source).effective_tier >= SourceTier.REFERENCE for e in c.evidence)
        ]
        assert strong, (a, b)


def test_hedged_quotes_are_never_reported_here() -> None:
    hedges = ("could", "may ", "suggest", "proposed")
    for subject, predicate, obj, source, _status, _ in CURATED:
        for c in _claims(subject, predicate, obj, source):
            quote = " ".join(e.quote for e in c.evidence if e.source == source)
            hedged_on_the_step = any(h in quote for h in hedges)
            if hedged_on_the_step and c.status == Status.REPORTED:
                # the one presupposition case of docs/status.md rule 3, said in its note
                assert "presupposed" in (c.note or ""), c.id


def test_the_glutamate_surge_rests_on_more_than_the_vendor_guide() -> None:
    """Issue 16, the glutamate step: a rise in prefrontal glutamate after ketamine in rats
    (microdialysis) and in people (13C spectroscopy), and the surge's AMPA receptor step, each
    from a source of tier reference or better besides the seed guide."""
    surge = [
        c
        for c in KB.all_claims()
        if c.object == "glutamate-surge"
        and c.subject in ("ketamine", "esketamine", "nmda-receptor-blockade", "disinhibition")
        and any(KB.source(e.source).effective_tier >= SourceTier.REFERENCE for e in c.evidence)
    ]
    species = {c.context.species for c in surge}
    assert {"rat", "human"} <= species
    ampa = _claims("glutamate-surge", "activates", "ampa-receptor", "drugcentral-esketamine")
    assert ampa and all(not c.negated for c in ampa)
    # the hedged interpretation of the 1997 microdialysis study is not turned into an AMPA claim
    assert not _claims("glutamate-surge", "activates", "ampa-receptor", "moghaddam-1997-j-neurosci")


def test_the_calculated_clogp_is_not_recorded_as_a_measured_log_p() -> None:
    """DrugCentral's CLOGP is a computed figure; no log P claim rests on it."""
    assert not [
        c
        for c in KB.all_claims()
        if any(e.source == "drugcentral-esketamine" for e in c.evidence) and c.predicate == "has_parameter"
    ]
