"""Source records: the seed documents shipped with ketref, and the literature."""

from __future__ import annotations

from importlib import resources
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from ketref.models._base import FrozenModel, Id, Text
from ketref.vocabulary import KIND_TIERS, SourceKind, SourceTier

__all__ = ["Source", "normalize_whitespace"]

Pmid = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,8}$")]
Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


def _real_date(text: str) -> str:
    """A year, a year-month or a full date that exists on the calendar."""
    import datetime

    parts = text.split("-")
    try:
        if len(parts) == 3:
            datetime.date(int(parts[0]), int(parts[1]), int(parts[2]))
        elif len(parts) == 2 and not 1 <= int(parts[1]) <= 12:
            raise ValueError("month out of range")
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a calendar date ({exc})") from None
    return text


Date = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"), AfterValidator(_real_date)]


def normalize_whitespace(text: str) -> str:
    """Collapse every run of white space to one space, as quote checks do.

    >>> normalize_whitespace("  a\\n b\\t c ")
    'a b c'
    """
    return " ".join(text.split())


class Source(FrozenModel):
    """A document that claims are taken from.

    A seed source names its ``file`` under ``ketref/data/sources/``; its full text is then
    available from :meth:`text`, so anyone can check a quote. A literature source gives at
    least one of ``pmid``, ``doi`` or ``url``. ``interests`` records what the publisher
    evidently gains from what it says (a clinic selling infusions, a vendor selling reagents).
    ``et_al`` says that ``authors`` is only the start of the list (a page showed the first
    author(s) only), so no citation presents it as complete.
    """

    id: Id
    title: Text
    kind: SourceKind
    publisher: Text | None = None
    authors: tuple[Text, ...] = Field(default=(), description="Authors as 'Family AB', in the order printed.")
    et_al: bool = Field(
        default=False,
        description="True when `authors` holds only the first author(s) a page showed, not the full list:"
        " citations then say 'et al.' (BibTeX 'and others').",
    )
    date: Date | None = None
    journal: Text | None = Field(
        default=None, description="The journal's abbreviated name, as PubMed gives it."
    )
    volume: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9().\-]{1,20}$")] | None = None
    issue: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9().\-]{1,20}$")] | None = None
    pages: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9.\-–]{1,30}$")] | None = None
    tier: SourceTier | None = Field(
        default=None, description="Overrides the tier that the kind gives (see docs/sources.md)."
    )
    copy_of: Text | None = Field(
        default=None,
        description="For a verbatim copy of another document (a mirrored label): what it copies.",
    )
    url: Url | None = None
    pmid: Pmid | None = None
    doi: Doi | None = None
    file: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.\-]+\.txt$")] | None = None
    accessed: Date | None = Field(default=None, description="When an online source was read.")
    interests: Text | None = None
    cites: tuple[Id, ...] = ()
    cited_as: Text | None = Field(default=None, description="How a seed cites this work, word for word.")
    quote: Text | None = Field(
        default=None, description="Words read at the url that show the bibliographic details recorded."
    )
    found: bool = Field(
        default=True,
        description="False when ketref could not find the cited work: the record keeps the citation only.",
    )
    note: Text | None = None

    @model_validator(mode="after")
    def _locatable(self) -> Source:
        if self.found and not (self.file or self.pmid or self.doi or self.url):
            raise ValueError("a source gives a file, a PMID, a DOI or a URL (or found = false with cited_as)")
        if not self.found and not self.cited_as:
            raise ValueError("a work that was not found keeps the citation that names it in cited_as")
        if self.et_al and not self.authors:
            raise ValueError("et_al marks a partial author list: give the author(s) the page showed")
        return self

    @property
    def effective_tier(self) -> SourceTier:
        """The tier this source carries: its ``tier`` override, or the one its kind gives."""
        return self.tier if self.tier is not None else KIND_TIERS[self.kind]

    @property
    def is_seed(self) -> bool:
        """Whether the source has a full text (``file``): a seed document, or a pack's text.

        :meth:`ketref.KnowledgeBase.source_text` reads either kind; :meth:`text` reads only the
        texts shipped with ketref.
        """
        return self.file is not None

    def text(self) -> str:
        """The full text of a seed source, as shipped.

        Raises:
            ketref.UnknownSourceError: the source has no bundled text.
        """
        from ketref.errors import UnknownSourceError

        if self.file is None:
            raise UnknownSourceError(self.id, detail="it has no text, only a reference")
        try:
            return resources.files("ketref").joinpath("data", "sources", self.file).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            raise UnknownSourceError(
                self.id,
                detail="its text is not shipped with ketref; read a pack's text with"
                " KnowledgeBase.source_text",
            ) from None

    def contains(self, quote: str) -> bool:
        """Whether ``quote`` stands in the bundled text, white space aside."""
        return normalize_whitespace(quote) in normalize_whitespace(self.text())
