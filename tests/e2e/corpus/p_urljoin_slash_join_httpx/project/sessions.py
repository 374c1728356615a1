import os
from urllib.parse import urljoin

from net import API_ROOT, auth_headers, client


def open_session():
    body = {
        "avatar_id": os.getenv("AVATAR_ID", "Anna_public_3_20240108"),
        "quality": "low",
        "version": "v2",
        "knowledge_base_id": os.getenv("HEYGEN_KB_ID"),
    }
    resp = client.post(urljoin(API_ROOT, "streaming.new"), json=body, headers=auth_headers())
    resp.raise_for_status()
    sid = resp.json()["data"]["session_id"]
    viewer = {"url": resp.json()["data"]["url"], "token": resp.json()["data"]["access_token"]}
    start = client.post(urljoin(API_ROOT, "streaming.start"), json={"session_id": sid}, headers=auth_headers())
    start.raise_for_status()
    return sid, viewer


def close_session(sid):
    resp = client.post(urljoin(API_ROOT, "streaming.stop"), json={"session_id": sid}, headers=auth_headers())
    return resp.status_code == 200
