"""Rendering tables: Markdown, HTML, reStructuredText, CSV and LaTeX, with footnoted citations."""

from __future__ import annotations

import csv
import html
import io

from ketref.tables.model import Table

__all__ = ["to_csv", "to_html", "to_latex", "to_markdown", "to_rst"]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(table: Table) -> str:
    lines = [f"**{_md(table.title)}**", ""]
    lines.append("| " + " | ".join(_md(c) for c in table.columns) + " |")
    lines.append("|" + "|".join(" --- " for _ in table.columns) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(_md(table.marked(c)) for c in row) + " |")
    if table.caption:
        lines += ["", _md(table.caption)]
    if table.footnotes:
        lines += ["", *(f"{n}. {_md(table.citation(c))}" for n, c in enumerate(table.footnotes, 1))]
    return "\n".join(lines) + "\n"


def to_html(table: Table) -> str:
    e = html.escape
    out = [f'<table class="ketref-table" id="table-{e(table.name)}">', f"<caption>{e(table.title)}</caption>"]
    out.append("<thead><tr>" + "".join(f"<th>{e(c)}</th>" for c in table.columns) + "</tr></thead>")
    out.append("<tbody>")
    for row in table.rows:
        cells = []
        for cell in row:
            pieces = [
                f"{e(text)}<sup>{e(marks)}</sup>" if marks else e(text) for text, marks in table.pieces(cell)
            ]
            cells.append(f"<td>{'; '.join(pieces)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    if table.footnotes:
        out.append('<ol class="ketref-citations">')
        out += [f"<li>{e(table.citation(c))}</li>" for c in table.footnotes]
        out.append("</ol>")
    return "\n".join(out) + "\n"


def _rst(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`").replace("|", "\\|")


def to_rst(table: Table) -> str:
    lines = [f".. list-table:: {_rst(table.title)}", "   :header-rows: 1", ""]
    for row in ((*table.columns,), *((*(table.marked(c) for c in r),) for r in table.rows)):
        first, *rest = row
        lines.append(f"   * - {_rst(first) or '..'}")
        lines += [f"     - {_rst(cell) or '..'}" for cell in rest]
    if table.footnotes:
        lines.append("")
        lines += [f"{n}. {_rst(table.citation(c))}" for n, c in enumerate(table.footnotes, 1)]
    return "\n".join(lines) + "\n"


def to_csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([table.marked(c) for c in row])
    return buffer.getvalue()


_LATEX = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _tex(text: str) -> str:
    return "".join(_LATEX.get(ch, ch) for ch in text)


def to_latex(table: Table) -> str:
    spec = "l" + "p{0.25\\linewidth}" * (len(table.columns) - 1)
    lines = [
        "\\begin{table}[ht]",
        "\\centering",
        f"\\caption{{{_tex(table.title)}}}",
        f"\\begin{{tabular}}{{{spec}}}",
    ]
    lines.append("\\hline")
    lines.append(" & ".join(f"\\textbf{{{_tex(c)}}}" for c in table.columns) + " \\\\")
    lines.append("\\hline")
    for row in table.rows:
        lines.append(" & ".join(_tex(table.marked(c)) for c in row) + " \\\\")
    lines.append("\\hline")
    lines.append("\\end{tabular}")
    lines.append("\\end{table}")
    if table.footnotes:
        lines.append("\\begin{enumerate}")
        lines += [f"\\item {_tex(table.citation(c))}" for c in table.footnotes]
        lines.append("\\end{enumerate}")
    return "\n".join(lines) + "\n"
