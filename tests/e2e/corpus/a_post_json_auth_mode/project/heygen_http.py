import json

import requests


class ApiError(RuntimeError):
    pass


def post_json(url, api_key, payload, auth_mode="x-api-key"):
    """POST a JSON body to HeyGen. auth_mode: 'x-api-key' (default) or 'bearer'."""
    if auth_mode == "bearer":
        headers = {"Authorization": f"Bearer {api_key}"}
    else:
        headers = {"x-api-key": api_key}
    headers["Content-Type"] = "application/json"
    resp = requests.post(url, data=json.dumps(payload), headers=headers, timeout=25)
    if resp.status_code != 200:
        raise ApiError(f"{url} failed with {resp.status_code}: {resp.text[:200]}")
    try:
        return resp.json()
    except ValueError:
        return {"raw": resp.text}
