"""A front-desk shift: the tool runtime opens the avatar, the agent talks, then the console runs."""

import contextlib
import io
import json
import sys

import e2e_support
from concierge import cli, tools
from concierge.agent import Concierge, OfflineModel

# the function-calling runtime opens the session and the lobby screen joins the room
info = json.loads(tools.dispatch("start_avatar", "{}"))
e2e_support.viewer.join(info["livekit_url"], info["token"])

bot = Concierge(OfflineModel())
assert bot.handle("Good morning")[0].startswith("said it"), bot.messages
assert bot.handle("Where is the gym?")[0].startswith("answering"), bot.messages
assert bot.handle("stop") == ["interrupted"], bot.messages
assert tools.dispatch("keep_awake") == "ok"
assert tools.dispatch("end_avatar") == "closed"
assert tools.dispatch("say", json.dumps({"text": "anyone there?"})).startswith(
    "error: no avatar session"
)
assert tools.dispatch("fly") == "error: unknown tool 'fly'"

# the console: one visitor, then quit (the session is closed on the way out)
sys.stdin = io.StringIO("/start\nHello there\n/ping\n/quit\n")
out = io.StringIO()
with contextlib.redirect_stdout(out):
    assert cli.main([]) == 0
lines = out.getvalue().splitlines()
assert any(line.startswith("lobby screen: ") for line in lines), lines
assert lines[-1] == "closed", lines
