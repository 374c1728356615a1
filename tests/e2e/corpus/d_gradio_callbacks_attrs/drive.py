"""A user clicking through the Gradio demo: Start, announce, chat, Interrupt, Stop."""

import re

import e2e_support
from callbacks import on_announce, on_interrupt, on_send, on_start, on_stop

state, player, status = on_start({})
url, token = re.search(r'data-livekit-url="([^"]*)" data-livekit-token="([^"]*)"', player).groups()
e2e_support.viewer.join(url, token)
state = on_announce("Welcome to the demo!", state)
box, history, state = on_send("What can this avatar do?", [], state)
assert box == "" and len(history) == 1
state = on_interrupt(state)
state, player, status = on_stop(state)
assert state == {} and status == "Session closed"
