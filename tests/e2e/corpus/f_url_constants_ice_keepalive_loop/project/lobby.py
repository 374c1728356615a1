# lobby.py - announcer avatar for the lobby screen
import logging
import os
import time

import requests

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
logger = logging.getLogger("lobby")

API_KEY = os.getenv("HEYGEN_API_KEY")
AVATAR = os.getenv("LOBBY_AVATAR", "Anna_public_3_20240108")
KEEPALIVE_EVERY = float(os.getenv("KEEPALIVE_EVERY", "60"))

URL_NEW = "https://api.heygen.com/v1/streaming.new"
URL_START = "https://api.heygen.com/v1/streaming.start"
URL_ICE = "https://api.heygen.com/v1/streaming.ice"
URL_TASK = "https://api.heygen.com/v1/streaming.task"
URL_KEEP_ALIVE = "https://api.heygen.com/v1/streaming.keep_alive"
URL_STOP = "https://api.heygen.com/v1/streaming.stop"

HEADERS = {"X-Api-Key": API_KEY, "Content-Type": "application/json"}


def call(url, payload):
    try:
        r = requests.post(url, json=payload, headers=HEADERS)
        r.raise_for_status()
    except requests.HTTPError as e:
        logger.error("HeyGen call %s failed: %s", url, e)
        raise
    data = r.json()
    if data["code"] != 100:
        raise Exception("HeyGen error: " + str(data.get("message")))
    return data


def new_session():
    data = call(URL_NEW, {"avatar_id": AVATAR, "quality": "medium", "version": "v2"})
    logger.info("new session %s", data["data"]["session_id"])
    return data["data"]


def announce(session_id, text):
    call(URL_TASK, {"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"})


def run(lines, beats_between=1, on_room=None):
    session = new_session()
    sid = session["session_id"]
    try:
        call(URL_START, {"session_id": sid})
        if on_room is not None:
            on_room(session["url"], session["access_token"])
        for line in lines:
            announce(sid, line)
            for _ in range(beats_between):
                time.sleep(KEEPALIVE_EVERY)
                call(URL_KEEP_ALIVE, {"session_id": sid})
                logger.info("keep alive sent")
    finally:
        call(URL_STOP, {"session_id": sid})
        logger.info("session %s stopped", sid)


if __name__ == "__main__":
    run(["Welcome!", "Coffee is served in the hall."], beats_between=3)
