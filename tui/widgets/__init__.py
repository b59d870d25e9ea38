"""tui/widgets/ (see ARCHITECTURE.md)."""
