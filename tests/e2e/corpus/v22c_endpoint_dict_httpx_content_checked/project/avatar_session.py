# HeyGen streaming avatar demo - ported from the forum gist to httpx
import json
import os
import time
from collections import namedtuple

import httpx

KEY = os.environ.get("HEYGEN_API_KEY")
AVATAR = os.environ.get("AVATAR", "Anna_public_3_20240108")
KB = os.environ.get("KB")
API_BASE = os.environ.get("HEYGEN_API_BASE", "https://api.heygen.com")

ENDPOINTS = {
    "new": "streaming.new",
    "start": "streaming.start",
    "task": "streaming.task",
    "keep_alive": "streaming.keep_alive",
    "interrupt": "streaming.interrupt",
    "stop": "streaming.stop",
}

SessionInfo = namedtuple("SessionInfo", ["session_id", "url", "token"])

_client = httpx.Client(timeout=30)


def _headers():
    return {"Content-Type": "application/json", "X-Api-Key": KEY}


def _url(name):
    return "{base}/v1/{path}".format(base=API_BASE, path=ENDPOINTS[name])


def _checked(resp):
    result = json.loads(resp.text)
    if result["code"] != 100:
        raise Exception(result["message"])
    return result


def create_session():
    payload = {"quality": "low", "avatar_id": AVATAR, "version": "v2"}
    if KB:
        payload["knowledge_base_id"] = KB
    data = _checked(_client.post(_url("new"), content=json.dumps(payload), headers=_headers()))["data"]
    session_id, url, token = data["session_id"], data["url"], data["access_token"]
    _checked(_client.post(_url("start"), content=json.dumps({"session_id": session_id}), headers=_headers()))
    return SessionInfo(session_id, url, token)


def talk(session_id, lines, pause=0.2):
    for line in lines:
        payload = {"session_id": session_id, "text": line, "task_type": "repeat"}
        result = _checked(_client.post(_url("task"), content=json.dumps(payload), headers=_headers()))
        print("said:", line, result["data"]["task_id"])
        time.sleep(pause)


def ask(session_id, question):
    payload = {"session_id": session_id, "text": question, "task_type": "chat"}
    result = _checked(_client.post(_url("task"), content=json.dumps(payload), headers=_headers()))
    return result["data"]["task_id"]


def keep_alive(session_id):
    _checked(_client.post(_url("keep_alive"), content=json.dumps({"session_id": session_id}), headers=_headers()))


def interrupt(session_id):
    _checked(_client.post(_url("interrupt"), content=json.dumps({"session_id": session_id}), headers=_headers()))


def close_session(session_id):
    resp = _client.post(_url("stop"), content=json.dumps({"session_id": session_id}), headers=_headers())
    return json.loads(resp.text)["message"]


if __name__ == "__main__":
    info = create_session()
    print("LiveKit URL:", info.url)
    print("LiveKit token:", info.token)
    talk(info.session_id, ["Hello!", "Welcome to the demo."])
    close_session(info.session_id)
