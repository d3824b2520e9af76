"""A request bigger than the upload limit is refused from its headers, before its body is read."""

from __future__ import annotations

import io

from portal.config import UPLOAD_FORM_ALLOWANCE

BOUNDARY = b"portal-test-boundary"


class BodyThatMustNotBeRead(io.RawIOBase):
    """A request body of ``size`` bytes that fails the test if the app starts reading it.

    It can be measured (the test client seeks to its end to find its length) but not read.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence] + offset
        return self.position

    def tell(self) -> int:
        return self.position

    def readinto(self, buffer) -> int:
        raise AssertionError("the app read the body of a request that was already too big")


def test_a_request_over_the_limit_gets_the_friendly_413_page_without_reading_the_body(app):
    client = app.test_client()
    token = client.csrf_token("/sign-in")
    limit = app.config["MAX_CONTENT_LENGTH"]
    assert limit == app.config["UPLOAD_MAX_BYTES"] + UPLOAD_FORM_ALLOWANCE
    response = client.post(
        "/sign-in",
        input_stream=BodyThatMustNotBeRead(limit + 1),
        content_type=f"multipart/form-data; boundary={BOUNDARY.decode()}",
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "The file is too big" in page
    assert "Each file must be smaller than 10MB." in page
    assert "housing team" in page  # how to get help


def multipart(fields: dict[str, str], file_field: str, file_name: str, file_data: bytes) -> bytes:
    """A form as a browser sends it, built in memory."""
    parts = [
        b'--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (BOUNDARY, name.encode(), value.encode())
        for name, value in fields.items()
    ]
    parts.append(
        b'--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%s\r\n" % (BOUNDARY, file_field.encode(), file_name.encode(), file_data)
    )
    return b"".join(parts) + b"--%s--\r\n" % BOUNDARY


def test_a_file_at_the_limit_with_its_form_is_not_refused(app):
    client = app.test_client()
    token = client.csrf_token("/sign-in")
    fields = {"csrf_token": token, "email": "someone@example.org", "password": ""}
    body = multipart(fields, "evidence", "statement.pdf", b"x" * app.config["UPLOAD_MAX_BYTES"])
    assert len(body) > app.config["UPLOAD_MAX_BYTES"]
    response = client.post("/sign-in", data=body, content_type=f"multipart/form-data; boundary={BOUNDARY.decode()}")
    assert response.status_code == 200  # the sign-in form's own errors, not 413
