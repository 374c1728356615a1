"""The visitor's browser: htmx posts, swaps fragments, and the page script joins the room."""

import html
import re

import e2e_support
from fastapi.testclient import TestClient
from stage.main import app


def join(fragment):
    url = html.unescape(re.search(r'data-livekit-url="([^"]*)"', fragment).group(1))
    token = html.unescape(re.search(r'data-livekit-token="([^"]*)"', fragment).group(1))
    e2e_support.viewer.join(url, token)


with TestClient(app) as browser:
    assert "resting" in browser.get("/").text
    assert browser.post("/say", json={"text": "hello?"}).status_code == 409

    started = browser.post("/start", headers={"HX-Request": "true"})
    assert started.status_code == 200, started.text
    assert "stage_sid" in browser.cookies
    join(started.text)

    said = browser.post("/say", json={"text": "Welcome to the stage!"})
    assert said.status_code == 200 and "said:" in said.text, said.text
    assert "interrupted" in browser.post("/interrupt").text

    # the visitor reloads the page: the stage is rendered again from the stored room
    page = browser.get("/")
    assert "data-livekit-url" in page.text, page.text
    assert "data-livekit-token" in browser.get("/stage").text

    assert browser.post("/say", json={"text": "Enjoy the show."}).status_code == 200
    ended = browser.post("/end")
    assert "resting" in ended.text, ended.text
