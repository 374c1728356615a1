"""A desk agent: start, show the player, repeat a line, ask the knowledge base, stop."""

import re

import e2e_support
from app import demo

demo.fire("start")
player = demo.fire("show_player")[0]
url, token = re.search(r"connect\('([^']*)', '([^']*)'\)", player).groups()
e2e_support.viewer.join(url, token)
demo.fire("send", Message="Welcome to the help desk.", Mode="repeat")
demo.fire("send_enter", Message="How do I reset my password?", Mode="talk")
assert demo.events["send"].outputs[0].value.count("\n") == 2
demo.fire("stop")
assert demo.events["stop"].outputs[1].value == "Stopped"
