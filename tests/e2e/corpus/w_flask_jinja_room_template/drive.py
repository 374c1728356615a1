"""The browser: loads the page, clicks Start (HTMX swaps the room partial in), types twice, stops."""

import re

import e2e_support
from app import app

browser = app.test_client()
page = browser.get("/")
assert page.status_code == 200

partial = browser.post("/avatar/start").get_data(as_text=True)
url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', partial).groups()
say_path = re.search(r'hx-post="(/avatar/[^"]+/say)"', partial).group(1)
# the user reloads the page before the video connected: the room partial comes back
reloaded = browser.get(say_path.rsplit("/", 1)[0]).get_data(as_text=True)
assert re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', reloaded).groups() == (url, token)
e2e_support.viewer.join(url, token)  # the partial's script connects the <video>
stop_path = re.search(r'hx-post="(/avatar/[^"]+/stop)"', partial).group(1)

for text in ["Hi there, welcome to the demo.", "Ask me anything about the product."]:
    resp = browser.post(say_path, data={"text": text})
    assert resp.status_code == 200 and text in resp.get_data(as_text=True)
resp = browser.post(stop_path)
assert resp.status_code == 200, resp.get_data(as_text=True)
