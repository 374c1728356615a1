"""Pick a live avatar from the catalogue and put it on stage."""
from heygen_client import HeyGenClient


def menu(client):
    """[(label, avatar_id, preview)] of the avatars that can stream right now"""
    choices = []
    for a in client.streaming_avatars():
        if a.get("status") != "ACTIVE":
            continue
        label = a.get("pose_name") or a["avatar_id"]
        choices.append((label, a["avatar_id"], a.get("normal_preview")))
    return sorted(choices)


def go_live(client, choice, lines):
    label, avatar_id, _preview = choice
    info = client.new_session(avatar_id)
    client.start_session(info["session_id"])
    for line in lines:
        client.speak(info["session_id"], line)
    return {"label": label, "session_id": info["session_id"], "url": info["url"], "token": info["access_token"]}


def off_air(client, stage):
    client.stop_session(stage["session_id"])
