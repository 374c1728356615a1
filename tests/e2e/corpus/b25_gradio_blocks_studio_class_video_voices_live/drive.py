"""A producer in the studio page: pick a voice, render a video, go live, talk, stop."""

import html
import re

import e2e_support
from app import demo

voices = demo.api("voices")["voice"]
voice_id = voices.value
print(demo.api("render", voice=voice_id, script="Welcome to the product tour."))
out = demo.api("start")
print(out["status"])
doc = html.unescape(re.search(r'srcdoc="([^"]*)"', out["player"]).group(1))
url, token = re.search(r"room\.connect\('([^']*)', '([^']*)'\)", doc).groups()
e2e_support.viewer.join(url, token)
print(demo.api("say", line="Hi, I am live from the studio."))
print(demo.api("say", line="Ask me anything about the tour."))
print(demo.api("stop"))
