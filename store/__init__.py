"""Dateline's core: the data model, the TinyDB store, ingest, extraction and export. No UI here."""
from .errors import (NotAStore, ReadOnlyStore, SchemaTooNew, StoreCorrupt, StoreError, StoreLocked,
                     StoreWriteFailed)
from .store import Store
from .writing import NewArticle

__all__ = ["Store", "NewArticle", "StoreError", "StoreCorrupt", "NotAStore", "SchemaTooNew", "StoreLocked",
           "ReadOnlyStore", "StoreWriteFailed"]
