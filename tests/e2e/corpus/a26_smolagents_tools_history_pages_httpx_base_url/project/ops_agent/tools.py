import functools
import os

import httpx

from smol_shim import Tool


@functools.lru_cache(maxsize=1)
def _client() -> httpx.Client:
    return httpx.Client(base_url="https://api.heygen.com", headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}, timeout=30)


_LIVE = {}


class OpenDemoAvatar(Tool):
    name = "open_demo_avatar"
    description = "Opens the demo avatar and returns 'url|token' for the demo page."
    inputs = {"avatar_id": {"type": "string", "description": "avatar to use", "nullable": True}}
    output_type = "string"

    def forward(self, avatar_id=None):
        r = _client().post("/v1/streaming.new", json={"avatar_id": avatar_id or os.environ["DEMO_AVATAR"], "version": "v2"})
        r.raise_for_status()
        data = r.json()["data"]
        _client().post("/v1/streaming.start", json={"session_id": data["session_id"]}).raise_for_status()
        _LIVE["demo"] = data["session_id"]
        return f"{data['url']}|{data['access_token']}"


class SayLine(Tool):
    name = "say_line"
    description = "Makes the demo avatar say a line."
    inputs = {"line": {"type": "string", "description": "what to say"}}
    output_type = "string"

    def forward(self, line):
        _client().post("/v1/streaming.task", json={"session_id": _LIVE["demo"], "text": line}).raise_for_status()
        return "said"


class StopDemoAvatar(Tool):
    name = "stop_demo_avatar"
    description = "Stops the demo avatar."
    inputs = {}
    output_type = "string"

    def forward(self):
        sid = _LIVE.pop("demo", None)
        if sid:
            _client().post("/v1/streaming.stop", json={"session_id": sid}).raise_for_status()
        return "stopped"


class UsageReport(Tool):
    name = "usage_report"
    description = "Counts past sessions and their total seconds."
    inputs = {}
    output_type = "string"

    def forward(self):
        sessions, seconds, page = 0, 0, 1
        while True:
            r = _client().get("/v2/streaming.list", params={"page": page, "page_size": 50})
            r.raise_for_status()
            body = r.json()
            for item in body["data"]:
                sessions += 1
                seconds += item.get("duration", 0) or 0
            if not body.get("next_pagination_token"):
                break
            page += 1
        return f"{sessions} sessions, {seconds} s"
