"""Errors the store raises: each carries one clear line for the user, naming the file concerned."""


class StoreError(Exception):
    """Base of every store error; ``str(e)`` is a single line fit to show a user."""


class StoreCorrupt(StoreError):
    """A store file cannot be read (truncated, not JSON, wrong shape). It is never overwritten."""


class NotAStore(StoreError):
    """The folder holds files but is not a Dateline store."""


class SchemaTooNew(StoreError):
    """The store was written by a newer Dateline whose schema this version cannot read."""


class StoreLocked(StoreError):
    """Another process held the store's writer lock for longer than this one would wait."""


class ReadOnlyStore(StoreError):
    """A write was attempted on a store opened read-only."""


class StoreWriteFailed(StoreError):
    """A write failed (disk full, permission); the store on disk is unchanged."""
