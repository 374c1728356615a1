import os
import sys

from heygen import make_client


def main(names, show=print):
    api = make_client(os.environ["HEYGEN_API_KEY"])
    room = api["open"](os.getenv("GREETER_AVATAR", "Anna_public_3_20240108"), quality="low", language="en")
    show(*room["livekit"])
    try:
        for name in names:
            api["say"](room["id"], f"Welcome, {name}!")
            api["keep_alive"](room["id"])
        api["interrupt"](room["id"])
    finally:
        api["close"](room["id"])


if __name__ == "__main__":
    main(sys.argv[1:] or ["guest"])
