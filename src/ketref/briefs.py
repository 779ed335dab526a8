"""The compare brief: two entities side by side on one screen, in the order a lecturer compares them.

Sections: identity, targets, mechanism, pharmacokinetics, clinical use, safety. Each holds the
statements that compare the two directly first (read from the first entity's side), then the
best-graded statements of each alone. Every line is a graded statement from
:mod:`ketref.statements`; the full listing stays available as ``ketref compare --detail``.
"""

from __future__ import annotations

import textwrap
from itertools import zip_longest
from typing import TYPE_CHECKING

from ketref.grades import resolve_tier
from ketref.humanize import entity_phrase, sentence_case
from ketref.models._base import FrozenModel, Id
from ketref.profiles import (
    ADVERSE,
    CLINICAL,
    MECHANISM,
    MECHANISM_KINDS,
    PK,
    REGULATION,
    TARGET_PREDICATES,
    Section,
    _fact,
    profile,
)
from ketref.queries.orientation import Reading
from ketref.statements import Statement, combine, synthesized
from ketref.vocabulary import SourceTier

if TYPE_CHECKING:
    from ketref.kb import EntityQuery, KnowledgeBase

__all__ = ["BRIEF_SECTIONS", "Brief", "brief", "brief_text"]

BRIEF_SECTIONS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Targets", TARGET_PREDICATES),
    ("Mechanism", MECHANISM | frozenset({"acts_through"})),
    ("Pharmacokinetics", PK),
    ("Clinical use", CLINICAL | REGULATION),
    ("Safety", ADVERSE),
)
"""The sections after identity, with the predicates (read from each entity's side) each takes."""


class BriefSection(Section):
    """A section of a brief: its first ``compared`` statements compare the two entities (directly,
    or as one line with a value for each); the rest are about one of them."""

    compared: int = 0


class Brief(FrozenModel):
    """Two entities compared: identity first, then the sections of :data:`BRIEF_SECTIONS`."""

    a: Id
    b: Id
    title: str
    min_tier: SourceTier | None = None
    sections: tuple[BriefSection, ...]


def _fits(kb: KnowledgeBase, title: str, reading: Reading) -> bool:
    """Targets take only targets; the other sections take no targets (they are under Targets)."""
    kind = kb.entities[reading.object].kind
    if title == "Targets":
        return kind.value == "target"
    if title == "Mechanism":
        return kind in MECHANISM_KINDS
    if title == "Clinical use" and reading.predicate in MECHANISM:
        return kind not in MECHANISM_KINDS and kind.value != "target"
    return kind.value != "target"


def _direct(kb: KnowledgeBase, a: str, b: str, title: str, predicates: frozenset[str]) -> list[Reading]:
    """Readings of ``a`` compared with ``b`` (either stated so, or read from ``b``'s claims)."""
    return [
        r
        for r in kb.readings(subject=a)
        if r.comparator == b and r.predicate in predicates and _fits(kb, title, r)
    ]


def _alone(kb: KnowledgeBase, entity: str, title: str, predicates: frozenset[str]) -> list[Reading]:
    return [
        r
        for r in kb.readings(subject=entity)
        if r.comparator is None
        and r.predicate in predicates
        and r.claim.subject == entity
        and _fits(kb, title, r)
    ]


def _graded(
    kb: KnowledgeBase, readings: list[Reading], tier: SourceTier | None, *, by_topic: bool = False
) -> list[Statement]:
    """Statements best grade first; with ``by_topic``, those about the most-discussed object
    first (the NMDA receptor before HCN1), then by grade."""
    found = []
    for s, kept in synthesized(kb, readings, min_tier=tier):
        weight = len(kb.readings(subject=kept[0].object)) if by_topic else 0
        found.append((-weight, -(s.grade.rank if s.grade else 0), s))
    return [s for *_, s in sorted(found, key=lambda t: (t[0], t[1]))]


def _pk_lines(
    kb: KnowledgeBase, a: str, b: str, tier: SourceTier | None
) -> tuple[list[Statement], list[Statement], set[str]]:
    """Pharmacokinetics as one line per parameter and route, with the values of each entity that
    has them: ``Elimination half-life (intravenous): esketamine 5.2 h; arketamine 6.1 h``. Lines
    with values for both come first; then the claims they use (left out of the other lines)."""
    from ketref.humanize import summarize_values
    from ketref.models.readings import Reading

    sides: dict[tuple[str, str], dict[str, Statement]] = {}
    used: set[str] = set()
    for entity in (a, b):
        groups: dict[tuple[str, str], list[Reading]] = {}
        for claim in kb.claims(subject=entity, predicate="has_parameter"):
            if claim.subject == entity and claim.comparison is None and claim.values:
                groups.setdefault((claim.object, claim.context.route or ""), []).append(Reading.of(claim))
        for key, readings in groups.items():
            found = synthesized(kb, readings, min_tier=tier)
            if not found:
                continue
            statement, kept = found[0]
            values = summarize_values([v for r in kept for v in r.claim.values])
            sides.setdefault(key, {})[entity] = statement.model_copy(update={"text": values})
            used.update(statement.claims)
    both: list[Statement] = []
    one: list[Statement] = []
    for (parameter, route), per_entity in sides.items():
        head = sentence_case(entity_phrase(kb, parameter, article=False))
        head += f" ({entity_phrase(kb, route, article=False)})" if route else ""
        parts = [(e, per_entity[e]) for e in (a, b) if e in per_entity]
        grades = [s.grade for _, s in parts if s.grade is not None]
        statement = combine(  # as good as its weaker side
            f"{head}: " + "; ".join(f"{entity_phrase(kb, e, article=False)} {s.text}" for e, s in parts),
            [s for _, s in parts],
            min(grades, key=lambda g: g.rank) if grades else None,
        )
        (both if len(parts) == 2 else one).append(statement)
    rank = lambda s: -(s.grade.rank if s.grade else 0)  # noqa: E731
    return sorted(both, key=rank), sorted(one, key=rank), used


def _identity(kb: KnowledgeBase, a: str, b: str) -> list[Statement]:
    lines = []
    for entity_id in (a, b):
        p = profile(kb, entity_id)
        facts = [s.text for s in p.sections[0].statements]
        entity = kb.entities[entity_id]
        formula = next(
            (f.split(";")[0].removeprefix("Formula ") for f in facts if f.startswith("Formula")), ""
        )
        cip = next((f.removeprefix("CIP label: ").rstrip(".") for f in facts if f.startswith("CIP")), "")
        form = getattr(entity, "stereo_form", None)
        words = [f"{entity.name}: {entity.description.rstrip('.')}"]
        detail = ", ".join(x for x in (form.value if form else "", cip, formula) if x)
        if detail:
            words.append(f"({detail})")
        lines.append(_fact(" ".join(words)))
    try:
        from ketref.chem.relations import enantiomer

        if enantiomer(kb, kb.entities[a]).id == b:
            lines.append(_fact("They are enantiomers: mirror images that cannot be superimposed."))
    except Exception:  # no structure, or achiral: no enantiomer line
        pass
    return lines


def brief(
    kb: KnowledgeBase, a: EntityQuery, b: EntityQuery, *, min_tier: SourceTier | str | None = None
) -> Brief:
    """The brief comparison of ``a`` with ``b``."""
    from ketref.errors import InvalidQueryError

    tier = resolve_tier(min_tier) if min_tier is not None else None
    first, second = kb.get(a), kb.get(b)
    if first.id == second.id:
        raise InvalidQueryError(f"compare needs two different entities; both name {first.id!r}")
    sections = [BriefSection(title="Identity", statements=tuple(_identity(kb, first.id, second.id)))]
    for title, predicates in BRIEF_SECTIONS:
        topical = title == "Targets"
        direct = _graded(kb, _direct(kb, first.id, second.id, title, predicates), tier, by_topic=topical)
        paired: list[Statement] = []
        single: list[Statement] = []
        used: set[str] = set()
        if title == "Pharmacokinetics":
            paired, single, used = _pk_lines(kb, first.id, second.id, tier)
        own = [
            _graded(
                kb,
                [r for r in _alone(kb, e, title, predicates) if r.claim.id not in used],
                tier,
                by_topic=topical,
            )
            for e in (first.id, second.id)
        ]
        statements = tuple(
            dict.fromkeys(
                direct + paired + single + [s for pair in zip_longest(*own) for s in pair if s is not None]
            )
        )
        compared = len(dict.fromkeys(direct + paired))
        sections.append(BriefSection(title=title, statements=statements, compared=compared))
    name_a = entity_phrase(kb, first.id, article=False)
    name_b = entity_phrase(kb, second.id, article=False)
    return Brief(
        a=first.id,
        b=second.id,
        title=f"In brief: {name_a} compared with {name_b}",
        min_tier=tier,
        sections=tuple(sections),
    )


LINES_PER_STATEMENT = 3
"""A statement longer than this many lines is cut with "…" (``--detail`` has it whole)."""


def _line(statement: Statement, width: int) -> list[str]:
    if statement.grade is None:
        return textwrap.wrap(statement.text, width, initial_indent="  ", subsequent_indent="  ")
    cited = list(dict.fromkeys(c.short for c in statement.citations))
    shown = cited[0] + (f" +{len(cited) - 1}" if len(cited) > 1 else "") if cited else ""
    text = f"{statement.text}{statement.mark}" + (f" [{shown}]" if shown else "")
    lines = textwrap.wrap(text, width, initial_indent=f"  {statement.grade.value} ", subsequent_indent="    ")
    if len(lines) > LINES_PER_STATEMENT:
        lines = lines[:LINES_PER_STATEMENT]
        last = lines[-1]
        lines[-1] = (last if len(last) < width else last[: last.rfind(" ")]) + " …"
    return lines


def _score(statement: Statement, comparative: bool) -> float:
    """How much a line earns its place: its grade (A 3 … D 0; a fact 3), and 1.5 more for a line
    that compares the two, so a graded comparison comes before a statement about one alone."""
    grade = statement.grade.rank if statement.grade is not None else 3
    return grade + (1.5 if comparative else 0.0)


def brief_text(found: Brief, *, width: int = 100, budget: int = 54) -> str:
    """The brief as text of at most ``budget`` lines (the CLI adds a disclaimer line).

    Identity is printed whole; every other section gets its first line; the lines left go to the
    best statements of any section: graded comparisons first (:func:`_score`), then by grade.
    Each section keeps its own order and says in its heading how many statements it leaves out.
    """
    head = [sentence_case(found.title), ""]
    tail = ["", "Grades A–D: see docs/sources.md. The full listing: ketref compare --detail."]
    sections = [s for s in found.sections if s.statements]
    room = budget - len(head) - len(tail) - len(sections)  # a heading each
    wrapped = {
        (i, j): _line(statement, width)
        for i, s in enumerate(sections)
        for j, statement in enumerate(s.statements)
    }
    chosen: set[tuple[int, int]] = set()
    used = 0

    def take(key: tuple[int, int]) -> None:
        nonlocal used
        if key not in chosen and used + len(wrapped[key]) <= room:
            chosen.add(key)
            used += len(wrapped[key])

    for i, section in enumerate(sections):  # identity whole, then a first line for every section
        for j in range(len(section.statements) if section.title == "Identity" else 1):
            take((i, j))
    ranked = sorted(
        wrapped,
        key=lambda k: (-_score(sections[k[0]].statements[k[1]], k[1] < sections[k[0]].compared), k),
    )
    for key in ranked:
        take(key)
    body: list[str] = []
    for i, section in enumerate(sections):
        shown = sorted(j for n, j in chosen if n == i)
        left = len(section.statements) - len(shown)
        body.append(section.title + (f" (+{left} more)" if left else ""))
        for j in shown:
            body += wrapped[(i, j)]
    return "\n".join(head + body + tail) + "\n"
