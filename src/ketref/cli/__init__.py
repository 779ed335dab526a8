"""The ``ketref`` command: look things up from a terminal.

Results go to standard output: readable text, or JSON with ``--json`` (before or after the
command). The disclaimer, "wrote FILE" and other notes go to standard error, so piped output is
clean. ``--pack DIR`` (repeatable, or ``KETREF_PACKS``, directories separated by the path
separator) adds a knowledge pack to the bundled data for any command.

Exit status: 0 success; 1 not found or bad input (with close matches); 2 usage error;
3 internal error (a bug: please report it); 130 interrupted. No command prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ketref import DISCLAIMER, __version__
from ketref.errors import InvalidQueryError, KetrefError

__all__ = ["EXIT_CODES", "main", "parser", "reference"]

EXIT_CODES: dict[int, str] = {
    0: "success",
    1: "not found or bad input: an unknown name (with close matches), bad data or a bad option value",
    2: "usage error: an unknown command or option, a missing argument",
    3: "internal error: a bug in ketref, reported in one line; please report it",
    130: "interrupted (Ctrl-C)",
}
"""The exit status of ``ketref`` and what each means."""


class _LazyChoices:
    """Choices read from a registry only when argparse checks or shows them, so that building the
    parser (and ``ketref --help``) imports nothing heavy."""

    def __init__(self, module: str, name: str) -> None:
        self._module, self._name = module, name

    def _names(self) -> list[str]:
        import importlib

        return list(getattr(importlib.import_module(self._module), self._name))

    def __contains__(self, item: object) -> bool:
        return item in self._names()

    def __iter__(self) -> Any:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


_CHOICES = {
    ("table", "--format"): _LazyChoices("ketref.tables.render", "RENDERERS"),
    ("export", "--format"): _LazyChoices("ketref.serialize", "EXPORTERS"),
}


def parser() -> argparse.ArgumentParser:
    """The argument parser, built from :data:`ketref.cli.commands.COMMANDS`."""
    from ketref.cli.commands import COMMANDS

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", dest="json_after", action="store_true", help="print JSON instead of text")
    common.add_argument(
        "--pack",
        dest="packs_after",
        action="append",
        default=[],
        metavar="DIR",
        help="add a knowledge pack (a data directory or file) to the bundled data; repeatable",
    )
    root = argparse.ArgumentParser(
        prog="ketref",
        description="Look up ketamine pharmacology claims, each with its source's own words. " + DISCLAIMER,
        epilog="exit status: "
        + "; ".join(f"{code} {meaning.split(':')[0]}" for code, meaning in EXIT_CODES.items())
        + ". KETREF_PACKS adds packs too (paths separated by the path separator).",
    )
    root.add_argument("--version", action="version", version=f"ketref {__version__}")
    root.add_argument("--json", action="store_true", help="print JSON instead of text")
    root.add_argument("--pack", action="append", default=[], metavar="DIR", help="add a knowledge pack")
    sub = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, cmd in COMMANDS.items():
        p = sub.add_parser(name, help=cmd.help, description=cmd.help, parents=[common])
        for flags, options in cmd.arguments:
            choices = _CHOICES.get((name, flags[0]))
            if choices is not None:
                options = {**options, "choices": choices}
            p.add_argument(*flags, **options)
        if cmd.out:
            p.add_argument("--out", metavar="FILE", help="write the document to FILE ('-': standard output)")
    return root


def reference() -> str:
    """The command-line reference as Markdown, generated from the parser (for the docs site)."""
    import functools

    from ketref.cli.commands import COMMANDS

    fixed = functools.partial(argparse.HelpFormatter, width=96)  # not the terminal's: a stable page
    root = parser()
    root.formatter_class = fixed
    subparsers = next(a for a in root._actions if isinstance(a, argparse._SubParsersAction))
    for sub in subparsers.choices.values():
        sub.formatter_class = fixed
    lines = [
        "# Command line",
        "",
        "Generated from `ketref`'s own argument parser.",
        "",
        "Results go to standard output; the disclaimer, `wrote FILE` and other notes go to standard",
        "error, so piped output is clean. `--json` (before or after the command) prints JSON of the",
        'form `{"disclaimer": ..., "result": ...}`. `--pack DIR` (repeatable, or the `KETREF_PACKS`',
        "environment variable, paths separated by the path separator) adds a knowledge pack to the",
        "bundled data for every command. `--out -` writes a document to standard output.",
        "",
        'Shell completion: `pip install "ketref[completion]"`, then for bash',
        "`ketref completion bash > ~/.local/share/bash-completion/completions/ketref`.",
        "",
        "## Exit status",
        "",
        "| status | meaning |",
        "| --- | --- |",
        *(f"| {code} | {meaning} |" for code, meaning in EXIT_CODES.items()),
        "",
        "## `ketref`",
        "",
        "```text",
        root.format_help().rstrip(),
        "```",
    ]
    for name in COMMANDS:
        usage = subparsers.choices[name].format_help().rstrip()
        lines += ["", f"## `ketref {name}`", "", "```text", usage, "```"]
    return "\n".join(lines) + "\n"


def _packs(ns: argparse.Namespace, environ: Any) -> list[str]:
    from_env = [p for p in environ.get("KETREF_PACKS", "").split(os.pathsep) if p.strip()]
    return [*from_env, *ns.pack, *ns.packs_after]


def _loader(packs: list[str]) -> Any:
    def load() -> Any:
        if not packs:
            import ketref

            return ketref.knowledge_base()
        from ketref.cli.output import check_input
        from ketref.kb import KnowledgeBase

        for pack in packs:
            check_input(pack)
        return KnowledgeBase.from_paths(*packs)

    return load


def _text_of(result: Any) -> str | bytes:
    if isinstance(result.text, str | bytes):
        return result.text
    import io

    buffer = io.StringIO()
    result.text(buffer)
    return buffer.getvalue()


def _emit(ns: argparse.Namespace, result: Any, out: TextIO, err: TextIO) -> None:
    """Print a command's result: a document to ``--out`` or standard output, JSON, or text."""
    from pydantic_core import to_jsonable_python

    from ketref.cli.output import write

    for warning in getattr(result, "warnings", ()):
        print(f"ketref: {warning}", file=err)
    target = getattr(ns, "out", None)
    if target and target != "-":
        write(_text_of(result), target)
        print(f"wrote {target}" + (f" ({', '.join(result.notes)})" if result.notes else ""), file=err)
        if ns.json:
            payload = {"written": target}
            json.dump({"disclaimer": DISCLAIMER, "result": payload}, out, ensure_ascii=False, indent=2)
            print(file=out)
        return
    if ns.json:
        payload = to_jsonable_python(result.data, fallback=str)
        json.dump({"disclaimer": DISCLAIMER, "result": payload}, out, ensure_ascii=False, indent=2)
        print(file=out)
        return
    if isinstance(result.text, str):
        out.write(result.text)
    elif isinstance(result.text, bytes):  # binary documents go to a file only
        raise InvalidQueryError("this output is binary: give --out FILE")
    else:
        result.text(out)
    if not result.document:
        out.flush()  # the results first, then the notice, when both streams reach one terminal
        print(DISCLAIMER, file=err)


def _safe_stream(stream: TextIO | None) -> TextIO | None:
    """Standard output that writes a character the terminal cannot show as an escape, not an error."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # a closed or detached stream
            return stream
    return stream


def _silence_stdout() -> None:
    """After the reader went away, point standard output at /dev/null so that the interpreter's
    final flush does not print an error (the Python documentation's advice for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status (see :data:`EXIT_CODES`)."""
    real_stdout = out is None
    out = out if out is not None else _safe_stream(sys.stdout)
    err = err if err is not None else _safe_stream(sys.stderr)
    if out is None:  # started with standard output closed: there is nowhere to print to
        return 0
    if err is None:
        err = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    try:
        ns = parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        return int(exc.code) if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        print("ketref: interrupted", file=err)
        return 130
    ns.json = ns.json or ns.json_after
    if getattr(ns, "out", None) == "" or getattr(ns, "folder", None) == "":  # not "absent": a usage error
        print("ketref: --out needs a file name ('-' is standard output)", file=err)
        return 2
    from ketref.cli.commands import COMMANDS, Context

    try:
        context = Context(ns, _loader(_packs(ns, os.environ)))
        result = COMMANDS[ns.command].run(context)
        _emit(ns, result, out, err)
        out.flush()
    except KetrefError as exc:
        print(f"ketref: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        print("ketref: interrupted", file=err)
        return 130
    except BrokenPipeError:  # the reader (head, less) went away: stop quietly
        if real_stdout:
            _silence_stdout()
        return 0
    except Exception as exc:  # a bug: say so plainly, without a traceback (the fuzz tests forbid 3)
        print(f"ketref: internal error ({type(exc).__name__}: {exc}); please report it", file=err)
        return 3
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
