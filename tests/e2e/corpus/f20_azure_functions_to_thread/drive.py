"""The widget's calls, as the Functions host would hand them to the functions."""

import asyncio
import json

import e2e_support
import function_app
from azure import functions as func


def post(route: str, payload: dict) -> dict:
    handler = function_app.app.routes[("POST", route)]
    request = func.HttpRequest("POST", f"/api/{route}", body=json.dumps(payload).encode())
    response = asyncio.run(handler(request))
    assert response.status_code == 200, response.get_body()
    return json.loads(response.get_body())


started = post("avatar/start", {})
e2e_support.viewer.join(started["serverUrl"], started["accessToken"])
sid = started["sessionId"]
assert post("avatar/speak", {"sessionId": sid, "text": "Hi, I am your assistant."})["taskId"]
assert post(
    "avatar/speak", {"sessionId": sid, "text": "What are your opening hours?", "mode": "chat"}
)["taskId"]
assert post("avatar/ping", {"sessionId": sid})["ok"]
assert post("avatar/stop", {"sessionId": sid})["stopped"] == sid
