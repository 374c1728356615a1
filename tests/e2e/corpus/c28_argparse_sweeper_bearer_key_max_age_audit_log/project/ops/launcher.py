"""Open demo sessions (used by the QA booth and by tests of the sweeper)."""
from .http import API, check, make_session


def launch(avatar, greeting):
    s = make_session()
    data = check(s.post(f"{API}/v1/streaming.new", json={"avatar_id": avatar, "version": "v2", "quality": "low"}))["data"]
    check(s.post(f"{API}/v1/streaming.start", json={"session_id": data["session_id"]}))
    check(s.post(f"{API}/v1/streaming.task", json={"session_id": data["session_id"], "text": greeting}))
    return {"id": data["session_id"], "url": data["url"], "token": data["access_token"]}


def stop(session_id):
    check(make_session().post(f"{API}/v1/streaming.stop", json={"session_id": session_id}))
