"""The prospect opens the printed LiveKit Meet link while the avatar gives the pitch."""

import asyncio
from urllib.parse import parse_qs, urlsplit

import demo_link
import e2e_support


def open_in_browser(link: str) -> None:
    query = parse_qs(urlsplit(link).query)
    e2e_support.viewer.join(query["liveKitUrl"][0], query["token"][0])


asyncio.run(
    demo_link.pitch(
        ["Hi Dana, thanks for taking the call!", "Let me show you the dashboard."], open_in_browser
    )
)
