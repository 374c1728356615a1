from lobby import settings
from lobby.client import HeyGenError, StreamingClient
from lobby.settings import GREETER, SANDBOX_AVATAR


def start_avatar():
    return StreamingClient().new_session(settings.AVATAR_ID, quality=settings.QUALITY)


def start_greeter():
    return StreamingClient().new_session(GREETER)


def start_sandbox():
    return StreamingClient().new_session(SANDBOX_AVATAR)


def try_start():
    try:
        return start_avatar()
    except HeyGenError:
        return None
