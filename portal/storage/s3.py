"""Files kept in an S3-compatible bucket: production."""

from __future__ import annotations

from typing import Any, BinaryIO, cast

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

from portal.storage.base import FileStore, StorageError, StoredFileMissing, check_key

MISSING_CODES = frozenset({"404", "NoSuchKey", "NotFound"})


class S3FileStore(FileStore):
    """Each file is one object in ``bucket``.

    Credentials come from boto3's usual sources (``AWS_ACCESS_KEY_ID`` and
    ``AWS_SECRET_ACCESS_KEY``, ``AWS_PROFILE``, or the role of the machine),
    never from the portal's configuration. ``endpoint_url`` points at an
    S3-compatible service other than AWS; such services are addressed
    path-style and sent checksums only where S3 requires them, which they
    all understand.
    """

    def __init__(
        self,
        bucket: str,
        *,
        endpoint_url: str | None = None,
        region: str | None = None,
        client: Any = None,
    ) -> None:
        if not bucket:
            raise StorageError("S3FileStore needs a bucket name (S3_BUCKET).")
        self.bucket = bucket
        if client is None:
            options: dict[str, Any] = {
                "retries": {"max_attempts": 3, "mode": "standard"},
                "connect_timeout": 5,
                "read_timeout": 30,
            }
            if endpoint_url:
                options["s3"] = {"addressing_style": "path"}
                options["request_checksum_calculation"] = "when_required"
                options["response_checksum_validation"] = "when_required"
            client = boto3.client(
                "s3",
                endpoint_url=endpoint_url or None,
                region_name=region or None,
                config=Config(**options),
            )
        self.client = client

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.client.put_object(Bucket=self.bucket, Key=check_key(key), Body=data, ContentType=content_type)

    def get(self, key: str) -> bytes:
        with self.open(key) as handle:
            return handle.read()

    def open(self, key: str) -> BinaryIO:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=check_key(key))
        except ClientError as error:
            if _error_code(error) in MISSING_CODES:
                raise StoredFileMissing(key) from error
            raise
        # botocore's StreamingBody reads and closes like a binary file.
        return cast(BinaryIO, response["Body"])

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=check_key(key))

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=check_key(key))
        except ClientError as error:
            if _error_code(error) in MISSING_CODES:
                return False
            raise
        return True


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))
