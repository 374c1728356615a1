import json
import os
import webbrowser

from kiosk import client
from kiosk.client import Kiosk, new_session

AVATAR = "Anna_public_3_20240108"


def main():
    key = os.environ["HEYGEN_API_KEY"]
    with open("kiosk.json") as settings:
        avatars = json.load(settings)
    first = client.new_session(key, "Wayne_20240711")
    second = new_session(key, avatar_id=avatars["lobby"])
    third = new_session(key, "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a")
    fourth = new_session(key, AVATAR, "2d5b0e6cf36f460aa7fc47e3eee4ba54", knowledge_base_id="kb-0123")
    kiosk = Kiosk(key).open(AVATAR)
    webbrowser.open("https://kiosk.example.com/viewer")
    return first, second, third, fourth, kiosk
