"""The table model: cells carry the claims behind them; renderers number them as footnotes."""

from __future__ import annotations

from pydantic import Field

from ketref.models._base import FrozenModel, Id

__all__ = ["Cell", "Segment", "Table"]


class Segment(FrozenModel):
    """A statement within a cell, with the claims behind that statement alone."""

    text: str
    claims: tuple[Id, ...]


class Cell(FrozenModel):
    """One cell: its text and the ids of the claims it rests on (none for labels).

    A cell holding several statements lists them as ``segments``, so that each statement carries
    its own citation marks; ``text`` is then their plain join and ``claims`` their union.
    """

    text: str
    claims: tuple[Id, ...] = ()
    segments: tuple[Segment, ...] = ()

    @classmethod
    def of(cls, segments: list[Segment]) -> Cell:
        """A cell of several statements (an empty cell shows a dash)."""
        if not segments:
            return cls(text="—")
        claims = tuple(dict.fromkeys(c for s in segments for c in s.claims))
        return cls(text="; ".join(s.text for s in segments), claims=claims, segments=tuple(segments))


class Table(FrozenModel):
    """A generated table. ``footnotes`` numbers every claim cited, in order of first use.

    ``citations`` holds each cited claim's footnote text (its sources and first quote), written
    when the table is built from its knowledge base, so rendering needs no knowledge base.
    """

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    citations: dict[Id, str] = Field(default_factory=dict)

    def citation(self, claim_id: str) -> str:
        """The footnote text of a cited claim (its id alone when the table was built without one)."""
        return self.citations.get(claim_id, f"claim {claim_id}")

    @property
    def footnotes(self) -> tuple[Id, ...]:
        """The claims cited, in the order their numbers are given."""
        order: dict[str, None] = {}
        for row in self.rows:
            for cell in row:
                for claim in cell.claims:
                    order.setdefault(claim, None)
        return tuple(order)

    def marks(self, claims: tuple[str, ...]) -> str:
        """Footnote marks for some claims, such as ``[1,3]`` (empty for none).

        Raises:
            ketref.QueryTypeError: ``claims`` is not a tuple or list of claim ids.
            ketref.UnknownClaimError: a claim is not cited in this table.
        """
        from ketref.errors import QueryTypeError, UnknownClaimError

        if not isinstance(claims, tuple | list) or not all(isinstance(c, str) for c in claims):
            raise QueryTypeError(f"claims are a tuple of claim ids, not {type(claims).__name__}")
        if not claims:
            return ""
        numbers = {c: n for n, c in enumerate(self.footnotes, 1)}
        for claim in claims:
            if claim not in numbers:
                raise UnknownClaimError(claim, detail="this table cites no such claim")
        return "[" + ",".join(str(numbers[c]) for c in dict.fromkeys(claims)) + "]"

    def pieces(self, cell: Cell) -> list[tuple[str, str]]:
        """The cell as (text, marks) pieces: one per statement."""
        if cell.segments:
            return [(s.text, self.marks(s.claims)) for s in cell.segments]
        return [(cell.text, self.marks(cell.claims))]

    def marked(self, cell: Cell) -> str:
        """The cell's text with each statement's footnote marks."""
        return "; ".join(f"{text} {marks}" if marks else text for text, marks in self.pieces(cell))

    def render(self, format: str) -> str:  # noqa: A002 - the option's own word
        """The table in a format of :data:`ketref.tables.render.RENDERERS` (md, html, rst, csv, latex)."""
        from ketref.tables.render import render

        return render(self, format)

    def to_markdown(self) -> str:
        """Markdown (GitHub pipe table) with numbered citations below."""
        from ketref.tables.render import to_markdown

        return to_markdown(self)

    def to_html(self, *, standalone: bool = False) -> str:
        """An HTML ``<table>`` whose marks link to numbered citations below (a styled page if
        ``standalone``)."""
        from ketref.tables.render import to_html

        return to_html(self, standalone=standalone)

    def to_rst(self) -> str:
        """reStructuredText (list-table) with numbered citations below."""
        from ketref.tables.render import to_rst

        return to_rst(self)

    def to_csv(self, *, notes: bool = True) -> str:
        """CSV: a header row, one row per table row (cells with their marks), then the notes."""
        from ketref.tables.render import to_csv

        return to_csv(self, notes=notes)

    def to_latex(self, *, standalone: bool = False) -> str:
        """A LaTeX ``longtable`` with numbered citations below (a whole document if ``standalone``)."""
        from ketref.tables.render import to_latex

        return to_latex(self, standalone=standalone)

    def to_dataframe(self) -> object:
        """A pandas DataFrame of the cells' texts (pandas must be installed)."""
        try:
            import pandas as pd
        except ImportError:
            from ketref.errors import MissingDependencyError

            raise MissingDependencyError("pandas", extra="pandas", feature="Table.to_dataframe") from None
        return pd.DataFrame([[c.text for c in row] for row in self.rows], columns=list(self.columns))
