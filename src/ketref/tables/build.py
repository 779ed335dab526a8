"""The tables ketref generates, each built from claims at call time.

``forms`` is the comparison of the forms a seed document announced and lost ("Key Differences
Between Racemic Ketamine and S-Ketamine"), rebuilt from every source's claims.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from ketref._memo import PerKnowledgeBase
from ketref._shown import shown
from ketref.errors import InvalidQueryError, UnknownTermError
from ketref.tables.model import Cell, Segment, Table
from ketref.terms import suggest
from ketref.vocabulary import PREDICATES, SourceTier, Status

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase
    from ketref.models.readings import Reading

__all__ = ["REQUIRES", "TABLES", "applicable", "build_table", "citation"]

FORMS = ("racemic-ketamine", "esketamine", "arketamine")

# (row label, predicate, object or None for any, aspect or None for plain claims)
# in the order a lecturer compares the forms: the NMDA receptor first
FORM_ROWS: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("NMDA receptor affinity, compared", "binds", "nmda-receptor", "affinity"),
    ("NMDA receptor antagonism", "antagonist_of", "nmda-receptor", None),
    ("Sigma-1 receptor affinity, compared", "binds", "sigma-1-receptor", "affinity"),
    ("Opioid receptors", "interacts_with", "opioid-receptors", None),
    ("Antidepressant potency, compared", "has_effect", "antidepressant-effect", "potency"),
    ("Duration of antidepressant effect, compared", "has_effect", "antidepressant-effect", "duration"),
    ("Routes of administration", "administered_via", None, None),
    ("Approval", "approved_for", None, None),
    ("In clinical trials for", "in_clinical_trials_for", None, None),
    ("Side effects, compared", "has_adverse_effect", None, "incidence"),
)


def _name(kb: KnowledgeBase, entity_id: str) -> str:
    return kb.entities[entity_id].name


def _form_cell(
    kb: KnowledgeBase,
    form: str,
    predicate: str,
    obj: str | None,
    aspect: str | None,
    min_tier: SourceTier | None = None,
) -> Cell:
    """One synthesized statement per cell: the claims that say the same thing merged, the sizes
    they state read as one range, a grade mark (A–D) and a mark where a source disputes it."""
    from ketref.statements import synthesized

    readings: list[Reading] = []
    for r in kb.readings(subject=form, predicate=predicate, object=obj):
        c = r.claim.comparison
        if aspect is None:
            if c is not None and c.comparator == form:
                continue  # another form's comparison: it presupposes, not states, this form's fact
        elif c is None or c.aspect.value != aspect or r.comparator is None or r.direction is None:
            continue
        if r.comparator is not None and r.comparator not in FORMS:
            continue  # the forms table compares the forms with each other
        readings.append(r)
    found = []
    for statement, kept in synthesized(kb, readings, min_tier=min_tier):
        text = _cell_phrase(kb, kept, with_object=obj is None)
        text += statement.mark
        grade = statement.grade.value if statement.grade else "–"
        found.append(
            (-(statement.grade.rank if statement.grade else 0), f"{grade}: {text}", statement.claims)
        )
    found.sort(key=lambda t: t[0])
    return Cell.of([Segment(text=text, claims=claims) for _, text, claims in found])


def _cell_phrase(kb: KnowledgeBase, group: list[Reading], *, with_object: bool) -> str:
    """A short phrase for a table cell: the object (for plain rows), or the comparison with the
    measured values but without the list of stated sizes."""
    from ketref.humanize import entity_phrase, sentence_case
    from ketref.statements import _context_words, comparison_phrase

    first = group[0]
    claims = [r.claim for r in group]
    compared = comparison_phrase(kb, first, claims)
    compared = re.sub(r";? ?stated as [^)]*", "", compared).replace(" ()", "")
    if with_object:
        text = sentence_case(entity_phrase(kb, first.object, article=False))
        if first.claim.negated:
            text = f"not for {entity_phrase(kb, first.object, article=False)}"
        if compared:
            text += f", {compared}"
    else:
        text = compared or ("no" if first.claim.negated else "yes")
    if first.claim.status is Status.UNKNOWN:  # the source says this is an open question (#13)
        text = f"not known whether {text}"
    extra = [w for w in _context_words(kb, claims) if not w.startswith("(")]
    return " ".join([text, *extra])


def _products_cell(kb: KnowledgeBase, form: str) -> Cell:
    """Products whose active ingredient is the form or one of its salts."""
    from ketref.models.entities import Salt

    ingredients = [form, *(e.id for e in kb.entities.values() if isinstance(e, Salt) and e.parent == form)]
    parts: dict[str, list[str]] = defaultdict(list)
    for ingredient in ingredients:
        for claim in kb.claims(predicate="has_active_ingredient", object=ingredient):
            if claim.object == ingredient and not claim.negated:
                label = _name(kb, claim.subject)
                if ingredient != form:
                    label += f" (as {_name(kb, ingredient).lower()})"
                parts[label].append(claim.id)
    return Cell.of([Segment(text=label, claims=tuple(dict.fromkeys(ids))) for label, ids in parts.items()])


def forms_table(kb: KnowledgeBase) -> Table:
    rows = []
    for label, predicate, obj, aspect in FORM_ROWS:
        cells = tuple(_form_cell(kb, form, predicate, obj, aspect) for form in FORMS)
        if any(c.claims for c in cells):
            rows.append((Cell(text=label), *cells))
    products = tuple(_products_cell(kb, form) for form in FORMS)
    if any(c.claims for c in products):
        rows.append((Cell(text="Products"), *products))
    return Table(
        name="forms",
        title="Key differences between racemic ketamine, esketamine and arketamine",
        columns=("Topic", *(_name(kb, f) for f in FORMS)),
        rows=tuple(rows),
        caption="What the sources state about each form; comparisons are read from each form's side. "
        "Each statement merges the claims that say the same thing; A–D is its evidence grade "
        "(docs/sources.md) and '(disputed)' marks one a source contradicts. "
        "Claims about ketamine named without a form are not shown here.",
    )


def affinities_table(kb: KnowledgeBase) -> Table:
    from ketref.quantities import convert

    rows = []
    for claim in kb.all_claims():
        if not PREDICATES[claim.predicate].measured or claim.comparison or not claim.values:
            continue
        for value in claim.values:
            if value.measure not in ("Ki", "IC50", "Kd", "pKi"):
                continue
            shown = str(value) if value.measure == "pKi" else f"{value.to('nM')}"
            if value.measure == "pKi":
                shown += f" (Ki ≈ {convert(f'{10 ** (-value.low)} M', 'µM').magnitude:.3g} µM)"
            rows.append(
                (
                    Cell(text=_name(kb, claim.subject)),
                    Cell(text=_name(kb, claim.object)),
                    Cell(text=shown, claims=(claim.id,)),
                    Cell(text="; ".join(x for x in (claim.context.assay, claim.context.species) if x) or "—"),
                )
            )
    return Table(
        name="affinities",
        title="Measured affinities and inhibition constants",
        columns=("Compound", "Target", "Value", "Assay and species"),
        rows=tuple(rows),
        caption="Concentrations shown in nM; smaller means tighter binding. pKi is -log10 of Ki in mol/L.",
    )


def _grouped(kb: KnowledgeBase, predicate: str) -> dict[tuple[str, str, bool], list[str]]:
    groups: dict[tuple[str, str, bool], list[str]] = defaultdict(list)
    for claim in kb.claims(predicate=predicate):
        if claim.predicate == predicate and claim.comparison is None:
            groups[(claim.subject, claim.object, claim.negated)].append(claim.id)
    return groups


def routes_table(kb: KnowledgeBase) -> Table:
    rows = [
        (
            Cell(text=_name(kb, subject)),
            Cell(text=kb.entities[subject].kind.value),
            Cell(text=("not " if negated else "") + _name(kb, route), claims=tuple(ids)),
        )
        for (subject, route, negated), ids in sorted(_grouped(kb, "administered_via").items())
    ]
    return Table(
        name="routes",
        title="Routes of administration by form and product",
        columns=("Form or product", "Kind", "Route"),
        rows=tuple(rows),
    )


def pharmacokinetics_table(kb: KnowledgeBase) -> Table:
    rows = []
    for claim in kb.claims(predicate="has_parameter"):
        rows.append(
            (
                Cell(text=_name(kb, claim.subject)),
                Cell(text=_name(kb, claim.object)),
                Cell(text=_name(kb, claim.context.route) if claim.context.route else "—"),
                Cell(text="; ".join(str(v) for v in claim.values), claims=(claim.id,)),
            )
        )
    rows.sort(key=lambda r: (r[0].text, r[1].text, r[2].text))
    return Table(
        name="pharmacokinetics",
        title="Pharmacokinetics by route",
        columns=("Compound", "Parameter", "Route", "Value"),
        rows=tuple(rows),
        caption="Where sources disagree, every value is listed with its own citation.",
    )


def adverse_effects_table(kb: KnowledgeBase) -> Table:
    rows = [
        (
            Cell(text=_name(kb, report.effect)),
            Cell(text=str(report.source_count), claims=tuple(c.id for c in report.claims)),
            Cell(text=", ".join(report.frequencies) or "—"),
            Cell(text=", ".join(report.settings) or "—"),
        )
        for report in kb.adverse_effects()
    ]
    return Table(
        name="adverse-effects",
        title="Adverse effects and how many sources report each",
        columns=("Effect", "Sources", "Frequency (source's word)", "Setting"),
        rows=tuple(rows),
    )


def regulatory_table(kb: KnowledgeBase) -> Table:
    labels = {p.id: p.label.removeprefix("is ") for p in PREDICATES.values() if p.category == "regulatory"}
    rows = []
    for predicate, label in labels.items():
        for claim in kb.claims(predicate=predicate):
            if claim.predicate != predicate:
                continue
            where = ", ".join(x for x in (claim.context.jurisdiction, claim.context.date) if x)
            statement = ("not " if claim.negated else "") + f"{label} {_name(kb, claim.object)}"
            rows.append(
                (
                    Cell(text=_name(kb, claim.subject)),
                    Cell(text=statement, claims=(claim.id,)),
                    Cell(text=where or "—"),
                    Cell(text=claim.status.value),
                )
            )
    return Table(
        name="regulatory",
        title="Regulatory status",
        columns=("Form or product", "Statement", "Jurisdiction, date", "Status"),
        rows=tuple(rows),
    )


def conflicts_table(kb: KnowledgeBase) -> Table:
    rows = []
    for conflict in kb.conflicts():
        sides = []
        for side in (conflict.side_a, conflict.side_b):
            sources = sorted({s for c in side for s in c.sources})
            sides.append(Cell(text=", ".join(sources), claims=tuple(c.id for c in side)))
        rows.append((Cell(text=conflict.kind), Cell(text=conflict.topic), *sides))
    return Table(
        name="conflicts",
        title="Conflicts between sources",
        columns=("Kind", "Topic", "One side", "Other side"),
        rows=tuple(rows),
    )


TABLES: dict[str, Callable[[KnowledgeBase], Table]] = {
    "forms": forms_table,
    "affinities": affinities_table,
    "routes": routes_table,
    "pharmacokinetics": pharmacokinetics_table,
    "adverse-effects": adverse_effects_table,
    "regulatory": regulatory_table,
    "conflicts": conflicts_table,
}
"""Every table by name."""


REQUIRES: dict[str, tuple[str, ...]] = {"forms": FORMS}
"""Entities a table is about: a knowledge base without them (a pack alone) has no such table."""


def applicable(kb: KnowledgeBase) -> tuple[str, ...]:
    """The tables ``kb`` can build: those whose required entities it has."""
    return tuple(name for name in TABLES if all(e in kb.entities for e in REQUIRES.get(name, ())))


_BUILT: PerKnowledgeBase[str, Table] = PerKnowledgeBase()


def citation(kb: KnowledgeBase, claim_id: str) -> str:
    """How a footnote cites a claim: each source in text citation style with its tier, then the
    first quote, the claim's id and the curators' caveat for readers, if any."""
    from ketref.citations import cite_source

    claim = kb.claim(claim_id)
    cited = [kb.source(s) for s in claim.sources]
    sources = "; ".join(
        f"{cite_source(s, 'text').rstrip('.')} [{s.effective_tier.value.replace('_', ' ')}]" for s in cited
    )
    caveat = f" Caveat: {claim.caveat}" if claim.caveat else ""
    return f"{sources}: “{claim.evidence[0].quote}” (claim {claim.id}).{caveat}"


def _with_citations(kb: KnowledgeBase, table: Table) -> Table:
    return table.model_copy(update={"citations": {c: citation(kb, c) for c in table.footnotes}})


def _at_tier(kb: KnowledgeBase, table: Table, tier: SourceTier) -> Table:
    """The table with only claims that have a source of ``tier`` or better: statements resting only
    on weaker sources leave their cells, and rows with nothing left go."""
    from ketref.tables.model import Cell

    def strong(claim_id: str) -> bool:
        return any(kb.source(s).effective_tier >= tier for s in kb.claim(claim_id).sources)

    rows = []
    for row in table.rows:
        if not any(cell.claims for cell in row):
            rows.append(row)
            continue
        cells = []
        for cell in row:
            if not cell.claims:
                cells.append(cell)
            elif cell.segments:
                kept = [
                    g.model_copy(update={"claims": tuple(filter(strong, g.claims))}) for g in cell.segments
                ]
                cells.append(Cell.of([g for g in kept if g.claims]))
            else:
                kept_ids = tuple(filter(strong, cell.claims))
                cells.append(cell.model_copy(update={"claims": kept_ids}) if kept_ids else Cell(text="—"))
        if any(c.claims for c in cells):
            rows.append(tuple(cells))
    caption = f"{table.caption} Only sources of the {tier.value.replace('_', ' ')} tier or better.".strip()
    return table.model_copy(update={"rows": tuple(rows), "caption": caption})


def build_table(kb: KnowledgeBase, name: str, *, min_tier: SourceTier | str | None = None) -> Table:
    """The table called ``name`` (see :data:`TABLES`), built from ``kb`` with its citations; with
    ``min_tier``, only statements with a source of that tier or better (docs/sources.md)."""
    if min_tier is not None:
        from ketref.grades import resolve_tier

        tier = resolve_tier(min_tier)
        full = build_table(kb, name)
        return _BUILT.get(kb, f"{name}@{tier.value}", lambda: _with_citations(kb, _at_tier(kb, full, tier)))
    if not isinstance(name, str) or name not in TABLES:
        raise UnknownTermError(
            shown(name).strip("'"), suggest(shown(name).strip("'"), TABLES) or list(TABLES), what="table"
        )
    missing = [e for e in REQUIRES.get(name, ()) if e not in kb.entities]
    if missing:
        about, lacking = ", ".join(REQUIRES[name]), ", ".join(missing)
        raise InvalidQueryError(f"the {name} table is about {about}; this knowledge base lacks {lacking}")
    return _BUILT.get(kb, name, lambda: _with_citations(kb, TABLES[name](kb)))
