"""store/checks/ (see ARCHITECTURE.md)."""
