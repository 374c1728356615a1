"""requests.Session that knows HeyGen's base URL and checks every answer in a response hook."""
import requests

API_ROOT = "https://api.heygen.com/v1"


class ApiError(Exception):
    pass


class HeyGenSession(requests.Session):
    def __init__(self, api_key, root=API_ROOT, timeout=15):
        super().__init__()
        self.root = root.rstrip("/")
        self.timeout = timeout
        self.headers.update({"x-api-key": api_key, "accept": "application/json"})
        self.hooks["response"].append(self._check)

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.root + url
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, url, *args, **kwargs)

    @staticmethod
    def _check(resp, *args, **kwargs):
        if resp.status_code >= 400:
            raise ApiError(f"HTTP {resp.status_code} from {resp.url}: {resp.text[:200]}")
        if "json" in resp.headers.get("content-type", ""):
            code = resp.json().get("code")
            if code is not None and code != 100:
                raise ApiError(f"{resp.url}: code {code}: {resp.json().get('message')}")
        return resp
