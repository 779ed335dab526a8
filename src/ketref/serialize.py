"""Exporting the knowledge base: JSON (the data-file schema), JSON-LD and Turtle.

The JSON export is a data document of the same shape as the bundled TOML files, so it
validates against the committed JSON Schema and loads back losslessly
(:meth:`ketref.KnowledgeBase.from_json`). The RDF exports describe entities with their
cross-references as canonical IRIs (from the committed bioregistry map,
:mod:`ketref.identifiers`), and each claim as an ``rdf:Statement`` carrying its status,
comparison and evidence (source and verbatim quote); a claim that is not a denial is also
asserted as a plain triple. Predicates use the Relation Ontology or Biolink term where one
exists, else ketref's own vocabulary IRI. Literals are typed where a type applies
(``xsd:boolean``, and ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` for dates).

With the ``rdf`` extra (``pip install "ketref[rdf]"``), pyoxigraph writes Turtle and JSON-LD:
prefixed names, one block per subject, and only the prefixes used. Without it, a small built-in
writer gives the same triples with full IRIs (a test checks that the two graphs are equal), so
``ketref export`` works in a plain install.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ketref._shown import shown
from ketref.identifiers import PREFIXES as REGISTRIES
from ketref.identifiers import curie_iri
from ketref.loader import RECORD_MODELS, TEXTS_KEY
from ketref.vocabulary import PREDICATES

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = [
    "EXPORTERS",
    "FORMATS",
    "PREFIXES",
    "builtin_jsonld",
    "builtin_turtle",
    "export",
    "to_json",
    "to_jsonld",
    "to_turtle",
    "triples",
    "used_prefixes",
]

ENTITY = "urn:ketref:entity:"
CLAIM = "urn:ketref:claim:"
SOURCE = "urn:ketref:source:"
VOCAB = "urn:ketref:vocab:"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OBO = "http://purl.obolibrary.org/obo/"
BIOLINK = "https://w3id.org/biolink/vocab/"

PREFIXES = {
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
    "obo": OBO,
    "biolink": BIOLINK,
    "ketref": ENTITY,
    "claim": CLAIM,
    "source": SOURCE,
    "krv": VOCAB,
    **{r.preferred_prefix: r.uri_prefix for r in sorted(REGISTRIES.values(), key=lambda r: r.prefix)},
}
"""Every prefix an RDF export may declare; each export declares the ones its IRIs use."""

Term = tuple[str, str]
"""("iri", IRI), ("literal", text), or (datatype IRI, lexical form) for a typed literal."""


def to_json(kb: KnowledgeBase) -> str:
    """The whole knowledge base as one JSON data document (the data-file JSON Schema's shape)."""
    document: dict[str, list[dict[str, Any]]] = {}
    records = [
        *kb.entities.values(),
        *kb.sources(),
        *kb.all_claims(),
        *kb.conflict_records(),
        *kb.exclusions,
    ]
    for key, model in RECORD_MODELS.items():
        rows = [r.model_dump(mode="json", exclude_defaults=True) for r in records if type(r) is model]
        if rows:
            document[key] = rows
    texts = _pack_texts(kb)
    if texts:  # a pack's texts travel with its records, so the export loads back losslessly
        document[TEXTS_KEY] = texts
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _pack_texts(kb: KnowledgeBase) -> list[dict[str, str]]:
    """The texts of the sources that have one but are not seeds shipped with ketref (a pack's)."""
    from ketref.errors import UnknownSourceError

    texts = []
    for source in kb.sources():
        if source.file is None or kb.is_bundled_seed(source.id):
            continue
        try:
            texts.append({"source": source.id, "text": kb.source_text(source.id)})
        except UnknownSourceError:  # loaded from a JSON document without its text: none to carry
            continue
    return texts


def predicate_iri(predicate: str) -> str:
    """The IRI of a predicate: its RO term, else its Biolink slot, else ketref's own."""
    p = PREDICATES[predicate]
    if p.ro is not None:
        return OBO + p.ro.replace(":", "_")
    if p.biolink is not None:
        return BIOLINK + p.biolink.split(":", 1)[1]
    return VOCAB + predicate


def _date(value: str) -> Term:
    """A date as the XSD type its precision gives: a year, a year and month, or a day."""
    kind = {4: "gYear", 7: "gYearMonth"}.get(len(value), "date")
    return (XSD + kind, value)


def triples(kb: KnowledgeBase) -> list[tuple[str, str, Term]]:
    """Every triple of the RDF view (each once), subjects and predicates as IRIs."""
    out: list[tuple[str, str, Term]] = []

    def lit(s: str, p: str, value: str) -> None:
        out.append((s, p, ("literal", value)))

    def iri(s: str, p: str, value: str) -> None:
        out.append((s, p, ("iri", value)))

    for entity in kb.entities.values():
        s = ENTITY + entity.id
        iri(s, RDF + "type", VOCAB + type(entity).__name__)
        lit(s, RDFS + "label", entity.name)
        lit(s, RDFS + "comment", entity.description)
        for synonym in entity.synonyms:
            lit(s, SKOS + "altLabel", synonym)
        for xref in entity.xrefs:
            iri(s, SKOS + "exactMatch", curie_iri(xref.curie))
    for source in kb.sources():
        s = SOURCE + source.id
        iri(s, RDF + "type", VOCAB + "Source")
        lit(s, RDFS + "label", source.title)
        lit(s, VOCAB + "kind", source.kind.value)
        for field in ("url", "pmid", "doi", "publisher"):
            value = getattr(source, field)
            if value:
                lit(s, VOCAB + field, value)
        if source.date:
            out.append((s, VOCAB + "date", _date(source.date)))
    for claim in kb.all_claims():
        s = CLAIM + claim.id
        pred = predicate_iri(claim.predicate)
        iri(s, RDF + "type", RDF + "Statement")
        iri(s, RDF + "subject", ENTITY + claim.subject)
        iri(s, RDF + "predicate", pred)
        iri(s, RDF + "object", ENTITY + claim.object)
        lit(s, VOCAB + "predicateId", claim.predicate)
        lit(s, VOCAB + "status", claim.status.value)
        out.append((s, VOCAB + "negated", (XSD + "boolean", "true" if claim.negated else "false")))
        if claim.comparison is not None:
            c = claim.comparison
            iri(s, VOCAB + "comparator", ENTITY + c.comparator)
            lit(s, VOCAB + "aspect", c.aspect.value)
            lit(s, VOCAB + "direction", c.direction.value)
            if c.magnitude is not None:
                lit(s, VOCAB + "magnitude", str(c.magnitude))
        for value in claim.values:
            lit(s, VOCAB + "value", str(value))
        if claim.context.level.value != "unspecified":
            lit(s, VOCAB + "level", claim.context.level.value)
        for n, evidence in enumerate(claim.evidence):
            e = f"{s}:evidence:{n}"
            iri(s, VOCAB + "evidence", e)
            iri(e, VOCAB + "source", SOURCE + evidence.source)
            lit(e, VOCAB + "quote", evidence.quote)
        if not claim.negated:
            iri(ENTITY + claim.subject, pred, ENTITY + claim.object)
    return list(dict.fromkeys(out))  # a graph is a set: two claims may assert the same triple


def used_prefixes(found: list[tuple[str, str, Term]]) -> dict[str, str]:
    """The prefixes of :data:`PREFIXES` whose namespace some IRI of ``found`` starts with."""
    iris = {s for s, _, _ in found} | {p for _, p, _ in found}
    iris |= {value if kind == "iri" else kind for _, _, (kind, value) in found if kind != "literal"}
    return {p: ns for p, ns in PREFIXES.items() if any(i.startswith(ns) for i in iris)}


def _rdf_triples(found: list[tuple[str, str, Term]]) -> list[Any]:
    """pyoxigraph triples, grouped by subject (in order of first appearance) for compact Turtle."""
    from pyoxigraph import Literal, NamedNode, Triple

    nodes: dict[str, NamedNode] = {}

    def node(value: str) -> NamedNode:
        made = nodes.get(value)
        if made is None:
            made = nodes[value] = NamedNode(value)
        return made

    order = {s: n for n, s in enumerate(dict.fromkeys(s for s, _, _ in found))}
    out = []
    for s, p, (kind, value) in sorted(found, key=lambda t: order[t[0]]):
        if kind == "iri":
            o: NamedNode | Literal = node(value)
        elif kind == "literal":
            o = Literal(value)
        else:
            o = Literal(value, datatype=node(kind))
        out.append(Triple(node(s), node(p), o))
    return out


def _pyoxigraph() -> Any:
    try:
        import pyoxigraph
    except ImportError:
        return None
    return pyoxigraph


def to_turtle(kb: KnowledgeBase) -> str:
    """The RDF view as Turtle, declaring only the prefixes it uses (in name order)."""
    found = triples(kb)
    oxigraph = _pyoxigraph()
    if oxigraph is None:
        return builtin_turtle(found)
    prefixes = used_prefixes(found)
    data = oxigraph.serialize(_rdf_triples(found), format=oxigraph.RdfFormat.TURTLE, prefixes=prefixes)
    lines = data.decode("utf-8").split("\n")
    declared = len(prefixes)
    assert all(line.startswith("@prefix ") for line in lines[:declared])
    return "\n".join([*sorted(lines[:declared]), *lines[declared:]])


def to_jsonld(kb: KnowledgeBase) -> str:
    """The RDF view as JSON-LD: node objects with expanded IRIs, under a context of the prefixes
    the IRIs use (for readers; no IRI is compacted, so the context changes no meaning)."""
    found = triples(kb)
    oxigraph = _pyoxigraph()
    if oxigraph is None:
        return builtin_jsonld(found)
    graph = oxigraph.serialize(_rdf_triples(found), format=oxigraph.RdfFormat.JSON_LD).decode("utf-8")
    context = json.dumps(used_prefixes(found), ensure_ascii=False)
    return f'{{"@context": {context},\n"@graph": {graph.strip()}}}\n'


def _turtle_term(term: Term) -> str:
    kind, value = term
    if kind == "iri":
        return f"<{value}>"
    text = json.dumps(value, ensure_ascii=False)  # a JSON string is a valid Turtle string literal
    return text if kind == "literal" else f"{text}^^<{kind}>"


def builtin_turtle(found: list[tuple[str, str, Term]]) -> str:
    """The built-in Turtle writer (without pyoxigraph): one triple a line, full IRIs."""
    lines = [f"@prefix {p}: <{iri}> ." for p, iri in used_prefixes(found).items()]
    lines.append("")
    for s, p, o in found:
        lines.append(f"<{s}> <{p}> {_turtle_term(o)} .")
    return "\n".join(lines) + "\n"


def builtin_jsonld(found: list[tuple[str, str, Term]]) -> str:
    """The built-in JSON-LD writer (without pyoxigraph): one node object per subject, IRIs expanded."""
    nodes: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for s, p, (kind, value) in found:
        if kind == "iri":
            nodes[s][p].append({"@id": value})
        elif kind == "literal":
            nodes[s][p].append({"@value": value})
        else:
            nodes[s][p].append({"@value": value, "@type": kind})
    graph = [{"@id": s, **props} for s, props in nodes.items()]
    document = {"@context": used_prefixes(found), "@graph": graph}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


EXPORTERS: dict[str, Callable[[KnowledgeBase], str]] = {
    "json": to_json,
    "jsonld": to_jsonld,
    "turtle": to_turtle,
}
"""Every export format by name: the one list the API, the CLI and the docs read."""

FORMATS = tuple(EXPORTERS)


def export(kb: KnowledgeBase, format: str = "json") -> str:  # noqa: A002 - the option's own word
    """The knowledge base in ``format``: ``json``, ``jsonld`` or ``turtle``."""
    from ketref.errors import UnknownTermError

    if not isinstance(format, str) or format not in EXPORTERS:
        raise UnknownTermError(
            format if isinstance(format, str) else shown(format), list(EXPORTERS), what="export format"
        )
    return EXPORTERS[format](kb)
