"""tui/app/ (see ARCHITECTURE.md)."""
