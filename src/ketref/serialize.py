"""Exporting the knowledge base: JSON (the data-file schema), JSON-LD and Turtle.

The JSON export is a data document of the same shape as the bundled TOML files, so it
validates against the committed JSON Schema and loads back losslessly
(:meth:`ketref.KnowledgeBase.from_json`). The RDF exports describe entities with their
bioregistry cross-references, and each claim as an ``rdf:Statement`` carrying its status,
comparison and evidence (source and verbatim quote); a claim that is not a denial is also
asserted as a plain triple. Predicates use the Relation Ontology or Biolink term where one
exists, else ketref's own vocabulary IRI.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ketref._shown import shown
from ketref.loader import RECORD_MODELS
from ketref.models.entities import CURIE_PREFIXES
from ketref.vocabulary import PREDICATES

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = ["EXPORTERS", "FORMATS", "export", "to_json", "to_jsonld", "to_turtle", "triples"]

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
BIOREGISTRY = "https://bioregistry.io/"

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
    **{prefix: f"{BIOREGISTRY}{prefix}:" for prefix in sorted(CURIE_PREFIXES)},
}

Term = tuple[str, str]  # ("iri", value) or ("literal", value) or ("bool", "true"/"false")


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
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def predicate_iri(predicate: str) -> str:
    """The IRI of a predicate: its RO term, else its Biolink slot, else ketref's own."""
    p = PREDICATES[predicate]
    if p.ro is not None:
        return OBO + p.ro.replace(":", "_")
    if p.biolink is not None:
        return BIOLINK + p.biolink.split(":", 1)[1]
    return VOCAB + predicate


def _curie_iri(curie: str) -> str:
    return BIOREGISTRY + curie


def triples(kb: KnowledgeBase) -> list[tuple[str, str, Term]]:
    """Every triple of the RDF view, subjects and predicates as IRIs."""
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
            iri(s, SKOS + "exactMatch", _curie_iri(xref.curie))
    for source in kb.sources():
        s = SOURCE + source.id
        iri(s, RDF + "type", VOCAB + "Source")
        lit(s, RDFS + "label", source.title)
        lit(s, VOCAB + "kind", source.kind.value)
        for field in ("url", "pmid", "doi", "date", "publisher"):
            value = getattr(source, field)
            if value:
                lit(s, VOCAB + field, value)
    for claim in kb.all_claims():
        s = CLAIM + claim.id
        pred = predicate_iri(claim.predicate)
        iri(s, RDF + "type", RDF + "Statement")
        iri(s, RDF + "subject", ENTITY + claim.subject)
        iri(s, RDF + "predicate", pred)
        iri(s, RDF + "object", ENTITY + claim.object)
        lit(s, VOCAB + "predicateId", claim.predicate)
        lit(s, VOCAB + "status", claim.status.value)
        out.append((s, VOCAB + "negated", ("bool", "true" if claim.negated else "false")))
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
    return out


def _turtle_term(term: Term) -> str:
    kind, value = term
    if kind == "iri":
        return f"<{value}>"
    if kind == "bool":
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid Turtle string literal


def to_turtle(kb: KnowledgeBase) -> str:
    """The RDF view as Turtle (full IRIs in statements; prefixes declared for readers)."""
    lines = [f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES.items()]
    lines.append("")
    for s, p, o in triples(kb):
        lines.append(f"<{s}> <{p}> {_turtle_term(o)} .")
    return "\n".join(lines) + "\n"


def to_jsonld(kb: KnowledgeBase) -> str:
    """The RDF view as JSON-LD: one node object per subject, IRIs expanded."""
    nodes: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for s, p, (kind, value) in triples(kb):
        if kind == "iri":
            nodes[s][p].append({"@id": value})
        elif kind == "bool":
            nodes[s][p].append({"@value": value == "true"})
        else:
            nodes[s][p].append({"@value": value})
    graph = [{"@id": s, **props} for s, props in nodes.items()]
    document = {"@context": dict(PREFIXES), "@graph": graph}
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
