# birthday greeter - shows Wayne on the TV and has him wish someone happy birthday
import os

import requests

API_KEY = os.environ["HEYGEN_API_KEY"]
headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}


def start():
    r = requests.post(
        "https://api.heygen.com/v1/streaming.new",
        headers=headers,
        json={"avatar_name": "Wayne_20240711", "quality": "high", "version": "v2"},
    )
    r.raise_for_status()
    session = r.json()["data"]
    r = requests.post(
        "https://api.heygen.com/v1/streaming.start",
        headers=headers,
        json={"session_id": session["session_id"]},
    )
    r.raise_for_status()
    return session


def sing(session_id, name):
    for line in [f"Happy birthday, {name}!", "Hope you have an amazing day!"]:
        r = requests.post(
            "https://api.heygen.com/v1/streaming.task",
            headers=headers,
            json={"session_id": session_id, "text": line, "task_type": "repeat"},
        )
        r.raise_for_status()


def stop(session_id):
    requests.post("https://api.heygen.com/v1/streaming.stop", headers=headers, json={"session_id": session_id})


if __name__ == "__main__":
    s = start()
    print("open this in the viewer:", s["url"], s["access_token"])
    sing(s["session_id"], input("name? "))
    stop(s["session_id"])
