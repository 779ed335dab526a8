"""Integrity checks of a set of records: unique ids, resolving references, quotes in their texts.

Pure functions over the loaded records; :class:`~ketref.kb.KnowledgeBase` runs them when it is
built, and each problem raises :class:`ketref.DataError` naming the file, record, field and line.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

from ketref.errors import DataError
from ketref.models.entities import Compound, Entity, Process, Route, Salt, Target
from ketref.terms import suggest
from ketref.vocabulary import StereoForm

if TYPE_CHECKING:
    from ketref.loader import Origin, Records
    from ketref.models.claims import Claim
    from ketref.models.curation import ConflictRecord, CoverageExclusion
    from ketref.models.sources import Source

__all__ = ["Places", "check_quotes", "check_references", "unique"]

R = TypeVar("R")

Places = Mapping[tuple[str, str], "Origin"]
"""Where each record was read: (kind of record, id) -> file and line."""


def error(origins: Places, problem: str, what: str, record_id: str, field: str | None) -> DataError:
    """A :class:`ketref.DataError` placed at the record's file and line."""
    origin = origins.get((what, record_id))
    if origin is None:
        return DataError(problem, file="<memory>", record=record_id, field=field, line=None)
    return DataError(problem, file=origin.file, record=record_id, field=field, line=origin.line)


def unique(records: Iterable[R], what: str, origins: Places) -> dict[str, R]:
    """Records by id; a second record with the same id is an error."""
    table: dict[str, R] = {}
    for record in records:
        record_id: str = record.id  # type: ignore[attr-defined]
        if record_id in table:
            raise error(origins, f"duplicate {what} id {record_id!r}", what, record_id, "id")
        table[record_id] = record
    return table


def check_references(
    entities: Mapping[str, Entity],
    sources: Mapping[str, Source],
    claims: Mapping[str, Claim],
    conflicts: Mapping[str, ConflictRecord],
    exclusions: Iterable[CoverageExclusion],
    origins: Places,
) -> None:
    """Every id a record refers to names a record of the right kind."""

    def need(table: Mapping[str, object], kind: str) -> Callable[[str, str, str, str], None]:
        def check(ref: str, what: str, record_id: str, field: str) -> None:
            if ref not in table:
                hint = suggest(ref, table)
                more = f"; did you mean {', '.join(hint)}?" if hint else ""
                raise error(origins, f"no {kind} has id {ref!r}{more}", what, record_id, field)

        return check

    need_entity, need_source = need(entities, "entity"), need(sources, "source")

    def need_kind(ref: str, model: type, words: str, what: str, record_id: str, field: str) -> None:
        """A reference must name an entity of the right kind (a salt's parent is a compound)."""
        found = entities[ref]
        if not isinstance(found, model):
            problem = f"{ref!r} is a {found.kind.value}, not {words}"
            raise error(origins, problem, what, record_id, field)

    for entity in entities.values():
        for n, xref in enumerate(entity.xrefs):
            need_source(xref.evidence.source, "entity", entity.id, f"xrefs.{n}.evidence.source")
        if isinstance(entity, Compound):
            for n, part in enumerate(entity.components):
                need_entity(part, "entity", entity.id, f"components.{n}")
                component = entities[part]
                if not (isinstance(component, Compound) and component.stereo_form is StereoForm.ENANTIOMER):
                    problem = f"component {part!r} is not an enantiomer"
                    raise error(origins, problem, "entity", entity.id, f"components.{n}")
            if entity.form_of is not None:
                need_entity(entity.form_of, "entity", entity.id, "form_of")
                general = entities[entity.form_of]
                if not (isinstance(general, Compound) and general.stereo_form is StereoForm.UNSPECIFIED):
                    raise error(
                        origins,
                        f"form_of {entity.form_of!r} is not a form-unspecified compound",
                        "entity",
                        entity.id,
                        "form_of",
                    )
        if isinstance(entity, Salt):
            need_entity(entity.parent, "entity", entity.id, "parent")
            need_kind(entity.parent, Compound, "a compound", "entity", entity.id, "parent")
        if isinstance(entity, Process) and entity.blockade_of is not None:
            need_entity(entity.blockade_of, "entity", entity.id, "blockade_of")
            need_kind(entity.blockade_of, Target, "a target", "entity", entity.id, "blockade_of")
    for source in sources.values():
        for n, cited in enumerate(source.cites):
            need_source(cited, "source", source.id, f"cites.{n}")
    for claim in claims.values():
        fields = {"subject": claim.subject, "object": claim.object}
        if claim.comparison is not None:
            fields["comparison.comparator"] = claim.comparison.comparator
        if claim.context.route is not None:
            fields["context.route"] = claim.context.route
        for field, ref in fields.items():
            need_entity(ref, "claim", claim.id, field)
        if claim.context.route is not None:
            need_kind(claim.context.route, Route, "a route", "claim", claim.id, "context.route")
        for n, evidence in enumerate(claim.evidence):
            need_source(evidence.source, "claim", claim.id, f"evidence.{n}.source")
    for record in conflicts.values():
        for side in ("side_a", "side_b"):
            for n, claim_id in enumerate(getattr(record, side)):
                if claim_id not in claims:
                    hint = suggest(claim_id, claims)
                    more = f"; did you mean {', '.join(hint)}?" if hint else ""
                    problem = f"no claim has id {claim_id!r}{more}"
                    raise error(origins, problem, "conflict", record.id, f"{side}.{n}")
    from ketref.loader import exclusion_key  # exclusions have no id: named by source and sentence

    for exclusion in exclusions:
        need_source(exclusion.source, "exclusion", exclusion_key(exclusion), "source")


def check_quotes(
    records: Records,
    sources: Mapping[str, Source],
    text_of: Callable[[str], str],
    origins: Places,
    only: Collection[str] | None = None,
) -> None:
    """Every quote from a source with a text stands in that text (see :mod:`ketref.quotecheck`,
    which bounds the work)."""
    from ketref.quotecheck import check_quotes as check

    def error_at(problem: str, what: str, record_id: str, field: str | None) -> DataError:
        return error(origins, problem, what, record_id, field)

    check(records, sources, text_of, error_at, only)
