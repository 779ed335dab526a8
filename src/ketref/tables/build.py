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
from ketref.models.readings import Reading
from ketref.models.values import Value
from ketref.tables.model import Cell, Segment, Table
from ketref.terms import suggest
from ketref.vocabulary import PREDICATES, SourceTier, Status

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase
    from ketref.models.claims import Claim
    from ketref.statements import Statement

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
    return _cell(
        [
            (_rank(statement), _segment(statement, _cell_phrase(kb, kept, with_object=obj is None)))
            for statement, kept in synthesized(kb, readings, min_tier=min_tier)
        ]
    )


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


def forms_table(kb: KnowledgeBase, min_tier: SourceTier | None = None) -> Table:
    rows = []
    for label, predicate, obj, aspect in FORM_ROWS:
        cells = tuple(_form_cell(kb, form, predicate, obj, aspect, min_tier) for form in FORMS)
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


AFFINITY_MEASURES = ("Ki", "IC50", "Kd", "pKi")
AFFINITY_PREDICATES = frozenset({"binds", "inhibits", "antagonist_of"})


def _segment(statement: Statement, text: str) -> Segment:
    """A synthesized statement as a cell segment: its grade mark, a short text, "(disputed)" or
    "(sizes differ)", a pointer to a caveat, and the claims behind it."""
    grade = statement.grade.value if statement.grade else "–"
    caveat = " (see caveat)" if statement.caveats else ""
    return Segment(text=f"{grade}: {text}{statement.mark}{caveat}", claims=statement.claims)


def _cell(found: list[tuple[int, Segment]]) -> Cell:
    """A cell of segments, best grade first (the rank comes with each); at one grade, a size
    stated or measured before a bare direction."""
    return Cell.of(
        [segment for _, segment in sorted(found, key=lambda p: (-p[0], not re.search(r"\d", p[1].text[3:])))]
    )


def _rank(statement: Statement) -> int:
    return statement.grade.rank if statement.grade else -1


def _other_enantiomer(kb: KnowledgeBase, entity_id: str) -> str | None:
    """The mirror image of a compound, where it is in ``kb``: from the structures, or else the one
    other single enantiomer recorded as a form of the same compound (none for racemates and
    achiral or unspecified compounds)."""
    from ketref.errors import KetrefError
    from ketref.models.entities import Compound
    from ketref.vocabulary import StereoForm

    entity = kb.entities[entity_id]
    try:
        from ketref.chem.relations import enantiomer

        return enantiomer(kb, entity).id
    except (KetrefError, ImportError):  # no structure, its own mirror image, or no RDKit
        pass
    if not isinstance(entity, Compound) or entity.stereo_form is not StereoForm.ENANTIOMER:
        return None
    partners = [
        e.id
        for e in kb.entities.values()
        if isinstance(e, Compound)
        and e.form_of is not None
        and e.form_of == entity.form_of
        and e.stereo_form is StereoForm.ENANTIOMER
        and e.id != entity_id
    ]
    return partners[0] if len(partners) == 1 else None


def _form_order(kb: KnowledgeBase, entity_id: str) -> tuple[int, bool, str]:
    """The three forms first, then ketamine named without a form, then products, then the rest
    by name."""
    order = (*FORMS, "ketamine")
    product = kb.entities[entity_id].kind.value == "product"
    return (order.index(entity_id) if entity_id in order else len(order), not product, _name(kb, entity_id))


def _measured_text(kb: KnowledgeBase, claims: list[Claim]) -> str:
    """``Ki 0.3 µM (rat)``, ``pKi 4.38 (Ki ≈ 42 µM)``: each distinct value once, with the species."""
    from ketref.humanize import format_value

    shown: list[str] = []
    for claim in claims:
        for value in claim.values:
            if value.measure not in AFFINITY_MEASURES:
                continue
            text = f"{value.measure} {format_value(value, measure=False)}"
            if value.measure == "pKi":
                ki = Value(value=float(f"{10 ** (-value.low) * 1e9:.2g}"), unit="nM", measure="Ki")
                text += f" (Ki ≈ {format_value(ki, measure=False)})"
            shown.append(text)
    species = sorted({c.context.species for c in claims if c.context.species})
    where = f" ({', '.join(species)})" if species else ""
    return " or ".join(dict.fromkeys(shown)) + where


def affinities_table(kb: KnowledgeBase, min_tier: SourceTier | None = None) -> Table:
    """One row per target and form: the measured values, then the fold against the other
    enantiomer (as the sources state it, or computed from one source's values)."""
    from ketref.statements import comparison_phrase, derived_comparison, synthesized

    measured: dict[tuple[str, str], list[Reading]] = defaultdict(list)
    for claim in kb.all_claims():
        if not PREDICATES[claim.predicate].measured or claim.comparison or claim.negated:
            continue
        if any(v.measure in AFFINITY_MEASURES for v in claim.values):
            measured[(claim.object, claim.subject)].append(Reading.of(claim))
    compared: dict[tuple[str, str], list[Reading]] = defaultdict(list)
    for claim in kb.all_claims():
        c = claim.comparison
        if (
            c is None
            or claim.predicate not in AFFINITY_PREDICATES
            or c.aspect.value not in ("affinity", "potency")
        ):
            continue
        if _other_enantiomer(kb, claim.subject) != c.comparator:
            continue
        for form in (claim.subject, c.comparator):
            compared[(claim.object, form)] = [
                r
                for r in kb.readings(subject=form, object=claim.object)
                if r.comparator == _other_enantiomer(kb, form)
                and r.claim.comparison is not None
                and r.claim.comparison.aspect.value in ("affinity", "potency")
                and r.predicate in AFFINITY_PREDICATES
            ]
    keys = set(measured) | set(compared)
    for target, form in list(keys):  # a fold computed from values, where no source states one
        other = _other_enantiomer(kb, form)
        if other is not None and (target, other) in keys:
            keys.add((target, other))
    per_target: dict[str, int] = defaultdict(int)
    for target, _ in keys:
        per_target[target] += 1
    rows = []
    for target, form in sorted(
        keys, key=lambda k: (-per_target[k[0]], _name(kb, k[0]), _form_order(kb, k[1]))
    ):
        values = [
            (_rank(s), _segment(s, _measured_text(kb, [r.claim for r in kept])))
            for s, kept in synthesized(kb, measured.get((target, form), []), min_tier=min_tier)
        ]
        folds = [
            (
                _rank(s),
                _segment(
                    s,
                    re.sub(
                        r"^(greater|lower) potency",
                        r"\1 potency",
                        comparison_phrase(kb, kept[0], [r.claim for r in kept]),
                    ),
                ),
            )
            for s, kept in synthesized(kb, compared.get((target, form), []), min_tier=min_tier)
        ]
        other = _other_enantiomer(kb, form)
        if not folds and other is not None:
            derived = derived_comparison(kb, form, other, target)
            if derived is not None and (min_tier is None or derived[2].effective_tier >= min_tier):
                text, claims, source = derived
                from ketref.grades import grade

                g = grade([source])
                folds = [(g.rank, Segment(text=f"{g.value}: {text}", claims=claims))]
        if values or folds:
            rows.append(
                (Cell(text=_name(kb, target)), Cell(text=_name(kb, form)), _cell(values), _cell(folds))
            )
    return Table(
        name="affinities",
        title="Affinities at each target, by form",
        columns=("Target", "Form", "Measured", "Against the other enantiomer"),
        rows=tuple(rows),
        caption="Ki, Kd and IC50: smaller means tighter binding; pKi is -log10 of Ki in mol/L. "
        "Folds are as the sources state them (several stated sizes as one range, the figures "
        "after 'stated as'), or computed from one source's two values where none states one. "
        "A–D is the evidence grade (docs/sources.md); '(disputed)' marks a statement a source "
        "contradicts, '(sizes differ)' values that cannot all hold.",
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


def pharmacokinetics_table(kb: KnowledgeBase, min_tier: SourceTier | None = None) -> Table:
    """One row per form, route and parameter: the range of the values the sources state, with
    the stated figures under it."""
    from ketref.humanize import summarize_values
    from ketref.statements import synthesized

    groups: dict[tuple[str, str, str], list[Reading]] = defaultdict(list)
    for claim in kb.claims(predicate="has_parameter"):
        if claim.predicate == "has_parameter" and claim.comparison is None and claim.values:
            groups[(claim.subject, claim.context.route or "", claim.object)].append(Reading.of(claim))
    rows = []
    for (form, route, parameter), readings in sorted(
        groups.items(),
        key=lambda item: (_form_order(kb, item[0][0]), _name(kb, item[0][2]), item[0][1]),
    ):
        found = [
            (_rank(s), _segment(s, summarize_values([v for r in kept for v in r.claim.values])))
            for s, kept in synthesized(kb, readings, min_tier=min_tier)
        ]
        if found:
            rows.append(
                (
                    Cell(text=_name(kb, form)),
                    Cell(text=_name(kb, route) if route else "not stated"),
                    Cell(text=_name(kb, parameter)),
                    _cell(found),
                )
            )
    return Table(
        name="pharmacokinetics",
        title="Pharmacokinetics by form, route and parameter",
        columns=("Form", "Route", "Parameter", "Value"),
        rows=tuple(rows),
        caption="Where sources state different values, the cell gives their range and then the "
        "figures as stated; each footnote quotes its source. A–D is the evidence grade "
        "(docs/sources.md); '(sizes differ)' marks values that cannot all hold.",
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


def _status_text(kb: KnowledgeBase, readings: list[Reading]) -> str:
    """``Approved for treatment-resistant depression (2019-03-05)``: the status, what for, the
    route or setting, and the dates the sources give."""
    from ketref.humanize import entity_phrase, sentence_case
    from ketref.statements import dates_text, verb_phrase

    first = readings[0]
    text = verb_phrase(kb, first.predicate, first.object, first.claim.negated).removeprefix("is ")
    claims = [r.claim for r in readings]
    route = first.claim.context.route
    if route:
        text += f" by the {entity_phrase(kb, route)} route"
    if first.claim.context.setting == "recreational":
        text += " in recreational use"
    dates = dates_text(kb, claims, years=False)
    if dates:
        text += f" ({dates})"
    return sentence_case(text)


def regulatory_table(kb: KnowledgeBase, min_tier: SourceTier | None = None) -> Table:
    """One row per form or product and jurisdiction: each status (approved, not approved, in
    trials, off-label, first-line, controlled) as one synthesized statement with its dates."""
    from ketref.humanize import jurisdiction_name
    from ketref.statements import synthesized

    regulatory = {p.id for p in PREDICATES.values() if p.category == "regulatory"}
    groups: dict[tuple[str, str], list[Reading]] = defaultdict(list)
    for claim in kb.all_claims():
        if claim.predicate in regulatory and claim.comparison is None:
            groups[(claim.subject, claim.context.jurisdiction or "")].append(Reading.of(claim))
    rows = []
    for (subject, where), readings in sorted(
        groups.items(),
        key=lambda item: (
            _form_order(kb, item[0][0]),
            item[0][1] == "",
            jurisdiction_name(item[0][1], article=False),
        ),
    ):
        found = [
            (_rank(s), _segment(s, _status_text(kb, kept)))
            for s, kept in synthesized(kb, readings, min_tier=min_tier)
        ]
        if found:
            name = jurisdiction_name(where, article=False) if where else "not stated"
            rows.append((Cell(text=_name(kb, subject)), Cell(text=name), _cell(found)))
    return Table(
        name="regulatory",
        title="Regulatory status by form or product and jurisdiction",
        columns=("Form or product", "Jurisdiction", "Status and date"),
        rows=tuple(rows),
        caption="Each statement merges the claims that say the same thing, with the dates they "
        "give; A–D is its evidence grade (docs/sources.md) and '(disputed)' marks one a source "
        "contradicts. 'Not stated': the source names no jurisdiction.",
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


TABLES: dict[str, Callable[..., Table]] = {
    "forms": forms_table,
    "affinities": affinities_table,
    "routes": routes_table,
    "pharmacokinetics": pharmacokinetics_table,
    "adverse-effects": adverse_effects_table,
    "regulatory": regulatory_table,
    "conflicts": conflicts_table,
}
"""Every table by name: each a function of a knowledge base and, for the synthesized tables,
a minimum source tier (``min_tier``), so that a cell's text rests only on the sources it cites."""

SYNTHESIZED = frozenset({"forms", "affinities", "pharmacokinetics", "regulatory"})
"""The tables whose cells are synthesized statements, built afresh for a minimum tier."""


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
        if name in SYNTHESIZED:  # synthesized anew, so that no text rests on a weaker source
            full = TABLES[name](kb, min_tier=tier)
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
