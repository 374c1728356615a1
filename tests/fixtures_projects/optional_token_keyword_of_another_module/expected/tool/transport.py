import json
import urllib.request

API = "https://api.liveavatar.com"


def post(api_key, path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    else:
        headers["X-API-KEY"] = api_key
    request = urllib.request.Request(API + path, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["data"]
