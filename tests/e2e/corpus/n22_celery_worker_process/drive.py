"""The front desk opens the avatar page (the browser joins), speaks inline, queues an
announcement that a worker process speaks, speaks inline again, interrupts and closes."""

import re

import e2e_support
from concierge.app import app
from fastapi.testclient import TestClient

with TestClient(app) as client:
    page = client.get("/avatar")
    assert page.status_code == 200, page.text
    session_id = re.search(r'const SESSION_ID = "([^"]*)"', page.text).group(1)
    url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', page.text).groups()
    e2e_support.viewer.join(url, token)

    said = client.post(f"/avatar/{session_id}/say", json={"text": "Good morning."})
    assert said.status_code == 200, said.text
    queued = client.post(
        f"/avatar/{session_id}/say",
        json={"text": "The pool opens at nine.", "background": True},
    )
    assert queued.status_code == 200, queued.text
    assert queued.json()["queued"] is True
    again = client.post(
        f"/avatar/{session_id}/say", json={"text": "Where is the gym?", "task_type": "chat"}
    )
    assert again.status_code == 200, again.text
    assert client.post(f"/avatar/{session_id}/interrupt").status_code == 200
    assert client.delete(f"/avatar/{session_id}").json() == {"closed": session_id}
