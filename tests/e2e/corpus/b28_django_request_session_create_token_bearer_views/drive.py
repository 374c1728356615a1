"""A visitor's browser: start (joins the room), speak twice, a second start refused, end."""

import os

import e2e_support

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lobby.settings")

from django.test import Client

browser = Client()
r = browser.post("/avatar/start")
assert r.status_code == 201, r.content
creds = r.json()
e2e_support.viewer.join(creds["livekitUrl"], creds["livekitToken"])
assert browser.post("/avatar/speak", {"text": "Welcome to the lobby."}).status_code == 200
assert browser.post("/avatar/start").status_code == 409
assert browser.post("/avatar/speak", {"text": "  "}).status_code == 400
assert browser.post("/avatar/speak", {"text": "The lifts are on your left."}).status_code == 200
assert browser.post("/avatar/end").json() == {"ok": True}
assert browser.post("/avatar/end").json()["note"] == "nothing to end"
