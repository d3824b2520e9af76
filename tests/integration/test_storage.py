"""The file stores: a local folder, and a real S3-compatible server (moto) on this machine."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

import boto3
import pytest
from moto.server import ThreadedMotoServer

from portal.storage import FileStore, InvalidKey, LocalFileStore, S3FileStore, StorageError, StoredFileMissing, new_key
from portal.storage import local as local_module

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture
def local_store(tmp_path) -> LocalFileStore:
    return LocalFileStore(tmp_path / "uploads")


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with pytest.MonkeyPatch.context() as env:
        env.setenv("AWS_ACCESS_KEY_ID", "testing")
        env.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        env.delenv("AWS_SESSION_TOKEN", raising=False)
        env.delenv("AWS_PROFILE", raising=False)
        env.setenv("AWS_CONFIG_FILE", os.devnull)
        env.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        try:
            yield f"http://{host}:{port}"
        finally:
            server.stop()


@pytest.fixture
def s3_store(s3_endpoint) -> S3FileStore:
    bucket = f"evidence-{new_key('t').split('/')[1][:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-2")
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    return S3FileStore(bucket, endpoint_url=s3_endpoint, region="eu-west-2")


@pytest.fixture(params=["local", "s3"])
def store(request) -> FileStore:
    return request.getfixturevalue(f"{request.param}_store")


def test_new_keys_are_random_and_never_from_a_name():
    first, second = new_key(), new_key()
    assert first != second
    assert first.startswith("evidence/") and len(first) == len("evidence/") + 32
    assert "." not in first


def test_round_trip(store):
    key = new_key()
    assert not store.exists(key)
    store.put(key, PDF, "application/pdf")
    assert store.exists(key)
    assert store.get(key) == PDF
    with store.open(key) as handle:
        assert handle.read() == PDF
    assert b"".join(store.stream(key, chunk_size=4)) == PDF
    store.put(key, b"replaced", "text/plain")
    assert store.get(key) == b"replaced"
    store.delete(key)
    assert not store.exists(key)
    store.delete(key)  # deleting what is not there is not an error


def test_a_missing_file_is_a_clear_error(store):
    key = new_key()
    with pytest.raises(StoredFileMissing):
        store.get(key)
    with pytest.raises(StoredFileMissing):
        store.open(key)
    assert isinstance(StoredFileMissing(key), LookupError)


BAD_KEYS = [
    "",
    ".",
    "..",
    "../secret",
    "evidence/../../etc/passwd",
    "/etc/passwd",
    "evidence/",
    "evidence//x",
    "evidence\\..\\x",
    "evidence/x.pdf",
    "evidence/.hidden",
    "evidence/a b",
    "evidence/x\x00",
    "evidence/naïve",
    "a/b/c/d/e/f/g/h/i",
    "x" * 129,
]


@pytest.mark.parametrize("key", BAD_KEYS)
def test_keys_the_portal_could_not_have_made_are_refused(store, key):
    for action in (
        lambda: store.put(key, PDF, "application/pdf"),
        lambda: store.get(key),
        lambda: store.exists(key),
        lambda: store.delete(key),
    ):
        with pytest.raises(InvalidKey):
            action()


def test_local_files_and_folders_are_private(local_store):
    key = new_key()
    local_store.put(key, PDF, "application/pdf")
    path = local_store.root / key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(local_store.root.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_a_failed_local_write_leaves_nothing_behind(local_store, monkeypatch):
    key = new_key()
    local_store.put(key, b"old", "text/plain")

    def broken_replace(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(local_module.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        local_store.put(key, b"new", "text/plain")
    assert local_store.get(key) == b"old"  # the old file is whole, not half replaced
    assert len(list((local_store.root / "evidence").iterdir())) == 1


def test_a_local_key_cannot_follow_a_link_out_of_the_folder(local_store, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (local_store.root / "evidence").symlink_to(outside)
    with pytest.raises(InvalidKey):
        local_store.put(new_key(), PDF, "application/pdf")
    assert list(outside.iterdir()) == []


def test_s3_keeps_the_content_type(s3_store):
    key = new_key()
    s3_store.put(key, PDF, "application/pdf")
    head = s3_store.client.head_object(Bucket=s3_store.bucket, Key=key)
    assert head["ContentType"] == "application/pdf"
    assert head["ContentLength"] == len(PDF)


def test_s3_store_needs_a_bucket():
    with pytest.raises(StorageError, match="bucket"):
        S3FileStore("")
