"""``python -m dateline.tui.cli``: the ``dateline`` command."""
from dateline.tui.cli.cli import main

raise SystemExit(main())
