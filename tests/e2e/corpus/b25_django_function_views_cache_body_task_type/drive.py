"""The kiosk frontend against the Django API (Django's test client)."""

import os

import e2e_support

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiosk.settings")

from django.test import Client

c = Client()
r = c.post("/api/sessions")
assert r.status_code == 201, r.content
s = r.json()
e2e_support.viewer.join(s["url"], s["token"])
sid = s["session_id"]
r = c.post(f"/api/sessions/{sid}/task", {"text": "Hello! Tap the screen to ask me anything."})
assert r.status_code == 200 and r.json()["task_id"], r.content
r = c.post(
    f"/api/sessions/{sid}/task", {"text": "Which floor is radiology on?", "task_type": "chat"}
)
assert r.status_code == 200, r.content
assert c.post(f"/api/sessions/{sid}/task", {"text": " "}).status_code == 400
assert c.post(f"/api/sessions/{sid}/interrupt").status_code == 200
assert c.post(f"/api/sessions/{sid}/stop").status_code == 200
assert c.post(f"/api/sessions/{sid}/stop").status_code == 404
