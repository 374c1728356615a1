import os

import e2e_support
from kbapp import create_app

client = create_app().test_client()

created = client.post(
    "/kbs",
    json={"name": "returns", "prompt": "You handle returns.", "opening": "Hello, returns desk!"},
)
assert created.status_code == 201, created.get_data(as_text=True)
kb_id = created.get_json()["id"]

shown = client.get(f"/kbs/{kb_id}").get_json()
assert shown["opening"] == "Hello, returns desk!", shown
assert shown["prompt"] == "You handle returns."

updated = client.put(
    f"/kbs/{kb_id}", json={"prompt": "You handle returns and exchanges."}
).get_json()
assert updated["opening"] == "Hello, returns desk!", updated
assert [kb["name"] for kb in client.get("/kbs").get_json()] == ["returns"]

room = client.post(
    "/sessions", json={"avatar": os.environ["SUPPORT_AVATAR"], "kb": kb_id}
).get_json()
e2e_support.viewer.join(room["url"], room["token"])
assert (
    client.post(f"/sessions/{room['session_id']}/ask", json={"q": "Can I swap sizes?"}).status_code
    == 202
)
assert client.delete(f"/sessions/{room['session_id']}").status_code == 204

assert client.delete(f"/kbs/{kb_id}").status_code == 204
assert client.get("/kbs").get_json() == []
