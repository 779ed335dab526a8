"""Fact sheets: a profile laid out for reading, as plain text, Markdown, HTML or LaTeX.

Every format shows the same things in the same order: the profile's sections, each statement
with its grade, its footnote numbers, its caveats and what disputes it, then the numbered
sources in text citation style with their tier. Nothing here reads claims: everything comes from
:func:`ketref.profiles.profile`.
"""

from __future__ import annotations

import html
import textwrap
from typing import TYPE_CHECKING

from ketref.grades import Grade
from ketref.profiles import Profile
from ketref.statements import Statement

if TYPE_CHECKING:
    from ketref.kb import EntityQuery, KnowledgeBase
    from ketref.vocabulary import SourceTier

__all__ = ["FORMATS", "GRADE_KEY", "factsheet", "render"]

FORMATS = ("text", "md", "html", "tex")
"""The fact sheet formats."""

GRADE_KEY = (
    "Grades: A, a regulator's document or two independent primary or systematic sources; "
    "B, one primary or systematic source; C, reference works only; D, secondary or marketing "
    "sources only."
)
DISCLAIMER = "ketref is an educational reference, not clinical guidance."


def factsheet(
    kb: KnowledgeBase, entity: EntityQuery, fmt: str = "md", *, min_tier: SourceTier | str | None = None
) -> str:
    """The fact sheet of an entity in ``fmt`` (``text``, ``md``, ``html`` or ``tex``)."""
    from ketref.profiles import profile

    return render(profile(kb, entity, min_tier=min_tier), fmt)


def render(p: Profile, fmt: str = "md", *, links: bool = False) -> str:
    """A profile as a fact sheet; ``links`` makes Markdown footnote marks link to the sources
    (for the docs site)."""
    from ketref.errors import InvalidQueryError

    if fmt not in FORMATS:
        raise InvalidQueryError(f"unknown fact sheet format {fmt!r}; formats: {', '.join(FORMATS)}")
    if fmt == "text":
        return _text(p)
    if fmt == "md":
        return _markdown(p, links=links)
    if fmt == "html":
        return _html(p)
    return _tex(p)


def _numbers(p: Profile, s: Statement) -> list[int]:
    return sorted({p.footnote(c.source) for c in s.citations})


def _marks(p: Profile, s: Statement) -> str:
    numbers = _numbers(p, s)
    return f"[{','.join(map(str, numbers))}]" if numbers else ""


def _tier_note(p: Profile) -> str:
    if p.min_tier is None:
        return ""
    return f"Only sources of the {p.min_tier.value.replace('_', ' ')} tier or better are used."


def _body_sections(p: Profile) -> list[tuple[str, tuple[Statement, ...]]]:
    return [(s.title, s.statements) for s in p.sections if s.title != "Sources"]


# -- text ------------------------------------------------------------------------------------


def _wrap(text: str, first: str, rest: str, width: int = 96) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest) or [first]


def _text(p: Profile) -> str:
    lines = [p.name, "=" * len(p.name), *_wrap(p.description, "", "")]
    note = _tier_note(p)
    if note:
        lines.append(note)
    for title, statements in _body_sections(p):
        lines += ["", title, "-" * len(title)]
        for s in statements:
            if s.grade is None:
                lines += _wrap(s.text, "  ", "  ")
                continue
            marks = _marks(p, s)
            lines += _wrap(f"{s.text} {marks}".rstrip(), f"  {s.grade.value}  ", "     ")
            for caveat in s.caveats:
                lines += _wrap(f"Caveat: {caveat}", "     ! ", "       ")
            if s.conflict and title != "Points of disagreement":
                lines += _wrap(s.conflict, "     ~ ", "       ")
            elif s.conflict:
                lines += _wrap(s.conflict, "     ", "     ")
    if p.citations:
        lines += ["", "Sources", "-------"]
        for n, c in enumerate(p.citations, 1):
            lines += _wrap(f"{c.text} [{c.tier.value.replace('_', ' ')}]", f"{n:>3}. ", "     ")
    lines += ["", *_wrap(GRADE_KEY, "", ""), DISCLAIMER]
    return "\n".join(lines) + "\n"


# -- Markdown ----------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;")


def _md_marks(p: Profile, s: Statement, links: bool) -> str:
    numbers = _numbers(p, s)
    if not numbers:
        return ""
    if links:
        inner = ",".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
        return f"<sup>[{inner}]</sup>"
    return f"[{','.join(map(str, numbers))}]"


def _markdown(p: Profile, *, links: bool) -> str:
    lines = [
        f"# {_md_escape(p.name)}",
        "",
        f"*{p.kind.value.replace('_', ' ')}*: {_md_escape(p.description)}",
    ]
    note = _tier_note(p)
    if note:
        lines += ["", f"*{note}*"]
    for title, statements in _body_sections(p):
        lines += ["", f"## {title}", ""]
        for s in statements:
            if s.grade is None:
                lines.append(f"- {_md_escape(s.text)}")
                continue
            hint = html.escape(_grade_title(s.grade))
            mark = (
                f'<span class="ketref-grade grade-{s.grade.value}" title="{hint}">{s.grade.value}</span>'
                if links
                else f"**{s.grade.value}**"
            )
            lines.append(f"- {mark} {_md_escape(s.text)} {_md_marks(p, s, links)}".rstrip())
            for caveat in s.caveats:
                lines.append(f"    - *Caveat:* {_md_escape(caveat)}")
            if s.conflict:
                lines.append(f"    - *{_md_escape(s.conflict)}*")
    if p.citations:
        lines += ["", "## Sources", ""]
        if links:
            lines.append('<ol class="ketref-sources">')
            for n, c in enumerate(p.citations, 1):
                tier = c.tier.value.replace("_", " ")
                lines.append(f'<li id="source-{n}">{html.escape(c.text)} <em>[{tier}]</em></li>')
            lines.append("</ol>")
        else:
            for n, c in enumerate(p.citations, 1):
                lines.append(f"{n}. {_md_escape(c.text)} *[{c.tier.value.replace('_', ' ')}]*")
    lines += ["", f"*{GRADE_KEY}*", "", f"*{DISCLAIMER}*"]
    return "\n".join(lines) + "\n"


# -- HTML --------------------------------------------------------------------------------------

_STYLE = """\
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
       max-width: 52rem; padding: 0 1rem; color: #1f2328; line-height: 1.5; }
h1 { margin-bottom: 0.2rem; } .kind { color: #57606a; }
li { margin: 0.25rem 0; } .grade { display: inline-block; min-width: 1.3em; text-align: center;
  font-weight: 700; border-radius: 4px; padding: 0 0.25em; margin-right: 0.35em; font-size: 0.85em; }
.grade-A { background: #1a7f37; color: white; } .grade-B { background: #4d8ac8; color: white; }
.grade-C { background: #d4a72c; color: black; } .grade-D { background: #d0d7de; color: black; }
.caveat { color: #9a6700; } .conflict { color: #cf222e; } sup a { text-decoration: none; }
ol.ketref-sources { font-size: 0.9rem; color: #3d444d; } ol.ketref-sources li:target { background: #fff3bf; }
.note { color: #57606a; font-size: 0.9rem; font-style: italic; }
"""


def _html_statement(p: Profile, s: Statement) -> str:
    e = html.escape
    if s.grade is None:
        return f"<li>{e(s.text)}</li>"
    numbers = _numbers(p, s)
    marks = ",".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
    grade = (
        f'<span class="grade grade-{s.grade.value}" title="{e(_grade_title(s.grade))}">{s.grade.value}</span>'
    )
    extra = "".join(f'<div class="caveat">Caveat: {e(c)}</div>' for c in s.caveats)
    if s.conflict:
        extra += f'<div class="conflict">{e(s.conflict)}</div>'
    sup = f"<sup>[{marks}]</sup>" if marks else ""
    return f"<li>{grade}{e(s.text)}{sup}{extra}</li>"


def _grade_title(grade: Grade) -> str:
    return f"Grade {grade.value}: {grade.meaning}"


def _html(p: Profile) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(p.name)} (ketref fact sheet)</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{e(p.name)}</h1>",
        f'<p class="kind">{e(p.kind.value.replace("_", " "))}: {e(p.description)}</p>',
    ]
    note = _tier_note(p)
    if note:
        out.append(f'<p class="note">{e(note)}</p>')
    for title, statements in _body_sections(p):
        out.append(f"<h2>{e(title)}</h2>")
        out.append("<ul>" + "".join(_html_statement(p, s) for s in statements) + "</ul>")
    if p.citations:
        out.append("<h2>Sources</h2>")
        out.append('<ol class="ketref-sources">')
        for n, c in enumerate(p.citations, 1):
            out.append(f'<li id="source-{n}">{e(c.text)} <em>[{e(c.tier.value.replace("_", " "))}]</em></li>')
        out.append("</ol>")
    out.append(f'<p class="note">{e(GRADE_KEY)}</p><p class="note">{e(DISCLAIMER)}</p>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# -- LaTeX -------------------------------------------------------------------------------------


def _tex(p: Profile) -> str:
    from ketref.tables.render import latex_document, latex_escape

    def esc(text: str) -> str:
        return latex_escape(text)

    lines = [
        "\\sloppy",
        f"\\section*{{{esc(p.name)}}}",
        f"\\emph{{{esc(p.kind.value.replace('_', ' '))}}}: {esc(p.description)}",
        "",
    ]
    note = _tier_note(p)
    if note:
        lines += [f"\\emph{{{esc(note)}}}", ""]
    for title, statements in _body_sections(p):
        lines.append(f"\\subsection*{{{esc(title)}}}")
        lines.append("\\begin{itemize}")
        for s in statements:
            if s.grade is None:
                lines.append(f"\\item {_tex_breakable(s.text)}")
                continue
            numbers = _numbers(p, s)
            marks = f"\\textsuperscript{{{','.join(map(str, numbers))}}}" if numbers else ""
            item = f"\\item[\\textbf{{{s.grade.value}}}] {_tex_breakable(s.text)}{marks}"
            for caveat in s.caveats:
                item += f"\\\\\\emph{{Caveat: {esc(caveat)}}}"
            if s.conflict:
                item += f"\\\\\\emph{{{esc(s.conflict)}}}"
            lines.append(item)
        lines.append("\\end{itemize}")
    if p.citations:
        lines += ["\\subsection*{Sources}", "{\\small\\sloppy", "\\begin{enumerate}"]
        for c in p.citations:
            lines.append(f"\\item {_tex_breakable(c.text)} [{esc(c.tier.value.replace('_', ' '))}]")
        lines += ["\\end{enumerate}", "}"]
    lines += ["", f"{{\\footnotesize\\emph{{{esc(GRADE_KEY)}}}}}"]
    return latex_document("\n".join(lines) + "\n", title=p.name)


def _tex_breakable(text: str) -> str:
    """Escaped text whose long words (URLs, InChIKeys) may break after ``-``, ``/``, ``.`` and the like."""
    from ketref.tables.render import tex_breakable

    return tex_breakable(text, longer_than=20, after="-/.,=:;")
