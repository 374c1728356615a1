"""Standard-library HTTP (the CLI ships as a zipapp without dependencies)."""
import json
import urllib.error
import urllib.request


class ApiError(Exception):
    def __init__(self, status, detail):
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status


def post(settings, path, body, token=None):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    else:
        headers["x-api-key"] = settings["api_key"]
    request = urllib.request.Request(
        settings["api_base"] + path,
        data=json.dumps(body).encode("utf-8"),
        headers=headers,
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.get("timeout", 30)) as response:
            payload = json.load(response)
    except urllib.error.HTTPError as exc:
        raise ApiError(exc.code, exc.read().decode("utf-8", "replace")) from exc
    return payload["data"]
