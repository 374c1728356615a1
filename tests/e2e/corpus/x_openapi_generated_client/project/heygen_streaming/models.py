# coding: utf-8
from dataclasses import asdict, dataclass
from typing import Optional


@dataclass
class NewSessionRequest:
    avatar_id: Optional[str] = None
    quality: Optional[str] = None
    version: Optional[str] = None
    knowledge_base_id: Optional[str] = None

    def to_dict(self):
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class SessionIdRequest:
    session_id: str

    def to_dict(self):
        return asdict(self)


@dataclass
class TaskRequest:
    session_id: str
    text: str
    task_type: Optional[str] = None

    def to_dict(self):
        return {k: v for k, v in asdict(self).items() if v is not None}


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
