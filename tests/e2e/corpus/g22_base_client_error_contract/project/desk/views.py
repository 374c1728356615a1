"""What the help-desk page calls: a failed start is a 502 with the reason, not a crash."""
from desk.avatar import DeskAvatar
from desk.client import HeyGenError

avatar = DeskAvatar()


def start(avatar_id):
    try:
        data = avatar.open(avatar_id)
    except HeyGenError as e:
        return 502, {"error": str(e)}
    return 200, {"session_id": data["session_id"], "url": data["url"], "token": data["access_token"]}


def say(session_id, text):
    avatar.say(session_id, text)
    return 204, None


def stop(session_id):
    avatar.close_session(session_id)
    return 204, None
