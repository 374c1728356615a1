from dataclasses import dataclass
from typing import Optional


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
    message: Optional[str] = None

    @classmethod
    def from_dict(cls, obj):
        return cls(code=obj.get("code"), data=NewSessionData.from_dict(obj["data"]), message=obj.get("message"))


@dataclass
class ErrorResponse:
    url: str

    @classmethod
    def from_dict(cls, obj):
        return cls(url=obj["url"])
