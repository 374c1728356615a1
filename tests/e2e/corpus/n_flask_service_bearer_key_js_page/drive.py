"""A visitor opens the page (which embeds the LiveKit config), then the buttons call the routes."""

import re

import e2e_support
from app import app

client = app.test_client()
page = client.get("/")
assert page.status_code == 200, page.data
html = page.get_data(as_text=True)
url = re.search(r'serverUrl: "([^"]+)"', html).group(1)
token = re.search(r'token: "([^"]+)"', html).group(1)
e2e_support.viewer.join(url, token)  # the page's livekit-client
assert client.post("/say", json={"text": "Welcome to the showroom."}).get_json()["task"]
assert client.post("/ask", json={"text": "Which model is the cheapest?"}).get_json()["task"]
assert client.post("/interrupt").get_json()["ok"] is True
client.post("/end")
