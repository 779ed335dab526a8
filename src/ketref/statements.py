"""Statements: the claims that say the same thing, merged into one graded English sentence.

Claims say the same thing when they have the same *reading*: the same subject, predicate,
object, comparator, direction and aspect, the same negation, and the same route, jurisdiction
and setting (:func:`statement_key`). One statement then carries all their citations, the
range of the sizes they state (:func:`fold_summary`), the caveats curators attached to them,
the claims that contradict it, and a grade (:mod:`ketref.grades`).

Every function takes the :class:`~ketref.kb.KnowledgeBase` it reads.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from math import ceil, floor
from typing import TYPE_CHECKING

from ketref.grades import Grade, grade, lowers_grade, resolve_tier
from ketref.humanize import (
    SYMBOL_MEASURES,
    base_verb,
    entity_phrase,
    format_number,
    format_value,
    jurisdiction_adjective,
    jurisdiction_name,
    sentence_case,
)
from ketref.models._base import FrozenModel, Id
from ketref.models.claims import Claim
from ketref.models.values import Qualifier, Value
from ketref.queries.orientation import Reading
from ketref.vocabulary import PREDICATES, Aspect, Direction, SourceTier, Status

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase
    from ketref.models.sources import Source
    from ketref.queries.folds import DerivedFold

__all__ = [
    "Citation",
    "Statement",
    "claim_sources",
    "claim_text",
    "combine",
    "comparison_phrase",
    "date_grades",
    "dates_text",
    "derived_comparison",
    "fold_summary",
    "group_readings",
    "short_citation",
    "statement_key",
    "statements",
    "synthesize",
    "synthesized",
    "verb_phrase",
]


class Citation(FrozenModel):
    """One source behind a statement: its id, tier, the text-style reference, and a quote."""

    source: Id
    tier: SourceTier
    short: str
    text: str
    claim: Id
    quote: str


class Statement(FrozenModel):
    """One thing the sources say, as an English sentence with its grade and citations.

    ``grade`` is ``None`` only for facts that are not claims (a profile's identity lines: names,
    identifiers, structure computed by RDKit). ``claims`` are the ids of the merged claims;
    ``conflict`` says in words what contradicts it
    (``None`` when nothing does); ``sizes_differ`` is true when that is only a disagreement about
    size (the sources agree on the direction), which does not lower the grade
    (:func:`ketref.grades.lowers_grade`); ``caveats`` are the curators' warnings to the reader.
    """

    text: str
    grade: Grade | None
    claims: tuple[Id, ...]
    conflict: str | None = None
    sizes_differ: bool = False
    caveats: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()

    @property
    def disputed(self) -> bool:
        """Whether a source contradicts it (more than a disagreement about size)."""
        return self.conflict is not None and not self.sizes_differ

    @property
    def mark(self) -> str:
        """What a one-line rendering appends: ``" (disputed)"``, ``" (sizes differ)"`` or nothing."""
        if self.conflict is None:
            return ""
        return " (sizes differ)" if self.sizes_differ else " (disputed)"

    @property
    def tiers(self) -> tuple[SourceTier, ...]:
        """The tiers of the sources cited, without repeats."""
        return tuple(dict.fromkeys(c.tier for c in self.citations))

    @property
    def cited(self) -> str:
        """The short citations, e.g. ``Ebert 1997; Wikipedia``."""
        return "; ".join(dict.fromkeys(c.short for c in self.citations))


# -- verbs -----------------------------------------------------------------------------------

_VERBS: dict[str, str] = {
    "antagonist_of": "is an antagonist of {o}",
    "has_antagonist": "has {o} as an antagonist",
    "agonist_of": "is an agonist of {o}",
    "has_agonist": "has {o} as an agonist",
    "binds": "binds {o}",
    "bound_by": "is bound by {o}",
    "activates": "activates {o}",
    "activated_by": "is activated by {o}",
    "inhibits": "inhibits {o}",
    "inhibited_by": "is inhibited by {o}",
    "increases": "increases {o}",
    "increased_by": "is increased by {o}",
    "decreases": "decreases {o}",
    "decreased_by": "is decreased by {o}",
    "leads_to": "leads to {o}",
    "results_from": "results from {o}",
    "has_effect": "produces {o}",
    "effect_of": "is an effect of {o}",
    "has_adverse_effect": "causes {o}",
    "adverse_effect_of": "is an adverse effect of {o}",
    "treats": "treats {o}",
    "treated_by": "is treated with {o}",
    "approved_for": "is approved for {o}",
    "has_approved_drug": "has {o} as an approved drug",
    "used_off_label_for": "is used off-label for {o}",
    "has_off_label_drug": "is treated off-label with {o}",
    "in_clinical_trials_for": "is in clinical trials for {o}",
    "tested_in_clinical_trials_of": "is tested in clinical trials of {o}",
    "administered_via": "is given by the {o} route",
    "route_for": "is a route for giving {o}",
    "has_active_ingredient": "contains {o} as its active ingredient",
    "active_ingredient_of": "is the active ingredient of {o}",
    "has_component": "contains {o}",
    "component_of": "is a component of {o}",
    "has_onset": "produces {o}",
    "onset_of": "is the onset of {o}",
    "has_duration": "produces {o}",
    "duration_of": "is the duration of {o}",
    "has_response_rate": "has a response rate in {o}",
    "response_rate_of": "has a response rate to {o}",
    "has_nonresponse_rate": "has a non-response rate in {o}",
    "nonresponse_rate_of": "has a non-response rate to {o}",
    "has_protocol": "is given as {o}",
    "protocol_of": "is a way of giving {o}",
    "first_line_for": "is a first-line treatment for {o}",
    "has_first_line_treatment": "has {o} as a first-line treatment",
    "has_prevalence": "affects {o}",
    "prevalence_of": "is affected by {o}",
    "has_incidence_change": "has a change in diagnoses among {o}",
    "incidence_change_of": "has seen a change in diagnoses of {o}",
    "derived_from": "is derived from {o}",
    "source_of": "is the source of {o}",
    "metabolized_to": "is metabolised to {o}",
    "metabolite_of": "is a metabolite of {o}",
    "metabolized_by": "is metabolised by {o}",
    "metabolizes": "metabolises {o}",
    "has_parameter": "has {o}",
    "parameter_of": "is a parameter of {o}",
    "has_strength": "contains {o}",
    "strength_in": "is contained in {o}",
    "has_dose": "is dosed for {o}",
    "dose_of": "is a dose of {o}",
    "combined_with": "is combined with {o}",
    "interacts_with": "interacts with {o}",
    "associated_with": "is associated with {o}",
    "acts_through": "acts through {o}",
    "mechanism_of": "is a mechanism of the effects of {o}",
    "modulates": "modulates {o}",
    "modulated_by": "is modulated by {o}",
    "has_precaution": "calls for caution in {o}",
    "precaution_for": "calls for caution with {o}",
    "contraindicated_in": "is contraindicated in {o}",
    "has_contraindication": "has {o} as a contraindication",
    "has_warning": "carries a warning of {o}",
    "warning_for": "is a warning for {o}",
    "safe_for": "is judged safe for {o}",
    "judged_safe_with": "is judged safe to treat with {o}",
}

_COMPARED: dict[Aspect, tuple[str, str, str]] = {
    Aspect.AFFINITY: ("greater affinity", "lower affinity", "similar affinity"),
    Aspect.POTENCY: ("greater potency", "lower potency", "similar potency"),
    Aspect.EFFICACY: ("greater efficacy", "lower efficacy", "similar efficacy"),
    Aspect.DURATION: ("a longer duration", "a shorter duration", "a similar duration"),
    Aspect.ONSET_SPEED: ("a faster onset", "a slower onset", "a similar onset"),
    Aspect.INCIDENCE: ("a higher incidence", "a lower incidence", "a similar incidence"),
    Aspect.BREADTH: ("a broader range", "a narrower range", "a similar range"),
    Aspect.DEPENDENCE: ("a greater reliance", "a lesser reliance", "a similar reliance"),
}


def _negated(phrase: str) -> str:
    """'is approved for X' -> 'is not approved for X'; 'binds X' -> 'does not bind X'."""
    if phrase.startswith("is "):
        return "is not " + phrase[3:]
    if phrase.startswith("has "):
        return "does not have " + phrase[4:]
    head, _, rest = phrase.partition(" ")
    return f"does not {base_verb(head)} {rest}".rstrip()


def _object_phrase(kb: KnowledgeBase, predicate: str, obj: str) -> str:
    phrase = entity_phrase(kb, obj)
    if predicate in ("has_effect", "has_onset", "has_duration") and phrase.endswith(" effect"):
        return ("an " if phrase[0] in "aeiou" else "a ") + phrase
    if predicate == "administered_via":
        return phrase
    if predicate == "has_parameter":
        return ("an " if phrase[0] in "aeiou" else "a ") + phrase
    return phrase


# Denials whose plain negation would overstate the evidence: a trial that missed its end point
# shows that a drug was not shown better than placebo, not that it "does not treat" the condition.
_DENIALS: dict[str, str] = {
    "treats": "was not shown to be better than placebo for {o}",
    "treated_by": "was not shown to respond better to {o} than to placebo",
}


def verb_phrase(kb: KnowledgeBase, predicate: str, obj: str, negated: bool = False) -> str:
    """The predicate and object as an English verb phrase: ``binds the NMDA receptor``."""

    if negated and predicate in _DENIALS:
        return _DENIALS[predicate].format(o=_object_phrase(kb, predicate, obj))
    fallback = PREDICATES[predicate].label if predicate in PREDICATES else predicate.replace("_", " ")
    template = _VERBS.get(predicate, fallback + " {o}")
    phrase = template.format(o=_object_phrase(kb, predicate, obj))
    return _negated(phrase) if negated else phrase


# -- keys, sources, citations ----------------------------------------------------------------


def statement_key(reading: Reading) -> tuple[object, ...]:
    """What two readings must share to say the same thing."""
    claim = reading.claim
    aspect = claim.comparison.aspect if claim.comparison is not None else None
    c = claim.context
    return (
        reading.subject,
        reading.predicate,
        reading.object,
        reading.comparator,
        reading.direction,
        aspect,
        claim.negated,
        c.route,
        c.jurisdiction,
        c.setting,
        claim.status is Status.UNKNOWN,  # "not known whether" never merges with a statement of it
    )


def _family(author: str) -> str:
    """The family name of 'Ebert B', 'Zarate CA Jr', 'B Ebert' or 'Caoimhe M. Coyle'."""
    parts = author.replace(",", " ").split()
    if not parts:
        return author
    if len(parts) > 1 and (parts[-1].isupper() or parts[-1] in ("Jr", "Jr.")) and len(parts[-1]) <= 4:
        tail = [p for p in parts[1:] if not (p.isupper() and len(p) <= 3) and p not in ("Jr", "Jr.")]
        return " ".join([parts[0], *tail]) if tail else parts[0]
    return parts[-1]


def short_citation(source: Source) -> str:
    """Author and year (``Ebert 1997``, ``Nishimura & Sato 1999``, ``Zanos et al. 2018``), or the
    publisher or a short title where no author is recorded."""
    year = source.date[:4] if source.date else ""
    if source.authors:
        families = [_family(a) for a in source.authors]
        if source.et_al:  # only the first author(s) are recorded
            who = f"{families[0]} et al."
        elif len(families) == 1:
            who = families[0]
        elif len(families) == 2:
            who = f"{families[0]} & {families[1]}"
        else:
            who = f"{families[0]} et al."
    elif source.journal:
        who = source.journal
    elif source.publisher:
        who = source.publisher.split(" (")[0]
    elif source.title.startswith("["):  # a translated title, as PubMed prints it
        who = source.title.strip("[]").split(". ")[0]
        if len(who) > 48:
            who = who[:45].rstrip() + "…"
    elif source.title.startswith("Untitled "):
        who = sentence_case(source.title.removeprefix("Untitled ").split(" on ")[0].split(" of ")[0])
    else:
        who = source.title
        for cut in (" (", ": "):
            if cut in who[3:]:
                head, _, tail = who.partition(cut)
                if head.rsplit(" ", 1)[-1].casefold() in _DANGLING:
                    continue  # "... article on (2R,6R)-HNK": cutting here would leave "article on"
                # "Esketamine (Wikipedia)" reads better as "Wikipedia: Esketamine"
                who = f"Wikipedia: {head}" if cut == " (" and len(tail) < 40 and "Wikipedia" in tail else head
                break
        if len(who) > 48:  # at a word boundary, and not after a word that needs what follows
            words = who[:46].rsplit(" ", 1)[0].split(" ")
            while len(words) > 1 and words[-1].casefold().strip(",;—-") in _DANGLING:
                words.pop()
            who = " ".join(words).rstrip(",;:—-") + "…"
    if year and year in who:  # "Neuropsychopharmacology 2020 article…" needs no second 2020
        return who
    return f"{who} {year}".strip()


# words a shortened title may not end on
_DANGLING = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"}
)


def claim_sources(
    kb: KnowledgeBase, claim: Claim, min_tier: SourceTier | None = None
) -> list[tuple[Source, str]]:
    """The sources of a claim at or above ``min_tier``, each with its first quote."""
    out: dict[str, tuple[Source, str]] = {}
    for evidence in claim.evidence:
        source = kb.source(evidence.source)
        if min_tier is not None and source.effective_tier < min_tier:
            continue
        out.setdefault(source.id, (source, evidence.quote))
    return list(out.values())


def _citations(kb: KnowledgeBase, claims: Iterable[Claim], min_tier: SourceTier | None) -> list[Citation]:
    from ketref.citations import cite_source

    seen: dict[str, Citation] = {}
    for claim in claims:
        for source, quote in claim_sources(kb, claim, min_tier):
            if source.id not in seen:
                seen[source.id] = Citation(
                    source=source.id,
                    tier=source.effective_tier,
                    short=short_citation(source),
                    text=cite_source(source, "text"),
                    claim=claim.id,
                    quote=quote,
                )
    return sorted(seen.values(), key=lambda c: -c.tier.rank)


# -- numbers ---------------------------------------------------------------------------------


def fold_summary(magnitudes: Sequence[Value], derived: float | None = None) -> str:
    """Several stated sizes of one difference as one range: the middle of the stated figures
    (median of the lower ends to median of the upper ends), widened to take in a fold computed
    from measured values, rounded outward to whole numbers.

    >>> from ketref.models.values import Value
    >>> folds = [Value(value=v, unit="fold") for v in ((2, 3), (3, 4), (4, 5), 5.0)]
    >>> fold_summary(folds, derived=4.67)
    '3–5-fold'
    >>> fold_summary([Value(value=(2, 3), unit="fold")])
    '2–3-fold'
    >>> fold_summary([Value(value=4, unit="fold", qualifier=">=")])
    '≥4-fold'
    """
    if derived is None and len(set(magnitudes)) == 1 and magnitudes[0].qualifier is not Qualifier.EQUAL:
        return format_value(magnitudes[0])  # one stated size: '≥4-fold', 'about 8-fold'
    low = statistics.median(m.low for m in magnitudes) if magnitudes else derived
    high = statistics.median(m.high for m in magnitudes) if magnitudes else derived
    assert low is not None
    assert high is not None
    if derived is not None:
        low, high = min(low, derived), max(high, derived)
    low_n, high_n = floor(low), ceil(high)
    if low_n == high_n or (low == high and low == int(low)):
        return f"{format_number(low)}-fold" if low == high else f"{low_n}–{high_n}-fold"
    return f"{max(low_n, 1)}–{high_n}-fold"


def _stated_as(magnitudes: Sequence[Value]) -> str:
    """'2–3, 3–4, 4–5 and 5-fold', smallest first."""
    ordered = sorted(magnitudes, key=lambda m: (m.low, m.high))
    figures = list(
        dict.fromkeys(
            f"{format_number(m.low)}–{format_number(m.high)}" if m.is_range else format_number(m.low)
            for m in ordered
        )
    )
    if len(figures) == 1:
        return figures[0] + "-fold"
    return ", ".join(figures[:-1]) + f" and {figures[-1]}-fold"


def _derived_fold(
    kb: KnowledgeBase, subject: str, comparator: str, target: str
) -> tuple[float, str, Source, DerivedFold] | None:
    """A fold computed from one source's measured values for this pair and target, as
    (fold, 'Ki 0.3 vs 1.4 µM', source, the derived fold), oriented from ``subject``'s side."""
    for derived in kb.affinity_folds():
        if derived.target != target or {derived.stronger, derived.weaker} != {subject, comparator}:
            continue
        by_subject = {c.subject: c for c in derived.claims}
        mine = next(v for v in by_subject[subject].values if v.measure == derived.measure)
        theirs = next(v for v in by_subject[comparator].values if v.measure == derived.measure)
        if mine.unit != theirs.unit:
            theirs = theirs.to(mine.unit)
        pair = f"{derived.measure} {format_number(mine.low)} vs {format_number(theirs.low)} {mine.unit}"
        return derived.fold, pair, kb.source(derived.source), derived
    return None


def derived_comparison(
    kb: KnowledgeBase, subject: str, comparator: str, target: str
) -> tuple[str, tuple[Id, ...], Source] | None:
    """A fold computed from one source's measured values, where no source states one, as a
    comparison phrase: ``8.3-fold greater affinity than arketamine (Ki 46.9 vs 390 µM,
    Nishimura & Sato 1999; computed)``, with the claims of the two values and their source."""
    found = _derived_fold(kb, subject, comparator, target)
    if found is None:
        return None
    fold, pair, source, derived = found
    word = "greater" if derived.stronger == subject else "lower"
    text = (
        f"{format_number(round(fold, 1))}-fold {word} affinity than {entity_phrase(kb, comparator)} "
        f"({pair}, {short_citation(source)}; computed)"
    )
    return text, tuple(c.id for c in derived.claims), source


def _values_text(kb: KnowledgeBase, claims: Sequence[Claim], with_sources: bool) -> tuple[str, bool]:
    """The values the claims state, each distinct one once; and whether two of them cannot both
    hold (they do not overlap)."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    values: dict[str, tuple[Value, ...]] = {}
    for claim in claims:
        if not claim.values:
            continue
        shown = _claim_values_text(claim)
        groups[shown].append(claim)
        values[shown] = claim.values
    if not groups:
        return "", False
    parts = []
    for shown, members in groups.items():
        if with_sources and len(groups) > 1:
            who = "; ".join(
                dict.fromkeys(short_citation(s) for c in members for s, _ in claim_sources(kb, c))
            )
            parts.append(f"{shown} ({who})")
        else:
            parts.append(shown)
    firsts = [v[0] for v in values.values()]
    disagree = any(
        not a.overlaps(b) for i, a in enumerate(firsts) for b in firsts[i + 1 :] if a.measure == b.measure
    )
    return " or ".join(parts), disagree


# predicates whose values may include the dose they were measured after
_DOSED = frozenset({"has_parameter", "has_onset", "has_duration"})


def _is_dose(value: Value) -> bool:
    return "dose" in (value.measure or "").casefold()


def _claim_values_text(claim: Claim) -> str:
    """A claim's values for a sentence; the dose a figure was measured after reads as its
    condition: "10–15 min after a 2.5 mg/kg intravenous bolus dose", not "10–15 min; 2.5 mg/kg
    (intravenous bolus dose)"."""
    doses = [v for v in claim.values if _is_dose(v)] if claim.predicate in _DOSED else []
    if not doses or len(doses) == len(claim.values):
        return "; ".join(_value_for_sentence(v) for v in claim.values)
    figures = "; ".join(_value_for_sentence(v) for v in claim.values if v not in doses)
    after = " or ".join(f"{format_value(d, measure=False)} {d.measure}" for d in doses)
    return f"{figures} after a {after}"


def _value_for_sentence(value: Value) -> str:
    if value.measure in SYMBOL_MEASURES:
        if value.measure.startswith("p"):
            return f"{value.measure} {format_value(value, measure=False)}"
        return f"{value.measure} {format_value(value, measure=False)}"
    return format_value(value)


# -- synthesis -------------------------------------------------------------------------------


def date_grades(kb: KnowledgeBase, claims: Sequence[Claim], *, years: bool = True) -> dict[str, Grade]:
    """Each date ``claims`` give (the year, or with ``years=False`` the whole date), graded by the
    claims that give it alone, not by the statement they merge into: an approval a label states
    may be dated by a news item only."""
    dated: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.context.date:
            dated[claim.context.date[:4] if years else claim.context.date].append(claim)
    return {
        date: grade([kb.source(s) for c in backing for s in c.sources], [c.status for c in backing])
        for date, backing in dated.items()
    }


def dates_text(kb: KnowledgeBase, claims: Sequence[Claim], *, years: bool = True) -> str:
    """The dates ``claims`` give, as a statement says them: ``"2019, 2025"``. Where the claims
    reach grade C or better but a date rests only on secondary sources (grade D), that date says
    so (``"2019; 2025, secondary sources only"``): the statement's grade is not the date's.
    ``years=False`` keeps whole dates (``"2019-03-05"``); empty when no claim is dated."""
    grades = date_grades(kb, claims, years=years)
    weak = sorted(d for d, g in grades.items() if g is Grade.D)
    anchored = grade([kb.source(s) for c in claims for s in c.sources]) > Grade.D
    if not weak or not anchored:
        return ", ".join(sorted(grades))
    firm = sorted(d for d, g in grades.items() if g is not Grade.D)
    return "; ".join([*([", ".join(firm)] if firm else []), f"{', '.join(weak)}, secondary sources only"])


def _context_words(kb: KnowledgeBase, claims: Sequence[Claim]) -> list[str]:
    first = claims[0].context
    words = []
    if first.route and claims[0].predicate != "administered_via":
        words.append(f"by the {entity_phrase(kb, first.route)} route")
    predicate = PREDICATES.get(claims[0].predicate)
    if first.jurisdiction and not (predicate and predicate.jurisdictional):
        # a label's pharmacology holds everywhere: say whose label it is, not where it holds
        words.append(f"({jurisdiction_adjective(first.jurisdiction)} label)")
    elif first.jurisdiction:
        dates = dates_text(kb, claims)
        where = jurisdiction_name(first.jurisdiction)
        words.append(f"in {where}" + (f" ({dates})" if dates else ""))
    if first.setting == "recreational":
        words.append("in recreational use")
    elif first.setting == "clinical":
        words.append("in medical use")
    frequencies = sorted({c.context.frequency for c in claims if c.context.frequency})
    if frequencies:
        words.append(f"({' or '.join(frequencies)})")
    species = sorted({c.context.species for c in claims if c.context.species})
    if species and claims[0].predicate in ("binds", "inhibits", "antagonist_of", "has_parameter"):
        words.append(f"({', '.join(species)})")
    return words


def comparison_phrase(kb: KnowledgeBase, reading: Reading, claims: Sequence[Claim]) -> str:
    """The comparative part of readings that share a key, without "with": ``3–5-fold greater
    affinity than arketamine (Ki 0.3 vs 1.4 µM, Ebert et al. 1997; stated as 2–3, 3–4, 4–5 and 5-fold)``.
    Empty for a reading that compares nothing."""
    claim = reading.claim
    if claim.comparison is None or reading.comparator is None or reading.direction is None:
        return ""
    aspect = claim.comparison.aspect
    word = aspect.value.replace("_", " ")
    more, less, same = _COMPARED.get(aspect, (f"greater {word}", f"lower {word}", f"similar {word}"))
    phrase = {Direction.GREATER: more, Direction.LESSER: less, Direction.SIMILAR: same}[reading.direction]
    magnitudes = [c.comparison.magnitude for c in claims if c.comparison and c.comparison.magnitude]
    # the compound compared is the reading's subject, or its object when read from the target's side
    compound, target = (
        (reading.subject, reading.object)
        if reading.predicate == claim.predicate
        else (reading.object, reading.subject)
    )
    derived = _derived_fold(kb, compound, reading.comparator, target) if aspect is Aspect.AFFINITY else None
    detail = []
    if magnitudes or derived:
        size = fold_summary(magnitudes, derived[0] if derived is not None else None)
        phrase = f"{size} {phrase.removeprefix('a ')}"
        if derived is not None:
            detail.append(f"{derived[1]}, {short_citation(derived[2])}")
        if magnitudes and (len(magnitudes) > 1 or derived is not None):
            detail.append(f"stated as {_stated_as(magnitudes)}")
    preposition = "to" if reading.direction is Direction.SIMILAR else "than"
    text = f"{phrase} {preposition} {entity_phrase(kb, reading.comparator)}"
    if detail:
        text += f" ({'; '.join(detail)})"
    return text


def _sentence(kb: KnowledgeBase, reading: Reading, claims: Sequence[Claim], subject_name: bool = True) -> str:
    """The English sentence for readings that share a key (without grade or citations)."""
    claim = reading.claim
    head = sentence_case(entity_phrase(kb, reading.subject, article=True)) if subject_name else ""
    verb = verb_phrase(kb, reading.predicate, reading.object, claim.negated)
    text = f"{head} {verb}".strip()
    # values stated with a comparison belong to the stored subject: a reading from the
    # comparator's side drops them (Reading), so its sentence must not print them either
    values = "" if claim.values and not reading.values else _values_text(kb, claims, with_sources=True)[0]
    if values:
        joiner = " of " if reading.predicate in ("has_parameter", "has_response_rate") else ": "
        if reading.predicate in ("has_strength", "strength_in", "has_component", "component_of"):
            joiner = " ("
            values += ")"
        text += joiner + values
    compared = comparison_phrase(kb, reading, claims)
    if compared:
        text += f" with {compared}"
    extra = _context_words(kb, claims)
    if extra:
        text += " " + " ".join(extra)
    if claim.status is Status.UNKNOWN:  # the source says it is an open question (docs/status.md)
        text = "It is not known whether " + (text[0].lower() + text[1:] if text[1:2].islower() else text)
    return text


def _opposites(
    kb: KnowledgeBase, key: tuple[object, ...], readings: Sequence[Reading]
) -> tuple[list[Claim], list[Claim], list[tuple[str, bool]]]:
    """Claims that say the opposite: the same reading negated the other way, or the opposite
    direction of the same comparison, or the other side of a curated conflict record the
    statement's claims stand on that disputes more than a size; then the other sides of records
    that dispute only a size (:func:`ketref.grades.lowers_grade`); and each record's topic, which
    says what is disputed, with whether it disputes more than a size."""
    subject, predicate, obj, comparator, direction, aspect, negated, *_ = key
    mine = {r.claim.id for r in readings}
    out: dict[str, Claim] = {}
    sized: dict[str, Claim] = {}
    for other in kb.readings(subject=str(subject), predicate=str(predicate), object=str(obj)):
        if other.claim.id in mine:
            continue
        other_key = statement_key(other)
        if comparator is None and other.comparator is None:
            if other_key[6] != negated and other_key[7:] == key[7:]:
                out[other.claim.id] = other.claim
        elif (
            comparator is not None
            and other.comparator == comparator
            and other_key[5] == aspect
            and other.direction is not None
            and direction is not None
            and other.direction != direction
            and Direction.SIMILAR not in (other.direction, direction)
        ):
            out[other.claim.id] = other.claim
    topics = []
    for record in kb.conflict_records():
        for mine_side, other_side in ((record.side_a, record.side_b), (record.side_b, record.side_a)):
            if mine.intersection(mine_side):
                lowers = lowers_grade(record.kind)
                topics.append((record.topic, lowers))
                for claim_id in other_side:
                    if claim_id not in mine:
                        (out if lowers else sized)[claim_id] = kb.claim(claim_id)
    return list(out.values()), [c for c in sized.values() if c.id not in out], topics


def _disagreement(kb: KnowledgeBase, opposite: Sequence[Claim], tier: SourceTier | None) -> str:
    """Who says otherwise: ``Ebert 1997; Wikipedia say``."""
    against = [s for c in opposite for s, _ in claim_sources(kb, c, tier)]
    who = "; ".join(dict.fromkeys(short_citation(s) for s in against))
    return f"{who} {'say' if len({s.id for s in against}) > 1 else 'says'}"


def synthesize(
    kb: KnowledgeBase,
    readings: Sequence[Reading],
    *,
    min_tier: SourceTier | str | None = None,
    subject_name: bool = True,
) -> Statement | None:
    """One statement from readings that say the same thing (share :func:`statement_key`).

    Claims with no source at or above ``min_tier`` are dropped first, and so are the citations
    below it; ``None`` when nothing is left.
    """
    tier = resolve_tier(min_tier) if min_tier is not None else None
    kept = [r for r in readings if claim_sources(kb, r.claim, tier)]
    if not kept:
        return None
    claims = list({r.claim.id: r.claim for r in kept}.values())
    text = _sentence(kb, kept[0], claims, subject_name)
    citations = _citations(kb, claims, tier)
    sources = [kb.source(c.source) for c in citations]
    found, other_sizes, topics = _opposites(kb, statement_key(kept[0]), kept)
    opposite = [c for c in found if claim_sources(kb, c, tier)]
    sized = [c for c in other_sizes if claim_sources(kb, c, tier)]
    against = [s for c in opposite for s, _ in claim_sources(kb, c, tier)]
    conflict = None
    disputes = [t for t, lowers in topics if lowers]
    if opposite:
        who = _disagreement(kb, opposite, tier)
        if disputes:
            conflict = f"Disputed: {disputes[0].rstrip('.')} ({who} otherwise)."
        else:
            conflict = f"Disputed: {who} otherwise ({_claim_sentence(kb, opposite[0])})."
    elif sized:  # the sources agree on the direction and differ on the size: no lower grade
        topic = next(t for t, lowers in topics if not lowers).rstrip(".")
        conflict = f"Sizes differ: {topic} ({_disagreement(kb, sized, tier)} otherwise)."
    _, values_disagree = _values_text(kb, claims, with_sources=False)
    if values_disagree and conflict is None:
        conflict = "Sizes differ: the sources give values that cannot all hold."
    caveats = tuple(dict.fromkeys(c.caveat for c in claims if getattr(c, "caveat", None)))
    graded = grade(sources, [c.status for c in claims], contradicted_by=against)
    return Statement(
        text=text,
        grade=graded,
        claims=tuple(c.id for c in claims),
        conflict=conflict,
        sizes_differ=conflict is not None and not opposite,
        caveats=caveats,
        citations=tuple(citations),
    )


def combine(text: str, parts: Sequence[Statement], grade: Grade | None) -> Statement:
    """One line made of several statements (a target's row, a parameter for two forms): the given
    text and grade, every part's claims, caveats and citations, and their conflicts, which count
    as sizes that differ only when each part's does."""
    conflicts = [p.conflict for p in parts if p.conflict]
    citations = {c.source: c for p in parts for c in p.citations}
    return Statement(
        text=text,
        grade=grade,
        claims=tuple(dict.fromkeys(c for p in parts for c in p.claims)),
        conflict=" ".join(dict.fromkeys(conflicts)) or None,
        sizes_differ=bool(conflicts) and all(p.sizes_differ for p in parts if p.conflict),
        caveats=tuple(dict.fromkeys(c for p in parts for c in p.caveats)),
        citations=tuple(sorted(citations.values(), key=lambda c: -c.tier.rank)),
    )


def _claim_sentence(kb: KnowledgeBase, claim: Claim) -> str:
    """A claim as stated, in English with display names."""
    return _sentence(kb, Reading.of(claim), [claim])


def claim_text(kb: KnowledgeBase, claim: Claim) -> str:
    """A claim as an English sentence over display names (the readable form of
    :meth:`Claim.sentence`)."""
    return _claim_sentence(kb, claim)


def group_readings(readings: Iterable[Reading]) -> list[list[Reading]]:
    """Readings grouped by :func:`statement_key`, in order of first appearance."""
    groups: dict[tuple[object, ...], list[Reading]] = {}
    for reading in readings:
        groups.setdefault(statement_key(reading), []).append(reading)
    return list(groups.values())


def synthesized(
    kb: KnowledgeBase,
    readings: Iterable[Reading],
    *,
    min_tier: SourceTier | str | None = None,
) -> list[tuple[Statement, list[Reading]]]:
    """Each group of readings that say the same thing (:func:`group_readings`) as one statement
    (:func:`synthesize`), with the readings whose claims it kept (those with a source at or above
    ``min_tier``); groups with nothing left are dropped. In order of first appearance."""
    out = []
    for group in group_readings(readings):
        found = synthesize(kb, group, min_tier=min_tier)
        if found is not None:
            kept = set(found.claims)
            out.append((found, [r for r in group if r.claim.id in kept]))
    return out


def statements(
    kb: KnowledgeBase,
    subject: str,
    predicate: str | None = None,
    object: str | None = None,  # noqa: A002 - the triple's own word
    *,
    min_tier: SourceTier | str | None = None,
    own: bool = False,
) -> tuple[Statement, ...]:
    """The statements about ``subject`` (an entity id), each merging the claims that say the same
    thing, read from the subject's side; optionally of one predicate and object.

    With ``own=True`` only claims that name the subject as their subject or comparator are used
    (not those where it is the object).
    """
    readings = kb.readings(subject=subject, predicate=predicate, object=object)
    if own:
        readings = tuple(
            r
            for r in readings
            if r.claim.subject == subject
            or (r.claim.comparison is not None and r.claim.comparison.comparator == subject)
        )
    return tuple(found for found, _ in synthesized(kb, readings, min_tier=min_tier))
