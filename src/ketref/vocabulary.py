"""Controlled vocabularies: entity kinds, statuses, directions, aspects and predicates.

Everything here is plain Python (enums and a frozen dataclass table) so that it costs nothing
to import. Each predicate knows its inverse and, where one exists and was checked, its
Relation Ontology (RO) or Biolink Model equivalent; see ``docs/vocabulary.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

__all__ = [
    "KINDS",
    "KIND_TIERS",
    "PREDICATES",
    "Aspect",
    "Direction",
    "EffectType",
    "EntityKind",
    "Kind",
    "Level",
    "ParameterCategory",
    "Predicate",
    "SourceKind",
    "SourceTier",
    "Status",
    "StereoForm",
    "TargetClass",
]


class EntityKind(StrEnum):
    """What an entity is."""

    COMPOUND = "compound"
    SALT = "salt"
    TARGET = "target"
    MOLECULE = "molecule"
    CELL_TYPE = "cell_type"
    PROCESS = "process"
    EFFECT = "effect"
    ROUTE = "route"
    PRODUCT = "product"
    CONDITION = "condition"
    THERAPY = "therapy"
    PROTOCOL = "protocol"
    POPULATION = "population"
    PARAMETER = "parameter"


@dataclass(frozen=True, slots=True)
class Kind:
    """How one entity kind is named and drawn, in every output that shows kinds.

    Attributes:
        id: the kind (an :class:`EntityKind`).
        label: the kind in plain words (``"cell type"``).
        colour: the fill colour of its nodes in diagrams (a light tint, so black text stays
            legible), and its swatch in legends.
        shape: the Graphviz node shape.
        rounded: whether the shape's corners are rounded.
        mechanism: whether an entity of this kind can be a step of a mechanism (a target, a
            molecule, a cell type, a process or an effect): a pathway follows claims to it. A
            compound, a product or a condition is not one (an interacting drug, relapse).
    """

    id: EntityKind
    label: str
    colour: str
    shape: str = "box"
    rounded: bool = False
    mechanism: bool = False


_OTHER_COLOUR = "#e5e7eb"

KINDS: Mapping[EntityKind, Kind] = MappingProxyType(
    {
        k.id: k
        for k in (
            Kind(EntityKind.COMPOUND, "compound", "#fdba74"),
            Kind(EntityKind.SALT, "salt", "#fed7aa"),
            Kind(EntityKind.TARGET, "target", "#93c5fd", mechanism=True),
            Kind(EntityKind.MOLECULE, "molecule", "#86efac", shape="ellipse", mechanism=True),
            Kind(EntityKind.CELL_TYPE, "cell type", "#d8b4fe", shape="hexagon", mechanism=True),
            Kind(EntityKind.PROCESS, "process", "#fde68a", rounded=True, mechanism=True),
            Kind(EntityKind.EFFECT, "effect", "#f9a8d4", shape="ellipse", mechanism=True),
            Kind(EntityKind.ROUTE, "route", _OTHER_COLOUR),
            Kind(EntityKind.PRODUCT, "product", _OTHER_COLOUR),
            Kind(EntityKind.CONDITION, "condition", _OTHER_COLOUR),
            Kind(EntityKind.THERAPY, "therapy", _OTHER_COLOUR),
            Kind(EntityKind.PROTOCOL, "protocol", _OTHER_COLOUR),
            Kind(EntityKind.POPULATION, "population", _OTHER_COLOUR),
            Kind(EntityKind.PARAMETER, "parameter", _OTHER_COLOUR),
        )
    }
)
"""Every entity kind's label, diagram colour and shape, and whether it can be a mechanism step:
the one table diagrams and legends read (a new kind is one row here)."""


class StereoForm(StrEnum):
    """The stereochemical form in which a compound record is meant."""

    RACEMATE = "racemate"
    ENANTIOMER = "enantiomer"
    UNSPECIFIED = "unspecified"
    ACHIRAL = "achiral"


class TargetClass(StrEnum):
    """The molecular class of a target."""

    RECEPTOR = "receptor"
    ION_CHANNEL = "ion_channel"
    TRANSPORTER = "transporter"
    ENZYME = "enzyme"
    SIGNALING_PROTEIN = "signaling_protein"


class EffectType(StrEnum):
    """Whether an effect is sought, unwanted, or a pharmacological action in its own right."""

    THERAPEUTIC = "therapeutic"
    ADVERSE = "adverse"
    PHARMACOLOGICAL = "pharmacological"


class ParameterCategory(StrEnum):
    """Whether a parameter describes the drug's fate in the body or the substance itself."""

    PHARMACOKINETIC = "pharmacokinetic"
    PHYSICOCHEMICAL = "physicochemical"


class Status(StrEnum):
    """How firmly a claim is made, judged from the source's own wording.

    The members are ordered from strongest to weakest; :meth:`rank` gives that order.
    """

    ESTABLISHED = "established"
    REPORTED = "reported"
    SUGGESTED = "suggested"
    HYPOTHESIZED = "hypothesized"
    UNKNOWN = "unknown"
    """The source says it is not known: an open question, or too little evidence to conclude."""

    @property
    def rank(self) -> int:
        """0 for established up to 4 for unknown: a larger rank is a weaker claim."""
        return list(Status).index(self)


class Direction(StrEnum):
    """The direction of a comparison, read as 'subject is <direction> than comparator'."""

    GREATER = "greater"
    LESSER = "lesser"
    SIMILAR = "similar"

    @property
    def flipped(self) -> Direction:
        """The direction seen from the comparator's side."""
        return _FLIPPED[self]


_FLIPPED = {
    Direction.GREATER: Direction.LESSER,
    Direction.LESSER: Direction.GREATER,
    Direction.SIMILAR: Direction.SIMILAR,
}


class Aspect(StrEnum):
    """What a comparison compares."""

    AFFINITY = "affinity"
    POTENCY = "potency"
    EFFICACY = "efficacy"
    DURATION = "duration"
    ONSET_SPEED = "onset_speed"
    INCIDENCE = "incidence"
    BREADTH = "breadth"
    DEPENDENCE = "dependence"
    """How far the subject's effect relies on the object (a mechanism), for ``acts_through``."""


class Level(StrEnum):
    """The kind of evidence a claim rests on, as the source describes it."""

    IN_VITRO = "in_vitro"
    PRECLINICAL = "preclinical"
    CLINICAL = "clinical"
    REGULATORY = "regulatory"
    UNSPECIFIED = "unspecified"


class SourceKind(StrEnum):
    """What kind of document a source is; this says nothing of its quality by itself."""

    CLINIC_MARKETING = "clinic_marketing"
    CLINIC_ARTICLE = "clinic_article"
    BLOG_SUMMARY = "blog_summary"
    VENDOR_GUIDE = "vendor_guide"
    QA_AGGREGATOR = "qa_aggregator"
    JOURNAL_ARTICLE = "journal_article"
    REVIEW = "review"
    DRUG_LABEL = "drug_label"
    REGULATOR = "regulator"
    ENCYCLOPEDIA = "encyclopedia"
    DATABASE = "database"
    SYSTEMATIC_REVIEW = "systematic_review"
    PHARMACOPOEIA = "pharmacopoeia"
    TEXTBOOK = "textbook"
    MANUFACTURER_PAGE = "manufacturer_page"
    NEWS = "news"
    """A news item: a newspaper, a news site or a trade newsletter reporting what others did."""


class SourceTier(StrEnum):
    """How much weight a source carries, best first; ordered, so ``tier >= SourceTier.PRIMARY``.

    The tier of a source follows from its :class:`SourceKind` (see :attr:`KIND_TIERS`) unless
    the source record overrides it with ``tier = "..."`` (a third-party copy of a label that is
    not verbatim is ``reference``, not ``regulatory``). See ``docs/sources.md``.
    """

    REGULATORY = "regulatory"
    SYSTEMATIC_REVIEW = "systematic_review"
    PRIMARY = "primary"
    REFERENCE = "reference"
    SECONDARY = "secondary"
    MARKETING = "marketing"

    @property
    def rank(self) -> int:
        """0 for the weakest tier (marketing), 5 for the strongest (regulatory)."""
        return _TIER_RANK[self]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, SourceTier):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, SourceTier):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, SourceTier):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, SourceTier):
            return NotImplemented
        return self.rank < other.rank


_TIER_RANK: dict[SourceTier, int] = {tier: 5 - i for i, tier in enumerate(SourceTier)}

#: The tier each kind of source gets unless its record overrides it.
KIND_TIERS: Mapping[SourceKind, SourceTier] = MappingProxyType(
    {
        SourceKind.REGULATOR: SourceTier.REGULATORY,
        SourceKind.DRUG_LABEL: SourceTier.REGULATORY,
        SourceKind.SYSTEMATIC_REVIEW: SourceTier.SYSTEMATIC_REVIEW,
        SourceKind.JOURNAL_ARTICLE: SourceTier.PRIMARY,
        SourceKind.REVIEW: SourceTier.REFERENCE,
        SourceKind.PHARMACOPOEIA: SourceTier.REFERENCE,
        SourceKind.TEXTBOOK: SourceTier.REFERENCE,
        SourceKind.ENCYCLOPEDIA: SourceTier.REFERENCE,
        SourceKind.DATABASE: SourceTier.REFERENCE,
        SourceKind.MANUFACTURER_PAGE: SourceTier.SECONDARY,
        SourceKind.BLOG_SUMMARY: SourceTier.SECONDARY,
        SourceKind.QA_AGGREGATOR: SourceTier.SECONDARY,
        SourceKind.NEWS: SourceTier.SECONDARY,
        SourceKind.VENDOR_GUIDE: SourceTier.SECONDARY,
        SourceKind.CLINIC_ARTICLE: SourceTier.MARKETING,
        SourceKind.CLINIC_MARKETING: SourceTier.MARKETING,
    }
)


@dataclass(frozen=True, slots=True)
class Predicate:
    """One relation of the controlled vocabulary.

    Attributes:
        id: the predicate's identifier as written in data files (``snake_case``).
        label: how it reads in a sentence (``"is an antagonist of"``).
        inverse: the id of the predicate read the other way round.
        comparable: whether claims with it may compare two subjects (affinity, potency...).
        ro: the Relation Ontology CURIE, where an equivalent exists and was checked.
        biolink: the Biolink Model predicate CURIE, where one exists and was checked.
        mechanism: whether a claim with it is a step of a mechanism, so pathways follow it.
        blocking: a mechanism step after which the object's own downstream does not run (an
            antagonist blocks its target); pathways continue from the object's blockade process.
        inheritable: whether a claim about form-unspecified ketamine with it may be shown for a
            racemate or an enantiomer (regulatory, compositional and practice statements may not;
            see docs/status.md).
        quiz: whether it makes a good "which of these?" question with one entity as the answer.
        measured: whether its claims carry measured affinities or potencies (Ki, IC50) that fold
            differences are derived from.
        category: the generated table its claims belong to, if any (``"regulatory"``).
        jurisdictional: whether a jurisdiction on its claims says where the statement holds (an
            approval, a schedule, a label's dose, warning or contraindication); on any other
            predicate a jurisdiction only names whose label a figure comes from ("(Swiss label)").

    Every use of a predicate's meaning reads these fields, so a new predicate is one row here
    (plus its data): pathways, inheritance, quizzes, tables and folds pick it up from the row.
    """

    id: str
    label: str
    inverse: str
    comparable: bool = False
    ro: str | None = None
    biolink: str | None = None
    mechanism: bool = False
    blocking: bool = False
    inheritable: bool = True
    quiz: bool = False
    measured: bool = False
    category: str | None = None
    jurisdictional: bool = False

    @property
    def symmetric(self) -> bool:
        """Whether the predicate is its own inverse."""
        return self.inverse == self.id


def _pair(
    forward: str,
    forward_label: str,
    backward: str,
    backward_label: str,
    *,
    comparable: bool = False,
    ro: tuple[str | None, str | None] = (None, None),
    biolink: tuple[str | None, str | None] = (None, None),
    inheritable: bool = True,
    jurisdictional: bool = False,
    **forward_only: Any,
) -> tuple[Predicate, Predicate]:
    """A predicate and its inverse; ``forward_only`` flags (mechanism, blocking, quiz, measured,
    category) describe the forward reading, the one data files state."""
    return (
        Predicate(
            forward,
            forward_label,
            backward,
            comparable,
            ro[0],
            biolink[0],
            inheritable=inheritable,
            jurisdictional=jurisdictional,
            **forward_only,
        ),
        Predicate(
            backward,
            backward_label,
            forward,
            comparable,
            ro[1],
            biolink[1],
            inheritable=inheritable,
            jurisdictional=jurisdictional,
        ),
    )


# RO ids were read in ro.obo (release 2023-02-22) and Biolink slots in biolink-model 4.4.6;
# only exact or near-exact equivalents are given (see docs/vocabulary.md for the quotes).
_TABLE: tuple[Predicate, ...] = (
    *_pair(
        "antagonist_of",
        "is an antagonist of",
        "has_antagonist",
        "has as antagonist",
        comparable=True,
        ro=("RO:0018029", None),
        mechanism=True,
        blocking=True,
        quiz=True,
    ),
    *_pair(
        "agonist_of",
        "is an agonist of",
        "has_agonist",
        "has as agonist",
        ro=("RO:0018027", None),
        mechanism=True,
    ),
    *_pair(
        "binds",
        "binds",
        "bound_by",
        "is bound by",
        comparable=True,
        ro=("RO:0002436", "RO:0002436"),
        biolink=("biolink:directly_physically_interacts_with",) * 2,
        mechanism=True,
        quiz=True,
        measured=True,
    ),
    *_pair(
        "activates", "activates", "activated_by", "is activated by", ro=("RO:0002450", None), mechanism=True
    ),
    *_pair(
        "inhibits",
        "inhibits",
        "inhibited_by",
        "is inhibited by",
        ro=("RO:0002449", None),
        mechanism=True,
        blocking=True,
        measured=True,
    ),
    *_pair("increases", "increases", "increased_by", "is increased by", mechanism=True),
    *_pair("decreases", "decreases", "decreased_by", "is decreased by", mechanism=True, blocking=True),
    *_pair(
        "leads_to",
        "leads to",
        "results_from",
        "results from",
        ro=("RO:0002411", "RO:0002404"),
        mechanism=True,
    ),
    *_pair("has_effect", "has the effect", "effect_of", "is an effect of", comparable=True, mechanism=True),
    *_pair(
        "has_adverse_effect",
        "has the adverse effect",
        "adverse_effect_of",
        "is an adverse effect of",
        comparable=True,
        biolink=("biolink:has_adverse_event", "biolink:adverse_event_of"),
        quiz=True,
    ),
    *_pair(
        "treats",
        "treats",
        "treated_by",
        "is treated by",
        comparable=True,
        ro=("RO:0002606", "RO:0002302"),
        biolink=("biolink:treats", "biolink:treated_by"),
    ),
    *_pair(
        "approved_for",
        "is approved for",
        "has_approved_drug",
        "has as approved drug",
        quiz=True,
        inheritable=False,
        category="regulatory",
        jurisdictional=True,
    ),
    *_pair(
        "used_off_label_for",
        "is used off-label for",
        "has_off_label_drug",
        "has as off-label drug",
        inheritable=False,
        category="regulatory",
        jurisdictional=True,
    ),
    *_pair(
        "in_clinical_trials_for",
        "is in clinical trials for",
        "tested_in_clinical_trials_of",
        "is tested in clinical trials of",
        biolink=("biolink:in_clinical_trials_for", "biolink:tested_by_clinical_trials_of"),
        inheritable=False,
        category="regulatory",
        jurisdictional=True,
    ),
    *_pair(
        "administered_via",
        "is administered via",
        "route_for",
        "is a route for",
        comparable=True,
        quiz=True,
        inheritable=False,
    ),
    *_pair(
        "has_active_ingredient",
        "has the active ingredient",
        "active_ingredient_of",
        "is the active ingredient of",
        quiz=True,
        inheritable=False,
        jurisdictional=True,
    ),
    *_pair(
        "has_component",
        "has the component",
        "component_of",
        "is a component of",
        ro=("RO:0002180", None),
        inheritable=False,
    ),
    *_pair("has_onset", "has an onset time for", "onset_of", "has an onset time after", comparable=True),
    *_pair("has_duration", "has a duration for", "duration_of", "has a duration after", comparable=True),
    *_pair("has_response_rate", "has a response rate in", "response_rate_of", "has a response rate to"),
    *_pair(
        "has_nonresponse_rate",
        "has a non-response rate in",
        "nonresponse_rate_of",
        "has a non-response rate to",
    ),
    *_pair(
        "has_protocol",
        "is given by the protocol",
        "protocol_of",
        "is a protocol for",
        inheritable=False,
        jurisdictional=True,
    ),
    *_pair(
        "first_line_for",
        "is a first-line treatment for",
        "has_first_line_treatment",
        "has as first-line treatment",
        inheritable=False,
        category="regulatory",
        jurisdictional=True,
    ),
    *_pair("has_prevalence", "affects", "prevalence_of", "is affected by"),
    *_pair(
        "has_incidence_change",
        "has a change in diagnoses among",
        "incidence_change_of",
        "has seen a change in diagnoses of",
    ),
    *_pair("derived_from", "is derived from", "source_of", "is the source of", inheritable=False),
    *_pair(
        "metabolized_to",
        "is metabolised to",
        "metabolite_of",
        "is a metabolite of",
        biolink=("biolink:has_metabolite", "biolink:is_metabolite_of"),
        quiz=True,
    ),
    *_pair("metabolized_by", "is metabolised by", "metabolizes", "metabolises", quiz=True),
    *_pair("has_parameter", "has the parameter", "parameter_of", "is a parameter of"),
    *_pair(
        "has_strength", "contains", "strength_in", "is contained in", inheritable=False, jurisdictional=True
    ),
    *_pair(
        "has_dose",
        "is dosed for",
        "dose_of",
        "is the indication of a dose of",
        inheritable=False,
        jurisdictional=True,
    ),
    *_pair(
        "controlled_in",
        "is a controlled drug in",
        "lists_controlled",
        "lists as a controlled drug",
        inheritable=False,
        category="regulatory",
        jurisdictional=True,
    ),
    *_pair(
        "acts_through",
        "acts through",
        "mechanism_of",
        "is a mechanism of the effects of",
        comparable=True,
    ),
    *_pair("modulates", "modulates", "modulated_by", "is modulated by"),
    *_pair(
        "has_precaution",
        "calls for caution in",
        "precaution_for",
        "calls for caution with",
        jurisdictional=True,
    ),
    *_pair(
        "contraindicated_in",
        "is contraindicated in",
        "has_contraindication",
        "has as contraindication",
        biolink=("biolink:contraindicated_in", "biolink:has_contraindication"),
        jurisdictional=True,
    ),
    *_pair("has_warning", "carries a warning of", "warning_for", "is a warning for", jurisdictional=True),
    *_pair(
        "safe_for", "is judged safe for", "judged_safe_with", "is judged safe to treat with", comparable=True
    ),
    Predicate("combined_with", "is combined with", "combined_with"),
    Predicate("associated_with", "is associated with", "associated_with", biolink="biolink:associated_with"),
    Predicate(
        "interacts_with",
        "interacts with",
        "interacts_with",
        ro="RO:0002434",
        biolink="biolink:interacts_with",
        mechanism=True,
    ),
)

_PREDICATES: dict[str, Predicate] = {p.id: p for p in _TABLE}

PREDICATES: Mapping[str, Predicate] = MappingProxyType(_PREDICATES)
"""Every predicate of the vocabulary, by id (read-only: a new predicate is a row of ``_TABLE``)."""


def predicate_table() -> str:
    """The predicate vocabulary as a Markdown table (docs/vocabulary.md embeds it verbatim)."""
    lines = [
        "| predicate | reads | inverse | comparable | Relation Ontology | Biolink |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for p in _TABLE:
        lines.append(
            f"| `{p.id}` | {p.label} | `{p.inverse}` | {'yes' if p.comparable else ''} "
            f"| {p.ro or ''} | {p.biolink or ''} |"
        )
    return "\n".join(lines) + "\n"
