"""Teaching materials generated from the knowledge base: fact sheets, a glossary, flashcards and
multiple-choice questions. Every answer cites the claim and source it comes from.

Educational material, not clinical guidance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ketref.models._base import FrozenModel, Id
from ketref.quiz import Question
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


def quiz(
    kb: KnowledgeBase,
    n: int = 10,
    seed: int = 0,
    *,
    min_tier: str | None = None,
    min_grade: str | None = None,
) -> tuple[Question, ...]:
    """``n`` well-posed multiple-choice questions, reproducible from ``seed`` (see :mod:`ketref.quiz`).

    Fewer come back when the knowledge base cannot support ``n`` balanced questions; use
    :func:`ketref.quiz.make_quiz` for the reason.
    """
    from ketref.quiz import make_quiz

    return make_quiz(kb, n, seed, min_tier=min_tier, min_grade=min_grade).questions
