"""The commands: each takes the parsed arguments and an output stream, prints text, and returns
what ``--json`` prints instead (``None`` when it printed)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any, TextIO

from ketref.cli.output import claim_block, claim_list, table, write

__all__ = ["HANDLERS"]


def _kb() -> Any:
    import ketref

    return ketref.knowledge_base()


def _show(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    entity = ketref.get(ns.name)
    found = ketref.claims(subject=entity)
    if ns.json:
        return {"entity": entity, "claims": found}
    print(f"{entity.name}  ({entity.kind.value}, id {entity.id})", file=out)
    print(f"  {entity.description}", file=out)
    if entity.synonyms:
        print(f"  synonyms: {', '.join(entity.synonyms)}", file=out)
    for key in (
        "stereo_form",
        "target_class",
        "effect_type",
        "parent",
        "counterion",
        "dosage_form",
        "smiles",
    ):
        value = getattr(entity, key, None)
        if value is not None:
            print(f"  {key.replace('_', ' ')}: {getattr(value, 'value', value)}", file=out)
    for xref in entity.xrefs:
        print(f"  {xref.curie}  (from {xref.evidence.source})", file=out)
    print(f"\nClaims naming {entity.id} ({len(found)}):", file=out)
    for claim in found:
        claim_block(claim, out, "  ")
    return None


def _search(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    hits = ketref.search(ns.text, kind=ns.kind, limit=ns.limit)
    if ns.json:
        return hits
    rows = [(f"{h.score:.2f}", h.entity.id, h.entity.kind.value, h.matched) for h in hits]
    if not rows:
        print(f"no entity matches {ns.text!r}", file=out)
    else:
        table(rows, ("score", "id", "kind", "matched"), out)
    return None


def _claims(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    found = ketref.claims(
        ns.subject,
        ns.predicate,
        ns.object,
        comparator=ns.comparator,
        direction=ns.direction,
        source=ns.source,
        status=ns.status,
        inherit=ns.inherit,
    )
    if ns.json:
        return found
    claim_list(found, "", out)
    return None


def _compare(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    result = ketref.compare(ns.a, ns.b)
    if ns.json:
        return result
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
    return None


def _sources(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    found = ketref.sources()
    if ns.json:
        return found

    kb = ketref.knowledge_base()

    def origin(s: Any) -> str:
        return "seed" if kb.is_bundled_seed(s.id) else "read" if s.found else "cited, not found"

    rows = [(s.id, s.kind.value, origin(s), s.title) for s in found]
    table(rows, ("id", "kind", "origin", "title"), out)
    return None


def _conflicts(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    found = ketref.conflicts()
    if ns.json:
        return found
    print(f"{len(found)} conflict{'s' if len(found) != 1 else ''}", file=out)
    for conflict in found:
        print(f"\n* {conflict.kind}: {conflict.topic}", file=out)
        for label, side in (("one side", conflict.side_a), ("other side", conflict.side_b)):
            print(f"  {label}:", file=out)
            for claim in side:
                claim_block(claim, out, "    ")
    return None


def _structure(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    entity = ketref.get(ns.name)
    s = ketref.structure(entity)
    if ns.json:
        return {"entity": entity.id, **s.model_dump(mode="json")}
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
    print(f"{entity.name} (computed by RDKit from the recorded structure)", file=out)
    table(rows, ("property", "value"), out)
    return None


def _identify(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    text = ns.structure
    if text.endswith((".mol", ".sdf", ".mdl")):
        try:
            with open(text, encoding="utf-8") as handle:
                text = handle.read(1_000_000)
        except OSError as exc:
            raise ketref.StructureError(f"cannot read {ns.structure}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise ketref.StructureError(
                f"{ns.structure} is not UTF-8 text; a molfile is plain text"
            ) from None
    entity = ketref.identify(text)
    if ns.json:
        return entity
    print(f"{entity.name}  ({entity.kind.value}, id {entity.id})", file=out)
    return None


def _stereoisomers(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    found = ketref.stereoisomers(ns.name)
    if ns.json:
        return found
    rows = [
        (str(n), ",".join(label or "?" for label in i.labels), i.entity or "-", i.smiles)
        for n, i in enumerate(found.isomers)
    ]
    table(rows, ("#", "CIP", "entity", "SMILES"), out)
    for pair in found.pairs:
        print(f"  {pair.a} and {pair.b}: {pair.relation}", file=out)
    return None


def _depict(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    svg = ketref.depict(ns.name)
    if ns.out:
        try:
            with open(ns.out, "w", encoding="utf-8") as handle:
                handle.write(svg)
        except OSError as exc:
            raise ketref.InvalidQueryError(f"cannot write {ns.out}: {exc.strerror}") from None
        message = f"wrote {ns.out}"
        return {"written": ns.out} if ns.json else print(message, file=out)
    if ns.json:
        return {"svg": svg}
    out.write(svg)
    return None


def _coverage(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref
    from ketref.coverage import sentence_coverage

    kb = ketref.knowledge_base()
    seeds = [kb.source(ns.source)] if ns.source else [s for s in kb.sources() if kb.is_bundled_seed(s.id)]
    report = {source.id: sentence_coverage(kb, source.id) for source in seeds}
    if ns.json:
        return {
            seed: [
                {
                    "number": r.number,
                    "sentence": r.sentence,
                    "claims": list(r.claims),
                    "excluded": r.excluded.value if r.excluded else None,
                }
                for r in rows
            ]
            for seed, rows in report.items()
        }
    if ns.source:
        for r in next(iter(report.values())):
            status = (
                f"{len(r.claims)} claim(s)"
                if r.claims
                else f"excluded: {r.excluded.value}"
                if r.excluded
                else "UNCOVERED"
            )
            print(f"{r.number:>4}  {status:<22} {r.sentence}", file=out)
        return None
    summary = []
    for seed, rows in report.items():
        quoted = sum(1 for r in rows if r.claims)
        excluded = sum(1 for r in rows if not r.claims and r.excluded)
        missing = len(rows) - quoted - excluded
        summary.append((seed, str(len(rows)), str(quoted), str(excluded), str(missing)))
    table(summary, ("source", "sentences", "quoted", "excluded", "uncovered"), out)
    return None


def _adverse_effects(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    reports = ketref.adverse_effects(ns.name)
    if ns.json:
        return reports
    rows = [
        (
            r.effect,
            str(r.source_count),
            ", ".join(r.frequencies) or "-",
            ", ".join(r.settings) or "-",
            ", ".join(r.sources),
        )
        for r in reports
    ]
    table(rows, ("effect", "sources", "frequency", "setting", "reported by"), out)
    return None


def _unique(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    found = ketref.unique_claims(ns.source)
    if ns.json:
        return found
    claim_list(found, f" that only {ns.source} makes", out)
    return None


def _pathway(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref
    from ketref.pathways import render

    view: Any = (
        ketref.compare_pathways(ns.name, ns.compare, inherit=ns.inherit)
        if ns.compare
        else ketref.pathway(ns.name, inherit=ns.inherit)
    )
    if ns.format in ("mermaid", "dot", "svg"):
        text = {"mermaid": render.to_mermaid, "dot": render.to_dot, "svg": render.to_svg}[ns.format](view)
        if ns.out:
            write(text, ns.out)
            return {"written": ns.out} if ns.json else print(f"wrote {ns.out}", file=out)
        if ns.json:
            return {"format": ns.format, "text": text}
        out.write(text)
        return None
    if ns.json:
        return view
    if ns.compare:
        for title, keys in (
            ("both", view.shared),
            (f"only {view.a.root}", view.only_a),
            (f"only {view.b.root}", view.only_b),
        ):
            print(f"{title} ({len(keys)} steps):", file=out)
            for source, target, predicate in keys:
                print(f"  {source} {predicate} {target}", file=out)
        return None
    print(f"pathway of {view.root}: {len(view.nodes)} nodes, {len(view.edges)} steps", file=out)
    for edge in view.edges:
        flags = " [inherited]" if edge.inherited else ""
        print(f"  {edge.source} --{edge.label}--> {edge.target}  ({edge.status.value}){flags}", file=out)
        print(f"      claims: {', '.join(edge.claims)}", file=out)
    return None


def _paths(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    found = ketref.pathway(ns.name, inherit=ns.inherit).paths(ns.source, ns.target)
    if ns.json:
        return found
    print(f"{len(found)} path{'s' if len(found) != 1 else ''} from {ns.source} to {ns.target}", file=out)
    for p in found:
        print(f"  ({p.weakest.value}) {' -> '.join(p.nodes)}", file=out)
    return None


def _pk(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    found = ketref.pharmacokinetics(ns.name)
    if ns.json:
        return found
    rows = [
        (c.object, c.context.route or "-", "; ".join(str(v) for v in c.values), ", ".join(c.sources))
        for c in found
    ]
    table(rows, ("parameter", "route", "value", "source"), out)
    return None


def _folds(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    found = ketref.affinity_folds()
    if ns.json:
        return found
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
    return None


def _validate(ns: argparse.Namespace, out: TextIO) -> Any:
    from ketref.kb import KnowledgeBase

    kb = KnowledgeBase.from_paths(*ns.paths, include_bundled=not ns.alone)
    summary = {"entities": len(kb.entities), "sources": len(kb.sources()), "claims": len(kb.all_claims())}
    if ns.json:
        return {"valid": True, **summary}
    print(
        f"valid: {summary['entities']} entities, {summary['sources']} sources, {summary['claims']} claims",
        file=out,
    )
    return None


def _export(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    text = ketref.export(ns.format)
    if ns.out:
        write(text, ns.out)
        print(f"wrote {ns.out}", file=out)
    else:
        out.write(text)
    return None


def _table_cmd(ns: argparse.Namespace, out: TextIO) -> Any:
    import ketref

    t = ketref.table(ns.name)
    standalone = bool(getattr(ns, "standalone", False))
    if ns.format == "html":
        text = t.to_html(standalone=standalone)
    elif ns.format == "latex":
        text = t.to_latex(standalone=standalone)
    else:
        text = {"md": t.to_markdown, "rst": t.to_rst, "csv": t.to_csv}[ns.format]()
    if ns.out:
        write(text, ns.out)
        print(f"wrote {ns.out}", file=out)
    else:
        out.write(text)
    return None


def _factsheet(ns: argparse.Namespace, out: TextIO) -> Any:
    from ketref.teaching import factsheet

    text = factsheet(_kb(), ns.name)
    if ns.json:
        return {"markdown": text}
    out.write(text)
    return None


def _quiz(ns: argparse.Namespace, out: TextIO) -> Any:
    from ketref.teaching import quiz

    questions = quiz(_kb(), ns.n, ns.seed)
    if ns.json:
        return questions
    for number, q in enumerate(questions, 1):
        print(f"{number}. {q.stem}", file=out)
        for letter, option in zip("ABCD", q.options, strict=False):
            print(f"   {letter}. {option}", file=out)
        print(f'   Answer: {"ABCD"[q.answer]} ({q.source}: "{q.quote}")', file=out)
    return None


def _flashcards(ns: argparse.Namespace, out: TextIO) -> Any:
    from ketref.teaching import flashcards, to_anki

    found = flashcards(_kb())
    write(to_anki(found), ns.out)
    if ns.json:
        return {"written": ns.out, "cards": len(found)}
    print(f"wrote {len(found)} cards to {ns.out}", file=out)
    return None


HANDLERS: dict[str, Callable[[argparse.Namespace, TextIO], Any]] = {
    "show": _show,
    "search": _search,
    "claims": _claims,
    "compare": _compare,
    "structure": _structure,
    "identify": _identify,
    "stereoisomers": _stereoisomers,
    "depict": _depict,
    "coverage": _coverage,
    "table": _table_cmd,
    "factsheet": _factsheet,
    "quiz": _quiz,
    "flashcards": _flashcards,
    "export": _export,
    "validate": _validate,
    "pk": _pk,
    "folds": _folds,
    "pathway": _pathway,
    "paths": _paths,
    "adverse-effects": _adverse_effects,
    "unique": _unique,
    "sources": _sources,
    "conflicts": _conflicts,
}
