"""The lookup API: get, search, claims, compare, sources, conflicts."""

from __future__ import annotations

import json
import re

import pytest

import ketref
from ketref.kb import KnowledgeBase

# -- get -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("esketamine", "esketamine"),
        ("S-ketamine", "esketamine"),
        ("(S)-ketamine", "esketamine"),
        ("  ESKETAMINE ", "esketamine"),
        ("(R)-ketamine", "arketamine"),
        ("PCN-101", "arketamine"),
        ("(RS)-ketamine", "racemic-ketamine"),
        ("ketamine", "ketamine"),
        ("Spravato", "spravato"),
        ("ketalar", "ketalar"),
        ("NMDA receptor", "nmda-receptor"),
        ("N-methyl-D-aspartate receptor", "nmda-receptor"),
        ("σ1 receptor", "sigma-1-receptor"),
        ("IV", "intravenous"),
        ("lozenge", "oral-transmucosal"),
        ("TRD", "treatment-resistant-depression"),
        ("ketref:esketamine", "esketamine"),
        ("pubchem.compound:182137", "esketamine"),
        ("CHEBI:60799", "esketamine"),
        ("chembl.compound:CHEMBL742", "racemic-ketamine"),
        ("hgnc:8157", "sigma-1-receptor"),
        ("YQEZLKZALYSWHR-ZDUSSCGKSA-N", "esketamine"),
        ("yqezlkzalyswhr-cybmujfwsa-n", "arketamine"),
        ("YQEZLKZALYSWHR-UHFFFAOYSA-N", "racemic-ketamine"),
    ],
)
def test_get_resolves_names_ids_curies_and_inchikeys(query: str, expected: str) -> None:
    assert ketref.get(query).id == expected


def test_get_returns_the_same_object_for_aliases() -> None:
    assert ketref.get("S-ketamine") is ketref.get("(S)-ketamine") is ketref.get("esketamine")


def test_get_accepts_an_entity() -> None:
    entity = ketref.get("arketamine")
    assert ketref.get(entity) is entity


def test_get_unknown_raises_with_suggestions() -> None:
    with pytest.raises(ketref.UnknownEntityError) as info:
        ketref.get("esketamin")
    err = info.value
    assert isinstance(err, LookupError)
    assert err.query == "esketamin"
    assert "Esketamine" in err.suggestions
    assert "did you mean" in str(err)


@pytest.mark.parametrize("query", ["", "   ", "xyzzy-not-a-thing", "pubchem.compound:0"])
def test_get_never_returns_none(query: str) -> None:
    with pytest.raises(ketref.UnknownEntityError):
        ketref.get(query)


@pytest.mark.parametrize("query", [None, 42, ["esketamine"], b"esketamine"])
def test_get_wrong_type_is_a_type_error(query: object) -> None:
    with pytest.raises(ketref.QueryTypeError):
        ketref.get(query)  # type: ignore[arg-type]


def test_get_with_kind() -> None:
    assert ketref.get("Spravato", kind="product").id == "spravato"
    with pytest.raises(ketref.UnknownEntityError, match="a product, not a compound"):
        ketref.get("Spravato", kind="compound")
    with pytest.raises(ketref.UnknownTermError, match="entity kind"):
        ketref.get("Spravato", kind="brand")


def test_entity_from_another_knowledge_base_is_refused() -> None:
    entity = ketref.get("esketamine").model_copy(update={"description": "changed"})
    with pytest.raises(ketref.UnknownEntityError):
        ketref.get(entity)


# -- search --------------------------------------------------------------------------------


def test_search_ranks_exact_name_first() -> None:
    hits = ketref.search("esketamine")
    assert hits[0].entity.id == "esketamine"
    assert hits[0].score == 1.0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_by_prefix_and_kind() -> None:
    ids = [h.entity.id for h in ketref.search("ketamine", kind="compound")]
    assert set(ids) >= {"ketamine", "esketamine", "arketamine", "racemic-ketamine"}
    assert all(h.entity.kind.value == "compound" for h in ketref.search("ketamine", kind="compound"))


def test_search_finds_descriptions_and_misspellings() -> None:
    assert "trkb" in [h.entity.id for h in ketref.search("tyrosine kinase")]
    assert ketref.search("esketamin")[0].entity.id == "esketamine"


def test_search_with_no_match_is_empty() -> None:
    assert ketref.search("qqqqqqqq") == ()
    assert ketref.search("") == ()


def test_search_limit() -> None:
    assert len(ketref.search("receptor", limit=2)) == 2
    with pytest.raises(ketref.InvalidQueryError):
        ketref.search("receptor", limit=0)
    with pytest.raises(ketref.QueryTypeError):
        ketref.search("receptor", limit="2")  # type: ignore[arg-type]


# -- claims --------------------------------------------------------------------------------


def test_claims_by_subject_predicate_object() -> None:
    found = ketref.claims("esketamine", "antagonist_of", "NMDA receptor")
    assert {c.id for c in found} >= {"esketamine.antagonist-of.nmda.ayafusion"}
    for c in found:
        assert c.predicate == "antagonist_of" and c.object == "nmda-receptor"
        # stated of esketamine, or a comparison in which esketamine is the other side
        assert c.subject == "esketamine" or (
            c.comparison is not None and c.comparison.comparator == "esketamine"
        )


def test_inverse_predicate_finds_the_same_claim() -> None:
    forward = ketref.claims("esketamine", "antagonist_of", "nmda-receptor")
    backward = ketref.claims("nmda-receptor", "has_antagonist", "esketamine")
    assert {r.claim for r in forward} == {r.claim for r in backward} != set()
    # each answer is worded the way its question was asked
    assert {(r.subject, r.predicate, r.object) for r in forward} == {
        ("esketamine", "antagonist_of", "nmda-receptor")
    }
    assert {(r.subject, r.predicate, r.object) for r in backward} == {
        ("nmda-receptor", "has_antagonist", "esketamine")
    }


def test_which_compound_has_lower_nmda_affinity_than_esketamine() -> None:
    found = ketref.claims(
        predicate="binds", object="nmda-receptor", comparator="esketamine", direction="lesser"
    )
    assert "esketamine.binds.nmda.greater-affinity.benchchem" in {c.id for c in found}
    for claim in found:
        assert claim.comparison is not None
        # read from the other side (arketamine, or the racemate since Liu 2006), each says that
        # side's affinity is the lesser
        sides = {claim.subject, claim.comparison.comparator}
        assert "esketamine" in sides and len(sides) == 2
        assert sides - {"esketamine"} <= {"arketamine", "racemic-ketamine"}
        says_esketamine_greater = (claim.subject == "esketamine") == (
            claim.comparison.direction.value == "greater"
        )
        assert says_esketamine_greater
    seed = ketref.claim("esketamine.binds.nmda.greater-affinity.benchchem")
    assert seed.comparison is not None and seed.comparison.magnitude is not None
    assert (seed.comparison.magnitude.low, seed.comparison.magnitude.high) == (3, 4)
    assert ketref.claims(
        "arketamine", "binds", "nmda-receptor", comparator="esketamine", direction="lesser"
    ) == tuple(r for r in found if r.subject == "arketamine")
    assert (
        ketref.claims("arketamine", "binds", "nmda-receptor", comparator="esketamine", direction="greater")
        == ()
    )


def test_which_enantiomer_has_greater_sigma_1_affinity() -> None:
    found = ketref.claims(predicate="binds", object="sigma-1-receptor", direction="greater")
    greater = {c.subject for c in found if c.comparison and c.comparison.direction.value == "greater"}
    assert "arketamine" in greater
    assert "esketamine" not in greater  # no source says esketamine binds sigma-1 more strongly


def test_predicate_by_label_or_ro_curie() -> None:
    by_id = ketref.claims(predicate="antagonist_of")
    assert ketref.claims(predicate="is an antagonist of") == by_id
    assert ketref.claims(predicate="RO:0018029") == by_id


def test_claims_filters_by_source_status_and_negation() -> None:
    from_label = ketref.claims(source="rxreasoner-spravato")
    assert from_label and all("rxreasoner-spravato" in c.sources for c in from_label)
    suggested = ketref.claims(status="suggested")
    assert suggested and all(c.status.value == "suggested" for c in suggested)
    denied = ketref.claims(predicate="approved_for", negated=True)
    assert {c.subject for c in denied} >= {"racemic-ketamine", "ketamine"}


def test_claims_bad_filters() -> None:
    with pytest.raises(ketref.UnknownTermError, match="predicate"):
        ketref.claims(predicate="antagonises")
    with pytest.raises(ketref.UnknownTermError, match="status"):
        ketref.claims(status="certain")
    with pytest.raises(ketref.UnknownSourceError):
        ketref.claims(source="nature-2020")
    with pytest.raises(ketref.UnknownEntityError):
        ketref.claims(subject="no such thing")
    with pytest.raises(ketref.QueryTypeError):
        ketref.claims(negated="yes")  # type: ignore[arg-type]


def test_claims_without_filters_is_everything(kb: KnowledgeBase) -> None:
    found = ketref.claims()
    assert tuple(r.claim for r in found) == kb.all_claims()
    assert not any(r.inverted for r in found)  # with no entity asked about, claims read as stored


def test_claim_by_id() -> None:
    claim = ketref.claim("esketamine.binds.nmda.greater-affinity.benchchem")
    assert claim.evidence[0].source == "benchchem-guide"
    with pytest.raises(ketref.UnknownClaimError):
        ketref.claim("nope")


def test_routes_per_form() -> None:
    def routes(form: str) -> set[str]:
        return {c.object for c in ketref.claims(form, "administered_via") if not c.negated}

    assert "intravenous" in routes("racemic-ketamine")
    assert "intranasal" in routes("esketamine")
    assert "intranasal" not in routes("racemic-ketamine")


# -- compare -------------------------------------------------------------------------------


def test_compare_enantiomers() -> None:
    result = ketref.compare("S-ketamine", "R-ketamine")
    assert (result.a, result.b) == ("esketamine", "arketamine")
    nmda = result.row("binds", "nmda-receptor", "affinity")
    assert nmda.direction is not None and nmda.direction.value == "greater"
    stated = {
        str(c.comparison.magnitude) for c in nmda.comparative if c.comparison and c.comparison.magnitude
    }
    assert {"3–4 fold", "5 fold"} <= stated
    assert nmda.magnitude is None  # the sources state different folds, so none is summed up
    sigma = result.row("binds", "sigma-1-receptor", "affinity")
    assert sigma.direction is not None and sigma.direction.value == "lesser"
    potency = result.row("has_effect", "antidepressant-effect", "potency")
    assert potency.conflicting and potency.direction is None


def test_compare_is_antisymmetric() -> None:
    ab = ketref.compare("esketamine", "arketamine")
    ba = ketref.compare("arketamine", "esketamine")
    for row in ab.rows:
        if row.comparative and not row.conflicting:
            other = ba.row(row.predicate, row.object, row.aspect)
            assert row.direction is not None and other.direction == row.direction.flipped


def test_compare_lists_plain_topics_for_each_side() -> None:
    result = ketref.compare("racemic-ketamine", "esketamine")
    routes = [r for r in result.rows if r.predicate == "administered_via" and not r.comparative]
    intravenous = next(r for r in routes if r.object == "intravenous")
    assert intravenous.a and not intravenous.b
    intranasal = next(r for r in routes if r.object == "intranasal")
    assert intranasal.b and not intranasal.a


def test_compare_needs_two_entities() -> None:
    with pytest.raises(ketref.InvalidQueryError):
        ketref.compare("esketamine", "S-ketamine")
    with pytest.raises(ketref.UnknownEntityError):
        ketref.compare("esketamine", "nothing")


# -- sources and conflicts -----------------------------------------------------------------


def test_sources_start_with_the_five_seeds() -> None:
    found = ketref.sources()
    assert [s.is_seed for s in found[:5]] == [True] * 5
    assert not any(s.is_seed for s in found[5:])
    assert ketref.source("benchchem-guide").kind.value == "vendor_guide"
    with pytest.raises(ketref.UnknownSourceError):
        ketref.source("benchchem")


def test_seed_text_is_available_and_literature_text_is_not() -> None:
    assert "3- to 4-fold greater affinity" in ketref.source("benchchem-guide").text()
    with pytest.raises(ketref.UnknownSourceError):
        ketref.source("wikipedia-esketamine").text()


def test_conflict_on_which_enantiomer_is_the_more_potent_antidepressant() -> None:
    found = [c for c in ketref.conflicts() if c.kind == "direction" and "antidepressant-effect" in c.topic]
    assert len(found) == 1
    sources = {e.source for side in (found[0].side_a, found[0].side_b) for c in side for e in c.evidence}
    assert sources == {"ayafusion-clinic", "benchchem-guide"}


# -- every result is a pydantic model that dumps to JSON -----------------------------------


def test_every_result_dumps_to_json() -> None:
    objects = [
        ketref.get("esketamine"),
        *ketref.search("ketamine"),
        *ketref.claims(),
        ketref.compare("esketamine", "arketamine"),
        *ketref.sources(),
        *ketref.conflicts(),
    ]
    for obj in objects:
        json.dumps(obj.model_dump(mode="json"))


def test_knowledge_base_is_loaded_once() -> None:
    assert ketref.knowledge_base() is ketref.knowledge_base()


def test_every_later_result_is_a_pydantic_model_that_dumps_to_json() -> None:
    from pydantic import BaseModel

    from ketref.teaching import quiz

    results = [
        ketref.structure("esketamine"),
        ketref.stereoisomers("hydroxynorketamine"),
        ketref.composition("racemic-ketamine"),
        ketref.pathway("arketamine"),
        ketref.compare_pathways("esketamine", "arketamine"),
        ketref.table("forms"),
        *ketref.affinity_folds(),
        *ketref.adverse_effects(),
        *quiz(ketref.knowledge_base(), 2),
    ]
    for result in results:
        assert isinstance(result, BaseModel)
        json.dumps(result.model_dump(mode="json"))


def test_search_says_nothing_rather_than_something_unrelated() -> None:
    """Names and whole words first; descriptions only when they hold every word; fuzzy matches
    only when no name matched, and only above a threshold (#12)."""
    hits = [h.entity.id for h in ketref.search("respiratory depression")]
    assert hits[0] == "respiratory-depression"
    assert "antidepressants" not in hits and "depression" not in hits  # one shared word is not a match
    assert ketref.search("zebrafish migration") == ()
    assert ketref.search("ketamne")[0].entity.id == "ketamine"  # a typo still finds the name
    # every description hit holds every word of the query as a whole word
    for hit in ketref.search("tyrosine kinase"):
        if hit.score == 0.3:
            words = set(re.findall(r"\w+", hit.entity.description.casefold()))
            assert {"tyrosine", "kinase"} <= words


def test_search_matches_whole_words_not_fragments() -> None:
    from ketref._normalize import normalize_name

    hits = ketref.search("ketamine", limit=100)
    assert {"ketamine", "esketamine", "arketamine", "ketamine-hydrochloride"} <= {h.entity.id for h in hits}
    for hit in hits:
        if hit.score > 0.3:  # a name match: the name starts with the word or holds it whole
            words = [normalize_name(w) for w in re.findall(r"[^\W_]+", hit.matched.casefold())]
            assert normalize_name(hit.matched).startswith("ketamine") or any(
                w.startswith("ketamine") for w in words
            ), hit.matched
    # "esketamine" contains "ketamine" but not as a word: found through its name (S)-ketamine only
    esketamine = next(h for h in hits if h.entity.id == "esketamine")
    assert esketamine.matched != "esketamine"


# -- public methods that had no caller (#12) ---------------------------------------------------


def test_origin_says_where_a_record_was_read() -> None:
    from pathlib import Path

    pack = Path(__file__).parent.parent / "examples" / "lecture-pack"
    kb = KnowledgeBase.from_paths(pack)
    origin = kb.origin("claim", "examplamine.binds.beta.example")
    assert origin is not None and origin.file.endswith("pack.toml")
    text = (pack / "pack.toml").read_text(encoding="utf-8").splitlines()
    assert origin.line is not None and text[origin.line - 1] == "[[claim]]"
    assert 'id = "examplamine.binds.beta.example"' in text[origin.line]
    assert kb.origin("claim", "no-such-claim") is None


def test_a_seed_source_contains_its_quotes_and_nothing_invented() -> None:
    claim = ketref.claim("esketamine.binds.nmda.greater-affinity.benchchem")
    source = ketref.source(claim.evidence[0].source)
    assert source.contains(claim.evidence[0].quote)
    assert source.contains("  " + claim.evidence[0].quote.replace(" ", "\n  "))  # white space aside
    assert not source.contains("Ketamine cures everything overnight.")


def test_weakest_status_of_a_pathway() -> None:
    from ketref.pathways.model import Pathway

    view = ketref.pathway("esketamine")
    assert view.weakest_status == max((e.status for e in view.edges), key=lambda s: s.rank)
    assert Pathway(root="x", nodes=(), edges=()).weakest_status is None


def test_entity_ids_name_every_entity_of_a_claim() -> None:
    compared = ketref.claim("s-norketamine.binds.nmda.greater-affinity.ebert-1997")
    assert compared.entity_ids == ("s-norketamine", "nmda-receptor", "r-norketamine")
    routed = ketref.claim("ketamine.metabolized-to.norketamine.chiral-pk")
    assert routed.entity_ids == ("ketamine", "norketamine", "intravenous")
