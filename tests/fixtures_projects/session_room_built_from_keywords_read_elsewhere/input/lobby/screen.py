import os

from .client import open_room


def show(player):
    room = open_room(os.environ["LOBBY_AVATAR"])
    player.join(room["url"], room["access_token"])
    return room["session_id"]
