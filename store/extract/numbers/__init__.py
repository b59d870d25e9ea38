"""store/extract/numbers/ (see ARCHITECTURE.md)."""
