"""The lobby screen loads the page, its script connects, the operator types twice, then closes."""

import re

import e2e_support
from app import app

browser = app.test_client()
page = browser.get("/").get_data(as_text=True)
url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', page).groups()
e2e_support.viewer.join(url, token)
say = re.search(r'action="(/say/[^"]+)"', page).group(1)
for text in ["Good morning!", "The meeting room is on the second floor."]:
    assert browser.post(say, data={"text": text}).status_code == 204
assert browser.post(say.replace("/say/", "/bye/")).status_code == 204
