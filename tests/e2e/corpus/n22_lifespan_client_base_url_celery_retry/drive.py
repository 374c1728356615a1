"""The concierge's users: a browser opens the viewer page and joins the room, the front desk
makes the avatar speak (inline and through the background queue), interrupts and closes it;
then the agent endpoint runs a whole plan (open, say, answer, close) on its own session."""

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

    said = client.post(f"/avatar/{session_id}/say", json={"text": "Welcome to the Grand Hotel."})
    assert said.status_code == 200, said.text
    assert said.json()["task_id"]
    queued = client.post(
        f"/avatar/{session_id}/say",
        json={"text": "When is breakfast served?", "task_type": "chat", "background": True},
    )
    assert queued.status_code == 200, queued.text
    assert queued.json()["queued"] is True
    assert client.post(f"/avatar/{session_id}/interrupt").status_code == 200
    assert client.delete(f"/avatar/{session_id}").json() == {"closed": session_id}

    ran = client.post("/agent", json={"request": "Good evening. Is the spa open late?"})
    assert ran.status_code == 200, ran.text
    transcript = ran.json()["transcript"]
    assert transcript[0].startswith("room "), transcript
    assert transcript[-1] == "close_avatar: closed", transcript
