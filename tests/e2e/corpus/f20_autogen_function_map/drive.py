"""Plays the model's side: the function calls the assistant would send, executed by the proxy."""

import json
import os

import e2e_support
from kiosk_agents import user_proxy


def call(name: str, **arguments: str) -> str:
    ok, message = user_proxy.execute_function({"name": name, "arguments": json.dumps(arguments)})
    assert ok, message
    return message["content"]


opened = json.loads(call("open_avatar_session", knowledge_base_id=os.environ["KIOSK_KB"]))
e2e_support.viewer.join(opened["livekit_url"], opened["livekit_token"])
sid = opened["session_id"]
assert call("avatar_speak", session_id=sid, text="Welcome to the lobby!") == "ok"
assert call("avatar_speak", session_id=sid, text="Where is room 4B?", task_type="talk") == "ok"
assert call("avatar_interrupt", session_id=sid) == "interrupted"
assert call("close_avatar_session", session_id=sid) == "closed"
