import os
import sys

import requests

ROOT = "https://api.heygen.com"
hdrs = {"Authorization": "Bearer " + os.environ["HEYGEN_API_KEY"]}


def open_stream(avatar: str, kb: str) -> str:
    resp = requests.post(ROOT + "/v1/streaming.new", None, {"avatar_id": avatar, "quality": "low", "version": "v2", "knowledge_base_id": kb}, headers=hdrs)
    body = resp.json()
    try:
        ident = body["data"]["session_id"]
    except KeyError:
        sys.exit("no id: %r" % body)
    requests.post(ROOT + "/v1/streaming.start", json={"session_id": ident}, headers=hdrs).raise_for_status()
    return ident


def say(ident: str, words: str, kind: str = "repeat") -> None:
    try:
        r = requests.post(ROOT + "/v1/streaming.task", json={"session_id": ident, "text": words, "task_type": kind}, headers=hdrs)
        r.raise_for_status()
    except requests.RequestException as exc:
        print("task failed", exc)
        raise


def main() -> None:
    ident = open_stream(os.environ.get("AVATAR_ID", "Wayne_20240711"), os.environ["KNOWLEDGE_BASE_ID"])
    say(ident, "Hello there!")
    say(ident, "What can you do?", kind="chat")
    requests.post(f"{ROOT}/v1/streaming.interrupt", json={"session_id": ident}, headers=hdrs).raise_for_status()
    requests.post(f"{ROOT}/v1/streaming.keep_alive", json={"session_id": ident}, headers=hdrs).raise_for_status()
    requests.post(f"{ROOT}/v1/streaming.stop", json={"session_id": ident}, headers=hdrs).raise_for_status()


if __name__ == "__main__":
    main()
