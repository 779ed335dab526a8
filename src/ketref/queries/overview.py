"""Questions a teacher asks across claims: adverse effects by source count, what only one source says."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ketref.models.claims import Claim
from ketref.models.results import EffectReport
from ketref.queries.conflicts import canonical

__all__ = ["adverse_effect_reports", "unique_to_source"]


def adverse_effect_reports(claims: Iterable[Claim]) -> tuple[EffectReport, ...]:
    """One report per adverse effect that some claim asserts (denials and comparisons left out),
    most widely reported first; effects reported of the compound named without a form (inherited
    claims) come after, in their own reports (``said_without_form``)."""
    by_effect: dict[tuple[bool, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.negated or claim.comparison is not None:
            continue
        inherited = getattr(claim, "shown_for", None) is not None
        if claim.predicate == "has_adverse_effect":
            by_effect[(inherited, claim.object)].append(claim)
        elif claim.predicate == "adverse_effect_of":
            by_effect[(inherited, claim.subject)].append(claim)
    reports = [
        EffectReport(
            effect=effect,
            sources=tuple(dict.fromkeys(s for c in found for s in c.sources)),
            frequencies=tuple(sorted({c.context.frequency for c in found if c.context.frequency})),
            settings=tuple(sorted({c.context.setting for c in found if c.context.setting})),
            claims=tuple(found),
            said_without_form=inherited,
        )
        for (inherited, effect), found in by_effect.items()
    ]
    return tuple(sorted(reports, key=lambda r: (r.said_without_form, -r.source_count, r.effect)))


def _statement(claim: Claim) -> tuple[object, ...]:
    """What a claim says, the same however it is worded: predicate pairs and comparison sides folded."""
    c = claim.comparison
    if c is None:
        return (*canonical(claim), claim.negated, None)
    if claim.subject <= c.comparator:
        first, second, direction = claim.subject, c.comparator, c.direction
    else:
        first, second, direction = c.comparator, claim.subject, c.direction.flipped
    return (first, claim.predicate, claim.object, claim.negated, (second, c.aspect, direction))


def unique_to_source(claims: Iterable[Claim], source_id: str) -> tuple[Claim, ...]:
    """Claims resting on ``source_id`` whose statement no other source makes (same subject,
    predicate, object, negation and comparison, read either way round)."""
    claims = tuple(claims)
    elsewhere = {_statement(c) for c in claims if any(s != source_id for s in c.sources)}
    return tuple(c for c in claims if source_id in c.sources and _statement(c) not in elsewhere)
