"""Generate the documentation pages that come from the knowledge base.

``python -m ketref.docsgen docs/generated`` writes one Markdown page per entity, every table,
the pathway diagrams (as SVG from Graphviz, so they render without any script), the molecule
depictions, the glossary and the command-line reference. The docs build runs it first, so no
page can drift from the data.
``--pack DIR`` (repeatable) builds the pages of the bundled data merged with a pack, and
``--alone`` of the packs alone.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase
    from ketref.profiles import Profile

__all__ = ["generate", "main"]

PATHWAY_VIEWS: tuple[tuple[str, str | None], ...] = (
    ("esketamine", None),
    ("arketamine", None),
    ("racemic-ketamine", None),
    ("esketamine", "arketamine"),
)
"""The bundled pathway pages (those whose compounds a knowledge base has); a pack's compounds each
get a page of their own besides."""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _pathway_views(kb: KnowledgeBase) -> list[tuple[str, str | None]]:
    from ketref.models.entities import Compound

    views = [(a, b) for a, b in PATHWAY_VIEWS if a in kb.entities and (b is None or b in kb.entities)]
    return views + [(e, None) for e in sorted(kb.pack_entities) if isinstance(kb.entities[e], Compound)]


def _sources_page(kb: KnowledgeBase) -> str:
    """Every source with its kind, tier, interests and citation, strongest tier first."""
    from html import escape

    lines = [
        "# Every source",
        "",
        "What each source is, how much weight it carries (its [tier](../sources.md)) and whose "
        "interests it may serve. Strongest tier first.",
        "",
    ]
    for source in sorted(kb.sources(), key=lambda s: (-s.effective_tier.rank, s.title.casefold())):
        lines.append(f'<h3 id="source-{escape(source.id)}">{escape(source.title)}</h3>')
        lines.append("")
        who = ", ".join(source.authors[:3]) + (" et al." if len(source.authors) > 3 or source.et_al else "")
        citation = "; ".join(
            x
            for x in (
                who,
                source.journal,
                source.publisher,
                source.date,
                f"PMID {source.pmid}" if source.pmid else None,
                f"doi:{source.doi}" if source.doi else None,
            )
            if x
        )
        lines.append(
            f"- **Tier:** {source.effective_tier.value}; **kind:** {source.kind.value.replace('_', ' ')}"
        )
        if citation:
            lines.append(f"- **Citation:** {escape(citation)}")
        if source.interests:
            lines.append(f"- **Interests:** {escape(source.interests)}")
        if source.url:
            lines.append(f"- **Where:** <{source.url}>")
        lines.append("")
    return "\n".join(lines) + "\n"


def _entity_href(entity_id: str) -> str:
    """A node's link from a pathway page (``generated/pathways/<slug>/``) to its entity page."""
    from urllib.parse import quote

    return f"../../entities/{quote(entity_id)}/"


def _inline_svg(svg: str) -> str:
    """An SVG for inlining in a page: no XML prolog or doctype, and no blank line (which would end
    Markdown's HTML block)."""
    svg = svg[svg.index("<svg") :]
    return "\n".join(line for line in svg.splitlines() if line.strip())


def _pathway_page(kb: KnowledgeBase, a: str, b: str | None, title: str) -> str:
    """A pathway page: the core diagram (pan and zoom, nodes linking to entity pages, edges titled
    with their sources), its steps in words, what the claims lack, then the full diagram."""
    from html import escape

    from ketref.pathways.api import compare_pathways, pathway
    from ketref.pathways.model import Pathway, PathwayDiff, View
    from ketref.pathways.render import to_svg
    from ketref.vocabulary import PREDICATES

    def view(kind: View) -> Pathway | PathwayDiff:
        return compare_pathways(kb, a, b, view=kind) if b else pathway(kb, a, view=kind)

    def link(entity_id: str) -> str:
        return f"[{kb.entities[entity_id].name}](../entities/{entity_id}.md)"

    def diagram(shown: Pathway | PathwayDiff, label: str) -> list[str]:
        svg = _inline_svg(to_svg(shown, href=_entity_href))
        return [
            f'<div class="ketref-pathway" data-ketref-panzoom role="figure" aria-label="{escape(label)}">',
            svg,
            "</div>",
            "",
        ]

    core = view("core")
    out = [
        f"# Mechanism: {title}",
        "",
        "The core mechanism: the canonical antidepressant cascade as ketref's claims support it, and "
        f"what is particular to {'each form' if b else 'this form'}. "
        "Drag to move the diagram, use the buttons (or Ctrl and the "
        "mouse wheel) to zoom; click a node to open its page; point at an arrow to see its sources.",
        "",
        *diagram(core, f"Core mechanism of {title}"),
        "## The steps",
        "",
    ]
    if isinstance(core, PathwayDiff):
        for heading, keys in (
            ("Both", core.shared),
            (f"Only {kb.entities[a].name}", core.only_a),
            (f"Only {kb.entities[core.b.root].name}", core.only_b),
        ):
            out += [f"**{heading}**", ""]
            for source, target, predicate in keys:
                who = "each" if source == "*" else link(source)
                note = core.note((source, target, predicate))
                out.append(
                    f"- {who} {PREDICATES[predicate].label} {link(target)}"
                    + (f" (both; {note})" if note else "")
                )
            out.append("")
        missing = core.a.missing + tuple(m for m in core.b.missing if m not in core.a.missing)
    else:
        for edge in core.edges:
            sources = "; ".join(escape(c) for c in edge.cited)
            out.append(
                f"- {link(edge.source)} {edge.label} {link(edge.target)}: {edge.status.value}, "
                f"grade {edge.grade.value}" + (f" ({sources})" if sources else "")
            )
        out.append("")
        missing = core.missing
    if missing:
        out += [
            "## Not in ketref's claims",
            "",
            "These canonical steps are not drawn, because no claim gives them:",
            "",
        ]
        out += [f"- {escape(m)}" for m in missing]
        out.append("")
    full = view("full")
    full_pathway = full.a if isinstance(full, PathwayDiff) else full
    out += [
        "## Every step",
        "",
        f"Every mechanism step the claims give ({len(full_pathway.nodes)} nodes"
        + (f" for {kb.entities[a].name}" if b else "")
        + "), for reference; the core diagram above is the one for a slide.",
        "",
        *diagram(full, f"Every mechanism step of {title}"),
    ]
    return "\n".join(out)


def _named_ids(kb: KnowledgeBase, claim_ids: Sequence[str]) -> list[str]:
    """The entities a statement's claims name: subject, object, comparator and route."""
    out: dict[str, None] = {}
    for claim_id in claim_ids:
        claim = kb.claim(claim_id)
        named = [claim.subject, claim.object, claim.context.route]
        if claim.comparison is not None:
            named.append(claim.comparison.comparator)
        for entity_id in named:
            if entity_id and entity_id in kb.entities:
                out[entity_id] = None
    return list(out)


def _phrases(kb: KnowledgeBase, entity_id: str) -> list[str]:
    """How a statement may write an entity: its in-sentence phrase, its name, either capitalised."""
    from ketref.humanize import entity_phrase

    found = [entity_phrase(kb, entity_id, article=False), kb.entities[entity_id].name]
    found += [f[:1].upper() + f[1:] for f in found]
    return list(dict.fromkeys(f for f in found if f))


def _link_entities(kb: KnowledgeBase, text: str, entity_ids: Sequence[str], page: str) -> str:
    """``text`` with the first mention of each entity (but the page's own) as a Markdown link to
    its page; longer names first, never inside a longer name ("ketamine" in "esketamine")."""
    import re

    spans: list[tuple[int, int, str]] = []
    # the page's own name is matched too, every time, but never linked: "ketamine" in "Racemic
    # ketamine" on the racemate's page is not a mention of ketamine
    candidates = [(phrase, e) for e in (page, *entity_ids) for phrase in _phrases(kb, e)]
    linked: set[str] = set()
    for phrase, entity_id in sorted(candidates, key=lambda pe: (-len(pe[0]), pe[1] != page)):
        if entity_id in linked:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text):
            if any(match.start() < end and start < match.end() for start, end, _ in spans):
                continue
            spans.append((match.start(), match.end(), entity_id))
            if entity_id != page:
                linked.add(entity_id)
                break
    for start, end, entity_id in sorted(spans, reverse=True):
        if entity_id != page:
            text = f"{text[:start]}[{text[start:end]}]({entity_id}.md){text[end:]}"
    return text


def _linked_profile(kb: KnowledgeBase, entity_id: str) -> Profile:
    """The entity's profile with every entity its statements name linked to that entity's page,
    found from the claims behind each statement (not by matching every name in the text)."""
    from ketref.profiles import Section, profile

    found = profile(kb, entity_id)
    record = kb.entities[entity_id]
    # identity lines rest on the entity's record, not on claims: the entities it refers to
    referred: list[str] = []
    for field in type(record).model_fields:
        value = getattr(record, field)
        for item in value if isinstance(value, tuple | list) else (value,):
            if isinstance(item, str) and item != entity_id and item in kb.entities:
                referred.append(item)
    parents = {getattr(record, "form_of", None), getattr(record, "parent", None)} - {None}
    for other in kb.entities.values():  # records that refer to this one (its salts), or share its
        if other.id == entity_id:  # parent (its mirror image, the racemate)
            continue
        for field in type(other).model_fields:
            value = getattr(other, field)
            items = value if isinstance(value, tuple | list) else (value,)
            if field != "id" and (
                entity_id in items or (field in ("form_of", "parent") and value in parents)
            ):
                referred.append(other.id)
    sections = []
    for section in found.sections:
        statements = []
        for statement in section.statements:
            if not statement.claims and ", also called " in statement.text:
                statements.append(statement)  # names and synonyms: "esketamine HCl" is one name
                continue
            ids = _named_ids(kb, statement.claims) if statement.claims else referred
            update = {"text": _link_entities(kb, statement.text, ids, entity_id)}
            if statement.conflict:
                update["conflict"] = _link_entities(kb, statement.conflict, ids, entity_id)
            statements.append(statement.model_copy(update=update))
        sections.append(Section(title=section.title, statements=tuple(statements)))
    return found.model_copy(update={"sections": tuple(sections)})


def _quiz_page(kb: KnowledgeBase) -> str:
    from ketref.quiz import make_quiz, to_markdown

    report = make_quiz(kb, 20, 0)
    body = to_markdown(report.questions)
    return "# Quiz\n\nTwenty well-posed questions with an answer key at the end.\n\n" + body


def generate(kb: KnowledgeBase, target: Path) -> list[Path]:
    """Write every generated page of ``kb`` under ``target``; returns the files written."""
    from ketref.chem.api import depict
    from ketref.cli import reference
    from ketref.errors import StructureError
    from ketref.factsheets import render
    from ketref.tables.build import applicable, build_table
    from ketref.teaching import glossary

    target = Path(target)
    written: list[Path] = []

    def page(relative: str, text: str) -> None:
        path = target / relative
        _write(path, text)
        written.append(path)

    # tables
    index = ["# Tables", "", "Generated from the knowledge base; every cell cites the claims behind it.", ""]
    for name in applicable(kb):
        table = build_table(kb, name)
        index.append(f"- [{table.title}]({name}.md)")
        page(f"tables/{name}.md", f"# {table.title}\n\n{table.to_html()}\n")
    page("tables/index.md", "\n".join(index) + "\n")

    # pathways: the core diagram to pan and zoom, its steps in words, then every step
    lines = [
        "# Mechanism",
        "",
        "How each form of ketamine is thought to act, drawn from ketref's claims: colour and shape say "
        "what a node is, line style how well the sources support each step (grades A to D).",
        "",
    ]
    for a, b in _pathway_views(kb):
        slug = f"{a}-vs-{b}" if b else a
        title = f"{kb.get(a).name} and {kb.get(b).name}" if b else kb.get(a).name
        lines.append(f"- [{title}]({slug}.md)")
        page(f"pathways/{slug}.md", _pathway_page(kb, a, b, title))
    page("pathways/index.md", "\n".join(lines) + "\n")

    # entities, with depictions for those with a structure
    entity_lines = ["# Entities", ""]
    for entity in sorted(kb.entities.values(), key=lambda e: (e.kind.value, e.name.casefold())):
        sheet = render(_linked_profile(kb, entity.id), "md", links=True)
        if getattr(entity, "smiles", None):
            try:
                svg = depict(kb, entity.id)
            except StructureError:  # a pack's structure RDKit cannot draw: the page goes without
                svg = ""
            if svg:
                svg = svg[svg.index("<svg") :]
                sheet = sheet.replace("\n", f'\n\n<div class="ketref-structure">\n{svg}\n</div>\n', 1)
        entity_lines.append(f"- [{entity.name}]({entity.id}.md) ({entity.kind.value})")
        page(f"entities/{entity.id}.md", sheet)
    page("entities/index.md", "\n".join(entity_lines) + "\n")
    page("glossary.md", glossary(kb))
    page("sources-list.md", _sources_page(kb))
    page("quiz.md", _quiz_page(kb))
    page("cli.md", reference())
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m ketref.docsgen [OUT] [--pack DIR ...] [--alone]``; returns the exit status."""
    from ketref.errors import KetrefError
    from ketref.kb import KnowledgeBase

    parser = argparse.ArgumentParser(prog="python -m ketref.docsgen", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="docs/generated", help="the directory to write")
    parser.add_argument(
        "--pack", action="append", default=[], metavar="DIR", help="a knowledge pack to include (repeatable)"
    )
    parser.add_argument("--alone", action="store_true", help="the packs alone, without the bundled data")
    ns = parser.parse_args(argv)
    try:
        if ns.pack:
            kb = KnowledgeBase.from_paths(*ns.pack, include_bundled=not ns.alone)
        elif ns.alone:
            parser.error("--alone needs at least one --pack")
        else:
            kb = KnowledgeBase.bundled()
        files = generate(kb, Path(ns.out))
    except KetrefError as exc:
        print(f"ketref.docsgen: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(files)} pages under {ns.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
