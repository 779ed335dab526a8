"""The bounds ketref puts on everything a knowledge pack (or a caller) controls.

A pack is untrusted data (see SECURITY.md): these limits keep the time and memory of a load,
and of every query over what was loaded, bounded. Each is a named constant, listed with its
value in SECURITY.md and the data README, and tested at the limit and past it
(tests/test_hostile_packs.py). The values are far above what real curated data needs.

This module imports nothing: it is safe to read from anywhere.
"""

from __future__ import annotations

__all__ = [
    "MAX_ATOMS",
    "MAX_DOTTED_KEY_PARTS",
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_JSON_CHARS",
    "MAX_KEY_CHARS",
    "MAX_NAME_CHARS",
    "MAX_NESTING_DEPTH",
    "MAX_PACK_BYTES",
    "MAX_PACK_RECORDS",
    "MAX_PATH_STEPS",
    "MAX_QUERY_CHARS",
    "MAX_QUOTE_SCAN_CHARS",
    "MAX_RECORDS_PER_FILE",
    "MAX_RING_SIZE",
    "MAX_STRUCTURE_CHARS",
    "MAX_TEXTS_BYTES",
    "MAX_TEXT_BYTES",
    "MAX_UNIT_CHARS",
    "MAX_UNIT_EXPONENT",
]

# -- files --------------------------------------------------------------------------------------

MAX_FILE_BYTES = 8 * 1024 * 1024
"""The largest data file (TOML or JSON) read; a bigger one is refused before parsing."""

MAX_FILES = 1000
"""The most data files one load reads."""

MAX_TEXT_BYTES = 8 * 1024 * 1024
"""The largest source text a pack may ship (``sources/*.txt``)."""

MAX_TEXTS_BYTES = 32 * 1024 * 1024
"""The most bytes of source text one pack load reads, all texts together."""

MAX_PACK_BYTES = 64 * 1024 * 1024
"""The most bytes one pack load reads, data files and texts together."""

MAX_JSON_CHARS = MAX_FILE_BYTES + MAX_TEXTS_BYTES
"""The longest JSON document :meth:`ketref.KnowledgeBase.from_json` reads: a data file's worth of
records plus the pack texts an export carries (``source_text``), so that an export loads back."""

# -- documents ----------------------------------------------------------------------------------

MAX_NESTING_DEPTH = 32
"""The deepest nesting of arrays and tables in a TOML or JSON document (checked before parsing)."""

MAX_DOTTED_KEY_PARTS = 16
"""The most parts of a dotted TOML key (``a.b.c`` has 3), checked before parsing: the standard
library's parser takes time quadratic in the number of parts."""

MAX_KEY_CHARS = 128
"""The longest key in a data document."""

MAX_RECORDS_PER_FILE = 100_000
"""The most tables one data file holds, counting nested ones (evidence, values, xrefs)."""

MAX_PACK_RECORDS = 200_000
"""The most tables one pack load holds, all files together, nested ones counted."""

MAX_NAME_CHARS = 200
"""The longest name or synonym of an entity."""

# -- checks and queries -------------------------------------------------------------------------

MAX_QUERY_CHARS = 10_000
"""The longest name or search text a lookup reads (five times the longest description): a longer one
is refused at once, and no suggestions are computed for it, so a huge query costs no time."""

MAX_QUOTE_SCAN_CHARS = 250_000_000
"""The most characters of source text the quote check of one load may scan (each distinct
quote costs the length of the text it is looked up in): well under a second of work."""

MAX_PATH_STEPS = 200_000
"""The most search steps :meth:`ketref.Pathway.paths` takes before it stops and says so."""

MAX_UNIT_CHARS = 60
"""The longest unit text."""

MAX_UNIT_EXPONENT = 4
"""The largest power a unit text may raise a unit to (``m**3``, ``s**-2``)."""

MAX_STRUCTURE_CHARS = 100_000
"""The longest structure text (SMILES, InChI or molfile) handed to RDKit."""

MAX_ATOMS = 1000
"""The most atoms (hydrogens included) in a structure handed to RDKit's algorithms; a drug has
well under 200."""

MAX_RING_SIZE = 40
"""The largest ring (in SMILES ring-closure reach, or as perceived) in a structure; drug rings
have 3 to 8 atoms, macrocycles rarely more than 30."""
