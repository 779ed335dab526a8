"""Hostile input: every public function and every CLI command either answers or raises a
KetrefError that says what was wrong; nothing else escapes, and the CLI never prints a traceback.

Each entry point is fuzzed one argument at a time (the others keep working values) with lone
surrogates, control characters, look-alike letters, huge texts, and values of the wrong type.

Two profiles (registered in tests/conftest.py; docs/performance.md has the measured times):

* quick, the default and what CI runs: a few dozen examples per entry point (about 30 s).
* long: ``KETREF_HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py``. Each entry point
  gets examples by its cost (:data:`LONG_EXAMPLES`: thousands for a lookup, hundreds for
  chemistry and for a CLI command), so the run is deep where examples are cheap and still ends
  in bounded time (about 20 minutes on a shared 2-core machine). Every example must finish within
  :data:`LONG_DEADLINE` (a public function that slow on hostile input is a finding, not noise),
  seeds are random on every run (derandomize off), and failures are saved in ``.hypothesis/`` and
  replayed first next time. ``KETREF_FUZZ_SCALE=10`` multiplies the counts for an overnight run.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ketref
from ketref import quantities, teaching
from ketref.cli import main
from ketref.kb import KnowledgeBase

# a slow example of a huge input is reported with its replay blob: its 65 kB repr is no use
pytestmark = pytest.mark.filterwarnings(
    "ignore:Generating overly large repr:hypothesis.errors.HypothesisWarning"
)

LONG = os.environ.get("KETREF_HYPOTHESIS_PROFILE") == "long"
SCALE = float(os.environ.get("KETREF_FUZZ_SCALE", "1"))

QUICK_EXAMPLES = {"light": 60, "heavy": 30, "cli": 25, "argv": 40}
"""Examples per entry point in the quick profile, by cost."""

LONG_EXAMPLES = {"light": 2000, "heavy": 600, "cli": 300, "argv": 1500}
"""Examples per entry point in the long profile, by cost: ``light`` lookups and unit arithmetic
(about 1 to 5 ms an example), ``heavy`` chemistry, pathways, exports and quizzes (5 to 15 ms),
``cli`` one command with a fuzzed argument (20 to 50 ms), ``argv`` arbitrary command lines."""

LONG_DEADLINE = timedelta(seconds=10)
"""The most one example may take in the long profile (the slowest honest call takes under 1 s)."""


def examples(cost: str) -> int:
    """How many examples an entry point of this cost gets in the profile being run."""
    return max(1, int(LONG_EXAMPLES[cost] * SCALE)) if LONG else QUICK_EXAMPLES[cost]


def fuzz_settings(cost: str) -> settings:
    return settings(
        max_examples=examples(cost),
        deadline=LONG_DEADLINE if LONG else None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


LOOKALIKES = "аеорсхАВЕКМНОРСТХіїјѕԁһαεικνορτυχωΕΟΡıȷ𝐞𝐬ｋｅｔａｍｉｎｅ\u200b\u200d\u2060\ufeff\u202e\u00ad"
CONTROLS = "".join(map(chr, range(32))) + "\x7f\x85\u2028\u2029"
# lone surrogates are drawn explicitly: the default text strategy never draws them
surrogates = st.text(
    alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=5
)
huge = st.builds(
    lambda unit, n: unit * n,
    st.sampled_from(["C", "c", "a", "(", "[", "1", "é", "\ud800", "ketamine ", "9**9**", "w1 w2 "]),
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
            "esketamine",
            "binds",
            "reported",
            "regulatory",
        ]
    ),
)
hostile = st.one_of(
    hostile_text,
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**200) | st.integers(max_value=-(2**63)),
    st.floats(),
    st.binary(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.tuples(st.text(max_size=5)),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


PACK = Path(__file__).parent.parent / "examples" / "lecture-pack"


def kb() -> KnowledgeBase:
    return ketref.knowledge_base()


# entry point -> (function, valid default arguments, cost); each argument is fuzzed in turn
ENTRY_POINTS: dict[str, tuple[Callable[..., Any], tuple[Any, ...], str]] = {
    "get": (ketref.get, ("esketamine",), "light"),
    "get.kind": (lambda k: ketref.get("esketamine", kind=k), ("compound",), "light"),
    "search": (ketref.search, ("ketamine",), "light"),
    "search.kind": (lambda k: ketref.search("ketamine", kind=k), ("compound",), "light"),
    "search.limit": (lambda n: ketref.search("ketamine", limit=n), (5,), "light"),
    "claims.subject": (lambda x: ketref.claims(x), ("esketamine",), "light"),
    "claims.predicate": (lambda x: ketref.claims(predicate=x), ("binds",), "light"),
    "claims.object": (lambda x: ketref.claims(object=x), ("nmda-receptor",), "light"),
    "claims.comparator": (lambda x: ketref.claims(comparator=x), ("arketamine",), "light"),
    "claims.direction": (lambda x: ketref.claims(direction=x), ("greater",), "light"),
    "claims.status": (lambda x: ketref.claims(status=x), ("reported",), "light"),
    "claims.source": (lambda x: ketref.claims(source=x), ("benchchem-guide",), "light"),
    "claims.negated": (lambda x: ketref.claims(negated=x), (True,), "light"),
    "claims.inherit": (lambda x: ketref.claims("esketamine", inherit=x), (True,), "light"),
    "claims.involving": (lambda x: ketref.claims(involving=x), ("esketamine",), "light"),
    "claims.min_tier": (lambda x: ketref.claims("esketamine", min_tier=x), ("primary",), "light"),
    "claim": (ketref.claim, ("esketamine.binds.nmda.greater-affinity.benchchem",), "light"),
    "source": (ketref.source, ("benchchem-guide",), "light"),
    "cite": (ketref.cite, ("benchchem-guide", "text"), "light"),
    "compare": (ketref.compare, ("esketamine", "arketamine"), "light"),
    "comparison.row": (
        lambda p, o: ketref.compare("esketamine", "arketamine").row(p, o),
        ("antagonist_of", "nmda-receptor"),
        "light",
    ),
    "adverse_effects": (ketref.adverse_effects, ("esketamine",), "light"),
    "unique_claims": (ketref.unique_claims, ("qa-aggregator",), "light"),
    "pharmacokinetics": (ketref.pharmacokinetics, ("esketamine",), "light"),
    "profile": (ketref.profile, ("esketamine", "primary"), "heavy"),
    "table": (ketref.table, ("forms",), "heavy"),
    "table.min_tier": (lambda t: ketref.table("forms", min_tier=t), ("primary",), "heavy"),
    "table.marks": (lambda c: ketref.table("forms").marks(c), ((),), "light"),
    "export": (ketref.export, ("json",), "heavy"),
    "readings": (lambda s, p, o: kb().readings(s, p, o), ("esketamine", "binds", None), "light"),
    "origin": (lambda what, i: kb().origin(what, i), ("entity", "esketamine"), "light"),
    "source_text": (lambda s: kb().source_text(s), ("benchchem-guide",), "light"),
    "is_bundled_seed": (lambda s: kb().is_bundled_seed(s), ("benchchem-guide",), "light"),
    "from_json": (KnowledgeBase.from_json, ('{"compound": []}',), "heavy"),
    "from_directory": (KnowledgeBase.from_directory, (str(PACK),), "heavy"),
    "from_paths.include_bundled": (
        lambda b: KnowledgeBase.from_paths(PACK, include_bundled=b),
        (False,),
        "heavy",
    ),
    "quiz": (lambda n, seed: teaching.quiz(kb(), n, seed), (3, 1), "heavy"),
    "structure": (ketref.structure, ("esketamine",), "heavy"),
    "identify": (ketref.identify, ("CN[C@]1(c2ccccc2Cl)CCCCC1=O",), "heavy"),
    "enantiomer": (ketref.enantiomer, ("esketamine",), "heavy"),
    "composition": (ketref.composition, ("racemic-ketamine",), "heavy"),
    "salt_mass_ratio": (ketref.salt_mass_ratio, ("ketamine hydrochloride",), "heavy"),
    "stereoisomers": (ketref.stereoisomers, ("esketamine",), "heavy"),
    "depict": (ketref.depict, ("esketamine",), "heavy"),
    "depict.size": (lambda w, h: ketref.depict("esketamine", width=w, height=h), (360, 280), "heavy"),
    "pathway": (ketref.pathway, ("esketamine",), "heavy"),
    "pathway.inherit": (lambda i: ketref.pathway("esketamine", inherit=i), (True,), "heavy"),
    "pathway.paths": (
        lambda a, b: ketref.pathway("esketamine").paths(a, b),
        ("nmda-receptor-blockade", "mtor"),
        "heavy",
    ),
    "pathway.node": (lambda n: ketref.pathway("esketamine").node(n), ("mtor",), "heavy"),
    "pathway.downstream": (lambda n: ketref.pathway("esketamine").downstream(n), ("mtor",), "heavy"),
    "compare_pathways": (ketref.compare_pathways, ("esketamine", "arketamine"), "heavy"),
    "Value.to": (lambda unit: ketref.Value(value=1.5, unit="pM").to(unit), ("M",), "light"),
    "convert": (quantities.convert, ("28 mg", "g"), "light"),
    "ki_to_pki": (quantities.ki_to_pki, ("1 nM",), "light"),
    "pki_to_ki": (quantities.pki_to_ki, (6.0,), "light"),
    "dose_for_body_mass": (quantities.dose_for_body_mass, ("0.5 mg/kg", "70 kg"), "light"),
    "amount_in_volume": (quantities.amount_in_volume, ("50 mg/mL", "10 mL"), "light"),
    "salt_to_base": (
        lambda *a: quantities.salt_to_base(kb(), *a),
        ("32.3 mg", "esketamine hydrochloride"),
        "light",
    ),
    "base_to_salt": (
        lambda *a: quantities.base_to_salt(kb(), *a),
        ("28 mg", "esketamine hydrochloride"),
        "light",
    ),
}
CASES = [
    (name, position, cost) for name, (_, args, cost) in ENTRY_POINTS.items() for position in range(len(args))
]
"""Every argument of every entry point, with the entry point's cost."""


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """Build the caches (knowledge base, RDKit, pathways, tables, quiz pool) before any timing:
    the long profile's deadline is for a call on hostile input, not for a first build."""
    for function, args, _ in ENTRY_POINTS.values():
        function(*args)


def check_call(name: str, position: int, value: Any) -> None:
    function, defaults, _ = ENTRY_POINTS[name]
    args = list(defaults)
    args[position] = value
    try:
        function(*args)
    except ketref.KetrefError as exc:
        assert str(exc), f"{name}: an error with no message"


def function_test(cost: str) -> Any:
    """The fuzz test of the entry points of one cost, with that cost's number of examples."""
    cases = [(n, p) for n, p, c in CASES if c == cost]

    @pytest.mark.parametrize(("name", "position"), cases, ids=[f"{n}#{p}" for n, p in cases])
    @fuzz_settings(cost)
    @given(value=hostile)
    def test(name: str, position: int, value: Any) -> None:
        check_call(name, position, value)

    test.__doc__ = f"Each {cost} entry point answers or raises a KetrefError, whatever one argument is."
    return test


test_light_entry_points_answer_or_raise_a_ketref_error = function_test("light")
test_heavy_entry_points_answer_or_raise_a_ketref_error = function_test("heavy")


def test_the_valid_defaults_work() -> None:
    for name, (function, args, _) in ENTRY_POINTS.items():
        function(*args)  # no error: the fuzzing starts from working calls
        assert name


def test_every_public_function_is_fuzzed() -> None:
    """A new public function gets an entry point here (with an argument, it needs one)."""
    import inspect

    fuzzed = {name.split(".")[0] for name in ENTRY_POINTS}
    public = {
        name
        for name in ketref.__all__
        if inspect.isfunction(getattr(ketref, name)) and inspect.signature(getattr(ketref, name)).parameters
    }
    assert public - fuzzed == set()


COMMANDS = [
    ["show"],
    ["search"],
    ["claims", "--subject"],
    ["claims", "--predicate"],
    ["claims", "--object"],
    ["claims", "--status"],
    ["compare", "esketamine"],
    ["structure"],
    ["identify"],
    ["stereoisomers"],
    ["depict"],
    ["pathway"],
    ["paths", "esketamine", "mtor"],
    ["paths", "esketamine", "nmda-receptor-blockade"],
    ["pk"],
    ["unique"],
    ["adverse-effects"],
    ["coverage", "--source"],
    ["validate"],
    ["table"],
    ["cite"],
    ["factsheet"],
    ["quiz", "--n", "2", "--seed"],
    ["export", "--format"],
]
"""Commands with one argument fuzzed; none writes a file."""


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
@fuzz_settings("cli")
@given(argument=hostile_text.filter(lambda t: not t.startswith("-")), as_json=st.booleans())
def test_cli_never_shows_a_traceback(command: list[str], argument: str, as_json: bool) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main([*command, argument, *(["--json"] if as_json else [])], out=out, err=err)
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue() and "Traceback" not in out.getvalue()
    if code == 1:
        assert err.getvalue().startswith("ketref: ")


SAFE_COMMANDS = [c[0] for c in COMMANDS] + ["folds", "sources", "conflicts"]
"""Commands an arbitrary command line may start with: none writes a file (no ``--out`` is drawn)."""


@fuzz_settings("argv")
@given(
    st.one_of(
        st.lists(hostile_text, max_size=4),
        st.tuples(st.sampled_from(SAFE_COMMANDS), st.lists(hostile_text, max_size=3)).map(
            lambda c: [c[0], *c[1]]
        ),
    ).filter(lambda argv: "--out" not in argv and "lecture" not in argv and "flashcards" not in argv)
)
def test_cli_with_arbitrary_arguments(argv: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
