"""Lobby signage: the avatar reads the announcements on a schedule.

    python signage.py            # runs until Ctrl-C

The show's session lives in the module-level SHOW dict; the signage player page polls
viewer_link() to (re)connect.
"""
import logging
import os
import time
from urllib.parse import quote

import requests
import schedule

log = logging.getLogger("signage")

HEYGEN_API = "https://api.heygen.com/v1/streaming"
HEADERS = {"X-Api-Key": os.getenv("HEYGEN_API_KEY", ""), "Content-Type": "application/json"}
AVATAR_ID = os.getenv("SIGNAGE_AVATAR", "Anna_public_3_20240108")

ANNOUNCEMENTS = [
    (10, "The cafeteria closes at three today."),
    (15, "Remember to badge out when you leave."),
]

SHOW = {}


def _post(action, payload):
    r = requests.post(f"{HEYGEN_API}.{action}", json=payload, headers=HEADERS, timeout=20)
    r.raise_for_status()
    body = r.json()
    if body["code"] != 100:
        raise RuntimeError(f"{action}: {body['message']}")
    return body["data"]


def open_show():
    if SHOW:
        return
    data = _post("new", {"avatar_id": AVATAR_ID, "quality": "high", "version": "v2"})
    _post("start", {"session_id": data["session_id"]})
    SHOW.update(data)
    SHOW["opened"] = time.time()
    log.info("show %s is live", SHOW["session_id"])


def viewer_link():
    if not SHOW:
        return None
    return (
        "https://meet.livekit.io/custom?liveKitUrl="
        + quote(SHOW["url"], safe="")
        + "&token="
        + SHOW["access_token"]
    )


def announce(text):
    if not SHOW:
        return
    _post("task", {"session_id": SHOW["session_id"], "text": text, "task_type": "repeat"})
    log.info("announced %r", text)


def ping():
    if SHOW:
        _post("keep_alive", {"session_id": SHOW["session_id"]})


def close_show():
    if SHOW:
        _post("stop", {"session_id": SHOW["session_id"]})
        SHOW.clear()
    schedule.clear()


def plan():
    for minutes, text in ANNOUNCEMENTS:
        schedule.every(minutes).minutes.do(announce, text)
    schedule.every(4).minutes.do(ping)


def main():
    logging.basicConfig(level=logging.INFO)
    open_show()
    print(viewer_link(), flush=True)
    plan()
    try:
        while True:
            schedule.run_pending()
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        close_show()


if __name__ == "__main__":
    main()
