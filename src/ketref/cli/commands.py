"""The commands, each declared once: its name, help, arguments and what it returns.

A command returns an :class:`Output`: the data ``--json`` prints, and the text printed
otherwise. A command that makes a document (an SVG, a table, an export) marks it, and the
command line then writes it to ``--out FILE`` (``-`` or no ``--out``: standard output). Every
command works on the knowledge base the command line picked (the bundled one, merged with any
``--pack``), given as ``ctx.kb``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from ketref.cli.output import claim_block, claim_list, table

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = ["COMMANDS", "Command", "Context", "Output"]


@dataclass
class Context:
    """What a command runs with: the parsed arguments and the knowledge base."""

    ns: argparse.Namespace
    load: Callable[[], KnowledgeBase]
    _kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base, loaded on first use (``validate`` and ``completion`` need none)."""
        if self._kb is None:
            self._kb = self.load()
        return self._kb


@dataclass
class Output:
    """A command's result: ``data`` for ``--json``; ``text`` (a string, or a function that prints
    to a stream, or bytes written only to ``--out``) otherwise. ``document`` marks text that is a
    file format of its own."""

    data: Any = None
    text: str | bytes | Callable[[TextIO], None] = ""
    document: bool = False
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Printed to standard error whatever the output (a partial result and why)."""


@dataclass(frozen=True)
class Command:
    """One subcommand: ``run`` gets the context and returns an :class:`Output`."""

    name: str
    help: str
    run: Callable[[Context], Output]
    arguments: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = ()
    out: bool = False
    """Whether the command takes ``--out FILE`` for the document it makes."""


COMMANDS: dict[str, Command] = {}
"""Every command by name, in the order ``ketref --help`` lists them."""


def arg(*flags: str, **options: Any) -> tuple[tuple[str, ...], dict[str, Any]]:
    """An argument as ``argparse.ArgumentParser.add_argument`` takes it."""
    return flags, options


def command(
    name: str, help_text: str, *arguments: tuple[tuple[str, ...], dict[str, Any]], out: bool = False
) -> Callable[[Callable[[Context], Output]], Callable[[Context], Output]]:
    """Declare a command (its handler is the decorated function)."""

    def register(run: Callable[[Context], Output]) -> Callable[[Context], Output]:
        COMMANDS[name] = Command(name, help_text, run, tuple(arguments), out)
        return run

    return register


# -- looking things up ---------------------------------------------------------------------


@command(
    "show",
    "show one entity: names, identifiers and what is claimed about it",
    arg("name", help="an id, name, synonym, brand, CURIE or InChIKey"),
)
def _show(ctx: Context) -> Output:
    from ketref.models.entities import EntityBase

    kb = ctx.kb
    entity = kb.get(ctx.ns.name)
    found = kb.claims(subject=entity)
    shown = [f for f in type(entity).model_fields if f not in EntityBase.model_fields and f != "kind"]

    def text(out: TextIO) -> None:
        print(f"{entity.name}  ({entity.kind.value}, id {entity.id})", file=out)
        print(f"  {entity.description}", file=out)
        if entity.synonyms:
            print(f"  synonyms: {', '.join(entity.synonyms)}", file=out)
        for key in shown:
            value = getattr(entity, key, None)
            if value is not None and value != () and value != []:
                print(f"  {key.replace('_', ' ')}: {getattr(value, 'value', value)}", file=out)
        for xref in entity.xrefs:
            print(f"  {xref.curie}  (from {xref.evidence.source})", file=out)
        print(f"\nClaims naming {entity.id} ({len(found)}):", file=out)
        for claim in found:
            claim_block(claim, out, "  ")

    return Output({"entity": entity, "claims": found}, text)


@command(
    "search",
    "find entities by name or description",
    arg("text"),
    arg("--kind", help="only this kind of entity (compound, target, product, ...)"),
    arg("--limit", type=int, default=10),
)
def _search(ctx: Context) -> Output:
    ns = ctx.ns
    hits = ctx.kb.search(ns.text, kind=ns.kind, limit=ns.limit)

    def text(out: TextIO) -> None:
        rows = [(f"{h.score:.2f}", h.entity.id, h.entity.kind.value, h.matched) for h in hits]
        if not rows:
            print(f"no entity matches {ns.text!r}", file=out)
        else:
            table(rows, ("score", "id", "kind", "matched"), out)

    return Output(hits, text)


@command(
    "claims",
    "list claims matching every filter given",
    arg("--subject"),
    arg("--predicate"),
    arg("--object"),
    arg("--comparator"),
    arg("--direction", help="greater, lesser or similar (seen from the subject)"),
    arg("--source", help="a source id"),
    arg("--status", help="established, reported, suggested or hypothesized"),
    arg(
        "--inherit",
        action="store_true",
        help="for a racemate or an enantiomer, also show what is said of form-unspecified ketamine",
    ),
    arg("--min-tier", metavar="TIER", help="only claims with a source of this tier or better"),
)
def _claims(ctx: Context) -> Output:
    ns = ctx.ns
    found = ctx.kb.claims(
        ns.subject,
        ns.predicate,
        ns.object,
        comparator=ns.comparator,
        direction=ns.direction,
        source=ns.source,
        status=ns.status,
        inherit=ns.inherit,
        min_tier=ns.min_tier,
    )
    return Output(found, lambda out: claim_list(found, "", out))


MIN_TIER_HELP = (
    "use only sources of this tier or better: regulatory, systematic_review, primary, reference, "
    "secondary, marketing"
)


@command(
    "compare",
    "compare two entities: a one-screen brief, or every claim topic by topic with --detail",
    arg("a"),
    arg("b"),
    arg("--detail", action="store_true", help="list every claim, topic by topic"),
    arg("--min-tier", metavar="TIER", help=MIN_TIER_HELP),
)
def _compare(ctx: Context) -> Output:
    if not ctx.ns.detail:
        from ketref.briefs import brief, brief_text

        found = brief(ctx.kb, ctx.ns.a, ctx.ns.b, min_tier=ctx.ns.min_tier)
        return Output(found, brief_text(found))
    result = ctx.kb.compare(ctx.ns.a, ctx.ns.b)

    def text(out: TextIO) -> None:
        print(f"{result.a} compared with {result.b}", file=out)
        for row in result.rows:
            topic = f"{row.predicate} {row.object}" + (f" ({row.aspect.value})" if row.aspect else "")
            if row.comparative:
                verdict = (
                    "conflicting claims"
                    if row.conflicting
                    else f"{result.a} {row.direction.value if row.direction else '?'}"
                )
                if row.magnitude is not None:
                    verdict += f", {row.magnitude}"
                elif row.magnitudes_disagree:
                    verdict += " (the sources state different sizes)"
                print(f"\n* {topic}: {verdict}", file=out)
                for claim in row.comparative:
                    claim_block(claim, out, "  ")
            else:
                print(f"\n* {topic}", file=out)
                for side, claims in ((result.a, row.a), (result.b, row.b)):
                    print(f"  {side}: {len(claims)} claim{'s' if len(claims) != 1 else ''}", file=out)
                    for claim in claims:
                        claim_block(claim, out, "    ")

    return Output(result, text)


@command(
    "adverse-effects",
    "adverse effects with how many sources report each",
    arg("name", nargs="?", help="only those claimed for this entity (and inherited)"),
)
def _adverse_effects(ctx: Context) -> Output:
    reports = ctx.kb.adverse_effects(ctx.ns.name)
    rows = [
        (
            r.effect + (" (said of ketamine without a form)" if r.said_without_form else ""),
            str(r.source_count),
            ", ".join(r.frequencies) or "-",
            ", ".join(r.settings) or "-",
            ", ".join(r.sources),
        )
        for r in reports
    ]
    headers = ("effect", "sources", "frequency", "setting", "reported by")
    return Output(reports, lambda out: table(rows, headers, out))


@command(
    "unique",
    "what one source claims that no other source claims",
    arg("source", help="a source id (see 'ketref sources')"),
)
def _unique(ctx: Context) -> Output:
    found = ctx.kb.unique_claims(ctx.ns.source)
    return Output(found, lambda out: claim_list(found, f" that only {ctx.ns.source} makes", out))


@command("pk", "pharmacokinetic values of a compound, every source's side by side", arg("name"))
def _pk(ctx: Context) -> Output:
    found = ctx.kb.pharmacokinetics(ctx.ns.name)
    rows = [
        (c.object, c.context.route or "-", "; ".join(str(v) for v in c.values), ", ".join(c.sources))
        for c in found
    ]
    return Output(found, lambda out: table(rows, ("parameter", "route", "value", "source"), out))


@command("folds", "fold differences derived from measured affinities, checked against stated folds")
def _folds(ctx: Context) -> Output:
    found = ctx.kb.affinity_folds()

    def text(out: TextIO) -> None:
        for f in found:
            print(
                f"{f.stronger} over {f.weaker} at {f.target}: {f.fold:.2f}-fold from {f.measure} values "
                f"({f.source}); rounding allows {f.fold_low:.2f}-{f.fold_high:.2f}",
                file=out,
            )
            for check in f.checks:
                verdict = "agrees" if check.agrees else "CONFLICTS"
                print(
                    f"  stated {check.stated} ({check.stated_low:g}-{check.stated_high:g} once rounded) "
                    f"by {', '.join(check.claim.sources)}: {verdict}",
                    file=out,
                )

    return Output(found, text)


@command("sources", "list the sources claims are taken from")
def _sources(ctx: Context) -> Output:
    kb = ctx.kb
    found = kb.sources()

    def origin(s: Any) -> str:
        return "seed" if kb.is_bundled_seed(s.id) else "read" if s.found else "cited, not found"

    rows = [(s.id, s.kind.value, origin(s), s.title) for s in found]
    return Output(found, lambda out: table(rows, ("id", "kind", "origin", "title"), out))


@command("conflicts", "list claims that disagree with each other")
def _conflicts(ctx: Context) -> Output:
    found = ctx.kb.conflicts()

    def text(out: TextIO) -> None:
        print(f"{len(found)} conflict{'s' if len(found) != 1 else ''}", file=out)
        for conflict in found:
            print(f"\n* {conflict.kind}: {conflict.topic}", file=out)
            for label, side in (("one side", conflict.side_a), ("other side", conflict.side_b)):
                print(f"  {label}:", file=out)
                for claim in side:
                    claim_block(claim, out, "    ")

    return Output(found, text)


@command(
    "coverage",
    "how many sentences of each seed document claims cover",
    arg("--source", help="list the sentences of one seed document"),
)
def _coverage(ctx: Context) -> Output:
    from ketref.coverage import sentence_coverage

    kb, ns = ctx.kb, ctx.ns
    named = ns.source is not None  # an empty --source names no source: an error, not "all of them"
    seeds = [kb.source(ns.source)] if named else [s for s in kb.sources() if kb.is_bundled_seed(s.id)]
    report = {source.id: sentence_coverage(kb, source.id) for source in seeds}

    def text(out: TextIO) -> None:
        if named:
            for r in next(iter(report.values())):
                status = (
                    f"{len(r.claims)} claim(s)"
                    if r.claims
                    else f"excluded: {r.excluded.value}"
                    if r.excluded
                    else "UNCOVERED"
                )
                print(f"{r.number:>4}  {status:<22} {r.sentence}", file=out)
            return
        summary = []
        for seed, rows in report.items():
            quoted = sum(1 for r in rows if r.claims)
            excluded = sum(1 for r in rows if not r.claims and r.excluded)
            missing = len(rows) - quoted - excluded
            summary.append((seed, str(len(rows)), str(quoted), str(excluded), str(missing)))
        table(summary, ("source", "sentences", "quoted", "excluded", "uncovered"), out)

    return Output(report, text)


# -- chemistry -----------------------------------------------------------------------------


@command("structure", "computed structure facts of an entity (RDKit)", arg("name"))
def _structure(ctx: Context) -> Output:
    from ketref.chem.api import structure

    entity = ctx.kb.get(ctx.ns.name)
    s = structure(ctx.kb, entity)
    rows = [
        ("formula", s.formula),
        ("average mass", str(s.average_mass)),
        ("monoisotopic mass", str(s.monoisotopic_mass)),
        ("canonical SMILES", s.canonical_smiles),
        ("InChIKey", s.inchikey),
        ("InChI", s.inchi),
        (
            "stereocentres",
            ", ".join(f"{c.element}{c.atom} {c.label or 'unassigned'}" for c in s.stereocenters) or "none",
        ),
        ("mirror image", s.mirror_smiles if s.is_chiral else "itself (achiral or racemic)"),
    ]

    def text(out: TextIO) -> None:
        print(f"{entity.name} (computed by RDKit from the recorded structure)", file=out)
        table(rows, ("property", "value"), out)

    return Output({"entity": entity.id, **s.model_dump(mode="json")}, text)


@command(
    "identify",
    "which entity a SMILES, InChI or molfile is",
    arg("structure", help="a SMILES or InChI, a molfile's path (.mol, .sdf, .mdl), or - for standard input"),
)
def _identify(ctx: Context) -> Output:
    import sys

    from ketref.chem.api import identify
    from ketref.cli.output import read_input

    text = ctx.ns.structure
    if text == "-":
        text = sys.stdin.read(1_000_000)
    elif text.endswith((".mol", ".sdf", ".mdl")):
        text = read_input(text, 1_000_000)
    entity = identify(ctx.kb, text)
    return Output(entity, f"{entity.name}  ({entity.kind.value}, id {entity.id})\n")


@command("stereoisomers", "every stereoisomer of an entity's constitution", arg("name"))
def _stereoisomers(ctx: Context) -> Output:
    from ketref.chem.api import stereoisomers

    found = stereoisomers(ctx.kb, ctx.ns.name)

    def text(out: TextIO) -> None:
        rows = [
            (str(n), ",".join(label or "?" for label in i.labels), i.entity or "-", i.smiles)
            for n, i in enumerate(found.isomers)
        ]
        table(rows, ("#", "CIP", "entity", "SMILES"), out)
        for pair in found.pairs:
            print(f"  {pair.a} and {pair.b}: {pair.relation}", file=out)

    return Output(found, text)


@command("depict", "draw an entity's structure as SVG (wedges and CIP labels)", arg("name"), out=True)
def _depict(ctx: Context) -> Output:
    from ketref.chem.api import depict

    svg = depict(ctx.kb, ctx.ns.name)
    return Output({"format": "svg", "text": svg}, svg, document=True)


# -- pathways ------------------------------------------------------------------------------


@command(
    "pathway",
    "a compound's mechanism steps as text or a diagram (the core cascade, or every step)",
    arg("name"),
    arg("--format", choices=("text", "mermaid", "dot", "svg", "png"), default="text"),
    arg(
        "--view",
        choices=("core", "full"),
        default="core",
        help="core: the canonical cascade and the compound's own branches, for a slide (default); "
        "full: every step",
    ),
    arg("--compare", metavar="OTHER", help="show the difference with another compound's pathway"),
    arg("--inherit", action="store_true", help="add steps stated of form-unspecified ketamine"),
    out=True,
)
def _pathway(ctx: Context) -> Output:
    from ketref.pathways import render
    from ketref.pathways.api import compare_pathways, pathway

    ns, kb = ctx.ns, ctx.kb
    view: Any = (
        compare_pathways(kb, ns.name, ns.compare, inherit=ns.inherit, view=ns.view)
        if ns.compare
        else pathway(kb, ns.name, inherit=ns.inherit, view=ns.view)
    )
    if ns.format == "png":
        if not getattr(ns, "out", None) or ns.out == "-":
            from ketref.errors import InvalidQueryError

            raise InvalidQueryError("a PNG is binary: give --out FILE.png")
        png = render.to_png(view)
        return Output({"format": "png", "bytes": len(png)}, png, document=True)
    if ns.format != "text":
        diagram = {"mermaid": render.to_mermaid, "dot": render.to_dot, "svg": render.to_svg}[ns.format](view)
        return Output({"format": ns.format, "text": diagram}, diagram, document=True)

    def text(out: TextIO) -> None:
        from ketref.vocabulary import PREDICATES

        def name(pathway: Any, node: str) -> str:
            return str(pathway.node(node).name)

        if ns.compare:
            a, b = view.a, view.b
            names = {n.id: n.name for n in (*b.nodes, *a.nodes)}
            for title, keys, root in (
                ("both", view.shared, "Each"),
                (f"only {name(a, a.root)}", view.only_a, name(a, a.root)),
                (f"only {name(b, b.root)}", view.only_b, name(b, b.root)),
            ):
                print(f"{title} ({len(keys)} steps):", file=out)
                for source, target, predicate in keys:
                    note = view.note((source, target, predicate))
                    first = root if source == "*" else names.get(source, source)
                    print(
                        f"  {first} {PREDICATES[predicate].label} {names.get(target, target)}"
                        + (f"  (both; {note})" if note else ""),
                        file=out,
                    )
            return
        print(
            f"pathway of {name(view, view.root)} ({view.view} view): "
            f"{len(view.nodes)} nodes, {len(view.edges)} steps",
            file=out,
        )
        for edge in view.edges:
            flags = " [inherited]" if edge.inherited else ""
            print(
                f"  {name(view, edge.source)} --{edge.label}--> {name(view, edge.target)}"
                f"  ({edge.status.value}, grade {edge.grade.value}){flags}",
                file=out,
            )
            if edge.cited:
                print(f"      sources: {'; '.join(edge.cited)}", file=out)
            print(f"      claims: {', '.join(edge.claims)}", file=out)
        if view.missing:
            print("not in the claims, so not drawn:", file=out)
            for step in view.missing:
                print(f"  {step}", file=out)

    return Output(view, text)


@command(
    "paths",
    "the paths between two nodes of a compound's pathway, shortest first, with their weakest status",
    arg("name"),
    arg("source"),
    arg("target"),
    arg("--limit", type=int, default=10, metavar="N", help="show at most N paths (default 10)"),
    arg("--inherit", action="store_true"),
)
def _paths(ctx: Context) -> Output:
    from ketref.pathways.api import pathway

    ns = ctx.ns
    whole = pathway(ctx.kb, ns.name, inherit=ns.inherit)
    found = whole.paths(ns.source, ns.target, limit=ns.limit)
    total = len(whole.paths(ns.source, ns.target))

    def text(out: TextIO) -> None:
        def name(node: str) -> str:
            return whole.node(node).name

        shown_part = f" (the {len(found)} shortest shown; --limit N for more)" if total > len(found) else ""
        plural = "s" if total != 1 else ""
        print(f"{total} path{plural} from {name(ns.source)} to {name(ns.target)}{shown_part}", file=out)
        for p in found:
            print(f"  ({p.weakest.value}) {' -> '.join(name(n) for n in p.nodes)}", file=out)

    return Output(found, text)


# -- documents -----------------------------------------------------------------------------


@command(
    "table",
    "a generated table (forms = the key differences, affinities, routes, ...)",
    arg("name", help="the table's name (an unknown name lists them all)"),
    arg("--format", default="md", help="the output format"),
    arg("--standalone", action="store_true", help="html: a styled page; latex: a document pdflatex compiles"),
    arg("--min-tier", metavar="TIER", help=MIN_TIER_HELP),
    out=True,
)
def _table(ctx: Context) -> Output:
    from ketref.tables.build import build_table
    from ketref.tables.render import render

    built = build_table(ctx.kb, ctx.ns.name, min_tier=ctx.ns.min_tier)
    options = {"standalone": True} if ctx.ns.standalone and ctx.ns.format in ("html", "latex") else {}
    return Output(built, render(built, ctx.ns.format, **options), document=True)


@command(
    "export",
    "the whole knowledge base as JSON, JSON-LD or Turtle",
    arg("--format", default="json", help="the export format"),
    out=True,
)
def _export(ctx: Context) -> Output:
    from ketref.serialize import export

    text = export(ctx.kb, ctx.ns.format)
    return Output({"format": ctx.ns.format, "text": text}, text, document=True)


@command(
    "factsheet",
    "a fact sheet of one entity: sections of graded, cited statements",
    arg("name"),
    arg("--format", choices=("text", "md", "html", "tex"), default="text"),
    arg("--min-tier", metavar="TIER", help=MIN_TIER_HELP),
    out=True,
)
def _factsheet(ctx: Context) -> Output:
    from ketref.factsheets import render
    from ketref.profiles import profile

    found = profile(ctx.kb, ctx.ns.name, min_tier=ctx.ns.min_tier)
    return Output(found, render(found, ctx.ns.format), document=ctx.ns.format != "text")


@command(
    "cite",
    "a source, or the sources of a claim, as a citation",
    arg("id", help="a source id or a claim id (see 'ketref sources')"),
    arg("--style", default="text", help="text, bibtex or csl-json"),
)
def _cite(ctx: Context) -> Output:
    from ketref.citations import cite

    text = cite(ctx.kb, ctx.ns.id, ctx.ns.style)
    return Output(
        {"style": ctx.ns.style, "citation": text}, text if text.endswith("\n") else text + "\n", document=True
    )


@command(
    "quiz",
    "well-posed multiple-choice questions with an answer key (text or Moodle GIFT)",
    arg("--n", type=int, default=5, help="how many questions"),
    arg("--seed", type=int, default=0, help="the same seed gives the same questions"),
    arg(
        "--min-tier",
        choices=("regulatory", "systematic_review", "primary", "reference", "secondary", "marketing"),
        help="only questions resting on a source of this tier or better (default: every tier; weak or "
        "contested sources are then named in the stem)",
    ),
    arg(
        "--min-grade",
        metavar="GRADE",
        help="only questions on statements of this grade or better, A to D (default C: no question "
        "rests on secondary or marketing sources alone; B leaves too few questions for a varied "
        "quiz; D asks everything)",
    ),
    arg("--format", choices=("text", "gift"), default="text", help="text with an answer key, or Moodle GIFT"),
    out=True,
)
def _quiz(ctx: Context) -> Output:
    from ketref.quiz import DEFAULT_MIN_GRADE, make_quiz, to_gift, to_text

    ns = ctx.ns
    grade = ns.min_grade if ns.min_grade is not None else DEFAULT_MIN_GRADE
    report = make_quiz(ctx.kb, ns.n, ns.seed, min_tier=ns.min_tier, min_grade=grade)
    text = to_gift(report.questions) if ns.format == "gift" else to_text(report.questions)
    warnings = [report.shortfall] if report.shortfall else []
    return Output(
        report, text, document=True, notes=[f"{len(report.questions)} questions"], warnings=warnings
    )


@command(
    "lecture",
    "write a lecture pack: key differences, fact sheets, diagrams, quiz, flashcards, glossary, sources",
    arg("--out", dest="folder", required=True, metavar="DIR", help="the folder to write (created if needed)"),
    arg(
        "--min-tier",
        choices=("regulatory", "systematic_review", "primary", "reference", "secondary", "marketing"),
        help="only material resting on sources of this tier or better (default: every tier)",
    ),
    arg("--seed", type=int, default=0, help="the quiz's seed"),
    arg(
        "--min-grade",
        metavar="GRADE",
        help="the quiz's and flashcards' minimum statement grade, A to D (default C, as for quiz)",
    ),
)
def _lecture(ctx: Context) -> Output:
    from ketref.lecture import lecture
    from ketref.quiz import DEFAULT_MIN_GRADE

    grade = ctx.ns.min_grade if ctx.ns.min_grade is not None else DEFAULT_MIN_GRADE
    files = lecture(ctx.kb, ctx.ns.folder, min_tier=ctx.ns.min_tier, seed=ctx.ns.seed, min_grade=grade)

    def text(out: TextIO) -> None:
        print(f"wrote {len(files)} files to {ctx.ns.folder} (open index.md first)", file=out)

    return Output({"written": [str(f) for f in files]}, text)


@command(
    "flashcards",
    "flashcards in a tab-separated format Anki imports",
    arg(
        "--min-tier",
        choices=("regulatory", "systematic_review", "primary", "reference", "secondary", "marketing"),
        help="only facts with a source of this tier or better (default: every tier)",
    ),
    arg(
        "--min-grade",
        metavar="GRADE",
        help="only facts whose statements have this grade or better, A to D (default: every grade)",
    ),
    out=True,
)
def _flashcards(ctx: Context) -> Output:
    from ketref.teaching import flashcards, to_anki

    found = flashcards(ctx.kb, min_tier=ctx.ns.min_tier, min_grade=ctx.ns.min_grade)
    return Output(found, to_anki(found), document=True, notes=[f"{len(found)} cards"])


# -- packs and the command line itself ----------------------------------------------------


@command(
    "validate",
    "check a knowledge pack (data files) against the bundled knowledge base",
    arg("paths", nargs="+", metavar="PATH", help="TOML data files or directories"),
    arg("--alone", action="store_true", help="check the pack without the bundled data"),
)
def _validate(ctx: Context) -> Output:
    from ketref.cli.output import check_input
    from ketref.errors import DataError
    from ketref.kb import KnowledgeBase
    from ketref.loader import load_pack

    for path in ctx.ns.paths:
        check_input(path)
    pack = load_pack(ctx.ns.paths)
    files = sorted({origin.file for origin in pack.origins.values()})
    records = len(pack.entities) + len(pack.sources) + len(pack.claims) + len(pack.conflicts)
    if not records:
        raise DataError(f"no data file with records found in {', '.join(ctx.ns.paths)}")
    kb = KnowledgeBase.from_paths(*ctx.ns.paths, include_bundled=not ctx.ns.alone)
    summary = {
        "valid": True,
        "files": len(files),
        "records": records,
        "entities": len(kb.entities),
        "sources": len(kb.sources()),
        "claims": len(kb.all_claims()),
    }
    text = (
        f"valid: read {len(files)} data file{'s' if len(files) != 1 else ''} with {records} records; "
        f"the knowledge base has {summary['entities']} entities, {summary['sources']} sources, "
        f"{summary['claims']} claims\n"
    )
    return Output(summary, text)


@command(
    "completion",
    "a shell completion script for ketref (needs the 'completion' extra: shtab)",
    arg("shell", choices=("bash", "zsh", "tcsh")),
)
def _completion(ctx: Context) -> Output:
    from ketref.cli import parser
    from ketref.errors import MissingDependencyError

    try:
        import shtab
    except ImportError:
        raise MissingDependencyError("shtab", extra="completion", feature="shell completion") from None
    script: str = shtab.complete(parser(), shell=ctx.ns.shell)
    return Output({"shell": ctx.ns.shell, "text": script}, script, document=True)
