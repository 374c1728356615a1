"""Stdlib-only HeyGen streaming transport: dataclass payloads serialised by a JSON encoder."""
import dataclasses
import enum
import json
import os
import urllib.request

API_BASE = "https://api.heygen.com/v1/"


class PayloadEncoder(json.JSONEncoder):
    """Dataclasses become objects without their unset (None) fields, enums their values."""

    def default(self, o):
        if dataclasses.is_dataclass(o):
            return {k: v for k, v in dataclasses.asdict(o).items() if v is not None}
        if isinstance(o, enum.Enum):
            return o.value
        return super().default(o)


def post(endpoint, payload):
    request = urllib.request.Request(
        API_BASE + endpoint,
        data=json.dumps(payload, cls=PayloadEncoder).encode("utf-8"),
        headers={
            "Content-Type": "application/json",
            "X-Api-Key": os.environ["HEYGEN_API_KEY"],
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as resp:
        body = json.load(resp)
    if body.get("code") != 100:
        raise RuntimeError(f"{endpoint}: {body.get('message')}")
    return body["data"]
