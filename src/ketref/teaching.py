"""Teaching materials generated from the knowledge base: a glossary, flashcards and
multiple-choice questions. Every answer cites the claim and source it comes from.

Educational material, not clinical guidance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ketref.models._base import FrozenModel, Id
from ketref.quiz import Question

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase
    from ketref.models.claims import Claim

__all__ = ["Flashcard", "Question", "flashcards", "glossary", "quiz", "to_anki"]

# predicates that make a good question ("Which of these ... ?" with a single entity answer) say so
# on their row: ``Predicate.quiz`` in ketref.vocabulary


class Flashcard(FrozenModel):
    """One card: a basic card (``front`` asks, ``back`` answers) or a cloze card (``front`` holds the
    sentence with ``{{c1::...}}`` gaps, ``back`` the citation). ``guid`` is stable: the same fact
    gives the same id in every run, so a re-import into Anki updates the card instead of adding one.
    ``claim`` and ``source`` are the first of the claims behind it."""

    guid: str
    notetype: Literal["Basic", "Cloze"]
    front: str
    back: str
    claims: tuple[Id, ...]
    tags: tuple[str, ...] = ()
    claim: Id
    source: Id


def glossary(kb: KnowledgeBase) -> str:
    """Every entity's name and one-line description, alphabetically, in Markdown."""
    entries = sorted(kb.entities.values(), key=lambda e: e.name.casefold())
    lines = ["# Glossary", ""]
    for e in entries:
        also = f" (also: {', '.join(e.synonyms[:3])})" if e.synonyms else ""
        lines.append(f"**{e.name}**{also}: {e.description}")
        lines.append("")
    return "\n".join(lines)


# "Which ... ?" fronts for the facts a card lists, by predicate
_CARD_FRONT = {
    "binds": "What does {s} bind?",
    "antagonist_of": "What is {s} an antagonist of?",
    "agonist_of": "What is {s} an agonist of?",
    "inhibits": "What does {s} inhibit?",
    "has_effect": "What effects does {s} have?",
    "has_adverse_effect": "What adverse effects does {s} have?",
    "treats": "What is {s} used to treat (as the sources claim)?",
    "approved_for": "What is {s} approved for?",
    "administered_via": "By which routes is {s} given?",
    "has_active_ingredient": "What is the active ingredient of {s}?",
    "metabolized_to": "What is {s} metabolised to?",
    "metabolized_by": "Which enzymes metabolise {s}?",
    "controlled_in": "How is {s} controlled by law?",
}


def _by(reader: Any, claims: list[Claim]) -> str:
    return ", ".join(sorted({reader.short(s) for c in claims for s in c.sources}))


def _guid(*key: str) -> str:
    import hashlib

    return "ketref-" + hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:16]


def _cite_short(kb: KnowledgeBase, claims: list[Claim]) -> str:
    from html import escape

    parts = []
    for claim in claims[:3]:
        source = kb.source(claim.evidence[0].source)
        parts.append(f"{escape(source.title)} [{source.effective_tier.value}]")
    more = f" and {len(claims) - 3} more" if len(claims) > 3 else ""
    return "Sources: " + "; ".join(dict.fromkeys(parts)) + more


def flashcards(
    kb: KnowledgeBase, *, min_tier: str | None = None, min_grade: str | None = None
) -> tuple[Flashcard, ...]:
    """Learnable cards, one per fact, every front different.

    - list cards: everything the sources say of one subject under one predicate merges into one
      card whose back lists the answers ("What adverse effects does Spravato have?");
    - cloze cards for numbers (Ki, half-life, bioavailability by route, strengths) and names
      (which enantiomer is stronger, which CIP label an enantiomer has, what a product contains);
    - comparison cards for every pair of forms the sources compare.

    Open questions and negated claims are never an answer. ``min_tier`` keeps facts with a source
    of that tier or better, ``min_grade`` (``"A"`` to ``"D"``; default every grade) facts whose
    statements have that grade or better.
    """
    from html import escape

    from ketref.quiz import QuestionKind, question_pool
    from ketref.quiz import _grade as parse_grade
    from ketref.quiz import _Reader as Reader  # the quiz's reading of names and tiers
    from ketref.quiz import _tier as parse_tier

    grade = parse_grade(min_grade)
    reader = Reader(kb, parse_tier(min_tier), grade)
    cards: dict[str, Flashcard] = {}

    def add(
        notetype: str, front: str, back: str, claims: list[Claim], tags: tuple[str, ...], *key: str
    ) -> None:
        if front in cards or not claims:
            return
        cards[front] = Flashcard(
            guid=_guid(notetype, *key),
            notetype="Cloze" if notetype == "Cloze" else "Basic",
            front=front,
            back=back,
            claims=tuple(dict.fromkeys(c.id for c in claims)),
            tags=tags,
            claim=claims[0].id,
            source=claims[0].evidence[0].source,
        )

    # list cards: one per subject and predicate
    groups: dict[tuple[str, str], list[Claim]] = {}
    for claim in reader.claims:
        if claim.predicate in _CARD_FRONT and not claim.negated and claim.comparison is None:
            groups.setdefault((claim.subject, claim.predicate), []).append(claim)
    for (subject, predicate), claims in sorted(groups.items()):
        answers: dict[str, list[Claim]] = {}
        for claim in claims:
            answers.setdefault(claim.object, []).append(claim)
        front = escape(_CARD_FRONT[predicate].format(s=reader.lname(subject)))
        front = front[:1].upper() + front[1:]
        items = "".join(
            f"<li>{escape(reader.name(obj))} <small>({escape(_by(reader, cs))})</small></li>"
            for obj, cs in sorted(answers.items(), key=lambda kv: reader.name(kv[0]).casefold())
        )
        add("Basic", front, f"<ul>{items}</ul>", claims, ("ketref", subject, predicate), subject, predicate)

    # cloze and comparison cards from the well-posed questions' facts
    for q in question_pool(kb, min_tier=min_tier, min_grade=grade):
        claims = [kb.claim(c) for c in q.claims]
        back = _cite_short(kb, claims)
        subject = q.subject or ""
        if q.kind is QuestionKind.NUMBER:
            stem = q.stem.split(", ", 1)[1] if q.stem.startswith("According to") else q.stem
            stem = stem[:1].upper() + stem[1:]
            text = f"{escape(stem.rstrip('?'))}: {{{{c1::{escape(q.answer_text)}}}}}"
            add("Cloze", text, back, claims, ("ketref", subject, "number"), "number", stem, q.answer_text)
        elif q.kind is QuestionKind.COMPARE and q.unit != "fold":
            stem = q.stem.split(", ", 1)[1] if q.stem.startswith("According to") else q.stem
            stem = stem[:1].upper() + stem[1:]
            add(
                "Basic",
                escape(stem),
                f"{escape(q.answer_text)}<br>{back}",
                claims,
                ("ketref", "compare"),
                stem,
            )
        elif q.kind is QuestionKind.COMPARE:
            stem = q.stem.split(", ", 1)[1] if q.stem.startswith("According to") else q.stem
            add(
                "Basic",
                escape(stem[:1].upper() + stem[1:]),
                f"{escape(q.answer_text)}<br>{back}",
                claims,
                ("ketref", "compare"),
                stem,
            )
        elif q.topic == "structure:smiles":
            text = f"{escape(reader.name(subject))} in SMILES: {{{{c1::{escape(q.answer_text)}}}}}"
            add(
                "Cloze",
                text,
                back + "<br>Written by RDKit from the recorded structure.",
                claims,
                ("ketref", subject, "structure"),
                "smiles",
                subject,
            )
        elif q.kind is QuestionKind.STRUCTURE and "configuration" in q.stem:
            text = f"{escape(reader.name(subject))} has the {{{{c1::{escape(q.answer_text)}}}}} configuration"
            add(
                "Cloze",
                text,
                back + "<br>Computed by RDKit from the recorded structure.",
                claims,
                ("ketref", subject, "structure"),
                "cip",
                subject,
            )
        elif q.kind is QuestionKind.STRUCTURE:
            label = q.stem.split("(")[1].split(")")[0]
            text = f"The ({label}) enantiomer of ketamine is {{{{c1::{escape(q.answer_text)}}}}}"
            add("Cloze", text, back, claims, ("ketref", subject, "structure"), "enantiomer", label)
        elif q.kind is QuestionKind.REGULATION:
            stem = q.stem.split(", ", 1)[1] if q.stem.startswith("According to") else q.stem
            text = f"{escape(stem.rstrip('?'))}: {{{{c1::{escape(q.answer_text)}}}}}"
            add(
                "Cloze",
                text[:1].upper() + text[1:],
                back,
                claims,
                ("ketref", subject, "regulation"),
                "year",
                stem,
            )
    # products and their ingredients, as names to recall
    for claim in reader.claims:
        if claim.predicate == "has_active_ingredient" and not claim.negated:
            gap = "{{c1::" + escape(reader.lname(claim.object)) + "}}"
            text = f"{escape(reader.name(claim.subject))} contains {gap}"
            add(
                "Cloze",
                text,
                _cite_short(kb, [claim]),
                [claim],
                ("ketref", claim.subject, "product"),
                "ingredient",
                claim.subject,
                claim.object,
            )
    return tuple(cards.values())


ANKI_HEADERS = (
    "#separator:tab",
    "#html:true",
    "#guid column:1",
    "#notetype column:2",
    "#deck:ketref",
    "#tags column:5",
    "#columns:GUID\tNotetype\tFront or Text\tBack or Back Extra\tTags",
)


def to_anki(cards: tuple[Flashcard, ...]) -> str:
    """Cards as the tab-separated text Anki imports (File > Import), with the file headers Anki
    reads: a GUID column (so a re-import updates instead of duplicating), a notetype column
    (Basic or Cloze), the deck and a tags column."""

    def field(text: str) -> str:
        return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")

    lines = list(ANKI_HEADERS)
    for card in cards:
        tags = " ".join(t.replace(" ", "_") for t in card.tags)
        lines.append("\t".join(field(x) for x in (card.guid, card.notetype, card.front, card.back, tags)))
    return "\n".join(lines) + "\n"


def quiz(
    kb: KnowledgeBase,
    n: int = 10,
    seed: int = 0,
    *,
    min_tier: str | None = None,
    min_grade: str | None = "C",
) -> tuple[Question, ...]:
    """``n`` well-posed multiple-choice questions, reproducible from ``seed`` (see :mod:`ketref.quiz`),
    from statements of grade ``min_grade`` or better (default C, as :func:`ketref.quiz.make_quiz`).

    Fewer come back when the knowledge base cannot support ``n`` balanced questions; use
    :func:`ketref.quiz.make_quiz` for the reason.
    """
    from ketref.quiz import make_quiz

    return make_quiz(kb, n, seed, min_tier=min_tier, min_grade=min_grade).questions
