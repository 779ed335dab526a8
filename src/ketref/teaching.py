"""Teaching materials generated from the knowledge base: fact sheets, a glossary, flashcards and
multiple-choice questions. Every answer cites the claim and source it comes from.

Educational material, not clinical guidance.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from ketref.models._base import FrozenModel, Id
from ketref.vocabulary import PREDICATES, Status

if TYPE_CHECKING:
    from ketref.kb import EntityQuery, KnowledgeBase

__all__ = ["Flashcard", "Question", "factsheet", "flashcards", "glossary", "quiz", "to_anki"]

# predicates that make a good question ("Which of these ... ?" with a single entity answer) say so
# on their row: ``Predicate.quiz`` in ketref.vocabulary


class Flashcard(FrozenModel):
    """A front and a back, with the claim and source behind the back."""

    front: str
    back: str
    claim: Id
    source: Id


class Question(FrozenModel):
    """A multiple-choice question with one correct option, backed by the claim it cites."""

    stem: str
    options: tuple[str, ...]
    answer: int
    claim: Id
    source: Id
    quote: str

    @property
    def answer_text(self) -> str:
        """The correct option."""
        return self.options[self.answer]


def factsheet(kb: KnowledgeBase, entity: EntityQuery) -> str:
    """A Markdown fact sheet: names, identifiers, and every claim stated of the entity, cited."""
    found = kb.get(entity)
    lines = [f"# {found.name}", "", f"*{found.kind.value}*: {found.description}", ""]
    if found.synonyms:
        lines += [f"**Also called:** {', '.join(found.synonyms)}", ""]
    if found.xrefs:
        lines += ["**Identifiers:** " + ", ".join(f"`{x.curie}`" for x in found.xrefs), ""]
    claims = [c for c in kb.claims(found) if c.subject == found.id]
    if claims:
        lines += ["## What the sources say", ""]
        notes = []
        for claim in claims:
            notes.append(claim)
            lines.append(f"- {claim.sentence()} ({claim.status.value}) [{len(notes)}]")
        lines += ["", "## Sources", ""]
        for n, claim in enumerate(notes, 1):
            source = kb.source(claim.evidence[0].source)
            lines.append(f"{n}. {source.title}: “{claim.evidence[0].quote}”")
    lines += ["", "*ketref is an educational reference, not clinical guidance.*"]
    return "\n".join(lines) + "\n"


def glossary(kb: KnowledgeBase) -> str:
    """Every entity's name and one-line description, alphabetically, in Markdown."""
    entries = sorted(kb.entities.values(), key=lambda e: e.name.casefold())
    lines = ["# Glossary", ""]
    for e in entries:
        also = f" (also: {', '.join(e.synonyms[:3])})" if e.synonyms else ""
        lines.append(f"**{e.name}**{also}: {e.description}")
        lines.append("")
    return "\n".join(lines)


def _candidates(kb: KnowledgeBase) -> list[tuple[str, str, str, str]]:
    """(claim id, subject, predicate, answer) for every claim that can become a question."""
    out = []
    for claim in kb.all_claims():
        if (
            PREDICATES[claim.predicate].quiz
            and not claim.negated
            and claim.comparison is None
            and claim.status is not Status.UNKNOWN  # an open question is not an answer (#13)
        ):
            out.append((claim.id, claim.subject, claim.predicate, claim.object))
    return out


def flashcards(kb: KnowledgeBase) -> tuple[Flashcard, ...]:
    """One card per question-worthy claim: the front asks, the back answers with its source."""
    cards = []
    for claim_id, subject, predicate, answer in _candidates(kb):
        claim = kb.claim(claim_id)
        source = kb.source(claim.evidence[0].source)
        front = f"{kb.entities[subject].name} {PREDICATES[predicate].label} …?"
        back = f"{kb.entities[answer].name} (according to {source.title}: “{claim.evidence[0].quote}”)"
        cards.append(Flashcard(front=front, back=back, claim=claim_id, source=source.id))
    return tuple(cards)


def to_anki(cards: tuple[Flashcard, ...]) -> str:
    """Cards as tab-separated text that Anki imports (front, back, tags)."""
    lines = ["#separator:tab", "#html:false", "#tags column:3"]
    for card in cards:
        front, back = (t.replace("\t", " ").replace("\n", " ") for t in (card.front, card.back))
        lines.append(f"{front}\t{back}\tketref {card.source}")
    return "\n".join(lines) + "\n"


def quiz(kb: KnowledgeBase, n: int = 10, seed: int = 0) -> tuple[Question, ...]:
    """``n`` multiple-choice questions, reproducible from ``seed``.

    The answer is the object of the claim cited; the three distractors are entities of the same
    kind that no claim gives as an answer to the same question, so no distractor is also true
    according to the knowledge base.
    """
    from ketref.errors import InvalidQueryError, QueryTypeError

    if isinstance(n, bool) or not isinstance(n, int) or isinstance(seed, bool) or not isinstance(seed, int):
        raise QueryTypeError("n and seed are whole numbers")
    if not 1 <= n <= 500:
        raise InvalidQueryError(f"n is between 1 and 500, not {n}")
    rng = random.Random(seed)
    candidates = _candidates(kb)
    rng.shuffle(candidates)
    questions = []
    for claim_id, subject, predicate, answer in candidates:
        kind = kb.entities[answer].kind
        # anything a claim says of the subject under this predicate, read any way round
        true_answers = {
            r.object for r in kb.readings(subject=subject, predicate=predicate) if not r.claim.negated
        }
        pool = sorted(e.id for e in kb.entities.values() if e.kind is kind and e.id not in true_answers)
        if len(pool) < 3:
            continue
        options = [answer, *rng.sample(pool, 3)]
        rng.shuffle(options)
        claim = kb.claim(claim_id)
        questions.append(
            Question(
                stem=f"According to {kb.source(claim.evidence[0].source).title}, "
                f"{kb.entities[subject].name} {PREDICATES[predicate].label} which of these?",
                options=tuple(kb.entities[o].name for o in options),
                answer=options.index(answer),
                claim=claim_id,
                source=claim.evidence[0].source,
                quote=claim.evidence[0].quote,
            )
        )
        if len(questions) == n:
            break
    return tuple(questions)
