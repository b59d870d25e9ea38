"""store/guard/ (see ARCHITECTURE.md)."""
