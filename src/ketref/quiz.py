"""Well-posed multiple-choice questions, generated from the knowledge base.

A question has exactly one right answer by construction. A wrong option is never:

- something the knowledge base says of the subject or of a *related form* (the subject's
  connected family through ``form_of``, racemate components, salt parents and products' active
  ingredients: for ketamine that is form-unspecified ketamine, the racemate, both enantiomers,
  their salts and the products containing them) under the same predicate or a sibling one
  (effect and adverse effect; binds, antagonist, inhibitor, agonist, activates, interacts;
  the uses; metabolism, read transitively through metabolites);
- the subject itself or one of its forms;
- of another kind than the answer.

Question kinds: which enantiomer (or form) is stronger at something and about how much;
numbers (Ki/IC50, pharmacokinetic parameters by route, product strengths) whose wrong options
lie well outside every value the knowledge base gives for the same quantity; structure (CIP
labels, computed by RDKit); mechanism order (what follows or precedes a step); regulation (dates
of approval and control); metabolism (enzymes and metabolites); and true-or-false on a recorded
conflict between sources.

Every claim is asked at the grade of its statement (:mod:`ketref.statements`, the best grade of
any statement that merges it): ``min_grade`` keeps questions whose claims reach it, ``min_tier``
those with a source of that tier or better. Structure questions rest on structures RDKit
computes from the recorded SMILES, which are identity facts and carry no grade. A true-or-false
question on a conflict needs a claim at the minimum grade on each side.

Stems are plain English; a source is named only where the statement is contested or its grade
is C or D. Educational material, not clinical guidance.
"""

from __future__ import annotations

import functools
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

from ketref._memo import PerKnowledgeBase
from ketref.errors import InvalidQueryError, QueryTypeError
from ketref.grades import Grade, resolve_grade
from ketref.humanize import jurisdiction_name
from ketref.models._base import FrozenModel, Id
from ketref.vocabulary import KINDS, SourceTier

if TYPE_CHECKING:
    from ketref.chem.structure import Structure
    from ketref.kb import KnowledgeBase
    from ketref.models.claims import Claim
    from ketref.models.entities import Entity
    from ketref.models.values import Value

__all__ = [
    "DEFAULT_MIN_GRADE",
    "SIBLINGS",
    "Question",
    "QuestionKind",
    "QuizReport",
    "make_quiz",
    "question_pool",
    "to_gift",
    "to_markdown",
    "to_text",
]


class QuestionKind(StrEnum):
    """What a question asks."""

    COMPARE = "compare"
    NUMBER = "number"
    STRUCTURE = "structure"
    MECHANISM = "mechanism"
    REGULATION = "regulation"
    METABOLISM = "metabolism"
    CONFLICT = "conflict"
    WHICH = "which"


class Question(FrozenModel):
    """A multiple-choice question with exactly one correct option.

    ``claims`` are the claims the answer rests on (``claim``, ``source`` and ``quote`` repeat
    the first, for a one-line citation). ``topic`` is what the balance rule counts (a predicate,
    or a parameter). ``option_ids`` names the entity behind each option where there is one, and
    ``option_values`` the number behind each option of a numeric question (in ``unit``), so that
    a question can be checked against the knowledge base without this module.
    """

    kind: QuestionKind
    stem: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    claims: tuple[Id, ...]
    topic: str
    subject: Id | None = None
    predicate: str | None = None
    option_ids: tuple[Id | None, ...] = ()
    option_values: tuple[float | None, ...] = ()
    unit: str | None = None
    claim: Id
    source: Id
    quote: str

    @property
    def answer_text(self) -> str:
        """The correct option."""
        return self.options[self.answer]

    @property
    def key(self) -> tuple[str, str]:
        """What makes two questions the same: the stem and its answer."""
        return (self.stem, self.answer_text)


class QuizReport(FrozenModel):
    """A quiz and, when fewer questions were made than asked, why."""

    questions: tuple[Question, ...]
    asked: int
    available: int
    shortfall: str | None = None


#: Predicates that say the same kind of thing of a subject; a wrong option may not be an object
#: of any of them for the subject or a related form.
SIBLINGS: tuple[frozenset[str], ...] = (
    # A label's warning names an adverse effect too ("increased cerebrospinal fluid pressure"),
    # so what a form or its product is warned for is never a wrong option for an adverse effect.
    frozenset({"has_effect", "has_adverse_effect", "has_warning"}),
    frozenset({"binds", "antagonist_of", "inhibits", "agonist_of", "interacts_with", "activates"}),
    frozenset({"metabolized_to", "metabolized_by"}),
    frozenset({"treats", "approved_for", "used_off_label_for", "in_clinical_trials_for", "first_line_for"}),
    frozenset({"administered_via"}),
    frozenset({"has_active_ingredient", "has_component", "has_strength"}),
    frozenset({"controlled_in"}),
)

WHICH_PREDICATES = (
    "binds",
    "antagonist_of",
    "inhibits",
    "agonist_of",
    "metabolized_to",
    "metabolized_by",
    "has_effect",
    "has_adverse_effect",
    "treats",
    "approved_for",
    "administered_via",
    "has_active_ingredient",
    "first_line_for",
)

DEFAULT_MIN_GRADE = Grade.C
"""The grade a quiz asks for unless told otherwise: C, so no question rests on secondary or
marketing sources alone. Not B: at B the bundled knowledge base supports only about 100 distinct
questions over 7 kinds, below the 150 the teaching issue asks of a default quiz pool, while C
gives about 160 (docs/sources.md, "Grades in quizzes and flashcards")."""

MECHANISM_PREDICATES = ("leads_to", "activates", "increases")
MECHANISM_KINDS = frozenset(kind.value for kind, info in KINDS.items() if info.mechanism)

_TIER_PHRASE = {
    "vendor_guide": "a vendor's guide",
    "blog_summary": "a blog summary",
    "qa_aggregator": "a question-and-answer site",
    "clinic_marketing": "a clinic's marketing page",
    "clinic_article": "a clinic's article",
    "manufacturer_page": "a manufacturer's page",
    "news": "a news item",
    "encyclopedia": "an encyclopedia",
}


def _siblings(predicate: str) -> frozenset[str]:
    for group in SIBLINGS:
        if predicate in group:
            return group
    return frozenset({predicate})


# -- the knowledge base, read for questions --------------------------------------------------------

_GRADES: PerKnowledgeBase[str, dict[str, Grade]] = PerKnowledgeBase()


def claim_grades(kb: KnowledgeBase) -> dict[str, Grade]:
    """Each claim's grade: the best grade of the statements that merge it, read from every side
    (a comparison stated from either form merges with the other form's claims)."""

    def build() -> dict[str, Grade]:
        from ketref.statements import group_readings, synthesize

        best: dict[str, Grade] = {}
        for group in group_readings(kb.readings()):
            found = synthesize(kb, group)
            if found is None or found.grade is None:
                continue
            for claim_id in found.claims:
                if claim_id not in best or found.grade > best[claim_id]:
                    best[claim_id] = found.grade
        return best

    return _GRADES.get(kb, "claims", build)


class _Reader:
    """What the generators need from a knowledge base, computed once per quiz."""

    def __init__(
        self, kb: KnowledgeBase, min_tier: SourceTier | None, min_grade: Grade | None = None
    ) -> None:
        self.kb = kb
        self.min_tier = min_tier
        self.min_grade = min_grade
        self.grades = claim_grades(kb)
        self.conflicted: set[str] = {c.id for x in kb.conflicts() for c in (*x.side_a, *x.side_b)}
        # an open question ("not known whether ...") is never an answer
        self.claims = [c for c in kb.all_claims() if self.usable(c) and c.status.value != "unknown"]
        self._family: dict[str, frozenset[str]] = {}

    def tier(self, claim: Claim) -> SourceTier:
        return max((self.kb.source(s).effective_tier for s in claim.sources), default=SourceTier.MARKETING)

    def grade(self, claim: Claim) -> Grade:
        return self.grades.get(claim.id, Grade.D)

    def graded(self, claim: Claim) -> bool:
        return self.min_grade is None or self.grade(claim) >= self.min_grade

    def usable(self, claim: Claim) -> bool:
        return (self.min_tier is None or self.tier(claim) >= self.min_tier) and self.graded(claim)

    def name(self, entity_id: str) -> str:
        return self.kb.entities[entity_id].name

    def lname(self, entity_id: str) -> str:
        """The name as it reads mid-sentence (common nouns lower-cased, acronyms kept)."""
        name = self.name(entity_id)
        first = name.split(" ")[0]
        entity = self.kb.entities[entity_id]
        if entity.kind.value == "product" or sum(ch.isupper() for ch in first) > 1 or first[:1] == "(":
            return name
        return name[:1].lower() + name[1:]

    def the(self, entity_id: str) -> str:
        """The name with "the" before a single target, process or molecule ("the NMDA receptor")."""
        entity = self.kb.entities[entity_id]
        name = self.lname(entity_id)
        if entity.kind.value == "target" and not name.endswith("s"):
            return f"the {name}"
        return name

    def family(self, entity_id: str) -> frozenset[str]:
        """The entity and its related forms (see the module docstring)."""
        if entity_id in self._family:
            return self._family[entity_id]
        links = self._links()
        seen = {entity_id}
        todo = [entity_id]
        while todo:
            for nxt in links[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        frozen = frozenset(seen)
        for member in frozen:
            self._family[member] = frozen
        return frozen

    @functools.cache  # noqa: B019 - a reader lives for one quiz
    def _links(self) -> dict[str, set[str]]:
        links: dict[str, set[str]] = defaultdict(set)

        def link(a: str | None, b: str | None) -> None:
            if a and b and a in self.kb.entities and b in self.kb.entities:
                links[a].add(b)
                links[b].add(a)

        for e in self.kb.entities.values():
            link(e.id, getattr(e, "form_of", None))
            link(e.id, getattr(e, "parent", None))
            for component in getattr(e, "components", ()) or ():
                link(e.id, component)
        for c in self.kb.all_claims():
            if c.predicate == "has_active_ingredient" and not c.negated:
                link(c.subject, c.object)
        return links

    @functools.cache  # noqa: B019 - a reader lives for one quiz
    def said_of(self, subject: str, predicate: str) -> set[str]:
        """Every entity the knowledge base relates to the subject's family under the predicate or a
        sibling, either way round (metabolism transitively), whatever the source's tier."""
        family = self.family(subject)
        group = _siblings(predicate)
        out: set[str] = set()
        everything = self.kb.all_claims()
        chain = self.chain(subject)
        if group & {"metabolized_to", "metabolized_by"}:
            out |= chain
            out |= {c.object for c in everything if c.predicate == "metabolized_by" and c.subject in chain}
        # a parent drug and its metabolites share targets and effects often enough that what the
        # knowledge base says of one is never a safe wrong answer for another (norketamine and
        # hydroxynorketamine act at nicotinic receptors as ketamine does)
        if group & {"binds", "has_effect"}:
            family = chain
        for c in everything:
            if c.predicate in group and not c.negated:
                if c.subject in family:
                    out.add(c.object)
                if c.object in family:
                    out.add(c.subject)
        return out

    @functools.cache  # noqa: B019 - a reader lives for one quiz
    def chain(self, subject: str) -> frozenset[str]:
        """The subject's family with its metabolic relatives (parents and metabolites, and
        their families), read transitively."""
        chain = set(self.family(subject))
        grew = True
        while grew:
            grew = False
            for c in self.kb.all_claims():
                if c.predicate == "metabolized_to" and not c.negated:
                    for a, b in ((c.subject, c.object), (c.object, c.subject)):
                        if a in chain and not self.family(b) <= chain:
                            chain |= self.family(b)
                            grew = True
        return frozenset(chain)

    def short(self, source_id: str) -> str:
        """A source in a few words: "Ebert 1997", "a vendor's guide (BenchChem)", or its title."""
        source = self.kb.source(source_id)
        if source.authors:
            tokens = source.authors[0].split(" ")
            family_name = max(tokens, key=lambda t: (not t.isupper(), len(t)))
            year = f" {source.date[:4]}" if source.date else ""
            return family_name + (" et al." if len(source.authors) > 1 or source.et_al else "") + year
        if source.kind.value in _TIER_PHRASE:
            phrase = _TIER_PHRASE[source.kind.value]
            publisher = source.publisher.split(" (")[0] if source.publisher else None
            return f"{phrase} ({publisher})" if publisher else phrase
        from ketref.statements import short_citation

        return short_citation(source)

    def source_phrase(self, claim: Claim) -> str | None:
        """How a stem names the source, where it must (contested, or graded C or D)."""
        if claim.id not in self.conflicted and self.grade(claim) >= Grade.B:
            return None
        source = max((self.kb.source(s) for s in claim.sources), key=lambda s: s.effective_tier.rank)
        return self.short(source.id)


def _cite(reader: _Reader, claims: Iterable[Claim]) -> str:
    parts = []
    for claim in claims:
        source = reader.kb.source(claim.evidence[0].source)
        parts.append(f"{source.title} [{source.effective_tier.value}]: “{claim.evidence[0].quote}”")
    return " ".join(parts[:2])


def _make(
    reader: _Reader,
    kind: QuestionKind,
    stem: str,
    right: str,
    wrong: list[str],
    rng: random.Random,
    claims: list[Claim],
    explanation: str,
    topic: str,
    *,
    subject: str | None = None,
    predicate: str | None = None,
    ids: Mapping[str, str | None] | None = None,
    values: dict[str, float] | None = None,
    unit: str | None = None,
    keep_order: bool = False,
) -> Question:
    options = [right, *wrong]
    if keep_order:
        options.sort(key=lambda o: (values or {}).get(o, 0.0))
    else:
        rng.shuffle(options)
    first = claims[0]
    return Question(
        kind=kind,
        stem=stem,
        options=tuple(options),
        answer=options.index(right),
        explanation=f"{explanation} Source: {_cite(reader, claims)}",
        claims=tuple(dict.fromkeys(c.id for c in claims)),
        topic=topic,
        subject=subject,
        predicate=predicate,
        option_ids=tuple((ids or {}).get(o) for o in options) if ids else (),
        option_values=tuple((values or {}).get(o) for o in options) if values else (),
        unit=unit,
        claim=first.id,
        source=first.evidence[0].source,
        quote=first.evidence[0].quote,
    )


def _according(reader: _Reader, claims: list[Claim], sentence: str) -> str:
    phrases = [p for p in (reader.source_phrase(c) for c in claims) if p]
    if phrases and all(reader.source_phrase(c) for c in claims):
        return f"According to {phrases[0]}, {sentence[:1].lower()}{sentence[1:]}"
    return sentence


# -- which: entity-answer questions with clean distractors ----------------------------------------

_WHICH_STEM = {
    "binds": "Which of these does {s} bind?",
    "antagonist_of": "{S} is an antagonist of which of these?",
    "inhibits": "Which of these does {s} inhibit?",
    "agonist_of": "{S} is an agonist of which of these?",
    "metabolized_to": "Which of these is a metabolite of {s}?",
    "metabolized_by": "Which enzyme metabolises {s}?",
    "has_effect": "Which of these is an effect of {s}?",
    "has_adverse_effect": "Which of these is an adverse effect of {s}?",
    "treats": "Which condition is {s} used to treat?",
    "approved_for": "For which condition is {s} approved?",
    "administered_via": "By which route is {s} given?",
    "has_active_ingredient": "What is the active ingredient of {s}?",
    "first_line_for": "For which condition is {s} a first-line treatment?",
}

_CHEMICAL = ("compound", "salt", "molecule")
_CATCH_ALL = frozenset({"adverse-effects", "serious-adverse-events"})
_WHICH_SUBJECTS = ("compound", "salt", "product", "molecule", "target", "process")


def _same_kind(reader: _Reader, answer: Entity) -> list[Entity]:
    kinds = _CHEMICAL if answer.kind.value in _CHEMICAL else (answer.kind.value,)
    return [e for e in reader.kb.entities.values() if e.kind.value in kinds]


def _distractor_ids(reader: _Reader, subject: str, predicate: str, answer: str) -> list[str]:
    said = reader.said_of(subject, predicate)
    family = reader.family(subject)
    answer_entity = reader.kb.entities[answer]
    pool = [
        e
        for e in _same_kind(reader, answer_entity)
        if e.id not in said and e.id not in family and e.id != answer and e.id != subject
    ]
    if predicate in SIBLINGS[1]:
        # an enzyme binds its substrate, and kinases sit downstream of receptors: neither is a
        # clean wrong answer to "which does it bind / inhibit"
        pool = [e for e in pool if getattr(e, "target_class", None) not in ("enzyme", "signaling_protein")]
    pool = [e for e in pool if e.id not in _CATCH_ALL]
    if predicate == "metabolized_by":
        # an enzyme's wrong options are drug-metabolising enzymes too, never a receptor or a kinase
        enzymes = {c.object for c in reader.kb.all_claims() if c.predicate == "metabolized_by"}
        pool = [e for e in pool if e.id in enzymes]
    # prefer the answer's own class (enzymes for an enzyme), then anything of its kind
    target_class = getattr(answer_entity, "target_class", None)
    pool.sort(key=lambda e: (getattr(e, "target_class", None) != target_class, e.id))
    return [e.id for e in pool]


def _which(reader: _Reader, rng: random.Random) -> list[Question]:
    out = []
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    from ketref.vocabulary import PREDICATES

    # the vocabulary's rows say which predicates make a good "which of these?" question
    asked = set(WHICH_PREDICATES) | {p.id for p in PREDICATES.values() if getattr(p, "quiz", False)}
    for c in reader.claims:
        if c.predicate in asked and not c.negated and c.comparison is None:
            groups[(c.subject, c.predicate, c.object)].append(c)
    for (subject, predicate, answer), claims in sorted(groups.items()):
        if reader.kb.entities[subject].kind.value not in _WHICH_SUBJECTS:
            continue  # a therapy or protocol shares the drug's effects: its options are never clean
        if answer in reader.family(subject) or reader.kb.entities[answer].kind.value == "condition":
            continue  # conditions nest (depression, major depressive disorder ...): no clean distractors
        pool = _distractor_ids(reader, subject, predicate, answer)
        if len(pool) < 3:
            continue
        close = pool[: max(3, min(len(pool), 6))]
        wrong = rng.sample(close, 3)
        kind = QuestionKind.METABOLISM if predicate.startswith("metabol") else QuestionKind.WHICH
        template = _WHICH_STEM.get(predicate, f"{{S}} {_label(predicate)} which of these?")
        sentence = template.format(s=reader.lname(subject), S=_cap(reader.lname(subject)))
        ids = {reader.name(i): i for i in (answer, *wrong)}
        if len(ids) < 4:
            continue
        out.append(
            _make(
                reader,
                kind,
                _according(reader, claims, sentence),
                reader.name(answer),
                [reader.name(w) for w in wrong],
                rng,
                claims,
                f"{reader.name(subject)} {_label(predicate)} {reader.lname(answer)}.",
                predicate,
                subject=subject,
                predicate=predicate,
                ids=ids,
            )
        )
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(predicate: str) -> str:
    from ketref.vocabulary import PREDICATES

    return PREDICATES[predicate].label


# -- compare: which form is stronger, and about how much -------------------------------------------

_ASPECT = {
    ("affinity", "greater"): "binds {o} more tightly",
    ("affinity", "lesser"): "binds {o} less tightly",
    ("potency", "greater"): "is the more potent {p}",
    ("potency", "lesser"): "is the less potent {p}",
    ("duration", "greater"): "gives the longer-lasting {o}",
    ("duration", "lesser"): "gives the shorter-lasting {o}",
    ("incidence", "greater"): "causes {o} more often",
    ("incidence", "lesser"): "causes {o} less often",
    ("efficacy", "greater"): "is the more effective {p}",
    ("efficacy", "lesser"): "is the less effective {p}",
    ("onset_speed", "greater"): "gives the faster onset of {o}",
    ("onset_speed", "lesser"): "gives the slower onset of {o}",
}

_POTENCY_PHRASE = {
    "antagonist_of": "antagonist of {o}",
    "has_effect": "at producing {o}",
    "has_adverse_effect": "at producing {o}",
    "binds": "ligand of {o}",
    "treats": "treatment for {o}",
}


def _explained(clause: str, phrase: str) -> str:
    """The question's clause as a statement: "is the more potent antagonist of X" becomes "is a
    more potent antagonist of X", and "is the more potent at producing X" "is more potent at
    producing X"."""
    return clause.replace("is the ", "is " if phrase.startswith("at ") else "is a ", 1)


def _pair_name(reader: _Reader, a: str, b: str) -> str:
    enantiomers = {"esketamine", "arketamine"}
    if {a, b} == enantiomers:
        return "Which enantiomer of ketamine"
    return f"Which of {reader.lname(a)} and {reader.lname(b)}"


def _compare(reader: _Reader, rng: random.Random) -> list[Question]:
    out: list[Question] = []
    groups: dict[tuple[str, str, str, str, str], list[tuple[Claim, str]]] = defaultdict(list)
    usable = {c.id for c in reader.claims}
    for c in reader.kb.all_claims():  # every claim, whatever its grade, may contest the direction
        cmp = c.comparison
        if cmp is None or c.negated or cmp.comparator == c.subject:
            continue
        a, b = sorted((c.subject, cmp.comparator))
        direction = cmp.direction.value if c.subject == a else cmp.direction.flipped.value
        groups[(a, b, c.predicate, c.object, cmp.aspect.value)].append((c, direction))
    for (a, b, predicate, obj, aspect), found in sorted(groups.items()):
        directions = {d for _, d in found}
        if len(directions) != 1 or "similar" in directions:
            continue  # contested direction: a true-or-false question covers it
        direction = directions.pop()
        claims = [c for c, _ in found if c.id in usable]
        if not claims:
            continue
        stronger, weaker = (a, b) if direction == "greater" else (b, a)
        for asked, right, other in (("greater", stronger, weaker), ("lesser", weaker, stronger)):
            template = _ASPECT.get((aspect, asked))
            if template is None:
                continue
            phrase = _POTENCY_PHRASE.get(predicate, "at {o}").format(o=reader.the(obj))
            clause = template.format(o=reader.the(obj), p=phrase)
            sentence = f"{_pair_name(reader, a, b)} {clause}?"
            wrong = [reader.name(other), "They do not differ"]
            out.append(
                _make(
                    reader,
                    QuestionKind.COMPARE,
                    _according(reader, claims, sentence),
                    reader.name(right),
                    wrong,
                    rng,
                    claims,
                    f"{_cap(reader.lname(right))} {_explained(clause, phrase)} than {reader.lname(other)}.",
                    f"{predicate}:{aspect}",
                    subject=right,
                    predicate=predicate,
                    ids={reader.name(right): right, reader.name(other): other, "They do not differ": None},
                )
            )
        folds = [c.comparison.magnitude for c in claims if c.comparison and c.comparison.magnitude]
        folds = [f for f in folds if f is not None and f.unit == "fold"]
        if folds and aspect in ("affinity", "potency"):
            low = min(f.low for f in folds)
            high = max(f.high for f in folds)
            right_text = f"About {_num(low)}–{_num(high)} times" if high > low else f"About {_num(low)} times"
            candidates = [
                (1.0, "About the same (1 time)"),
                (20.0, "About 20–50 times"),
                (200.0, "About 200–500 times"),
            ]
            candidates += [(1000.0, "About 1000 times")]
            wrong_texts = [t for v, t in candidates if v < low / 1.5 or v > high * 3][:3]
            noun = "affinity for" if aspect == "affinity" else "potency for"
            sentence = (
                f"About how many times greater is {reader.lname(stronger)}'s {noun} {reader.the(obj)} "
                f"than {reader.lname(weaker)}'s?"
            )
            values = {right_text: (low + high) / 2, **{t: v for v, t in candidates}}
            out.append(
                _make(
                    reader,
                    QuestionKind.COMPARE,
                    _according(reader, claims, sentence),
                    right_text,
                    wrong_texts,
                    rng,
                    claims,
                    f"The sources put the difference at {_num(low)} to {_num(high)} fold."
                    if high > low
                    else f"The sources put the difference at {_num(low)}-fold.",
                    f"{predicate}:{aspect}:fold",
                    subject=stronger,
                    predicate=predicate,
                    values=values,
                    unit="fold",
                    keep_order=True,
                )
            )
    return out


def _flip(direction: str) -> str:
    return {"greater": "lesser", "lesser": "greater"}.get(direction, direction)


def _num(x: float) -> str:
    if x == 0:
        return "0"
    digits = max(0, 2 - math.floor(math.log10(abs(x))))
    text = f"{round(x, digits):.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# -- numbers -------------------------------------------------------------------------------------

# how to show each dimension, and the unit it is compared in
_CANONICAL = {"[concentration]": "µM", "[time]": "hour", "[mass]": "mg", "[mass] / [length] ** 3": "mg/mL"}


def _canonical(value: Value) -> tuple[str, float, float] | None:
    """The value in a canonical unit: (unit, low, high); None when it has no usable dimension."""
    return _canonical_parts(value.unit, value.low, value.high)


@functools.lru_cache(maxsize=4096)
def _canonical_parts(unit_text: str, low: float, high: float) -> tuple[str, float, float] | None:
    from ketref.errors import KetrefError
    from ketref.models.values import Value

    if unit_text in ("percent", "%"):
        return ("percent", low, high)
    value = Value(value=(low, high) if high != low else low, unit=unit_text)
    for unit in ("µM", "hour", "mg", "mg/mL"):
        try:
            v = value.to(unit)
        except KetrefError:
            continue
        return (unit, v.low, v.high)
    return None


def _show(unit: str, x: float) -> str:
    def plural(n: float, word: str) -> str:
        return f"{_num(n)} {word}" + ("" if _num(n) == "1" else "s")

    if unit == "µM":
        if x < 1:
            return f"{_num(x * 1000)} nM"
        if x >= 1000:
            return f"{_num(x / 1000)} mM"
        return f"{_num(x)} µM"
    if unit == "hour":
        if x < 1 / 60:
            return plural(x * 3600, "second")
        if x < 1:
            return plural(x * 60, "minute")
        if x >= 72:
            return plural(x / 24, "day")
        return plural(x, "hour")
    if unit == "percent":
        return f"{_num(x)}%"
    if unit == "mg/mL":  # a plasma level reads in the unit a label uses (1.7 µg/mL, not 0.0017 mg/mL)
        if x < 1e-3:
            return f"{_num(x * 1e6)} ng/mL"
        if x < 1:
            return f"{_num(x * 1e3)} µg/mL"
    if unit == "mg" and x < 1:
        return f"{_num(x * 1e3)} µg"
    return f"{_num(x)} {unit}"


def _show_range(unit: str, low: float, high: float, qualifier: str) -> str:
    if low == high:
        text = _show(unit, low)
    else:
        a, b = _show(unit, low), _show(unit, high)
        a_unit, b_unit = a.split(" ")[-1].rstrip("s"), b.split(" ")[-1].rstrip("s")
        if unit == "percent":
            text = f"{_num(low)}–{_num(high)}%"
        elif a_unit == b_unit:
            text = f"{a.split(' ')[0]}–{b}"
        else:
            text = f"{a} to {b}"
    prefix = {"~": "about ", "<": "under ", ">": "over ", "≤": "at most ", "≥": "at least "}.get(
        qualifier, ""
    )
    return prefix + text


# plausible-looking wrong values: a ladder per unit (the canonical unit's numbers)
_LADDERS = {
    "µM": [0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0],
    "hour": [10 / 3600, 1 / 60, 5 / 60, 0.25, 0.5, 1.0, 3.0, 8.0, 24.0, 72.0, 168.0, 720.0],
    "percent": [1.0, 5.0, 10.0, 20.0, 35.0, 50.0, 65.0, 80.0, 95.0],
    "mg/mL": [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1.0, 10.0],  # 1 ng/mL to 10 mg/mL
}


def _wrong_numbers(unit: str, low: float, high: float, k_low: float, k_high: float) -> list[float]:
    """Values well outside everything the knowledge base gives for the quantity (k_low..k_high):
    a factor of 5 beyond it (15 points for percentages), nearest to the answer first."""
    centre = math.sqrt(max(low, 1e-12) * max(high, 1e-12))
    ladder = _LADDERS[unit] if unit in _LADDERS else [centre * f for f in (0.01, 0.1, 10.0, 100.0, 1000.0)]
    if unit == "percent":
        allowed = [x for x in ladder if x < k_low - 15 or x > k_high + 15]
        return sorted(allowed, key=lambda x: abs(x - centre))
    allowed = [x for x in ladder if x < k_low / 5 or x > k_high * 5]
    return sorted(allowed, key=lambda x: abs(math.log10(x) - math.log10(centre)))


# predicates whose values make a number question; for those in _MEASURED only the values whose
# measure says what the number is (a drug arm's incidence, a time to onset), each asked alone
_NUMBER_PREDICATES = (
    "binds",
    "inhibits",
    "has_parameter",
    "has_strength",
    "has_adverse_effect",
    "has_onset",
    "has_duration",
    "has_protocol",
)
_MEASURED = ("has_strength", "has_adverse_effect", "has_onset", "has_duration", "has_protocol")


def _asked_measure(predicate: str, value: Value) -> bool:
    measure = (value.measure or "").casefold()
    if predicate == "has_strength":
        return True
    if predicate == "has_adverse_effect":  # the drug's arm, as a share of patients; never placebo's
        return value.unit in ("percent", "%") and bool(measure) and "placebo" not in measure
    if predicate in ("has_onset", "has_duration"):
        return measure.startswith(("time to", "duration of"))
    return measure.startswith("observation")  # has_protocol: how long patients are watched


def _number_key(c: Claim, value: Value) -> tuple[str, str, str, str]:
    measure = value.measure if c.predicate in ("binds", "inhibits") else ""
    return (c.predicate, c.object, c.context.route or "", measure or "")


def _numbers(reader: _Reader, rng: random.Random) -> list[Question]:
    out = []
    everything = [c for c in reader.kb.all_claims() if c.values and c.comparison is None and not c.negated]
    # group the usable values by subject and quantity; a contested claim is asked on its own
    groups: dict[tuple[str, tuple[str, str, str, str], str], list[tuple[Claim, Value, float, float]]] = (
        defaultdict(list)
    )
    for c in reader.claims:
        if c.comparison is not None or c.negated:
            continue
        if c.predicate not in _NUMBER_PREDICATES:
            continue
        for value in c.values:
            if c.predicate in ("binds", "inhibits") and value.measure not in ("Ki", "IC50"):
                continue
            if c.predicate in _MEASURED and not _asked_measure(c.predicate, value):
                continue
            shown = _canonical(value)
            if shown is None:
                continue
            alone = c.id if c.id in reader.conflicted else ""
            if c.predicate in _MEASURED:  # each presentation, arm or measure on its own
                alone += f"|{value.measure}"
            groups[(c.subject, _number_key(c, value), alone)].append((c, value, shown[1], shown[2]))
    for (subject, key, _alone), found in groups.items():
        unit = _canonical(found[0][1])[0]  # type: ignore[index]
        low = min(f[2] for f in found)
        high = max(f[3] for f in found)
        qualifiers = {f[1].qualifier.value for f in found}
        qualifier = qualifiers.pop() if len(qualifiers) == 1 else "~"
        # every value the knowledge base gives for the same quantity, for the subject's family
        known = [(low, high)]
        for other in everything:
            if other.subject in reader.family(subject):
                for v in other.values:
                    got = _canonical(v)
                    if _number_key(other, v) == key and got and got[0] == unit:
                        known.append((got[1], got[2]))
        k_low, k_high = min(a for a, _ in known), max(b for _, b in known)
        candidates = _wrong_numbers(unit, low, high, k_low, k_high)[:4]
        if len(candidates) < 3:
            continue
        wrong_values = sorted(rng.sample(candidates, 3))
        right = _show_range(unit, low, high, qualifier)
        wrong = [_show(unit, x) for x in wrong_values]
        if len({right, *wrong}) < 4:
            continue
        claims = list(dict.fromkeys(f[0] for f in found))
        sentence = _number_stem(reader, claims[0], found[0][1])
        if sentence is None:
            continue
        values = {
            right: math.sqrt(max(low, 1e-12) * max(high, 1e-12)),
            **dict(zip(wrong, wrong_values, strict=True)),
        }
        spread = _show_range(unit, k_low, k_high, "")
        if key[0] in _MEASURED:  # one arm or measure of a trial: say which, not the whole range
            explained = f"{_cap(found[0][1].measure or 'The source')}: {right}."
        else:
            explained = f"The knowledge base gives {spread} for this quantity."
        out.append(
            _make(
                reader,
                QuestionKind.NUMBER,
                _according(reader, claims, sentence),
                right,
                wrong,
                rng,
                claims,
                explained,
                f"{key[0]}:{key[1]}",
                subject=subject,
                predicate=key[0],
                values=values,
                unit=unit,
                keep_order=True,
            )
        )
    return out


_ROUTE_PHRASE = {
    "intravenous": " when given intravenously",
    "intramuscular": " when given intramuscularly",
    "intranasal": " when given intranasally",
    "oral": " when taken by mouth",
    "oral-transmucosal": " when given through the lining of the mouth",
    "sublingual": " when given under the tongue",
    "rectal": " when given rectally",
}


def _number_stem(reader: _Reader, c: Claim, value: Value) -> str | None:
    s, o = reader.lname(c.subject), reader.the(c.object)
    if c.predicate in ("binds", "inhibits"):
        return f"What is the approximate {value.measure} of {s} at {o}?"
    if c.predicate == "has_parameter":
        route = ""
        if c.context.route:
            route = _ROUTE_PHRASE.get(c.context.route, f" by the {reader.lname(c.context.route)} route")
        return f"What is the approximate {reader.lname(c.object)} of {s}{route}?"
    if c.predicate == "has_strength":
        what = f" ({value.measure})" if value.measure else ""
        return f"How much {reader.lname(c.object)} does {reader.name(c.subject)} contain{what}?"
    route = _ROUTE_PHRASE.get(c.context.route or "", "")
    if c.predicate == "has_adverse_effect":
        arm = (value.measure or "").split(", ")
        who = "adults with treatment-resistant depression" if "adult TRD" in (value.measure or "") else ""
        trials = f" in the clinical trials of {who}" if who else " in clinical trials"
        with_ad = " with an oral antidepressant" if "oral antidepressant" in arm[0] else ""
        return (
            f"About what share of patients given {reader.name(c.subject)}{with_ad} had "
            f"{reader.lname(c.object)}{trials}?"
        )
    if c.predicate == "has_onset":
        return f"How soon does {reader.name(c.subject)} produce {reader.lname(c.object)}{route}?"
    if c.predicate == "has_duration":
        return f"How long does {reader.lname(c.object)} from {reader.name(c.subject)} last{route}?"
    if c.predicate == "has_protocol":
        return (
            f"Under the {reader.name(c.object)}, how long are patients observed after each "
            f"{reader.name(c.subject)} session?"
        )
    return None


# -- structure -----------------------------------------------------------------------------------


def _structure(reader: _Reader, rng: random.Random) -> list[Question]:
    from ketref.chem.api import structure
    from ketref.errors import KetrefError

    out: list[Question] = []
    labelled: dict[str, str] = {}
    structures: dict[str, Structure] = {}
    for e in reader.kb.entities.values():
        if not getattr(e, "smiles", None) or e.kind.value not in ("compound",):
            continue
        try:
            s = structure(reader.kb, e.id)
        except KetrefError:
            continue
        structures[e.id] = s
        labels = [c.label for c in s.stereocenters if c.label in ("R", "S")]
        if len(labels) != len(s.stereocenters) or not labels:
            continue
        labelled[e.id] = ",".join(labels)
    # one claim to cite: the structure is computed, so cite a claim naming the compound's form
    for entity_id, label in sorted(labelled.items()):
        n = len(label.split(","))
        if n == 1:
            right = f"({label})"
            wrong = [
                "(R)" if label == "S" else "(S)",
                "A 1:1 mixture of (R) and (S)",
                "It has no stereocentre",
            ]
        else:
            combos = {",".join(p) for p in _product(("R", "S"), n)}
            right = f"({label})"
            wrong = [f"({x})" for x in sorted(combos - {label})][:3]
        claims = _identity_claims(reader, entity_id)
        if not claims:
            continue
        centres = "stereocentres" if n > 1 else "stereocentre"
        sentence = f"What is the CIP configuration of {reader.lname(entity_id)}'s {centres}?"
        out.append(
            _make(
                reader,
                QuestionKind.STRUCTURE,
                sentence,
                right,
                wrong,
                rng,
                claims,
                f"RDKit assigns {right} from the recorded structure of {reader.name(entity_id)}.",
                "structure:cip",
                subject=entity_id,
            )
        )
    enantiomers = [
        i
        for i, lab in labelled.items()
        if lab in ("R", "S") and reader.kb.entities[i].kind.value == "compound"
    ]
    for i in enantiomers:
        others = [j for j in reader.family(i) if j != i and reader.kb.entities[j].kind.value == "compound"]
        if len(others) < 2:
            continue
        label = labelled[i]
        wrong_ids = [j for j in sorted(others) if labelled.get(j) != label][:3]
        # fill with another compound that is not a form of ketamine (a metabolite) if needed
        extra = sorted(j for j, lab in labelled.items() if j not in reader.family(i) and lab != label)
        wrong_ids = (wrong_ids + extra)[:3]
        if len(wrong_ids) < 3:
            continue
        parent = getattr(reader.kb.entities[i], "form_of", None) or i
        claims = _identity_claims(reader, i)
        if not claims:
            continue
        out.append(
            _make(
                reader,
                QuestionKind.STRUCTURE,
                f"Which of these is the ({label}) enantiomer of {reader.lname(parent)}?",
                reader.name(i),
                [reader.name(j) for j in wrong_ids],
                rng,
                claims,
                f"{reader.name(i)} has the ({label}) configuration at its stereocentre (computed by RDKit).",
                "structure:enantiomer",
                subject=i,
                ids={reader.name(x): x for x in (i, *wrong_ids)},
            )
        )
    return out + _smiles_questions(reader, rng, labelled, structures)


def _smiles_questions(
    reader: _Reader, rng: random.Random, labelled: dict[str, str], structures: dict[str, Structure]
) -> list[Question]:
    """Which SMILES string is this enantiomer: its mirror image, the form without stereochemistry
    and another compound of the family are the wrong options (all as RDKit writes them)."""
    out = []
    for entity_id in sorted(labelled):
        mine = structures[entity_id]
        flat = [j for j in sorted(structures) if j not in labelled]  # no (or unassigned) stereocentres
        same_skeleton = [j for j in flat if structures[j].formula == mine.formula]
        # another compound: a metabolite of the same drug, one atom or bond away
        others = [j for j in flat if structures[j].formula != mine.formula]
        if not same_skeleton:
            continue
        wrong = [mine.mirror_smiles, structures[same_skeleton[0]].canonical_smiles]
        wrong += [structures[j].canonical_smiles for j in others[:1]]
        if len(set(wrong) | {mine.canonical_smiles}) != 4:
            continue
        claims = _identity_claims(reader, entity_id)
        if not claims:
            continue
        out.append(
            _make(
                reader,
                QuestionKind.STRUCTURE,
                f"Which SMILES string is {reader.lname(entity_id)}?",
                mine.canonical_smiles,
                wrong,
                rng,
                claims,
                f"RDKit writes the recorded structure of {reader.name(entity_id)} as "
                f"{mine.canonical_smiles} ({labelled[entity_id]}); {mine.mirror_smiles} is its mirror image.",
                "structure:smiles",
                subject=entity_id,
            )
        )
    return out


def _identity_claims(reader: _Reader, entity_id: str) -> list[Claim]:
    """A claim that names the compound as a form (a racemate's component, derived from ...), to
    cite beside the computed structure; any claim about it otherwise."""
    about = [c for c in reader.kb.all_claims() if entity_id in (c.subject, c.object) and not c.negated]
    about.sort(key=lambda c: (c.predicate not in ("has_component", "derived_from"), c.id))
    return about[:1]


def _product(items: tuple[str, ...], n: int) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = [()]
    for _ in range(n):
        out = [(*p, x) for p in out for x in items]
    return out


# -- mechanism order -----------------------------------------------------------------------------


def _mechanism(reader: _Reader, rng: random.Random) -> list[Question]:
    kb = reader.kb
    edges: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in kb.all_claims():  # reachability uses every claim, whatever its tier
        if (
            c.predicate in MECHANISM_PREDICATES
            and not c.negated
            and c.comparison is None
            and (
                kb.entities[c.subject].kind.value in MECHANISM_KINDS
                and kb.entities[c.object].kind.value in MECHANISM_KINDS
            )
        ):
            edges[(c.subject, c.object)].append(c)
    after: dict[str, set[str]] = defaultdict(set)
    before: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        after[a].add(b)
        before[b].add(a)

    def reach(start: str, graph: dict[str, set[str]]) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    nodes = {n for pair in edges for n in pair}
    out = []
    usable = {c.id for c in reader.claims}
    for (a, b), claims in sorted(edges.items()):
        claims = [c for c in claims if c.id in usable]
        if not claims:
            continue
        for asked, right, anchor, excluded, opposite in (
            ("follows", b, a, reach(a, after), reach(a, before)),
            ("precedes", a, b, reach(b, before), reach(b, after)),
        ):
            kind = kb.entities[right].kind
            pool = [n for n in nodes if kb.entities[n].kind is kind and n not in excluded and n not in (a, b)]
            # steps on the other side of the anchor first: clearly out of order, not merely unrecorded
            pool.sort(key=lambda n: (n not in opposite, n))
            if len(pool) < 3:
                continue
            wrong = rng.sample(pool[:4], 3)
            verb = {"leads_to": "lead to", "activates": "activate", "increases": "increase"}[
                claims[0].predicate
            ]
            third = {"leads_to": "leads to", "activates": "activates", "increases": "increases"}[
                claims[0].predicate
            ]
            if asked == "follows":
                sentence = f"In the proposed mechanism, what does {reader.the(anchor)} {verb}?"
            else:
                sentence = f"In the proposed mechanism, what {third} {reader.the(anchor)}?"
            out.append(
                _make(
                    reader,
                    QuestionKind.MECHANISM,
                    _according(reader, claims, sentence),
                    reader.name(right),
                    [reader.name(w) for w in wrong],
                    rng,
                    claims,
                    f"{reader.name(a)} {_label(claims[0].predicate)} {reader.lname(b)}.",
                    f"mechanism:{asked}",
                    subject=anchor,
                    predicate=asked,
                    ids={reader.name(x): x for x in (right, *wrong)},
                )
            )
    return out


# -- regulation: dates of approval and control -----------------------------------------------------


_CONTROLLED = "is controlled under"


def _year_grade(reader: _Reader, claim: Claim, year: int) -> Grade:
    """The grade of the year asked: that of the claims giving that year for the same status
    (:func:`ketref.statements.date_grades`), not of the statement they merge into."""
    from ketref.statements import date_grades

    key = (claim.subject, claim.predicate, claim.object, claim.context.jurisdiction)
    same = [
        o
        for o in reader.kb.all_claims()
        if (o.subject, o.predicate, o.object, o.context.jurisdiction) == key and not o.negated
    ]
    return date_grades(reader.kb, same)[str(year)]


def _regulation(reader: _Reader, rng: random.Random) -> list[Question]:
    out = []
    everything = reader.kb.all_claims()
    for c in reader.claims:
        if c.predicate not in ("approved_for", "controlled_in") or c.negated or not c.context.date:
            continue
        year = int(c.context.date[:4])
        if reader.min_grade is not None and _year_grade(reader, c, year) < reader.min_grade:
            continue
        family = reader.family(c.subject)
        # every year the knowledge base gives for this subject's family under this predicate
        taken = {
            int(o.context.date[:4])
            for o in everything
            if o.predicate == c.predicate and o.subject in family and o.context.date and o.object == c.object
        }
        wrong_years = [
            y
            for y in (year - 30, year - 15, year + 12, year + 25, year - 8)
            if all(abs(y - t) >= 5 for t in taken)
        ]
        wrong_years = [y for y in wrong_years if y <= 2026][:3]
        if len(wrong_years) < 3:
            continue
        where_text = _where(c.context.jurisdiction)
        if c.predicate == "approved_for":
            what = f"{reader.name(c.subject)} first approved{where_text} for {reader.lname(c.object)}"
        else:
            what = f"{reader.lname(c.subject)} placed under {reader.lname(c.object)}{where_text}"
        sentence = f"In which year was {what}?"
        verb = _label(c.predicate) if c.predicate != "controlled_in" else _CONTROLLED
        values = {str(y): float(y) for y in (year, *wrong_years)}
        out.append(
            _make(
                reader,
                QuestionKind.REGULATION,
                _according(reader, [c], sentence),
                str(year),
                [str(y) for y in wrong_years],
                rng,
                [c],
                f"{reader.name(c.subject)} {verb} {reader.lname(c.object)}{where_text} "
                f"since {c.context.date}.",
                f"{c.predicate}:year",
                subject=c.subject,
                predicate=c.predicate,
                values=values,
                unit="year",
                keep_order=True,
            )
        )
    return out


_USES = SIBLINGS[3]
_NO_PRODUCT = "No product is approved for it"


def _where(jurisdiction: str | None) -> str:
    return f" in {jurisdiction_name(jurisdiction)}" if jurisdiction else ""


def _products(reader: _Reader, rng: random.Random) -> list[Question]:
    """Which product is approved where for what (and since when, where a date is recorded).

    A wrong product is one that no claim (of any grade) says is used for the condition or for
    any condition the right product is approved for: approvals belong to products, so a product's
    active ingredient's uses do not make it approved."""
    kb = reader.kb
    products = sorted(e.id for e in kb.entities.values() if e.kind.value == "product")
    uses: dict[str, set[str]] = defaultdict(set)
    for c in kb.all_claims():
        if c.predicate in _USES and not c.negated and c.subject in products:
            uses[c.subject].add(c.object)
    out = []
    groups: dict[tuple[str, str, str | None], list[Claim]] = defaultdict(list)
    for c in reader.claims:
        if c.predicate == "approved_for" and not c.negated and c.subject in products:
            groups[(c.subject, c.object, c.context.jurisdiction)].append(c)
    for (product, condition, jurisdiction), claims in sorted(groups.items(), key=lambda kv: str(kv[0])):
        # a product the knowledge base records no use for may well have one: never a wrong option
        wrong = [
            p for p in products if p != product and uses[p] and not ({condition} | uses[product]) & uses[p]
        ]
        if not wrong:
            continue
        where = _where(jurisdiction)
        none = _NO_PRODUCT + (" there" if where else "")
        wrong = [*wrong[:2], none]
        # the best-graded claim first: it decides whether the stem names a source
        claims.sort(key=lambda c: (-reader.grade(c).rank, -reader.tier(c).rank, c.id))
        dates = sorted({c.context.date[:4] for c in claims if c.context.date})
        since = f" (since {dates[0]})" if dates else ""
        sentence = f"Which product is approved{where} for {reader.lname(condition)}?"
        ids: dict[str, str | None] = {reader.name(x): x for x in (product, *wrong[:-1])}
        ids[none] = None
        out.append(
            _make(
                reader,
                QuestionKind.REGULATION,
                _according(reader, claims, sentence),
                reader.name(product),
                [ids_name for ids_name in ids if ids_name != reader.name(product)],
                rng,
                claims,
                f"{reader.name(product)} is approved{where} for {reader.lname(condition)}{since}.",
                "approved_for:product",
                subject=condition,
                predicate="approved_for",
                ids=ids,
            )
        )
    return out


# -- true or false on a conflict -------------------------------------------------------------------


def _direction_topic(reader: _Reader, claim: Claim) -> str | None:
    """A detected disagreement over a comparison's direction, in words: "How the potency of
    arketamine compares with that of esketamine for the antidepressant effect." """
    cmp = claim.comparison
    if cmp is None:
        return None
    aspect = cmp.aspect.value.replace("_", " ")
    the = "the " if reader.kb.entities[claim.object].kind.value == "effect" else ""
    return (
        f"How the {aspect} of {reader.lname(claim.subject)} compares with that of "
        f"{reader.lname(cmp.comparator)} for {the}{reader.lname(claim.object)}."
    )


def _conflicts(reader: _Reader, rng: random.Random) -> list[Question]:
    out = []
    curated_topics = {r.topic for r in reader.kb.conflict_records()}
    for conflict in reader.kb.conflicts():
        claims = [*conflict.side_a, *conflict.side_b]
        if reader.min_tier is not None and not all(reader.tier(c) >= reader.min_tier for c in claims):
            continue
        # a disagreement worth asking about: each side has a claim at the minimum grade
        if not all(any(reader.graded(c) for c in side) for side in (conflict.side_a, conflict.side_b)):
            continue
        curated = conflict.topic in curated_topics
        if not curated and conflict.kind == "magnitude":
            continue  # sizes stated by different assays: spread between studies, not a disagreement
        topic = _plain_topic(reader, conflict.topic)
        if conflict.kind == "negation" and topic.endswith(": stated and denied."):
            topic = "Whether " + topic[:1].lower() + topic[1 : -len(": stated and denied.")] + "."
        elif not curated and conflict.kind == "direction":
            topic = _direction_topic(reader, conflict.side_a[0]) or topic
        sources_a = "; ".join(sorted({reader.short(s) for c in conflict.side_a for s in c.sources}))
        sources_b = "; ".join(sorted({reader.short(s) for c in conflict.side_b for s in c.sources}))
        why = f"The sources disagree: on one side {sources_a}; on the other {sources_b}."
        for stem, right in (
            (f"True or false: the sources agree on this point. {topic}", "False"),
            (f"True or false: the sources disagree on this point. {topic}", "True"),
        ):
            out.append(
                _make(
                    reader,
                    QuestionKind.CONFLICT,
                    stem,
                    right,
                    ["True" if right == "False" else "False"],
                    rng,
                    claims,
                    why,
                    f"conflict:{conflict.kind}",
                )
            )
    return out


def _plain_topic(reader: _Reader, topic: str) -> str:
    """A conflict topic in words: entity ids become names, predicates their labels."""
    from ketref.statements import short_citation
    from ketref.vocabulary import PREDICATES

    sources = {s.id: s for s in reader.kb.sources()}

    def word(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in reader.kb.entities:
            return reader.lname(token)
        if token in PREDICATES:
            return PREDICATES[token].label
        if token in sources:  # a source id never reaches a student: its author and year do
            return short_citation(sources[token])
        return token

    text = re.sub(r"[a-z0-9][a-z0-9_\-]*[a-z0-9]", word, topic)
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?")) else text + "."


# -- the pool and the quiz -------------------------------------------------------------------------

GENERATORS: tuple[Callable[[_Reader, random.Random], list[Question]], ...] = (
    _compare,
    _numbers,
    _structure,
    _mechanism,
    _regulation,
    _products,
    _which,
    _conflicts,
)


def _tier(value: SourceTier | str | None) -> SourceTier | None:
    if value is None or isinstance(value, SourceTier):
        return value
    try:
        return SourceTier(value)
    except ValueError:
        raise InvalidQueryError(
            f"no source tier {value!r}; the tiers are {', '.join(t.value for t in SourceTier)}"
        ) from None


def _grade(value: Grade | str | None) -> Grade | None:
    return None if value is None else resolve_grade(value)


MAX_SEED = 2**63 - 1
"""The largest quiz seed: seeds run from 0 to this, each giving its own quiz."""


def _check_seed(seed: object) -> None:
    """A seed is a whole number from 0 to :data:`MAX_SEED` (``random`` would treat ``-s`` as ``s``)."""
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise QueryTypeError(f"a seed is a whole number, not {type(seed).__name__}")
    if not 0 <= seed <= MAX_SEED:
        shown = str(seed) if abs(seed) < 10**30 else f"a number of {seed.bit_length()} bits"
        raise InvalidQueryError(f"a seed is a whole number from 0 to {MAX_SEED}, not {shown}")


def question_pool(
    kb: KnowledgeBase,
    *,
    seed: int = 0,
    min_tier: SourceTier | str | None = None,
    min_grade: Grade | str | None = DEFAULT_MIN_GRADE,
) -> tuple[Question, ...]:
    """Every distinct question the knowledge base supports (one per stem and answer), from claims
    whose statements are graded ``min_grade`` or better (``None``: any grade, as ``"D"``)."""
    _check_seed(seed)
    reader = _Reader(kb, _tier(min_tier), _grade(min_grade))
    rng = random.Random(seed)
    seen: set[tuple[str, str]] = set()
    out = []
    for generate in GENERATORS:
        for q in generate(reader, rng):
            if q.key not in seen:
                seen.add(q.key)
                out.append(q)
    return tuple(out)


def make_quiz(
    kb: KnowledgeBase,
    n: int = 10,
    seed: int = 0,
    *,
    min_tier: SourceTier | str | None = None,
    min_grade: Grade | str | None = DEFAULT_MIN_GRADE,
) -> QuizReport:
    """``n`` well-posed questions, reproducible from ``seed``, balanced across kinds and topics.

    No more than a quarter of the quiz (at least one question) comes from one kind or one
    topic, and no stem repeats with the same answer. When fewer can be made, the report says how
    many and why. ``min_grade`` (default C: reference works or better) keeps questions
    whose statements have that grade or better (``"D"`` or ``None``: every grade); ``min_tier``
    keeps questions whose claims have a source of that tier or better. Both may be given.
    """
    if isinstance(n, bool) or not isinstance(n, int) or isinstance(seed, bool) or not isinstance(seed, int):
        raise QueryTypeError("n and seed are whole numbers")
    if not 1 <= n <= 1000:
        raise InvalidQueryError(f"n is between 1 and 1000, not {n}")
    _check_seed(seed)
    grade = _grade(min_grade)
    tier = _tier(min_tier)
    pool = list(question_pool(kb, seed=seed, min_tier=tier, min_grade=grade))
    rng = random.Random(seed)
    rng.shuffle(pool)
    cap = max(1, n // 4)
    kinds: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    chosen: list[Question] = []
    stems: set[str] = set()
    facts: set[frozenset[str]] = set()
    # round-robin over kinds, so a short quiz still mixes them
    by_kind: dict[str, list[Question]] = defaultdict(list)
    for q in pool:
        by_kind[q.kind.value].append(q)
    order = sorted(by_kind, key=lambda k: rng.random())
    progress = True
    while len(chosen) < n and progress:
        progress = False
        for kind in order:
            bucket = by_kind[kind]
            while bucket and len(chosen) < n:
                q = bucket.pop()
                if kinds[kind] >= cap or topics[q.topic] >= cap or q.stem in stems:
                    continue
                if frozenset(q.claims) in facts:  # the same fact asked twice gives itself away
                    continue
                chosen.append(q)
                kinds[kind] += 1
                topics[q.topic] += 1
                stems.add(q.stem)
                facts.add(frozenset(q.claims))
                progress = True
                break
    shortfall = None
    if len(chosen) < n:
        shortfall = (
            f"made {len(chosen)} of {n} questions: the knowledge base supports {len(pool)} distinct "
            f"well-posed questions over {len(by_kind) if pool else 0} kinds"
            f"{' at grade ' + grade.value + ' or better' if grade and grade is not Grade.D else ''}"
            f"{' at tier ' + tier.value + ' or better' if tier else ''}, and no more "
            f"than a quarter of a quiz ({cap}) may come from one kind or topic, and no fact is "
            "asked twice"
        )
    return QuizReport(questions=tuple(chosen), asked=n, available=len(pool), shortfall=shortfall)


# -- exports -------------------------------------------------------------------------------------


def to_text(questions: Iterable[Question], *, key: bool = True) -> str:
    """The questions, lettered, then an answer key with explanations and citations."""
    questions = list(questions)
    lines = []
    for number, q in enumerate(questions, 1):
        lines.append(f"{number}. {q.stem}")
        lines += [f"   {'ABCDEF'[i]}. {o}" for i, o in enumerate(q.options)]
        lines.append("")
    if key:
        lines += ["Answer key", ""]
        for number, q in enumerate(questions, 1):
            lines.append(f"{number}. {'ABCDEF'[q.answer]} ({q.answer_text}). {q.explanation}")
    lines += ["", "ketref is an educational reference, not clinical guidance."]
    return "\n".join(lines) + "\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def to_markdown(questions: Iterable[Question], *, key: bool = True) -> str:
    """The text export as Markdown: every line kept (hard breaks), and every character Markdown
    would read as markup escaped, so a SMILES string such as ``[C@@H](O)`` is not a link."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", to_text(questions, key=key))
    return text.replace("\n", "  \n")


_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def _gift(text: str) -> str:
    return _GIFT_SPECIAL.sub(r"\\\1", text.replace("\n", " "))


def to_gift(questions: Iterable[Question]) -> str:
    """Moodle GIFT: one question per block, the right option marked ``=``, feedback after ``#``."""
    blocks = []
    for number, q in enumerate(questions, 1):
        title = f"::ketref {number} ({q.kind.value})::"
        if q.kind is QuestionKind.CONFLICT:
            truth = "T" if q.answer_text == "True" else "F"
            blocks.append(f"{title}{_gift(q.stem)} {{{truth}#{_gift(q.explanation)}}}")
            continue
        options = [
            ("=" if i == q.answer else "~") + _gift(o) + (f"#{_gift(q.explanation)}" if i == q.answer else "")
            for i, o in enumerate(q.options)
        ]
        blocks.append(f"{title}{_gift(q.stem)} {{\n  " + "\n  ".join(options) + "\n}")
    return "// ketref quiz: educational material, not clinical guidance.\n\n" + "\n\n".join(blocks) + "\n"
