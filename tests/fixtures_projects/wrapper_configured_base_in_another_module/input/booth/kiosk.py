"""The lobby kiosk still uses the older transport."""
from .transport import heygen_post


def start_kiosk(avatar_id):
    data = heygen_post("streaming.new", {"avatar_id": avatar_id, "version": "v2"})
    heygen_post("streaming.start", {"session_id": data["session_id"]})
    return data
