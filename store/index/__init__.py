"""store/index/ (see ARCHITECTURE.md)."""
