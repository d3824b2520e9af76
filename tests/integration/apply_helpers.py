"""Walking the application with the test client: start, answer pages, and read where a page sends you."""

from __future__ import annotations

from typing import Any

from portal.auth.roles import Role


def start(sign_in_as: Any, **fields: Any) -> Any:
    """A signed-in applicant who has pressed "Start your application"."""
    client = sign_in_as(Role.APPLICANT, **fields)
    token = client.csrf_token("/apply/")
    response = client.post("/apply/start", data={"csrf_token": token})
    assert response.status_code == 302
    return client


def answer(client: Any, path: str, data: dict[str, Any]) -> str:
    """Post one question page and return where it sends you next."""
    response = client.post_form(path, data)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return response.headers["Location"]
