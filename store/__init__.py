"""Dateline's core: the data model, the TinyDB store, ingest, extraction and export. No UI here."""
from dateline.store.errors import (NotAStore, ReadOnlyStore, SchemaTooNew, StoreCorrupt, StoreError, StoreLocked,
                                   StoreWriteFailed)
from dateline.store.store import Store
from dateline.store.writing import NewArticle

__all__ = ["Store", "NewArticle", "StoreError", "StoreCorrupt", "NotAStore", "SchemaTooNew", "StoreLocked",
           "ReadOnlyStore", "StoreWriteFailed"]
