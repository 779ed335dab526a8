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
from ketref.statements import Statement, synthesized
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


class Brief(FrozenModel):
    """Two entities compared: identity first, then the sections of :data:`BRIEF_SECTIONS`."""

    a: Id
    b: Id
    title: str
    min_tier: SourceTier | None = None
    sections: tuple[Section, ...]


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
    sections = [Section(title="Identity", statements=tuple(_identity(kb, first.id, second.id)))]
    for title, predicates in BRIEF_SECTIONS:
        topical = title == "Targets"
        direct = _graded(kb, _direct(kb, first.id, second.id, title, predicates), tier, by_topic=topical)
        own = [
            _graded(kb, _alone(kb, e, title, predicates), tier, by_topic=topical)
            for e in (first.id, second.id)
        ]
        statements = direct + [s for pair in zip_longest(*own) for s in pair if s is not None]
        sections.append(Section(title=title, statements=tuple(dict.fromkeys(statements))))
    name_a = entity_phrase(kb, first.id, article=False)
    name_b = entity_phrase(kb, second.id, article=False)
    return Brief(
        a=first.id,
        b=second.id,
        title=f"In brief: {name_a} compared with {name_b}",
        min_tier=tier,
        sections=tuple(sections),
    )


def _line(statement: Statement, width: int) -> list[str]:
    if statement.grade is None:
        return textwrap.wrap(statement.text, width, initial_indent="  ", subsequent_indent="  ")
    cited = [c.short for c in statement.citations]
    shown = "; ".join(dict.fromkeys(cited[:2])) + (f" +{len(set(cited)) - 2}" if len(set(cited)) > 2 else "")
    flag = statement.mark
    text = f"{statement.text}{flag} [{shown}]" if shown else statement.text + flag
    return textwrap.wrap(text, width, initial_indent=f"  {statement.grade.value} ", subsequent_indent="    ")


def brief_text(found: Brief, *, width: int = 100, budget: int = 54) -> str:
    """The brief as text of at most ``budget`` lines (the CLI adds a disclaimer line): each
    section gets an equal share, its best statements first, and says how many more there are."""
    head = [sentence_case(found.title), ""]
    tail = ["", "Grades A–D: see docs/sources.md. The full listing: ketref compare --detail."]
    sections = [s for s in found.sections if s.statements]
    room = budget - len(head) - len(tail)
    share = max(3, room // max(1, len(sections)))
    body: list[str] = []
    for n, section in enumerate(sections):
        left = (
            room - len(body) - (len(sections) - n - 1) * 2
        )  # keep at least a title and a line for later ones
        limit = min(share, left) - 1
        lines: list[str] = []
        shown = 0
        for statement in section.statements:
            wrapped = _line(statement, width)
            if len(lines) + len(wrapped) > limit - (1 if shown < len(section.statements) - 1 else 0):
                break
            lines += wrapped
            shown += 1
        if shown < len(section.statements):
            lines.append(f"    (+{len(section.statements) - shown} more)")
        body += [section.title, *lines]
    return "\n".join(head + body + tail) + "\n"
