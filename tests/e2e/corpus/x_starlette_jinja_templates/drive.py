"""A visitor's browser opens the booth page, connects with the config it carries, asks a
question and leaves."""

import re

import e2e_support
from main import app
from starlette.testclient import TestClient

with TestClient(app) as client:
    page = client.get("/")
    assert page.status_code == 200, page.text
    url, token = re.search(r'url: "([^"]*)", token: "([^"]*)"', page.text).groups()
    session_id = re.search(r'data-session-id="([^"]*)"', page.text).group(1)
    e2e_support.viewer.join(url, token)
    asked = client.post(
        "/ask", json={"session_id": session_id, "question": "Which talks are in Hall B?"}
    )
    assert asked.status_code == 200
    assert client.post("/leave", json={"session_id": session_id}).status_code == 200
