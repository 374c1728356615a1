#!/usr/bin/env python3
"""Talk to a HeyGen interactive avatar from the terminal.

Type a question and the avatar answers it (chat). Commands:
    /say <text>    make the avatar read <text> verbatim
    /interrupt     cut the avatar off
    /quit          close the session
"""
import json
import os
import sys

import requests

API_ROOT = os.environ.get("HEYGEN_API_ROOT", "https://api.heygen.com")


def api(method, endpoint, payload=None):
    resp = requests.request(
        method,
        f"{API_ROOT}/v1/{endpoint}",
        headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"], "Content-Type": "application/json"},
        data=json.dumps(payload or {}),
        timeout=30,
    )
    if resp.status_code >= 400:
        print(f"[error] {endpoint}: {resp.status_code} {resp.text}", file=sys.stderr)
        resp.raise_for_status()
    return json.loads(resp.text)


def open_session():
    result = api(
        "POST",
        "streaming.new",
        {
            "avatar_id": os.environ.get("REPL_AVATAR", "Anna_public_3_20240108"),
            "knowledge_base_id": os.environ.get("REPL_KB"),
            "version": "v2",
        },
    )
    data = result.get("data", {})
    session_id = data.get("session_id")
    if not session_id:
        raise SystemExit(f"could not create a session: {result}")
    api("POST", "streaming.start", {"session_id": session_id})
    return session_id, data.get("url"), data.get("access_token")


def main(stdin=sys.stdin, on_room=None):
    session_id, url, token = open_session()
    print(f"session {session_id} - open the viewer at {url}")
    if on_room:
        on_room(url, token)
    try:
        for line in stdin:
            line = line.strip()
            if not line:
                continue
            if line == "/quit":
                break
            if line == "/interrupt":
                api("POST", "streaming.interrupt", {"session_id": session_id})
            elif line.startswith("/say "):
                api("POST", "streaming.task", {"session_id": session_id, "text": line[5:], "task_type": "repeat"})
            else:
                api("POST", "streaming.task", {"session_id": session_id, "text": line, "task_type": "chat"})
    finally:
        api("POST", "streaming.stop", {"session_id": session_id})
        print("bye")
    return 0


if __name__ == "__main__":
    sys.exit(main())
