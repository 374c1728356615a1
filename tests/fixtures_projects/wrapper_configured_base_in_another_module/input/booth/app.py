"""The photo booth's avatar: one HeyGen streaming session per visitor."""
from . import settings
from .client import HeyGenClient

api = HeyGenClient(base=settings.HEYGEN_URL, key=settings.HEYGEN_KEY)


def open_session(avatar_id):
    data = api.post("streaming.new", {"avatar_id": avatar_id, "version": "v2"})
    api.post("streaming.start", {"session_id": data["session_id"]})
    return data["session_id"], data["url"], data["access_token"]


def close_session(session_id):
    api.post("streaming.stop", {"session_id": session_id})
