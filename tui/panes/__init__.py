"""tui/panes/ (see ARCHITECTURE.md)."""
