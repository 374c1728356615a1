"""The kiosk's browser loads the page, joins the room from its data attributes, and the
visitor presses two buttons."""

from html.parser import HTMLParser

import e2e_support
from app import app


class AvatarDiv(HTMLParser):
    attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and ("id", "avatar") in attrs:
            self.attrs = dict(attrs)


client = app.test_client()
page = client.get("/")
assert page.status_code == 200, page.data
div = AvatarDiv()
div.feed(page.get_data(as_text=True))
e2e_support.viewer.join(div.attrs["data-url"], div.attrs["data-token"])
session_id = div.attrs["data-session"]
for text in ["Welcome to the lobby!", "Lifts are to your right."]:
    assert client.post("/say", json={"session_id": session_id, "text": text}).status_code == 200
assert client.post("/stop", json={"session_id": session_id}).status_code == 200
