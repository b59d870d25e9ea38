"""tui/actions/: what the app does on a user's request — edits, search, charts, export, theme, fetching feeds."""
