"""The kiosk's entry point: names no vendor, only the client's functions and the avatars."""
import os

from kiosk import client
from kiosk.client import Kiosk


def main():
    key = os.environ["KIOSK_KEY"]
    # TODO(heygen2liveavatar): H2L101 `Wayne_20240711` passed to `new_session` is sent as `avatar_id`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    lobby = client.new_session(key, "Wayne_20240711")
    # TODO(heygen2liveavatar): H2L101 `Anna_public_3_20240108` passed to `Kiosk.open` is sent as `avatar_name`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    desk = Kiosk(key).open("Anna_public_3_20240108")
    return lobby, desk
