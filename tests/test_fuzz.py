"""Hostile input: every public function and every CLI command either answers or raises a
KetrefError that says what was wrong; nothing else escapes, and the CLI never prints a traceback.

The quick profile runs in CI. The long one (10,000 examples per entry point):
    KETREF_HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ketref
from ketref import quantities
from ketref.cli import main
from ketref.kb import KnowledgeBase

LONG = os.environ.get("KETREF_HYPOTHESIS_PROFILE") == "long"
FUNCTION_EXAMPLES = 10_000 if LONG else 60
CLI_EXAMPLES = 10_000 if LONG else 40

LOOKALIKES = "аеорсхАВЕКМНОРСТХіїјѕԁһαεικνορτυχωΕΟΡıȷ𝐞𝐬ｋｅｔａｍｉｎｅ\u200b\u200d\u2060\ufeff\u202e\u00ad"
CONTROLS = "".join(map(chr, range(32))) + "\x7f\x85\u2028\u2029"
# lone surrogates are drawn explicitly: the default text strategy never draws them
surrogates = st.text(
    alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=5
)
huge = st.builds(
    lambda unit, n: unit * n,
    st.sampled_from(["C", "c", "a", "(", "[", "1", "é", "\ud800", "ketamine ", "9**9**"]),
    st.integers(min_value=1_000, max_value=200_000),
)
hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.text(alphabet=LOOKALIKES + "ketamine-()[] ", max_size=40),
    st.text(alphabet=CONTROLS + "ketamine", max_size=40),
    surrogates,
    st.builds(
        lambda a, s, b: a + s + b, st.sampled_from(["", "C", "esket"]), surrogates, st.text(max_size=5)
    ),
    huge,
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\n\t",
            "ketamine\x00",
            "(S)-",
            "-" * 500,
            "a" * 5000,
            "C" * 3000,
            "c1" + "c" * 20000 + "c1",
            "C1CC1" * 10000,
            "InChI=",
            "InChI=1S/C99999H4",
            "M  END",
            "9**9**9 nM",
            "1 m**9**9**9",
            "nan nM",
            "Еsketamine",
            "CHEBI:60799",
            "YQEZLKZALYSWHR-CYBMUJFWSA-N",
        ]
    ),
)
hostile = st.one_of(
    hostile_text,
    st.none(),
    st.integers(),
    st.floats(),
    st.binary(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)

# entry point -> (function, valid default arguments); each argument is fuzzed in turn
ENTRY_POINTS: dict[str, tuple[Callable[..., Any], tuple[Any, ...]]] = {
    "get": (ketref.get, ("esketamine",)),
    "search": (ketref.search, ("ketamine",)),
    "claims.subject": (lambda x: ketref.claims(x), ("esketamine",)),
    "claims.predicate": (lambda x: ketref.claims(predicate=x), ("binds",)),
    "claims.object": (lambda x: ketref.claims(object=x), ("nmda-receptor",)),
    "claims.comparator": (lambda x: ketref.claims(comparator=x), ("arketamine",)),
    "claims.direction": (lambda x: ketref.claims(direction=x), ("greater",)),
    "claims.status": (lambda x: ketref.claims(status=x), ("reported",)),
    "claims.source": (lambda x: ketref.claims(source=x), ("benchchem-guide",)),
    "claims.negated": (lambda x: ketref.claims(negated=x), (True,)),
    "claims.inherit": (lambda x: ketref.claims("esketamine", inherit=x), (True,)),
    "claim": (ketref.claim, ("esketamine.binds.nmda.greater-affinity.benchchem",)),
    "source": (ketref.source, ("benchchem-guide",)),
    "compare": (ketref.compare, ("esketamine", "arketamine")),
    "adverse_effects": (ketref.adverse_effects, ("esketamine",)),
    "unique_claims": (ketref.unique_claims, ("qa-aggregator",)),
    "pharmacokinetics": (ketref.pharmacokinetics, ("esketamine",)),
    "export": (ketref.export, ("json",)),
    "structure": (ketref.structure, ("esketamine",)),
    "identify": (ketref.identify, ("CN[C@]1(c2ccccc2Cl)CCCCC1=O",)),
    "enantiomer": (ketref.enantiomer, ("esketamine",)),
    "composition": (ketref.composition, ("racemic-ketamine",)),
    "salt_mass_ratio": (ketref.salt_mass_ratio, ("ketamine hydrochloride",)),
    "stereoisomers": (ketref.stereoisomers, ("esketamine",)),
    "depict": (ketref.depict, ("esketamine",)),
    "pathway": (ketref.pathway, ("esketamine",)),
    "pathway.paths": (
        lambda a, b: ketref.pathway("esketamine").paths(a, b),
        ("nmda-receptor-blockade", "mtor"),
    ),
    "compare_pathways": (ketref.compare_pathways, ("esketamine", "arketamine")),
    "from_json": (KnowledgeBase.from_json, ('{"compound": []}',)),
    "Value.to": (lambda unit: ketref.Value(value=1.5, unit="pM").to(unit), ("M",)),
    "depict.size": (lambda w, h: ketref.depict("esketamine", width=w, height=h), (360, 280)),
    "convert": (quantities.convert, ("28 mg", "g")),
    "ki_to_pki": (quantities.ki_to_pki, ("1 nM",)),
    "pki_to_ki": (quantities.pki_to_ki, (6.0,)),
    "dose_for_body_mass": (quantities.dose_for_body_mass, ("0.5 mg/kg", "70 kg")),
    "amount_in_volume": (quantities.amount_in_volume, ("50 mg/mL", "10 mL")),
    "salt_to_base": (
        lambda *a: quantities.salt_to_base(ketref.knowledge_base(), *a),
        ("32.3 mg", "esketamine hydrochloride"),
    ),
    "base_to_salt": (
        lambda *a: quantities.base_to_salt(ketref.knowledge_base(), *a),
        ("28 mg", "esketamine hydrochloride"),
    ),
}
CASES = [(name, position) for name, (_, args) in ENTRY_POINTS.items() for position in range(len(args))]


@pytest.mark.parametrize(("name", "position"), CASES, ids=[f"{n}#{p}" for n, p in CASES])
@settings(max_examples=FUNCTION_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(value=hostile)
def test_public_function_answers_or_raises_a_ketref_error(name: str, position: int, value: Any) -> None:
    function, defaults = ENTRY_POINTS[name]
    args = list(defaults)
    args[position] = value
    try:
        function(*args)
    except ketref.KetrefError as exc:
        assert str(exc), f"{name}: an error with no message"


def test_the_valid_defaults_work() -> None:
    for name, (function, args) in ENTRY_POINTS.items():
        function(*args)  # no error: the fuzzing starts from working calls
        assert name


COMMANDS = [
    ["show"],
    ["search"],
    ["claims", "--subject"],
    ["claims", "--predicate"],
    ["compare", "esketamine"],
    ["structure"],
    ["identify"],
    ["stereoisomers"],
    ["depict"],
    ["pathway"],
    ["paths", "esketamine", "mtor"],
    ["pk"],
    ["unique"],
    ["adverse-effects"],
    ["coverage", "--source"],
    ["validate"],
    ["claims", "--status"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
@settings(max_examples=CLI_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(argument=hostile_text.filter(lambda t: not t.startswith("-")), as_json=st.booleans())
def test_cli_never_shows_a_traceback(command: list[str], argument: str, as_json: bool) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main([*command, argument, *(["--json"] if as_json else [])], out=out, err=err)
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue() and "Traceback" not in out.getvalue()
    if code == 1:
        assert err.getvalue().startswith("ketref: ")


@settings(max_examples=CLI_EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_text, max_size=4))
def test_cli_with_arbitrary_arguments(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
