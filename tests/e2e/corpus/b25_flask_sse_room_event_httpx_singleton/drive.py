"""The visitor's page: an EventSource on /guide/events, then questions, then leaving."""

import json

import e2e_support
from museum import create_app

client = create_app().test_client()
events = []
joined = False
with client.get("/guide/events?visitor=v42&exhibit=dinosaurs", buffered=False) as resp:
    assert resp.status_code == 200
    assert resp.mimetype == "text/event-stream"
    buffer = ""
    for chunk in resp.response:
        buffer += chunk.decode() if isinstance(chunk, bytes) else chunk
        while "\n\n" in buffer:
            block, buffer = buffer.split("\n\n", 1)
            fields = dict(line.split(": ", 1) for line in block.splitlines())
            data = json.loads(fields["data"])
            events.append(fields["event"])
            if fields["event"] == "room" and not joined:
                e2e_support.viewer.join(data["url"], data["token"])  # the page's LiveKit client
                joined = True
assert events == ["room", "narrated", "narrated", "ready"], events
assert client.post("/guide/v42/ask", json={"question": "What did it eat?"}).get_json()["ok"]
assert client.post("/guide/v42/leave").get_json()["ok"]
