"""The kiosk's entry point: names no vendor, only the client's functions and the avatars."""
import os

from kiosk import client
from kiosk.client import Kiosk


def main():
    key = os.environ["KIOSK_KEY"]
    lobby = client.new_session(key, "Wayne_20240711")
    desk = Kiosk(key).open("Anna_public_3_20240108")
    return lobby, desk
