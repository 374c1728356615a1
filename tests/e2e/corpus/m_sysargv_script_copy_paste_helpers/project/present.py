"""
present.py - reads slides.txt and has the avatar present it

    python present.py slides.txt [--kb KB_ID] [--keep]

old version used https://api.heygen.com/v1/streaming.new with avatar_name, see git history
"""
import asyncio
import os
import sys
import time

import requests

API_KEY = os.getenv("HEYGEN_API_KEY", "")
AVATAR_ID = os.getenv("PRESENTER_AVATAR", "Anna_public_3_20240108")
SERVER = "https://api.heygen.com"
ROOM_FILE = os.getenv("ROOM_FILE", "room.txt")


def new_session(kb=None):
    body = {"avatar_id": AVATAR_ID, "quality": "medium", "version": "v2", "disable_idle_timeout": True}
    if kb:
        body["knowledge_base_id"] = kb
    r = requests.post(SERVER + "/v1/streaming.new", json=body, headers={"x-api-key": API_KEY}, timeout=30)
    print("new:", r.status_code)
    d = r.json()["data"]
    return d["session_id"], d["url"], d["access_token"]


def start_session(session_id):
    r = requests.post(SERVER + "/v1/streaming.start", json={"session_id": session_id}, headers={"X-Api-Key": API_KEY}, timeout=30)
    print("start:", r.status_code)


def speak(session_id, text):
    r = requests.post(
        SERVER + "/v1/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "repeat", "task_mode": "sync"},
        headers={"x-api-key": API_KEY},
        timeout=60,
    )
    return r.json()["data"]


# copy of speak() for questions (talk = LLM answers with the KB)
def speak_talk(session_id, text):
    r = requests.post(
        SERVER + "/v1/streaming.task",
        json={"session_id": session_id, "text": text, "task_type": "talk"},
        headers={"X-Api-Key": API_KEY},
    )
    return r.json().get("data")


def keep_alive(session_id):
    try:
        requests.post(SERVER + "/v1/streaming.keep_alive", json={"session_id": session_id}, headers={"x-api-key": API_KEY}, timeout=10)
    except Exception as e:
        print("keep_alive failed (ignored):", e)


def stop_session(session_id):
    # r = requests.post(SERVER + "/v1/streaming.stop", json={"session_id": session_id}, headers={"x-api-key": API_KEY})
    r = requests.post(SERVER + "/v1/streaming.stop", json={"session_id": session_id}, headers={"x-api-key": API_KEY}, timeout=30)
    print("stop:", r.json().get("message"))


async def run(path, kb=None, keep=False):
    sid, url, token = new_session(kb)
    start_session(sid)
    with open(ROOM_FILE, "w") as f:  # the OBS page polls this file
        f.write(url + "\n" + token + "\n")
    print(f"session {sid} live, room written to {ROOM_FILE}")
    loop = asyncio.get_running_loop()
    try:
        with open(path) as f:
            lines = [l.strip() for l in f if l.strip() and not l.startswith("#")]
        for i, line in enumerate(lines):
            if line.endswith("?"):
                res = speak_talk(sid, line)
            else:
                res = speak(sid, line)
            print(i, "->", (res or {}).get("task_id"), (res or {}).get("duration_ms"))
            if i % 2 == 1:
                await loop.run_in_executor(None, keep_alive, sid)
            await asyncio.sleep(0.05)
        if keep:
            print("--keep: leaving session open")
            return sid
    except KeyboardInterrupt:
        pass
    stop_session(sid)
    return sid


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 1
    kb = None
    if "--kb" in argv:
        kb = argv[argv.index("--kb") + 1]
    t0 = time.time()
    asyncio.run(run(argv[1], kb=kb, keep="--keep" in argv))
    print("done in %.1fs" % (time.time() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
