"""Exports and round trips: JSON against the committed schema, JSON-LD and Turtle through SPARQL."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ketref
from ketref.kb import KnowledgeBase
from ketref.models.claims import Claim
from ketref.models.entities import Compound
from ketref.models.values import Value
from ketref.schema import SCHEMA_PATH
from ketref.serialize import ENTITY, VOCAB, predicate_iri

KB = ketref.knowledge_base()


def test_json_export_validates_against_the_committed_schema() -> None:
    import jsonschema

    document = json.loads(ketref.export("json"))
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert set(document) >= {"compound", "source", "claim", "conflict", "exclusion"}


def test_the_whole_knowledge_base_round_trips_through_json() -> None:
    again = KnowledgeBase.from_json(ketref.export("json"))
    assert dict(again.entities) == dict(KB.entities)
    assert again.sources() == KB.sources()
    assert again.all_claims() == KB.all_claims()
    assert again.conflict_records() == KB.conflict_records()
    assert again.exclusions == KB.exclusions
    assert again.export("json") == KB.export("json")


def test_bad_json_is_a_data_error() -> None:
    with pytest.raises(ketref.DataError, match="not valid JSON") as info:
        KnowledgeBase.from_json('{"claim": [}')
    assert info.value.line == 1
    with pytest.raises(ketref.DataError, match="table of record types"):
        KnowledgeBase.from_json("[1, 2]")


def select(store: pyoxigraph.Store, query: str) -> list[pyoxigraph.QuerySolution]:
    result = store.query(query)
    assert isinstance(result, pyoxigraph.QuerySolutions)
    return list(result)


def load(fmt: str) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    rdf_format = pyoxigraph.RdfFormat.TURTLE if fmt == "turtle" else pyoxigraph.RdfFormat.JSON_LD
    store.load(ketref.export(fmt).encode("utf-8"), rdf_format)
    return store


@pytest.fixture(scope="module")
def turtle() -> pyoxigraph.Store:
    return load("turtle")


def test_turtle_and_jsonld_hold_the_same_triples(turtle: pyoxigraph.Store) -> None:
    assert len(turtle) == len(load("jsonld"))
    assert len(turtle) > 1000


def test_entities_carry_cross_references_as_canonical_iris(turtle: pyoxigraph.Store) -> None:
    rows = select(
        turtle,
        f"SELECT ?x WHERE {{ <{ENTITY}esketamine> <http://www.w3.org/2004/02/skos/core#exactMatch> ?x }}",
    )
    found = {row["x"].value for row in rows}
    assert "https://pubchem.ncbi.nlm.nih.gov/compound/182137" in found
    assert "http://purl.obolibrary.org/obo/CHEBI_60799" in found


def test_sparql_answers_which_compound_binds_sigma_1_more_strongly_like_the_api(
    turtle: pyoxigraph.Store,
) -> None:
    query = f"""
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX krv: <{VOCAB}>
    SELECT ?stronger ?weaker ?source WHERE {{
      ?st a rdf:Statement ;
          rdf:predicate <{predicate_iri("binds")}> ;
          rdf:object <{ENTITY}sigma-1-receptor> ;
          krv:aspect "affinity" ; krv:direction ?direction ; krv:comparator ?comparator ;
          rdf:subject ?subject ; krv:evidence ?ev .
      ?ev krv:source ?source .
      BIND(IF(?direction = "greater", ?subject, ?comparator) AS ?stronger)
      BIND(IF(?direction = "greater", ?comparator, ?subject) AS ?weaker)
    }}"""
    sparql = {
        (
            r["stronger"].value.removeprefix(ENTITY),
            r["weaker"].value.removeprefix(ENTITY),
            r["source"].value.split(":")[-1],
        )
        for r in select(turtle, query)
    }
    api = set()
    for claim in ketref.claims(predicate="binds", object="sigma-1-receptor"):
        c = claim.comparison
        if c is None or c.aspect.value != "affinity":
            continue
        stronger, weaker = (
            (claim.subject, c.comparator) if c.direction.value == "greater" else (c.comparator, claim.subject)
        )
        api |= {(stronger, weaker, source) for source in claim.sources}
    assert sparql == api
    assert ("arketamine", "esketamine", "benchchem-guide") in sparql


def test_every_claim_keeps_its_evidence_in_rdf(turtle: pyoxigraph.Store) -> None:
    rows = select(turtle, f"SELECT (COUNT(?q) AS ?n) WHERE {{ ?e <{VOCAB}quote> ?q }}")
    assert int(rows[0]["n"].value) == sum(len(c.evidence) for c in KB.all_claims())


def test_unknown_export_format() -> None:
    with pytest.raises(ketref.UnknownTermError, match="export format"):
        ketref.export("yaml")


# -- hypothesis-generated models round trip ------------------------------------------------

ids = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
texts = (
    st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=60)
    .map(str.strip)
    .filter(bool)
)
finite = st.floats(min_value=0.001, max_value=1e6, allow_nan=False, allow_infinity=False)
values = st.builds(
    lambda a, b, unit, q: Value(value=(min(a, b), max(a, b)) if b is not None else a, unit=unit, qualifier=q),
    finite,
    st.none() | finite,
    st.sampled_from(["nM", "µM", "percent", "hour", "mg/kg", "fold"]),
    st.sampled_from(["=", "<", ">", "~"]),
)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    subject, obj, comparator = draw(ids), draw(ids), draw(ids)
    comparable = draw(st.booleans()) and comparator != subject
    return Claim.model_validate(
        {
            "id": draw(ids),
            "subject": subject,
            "predicate": "binds" if comparable else draw(st.sampled_from(sorted(ketref.PREDICATES))),
            "object": obj,
            "negated": draw(st.booleans()),
            "status": draw(st.sampled_from(["established", "reported", "suggested", "hypothesized"])),
            "values": draw(st.lists(values, max_size=3)),
            "comparison": (
                {
                    "comparator": comparator,
                    "aspect": "affinity",
                    "direction": draw(st.sampled_from(["greater", "lesser"])),
                }
                if comparable
                else None
            ),
            "evidence": [{"source": draw(ids), "quote": draw(texts)}],
            "note": draw(st.none() | texts),
        }
    )


@given(claims())
def test_generated_claims_round_trip(claim: Claim) -> None:
    assert Claim.model_validate_json(claim.model_dump_json()) == claim
    assert Claim.model_validate(json.loads(json.dumps(claim.model_dump(mode="json")))) == claim


@given(
    ids,
    texts,
    st.lists(texts, max_size=3, unique=True),
    st.sampled_from(["achiral", "unspecified", "enantiomer"]),
)
def test_generated_compounds_round_trip(entity_id: str, name: str, synonyms: list[str], form: str) -> None:
    synonyms = [s for s in synonyms if s != name]
    compound = Compound(id=entity_id, name=name, synonyms=tuple(synonyms), description="d.", stereo_form=form)
    assert Compound.model_validate_json(compound.model_dump_json()) == compound


# -- immutability ----------------------------------------------------------------------------


def test_returned_objects_cannot_change_what_later_queries_return() -> None:
    entity = ketref.get("esketamine")
    claim = ketref.claims("esketamine", "antagonist_of")[0]
    before = (entity.model_dump(), claim.model_dump(), len(ketref.claims()))
    attempts = [
        lambda: setattr(entity, "name", "changed"),
        lambda: setattr(claim, "status", "established"),
        lambda: entity.synonyms.append("x"),  # type: ignore[attr-defined]
        lambda: claim.evidence.__setitem__(0, None),  # type: ignore[index]
        lambda: ketref.knowledge_base().entities.__setitem__("x", entity),  # type: ignore[index]
        lambda: ketref.pathway("esketamine").edges.append(None),  # type: ignore[attr-defined]
    ]
    for attempt in attempts:
        with pytest.raises((TypeError, AttributeError, ValueError)):
            attempt()
    copy = entity.model_copy(update={"name": "changed"})
    assert copy.name == "changed"
    assert ketref.get("esketamine").name == "Esketamine"
    assert (
        ketref.get("esketamine").model_dump(),
        ketref.claims("esketamine", "antagonist_of")[0].model_dump(),
        len(ketref.claims()),
    ) == before
