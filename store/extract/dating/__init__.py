"""store/extract/dating/ (see ARCHITECTURE.md)."""
