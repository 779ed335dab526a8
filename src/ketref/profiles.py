"""Profiles: what ketref knows of one entity, in fixed sections, as graded statements.

A profile reads like a reference page (a drug label's sections, a pharmacology database's
ligand page): fixed sections in a fixed order, each a list of :class:`~ketref.statements.Statement`
objects built by merging the claims that say the same thing. Fact sheets, the docs site's entity
pages and the compare brief are all rendered from profiles.

``profile(kb, entity, min_tier=None)`` is the function; :func:`ketref.profile` calls it on the
bundled knowledge base.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ketref._memo import PerKnowledgeBase
from ketref.grades import resolve_tier
from ketref.humanize import base_verb, entity_phrase, format_value, sentence_case
from ketref.models._base import FrozenModel, Id
from ketref.queries.orientation import Reading
from ketref.statements import Citation, Statement, combine, synthesized
from ketref.vocabulary import KINDS, PREDICATES, EntityKind, ParameterCategory, SourceTier, StereoForm

if TYPE_CHECKING:
    from ketref.kb import EntityQuery, KnowledgeBase
    from ketref.models.entities import Entity

__all__ = ["SECTION_ORDER", "Profile", "Section", "profile"]


class Section(FrozenModel):
    """One titled part of a profile."""

    title: str
    statements: tuple[Statement, ...] = ()


class Profile(FrozenModel):
    """An entity's profile: ordered sections of statements, and the sources they cite."""

    entity: Id
    name: str
    kind: EntityKind
    description: str
    min_tier: SourceTier | None = None
    sections: tuple[Section, ...]

    def section(self, title: str) -> Section:
        """The section with this title (:class:`ketref.InvalidQueryError` listing the titles if none)."""
        for s in self.sections:
            if s.title == title:
                return s
        from ketref.errors import InvalidQueryError

        titles = ", ".join(s.title for s in self.sections)
        raise InvalidQueryError(f"no section {title!r} in the profile of {self.name}; sections: {titles}")

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every statement, section by section."""
        return tuple(s for section in self.sections for s in section.statements)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every source cited, once, in order of first citation (the footnote order)."""
        seen: dict[str, Citation] = {}
        for statement in self.statements:
            for citation in statement.citations:
                seen.setdefault(citation.source, citation)
        return tuple(seen.values())

    def footnote(self, source_id: str) -> int:
        """The footnote number of a source (1-based)."""
        return [c.source for c in self.citations].index(source_id) + 1

    @property
    def text(self) -> str:
        """Every statement's text, for searching (the renderers in :mod:`ketref.factsheet` lay it out)."""
        return "\n".join(
            [self.name, self.description]
            + [line for s in self.statements for line in (s.text, s.conflict or "", *s.caveats)]
        )


# reading predicates (from the entity's side) that each section takes
TARGET_PREDICATES = frozenset(
    {"binds", "antagonist_of", "agonist_of", "inhibits", "interacts_with", "activates"}
)
MECHANISM = frozenset({"leads_to", "increases", "decreases", "activates", "inhibits"})
PK = frozenset({"has_parameter", "has_onset", "has_duration"})
METABOLISM = frozenset({"metabolized_to", "metabolized_by", "metabolite_of", "metabolizes"})
CLINICAL = frozenset(
    {
        "treats",
        "used_off_label_for",
        "in_clinical_trials_for",
        "first_line_for",
        "has_effect",
        "administered_via",
        "has_protocol",
        "has_dose",
        "active_ingredient_of",
        "strength_in",
        "has_response_rate",
        "has_nonresponse_rate",
        "combined_with",
        "decreases",
        "increases",
    }
)
# approvals and controlled-drug status: the predicates whose row puts them in the regulatory
# table (vocabulary.Predicate.category), less the clinical ones (trials, off-label, first-line)
REGULATION = frozenset(p.id for p in PREDICATES.values() if p.category == "regulatory") - CLINICAL
# The kinds a mechanism step can reach (vocabulary.KINDS), targets aside: they have their own section.
MECHANISM_KINDS = frozenset(kind for kind, info in KINDS.items() if info.mechanism) - {EntityKind.TARGET}
ADVERSE = frozenset({"has_adverse_effect"})
COMPOSITION = frozenset({"has_component", "component_of", "derived_from", "source_of"})

SECTION_ORDER: dict[str, tuple[str, ...]] = {
    "compound": (
        "Identity and structure",
        "Targets and affinities",
        "Mechanism",
        "Pharmacokinetics",
        "Metabolism",
        "Clinical use",
        "Regulation",
        "Adverse effects",
        "Other statements",
        "Points of disagreement",
        "Said of ketamine without a form",
        "Sources",
    ),
    "target": (
        "Identity",
        "Ligands and affinities",
        "Mechanism",
        "Other statements",
        "Points of disagreement",
        "Sources",
    ),
    "product": (
        "Identity",
        "Ingredient and strength",
        "Route and dosing",
        "Regulation",
        "Adverse effects",
        "Other statements",
        "Points of disagreement",
        "Sources",
    ),
    "other": ("Identity", "What the sources say", "Points of disagreement", "Sources"),
}
"""The sections of a profile, in order, by kind of entity (salts and metabolites are compounds).

A section with nothing to say is left out, except the identity section."""


def _order_key(kind: EntityKind) -> str:
    if kind in (EntityKind.COMPOUND, EntityKind.SALT):
        return "compound"
    if kind in (EntityKind.TARGET, EntityKind.PRODUCT):
        return kind.value
    return "other"


def _fact(text: str) -> Statement:
    """A line of identity: a recorded or computed fact, not a claim, so it has no grade."""
    return Statement(text=text, grade=None, claims=())


def _names(entity: Entity) -> list[Statement]:
    if entity.synonyms:
        return [_fact(f"{entity.name}, also called {', '.join(entity.synonyms)}.")]
    return []


def _identity(kb: KnowledgeBase, entity: Entity) -> list[Statement]:
    from ketref.models.entities import Compound, Product, Salt, Target

    lines = _names(entity)
    if isinstance(entity, Compound):
        form = {
            StereoForm.RACEMATE: "a racemate (a 1:1 mixture of two enantiomers)",
            StereoForm.ENANTIOMER: "a single enantiomer",
            StereoForm.UNSPECIFIED: "named without a stereochemical form",
            StereoForm.ACHIRAL: "achiral",
        }[entity.stereo_form]
        relations = [f"{entity.name} is {form}"]
        if entity.components:
            relations.append(
                "its components are " + " and ".join(kb.entities[c].name for c in entity.components)
            )
        if entity.form_of:
            relations.append(f"it is a form of {entity_phrase(kb, entity.form_of)}")
            partners = [
                e
                for e in kb.entities.values()
                if isinstance(e, Compound) and e.form_of == entity.form_of and e.id != entity.id
            ]
            if entity.stereo_form is StereoForm.ENANTIOMER:
                mirror = [e.name for e in partners if e.stereo_form is StereoForm.ENANTIOMER]
                racemate = [e.name for e in partners if e.stereo_form is StereoForm.RACEMATE]
                if mirror:
                    relations.append(f"its mirror image is {mirror[0].lower()}")
                if racemate:
                    relations.append(f"it is one half of {racemate[0].lower()}")
        lines.append(_fact("; ".join(relations) + "."))
    if isinstance(entity, Salt):
        lines.append(_fact(f"A salt of {entity_phrase(kb, entity.parent)} with {entity.counterion}."))
    if isinstance(entity, Target):
        lines.append(_fact(f"Molecular class: {entity.target_class.value.replace('_', ' ')}."))
    if isinstance(entity, Product) and entity.dosage_form:
        lines.append(_fact(f"Dosage form: {entity.dosage_form}."))
    if getattr(entity, "smiles", None):
        lines += _structure_lines(entity)
    for rotation in getattr(entity, "optical_rotations", ()):
        value = f" {format_value(rotation.value)}" if rotation.value is not None else ""
        where = f": {rotation.conditions.rstrip('.')}" if rotation.conditions else ""
        lines.append(_fact(f"Optical rotation ({rotation.sign}){value}{where}."))
    if entity.xrefs:
        lines.append(_fact("Identifiers: " + ", ".join(x.curie for x in entity.xrefs) + "."))
    return lines


def _structure_lines(entity: Entity) -> list[Statement]:
    from ketref.chem.relations import structure_of
    from ketref.errors import KetrefError

    try:
        s = structure_of(entity)
    except (KetrefError, ImportError):
        return []
    labels = ", ".join(f"{c.label or 'unassigned'} at {c.element}{c.atom}" for c in s.stereocenters)
    lines = [
        _fact(
            f"Formula {s.formula}; average mass {format_value(s.average_mass)}; "
            f"monoisotopic mass {format_value(s.monoisotopic_mass)} (computed by RDKit)."
        ),
        _fact(f"InChIKey {s.inchikey}."),
    ]
    if labels:
        lines.append(_fact(f"CIP label: {labels}."))
    lines.append(_fact(f'A structure drawing with wedges and CIP labels: ketref depict "{entity.name}".'))
    return lines


def _readings(kb: KnowledgeBase, entity_id: str) -> list[Reading]:
    """Readings with the entity as subject, for claims about it or comparing it with another."""
    return list(kb.readings(subject=entity_id))


def _statements(kb: KnowledgeBase, readings: Iterable[Reading], tier: SourceTier | None) -> list[Statement]:
    found = [s for s, _ in synthesized(kb, readings, min_tier=tier)]
    return sorted(found, key=lambda s: -(s.grade.rank if s.grade else 0))


def _merge(title: str, parts: Sequence[Statement]) -> Statement:
    """One row of several statements about one thing (a target's binding, affinity and action),
    graded as its best-supported statement: sources behind different statements (a Ki from one
    study, a fold from another) do not agree on one thing, so they do not add up to a better grade."""
    graded = [p.grade for p in parts if p.grade is not None]
    best = max(graded, key=lambda g: g.rank) if graded else None
    return combine(f"{title}: " + "; ".join(dict.fromkeys(p.text for p in parts)), parts, best)


_ACTION = {
    "binds": "binds",
    "bound_by": "binds",
    "antagonist_of": "antagonist",
    "has_antagonist": "antagonist",
    "agonist_of": "agonist",
    "has_agonist": "agonist",
    "inhibits": "inhibits",
    "inhibited_by": "inhibits",
    "activates": "activates",
    "activated_by": "activates",
    "interacts_with": "interacts",
}


def _fragment(kb: KnowledgeBase, group: Sequence[Reading]) -> str:
    """A short phrase for one target row: ``Ki 0.3 µM (rat)``, ``antagonist``, or
    ``3–5-fold greater affinity than arketamine (…)``."""
    from ketref.statements import _context_words, _values_text, comparison_phrase

    claims = [r.claim for r in group]
    first = group[0]
    action = _ACTION.get(first.predicate, first.predicate.replace("_", " "))
    if first.claim.negated:
        action = f"not {action}" if action in ("antagonist", "agonist") else f"does not {base_verb(action)}"
    compared = comparison_phrase(kb, first, claims)
    values, _ = _values_text(kb, claims, with_sources=True)
    if compared:
        if first.predicate in ("antagonist_of", "has_antagonist", "agonist_of", "has_agonist"):
            compared = compared.replace("potency", f"{action} potency", 1)
        text = compared
    elif values:
        text = values
    else:
        text = action
    extra = _context_words(kb, claims)
    return f"{text} {' '.join(extra)}".strip()


def _target_rows(kb: KnowledgeBase, readings: list[Reading], tier: SourceTier | None) -> list[Statement]:
    """One row per partner: for a compound its targets, for a target its ligands."""
    groups: dict[str, list[Reading]] = {}
    for r in readings:
        groups.setdefault(r.object, []).append(r)
    rows = []
    for partner, members in groups.items():
        parts = [
            s.model_copy(update={"text": _fragment(kb, kept)})
            for s, kept in synthesized(kb, members, min_tier=tier)
        ]
        if parts:
            # measured values first, then comparisons, then plain statements of action
            parts.sort(key=lambda s: (-(s.grade.rank if s.grade else 0), len(s.text) < 20))
            rows.append(_merge(sentence_case(entity_phrase(kb, partner, article=False)), parts))
    rows.sort(key=lambda s: (-(s.grade.rank if s.grade else 0), -len(s.claims)))
    return rows


def _ligand_readings(readings: list[Reading]) -> list[Reading]:
    return [r for r in readings if r.predicate in INVERSE_TARGET]


INVERSE_TARGET = frozenset({"bound_by", "has_antagonist", "has_agonist", "inhibited_by", "activated_by"})


def _general_statements(
    kb: KnowledgeBase, entity: Entity, tier: SourceTier | None, limit: int = 12
) -> list[Statement]:
    """What is said of the form-unspecified compound, under the inheritance rule, best first."""
    general = getattr(entity, "form_of", None)
    if general is None:
        return []
    from ketref.queries.inheritance import inheritable, marketed_forms

    marketed = entity.id in marketed_forms(kb)
    readings = [
        r
        for r in kb.readings(subject=general)
        if r.claim.subject == general and inheritable(r.claim, marketed=marketed)
    ]
    found = _statements(kb, readings, tier)
    shown = found[:limit]
    if len(found) > limit:
        shown.append(
            _fact(
                f"… and {len(found) - limit} more statements about {entity_phrase(kb, general)}: "
                f"see the profile of {kb.entities[general].name}."
            )
        )
    return shown


def _sources_section(statements: Sequence[Statement]) -> list[Statement]:
    seen: dict[str, Citation] = {}
    for s in statements:
        for c in s.citations:
            seen.setdefault(c.source, c)
    return [_fact(f"{c.text} [{c.tier.value.replace('_', ' ')}]") for c in seen.values()]


def _pick(
    readings: list[Reading], predicates: frozenset[str], test: Callable[[Reading], bool] | None = None
) -> list[Reading]:
    return [r for r in readings if r.predicate in predicates and (test is None or test(r))]


def profile(kb: KnowledgeBase, entity: EntityQuery, *, min_tier: SourceTier | str | None = None) -> Profile:
    """The profile of an entity: its sections in the order :data:`SECTION_ORDER` gives.

    With ``min_tier``, statements rest only on sources of that tier or better, and cite only
    those; a statement with no such source is left out.
    """
    tier = resolve_tier(min_tier) if min_tier is not None else None
    found = kb.get(entity)
    return _PROFILES.get(kb, (found.id, tier), lambda: _build(kb, found, tier))


_PROFILES: PerKnowledgeBase[tuple[str, SourceTier | None], Profile] = PerKnowledgeBase()


def _build(kb: KnowledgeBase, entity: Entity, tier: SourceTier | None) -> Profile:
    readings = _readings(kb, entity.id)
    kind = _order_key(entity.kind)
    titles = SECTION_ORDER[kind]
    parts: dict[str, list[Statement]] = {t: [] for t in titles}
    parts[titles[0]] = _identity(kb, entity)
    used: set[int] = set()

    def take(rs: list[Reading]) -> list[Reading]:
        """The readings no earlier section took, now marked as taken: a statement appears once."""
        fresh = [r for r in rs if id(r) not in used]
        used.update(id(r) for r in fresh)
        return fresh

    from ketref.models.entities import Parameter

    def is_physicochemical(r: Reading) -> bool:
        """A parameter of the substance itself (pKa, melting point): given with the identity, not
        under pharmacokinetics."""
        entity = kb.entities[r.object]
        return isinstance(entity, Parameter) and entity.category is ParameterCategory.PHYSICOCHEMICAL

    def is_target(r: Reading) -> bool:
        return kb.entities[r.object].kind is EntityKind.TARGET

    def is_step(r: Reading) -> bool:
        """A mechanism step ends at a process, molecule, cell type or effect, not at a target (those
        are under targets) nor at a condition (a clinical outcome)."""
        return kb.entities[r.object].kind in MECHANISM_KINDS

    parts[titles[0]] = [
        *parts[titles[0]],
        *_statements(
            kb,
            take(_pick(readings, frozenset({"has_parameter"}), is_physicochemical)),
            tier,
        ),
    ]
    if kind == "compound":
        parts["Targets and affinities"] = _target_rows(
            kb, take(_pick(readings, TARGET_PREDICATES, is_target)), tier
        )
        parts["Metabolism"] = _statements(kb, take(_pick(readings, METABOLISM)), tier)
        parts["Pharmacokinetics"] = sorted(
            _statements(kb, take(_pick(readings, PK)), tier), key=lambda s: s.text
        )
        parts["Mechanism"] = _statements(
            kb, take(_pick(readings, MECHANISM | {"acts_through"}, is_step)), tier
        )
        parts["Regulation"] = _statements(kb, take(_pick(readings, REGULATION)), tier)
        parts["Clinical use"] = _statements(kb, take(_pick(readings, CLINICAL)), tier)
        parts["Adverse effects"] = _statements(kb, take(_pick(readings, ADVERSE)), tier)
        parts["Said of ketamine without a form"] = _general_statements(kb, entity, tier)
        other = "Other statements"
    elif kind == "target":
        parts["Ligands and affinities"] = _target_rows(kb, take(_ligand_readings(readings)), tier)
        parts["Mechanism"] = _statements(kb, take(_pick(readings, MECHANISM | {"results_from"})), tier)
        other = "Other statements"
    elif kind == "product":
        parts["Ingredient and strength"] = _statements(
            kb, take(_pick(readings, frozenset({"has_active_ingredient", "has_strength"}))), tier
        )
        parts["Route and dosing"] = _statements(
            kb, take(_pick(readings, frozenset({"administered_via", "has_dose", "has_protocol"}))), tier
        )
        parts["Regulation"] = _statements(
            kb, take(_pick(readings, REGULATION | {"used_off_label_for"})), tier
        )
        parts["Adverse effects"] = _statements(kb, take(_pick(readings, ADVERSE)), tier)
        other = "Other statements"
    else:
        other = "What the sources say"
    parts[other] = _statements(kb, [r for r in readings if id(r) not in used], tier)
    said = [s for t in titles[1:] for s in parts[t] if t not in ("Points of disagreement", "Sources")]
    parts["Points of disagreement"] = [s for s in said if s.conflict and s.claims]
    parts["Sources"] = _sources_section(said)
    sections = [Section(title=titles[0], statements=tuple(parts[titles[0]]))]
    if not said:
        sections.append(
            Section(
                title="Statements",
                statements=(
                    _fact(
                        f"Nothing else is recorded about {entity_phrase(kb, entity.id)}"
                        + (f" from sources of tier {tier.value} or better." if tier else ".")
                    ),
                ),
            )
        )
    else:
        sections += [Section(title=t, statements=tuple(parts[t])) for t in titles[1:] if parts[t]]
    return Profile(
        entity=entity.id,
        name=entity.name,
        kind=entity.kind,
        description=entity.description,
        min_tier=tier,
        sections=tuple(sections),
    )
