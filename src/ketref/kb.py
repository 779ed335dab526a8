"""The knowledge base: validated records, their indexes, and the queries over them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from functools import cache, cached_property, partial
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ketref import integrity, limits
from ketref._normalize import INCHIKEY_PATTERN
from ketref._shown import shown
from ketref.errors import (
    DataError,
    InvalidQueryError,
    QueryTypeError,
    UnknownClaimError,
    UnknownEntityError,
    UnknownNameError,
    UnknownSourceError,
)
from ketref.index import NameIndex
from ketref.models.entities import Entity, EntityBase
from ketref.terms import resolve_enum, resolve_predicate, suggest
from ketref.vocabulary import Direction, EntityKind, SourceTier, Status

if TYPE_CHECKING:  # claims, sources and the loader are imported when first needed, not at the first get
    from ketref.loader import Origin, Records
    from ketref.models.claims import Claim
    from ketref.models.curation import ConflictRecord, CoverageExclusion
    from ketref.models.readings import Reading
    from ketref.models.results import Conflict, EffectReport, EntityComparison, SearchResult
    from ketref.models.sources import Source
    from ketref.queries.folds import DerivedFold
    from ketref.queries.orientation import ClaimIndex

__all__ = ["KnowledgeBase", "bundled_data_path"]

T = TypeVar("T")
C = TypeVar("C", bound="Claim")

EntityQuery = str | EntityBase

RECORD_KINDS = ("entity", "source", "claim", "conflict", "exclusion")
"""The kinds of record :meth:`KnowledgeBase.origin` knows."""


def bundled_data_path() -> Path:
    """The directory of the curated data files shipped with ketref."""
    return Path(__file__).parent / "data"


@cache
def shipped_texts() -> frozenset[str]:
    """The file names of the seed texts shipped with ketref (``data/sources/``)."""
    folder = bundled_data_path() / "sources"
    return frozenset(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else frozenset()


class KnowledgeBase:
    """An immutable, validated set of entities, sources and claims, with lookups over them.

    Build one with :meth:`bundled` (what :func:`ketref.get` and friends use),
    :meth:`from_paths` (a user's pack merged with the bundled data), :meth:`from_directory` or
    :meth:`from_json`. Construction checks referential integrity and the uniqueness of every
    id, name and identifier, and raises :class:`ketref.DataError` naming the record.
    """

    def __init__(self, records: Records) -> None:
        from ketref.confusables import check_identities

        origins = self._origins = dict(records.origins)
        self._texts = dict(records.texts)
        self._entities: dict[str, Entity] = integrity.unique(
            cast("list[Entity]", records.entities), "entity", origins
        )
        self._file_records(records)
        integrity.check_references(
            self._entities, self._sources, self._claims, self._conflict_records, self._exclusions, origins
        )
        check_identities(self._entities.values(), partial(integrity.error, origins))  # ketref.confusables
        try:
            self._names = NameIndex(self._entities.values())
        except DataError as exc:  # name the file and line of the second claimant
            raise integrity.error(origins, exc.problem, "entity", exc.record or "", exc.field) from None
        self._start()

    def _start(self) -> None:
        self._comparisons: dict[tuple[str, str], EntityComparison] = {}
        self._search_results: dict[tuple[str, float, str], SearchResult] = {}
        self._rest: Callable[[], Records] | None = None
        self._rest_lock = threading.Lock()
        self._pack_entities: frozenset[str] = frozenset()

    def _file_records(self, records: Records) -> None:
        """Keep the sources, claims, conflict records and exclusions of ``records``."""
        origins = self._origins
        self.__dict__.update(
            _sources=integrity.unique(records.sources, "source", origins),
            _claims=integrity.unique(records.claims, "claim", origins),
            _conflict_records=integrity.unique(records.conflicts, "conflict", origins),
            _exclusions=tuple(records.exclusions),
        )

    @classmethod
    def _checked(cls, entities: list[EntityBase], rest: Callable[[], Records]) -> KnowledgeBase:
        """A knowledge base of records checked when they were written (the bundled snapshot): the
        entities and their name index now; every record with its origin when first asked for
        (``rest``), the entities again among them."""
        kb = cls.__new__(cls)
        kb._origins = {}
        kb._texts = {}
        kb._entities = {e.id: cast("Entity", e) for e in entities}
        kb._names = NameIndex(kb._entities.values())
        kb._start()
        kb._rest = rest
        return kb

    def _load_rest(self) -> None:
        """Read the records a :meth:`_checked` knowledge base left for later (once, whatever threads ask)."""
        with self._rest_lock:
            rest = self._rest
            if rest is not None and "_claims" not in self.__dict__:
                records = rest()
                self._origins.update(records.origins)
                self._file_records(records)
                self._rest = None

    def _later(self, name: str) -> Any:
        self._load_rest()
        return self.__dict__[name]

    @cached_property
    def _sources(self) -> dict[str, Source]:
        return cast("dict[str, Source]", self._later("_sources"))

    @cached_property
    def _claims(self) -> dict[str, Claim]:
        return cast("dict[str, Claim]", self._later("_claims"))

    @cached_property
    def _conflict_records(self) -> dict[str, ConflictRecord]:
        return cast("dict[str, ConflictRecord]", self._later("_conflict_records"))

    @cached_property
    def _exclusions(self) -> tuple[CoverageExclusion, ...]:
        return cast("tuple[CoverageExclusion, ...]", self._later("_exclusions"))

    @property
    def exclusions(self) -> tuple[CoverageExclusion, ...]:
        """The seed sentences that carry no claim on purpose, each with its reason (read-only)."""
        return self._exclusions

    @property
    def pack_entities(self) -> frozenset[str]:
        """The ids of the entities a pack added (:meth:`from_paths`); empty otherwise (read-only)."""
        return self._pack_entities

    @cached_property
    def _claim_index(self) -> ClaimIndex:
        from ketref.queries.orientation import ClaimIndex

        return ClaimIndex(tuple(self._claims.values()))

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_directory(cls, path: str | Path) -> KnowledgeBase:
        """Load and validate every ``*.toml`` data file of a directory."""
        from ketref.loader import load_directory

        return cls(load_directory(path))

    @classmethod
    def from_paths(cls, *paths: str | Path, include_bundled: bool = True) -> KnowledgeBase:
        """A knowledge base of a user's data files (a *pack*), merged with the bundled data.

        Each path is a TOML data file or a directory of them, in the bundled files' format. A
        pack source with a ``file`` ships its text beside the data (in ``sources/``), and every
        pack quote from it is checked. Ids, names and identifiers must not collide with the
        bundled ones. Any problem raises :class:`ketref.DataError` naming the file, record,
        field and line; nothing is changed by a failed load, and the bundled knowledge base
        (:func:`ketref.knowledge_base`) is never altered.
        """
        from ketref.loader import Records, load_directory, load_pack

        if not isinstance(include_bundled, bool):
            raise QueryTypeError(f"include_bundled is True or False, not {type(include_bundled).__name__}")
        pack = load_pack(paths)
        records = Records()
        if include_bundled:
            records.extend(load_directory(bundled_data_path(), relative_to=bundled_data_path().parent.parent))
        records.extend(pack)
        kb = cls(records)
        integrity.check_quotes(pack, kb._sources, kb.source_text, kb._origins)  # see ketref.quotecheck
        from ketref.chem.packcheck import check_pack_structures  # RDKit only if the pack has SMILES

        check_pack_structures(pack.entities, kb._entities.values(), partial(integrity.error, kb._origins))
        kb._pack_entities = frozenset(e.id for e in pack.entities)
        return kb

    def source_text(self, source_id: str) -> str:
        """The full text of a source whose text ships with ketref or with a pack (read at load)."""
        source = self.source(source_id)
        text = self._texts.get(source.id)
        if text is not None:
            return text
        if source.file is not None and source.file not in shipped_texts():
            raise UnknownSourceError(source.id, detail="its text is neither shipped with ketref nor loaded")
        return source.text()

    @classmethod
    def from_json(cls, text: str, *, name: str = "<json>") -> KnowledgeBase:
        """A knowledge base from a JSON data document such as :func:`ketref.export` writes.

        An export of a knowledge base with a pack carries the pack's source texts (under
        ``source_text``), so it loads back losslessly: the same records, texts and seeds.
        """
        from ketref.loader import parse_json

        records = parse_json(text, name)
        kb = cls(records)
        if records.texts:  # pack texts an export carried: their quotes are checked as at a pack's load
            integrity.check_quotes(records, kb._sources, kb.source_text, kb._origins, only=records.texts)
        return kb

    def export(self, format: str = "json") -> str:  # noqa: A002 - the option's own word
        """This knowledge base as ``json``, ``jsonld`` or ``turtle`` text (see :mod:`ketref.serialize`)."""
        from ketref.serialize import export

        return export(self, format)

    def conflict_records(self) -> tuple[ConflictRecord, ...]:
        """The curated conflict records, as stored."""
        return tuple(self._conflict_records.values())

    @classmethod
    def bundled(cls) -> KnowledgeBase:
        """The knowledge base shipped with ketref (loaded afresh; see :func:`ketref.knowledge_base`).

        It is read from the JSON snapshot when that matches the TOML files (records validated and
        checked when the snapshot was written; the entities at once, the rest when first asked
        for), else from the TOML files themselves, validated and checked (see :mod:`ketref.snapshot`).
        """
        from ketref.snapshot import open_snapshot

        directory = bundled_data_path()
        snapshot = open_snapshot(directory)
        if snapshot is None:
            from ketref.loader import load_directory

            return cls(load_directory(directory, relative_to=directory.parent.parent))
        return cls._checked(snapshot.entities, snapshot.rest)

    @cached_property
    def computed_inchikeys(self) -> dict[str, str]:
        """The standard InChIKey RDKit computes for each entity with a structure, to its id
        (built on first use: it needs RDKit)."""
        from ketref.chem.relations import index_inchikeys

        return index_inchikeys(self)

    @cached_property
    def _folds(self) -> tuple[DerivedFold, ...]:
        from ketref.queries.folds import derived_folds

        return derived_folds(self._claims.values())

    # -- records --------------------------------------------------------------------------

    @property
    def entities(self) -> Mapping[str, Entity]:
        """Every entity, by id (read-only)."""
        return MappingProxyType(self._entities)

    def sources(self) -> tuple[Source, ...]:
        """Every source: the seed documents shipped with ketref first, then the rest, in data order."""
        return tuple(sorted(self._sources.values(), key=lambda s: not self.is_bundled_seed(s.id)))

    def is_bundled_seed(self, source_id: str) -> bool:
        """Whether a source is one of the seed documents whose text ships with ketref."""
        source = self.source(source_id)
        return source.file is not None and source.id not in self._texts and source.file in shipped_texts()

    def source(self, source_id: str) -> Source:
        """The source with this id."""
        return _by_id(self._sources, source_id, UnknownSourceError)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        return _by_id(self._claims, claim_id, UnknownClaimError)

    def all_claims(self) -> tuple[Claim, ...]:
        """Every claim, in data order."""
        return tuple(self._claims.values())

    def origin(self, what: str, record_id: str) -> Origin | None:
        """Where a record (``what`` is ``"entity"``, ``"source"``, ``"claim"``, ``"conflict"`` or
        ``"exclusion"``) was read, or ``None`` for a record not read from a file.

        Raises:
            ketref.QueryTypeError: ``what`` or ``record_id`` is not text.
            ketref.InvalidQueryError: ``what`` is not one of the record kinds above.
        """
        _need_text(what, "the kind of record")
        _need_text(record_id, "a record id")
        if what not in RECORD_KINDS:
            raise InvalidQueryError(
                f"the kind of record is one of {', '.join(RECORD_KINDS)}, not {shown(what)}"
            )
        self._load_rest()
        return self._origins.get((what, record_id))

    # -- lookups --------------------------------------------------------------------------

    def get(self, query: EntityQuery, kind: EntityKind | str | None = None) -> Entity:
        """The entity named by ``query``: an id, name, synonym, brand, CURIE or InChIKey.

        Case, spacing, hyphens and brackets are ignored, so ``"(S)-ketamine"``,
        ``"S-ketamine"`` and ``"esketamine"`` all give the same entity.

        Raises:
            ketref.UnknownEntityError: nothing matches (with close matches as suggestions),
                or the match is not of the requested ``kind``.
        """
        wanted = resolve_enum(EntityKind, kind, "entity kind") if kind is not None else None
        if isinstance(query, EntityBase):
            found = self._entities.get(query.id)
            if found is None or found != query:
                raise UnknownEntityError(query.id, suggest(query.id, self._entities))
        elif isinstance(query, str):
            _need_short(query, "a name")
            entity_id = self._names.lookup(query) or self._by_computed_inchikey(query)
            if entity_id is None:
                signed = self._names.sign_only(query)  # "(-)-ketamine": which form? say why not
                if signed is not None:
                    raise UnknownEntityError(query, signed[0], detail=signed[1])
                raise UnknownEntityError(query, self._names.suggestions(query))
            found = self._entities[entity_id]
        else:
            raise QueryTypeError(
                f"an entity is named by text or given as an entity, not {type(query).__name__}"
            )
        if wanted is not None and found.kind is not wanted:
            shown = query if isinstance(query, str) else query.id
            raise UnknownEntityError(
                shown,
                [r.entity.name for r in self.search(shown, wanted, limit=5)],
                detail=f"it names {found.id!r}, a {found.kind.value}, not a {wanted.value}",
            )
        return found

    def _by_computed_inchikey(self, query: str) -> str | None:
        """An InChIKey no source recorded may still match a structure RDKit computes."""
        key = query.strip().upper()
        if not INCHIKEY_PATTERN.match(key):
            return None
        return self.computed_inchikeys.get(key)

    def search(
        self, text: str, kind: EntityKind | str | None = None, limit: int = 10
    ) -> tuple[SearchResult, ...]:
        """Entities ranked by how well their names (then descriptions) match ``text``.

        Scores run from 1.0 (an exact name) down; an empty result is a valid answer.
        """
        if not isinstance(text, str):
            raise QueryTypeError(f"search text is text, not {type(text).__name__}")
        _need_short(text, "a search text")
        if isinstance(limit, bool) or not isinstance(limit, int):
            raise QueryTypeError(f"limit is a whole number, not {type(limit).__name__}")
        if limit < 1:
            raise InvalidQueryError(f"limit is at least 1, not {limit}")
        wanted = resolve_enum(EntityKind, kind, "entity kind") if kind is not None else None
        hits = self._names.search(text, self._entities, None if wanted is not None else limit)
        if wanted is not None:
            hits = [h for h in hits if self._entities[h.entity_id].kind is wanted]
        return tuple(self._search_result(h.entity_id, h.score, h.matched) for h in hits[:limit])

    def _search_result(self, entity_id: str, score: float, matched: str) -> SearchResult:
        """A search result, remembered: results are immutable, and repeated searches are common."""
        key = (entity_id, score, matched)
        found = self._search_results.get(key)
        if found is None:
            from ketref.models.results import SearchResult

            if len(self._search_results) >= 10_000:  # a bound, whatever queries arrive
                self._search_results.clear()
            # the entity is a validated record already: building the result need not check it again
            found = SearchResult.model_construct(
                entity=self._entities[entity_id], score=score, matched=matched
            )
            self._search_results[key] = found
        return found

    def _entity_id(self, query: EntityQuery | None) -> str | None:
        return None if query is None else self.get(query).id

    def claims(
        self,
        subject: EntityQuery | None = None,
        predicate: str | None = None,
        object: EntityQuery | None = None,  # noqa: A002 - the triple's own word
        *,
        comparator: EntityQuery | None = None,
        direction: Direction | str | None = None,
        source: str | Source | None = None,
        status: Status | str | None = None,
        negated: bool | None = None,
        involving: EntityQuery | None = None,
        inherit: bool = False,
        min_tier: SourceTier | str | None = None,
    ) -> tuple[Reading, ...]:
        """Claims matching every filter given, in data order, each read from the asker's side.

        Each claim is matched as stated and also read the other way round, and it is returned
        as a :class:`~ketref.models.readings.Reading` worded the way the question was asked:
        with ``subject=X`` every result has X as its subject ("arketamine binds nmda-receptor,
        affinity lesser than esketamine" for a claim stored from esketamine's side), and
        ``reading.claim`` is the claim as stored. ``claims("nmda-receptor", "has_antagonist")``
        finds "esketamine antagonist_of nmda-receptor", read as "nmda-receptor has antagonist
        esketamine".

        ``involving=X`` keeps claims that name X in any role (subject, object, comparator or
        route), returned as stated.

        With ``inherit=True`` and a subject that is a racemate or an enantiomer, claims about
        the form-unspecified compound follow the form's own, as
        :class:`~ketref.queries.inheritance.InheritedClaim` objects marked with ``shown_for`` and
        still worded of the form-unspecified compound (the rule is in docs/status.md).

        With ``min_tier`` (a :class:`~ketref.SourceTier` or its value), only claims with a source
        of that tier or better are returned, and their evidence keeps only those sources (see
        docs/sources.md).
        """
        predicate_id = resolve_predicate(predicate).id if predicate is not None else None
        wanted_direction = resolve_enum(Direction, direction, "direction") if direction is not None else None
        wanted_status = resolve_enum(Status, status, "status") if status is not None else None
        source_id = None
        if source is not None:
            source_id = self._source_id(source)
        if negated is not None and not isinstance(negated, bool):
            raise QueryTypeError(f"negated is True, False or None, not {shown(negated)}")
        if not isinstance(inherit, bool):
            raise QueryTypeError(f"inherit is True or False, not {shown(inherit)}")
        subject_id = self._entity_id(subject)
        involving_id = self._entity_id(involving)
        filters = {
            "predicate": predicate_id,
            "object": self._entity_id(object),
            "comparator": self._entity_id(comparator),
            "direction": wanted_direction,
        }
        found: tuple[Reading, ...] = self._claim_index.read(subject=subject_id, **filters)
        general = getattr(self._entities.get(subject_id or ""), "form_of", None)
        if inherit and subject_id is not None and general is not None:
            from ketref.queries.inheritance import inherit as inherit_claims
            from ketref.queries.inheritance import marketed_forms

            own = self._claim_index.match(subject=subject_id)
            marketed = subject_id in marketed_forms(self)
            general_claims = self._claim_index.read(subject=general, **filters)
            found += tuple(inherit_claims(general_claims, general, own, subject_id, marketed=marketed))
        if involving_id is not None:
            naming = {c.id for c in self._claim_index.naming(involving_id)}
            found = tuple(r if subject_id is not None else _as_stated(r) for r in found if r.id in naming)
        if min_tier is not None:
            found = _at_or_above(self, found, min_tier)
        if wanted_status is None and source_id is None and negated is None:
            return found
        return tuple(
            c
            for c in found
            if (wanted_status is None or c.status is wanted_status)
            and (source_id is None or source_id in c.sources)
            and (negated is None or c.negated is negated)
        )

    def readings(
        self,
        subject: str | None = None,
        predicate: str | None = None,
        object: str | None = None,  # noqa: A002
    ) -> tuple[Reading, ...]:
        """Every reading of every claim matching the given ids: each claim as stated, and read
        from its object's and its comparator's side (see :mod:`ketref.queries.orientation`).

        Raises:
            ketref.QueryTypeError: an id given is not text (ids are matched exactly; use
                :meth:`claims` to look entities up by name).
        """
        for label, value in (("subject", subject), ("predicate", predicate), ("object", object)):
            if value is not None:
                _need_text(value, f"the {label} id")
        return tuple(self._claim_index.typed_readings(subject=subject, predicate=predicate, object=object))

    def compare(self, a: EntityQuery, b: EntityQuery) -> EntityComparison:
        """What the knowledge base says of ``a`` and of ``b``, side by side, topic by topic."""
        from ketref.queries.comparison import compare_entities

        first, second = self.get(a), self.get(b)
        if first.id == second.id:
            raise InvalidQueryError(f"compare needs two different entities; both name {first.id!r}")
        key = (first.id, second.id)
        if key not in self._comparisons:
            self._comparisons[key] = compare_entities(first.id, second.id, self._claim_index)
        return self._comparisons[key]

    def adverse_effects(
        self, subject: EntityQuery | None = None, *, inherit: bool = True
    ) -> tuple[EffectReport, ...]:
        """Adverse effects claimed for ``subject`` (or for anything), most widely reported first,
        each with its sources, the sources' frequency words and settings.

        For a racemate or an enantiomer, effects stated of form-unspecified ketamine are
        included (``inherit=True``, the default), marked as inherited in the claims.
        """
        from ketref.queries.overview import adverse_effect_reports

        if subject is None:
            return adverse_effect_reports(self._claims.values())
        return adverse_effect_reports(self.claims(subject, "has_adverse_effect", inherit=inherit))

    def pharmacokinetics(self, compound: EntityQuery) -> tuple[Claim, ...]:
        """Every pharmacokinetic value claimed for a compound, by parameter then route, each with
        its own source: where sources disagree, all values stay side by side.

        Only parameters of the ``pharmacokinetic`` category count; a physicochemical one (pKa,
        melting point) describes the substance, and :func:`ketref.profile` gives it with the
        identity."""
        from ketref.models.entities import Parameter
        from ketref.vocabulary import ParameterCategory

        def kinetic(c: Claim) -> bool:
            entity = self._entities.get(c.object)
            return isinstance(entity, Parameter) and entity.category is ParameterCategory.PHARMACOKINETIC

        found = [c for c in self.claims(compound, "has_parameter") if not c.inverted and kinetic(c)]
        return tuple(sorted(found, key=lambda c: (c.object, c.context.route or "")))

    def unique_claims(self, source: str | Source) -> tuple[Claim, ...]:
        """Claims that rest on ``source`` and that no other source makes."""
        from ketref.queries.overview import unique_to_source

        return unique_to_source(self._claims.values(), self._source_id(source))

    def _source_id(self, source: str | Source) -> str:
        from ketref.models.sources import Source

        return source.id if isinstance(source, Source) else self.source(source).id

    def conflicts(self) -> tuple[Conflict, ...]:
        """Claims that disagree with each other, each side with its evidence."""
        from ketref.models.results import Conflict
        from ketref.queries.conflicts import find_conflicts

        curated = tuple(
            Conflict(
                kind=r.kind,
                topic=r.topic,
                side_a=tuple(self._claims[i] for i in r.side_a),
                side_b=tuple(self._claims[i] for i in r.side_b),
                note=r.note,
                curated=True,
            )
            for r in self._conflict_records.values()
        )
        return find_conflicts(self._claims.values(), self.affinity_folds()) + curated

    def affinity_folds(self) -> tuple[DerivedFold, ...]:
        """Fold differences derived from same-source affinity values, with the stated folds
        about the same pair and target checked against each (see :mod:`ketref.queries.folds`)."""
        return self._folds

    def __repr__(self) -> str:
        return (
            f"<KnowledgeBase: {len(self._entities)} entities, {len(self._sources)} sources, "
            f"{len(self._claims)} claims>"
        )


def _as_stated(reading: Reading) -> Reading:
    from ketref.models.readings import Reading

    return Reading.of(reading.claim)


def _at_or_above(kb: KnowledgeBase, claims: tuple[C, ...], min_tier: SourceTier | str) -> tuple[C, ...]:
    """The claims with evidence from a source of ``min_tier`` or better, keeping only that evidence."""
    from ketref.grades import resolve_tier

    tier = resolve_tier(min_tier)
    out = []
    for claim in claims:
        kept = tuple(e for e in claim.evidence if kb.source(e.source).effective_tier >= tier)
        if kept:
            out.append(
                claim if len(kept) == len(claim.evidence) else claim.model_copy(update={"evidence": kept})
            )
    return tuple(out)


def _need_text(value: object, what: str) -> None:
    """Refuse a non-text argument with a :class:`ketref.QueryTypeError` naming it."""
    if not isinstance(value, str):
        raise QueryTypeError(f"{what} is text, not {type(value).__name__}")


def _need_short(text: str, what: str) -> None:
    """Refuse a query longer than :data:`ketref.limits.MAX_QUERY_CHARS` before any work on it."""
    if len(text) > limits.MAX_QUERY_CHARS:
        raise InvalidQueryError(
            f"{what} is at most {limits.MAX_QUERY_CHARS} characters long; this one has {len(text)}"
        )


def _by_id(table: Mapping[str, T], record_id: str, error: type[UnknownNameError]) -> T:
    """The record with exactly this id (white space around it ignored), or ``error``."""
    if not isinstance(record_id, str):
        raise QueryTypeError(f"a {error.what} id is text, not {type(record_id).__name__}")
    found = table.get(record_id.strip())
    if found is None:
        raise error(record_id, suggest(record_id, table))
    return found
