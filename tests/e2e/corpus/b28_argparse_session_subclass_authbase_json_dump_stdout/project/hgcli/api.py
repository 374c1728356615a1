"""HTTP plumbing: a requests.Session bound to HeyGen's API root, Bearer auth."""
import requests
from requests.auth import AuthBase


class HeyGenAPIError(Exception):
    def __init__(self, status, code, message):
        super().__init__(f"[{status}/{code}] {message}")
        self.status = status
        self.code = code


class BearerAuth(AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, r):
        r.headers["Authorization"] = f"Bearer {self.token}"
        return r


class HeyGenAPI(requests.Session):
    base_url = "https://api.heygen.com/v1/"

    def __init__(self, api_key, timeout=30):
        super().__init__()
        self.auth = BearerAuth(api_key)
        self.timeout = timeout
        self.headers["User-Agent"] = "hgcli/0.4"

    def call(self, endpoint, payload=None, method="POST"):
        resp = self.request(method, self.base_url + endpoint, json=payload, timeout=self.timeout)
        try:
            body = resp.json()
        except ValueError:
            raise HeyGenAPIError(resp.status_code, None, resp.text[:200])
        if resp.status_code != 200 or body.get("code") != 100:
            raise HeyGenAPIError(resp.status_code, body.get("code"), body.get("message"))
        return body["data"]
