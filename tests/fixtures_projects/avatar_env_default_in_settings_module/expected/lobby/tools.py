from lobby import settings
from lobby.client import HeyGenError, StreamingClient
from lobby.settings import GREETER, SANDBOX_AVATAR


def start_avatar():
    # TODO(heygen2liveavatar): H2L101 `Wayne_20240711` (from `settings.AVATAR_ID`) passed to `StreamingClient.new_session` is sent as `avatar_id`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    return StreamingClient().new_session(settings.AVATAR_ID, quality=settings.QUALITY)


def start_greeter():
    # TODO(heygen2liveavatar): H2L101 `Anna_public_3_20240108` (from `GREETER`) passed to `StreamingClient.new_session` is sent as `avatar_id`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    return StreamingClient().new_session(GREETER)


def start_sandbox():
    return StreamingClient().new_session(SANDBOX_AVATAR)


def try_start():
    try:
        return start_avatar()
    except HeyGenError:
        return None
