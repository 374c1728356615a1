import os

import httpx

from .errors import HeyGenAPIError
from .models import Envelope, NewSessionRequest, SessionInfo, TaskRequest

DEFAULT_BASE = "https://api.heygen.com"


def _raise_on_error(response: httpx.Response) -> None:
    if response.is_error:
        response.read()
        raise HeyGenAPIError(response.status_code, response.text)


class LiveAvatarClient:
    def __init__(self, api_key: str | None = None, base_url: str = DEFAULT_BASE):
        self._http = httpx.Client(
            base_url=base_url,
            headers={"X-Api-Key": api_key or os.environ["HEYGEN_API_KEY"]},
            event_hooks={"response": [_raise_on_error]},
            timeout=30,
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._http.close()

    def _post(self, path: str, body: dict) -> Envelope:
        envelope = Envelope.model_validate(self._http.post(path, json=body).json())
        if envelope.code != 100:
            raise HeyGenAPIError(200, envelope.message or "unexpected code")
        return envelope

    def create_session(self, req: NewSessionRequest) -> SessionInfo:
        envelope = self._post("/v1/streaming.new", req.model_dump(exclude_none=True))
        info = SessionInfo.model_validate(envelope.data)
        self._post("/v1/streaming.start", {"session_id": info.session_id})
        return info

    def task(self, req: TaskRequest) -> None:
        self._post("/v1/streaming.task", req.model_dump())

    def stop(self, session_id: str) -> None:
        self._post("/v1/streaming.stop", {"session_id": session_id})
