"""Pathway diagrams as Mermaid and Graphviz DOT text, and SVG through the ``dot`` program.

Each edge's status is visible: established bold, reported solid, suggested dashed,
hypothesized dotted; a legend explains the styles. In a difference view, steps both compounds
have are grey and steps only one has take that compound's colour.
"""

from __future__ import annotations

import shutil
import subprocess

from ketref.errors import RenderError
from ketref.pathways.model import Pathway, PathwayDiff, PathwayEdge
from ketref.vocabulary import Status

__all__ = ["RenderError", "to_dot", "to_mermaid", "to_svg"]

DOT_STYLE = {
    Status.ESTABLISHED: "bold",
    Status.REPORTED: "solid",
    Status.SUGGESTED: "dashed",
    Status.HYPOTHESIZED: "dotted",
    Status.UNKNOWN: "dotted",
}
MERMAID_ARROW = {
    Status.ESTABLISHED: "==>",
    Status.REPORTED: "-->",
    Status.SUGGESTED: "-.->",
    Status.HYPOTHESIZED: "-.->",
    Status.UNKNOWN: "-.->",
}
COLOURS = ("#1f6fb2", "#c2410c")  # first compound, second compound
SHARED = "#6b7280"
KIND_SHAPE = {"compound": "box", "salt": "box", "effect": "ellipse", "target": "box"}


def _mermaid_text(text: str) -> str:
    """Text safe inside a Mermaid quoted label: quotes and markup characters become entities."""
    table = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", "|": "#124;", "[": "#91;", "]": "#93;"}
    return "".join(table.get(ch, ch) for ch in text)


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _edges_with_colour(view: Pathway | PathwayDiff) -> tuple[Pathway, list[tuple[PathwayEdge, str | None]]]:
    if isinstance(view, Pathway):
        return view, [(e, None) for e in view.edges]
    shared = set(view.shared)
    edges: list[tuple[PathwayEdge, str | None]] = []
    for pathway, colour in ((view.a, COLOURS[0]), (view.b, COLOURS[1])):
        for edge in pathway.edges:
            key = ("*" if edge.source == pathway.root else edge.source, edge.target, edge.predicate)
            if key in shared and pathway is view.b and key[0] != "*":
                continue  # a shared step between two other nodes is drawn once
            edges.append((edge, SHARED if key in shared else colour))
    merged_nodes = {n.id: n for n in (*view.a.nodes, *view.b.nodes)}
    merged = Pathway(root=view.a.root, nodes=tuple(merged_nodes.values()), edges=tuple(e for e, _ in edges))
    return merged, edges


def to_mermaid(view: Pathway | PathwayDiff) -> str:
    """Mermaid flowchart text, with a legend subgraph."""
    pathway, edges = _edges_with_colour(view)
    ids = {n.id: f"n{i}" for i, n in enumerate(pathway.nodes)}
    lines = ["flowchart LR"]
    for node in pathway.nodes:
        lines.append(f'    {ids[node.id]}["{_mermaid_text(node.name)}"]')
    styles = []
    for index, (edge, colour) in enumerate(edges):
        label = _mermaid_text(f"{edge.label} ({edge.status.value})")
        lines.append(f'    {ids[edge.source]} {MERMAID_ARROW[edge.status]}|"{label}"| {ids[edge.target]}')
        style = []
        if edge.status is Status.HYPOTHESIZED:
            style.append("stroke-dasharray: 2 4")
        if colour:
            style.append(f"stroke: {colour}")
        if style:
            styles.append(f"    linkStyle {index} {','.join(style)}")
    lines += styles
    lines.append('    subgraph legend["Legend"]')
    lines.append('        L1["established ==> bold; reported --> solid"]')
    lines.append('        L2["suggested -.-> dashed; hypothesized: dotted"]')
    if isinstance(view, PathwayDiff):
        a, b = _mermaid_text(view.a.root), _mermaid_text(view.b.root)
        lines.append(f'        L3["grey: both; blue: only {a}; orange: only {b}"]')
    lines.append("    end")
    return "\n".join(lines) + "\n"


def to_dot(view: Pathway | PathwayDiff) -> str:
    """Graphviz DOT text, with a legend cluster."""
    pathway, edges = _edges_with_colour(view)
    ids = {n.id: f"n{i}" for i, n in enumerate(pathway.nodes)}
    title = view.root if isinstance(view, Pathway) else f"{view.a.root} vs {view.b.root}"
    lines = [
        "digraph pathway {",
        "    rankdir=LR;",
        f'    label="{_dot_text(title)} (ketref; educational, not clinical guidance)"; labelloc=t;',
        '    node [fontname="Helvetica", fontsize=11, style=filled, fillcolor="#f8fafc"];',
        '    edge [fontname="Helvetica", fontsize=9];',
    ]
    for node in pathway.nodes:
        shape = KIND_SHAPE.get(node.kind, "box")
        lines.append(f'    {ids[node.id]} [label="{_dot_text(node.name)}", shape={shape}];')
    for edge, colour in edges:
        attrs = [f'label="{_dot_text(edge.label)}"', f"style={DOT_STYLE[edge.status]}"]
        if colour:
            attrs.append(f'color="{colour}"')
        lines.append(f"    {ids[edge.source]} -> {ids[edge.target]} [{', '.join(attrs)}];")
    lines.append('    subgraph cluster_legend { label="Legend"; fontsize=10;')
    for n, status in enumerate(Status):
        lines.append(f'        la{n} [label="", shape=point]; lb{n} [label="", shape=point];')
        lines.append(f'        la{n} -> lb{n} [label="{status.value}", style={DOT_STYLE[status]}];')
    lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_svg(view: Pathway | PathwayDiff, *, timeout: float = 60.0) -> str:
    """SVG rendered by Graphviz's ``dot`` program.

    Raises:
        RenderError: ``dot`` is not installed (install Debian's ``graphviz`` package), or it
            failed.
    """
    program = shutil.which("dot")
    if program is None:
        raise RenderError(
            "the Graphviz 'dot' program is not installed; install it (e.g. apt-get install graphviz)"
        )
    try:
        done = subprocess.run(
            [program, "-Tsvg"],
            input=to_dot(view),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"dot could not run: {exc}") from None
    if done.returncode != 0:
        raise RenderError(f"dot failed: {done.stderr.strip()[:500]}")
    return done.stdout
