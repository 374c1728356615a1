"""Say hello through a HeyGen streaming avatar, then hang up."""

import os
from dataclasses import dataclass, fields

import requests

BASE_URL = os.environ.get("HEYGEN_BASE_URL", "https://api.heygen.com/v1")
AVATAR_ID = os.environ.get("AVATAR_ID", "Wayne_20240711")
KNOWLEDGE_BASE_ID = os.environ["KNOWLEDGE_BASE_ID"]

http = requests.Session()
http.headers.update({"x-api-key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"})


@dataclass
class NewSession:
    session_id: str
    url: str
    access_token: str

    @classmethod
    def from_api(cls, data):
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def api(path):
    return "{}/{}".format(BASE_URL, path)


def main():
    resp = http.post(
        api("streaming.new"),
        json={"avatar_id": AVATAR_ID, "quality": "low", "version": "v2", "knowledge_base_id": KNOWLEDGE_BASE_ID},
        timeout=10,
    )
    resp.raise_for_status()
    session = NewSession.from_api(resp.json()["data"])
    url, token = session.url, session.access_token
    print("room", url, bool(token))

    http.post(api("streaming.start"), json={"session_id": session.session_id}, timeout=10).raise_for_status()
    http.post(
        api("streaming.task"),
        json={"session_id": session.session_id, "text": "Hello there!", "task_type": "repeat"},
        timeout=10,
    ).raise_for_status()
    http.post(
        api("streaming.task"),
        json={"session_id": session.session_id, "text": "What can you do?", "task_type": "chat"},
        timeout=10,
    ).raise_for_status()
    http.post(api("streaming.interrupt"), json={"session_id": session.session_id}, timeout=10).raise_for_status()
    http.post(api("streaming.keep_alive"), json={"session_id": session.session_id}, timeout=10).raise_for_status()
    http.post(api("streaming.stop"), json={"session_id": session.session_id}, timeout=10).raise_for_status()


if __name__ == "__main__":
    main()
