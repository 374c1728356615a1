"""LiveKit access tokens (HS256 JWTs) as the stand-ins issue and the room recorder checks them.

Real LiveKit tokens are JWTs whose ``sub`` is the participant identity and whose ``video``
grant names the room; the stand-ins sign theirs with one test secret so that the recorder can
tell a token it issued from anything else a migrated program might hand over.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any

SECRET = b"e2e-livekit-secret"
API_KEY = "APIe2eStandIn"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue(identity: str, room: str, *, can_publish_data: bool = True) -> str:
    header = {"alg": "HS256", "typ": "JWT"}
    now = int(time.time())
    claims = {
        "iss": API_KEY,
        "sub": identity,
        "name": identity,
        "nbf": now - 10,
        "exp": now + 3600,
        "video": {
            "room": room,
            "roomJoin": True,
            "canPublish": True,
            "canSubscribe": True,
            "canPublishData": can_publish_data,
        },
    }
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
    signature = hmac.new(SECRET, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


@dataclass(frozen=True)
class Grant:
    identity: str
    room: str
    can_publish_data: bool


class InvalidToken(ValueError):
    """The token is not one the stand-ins issued (or is malformed, expired, lacks a grant)."""


def verify(token: object) -> Grant:
    if not isinstance(token, str):
        raise InvalidToken(f"token is {type(token).__name__}, not a str")
    parts = token.split(".")
    if len(parts) != 3:
        raise InvalidToken("token is not a JWT")
    signing_input = f"{parts[0]}.{parts[1]}".encode("ascii")
    expected = hmac.new(SECRET, signing_input, hashlib.sha256).digest()
    try:
        signature = _unb64(parts[2])
        claims: Any = json.loads(_unb64(parts[1]))
    except ValueError as error:
        raise InvalidToken(f"token does not decode: {error}") from None
    if not hmac.compare_digest(signature, expected):
        raise InvalidToken("token signature is not the stand-in's")
    if not isinstance(claims, dict) or claims.get("exp", 0) < time.time():
        raise InvalidToken("token expired or has no claims")
    video = claims.get("video")
    if not isinstance(video, dict) or not video.get("roomJoin") or not video.get("room"):
        raise InvalidToken("token has no room-join grant")
    return Grant(str(claims.get("sub")), str(video["room"]), bool(video.get("canPublishData")))
