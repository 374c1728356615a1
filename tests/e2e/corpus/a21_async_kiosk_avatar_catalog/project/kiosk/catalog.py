"""Which avatar greets visitors: the first ACTIVE one, or the one whose pose name is configured."""
import os

from kiosk.heygen_client import HeyGenClient


def pick_avatar(client: HeyGenClient, preferred=None):
    preferred = preferred or os.environ.get("KIOSK_AVATAR_POSE")
    active = [a for a in client.list_avatars() if a["status"] == "ACTIVE"]
    if not active:
        raise SystemExit("no active streaming avatar on this account")
    for avatar in active:
        if preferred and avatar["pose_name"].lower().startswith(preferred.lower()):
            return avatar["avatar_id"]
    return active[0]["avatar_id"]
