"""Greets the visitor standing in front of the kiosk."""
from kiosk.session import close, open_session, speak

GREETING = ["Hello and welcome!", "Touch the screen to see today's events."]


def run(show_room):
    info, token = open_session()
    show_room(info["url"], info["access_token"])
    try:
        for line in GREETING:
            speak(token, info["session_id"], line)
    finally:
        close(token, info["session_id"])
    return info["session_id"]
