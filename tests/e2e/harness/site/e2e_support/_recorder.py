"""Talks to the stand-ins' room recorder (plain HTTP on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from typing import Any


class RecorderError(RuntimeError):
    """The recorder refused the operation (its message says why, as LiveKit would)."""


def call(path: str, body: dict[str, Any]) -> dict[str, Any]:
    base = os.environ.get("E2E_RECORDER_URL")
    if not base:
        raise RuntimeError("E2E_RECORDER_URL is not set: not running under the e2e harness")
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    # The recorder is local; never go through a proxy configured in the environment.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            result: dict[str, Any] = json.loads(response.read())
            return result
    except urllib.error.HTTPError as error:
        detail = json.loads(error.read() or b"{}").get("error", str(error))
        raise RecorderError(detail) from None
