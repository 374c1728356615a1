"""Print active sessions, recent session history and the streaming avatars on the account.

Usage: HEYGEN_API_KEY=... python scripts/list_sessions.py
"""

import os

import httpx


def make_client():
    # Base URL without /v1: the paths below carry their own API version.
    return httpx.Client(
        base_url="https://api.heygen.com",
        headers={"x-api-key": os.environ["HEYGEN_API_KEY"]},
        timeout=20.0,
    )


def print_active(client):
    resp = client.get("/v1/streaming.list")
    resp.raise_for_status()
    sessions = resp.json()["data"]["sessions"]
    print(f"{len(sessions)} active session(s)")
    for s in sessions:
        print(f"  {s['session_id']}  {s['status']}  created_at={s['created_at']}")


def print_history(client, page_size=20):
    resp = client.get("/v2/streaming.list", params={"page": 1, "page_size": page_size})
    resp.raise_for_status()
    history = resp.json()
    print(f"history: {history['total']} session(s)")
    for s in history["data"]:
        print(f"  {s['session_id']}  {s['avatar_id']}  {s['duration']}s")


def print_avatars(client):
    resp = client.get("/v1/streaming/avatar.list")
    resp.raise_for_status()
    for avatar in resp.json()["data"]:
        if avatar["status"] == "ACTIVE":
            print(f"  {avatar['avatar_id']}  public={avatar['is_public']}")


if __name__ == "__main__":
    with make_client() as client:
        print_active(client)
        print_history(client)
        print("streaming avatars:")
        print_avatars(client)
