"""``python -m ketref``: the command line."""

from ketref.cli import main

raise SystemExit(main())
