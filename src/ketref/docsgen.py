"""Generate the documentation pages that come from the knowledge base.

``python -m ketref.docsgen docs/generated`` writes one Markdown page per entity, every table,
the pathway diagrams (as SVG from Graphviz, so they render without any script), the molecule
depictions and the glossary. The docs build runs it first, so no page can drift from the data.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["generate"]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def generate(target: Path) -> list[Path]:
    """Write every generated page under ``target``; returns the files written."""
    import ketref
    from ketref.pathways.render import to_svg
    from ketref.tables.build import TABLES
    from ketref.teaching import factsheet, glossary

    kb = ketref.knowledge_base()
    written: list[Path] = []

    def page(relative: str, text: str) -> None:
        path = target / relative
        _write(path, text)
        written.append(path)

    # tables
    index = ["# Tables", "", "Generated from the knowledge base; every cell cites the claims behind it.", ""]
    for name in TABLES:
        table = ketref.table(name)
        index.append(f"- [{table.title}]({name}.md)")
        page(f"tables/{name}.md", f"# {table.title}\n\n{table.to_html()}\n")
    page("tables/index.md", "\n".join(index) + "\n")

    # pathways, as inline SVG drawn by Graphviz
    views = [
        ("esketamine", None),
        ("arketamine", None),
        ("racemic-ketamine", None),
        ("esketamine", "arketamine"),
    ]
    lines = ["# Pathways", "", "Built from the claims: line style shows each step's status.", ""]
    for a, b in views:
        view = ketref.compare_pathways(a, b) if b else ketref.pathway(a)
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
        sheet = factsheet(entity.id)
        if getattr(entity, "smiles", None):
            svg = ketref.depict(entity.id)
            svg = svg[svg.index("<svg") :]
            sheet = sheet.replace("\n", f'\n\n<div class="ketref-structure">\n{svg}\n</div>\n', 1)
        entity_lines.append(f"- [{entity.name}]({entity.id}.md) ({entity.kind.value})")
        page(f"entities/{entity.id}.md", sheet)
    page("entities/index.md", "\n".join(entity_lines) + "\n")
    page("glossary.md", glossary())
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/generated")
    files = generate(out)
    print(f"wrote {len(files)} pages under {out}")
