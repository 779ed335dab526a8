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
    from ketref.pathways.api import compare_pathways, pathway
    from ketref.pathways.render import to_svg
    from ketref.profiles import profile
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

    # pathways, as inline SVG drawn by Graphviz
    lines = ["# Pathways", "", "Built from the claims: line style shows each step's status.", ""]
    for a, b in _pathway_views(kb):
        view = compare_pathways(kb, a, b) if b else pathway(kb, a)
        slug = f"{a}-vs-{b}" if b else a
        title = f"{kb.get(a).name} and {kb.get(b).name}" if b else kb.get(a).name
        svg = to_svg(view)
        svg = svg[svg.index("<svg") :]  # inline: drop the XML prolog and doctype
        lines.append(f"- [{title}]({slug}.md)")
        page(f"pathways/{slug}.md", f'# Pathway: {title}\n\n<div class="ketref-pathway">\n{svg}\n</div>\n')
    page("pathways/index.md", "\n".join(lines) + "\n")

    # entities, with depictions for those with a structure
    entity_lines = ["# Entities", ""]
    for entity in sorted(kb.entities.values(), key=lambda e: (e.kind.value, e.name.casefold())):
        sheet = render(profile(kb, entity.id), "md", links=True)
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
