"""Bare http.client transport: the admin box has no third-party packages."""
import http.client
import json
import os

HOST = os.environ.get("HEYGEN_HOST", "api.heygen.com")
API_KEY = os.environ.get("HEYGEN_API_KEY", "")


class KBError(Exception):
    pass


def call(method, path, payload=None):
    conn = http.client.HTTPSConnection(HOST, timeout=10)
    try:
        body = json.dumps(payload) if payload is not None else None
        conn.request(
            method,
            path,
            body=body,
            headers={"x-api-key": API_KEY, "content-type": "application/json", "accept": "application/json"},
        )
        resp = conn.getresponse()
        raw = resp.read()
    finally:
        conn.close()
    if resp.status >= 300:
        raise KBError(f"{method} {path} -> {resp.status}: {raw[:200]!r}")
    doc = json.loads(raw or b"{}")
    return doc.get("data")
