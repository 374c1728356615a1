"""Bedtime: a story starts, two chapters (the second cuts in), the story ends."""

import e2e_support
from fastapi.testclient import TestClient
from narrator.main import app

with TestClient(app) as client:
    story = client.post("/stories")
    assert story.status_code == 200, story.text
    info = story.json()
    e2e_support.viewer.join(info["room"], info["token"])
    sid = info["story"]
    assert client.post(f"/stories/{sid}/chapters", json={"text": "Once upon a time..."}).json() == {
        "ok": True
    }
    assert client.post(
        f"/stories/{sid}/chapters", json={"text": "The end.", "cut_in": True}
    ).json() == {"ok": True}
    assert client.delete(f"/stories/{sid}").json() == {"ended": sid}
