"""Two signed-in users' browsers call the API (Starlette's TestClient, as the app's tests do)."""

import e2e_support
from app.main import app
from starlette.testclient import TestClient

with TestClient(app) as client:

    def call(method, path, user, json=None):
        resp = client.request(method, path, headers={"x-user": user}, json=json)
        assert resp.status_code == 200, (resp.status_code, resp.text)
        return resp.json()

    ana = call("POST", "/avatar", "ana")
    e2e_support.viewer.join(ana["livekit_url"], ana["livekit_token"])
    # a page reload asks again: the stored session comes back, no new one is opened
    assert call("POST", "/avatar", "ana") == ana
    call("POST", "/avatar/speak", "ana", {"text": "Hello Ana!"})
    ben = call("POST", "/avatar", "ben")
    e2e_support.viewer.join(ben["livekit_url"], ben["livekit_token"])
    call(
        "POST", "/avatar/speak", "ben", {"text": "What does the premium plan include?", "ask": True}
    )
    call("POST", "/avatar/heartbeat", "ana")
    call("DELETE", "/avatar", "ben")
    call("DELETE", "/avatar", "ana")
    missing = client.post("/avatar/speak", headers={"x-user": "ana"}, json={"text": "still there?"})
    print(missing.status_code)
