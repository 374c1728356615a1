# HeyGen streaming avatar demo - based on the gist from the HeyGen community forum (2023)
import json
import os
import time
from collections import namedtuple

import requests

KEY = os.environ.get("HEYGEN_API_KEY")
AVATAR = os.environ.get("AVATAR", "Anna_public_3_20240108")
KB = os.environ.get("KB")

NEW_URL = "https://api.heygen.com/v1/streaming.new"
START_URL = "https://api.heygen.com/v1/streaming.start"
TASK_URL = "https://api.heygen.com/v1/streaming.task"
KEEPALIVE_URL = "https://api.heygen.com/v1/streaming.keep_alive"
INTERRUPT_URL = "https://api.heygen.com/v1/streaming.interrupt"
STOP_URL = "https://api.heygen.com/v1/streaming.stop"

SessionInfo = namedtuple("SessionInfo", ["session_id", "url", "token"])


def create_session():
    payload = {"quality": "low", "avatar_id": AVATAR, "version": "v2"}
    if KB:
        payload["knowledge_base_id"] = KB
    resp = requests.post(NEW_URL, data=json.dumps(payload), headers={"Content-Type": "application/json", "X-Api-Key": KEY})
    result = json.loads(resp.text)
    if result["code"] != 100:
        raise Exception(result["message"])
    data = result["data"]
    resp = requests.post(START_URL, data=json.dumps({"session_id": data["session_id"]}), headers={"Content-Type": "application/json", "X-Api-Key": KEY})
    result = json.loads(resp.text)
    if result["code"] != 100:
        raise Exception(result["message"])
    return SessionInfo(data["session_id"], data["url"], data["access_token"])


def talk(session_id, lines, pause=0.2):
    for line in lines:
        payload = {"session_id": session_id, "text": line, "task_type": "repeat"}
        resp = requests.post(TASK_URL, data=json.dumps(payload), headers={"Content-Type": "application/json", "X-Api-Key": KEY})
        result = json.loads(resp.text)
        if result["code"] != 100:
            raise Exception(result["message"])
        print("said:", line, result["data"]["task_id"])
        time.sleep(pause)


def ask(session_id, question):
    payload = {"session_id": session_id, "text": question, "task_type": "chat"}
    resp = requests.post(TASK_URL, data=json.dumps(payload), headers={"Content-Type": "application/json", "X-Api-Key": KEY})
    result = json.loads(resp.text)
    if result["code"] != 100:
        raise Exception(result["message"])
    return result["data"]["task_id"]


def keep_alive(session_id):
    resp = requests.post(KEEPALIVE_URL, data=json.dumps({"session_id": session_id}), headers={"Content-Type": "application/json", "X-Api-Key": KEY})
    result = json.loads(resp.text)
    if result["code"] != 100:
        raise Exception(result["message"])


def interrupt(session_id):
    resp = requests.post(INTERRUPT_URL, data=json.dumps({"session_id": session_id}), headers={"Content-Type": "application/json", "X-Api-Key": KEY})
    result = json.loads(resp.text)
    if result["code"] != 100:
        raise Exception(result["message"])


def close_session(session_id):
    resp = requests.post(STOP_URL, data=json.dumps({"session_id": session_id}), headers={"Content-Type": "application/json", "X-Api-Key": KEY})
    return json.loads(resp.text)["message"]


if __name__ == "__main__":
    info = create_session()
    print("LiveKit URL:", info.url)
    print("LiveKit token:", info.token)
    talk(info.session_id, ["Hello!", "Welcome to the demo."])
    close_session(info.session_id)
