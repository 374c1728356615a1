"""Read a short text aloud with an interactive avatar, paragraph by paragraph."""
from heygen_client import from_env


def read_aloud(text, on_room=print):
    client = from_env()
    room = client.open()
    on_room(room.server_url, room.client_token)
    try:
        for i, para in enumerate(p.strip() for p in text.split("\n\n") if p.strip()):
            if i:
                client.keep_alive(room)
            client.repeat(room, para)
    finally:
        client.close(room)
