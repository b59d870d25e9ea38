"""store/disk/ (see ARCHITECTURE.md)."""
