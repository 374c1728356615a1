import os

import e2e_support
from fastapi.testclient import TestClient
from ops_api.main import app

with TestClient(app) as client:
    kept = client.post(
        "/sessions", json={"avatar_id": os.environ["OPS_AVATAR"], "greeting": "Lobby screen on."}
    )
    assert kept.status_code == 201, kept.text
    kept = kept.json()
    e2e_support.viewer.join(kept["url"], kept["token"])
    other = client.post("/sessions", json={"avatar_id": os.environ["OPS_AVATAR"]}).json()

    stats = client.get("/stats").json()
    assert stats == {"active": 2, "history_total": 0}, stats

    swept = client.post("/sweep", json={"keep": [kept["session_id"]]}).json()
    assert swept == {"stopped": [other["session_id"]]}, swept
    assert client.get("/stats").json() == {"active": 1, "history_total": 1}

    assert client.delete(f"/sessions/{kept['session_id']}").status_code == 204
