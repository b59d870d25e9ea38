"""tui/cli/ (see ARCHITECTURE.md)."""
