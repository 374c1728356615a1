"""One browser tab: the chat starts, the page's element joins the room, two messages, the tab closes."""

import app  # noqa: F401  (registers the handlers)
import chainlit as cl
import e2e_support

joined = []


def page(message: cl.Message) -> None:
    """the custom LiveKit element on the page joins when the app posts the room"""
    if message.content.startswith("LIVEKIT ") and not joined:
        _, url, token = message.content.split(" ")
        e2e_support.viewer.join(url, token)
        joined.append(url)


cl.simulate(["What does the export button do?", "/stop"], frontend=page)
assert joined
assert cl.user_session.get("avatar") is None
assert any(m.startswith("avatar is answering") for m in cl.sent), cl.sent
