"""Checks on a data document's shape, made before and after the parser sees it.

Before parsing, :func:`check_toml_text` and :func:`check_json_text` bound the nesting depth
(the standard library's parsers recurse, and raise RecursionError on deep input) and, for TOML,
the parts of a dotted key (``tomllib`` takes time quadratic in their number). They do it in
linear time: strings and comments are blanked out by one regular-expression pass that never
backtracks over more than a line (a string left open stops the scan at once), and the rest is
counted with C-level string operations.

After parsing, :func:`check_document` counts every table (nested ones included: evidence, values,
cross-references) and bounds key lengths, without recursion.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

from ketref import limits
from ketref.errors import DataError

__all__ = ["check_document", "check_json_text", "check_toml_text"]

# One token at a time, contiguous (every position is covered by some alternative), so the scan
# is linear. A string token must close; an opening quote that cannot is a `bad` token.
_TOML_TOKENS = re.compile(
    r'(?P<s>"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""(?:"{1,2}(?!"))?'
    r"|'''(?:[^']|'(?!''))*'''(?:'{1,2}(?!'))?"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*')"
    r"|(?P<c>#[^\n]*)"
    r"|(?P<o>[^\"'#]+)"
    r"|(?P<bad>[\"'])"
)
_JSON_TOKENS = re.compile(r'(?P<s>"(?:[^"\\]|\\[\s\S])*")|(?P<o>[^"]+)|(?P<bad>")')
_BRACKETS = re.compile(r"[^\[\]{}]+")
_NOT_KEY_SYNTAX = re.compile(r"[^.,=\[\]{}\n]+")
_SEPARATORS = re.compile(r"[,=\[\]{}]")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _blank_strings(text: str, tokens: re.Pattern[str], shown: str, language: str) -> str:
    """The text with every string replaced by ``s`` and every comment removed, line for line."""
    parts: list[str] = []
    for match in tokens.finditer(text):
        kind = match.lastgroup
        if kind == "o":
            parts.append(match[0])
        elif kind == "s":
            parts.append("s" + "\n" * match[0].count("\n"))  # line numbers stay right
        elif kind == "bad":
            raise DataError(
                f"not valid {language}: a string is not closed", file=shown, line=_line(text, match.start())
            )
    return "".join(parts)


def _check_depth(blanked: str, shown: str) -> None:
    brackets = _BRACKETS.sub("", blanked)
    if len(brackets) <= limits.MAX_NESTING_DEPTH:
        return
    deepest = max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)))
    if deepest > limits.MAX_NESTING_DEPTH:
        raise DataError(
            f"arrays and tables nest {deepest} deep; the limit is {limits.MAX_NESTING_DEPTH}", file=shown
        )


def check_toml_text(text: str, shown: str) -> str:
    """Refuse TOML text nested too deep or with a dotted key of too many parts, before parsing.

    Returns the text with strings blanked and comments removed, line for line (the loader reads
    the records' header lines from it).
    """
    blanked = _blank_strings(text, _TOML_TOKENS, shown, "TOML")
    _check_depth(blanked, shown)
    # what remains of each key is its dots: a run of more dots than a key may have parts fails
    dots = _SEPARATORS.sub("|", _NOT_KEY_SYNTAX.sub("", blanked))  # newlines stay
    run = re.search(rf"\.{{{limits.MAX_DOTTED_KEY_PARTS}}}", dots)
    if run is not None:
        raise DataError(
            f"a dotted key has more than {limits.MAX_DOTTED_KEY_PARTS} parts "
            f"(the limit is {limits.MAX_DOTTED_KEY_PARTS})",
            file=shown,
            line=dots.count("\n", 0, run.start()) + 1,
        )
    return blanked


def check_json_text(text: str, shown: str) -> None:
    """Refuse JSON text nested too deep, before parsing."""
    _check_depth(_blank_strings(text, _JSON_TOKENS, shown, "JSON"), shown)


def check_document(document: Any, shown: str) -> int:
    """Count the tables of a parsed document and check its keys; returns the count.

    Raises:
        DataError: more tables than :data:`~ketref.limits.MAX_RECORDS_PER_FILE`, or a key longer
            than :data:`~ketref.limits.MAX_KEY_CHARS`.
    """
    count = 0
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            count += 1
            for key, value in item.items():
                if isinstance(key, str) and len(key) > limits.MAX_KEY_CHARS:
                    raise DataError(
                        f"a key is {len(key)} characters long; the limit is {limits.MAX_KEY_CHARS}",
                        file=shown,
                    )
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    count -= 1 if isinstance(document, dict) else 0
    if count > limits.MAX_RECORDS_PER_FILE:
        raise DataError(
            f"{count} records and nested tables; the limit is {limits.MAX_RECORDS_PER_FILE} per file",
            file=shown,
        )
    return count
