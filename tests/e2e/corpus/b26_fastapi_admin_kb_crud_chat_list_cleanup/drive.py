"""An admin sets up a knowledge base, a guest talks to the concierge, the admin cleans up."""

from concierge.app import app
from e2e_support import viewer
from fastapi.testclient import TestClient

with TestClient(app) as client:
    r = client.post(
        "/admin/kb",
        json={"name": "Lobby", "prompt": "You are the lobby concierge of the Harbour Building."},
    )
    assert r.status_code == 200, r.text
    kb_id = r.json()["kb_id"]

    r = client.post(f"/guest/session/{kb_id}")
    assert r.status_code == 200, r.text
    s = r.json()
    viewer.join(s["room"]["url"], s["room"]["token"])
    assert (
        client.post(
            "/guest/ask", json={"session_id": s["session_id"], "text": "Where is the gym?"}
        ).status_code
        == 200
    )

    r = client.patch(
        f"/admin/kb/{kb_id}",
        json={"name": "Lobby", "prompt": "You are the concierge. The gym is on floor 2."},
    )
    assert r.status_code == 200, r.text
    r = client.post("/admin/close-all")
    assert r.status_code == 200, r.text
    assert r.json() == {"closed": 1}, r.text
    assert client.delete(f"/admin/kb/{kb_id}").status_code == 200
