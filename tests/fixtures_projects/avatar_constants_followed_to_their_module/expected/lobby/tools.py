"""Start the lobby's HeyGen avatars."""
from lobby import settings
from lobby.client import AVATAR_ID as DEMO_AVATAR
from lobby.client import StreamingClient
from lobby.settings import AVATAR_ID as DEFAULT_AVATAR


def start_avatar():
    # TODO(heygen2liveavatar): H2L101 `Wayne_20240711` (from `settings.AVATAR_ID`) passed to `StreamingClient.new_session` is sent as `avatar_id`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    return StreamingClient().new_session(settings.AVATAR_ID, quality=settings.QUALITY)


def start_demo():
    # TODO(heygen2liveavatar): H2L101 `Anna_public_3_20240108` (from `DEMO_AVATAR`) passed to `StreamingClient.new_session` is sent as `avatar_id`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    return StreamingClient().new_session(DEMO_AVATAR)


def start_default():
    # TODO(heygen2liveavatar): H2L101 `Wayne_20240711` (from `DEFAULT_AVATAR`) passed to `StreamingClient.new_session` is sent as `avatar_id`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    return StreamingClient().new_session(DEFAULT_AVATAR)
