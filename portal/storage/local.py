"""Files kept in a local folder: development, testing and single-server set-ups."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from portal.storage.base import FileStore, InvalidKey, StoredFileMissing, check_key

FILE_MODE = 0o600
FOLDER_MODE = 0o700


class LocalFileStore(FileStore):
    """Each file is one file under ``root``, readable by the portal's user only.

    ``root`` must be outside the web root (the portal uses ``UPLOAD_DIR``, by
    default ``instance/uploads``). Files are written to a temporary file in
    the same folder and moved into place with ``os.replace``, so a reader
    never sees half a file.
    """

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        check_key(key)
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root) or path == self.root:  # a symbolic link pointing away
            raise InvalidKey(f"Not a valid file key: {key!r}")
        return path

    def put(self, key: str, data: bytes, content_type: str) -> None:
        path = self._path(key)
        path.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        # mkstemp creates the file with mode 0600; chmod again in case the platform differs.
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-", suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                os.fchmod(handle.fileno(), FILE_MODE)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        _sync_folder(path.parent)

    def get(self, key: str) -> bytes:
        with self.open(key) as handle:
            return handle.read()

    def open(self, key: str) -> BinaryIO:
        path = self._path(key)
        try:
            return path.open("rb")
        except (FileNotFoundError, IsADirectoryError) as error:
            raise StoredFileMissing(key) from error

    def delete(self, key: str) -> None:
        path = self._path(key)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); skipped where folders cannot be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
