"""Pathway diagrams as Mermaid and Graphviz DOT text, and SVG or PNG through the ``dot`` program.

What a diagram shows, and its legend explains:

- each node's colour and shape say its kind (compound, target, molecule, process, effect...),
  read from the entity-kind registry :data:`ketref.vocabulary.KINDS`, never from a table here;
- each edge's line says its evidence grade (:mod:`ketref.grades`): A thick solid, B solid,
  C dashed, D dotted; a step the sources only hypothesize or suggest has a "?" in its label;
- in a comparison, steps both compounds have are grey (with a note where comparative claims say
  which is stronger), and a step only one has takes that compound's colour.

The legend lists exactly the kinds, grades and comparison colours the diagram uses. Diagrams are
laid out left to right with wrapped labels sized for a 16:9 slide (:data:`SLIDE`); each node can
link to its entity page, and each edge's tooltip gives its sources.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
import unicodedata
from collections.abc import Callable
from html import escape

from ketref.errors import RenderError
from ketref.grades import Grade
from ketref.pathways.model import Pathway, PathwayDiff, PathwayEdge, PathwayNode
from ketref.vocabulary import KINDS, EntityKind, Status

__all__ = [
    "COLOURS",
    "GRADE_STYLE",
    "SHARED",
    "SLIDE",
    "RenderError",
    "legend_entries",
    "to_dot",
    "to_mermaid",
    "to_png",
    "to_svg",
]

GRADE_STYLE: dict[Grade, tuple[str, float]] = {
    Grade.A: ("solid", 4.0),
    Grade.B: ("solid", 2.0),
    Grade.C: ("dashed", 2.0),
    Grade.D: ("dotted", 2.0),
}
"""Each grade's Graphviz line style and pen width."""

MERMAID_ARROW = {Grade.A: "==>", Grade.B: "-->", Grade.C: "-.->", Grade.D: "-.->"}
COLOURS = ("#1f6fb2", "#c2410c")
"""The colours of steps only the first, or only the second, compound of a comparison has."""
SHARED = "#4b5563"
"""The colour of steps both compounds have."""
SLIDE = (1280, 720)
"""The slide a diagram is laid out for, in pixels (16:9)."""

NODE_FONT = 16
EDGE_FONT = 15
TITLE_FONT = 18
WRAP = 13
"""Characters per line of a node label; edge labels wrap a little shorter."""

HEDGE_MEANING = "the sources only suggest or hypothesize this step"
"""What a "?" after an edge label means."""

Href = Callable[[str], str | None]
"""A function giving the link of a node (an entity id), or ``None`` for no link."""


def _mermaid_text(text: str) -> str:
    """Text safe inside a Mermaid quoted label: quotes and markup characters become entities."""
    table = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", "|": "#124;", "[": "#91;", "]": "#93;"}
    return "".join(table.get(ch, ch) for ch in text)


def _clean(text: str) -> str:
    """Text Graphviz can take: control characters (invalid in its HTML-like labels) and lone
    surrogates (not encodable) become a replacement character; line breaks become spaces."""
    return "".join(
        " " if ch in "\n\r\t" else "\ufffd" if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text
    )


def _dot_text(text: str) -> str:
    return _clean(text).replace("\\", "\\\\").replace('"', '\\"')


def _wrapped(text: str, width: int = WRAP) -> str:
    """DOT label text broken into lines of about ``width`` characters (``\\n`` between them)."""
    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False) or [""]
    return "\\n".join(_dot_text(line) for line in lines)


def _kind(node: PathwayNode) -> EntityKind:
    try:
        return EntityKind(node.kind)
    except ValueError:  # a node built by hand with a kind the registry lacks
        return EntityKind.PROCESS


def _short_label(edge: PathwayEdge) -> str:
    """An edge's label in a diagram: none for a plain "leads to" or a blockade step (the arrow
    says it), else the predicate(s)."""
    if edge.derived or (edge.predicate == "leads_to" and not edge.also):
        return ""
    return edge.label


def _hedge(status: Status) -> str:
    """The status a label shows: only the hedged ones (a claim the sources only suggest)."""
    return "" if status in (Status.ESTABLISHED, Status.REPORTED) else status.value


class _Drawn:
    """What one diagram draws: nodes, edges with their colours and notes, and its title."""

    def __init__(self, view: Pathway | PathwayDiff) -> None:
        self.diff = view if isinstance(view, PathwayDiff) else None
        self.edges: list[tuple[PathwayEdge, str | None, str | None]] = []
        if isinstance(view, Pathway):
            self.pathway = view
            self.edges = [(e, None, None) for e in view.edges]
            self.title = f"{view.nodes[0].name if view.nodes else view.root}: " + (
                "core mechanism" if view.view == "core" else "mechanism, every step"
            )
            self.missing = view.missing
            return
        shared = set(view.shared)
        drawn: set[tuple[str, str, str]] = set()
        noted: dict[str, set[str]] = {}
        for pathway, colour in ((view.a, COLOURS[0]), (view.b, COLOURS[1])):
            for edge in pathway.edges:
                keys = [
                    ("*" if edge.source == pathway.root else edge.source, edge.target, p)
                    for p in (edge.predicate, *edge.also)
                ]
                both = any(k in shared for k in keys)
                if both and keys[0][0] != "*" and keys[0] in drawn:
                    continue  # a shared step between two other nodes is drawn once
                drawn.add(keys[0])
                note = next((n for k in keys if (n := view.note(k))), None)
                if note in noted.get(edge.target, set()):
                    note = None  # said once, on the first root's arrow
                elif note:
                    noted.setdefault(edge.target, set()).add(note)
                self.edges.append((edge, SHARED if both else colour, note))
        nodes = {n.id: n for n in (*view.a.nodes, *view.b.nodes)}
        self.pathway = Pathway(
            root=view.a.root,
            nodes=tuple(nodes.values()),
            edges=tuple(e for e, _, _ in self.edges),
            view=view.a.view,
        )
        names = (view.a.nodes[0].name, view.b.nodes[0].name) if view.a.nodes and view.b.nodes else ("", "")
        self.title = f"{names[0]} and {names[1]}: " + (
            "core mechanism compared" if view.a.view == "core" else "mechanisms compared"
        )
        self.missing = tuple(dict.fromkeys((*view.a.missing, *view.b.missing)))
        self.names = names

    def kinds(self) -> list[EntityKind]:
        """The kinds of the drawn nodes, in registry order."""
        used = {_kind(n) for n in self.pathway.nodes}
        return [k for k in KINDS if k in used]

    def grades(self) -> list[Grade]:
        """The grades of the drawn edges, best first."""
        used = {e.grade for e, _, _ in self.edges}
        return [g for g in Grade if g in used]

    def colours(self) -> list[tuple[str, str]]:
        """The comparison colours used, each with what it means."""
        if self.diff is None:
            return []
        meaning = {
            SHARED: "both",
            COLOURS[0]: f"only {self.names[0]}",
            COLOURS[1]: f"only {self.names[1]}",
        }
        used = {c for _, c, _ in self.edges if c}
        return [(c, meaning[c]) for c in (SHARED, *COLOURS) if c in used]


def legend_entries(view: Pathway | PathwayDiff) -> dict[str, list[str]]:
    """What the legend of ``view``'s diagram lists: kind labels, grades and comparison colours."""
    drawn = _Drawn(view)
    return {
        "kinds": [KINDS[k].label for k in drawn.kinds()],
        "grades": [g.value for g in drawn.grades()],
        "colours": [meaning for _, meaning in drawn.colours()],
    }


# -- Mermaid --------------------------------------------------------------------------------


def to_mermaid(view: Pathway | PathwayDiff) -> str:
    """Mermaid flowchart text: nodes styled by kind, edges by grade, with a legend subgraph."""
    drawn = _Drawn(view)
    pathway = drawn.pathway
    ids = {n.id: f"n{i}" for i, n in enumerate(pathway.nodes)}
    lines = ["flowchart LR"]
    for node in pathway.nodes:
        lines.append(f'    {ids[node.id]}["{_mermaid_text(node.name)}"]:::{_kind(node).value}')
    styles = []
    for index, (edge, colour, note) in enumerate(drawn.edges):
        words = [edge.label, _hedge(edge.status), f"grade {edge.grade.value}", note or ""]
        label = _mermaid_text("; ".join(w for w in words if w))
        lines.append(f'    {ids[edge.source]} {MERMAID_ARROW[edge.grade]}|"{label}"| {ids[edge.target]}')
        style = [f"stroke-width: {GRADE_STYLE[edge.grade][1]:g}px"]
        if GRADE_STYLE[edge.grade][0] == "dotted":
            style.append("stroke-dasharray: 2 4")
        if colour:
            style.append(f"stroke: {colour}")
        styles.append(f"    linkStyle {index} {','.join(style)}")
    lines += styles
    for kind in drawn.kinds():
        lines.append(f"    classDef {kind.value} fill:{KINDS[kind].colour},stroke:#374151,color:#000")
    lines.append('    subgraph legend["Legend"]')
    for kind in drawn.kinds():
        lines.append(f'        K{kind.value}["{_mermaid_text(KINDS[kind].label)}"]:::{kind.value}')
    for grade in drawn.grades():
        line, width = GRADE_STYLE[grade]
        lines.append(
            f'        G{grade.value}["grade {grade.value}: {line} line, {width:g}px ({grade.meaning})"]'
        )
    for colour, meaning in drawn.colours():
        name = f"C{colour.strip('#')}"
        lines.append(f'        {name}["{_mermaid_text(f"arrows of this colour: {meaning}")}"]')
        lines.append(f"        style {name} stroke:{colour},stroke-width:3px,color:{colour}")
    lines.append("    end")
    return "\n".join(lines) + "\n"


# -- Graphviz -------------------------------------------------------------------------------


def _tooltip(drawn: _Drawn, edge: PathwayEdge, note: str | None) -> str:
    names = {n.id: n.name for n in drawn.pathway.nodes}
    head = f"{names.get(edge.source, edge.source)} {edge.label} {names.get(edge.target, edge.target)}"
    parts = [head, f"{edge.status.value}, grade {edge.grade.value}"]
    if note:
        parts.append(f"both; {note}")
    if edge.cited:
        parts.append("Sources: " + "; ".join(edge.cited))
    return ". ".join(parts)


def _pairs(drawn: _Drawn) -> list[tuple[str, str]]:
    """Nodes drawn as one group. A ligand and its receptor: X activates target Y, Y leads nowhere
    in the view, and X leads on elsewhere (BDNF activates TrkB, and BDNF activates mTOR); the
    steps leaving X then leave the group, so the diagram reads BDNF–TrkB → mTOR without drawing
    a TrkB → mTOR step that no claim states. Or a ligand whose receptor alone leads on (BDNF
    activates TrkB, TrkB activates mTOR), and a process with the cells it acts on (NMDA receptor
    blockade on GABAergic interneurons): these two are stacked in one rank (see :func:`_stacked`,
    :func:`_site`), which keeps the canonical cascade legible on a slide."""
    out: list[tuple[str, str]] = []
    sources = {e.source for e, _, _ in drawn.edges}
    kinds = {n.id: _kind(n) for n in drawn.pathway.nodes}
    for edge, _, _ in drawn.edges:
        y = edge.target
        if _site(drawn, kinds, edge.source, y) and all(y != b and edge.source != b for _, b in out):
            out.append((edge.source, y))
            continue
        if (
            edge.predicate == "activates"
            and kinds.get(y) is EntityKind.TARGET
            and edge.source != drawn.pathway.root
            and (
                (
                    y not in sources
                    and any(e.source == edge.source and e.target != y for e, _, _ in drawn.edges)
                )
                or (kinds.get(edge.source) is EntityKind.MOLECULE and _stacked(drawn, edge.source, y))
            )
            and all(y != b and edge.source != b for _, b in out)
        ):
            out.append((edge.source, y))
    return out


def _site(drawn: _Drawn, kinds: dict[str, EntityKind], x: str, y: str) -> bool:
    """Whether ``y`` is the cells a process ``x`` acts on and nothing leads on from them (NMDA
    receptor blockade on GABAergic interneurons): the two are then drawn stacked in one group."""
    return (
        kinds.get(x) is EntityKind.PROCESS
        and kinds.get(y) is EntityKind.CELL_TYPE
        and not any(e.source == y for e, _, _ in drawn.edges)
    )


def _stacked(drawn: _Drawn, x: str, y: str) -> bool:
    """Whether the receptor ``y`` of the ligand ``x`` leads on along one line (TrkB → mTOR) while
    the ligand leads nowhere else: the pair is then drawn stacked in one rank, the step from ligand
    to receptor inside the group, so the line reads BDNF–TrkB → mTOR one rank shorter."""
    out_x = {e.target for e, _, _ in drawn.edges if e.source == x}
    out_y = {e.target for e, _, _ in drawn.edges if e.source == y}
    return out_x == {y} and len(out_y) == 1


def to_dot(view: Pathway | PathwayDiff, *, href: Href | None = None) -> str:
    """Graphviz DOT text, with a legend; ``href`` gives each node's link (its entity page)."""
    drawn = _Drawn(view)
    pathway = drawn.pathway
    ids = {n.id: f"n{i}" for i, n in enumerate(pathway.nodes)}
    title = f"{drawn.title} (ketref; educational, not clinical guidance)"
    lines = [
        "digraph pathway {",
        f'    graph [rankdir=LR, compound=true, newrank=true, fontname="Helvetica", fontsize={EDGE_FONT},'
        f" label=<{_legend(drawn)}>, labelloc=b, labeljust=l, nodesep=0.12, ranksep=0.18, pad=0.05];",
        f'    node [fontname="Helvetica", fontsize={NODE_FONT}, style=filled, penwidth=1.2, color="#374151",'
        ' margin="0.08,0.04"];',
        f'    edge [fontname="Helvetica", fontsize={EDGE_FONT}, arrowsize=0.9, color="#111827"];',
        f'    subgraph cluster_main {{ label="{_dot_text(title)}"; fontsize={TITLE_FONT}; labeljust=l;'
        " labelloc=t; peripheries=0; margin=4;",
    ]
    grouped = _pairs(drawn)
    in_group = {n: i for i, pair in enumerate(grouped) for n in pair}
    node_lines: dict[int | None, list[str]] = {}
    for node in pathway.nodes:
        kind = KINDS[_kind(node)]
        attrs = [
            f'label="{_wrapped(node.name)}"',
            f"shape={kind.shape}",
            f'fillcolor="{kind.colour}"',
            f'tooltip="{_dot_text(f"{node.name} ({kind.label})")}"',
        ]
        if kind.rounded:
            attrs.append('style="filled,rounded"')
        if kind.shape == "hexagon":  # its slanted sides already leave room round the label
            attrs.append('margin="0.01,0.02"')
        if node.id == pathway.root or (drawn.diff is not None and node.id == drawn.diff.b.root):
            attrs.append("penwidth=2.5")
        link = href(node.id) if href is not None else None
        if link:
            attrs += [f'URL="{_dot_text(link)}"', 'target="_top"']
        node_lines.setdefault(in_group.get(node.id), []).append(f"    {ids[node.id]} [{', '.join(attrs)}];")
    lines += node_lines.get(None, [])
    for i, (x, y) in enumerate(grouped):
        names = {n.id: n.name for n in pathway.nodes}
        lines.append(
            f'    subgraph cluster_pair{i} {{ label=""; style="rounded,dashed"; color="#6b7280";'
            " peripheries=1;"
            f' tooltip="{_dot_text(names[x] + " and " + names[y])}";'
        )
        lines += ["    " + line for line in node_lines.get(i, [])]
        kinds = {n.id: _kind(n) for n in pathway.nodes}
        if _stacked(drawn, x, y) or _site(drawn, kinds, x, y):
            lines.append(f"        {{ rank=same; {ids[x]}; {ids[y]}; }}")
        lines.append("    }")
    roots = {pathway.root} | ({drawn.diff.b.root} if drawn.diff is not None else set())
    given = sorted({ids[e.target] for e, _, _ in drawn.edges if e.derived and e.source in roots})
    if given:  # the blockade a compound gives sits beside it, so the cascade starts one rank earlier
        lines.append(f"    {{ rank=same; {'; '.join(sorted(ids[r] for r in roots) + given)}; }}")
    for index, (edge, colour, note) in enumerate(drawn.edges):
        style, width = GRADE_STYLE[edge.grade]
        words = _short_label(edge) + ("?" if _hedge(edge.status) else "")
        label = _wrapped(words, WRAP + 1) if words else ""
        if note:
            label += ("\\n" if label else "") + _wrapped(f"(both: {note})", WRAP)
        attrs = [
            f'id="edge{index}"',
            f'label="{label}"',
            f"style={style}",
            f"penwidth={width:g}",
            f'tooltip="{_dot_text(_tooltip(drawn, edge, note))}"',
        ]
        if colour:
            attrs += [f'color="{colour}"', f'fontcolor="{colour}"']
        group = in_group.get(edge.source)
        if group is not None and edge.target not in grouped[group]:
            attrs.append(f"ltail=cluster_pair{group}")
        lines.append(f"    {ids[edge.source]} -> {ids[edge.target]} [{', '.join(attrs)}];")
    lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _html(text: str, width: int) -> str:
    """Text for an HTML-like Graphviz label, wrapped into lines of about ``width`` characters."""
    lines = textwrap.wrap(_clean(text), width=width, break_long_words=False, break_on_hyphens=False) or [""]
    return '<BR ALIGN="LEFT"/>'.join(escape(line) for line in lines) + '<BR ALIGN="LEFT"/>'


def _legend(drawn: _Drawn) -> str:
    """The legend, one HTML-like table drawn below the diagram: a swatch for each kind drawn, a
    line sample for each grade drawn, the comparison colours, what "?" means, and the canonical
    steps the claims lack."""
    rounded = ' STYLE="rounded"'
    cells = [  # fixed sizes, so the swatches keep their size when the legend is wider than they are
        f'<TD BGCOLOR="{KINDS[k].colour}" BORDER="1" COLOR="#374151" FIXEDSIZE="TRUE"'
        f' WIDTH="{len(KINDS[k].label) * EDGE_FONT * 0.56 + 14:.0f}" HEIGHT="{EDGE_FONT + 8}"'
        f"{rounded if KINDS[k].rounded else ''}>{escape(KINDS[k].label)}</TD>"
        for k in drawn.kinds()
    ]
    rows = [
        '<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="3"><TR><TD><B>Legend</B></TD>'
        + "".join(cells)
        + "<TD></TD></TR></TABLE></TD></TR>"
    ]
    samples: list[tuple[str, float, str, str]] = [
        (*GRADE_STYLE[g], "#111827", f"grade {g.value}: {g.meaning}") for g in drawn.grades()
    ]
    samples += [("solid", 3.0, colour, meaning) for colour, meaning in drawn.colours()]
    line = []
    for style, width, colour, text in samples:
        line.append(
            f'<TD WIDTH="40" HEIGHT="8" FIXEDSIZE="TRUE" BORDER="{max(1, round(width))}" SIDES="B"'
            f' STYLE="{style}"'
            f' COLOR="{colour}"></TD><TD ALIGN="LEFT">{_html(text, 26)}</TD>'
        )
    if any(_hedge(e.status) for e, _, _ in drawn.edges):
        line.append(f'<TD>?</TD><TD ALIGN="LEFT">{_html(HEDGE_MEANING, 26)}</TD>')
    rows.append(
        '<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="2"><TR>'
        + "".join(line)
        + "<TD></TD></TR></TABLE></TD></TR>"
    )
    if drawn.missing:
        text = "Not in ketref's claims, so not drawn: " + "; ".join(drawn.missing) + "."
        rows.append(f'<TR><TD ALIGN="LEFT">{_html(text, 110)}</TD></TR>')
    return (
        '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2" STYLE="rounded" COLOR="#9ca3af">'
        + "".join(rows)
        + "</TABLE>"
    )


def _dot(args: list[str], source: str, timeout: float) -> bytes:
    """Run Graphviz's ``dot``; a missing program is :class:`ketref.MissingDependencyError`."""
    program = shutil.which("dot")
    if program is None:
        from ketref.errors import MissingDependencyError

        raise MissingDependencyError(
            "graphviz", feature="a pathway diagram (drawn by Graphviz's 'dot' program)"
        )
    try:
        done = subprocess.run(
            [program, *args],
            input=source.encode("utf-8", "replace"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"dot could not run: {exc}") from None
    if done.returncode != 0:
        raise RenderError(f"dot failed: {done.stderr.decode('utf-8', 'replace').strip()[:500]}")
    return done.stdout


_EDGE_TITLE = re.compile(r'(<g id="(edge\d+)" class="edge">\s*<title>)(.*?)(</title>)', re.S)


def to_svg(view: Pathway | PathwayDiff, *, href: Href | None = None, timeout: float = 60.0) -> str:
    """SVG rendered by Graphviz's ``dot``; each edge's ``<title>`` (its hover text in a browser)
    is its step in words with its grade and sources.

    Raises:
        MissingDependencyError: ``dot`` is not installed (Debian's ``graphviz`` package).
        RenderError: ``dot`` failed.
    """
    svg = _dot(["-Tsvg"], to_dot(view, href=href), timeout).decode("utf-8")
    drawn = _Drawn(view)
    titles = {f"edge{i}": _tooltip(drawn, e, note) for i, (e, _, note) in enumerate(drawn.edges)}

    def retitle(match: re.Match[str]) -> str:
        text = titles.get(match.group(2))
        return match.group(0) if text is None else match.group(1) + escape(_clean(text)) + match.group(4)

    return _EDGE_TITLE.sub(retitle, svg)


def to_png(view: Pathway | PathwayDiff, *, width: int = SLIDE[0], timeout: float = 60.0) -> bytes:
    """A PNG fitted to a 16:9 slide ``width`` pixels wide (the whole diagram within
    ``width`` × ``width·9/16``), for lecture slides.

    Raises:
        MissingDependencyError: ``dot`` is not installed (Debian's ``graphviz`` package).
        RenderError: ``dot`` failed.
    """
    if isinstance(width, bool) or not isinstance(width, int) or not 200 <= width <= 8000:
        from ketref.errors import InvalidQueryError

        raise InvalidQueryError(f"a PNG width is a whole number of pixels from 200 to 8000, not {width!r}")
    inches = (width / 96, width * 9 / 16 / 96)
    png = _dot(
        ["-Tpng", "-Gdpi=96", f"-Gsize={inches[0]:.3f},{inches[1]:.3f}!", "-Gbgcolor=white"],
        to_dot(view),
        timeout,
    )
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        raise RenderError("dot did not write a PNG")
    return png
