"""The ``ketref`` command: look things up from a terminal.

Every command prints readable text by default and JSON with ``--json``. A failed lookup
exits with status 1 and prints the close matches; no command prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ketref import DISCLAIMER, __version__
from ketref.cli.commands import HANDLERS
from ketref.errors import KetrefError

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ketref",
        description="Look up ketamine pharmacology claims, each with its source's own words. " + DISCLAIMER,
    )
    parser.add_argument("--version", action="version", version=f"ketref {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help="print JSON instead of text")
        return p

    show = command("show", "show one entity: names, identifiers and what is claimed about it")
    show.add_argument("name", help="an id, name, synonym, brand, CURIE or InChIKey")

    search = command("search", "find entities by name or description")
    search.add_argument("text")
    search.add_argument("--kind", help="only this kind of entity (compound, target, product, ...)")
    search.add_argument("--limit", type=int, default=10)

    claims = command("claims", "list claims matching every filter given")
    claims.add_argument("--subject")
    claims.add_argument("--predicate")
    claims.add_argument("--object")
    claims.add_argument("--comparator")
    claims.add_argument("--direction", help="greater, lesser or similar (seen from the subject)")
    claims.add_argument("--source", help="a source id")
    claims.add_argument("--status", help="established, reported, suggested or hypothesized")
    claims.add_argument(
        "--inherit",
        action="store_true",
        help="for a racemate or an enantiomer, also show what is said of form-unspecified ketamine",
    )

    effects = command("adverse-effects", "adverse effects with how many sources report each")
    effects.add_argument("name", nargs="?", help="only those claimed for this entity (and inherited)")

    unique = command("unique", "what one source claims that no other source claims")
    unique.add_argument("source", help="a source id (see 'ketref sources')")

    compare = command("compare", "compare two entities topic by topic")
    compare.add_argument("a")
    compare.add_argument("b")

    structure = command("structure", "computed structure facts of an entity (RDKit)")
    structure.add_argument("name")

    identify = command("identify", "which entity a SMILES, InChI or molfile is")
    identify.add_argument("structure", help="a SMILES or InChI, or a path to a molfile")

    isomers = command("stereoisomers", "every stereoisomer of an entity's constitution")
    isomers.add_argument("name")

    depict = command("depict", "draw an entity's structure as SVG (wedges and CIP labels)")
    depict.add_argument("name")
    depict.add_argument("--out", help="write the SVG to this file instead of standard output")

    coverage = command("coverage", "how many sentences of each seed document claims cover")
    coverage.add_argument("--source", help="list the sentences of one seed document")

    path = command("pathway", "a compound's mechanism steps as text or a diagram")
    path.add_argument("name")
    path.add_argument("--format", choices=("text", "mermaid", "dot", "svg"), default="text")
    path.add_argument(
        "--compare", metavar="OTHER", help="show the difference with another compound's pathway"
    )
    path.add_argument("--inherit", action="store_true", help="add steps stated of form-unspecified ketamine")
    path.add_argument("--out", help="write the diagram to this file")

    paths = command("paths", "every path between two nodes of a compound's pathway, with its weakest status")
    paths.add_argument("name")
    paths.add_argument("source")
    paths.add_argument("target")
    paths.add_argument("--inherit", action="store_true")

    pk = command("pk", "pharmacokinetic values of a compound, every source's side by side")
    pk.add_argument("name")

    command("folds", "fold differences derived from measured affinities, checked against stated folds")

    validate = command("validate", "check a knowledge pack (data files) against the bundled knowledge base")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="TOML data files or directories")
    validate.add_argument("--alone", action="store_true", help="check the pack without the bundled data")

    exporter = sub.add_parser("export", help="the whole knowledge base as JSON, JSON-LD or Turtle")
    exporter.add_argument("--format", choices=("json", "jsonld", "turtle"), default="json")
    exporter.add_argument("--out", help="write to this file instead of standard output")
    exporter.set_defaults(json=False)

    tab = sub.add_parser(
        "table", help="a generated table (forms = the key differences, affinities, routes, ...)"
    )
    tab.add_argument(
        "name",
        help="forms (key differences between the forms), affinities, routes, pharmacokinetics, "
        "adverse-effects, regulatory, conflicts",
    )
    tab.add_argument("--format", choices=("md", "html", "rst", "csv", "latex"), default="md")
    tab.add_argument(
        "--standalone", action="store_true", help="html: a styled page; latex: a document pdflatex compiles"
    )
    tab.add_argument("--out", help="write to this file")
    tab.set_defaults(json=False)

    sheet = command("factsheet", "a Markdown fact sheet of one entity, with cited sources")
    sheet.add_argument("name")

    ask = command("quiz", "multiple-choice questions generated from the claims")
    ask.add_argument("--n", type=int, default=5, help="how many questions")
    ask.add_argument("--seed", type=int, default=0, help="the same seed gives the same questions")

    cards = command("flashcards", "flashcards in a tab-separated format Anki imports")
    cards.add_argument("--out", required=True, help="the file to write")

    command("sources", "list the sources claims are taken from")
    command("conflicts", "list claims that disagree with each other")
    return parser


# -- text rendering ------------------------------------------------------------------------


def _raw_output(ns: argparse.Namespace) -> bool:
    """Whether standard output carries a document (SVG, Mermaid, DOT, a table, an export) that the
    disclaimer line would corrupt; such documents carry their own notice where they can."""
    if getattr(ns, "out", None):
        return False
    if ns.command in ("depict", "export", "table", "factsheet"):
        return True
    return bool(ns.command == "pathway" and ns.format != "text")


def _jsonable(payload: Any) -> Any:
    """Models (alone, in sequences or as dict values) as their JSON-mode dumps; the rest as is."""
    if hasattr(payload, "model_dump"):
        return payload.model_dump(mode="json")
    if isinstance(payload, (list, tuple)):
        return [_jsonable(item) for item in payload]
    if isinstance(payload, dict):
        return {key: _jsonable(value) for key, value in payload.items()}
    return payload


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failed lookup or bad data, 2 usage)."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    parser = _parser()
    try:
        ns = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return int(exc.code) if isinstance(exc.code, int) else 2
    try:
        payload = HANDLERS[ns.command](ns, out)
        if ns.json:
            result = _jsonable(payload)
            json.dump({"disclaimer": DISCLAIMER, "result": result}, out, ensure_ascii=False, indent=2)
            print(file=out)
        elif not _raw_output(ns):
            print(f"\n{DISCLAIMER}", file=out)
    except KetrefError as exc:
        print(f"ketref: {exc}", file=err)
        return 1
    except BrokenPipeError:  # the reader (head, less) went away: stop quietly
        return 0
    except Exception as exc:  # a bug: say so plainly, without a traceback (the fuzz tests forbid 3)
        print(f"ketref: internal error ({type(exc).__name__}: {exc}); please report it", file=err)
        return 3
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
