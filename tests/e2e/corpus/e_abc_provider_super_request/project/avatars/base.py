"""Provider-agnostic plumbing shared by every avatar backend."""
import abc
import logging

import requests

log = logging.getLogger(__name__)


class ProviderError(RuntimeError):
    pass


class BaseAvatarProvider(abc.ABC):
    base_url: str = ""
    timeout = 20

    def __init__(self):
        self.http = requests.Session()
        self.http.headers.update(self.default_headers())

    def default_headers(self) -> dict:
        return {"Accept": "application/json"}

    def _request(self, method: str, path: str, **kwargs):
        url = self.base_url.rstrip("/") + path
        kwargs.setdefault("timeout", self.timeout)
        resp = self.http.request(method, url, **kwargs)
        if resp.status_code >= 400:
            log.error("%s %s -> %s %s", method, path, resp.status_code, resp.text)
            raise ProviderError(f"{method} {path} failed with {resp.status_code}")
        return resp.json()

    @abc.abstractmethod
    def open(self) -> dict:
        """Create a session and return {"url", "token"} for the viewer."""

    @abc.abstractmethod
    def speak(self, text: str) -> None:
        ...

    @abc.abstractmethod
    def close(self) -> None:
        ...
