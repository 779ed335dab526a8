"""Citations people can use: a source (or the sources of a claim) as text, BibTeX or CSL-JSON.

- ``text``: ``Ebert B, Mikkelsen S, Thorkildsen C, et al. 1997. Title. Journal 333(1):99–104.
  doi:10.… PMID 9311667.`` (a web page gives its address and the date it was read);
- ``bibtex``: one ``@article`` or ``@misc`` entry per source, keyed by the source id;
- ``csl-json``: a JSON list of CSL items, as citation managers (Zotero, pandoc) read them.

A source whose record holds only the first author(s) (``Source.et_al``) reads "et al." in the
text style, ends its BibTeX author list with ``and others``, and says "author list partial" in
its CSL-JSON ``note`` (CSL-JSON has no mark for a truncated name list).

Only what the source record holds is printed: nothing is filled in from memory.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ketref.models.sources import Source
from ketref.vocabulary import SourceKind

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase
    from ketref.models.claims import Claim

__all__ = ["ARTICLE_KINDS", "STYLES", "cite", "cite_source", "missing_fields", "split_author"]

STYLES = ("text", "bibtex", "csl-json")
"""The citation styles :func:`cite` knows."""

ARTICLE_KINDS = frozenset({SourceKind.JOURNAL_ARTICLE, SourceKind.REVIEW, SourceKind.SYSTEMATIC_REVIEW})
"""The kinds cited as articles: by authors and year, as a BibTeX ``@article`` when a journal is known."""


def missing_fields(source: Source) -> tuple[str, ...]:
    """What a citation of ``source`` lacks, empty when it can be cited in full.

    Every source needs a title and an address (a DOI, PMID or URL). An article, review or
    systematic review needs its authors and a year; any other document (a label, a regulator's
    page, a database) needs an author or publisher and a year or the date it was read. A partial
    author list (``et_al``) counts as authors: it is how the page printed them. A seed document
    (a record with a ``file``) is cited by its bundled text and needs only its title.

    >>> missing_fields(Source(id="x", title="T", kind="journal_article", pmid="1"))
    ('authors', 'date')
    """
    gaps: list[str] = [] if source.title else ["title"]
    if source.file:
        return tuple(gaps)
    if not (source.doi or source.pmid or source.url):
        gaps.append("DOI, PMID or URL")
    if source.kind in ARTICLE_KINDS:
        gaps += [name for name in ("authors", "date") if not getattr(source, name)]
    else:
        if not (source.authors or source.publisher):
            gaps.append("authors or publisher")
        if not (source.date or source.accessed):
            gaps.append("date or accessed")
    return tuple(gaps)


def split_author(author: str) -> tuple[str, str]:
    """(family, given) from 'Ebert B', 'Zarate CA Jr', 'B Ebert' or 'Caoimhe M. Coyle'.

    >>> split_author("Ebert B"), split_author("B Ebert"), split_author("Caoimhe M. Coyle")
    (('Ebert', 'B'), ('Ebert', 'B'), ('Coyle', 'Caoimhe M.'))
    >>> split_author("Diniz CRAF")  # four initials, as PubMed prints some names
    ('Diniz', 'CRAF')
    """
    parts = author.replace(",", " ").split()
    if len(parts) < 2:
        return author.strip(), ""
    suffix = [p for p in parts if p in ("Jr", "Jr.")]
    parts = [p for p in parts if p not in ("Jr", "Jr.")]
    initials = [p for p in parts[1:] if p.isupper() and len(p.replace(".", "")) <= 4]
    if initials and parts[-1] in initials:  # 'Family AB' (PubMed order)
        family = " ".join(p for p in parts if p not in initials)
        given = " ".join(initials)
    else:  # 'Given Family'
        family, given = parts[-1], " ".join(parts[:-1])
    if suffix:
        given = f"{given} {suffix[0]}".strip()
    return family, given


def _initials(given: str) -> str:
    """'Patrick J.' -> 'PJ'; 'CA' -> 'CA'; 'Carlos A. Jr.' -> 'CA Jr'."""
    out = []
    suffix = ""
    for part in given.replace(".", ". ").split():
        bare = part.rstrip(".")
        if bare in ("Jr", "Sr"):
            suffix = f" {bare}"
        elif bare.isupper() and len(bare) <= 4:
            out.append(bare)
        elif bare:
            out.append(bare[0].upper())
    return "".join(out) + suffix


def _year(source: Source) -> str | None:
    return source.date[:4] if source.date else None


def _text(source: Source) -> str:
    parts = []
    if source.authors:
        names = [f"{f} {_initials(g)}".strip() for f, g in map(split_author, source.authors)]
        shown = ", ".join(names[:3]) + (", et al" if len(names) > 3 or source.et_al else "")
        parts.append(shown)
    elif source.publisher:
        parts.append(source.publisher)
    year = _year(source)
    if parts or not year:
        if year:
            parts.append(year)
        parts.append(source.title.rstrip("."))
    else:  # no author: the title leads, then the year
        parts += [source.title.rstrip("."), year]
    if source.journal:
        where = source.journal
        if source.volume:
            where += f" {source.volume}"
            if source.issue:
                where += f"({source.issue})"
        if source.pages:
            where += f":{source.pages}" if source.volume else f", {source.pages}"
        parts.append(where)
    elif source.publisher and source.authors:
        parts.append(source.publisher)
    if source.doi:
        parts.append(f"doi:{source.doi}")
    if source.pmid:
        parts.append(f"PMID {source.pmid}")
    if source.url and not (source.doi or source.pmid):
        read = f" (read {source.accessed})" if source.accessed else ""
        parts.append(f"{source.url}{read}")
    if not source.found:
        parts.append("Cited by a seed document; ketref could not find this work")
    return ". ".join(p.rstrip(".") for p in parts) + "."


_BIB_ESCAPE = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "$": r"\$",
}


def _bib(text: str) -> str:
    return "".join(_BIB_ESCAPE.get(ch, ch) for ch in " ".join(text.split()))


def _bibtex(source: Source) -> str:
    entry = "article" if source.kind in ARTICLE_KINDS and source.journal else "misc"
    fields: list[tuple[str, str]] = []
    if source.authors:
        names = [f"{f}, {g}" if g else f for f, g in map(split_author, source.authors)]
        if source.et_al:
            names.append("others")  # BibTeX's own mark of a truncated list: styles print "et al."
        fields.append(("author", " and ".join(names)))
    elif source.publisher:
        fields.append(("author", "{" + source.publisher + "}"))
    fields.append(("title", source.title))
    if source.journal:
        fields.append(("journal", source.journal))
    year = _year(source)
    if year:
        fields.append(("year", year))
    for name, value in (("volume", source.volume), ("number", source.issue), ("pages", source.pages)):
        if value:
            fields.append((name, value.replace("–", "--")))
    if source.doi:
        fields.append(("doi", source.doi))
    if source.pmid:
        fields.append(("pmid", source.pmid))
    if source.url:
        fields.append(("url", source.url))
    if source.accessed:
        fields.append(("urldate", source.accessed))
    fields.append(
        ("note", f"ketref source {source.id}; {source.kind.value}; tier {source.effective_tier.value}")
    )
    body = ",\n".join(
        f"  {name} = {{{value if name == 'author' and value.startswith('{') else _bib(value)}}}"
        for name, value in fields
    )
    return f"@{entry}{{{source.id},\n{body}\n}}\n"


def _date_parts(date: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(p) for p in date.split("-")]]}


def _csl(source: Source) -> dict[str, object]:
    item: dict[str, object] = {
        "id": source.id,
        "type": "article-journal" if source.kind in ARTICLE_KINDS else "webpage",
        "title": source.title,
    }
    if source.kind in (SourceKind.DRUG_LABEL, SourceKind.REGULATOR, SourceKind.PHARMACOPOEIA):
        item["type"] = "document"
    elif source.kind in (SourceKind.DATABASE, SourceKind.ENCYCLOPEDIA):
        item["type"] = "entry-encyclopedia" if source.kind is SourceKind.ENCYCLOPEDIA else "dataset"
    elif source.kind is SourceKind.TEXTBOOK:
        item["type"] = "book"
    if source.authors:
        item["author"] = [
            {"family": f, "given": g} if g else {"literal": f} for f, g in map(split_author, source.authors)
        ]
    if source.publisher:
        item["publisher"] = source.publisher
    if source.journal:
        item["container-title"] = source.journal
    if source.date:
        item["issued"] = _date_parts(source.date)
    for key, value in (("volume", source.volume), ("issue", source.issue), ("page", source.pages)):
        if value:
            item[key] = value
    if source.doi:
        item["DOI"] = source.doi
    if source.pmid:
        item["PMID"] = source.pmid
    if source.url:
        item["URL"] = source.url
    if source.accessed:
        item["accessed"] = _date_parts(source.accessed)
    note = f"ketref tier: {source.effective_tier.value}"
    if source.et_al:
        # CSL-JSON has no mark for a truncated name list; an author named "others" would be
        # printed as a person, so the list stays as shown and the note says it is partial.
        note += "; author list partial (first author(s) only)"
    item["note"] = note
    return item


def cite_source(source: Source, style: str = "text") -> str:
    """One source in ``style`` (``text``, ``bibtex`` or ``csl-json``)."""
    style = _style(style)
    if style == "text":
        return _text(source)
    if style == "bibtex":
        return _bibtex(source)
    return json.dumps([_csl(source)], ensure_ascii=False, indent=2)


def _style(style: str) -> str:
    from ketref.errors import InvalidQueryError, QueryTypeError

    if not isinstance(style, str):
        raise QueryTypeError(f"a citation style is text, not {type(style).__name__}")
    key = style.strip().lower().replace("_", "-")
    if key == "csl" or key == "csljson":
        key = "csl-json"
    if key not in STYLES:
        raise InvalidQueryError(f"unknown citation style {style!r}; valid styles: {', '.join(STYLES)}")
    return key


def cite(kb: KnowledgeBase, item: str | Source | Claim, style: str = "text") -> str:
    """A source, or every source of a claim, in ``style``; ``item`` is a source or claim (or the
    id of either: a source id is tried first).

    Text style gives one line per source; BibTeX one entry per source; CSL-JSON one list.
    """
    from ketref.errors import QueryTypeError, UnknownClaimError, UnknownSourceError
    from ketref.models.claims import Claim

    style = _style(style)
    sources: list[Source]
    if isinstance(item, Source):
        sources = [kb.source(item.id)]
    elif isinstance(item, Claim):
        sources = [kb.source(s) for s in kb.claim(item.id).sources]
    elif isinstance(item, str):
        try:
            sources = [kb.source(item)]
        except UnknownSourceError as exc:
            try:
                sources = [kb.source(s) for s in kb.claim(item).sources]
            except UnknownClaimError:
                raise exc from None
    else:
        raise QueryTypeError(f"cite takes a source, a claim or an id, not {type(item).__name__}")
    if style == "text":
        return "\n".join(_text(s) for s in sources)
    if style == "bibtex":
        return "\n".join(_bibtex(s) for s in sources)
    return json.dumps([_csl(s) for s in sources], ensure_ascii=False, indent=2)
