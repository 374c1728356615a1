import json
import os
import webbrowser

from kiosk import client
from kiosk.client import Kiosk, new_session

AVATAR = "Anna_public_3_20240108"


def main():
    key = os.environ["LIVEAVATAR_API_KEY"]
    with open("kiosk.json") as settings:
        avatars = json.load(settings)
    # TODO(heygen2liveavatar): H2L101 `Wayne_20240711` passed to `new_session` is sent as `avatar_id`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    first = client.new_session(key, "Wayne_20240711")
    second = new_session(key, avatar_id=avatars["lobby"])
    third = new_session(key, "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a")
    # TODO(heygen2liveavatar): H2L101 `Anna_public_3_20240108` passed to `new_session` is sent as `avatar_id`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    # TODO(heygen2liveavatar): H2L101 `2d5b0e6cf36f460aa7fc47e3eee4ba54` passed to `new_session` is sent as `voice_id`: voices are not migrated: pick a LiveAvatar voice UUID (GET /v1/voices)
    # TODO(heygen2liveavatar): H2L101 `kb-0123` passed to `new_session` is sent as `knowledge_base_id`: the knowledge base was copied into a LiveAvatar Context with a new UUID
    fourth = new_session(key, AVATAR, "2d5b0e6cf36f460aa7fc47e3eee4ba54", knowledge_base_id="kb-0123")
    # TODO(heygen2liveavatar): H2L101 `Anna_public_3_20240108` passed to `Kiosk.open` is sent as `avatar_name`: the LiveAvatar copy of this avatar has a new UUID (see app.liveavatar.com)
    kiosk = Kiosk(key).open(AVATAR)
    webbrowser.open("https://kiosk.example.com/viewer")
    return first, second, third, fourth, kiosk
