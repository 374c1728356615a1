"""An operator runs a demo session, then reads the usage report."""

from e2e_support import viewer
from starlette.testclient import TestClient
from usage_app import app

with TestClient(app) as client:
    r = client.post("/demo/start")
    assert r.status_code == 200, r.text
    s = r.json()
    viewer.join(s["url"], s["token"])
    assert client.post("/demo/stop", json={"session_id": s["session_id"]}).status_code == 200
    r = client.get("/usage")
    assert r.status_code == 200, r.text
    assert r.json() == {"sessions": 1, "seconds": 42}, r.text
