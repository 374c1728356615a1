"""An admin sets up the desk's knowledge base, a customer talks to the avatar, cleanup."""

import e2e_support
from helpdesk import create_app

app = create_app()
web = app.test_client()

made = web.post(
    "/admin/kbs", json={"name": "helpdesk-returns", "prompt": "Returns within 30 days."}
)
assert made.status_code == 201, made.data
kb_id = made.get_json()["id"]
assert web.post("/admin/kbs", json={"name": "other-team", "prompt": "x"}).status_code == 400
listed = web.get("/admin/kbs").get_json()
assert [kb["name"] for kb in listed] == ["helpdesk-returns"], listed
assert (
    web.put(
        f"/admin/kbs/{kb_id}",
        json={
            "name": "helpdesk-returns",
            "prompt": "Returns within 60 days.",
            "opening": "Hi, returns desk.",
        },
    ).status_code
    == 204
)

room = web.post("/live/sessions", json={"kb_id": kb_id}).get_json()
e2e_support.viewer.join(room["url"], room["token"])
assert (
    web.post(
        f"/live/sessions/{room['session_id']}/ask", json={"question": "How long do I have?"}
    ).status_code
    == 202
)
assert web.delete(f"/live/sessions/{room['session_id']}").status_code == 204

assert web.delete(f"/admin/kbs/{kb_id}").status_code == 204
assert web.get("/admin/kbs").get_json() == []
