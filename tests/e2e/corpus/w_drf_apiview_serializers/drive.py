"""The front-end's calls, made through the views as DRF's test factory would."""

import e2e_support
from avatars.views import SessionDetailView, SessionInterruptView, SessionListView, SessionSpeakView
from rest_framework.test import APIRequestFactory

factory = APIRequestFactory()

resp = SessionListView.as_view()(
    factory.post("/api/avatar/sessions/", {"language": "en"}, format="json")
)
assert resp.status_code == 201, resp.data
session = resp.data
e2e_support.viewer.join(session["url"], session["access_token"])
sid = session["session_id"]

path = f"/api/avatar/sessions/{sid}/speak/"
resp = SessionSpeakView.as_view()(
    factory.post(path, {"text": "Hello, I'm your onboarding guide."}), session_id=sid
)
assert resp.status_code == 202, resp.data
resp = SessionSpeakView.as_view()(
    factory.post(path, {"text": "How do I invite my team?", "task_type": "talk"}), session_id=sid
)
assert resp.status_code == 202, resp.data
resp = SessionInterruptView.as_view()(
    factory.post(f"/api/avatar/sessions/{sid}/interrupt/"), session_id=sid
)
assert resp.status_code == 204, resp.data
resp = SessionSpeakView.as_view()(factory.post(path, {"text": ""}), session_id=sid)
assert resp.status_code == 400, resp.data
resp = SessionDetailView.as_view()(factory.delete(f"/api/avatar/sessions/{sid}/"), session_id=sid)
assert resp.status_code == 204, resp.data
