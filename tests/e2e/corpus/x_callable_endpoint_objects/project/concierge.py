"""Hotel concierge screen."""
import os

import avatar_sdk


def open_concierge():
    session = avatar_sdk.create_session(avatar_id=os.environ["CONCIERGE_AVATAR"], quality="medium", version="v2")
    avatar_sdk.start_session(session_id=session["session_id"])
    return session


def run(requests_from_guests, show):
    session = open_concierge()
    show(session["url"], session["access_token"])
    try:
        for line in requests_from_guests:
            avatar_sdk.send_task(session_id=session["session_id"], text=line, task_type="repeat")
            avatar_sdk.keep_alive(session_id=session["session_id"])
    finally:
        avatar_sdk.close_session(session_id=session["session_id"])
