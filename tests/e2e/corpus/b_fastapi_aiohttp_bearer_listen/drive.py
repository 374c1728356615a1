import e2e_support
from fastapi.testclient import TestClient
from server import app

with TestClient(app) as client:
    r = client.post("/avatar/start")
    assert r.status_code == 200, r.text
    s = r.json()
    e2e_support.viewer.join(s["url"], s["access_token"])
    sid = s["session_id"]

    assert (
        client.post(
            "/avatar/say", json={"session_id": sid, "text": "Ho ho ho! Merry Christmas!"}
        ).status_code
        == 200
    )
    assert client.post("/avatar/listen", json={"session_id": sid, "on": True}).status_code == 200
    assert client.post("/avatar/interrupt", json={"session_id": sid}).status_code == 200
    assert client.post("/avatar/listen", json={"session_id": sid, "on": False}).status_code == 200
    r = client.post("/avatar/end", json={"session_id": sid})
    assert r.status_code == 200, r.text
