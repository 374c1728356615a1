"""Start the lobby's HeyGen avatars."""
from lobby import settings
from lobby.client import AVATAR_ID as DEMO_AVATAR
from lobby.client import StreamingClient
from lobby.settings import AVATAR_ID as DEFAULT_AVATAR


def start_avatar():
    return StreamingClient().new_session(settings.AVATAR_ID, quality=settings.QUALITY)


def start_demo():
    return StreamingClient().new_session(DEMO_AVATAR)


def start_default():
    return StreamingClient().new_session(DEFAULT_AVATAR)
