"""An employee opens the page: start, the player joins, two questions, stop."""

import html
import re

import e2e_support
from app import demo

demo.fire("start")
doc = html.unescape(re.search(r'srcdoc="([^"]*)"', demo.events["start"].outputs[1].value).group(1))
url, token = re.search(r"room\.connect\('([^']*)', '([^']*)'\)", doc).groups()
e2e_support.viewer.join(url, token)
demo.fire("ask", question="How many vacation days do I have?")
demo.fire("ask_enter", question="Who do I ask about parental leave?")
assert len(demo.events["ask"].outputs[0].value) == 2
demo.fire("stop")
assert demo.events["stop"].outputs[2].value == "Stopped"
