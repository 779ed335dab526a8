"""Numbers and names as people write them: "390 µM", "20–40 min", "48%", "the NMDA receptor".

Values are stored as their sources give them (``390000 nM``, ``20–40 minute``); this module only
formats them. Concentrations take pint's compact prefix (the one that puts the number between 1
and 1000), times and percentages take their usual short units, and a dimensionless ``pKi`` reads
"4.38 (pKi)".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ketref.models.values import Qualifier, Value

if TYPE_CHECKING:
    from ketref.kb import KnowledgeBase

__all__ = [
    "SYMBOL_MEASURES",
    "entity_phrase",
    "format_number",
    "format_value",
    "sentence_case",
    "summarize_values",
]

SYMBOL_MEASURES = frozenset({"Ki", "IC50", "Kd", "EC50", "pKi", "pIC50"})
"""Measures written as symbols (``Ki 0.3 µM``) rather than as words in brackets."""

_SHORT_UNITS = {
    "minute": "min",
    "minutes": "min",
    "hour": "h",
    "hours": "h",
    "second": "s",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "percent": "%",
    "count": "",
    "dimensionless": "",
    "1/week": "per week",
    "micromolar": "µM",
    "uM": "µM",
    "degC": "°C",
    "celsius": "°C",
    "degF": "°F",
    "fahrenheit": "°F",
}
_MOLAR = {"M", "mM", "µM", "uM", "nM", "pM", "fM"}
_QUALIFIER = {
    Qualifier.LESS: "<",
    Qualifier.GREATER: ">",
    Qualifier.AT_MOST: "≤",
    Qualifier.AT_LEAST: "≥",
    Qualifier.APPROXIMATELY: "about ",
}


# The jurisdictions the data name (ISO 3166 codes, and EU), as a sentence says them.
_JURISDICTIONS = {
    "US": "the United States",
    "GB": "the United Kingdom",
    "UK": "the United Kingdom",
    "EU": "the European Union",
    "CH": "Switzerland",
    "DE": "Germany",
    "FR": "France",
    "HK": "Hong Kong",
    "CA": "Canada",
    "AU": "Australia",
    "NZ": "New Zealand",
    "JP": "Japan",
}


def base_verb(verb: str) -> str:
    """The form after "does not": 'binds' -> 'bind', 'causes' -> 'cause', 'increases' ->
    'increase', 'passes' -> 'pass', 'reaches' -> 'reach', 'modifies' -> 'modify'.

    >>> [base_verb(v) for v in ("causes", "increases", "passes", "reaches", "modifies", "binds")]
    ['cause', 'increase', 'pass', 'reach', 'modify', 'bind']
    """
    if verb.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return verb[:-2]
    if verb.endswith("ies") and len(verb) > 4:
        return verb[:-3] + "y"
    return verb.removesuffix("s")


def jurisdiction_name(code: str, *, article: bool = True) -> str:
    """``"CH"`` → ``"Switzerland"``, ``"US"`` → ``"the United States"`` (``"United States"``
    without the article, as a table cell says it); an unknown code as is."""
    name = _JURISDICTIONS.get(code, code)
    return name if article else name.removeprefix("the ")


_ADJECTIVES = {
    "US": "US",
    "GB": "UK",
    "UK": "UK",
    "EU": "EU",
    "CH": "Swiss",
    "DE": "German",
    "FR": "French",
    "HK": "Hong Kong",
    "CA": "Canadian",
    "AU": "Australian",
    "NZ": "New Zealand",
    "JP": "Japanese",
}


def jurisdiction_adjective(code: str) -> str:
    """``"CH"`` → ``"Swiss"`` (as in "the Swiss label"); an unknown code as is."""
    return _ADJECTIVES.get(code, code)


def format_number(number: float) -> str:
    """A number with up to six significant digits (three decimals below 1) and no trailing zeros.

    >>> format_number(390.0), format_number(0.30000000000000004), format_number(4.38), format_number(1e-5)
    ('390', '0.3', '4.38', '0.00001')
    """
    if number == int(number) and abs(number) < 1e15:
        return str(int(number))
    text = f"{number:.6g}" if abs(number) >= 1 else f"{number:.3f}".rstrip("0").rstrip(".")
    if "e" in text or text in ("0", "-0"):
        text = f"{number:.10f}".rstrip("0").rstrip(".")
    return text


def _compact_molar(value: Value) -> tuple[float, float, str]:
    """Low, high and a molar unit: the source's own when the larger number lies between 0.1 and 1000,
    else pint's compact prefix."""
    from ketref.models.values import unit_registry

    registry = unit_registry()
    unit = "µM" if value.unit == "uM" else value.unit
    if 0.1 <= abs(value.high) < 1000:  # already readable: keep the source's own unit
        return value.low, value.high, unit
    compact = registry.Quantity(value.high, unit).to_compact()
    target = f"{compact.units:~P}"
    low = registry.Quantity(value.low, unit).to(target).magnitude
    high = registry.Quantity(value.high, unit).to(target).magnitude
    return float(round(low, 9)), float(round(high, 9)), target.replace("u", "µ")


def format_value(value: Value, *, measure: bool = True) -> str:
    """A value for people: compact units, short time units, ``%``, and the measure in brackets.

    >>> format_value(Value(value=390000, unit="nM", measure="Ki"))
    '390 µM (Ki)'
    >>> format_value(Value(value=4.38, unit="dimensionless", measure="pKi"))
    '4.38 (pKi)'
    >>> format_value(Value(value=(20, 40), unit="minute"))
    '20–40 min'
    >>> format_value(Value(value=(3, 4), unit="fold"))
    '3–4-fold'
    """
    unit = value.unit
    low, high = value.low, value.high
    if unit in _MOLAR:
        low, high, unit = _compact_molar(value)
    shown_unit = _SHORT_UNITS.get(unit, unit)
    number = format_number(low) if not value.is_range else f"{format_number(low)}–{format_number(high)}"
    prefix = _QUALIFIER.get(value.qualifier, "")
    if unit == "fold":
        text = f"{prefix}{number}-fold"
    elif shown_unit == "%":
        text = f"{prefix}{number}%"
    elif shown_unit:
        text = f"{prefix}{number} {shown_unit}"
    else:
        text = f"{prefix}{number}"
    if measure and value.measure:
        text += f" ({value.measure})"
    return text


def _unit_text(unit: str) -> str:
    """How a unit follows a number: ``" h"``, ``"%"``, ``" L/h"``, or nothing."""
    return format_value(Value(value=1, unit=unit), measure=False).removeprefix("1")


def _number_text(value: Value) -> str:
    numbers = format_number(value.low)
    if value.is_range:
        numbers += f"–{format_number(value.high)}"
    return _QUALIFIER.get(value.qualifier, "").replace("about ", "~") + numbers


_SYMBOLIC = SYMBOL_MEASURES | {"pKa"}


def summarize_values(values: Sequence[Value]) -> str:
    """Several stated values of one quantity as one range with what lies under it, smallest first.

    Values convert to the unit of the first one where they can (the figures under the range are
    the sources' own); those that cannot (per kg against absolute) make a group of their own, and
    groups are joined by ``"; "``.

    >>> summarize_values([Value(value=54, unit="percent"), Value(value=(30, 50), unit="percent"),
    ...                   Value(value=48, unit="percent"), Value(value=51, unit="percent")])
    '30–54% (stated as 30–50, 48, 51 and 54%)'
    >>> summarize_values([Value(value=(2.5, 3), unit="hour"), Value(value=120, unit="minute")])
    '2–3 h (stated as 120 min and 2.5–3 h)'
    >>> summarize_values([Value(value=7.5, unit="dimensionless", measure="pKa")] * 2)
    '7.5'
    """
    from ketref.errors import KetrefError

    groups: list[list[tuple[Value, Value]]] = []  # (converted to the group's unit, as stated)
    for value in values:
        for group in groups:
            first = group[0][0]
            if {first.measure, value.measure} & _SYMBOLIC and first.measure != value.measure:
                continue  # a Ki is not a pKi; other measures say what a figure describes
            try:
                converted = value if value.unit == first.unit else value.to(first.unit)
            except KetrefError:  # units that do not convert make a group of their own
                continue
            group.append((converted, value))
            break
        else:
            groups.append([(value, value)])
    parts = []
    for group in groups:
        ordered = sorted(group, key=lambda pair: (pair[0].low, pair[0].high))
        unit = _unit_text(group[0][0].unit)
        if len({(v.low, v.high, v.qualifier) for v, _ in ordered}) == 1:
            parts.append(_number_text(ordered[0][0]) + unit)
            continue
        low, high = min(v.low for v, _ in ordered), max(v.high for v, _ in ordered)
        same_unit = len({stated.unit for _, stated in ordered}) == 1
        figures = list(
            dict.fromkeys(
                _number_text(stated) + ("" if same_unit else _unit_text(stated.unit)) for _, stated in ordered
            )
        )
        listed = ", ".join(figures[:-1]) + f" and {figures[-1]}" if len(figures) > 1 else figures[0]
        tail = unit if same_unit else ""
        parts.append(f"{format_number(low)}–{format_number(high)}{unit} (stated as {listed}{tail})")
    return "; ".join(parts)


def sentence_case(text: str) -> str:
    """The text with its first letter capitalised (the rest untouched)."""
    return text[:1].upper() + text[1:]


def _lower_first(name: str) -> str:
    """'Sigma-1 receptor' -> 'sigma-1 receptor'; 'NMDA receptor', 'TrkB', 'mTOR' stay as they are."""
    first, _, rest = name.partition(" ")
    if first in ("A", "An") and rest[:1].islower():  # an article: 'A condition in which...'
        return first.lower() + " " + rest
    if (
        len(first) > 1
        and first[0].isupper()
        and (first[1:].islower() or not any(c.isalpha() for c in first[1:]))
    ):
        return first[0].lower() + first[1:] + (" " + rest if rest else "")
    return name


_PROPER_KINDS = frozenset({"product"})
_COMMON_TARGET_NOUNS = frozenset({"receptor", "transporter", "channel", "kinase", "enzyme"})
_ARTICLE_KINDS = frozenset({"target"})


def entity_phrase(kb: KnowledgeBase, entity_id: str, *, article: bool = True) -> str:
    """How an entity reads inside a sentence: its display name, lower-cased where it is a common
    noun, with "the" before a single receptor, transporter or enzyme.

    ``kb.entities[...]`` gives names such as "NMDA receptor" or "Treatment-resistant depression";
    this gives "the NMDA receptor" and "treatment-resistant depression".
    """
    entity = kb.entities[entity_id]
    name = entity.name
    kind = entity.kind.value
    if kind in _PROPER_KINDS:
        return name
    phrase = _lower_first(name)
    if article and kind in _ARTICLE_KINDS and name.split()[-1].lower() in _COMMON_TARGET_NOUNS:
        phrase = "the " + phrase
    return phrase
