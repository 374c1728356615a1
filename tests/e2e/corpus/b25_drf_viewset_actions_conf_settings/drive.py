"""The kiosk's page against the API, through DRF's test client."""

import os

import e2e_support

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kiosksite.settings")

from kiosksite.urls import urlpatterns
from rest_framework.test import APIClient

api = APIClient(urlpatterns)
r = api.post("/avatar-sessions/", {"quality": "high"})
assert r.status_code == 201, r.data
session = r.data
e2e_support.viewer.join(session["livekit_url"], session["livekit_token"])
assert [s["id"] for s in api.get("/avatar-sessions/").data] == [session["id"]]
pk = session["id"]
r = api.post(f"/avatar-sessions/{pk}/speak/", {"text": "Good morning, how can I help?"})
assert r.status_code == 200, r.data
r = api.post(f"/avatar-sessions/{pk}/speak/", {"text": "Where is the spa?", "task_type": "chat"})
assert r.status_code == 200, r.data
assert api.post(f"/avatar-sessions/{pk}/speak/", {"text": ""}).status_code == 400
assert api.post(f"/avatar-sessions/{pk}/stop-talking/").status_code == 200
assert api.delete(f"/avatar-sessions/{pk}/").status_code == 204
assert api.get(f"/avatar-sessions/{pk}/").status_code == 404
