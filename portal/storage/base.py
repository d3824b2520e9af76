"""The file store interface, its errors and the keys the portal gives files.

A key names one stored file. The portal makes every key itself with
`new_key` (for example ``evidence/3f2a…``); a key never comes from a
person's file name. Keys are one or more segments of letters, digits, ``-``
and ``_`` joined by ``/``: no dots, no backslashes, no empty segments, so a
key can never climb out of the folder or bucket prefix it belongs to.
"""

from __future__ import annotations

import re
import uuid
from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import BinaryIO

KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,128}(?:/[A-Za-z0-9_-]{1,128}){0,7}")


class StorageError(Exception):
    """A file store could not do what was asked."""


class InvalidKey(StorageError, ValueError):
    """The key is not one the portal could have made."""


class StoredFileMissing(StorageError, LookupError):
    """No file is stored under the key."""


def check_key(key: str) -> str:
    """Return the key unchanged if it is well formed, otherwise raise InvalidKey."""
    if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
        raise InvalidKey(f"Not a valid file key: {key!r}")
    return key


def new_key(prefix: str = "evidence") -> str:
    """A new random key under the prefix, such as ``evidence/<32 hex digits>``."""
    return check_key(f"{prefix}/{uuid.uuid4().hex}")


class FileStore(ABC):
    """Somewhere to keep uploaded files: a local folder or an S3-compatible bucket."""

    @abstractmethod
    def put(self, key: str, data: bytes, content_type: str) -> None:
        """Store the bytes under the key, replacing any file already there, all at once."""

    @abstractmethod
    def get(self, key: str) -> bytes:
        """The stored bytes; raises StoredFileMissing when there is no such file."""

    @abstractmethod
    def open(self, key: str) -> BinaryIO:
        """A binary file object to read the stored file from, for serving it.

        The caller closes it. Raises StoredFileMissing when there is no such file.
        """

    @abstractmethod
    def delete(self, key: str) -> None:
        """Remove the file. Removing a file that is not there is not an error."""

    @abstractmethod
    def exists(self, key: str) -> bool:
        """Whether a file is stored under the key."""

    def stream(self, key: str, chunk_size: int = 64 * 1024) -> Iterator[bytes]:
        """The stored file in chunks, for a streamed response."""
        with self.open(key) as handle:
            while chunk := handle.read(chunk_size):
                yield chunk
