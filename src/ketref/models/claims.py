"""Claims: what a source says, as subject, predicate and object, with its evidence."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from ketref.models._base import FrozenModel, Id, Text
from ketref.models.evidence import Evidence
from ketref.models.sources import Date
from ketref.models.values import Value
from ketref.vocabulary import PREDICATES, Aspect, Direction, Level, Predicate, Status

__all__ = ["Claim", "Comparison", "Context"]


class Context(FrozenModel):
    """Where a claim holds: the kind of evidence, the species, the route, the jurisdiction,
    the setting of use, and how often (for effects)."""

    level: Level = Level.UNSPECIFIED
    species: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None = None
    route: Id | None = None
    jurisdiction: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,3}$")] | None = Field(
        default=None, description="ISO 3166 country code, or EU."
    )
    date: Date | None = Field(default=None, description="When the event stated took place.")
    setting: Literal["clinical", "recreational"] | None = Field(
        default=None, description="Medical use, or use outside medicine, where a source tells them apart."
    )
    assay: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None = Field(
        default=None, description="For measured values: the method, radioligand, tissue or cells."
    )
    frequency: Literal["common", "uncommon", "rare"] | None = Field(
        default=None, description="How often, in the source's own word, for effects and events."
    )


class Comparison(FrozenModel):
    """The comparative part of a claim: 'subject is <direction> than comparator in <aspect>'.

    ``magnitude`` is the size of the difference as the source gives it (e.g. 3–4 fold).
    """

    comparator: Id
    aspect: Aspect
    direction: Direction
    magnitude: Value | None = None


class Claim(FrozenModel):
    """One statement a source makes, with the source's own words as evidence.

    Read as: *subject* *predicate* *object* (for example ``esketamine antagonist_of
    nmda-receptor``). A comparative claim adds a :class:`Comparison`; ``negated`` records a
    statement that something is *not* so ("not FDA-approved for depression"); ``values``
    hold the numbers the claim states (a dose count and a span, a response rate).
    ``status`` says how firmly the source states it. ``note`` is for curators; ``caveat`` is a
    warning that every output prints with the statement the claim supports.
    """

    id: Id
    subject: Id
    predicate: str = Field(
        description="A predicate of the controlled vocabulary (ketref.PREDICATES).",
        json_schema_extra=lambda schema: schema.update(enum=list(PREDICATES)),
    )
    object: Id
    negated: bool = False
    comparison: Comparison | None = None
    values: tuple[Value, ...] = ()
    context: Context = Context()
    status: Status
    evidence: tuple[Evidence, ...] = Field(min_length=1)
    note: Text | None = None
    caveat: Text | None = Field(
        default=None,
        description="A warning for the reader, printed with every statement the claim supports "
        "(the curator's note is not shown to readers; see docs/sources.md).",
    )

    @field_validator("predicate")
    @classmethod
    def _known_predicate(cls, predicate: str) -> str:
        if predicate not in PREDICATES:
            from ketref.terms import suggest

            hint = ", ".join(suggest(predicate, PREDICATES)) or ", ".join(sorted(PREDICATES))
            raise ValueError(f"unknown predicate {predicate!r}; try {hint}")
        return predicate

    @model_validator(mode="after")
    def _comparison_fits(self) -> Claim:
        if self.comparison is not None:
            if not PREDICATES[self.predicate].comparable:
                raise ValueError(f"predicate {self.predicate!r} does not take a comparison")
            if self.comparison.comparator == self.subject:
                raise ValueError("a claim cannot compare its subject with itself")
        return self

    @property
    def predicate_info(self) -> Predicate:
        """The vocabulary entry of the predicate (label, inverse, RO/Biolink mapping)."""
        return PREDICATES[self.predicate]

    @property
    def entity_ids(self) -> tuple[str, ...]:
        """Every entity id the claim names (subject, object, comparator, route)."""
        ids = [self.subject, self.object]
        if self.comparison is not None:
            ids.append(self.comparison.comparator)
        if self.context.route is not None:
            ids.append(self.context.route)
        return tuple(ids)

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the sources behind the claim, in order, without repeats."""
        return tuple(dict.fromkeys(e.source for e in self.evidence))

    def sentence(self) -> str:
        """The claim as a short English sentence over ids (for tables and logs).

        >>> from ketref.models.evidence import Evidence
        >>> c = Claim(id="x", subject="a", predicate="binds", object="t",
        ...           status="reported", evidence=[Evidence(source="s", quote="q")],
        ...           comparison={"comparator": "b", "aspect": "affinity", "direction": "greater",
        ...                       "magnitude": {"value": [3, 4], "unit": "fold"}})
        >>> c.sentence()
        'a binds t (affinity greater than b, 3–4 fold)'
        """
        label = self.predicate_info.label
        text = f"{self.subject} {_negate(label) if self.negated else label} {self.object}"
        if self.comparison is not None:
            c = self.comparison
            extra = f", {c.magnitude}" if c.magnitude is not None else ""
            text += f" ({c.aspect.value} {c.direction.value} than {c.comparator}{extra})"
        if self.values:
            text += f" [{'; '.join(str(v) for v in self.values)}]"
        if self.status is Status.UNKNOWN:  # an open question never reads as a statement of fact
            text = f"not known whether {text}"
        return text


def _negate(label: str) -> str:
    """'is approved for' -> 'is not approved for'; 'binds' -> 'does not bind'."""
    if label.startswith("is "):
        return "is not " + label[3:]
    if label.startswith("has "):
        return "does not have " + label[4:]
    head, _, rest = label.partition(" ")
    return f"does not {head.removesuffix('s')} {rest}".rstrip()
