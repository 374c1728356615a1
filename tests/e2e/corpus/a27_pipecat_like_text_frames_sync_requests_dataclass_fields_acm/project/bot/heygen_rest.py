import logging
import os
from dataclasses import dataclass, fields
from urllib.parse import urljoin

import requests

log = logging.getLogger(__name__)


@dataclass
class Session:
    session_id: str
    url: str
    access_token: str
    session_duration_limit: int = 600

    @classmethod
    def from_dict(cls, d: dict) -> "Session":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


class HeyGenRest:
    """Blocking client; the processor calls it from its async methods (it is fast enough)."""

    def __init__(self, api_key=None, base="https://api.heygen.com/v1/"):
        self.base = base
        self.http = requests.Session()
        self.http.headers.update({"x-api-key": api_key or os.environ["HEYGEN_API_KEY"]})

    def call(self, endpoint, **body):
        r = self.http.post(urljoin(self.base, endpoint), json=body, timeout=20)
        r.raise_for_status()
        payload = r.json()
        if payload.get("error"):
            raise RuntimeError(f"{endpoint}: {payload['error']}")
        return payload.get("data") or {}

    def open(self, avatar_id, knowledge_base_id=None) -> Session:
        body = {"avatar_id": avatar_id, "version": "v2"}
        if knowledge_base_id:
            body["knowledge_base_id"] = knowledge_base_id
        session = Session.from_dict(self.call("streaming.new", **body))
        self.call("streaming.start", session_id=session.session_id)
        return session

    def speak(self, session: Session, text: str, task_type: str = "repeat") -> None:
        self.call("streaming.task", session_id=session.session_id, text=text, task_type=task_type)

    def interrupt(self, session: Session) -> None:
        self.call("streaming.interrupt", session_id=session.session_id)

    def close(self, session: Session) -> None:
        self.call("streaming.stop", session_id=session.session_id)
