"""store/view/ (see ARCHITECTURE.md)."""
