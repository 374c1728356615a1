"""Helpers for the avatar workshop notebook: paths and one request function."""
import os

import requests

API_HOST = "https://api.heygen.com"

NEW = "/v1/streaming.new"
START = "/v1/streaming.start"
TASK = "/v1/streaming.task"
STOP = "/v1/streaming.stop"
KB_LIST = "/v1/streaming/knowledge_base/list"
KB_CREATE = "/v1/streaming/knowledge_base/create"
KB_DELETE = "/v1/streaming/knowledge_base/{}/delete"

session = requests.Session()
session.headers["x-api-key"] = os.environ.get("HEYGEN_API_KEY", "")


def api(method, path, payload=None):
    r = session.request(method, API_HOST + path, json=payload, timeout=30)
    r.raise_for_status()
    return r.json()["data"]
