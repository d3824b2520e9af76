"""Where uploaded files are kept: a local folder or an S3-compatible bucket.

`file_store(app)` gives the app's store, chosen by ``FILE_STORAGE``:

- ``local``: `LocalFileStore` in ``UPLOAD_DIR`` (development and testing);
- ``s3``: `S3FileStore` in ``S3_BUCKET`` (production).

Make keys with `new_key()`; never build one from a person's file name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from portal.config import ConfigurationError
from portal.storage.base import FileStore, InvalidKey, StorageError, StoredFileMissing, check_key, new_key
from portal.storage.local import LocalFileStore
from portal.storage.s3 import S3FileStore

if TYPE_CHECKING:
    from flask import Flask

__all__ = [
    "FileStore",
    "InvalidKey",
    "LocalFileStore",
    "S3FileStore",
    "StorageError",
    "StoredFileMissing",
    "check_key",
    "file_store",
    "new_key",
]

EXTENSION_KEY = "portal_file_store"


def file_store(app: Flask) -> FileStore:
    """The app's file store, made once per app and kept in ``app.extensions``."""
    store = app.extensions.get(EXTENSION_KEY)
    if store is None:
        store = _make_store(app)
        app.extensions[EXTENSION_KEY] = store
    return store


def _make_store(app: Flask) -> FileStore:
    kind = app.config.get("FILE_STORAGE", "local")
    if kind == "local":
        root = Path(app.config["UPLOAD_DIR"]).resolve()
        if app.static_folder and root.is_relative_to(Path(app.static_folder).resolve()):
            raise ConfigurationError("UPLOAD_DIR must not be inside the static folder, which anyone can read.")
        return LocalFileStore(root)
    if kind == "s3":
        if not app.config.get("S3_BUCKET"):
            raise ConfigurationError("FILE_STORAGE is s3, so S3_BUCKET must be set.")
        return S3FileStore(
            app.config["S3_BUCKET"],
            endpoint_url=app.config.get("S3_ENDPOINT_URL") or None,
            region=app.config.get("S3_REGION") or None,
        )
    raise ConfigurationError(f"FILE_STORAGE is {kind!r}; it must be local or s3.")
