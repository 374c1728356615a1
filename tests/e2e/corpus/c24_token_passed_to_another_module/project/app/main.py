from app.api import close, open_session, speak
from app.auth import get_token


def run(show):
    token = get_token()
    info = open_session(token)
    show(info["url"], info["access_token"])
    speak(token, info["session_id"], "Hello there.")
    close(token, info["session_id"])
