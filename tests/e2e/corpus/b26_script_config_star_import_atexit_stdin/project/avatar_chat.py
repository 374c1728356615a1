import atexit
import sys

import requests

from config import *

s = requests.Session()
s.headers = {"x-api-key": API_KEY, "Content-Type": "application/json"}

session_id = None
session_info = {}


def start_session():
    global session_id, session_info
    r = s.post(NEW_SESSION_URL, json={"avatar_name": AVATAR_NAME, "quality": QUALITY, "version": "v2"})
    r.raise_for_status()
    session_info = r.json()["data"]
    session_id = session_info["session_id"]
    s.post(START_SESSION_URL, json={"session_id": session_id}).raise_for_status()
    print("LiveKit URL:", session_info["url"])
    print("Token:", session_info["access_token"])
    return session_info


def send(text):
    r = s.post(TASK_URL, json={"session_id": session_id, "text": text, "task_type": "repeat"})
    r.raise_for_status()


def interrupt():
    s.post(INTERRUPT_URL, json={"session_id": session_id})


def close_session():
    global session_id
    if session_id:
        s.post(STOP_URL, json={"session_id": session_id})
        print("closed", session_id)
        session_id = None


atexit.register(close_session)


def main(read=input, on_start=None):
    info = start_session()
    if on_start:
        on_start(info)
    while True:
        try:
            line = read().strip()
        except EOFError:
            break
        if not line:
            continue
        if line == "/quit":
            break
        if line == "/interrupt":
            interrupt()
            continue
        send(line)


if __name__ == "__main__":
    if not API_KEY:
        sys.exit("set HEYGEN_API_KEY")
    main()
