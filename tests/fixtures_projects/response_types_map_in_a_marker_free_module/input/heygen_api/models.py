"""Generated models."""
from dataclasses import dataclass


@dataclass
class NewSessionData:
    session_id: str
    url: str
    access_token: str

    @classmethod
    def from_dict(cls, obj):
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
