"""A channel uses the slash command, someone clicks Watch, then Hush, then End."""

from urllib.parse import parse_qs, urlparse

import e2e_support
from app import app


def slash(text):
    app.dispatch({"command": "/avatar", "text": text, "channel_id": "C042", "user_id": "U7"})


def click(action_id):
    app.dispatch(
        {"type": "block_actions", "channel": {"id": "C042"}, "actions": [{"action_id": action_id}]}
    )


slash("start")
_, _, blocks = app.posted[-1]
watch = next(
    e["url"] for b in blocks if b["type"] == "actions" for e in b["elements"] if "url" in e
)
query = parse_qs(urlparse(watch).query)
e2e_support.viewer.join(query["url"][0], query["token"][0])  # the Watch page joins the room

slash("say Good morning team, standup starts in five minutes.")
slash("ask What is on the release checklist?")
click("avatar_hush")
slash("say Never mind, see you there.")
click("avatar_stop")
assert app.posted[-1][1] == "Avatar session ended.", app.posted
slash("say anyone?")
assert app.posted[-1][1].startswith("No avatar here"), app.posted
