"""store/extract/naming/ (see ARCHITECTURE.md)."""
