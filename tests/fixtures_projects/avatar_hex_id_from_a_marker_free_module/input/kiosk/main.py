"""The kiosk's entry point: names no vendor, only the client's functions and custom avatars."""
import os

from kiosk import client
from kiosk.client import Kiosk

LOBBY_AVATAR = "8f3e2b1a9c4d4e5f8a7b6c5d4e3f2a1b"


def main():
    key = os.environ["KIOSK_KEY"]
    lobby = client.new_session(key, LOBBY_AVATAR)
    desk = Kiosk(key).open('1a2b3c4d5e6f47809a8b7c6d5e4f3a2b')
    return lobby, desk
