"""store/ingest/formats/ (see ARCHITECTURE.md)."""
