"""RDF exports (issue #12): pyoxigraph's Turtle and JSON-LD, the built-in fallback, typed
literals, only the prefixes used, canonical IRIs; and identifiers checked against their registry."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pyoxigraph
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

import ketref
from ketref import serialize
from ketref.identifiers import MAP_PATH, PREFIXES, check_curie, curie_iri
from ketref.kb import KnowledgeBase
from ketref.models.entities import Xref

KB = ketref.knowledge_base()
XSD = "http://www.w3.org/2001/XMLSchema#"
EVIDENCE = {"source": "s", "quote": "q"}


def v(term: Any) -> str:
    """The IRI or lexical form of a term."""
    return str(term.value)


def graph(text: str, fmt: pyoxigraph.RdfFormat) -> set[pyoxigraph.Triple]:
    return {pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in pyoxigraph.parse(text, format=fmt)}


@pytest.fixture(scope="module")
def oxigraph_turtle() -> str:
    return KB.export("turtle")


@pytest.fixture(scope="module")
def builtin_graph() -> set[pyoxigraph.Triple]:
    return graph(serialize.builtin_turtle(serialize.triples(KB)), pyoxigraph.RdfFormat.TURTLE)


def test_the_writers_give_one_graph_with_every_triple(
    oxigraph_turtle: str, builtin_graph: set[pyoxigraph.Triple]
) -> None:
    found = serialize.triples(KB)
    ours = graph(oxigraph_turtle, pyoxigraph.RdfFormat.TURTLE)
    assert ours == builtin_graph
    assert len(ours) == len(found) == len(set(found))
    assert graph(KB.export("jsonld"), pyoxigraph.RdfFormat.JSON_LD) == ours
    builtin_jsonld = serialize.builtin_jsonld(found)
    assert graph(builtin_jsonld, pyoxigraph.RdfFormat.JSON_LD) == ours
    # the count the records give, independently of the writer: one label per entity and source
    labels = [t for t in ours if v(t.predicate) == "http://www.w3.org/2000/01/rdf-schema#label"]
    assert len(labels) == len(KB.entities) + len(KB.sources())


def test_pyoxigraphs_turtle_is_compact(oxigraph_turtle: str) -> None:
    builtin = serialize.builtin_turtle(serialize.triples(KB))
    assert len(oxigraph_turtle) < 0.5 * len(builtin)
    assert "\nketref:esketamine a krv:Compound ;" in oxigraph_turtle


def test_only_the_prefixes_used_are_declared(
    oxigraph_turtle: str, builtin_graph: set[pyoxigraph.Triple]
) -> None:
    declared = dict(re.findall(r"^@prefix ([\w.]*): <([^>]*)> \.$", oxigraph_turtle, re.MULTILINE))
    assert declared
    iris = {v(t.subject) for t in builtin_graph} | {v(t.predicate) for t in builtin_graph}
    iris |= {v(t.object) for t in builtin_graph if isinstance(t.object, pyoxigraph.NamedNode)}
    iris |= {t.object.datatype.value for t in builtin_graph if isinstance(t.object, pyoxigraph.Literal)}
    for prefix, namespace in declared.items():
        assert any(i.startswith(namespace) for i in iris), prefix
    assert "uniprot" not in declared or any(i.startswith("http://purl.uniprot.org/") for i in iris)
    context = json.loads(KB.export("jsonld"))["@context"]
    assert context == declared


def test_literals_are_typed(builtin_graph: set[pyoxigraph.Triple]) -> None:
    dates = {t.object for t in builtin_graph if v(t.predicate) == "urn:ketref:vocab:date"}
    assert dates
    for date in dates:
        assert isinstance(date, pyoxigraph.Literal)
        expected = {4: "gYear", 7: "gYearMonth", 10: "date"}[len(date.value)]
        assert date.datatype.value == XSD + expected
    negated = [t.object for t in builtin_graph if v(t.predicate) == "urn:ketref:vocab:negated"]
    assert len(negated) == len(KB.all_claims())
    assert all(isinstance(o, pyoxigraph.Literal) and o.datatype.value == XSD + "boolean" for o in negated)
    assert sum(v(o) == "true" for o in negated) == sum(c.negated for c in KB.all_claims())


def test_cross_references_are_written_as_canonical_iris(builtin_graph: set[pyoxigraph.Triple]) -> None:
    matches = {
        v(t.object)
        for t in builtin_graph
        if v(t.subject) == "urn:ketref:entity:esketamine"
        and v(t.predicate) == "http://www.w3.org/2004/02/skos/core#exactMatch"
    }
    assert "http://purl.obolibrary.org/obo/CHEBI_60799" in matches
    assert "https://pubchem.ncbi.nlm.nih.gov/compound/182137" in matches
    assert "https://go.drugbank.com/drugs/DB11823" in matches
    assert not any("bioregistry.io" in m for m in matches)


def test_without_pyoxigraph_the_builtin_writer_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serialize, "_pyoxigraph", lambda: None)
    text = KB.export("turtle")
    assert text == serialize.builtin_turtle(serialize.triples(KB))
    assert json.loads(KB.export("jsonld"))["@graph"]


def test_a_pack_exports_through_both_writers(tmp_path: Path) -> None:
    pack = Path(__file__).parent.parent / "examples" / "lecture-pack"
    kb = KnowledgeBase.from_paths(pack, include_bundled=False)
    ours = graph(kb.export("turtle"), pyoxigraph.RdfFormat.TURTLE)
    assert ours == graph(serialize.builtin_turtle(serialize.triples(kb)), pyoxigraph.RdfFormat.TURTLE)
    assert any(v(t.subject).endswith(":examplamine") for t in ours)


# -- identifiers against their registry --------------------------------------------------------


def test_the_committed_map_holds_the_prefixes_in_use_each_with_a_fitting_example() -> None:
    used = {x.prefix for e in KB.entities.values() for x in e.xrefs}
    assert used <= set(PREFIXES)
    for prefix, registry in PREFIXES.items():
        assert registry.matches(registry.example), prefix
        assert "$1" in registry.uri_format
    assert "bioregistry" in json.loads(MAP_PATH.read_text(encoding="utf-8"))["source"]


def test_a_local_id_that_misses_the_pattern_is_refused_naming_the_pattern() -> None:
    with pytest.raises(ValidationError, match=re.escape(r"chebi identifiers match ^\d+$")):
        Xref(curie="chebi:abc", evidence=EVIDENCE)
    with pytest.raises(ValidationError, match=re.escape(r"^DB\d{5}$")):
        Xref(curie="drugbank:DB1", evidence=EVIDENCE)
    with pytest.raises(ValidationError, match="as bioregistry does: 'chebi'"):
        Xref(curie="CHEBI:60799", evidence=EVIDENCE)
    assert check_curie("chembl.compound:CHEMBL742") == "chembl.compound:CHEMBL742"


def test_a_pack_with_a_malformed_identifier_fails_to_load(tmp_path: Path) -> None:
    (tmp_path / "pack.toml").write_text(
        '[[source]]\nid = "my-notes"\ntitle = "Notes"\nkind = "database"\nurl = "https://example.org"\n\n'
        '[[target]]\nid = "my-target"\nname = "My target"\ndescription = "A target."\n'
        'target_class = "receptor"\n\n[[target.xrefs]]\ncurie = "uniprot:not-an-accession"\n'
        '[target.xrefs.evidence]\nsource = "my-notes"\nquote = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(ketref.DataError, match="UniProt Protein identifier") as info:
        KnowledgeBase.from_paths(tmp_path, include_bundled=False)
    assert info.value.record == "my-target"


@given(st.sampled_from(sorted(PREFIXES)), st.text(st.characters(codec="ascii"), max_size=20))
def test_an_identifier_is_accepted_exactly_when_its_registry_pattern_matches(prefix: str, local: str) -> None:
    curie = f"{prefix}:{local}"
    shaped = re.fullmatch(r"[A-Za-z0-9._\-]+", local) is not None
    fits = shaped and re.search(PREFIXES[prefix].pattern, local) is not None
    try:
        Xref(curie=curie, evidence=EVIDENCE)
    except ValidationError:
        assert not fits
    else:
        assert fits
        assert curie_iri(curie).endswith(local)


def test_the_map_agrees_with_bioregistry_where_it_is_installed() -> None:
    bioregistry = pytest.importorskip("bioregistry")
    for prefix, registry in PREFIXES.items():
        resource = bioregistry.get_resource(prefix)
        assert resource.get_pattern() == registry.pattern
        assert resource.get_uri_format() == registry.uri_format
        assert (resource.get_preferred_prefix() or prefix) == registry.preferred_prefix


def test_a_trailing_newline_does_not_slip_through_the_curie_check() -> None:
    """Found by the property test above: `re.match` with `$` let `atc:A\n` through, newline kept."""
    for curie in ("atc:A\n", "chebi:60799\n", "chebi:60799\r\n"):
        with pytest.raises(ValidationError):
            Xref(curie=curie, evidence=EVIDENCE)
    Xref(curie="chebi:60799", evidence=EVIDENCE)
