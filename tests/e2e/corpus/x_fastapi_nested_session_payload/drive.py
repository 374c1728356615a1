"""The widget's fetch() calls, through FastAPI's TestClient."""

import e2e_support
from fastapi.testclient import TestClient
from server import app

with TestClient(app) as client:
    payload = client.post("/api/avatar/session").json()
    session = payload["session"]
    e2e_support.viewer.join(session["url"], session["access_token"])
    for text in ["Hi! Ask me anything about your order.", "Orders ship within two days."]:
        response = client.post(
            "/api/avatar/speak", json={"session_id": session["session_id"], "text": text}
        )
        assert response.status_code == 200
    assert (
        client.post("/api/avatar/end", json={"session_id": session["session_id"]}).status_code
        == 200
    )
