"""store/export/formats/ (see ARCHITECTURE.md)."""
