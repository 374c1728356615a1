"""Generated models."""
from dataclasses import dataclass


@dataclass
class NewSessionData:
    session_id: str
    url: str
    access_token: str

    @classmethod
    def from_dict(cls, obj):
        # TODO(heygen2liveavatar): H2L404 `NewSessionData` parses the /v1/sessions/token response (formerly `streaming.new`) inside the generic request helper (`response_type=`), before the session is started: it has no `url` (/v1/sessions/start's `livekit_url`) or `access_token` (/v1/sessions/start's `livekit_client_token`); parse the token response only after `liveavatar_bridge.with_heygen_names(liveavatar_bridge.start_session(...))`, or regenerate the client for LiveAvatar's API
        return cls(session_id=obj["session_id"], url=obj["url"], access_token=obj["access_token"])


@dataclass
class NewSessionResponse:
    code: int
    data: NewSessionData

    @classmethod
    def from_dict(cls, obj):
        return cls(code=obj.get("code"), data=NewSessionData.from_dict(obj["data"]))


@dataclass
class ErrorResponse:
    code: int
    message: str

    @classmethod
    def from_dict(cls, obj):
        return cls(code=obj["code"], message=obj["message"])


@dataclass
class AssetResponse:
    url: str

    @classmethod
    def from_dict(cls, obj):
        return cls(url=obj["url"])
