"""Clicking through the page: every widget event reruns render() with the same session_state."""

import os

import e2e_support
from avatar_page import render

state = {}
render(state, None)  # first load
render(state, {"kind": "sidebar", "kb_id": os.environ["PAGE_KB"]})
render(state, {"kind": "button", "name": "start"})
e2e_support.viewer.join(state["room"]["url"], state["room"]["token"])
render(state, {"kind": "chat", "text": "What can I cook with eggs and spinach?"})
render(state, {"kind": "button", "name": "interrupt"})
render(state, {"kind": "chat", "text": "Something quicker, please."})
render(state, {"kind": "button", "name": "stop"})
assert "session" not in state
assert [m["role"] for m in state["history"]] == ["user", "user"]
