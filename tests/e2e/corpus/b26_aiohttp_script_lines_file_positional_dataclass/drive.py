"""Run the script as its user would; the viewer opens the printed Meet link when it appears."""

import asyncio
from urllib.parse import parse_qs, urlsplit

import narrate
from e2e_support import viewer


def open_link(link):
    query = parse_qs(urlsplit(link).query)
    viewer.join(query["liveKitUrl"][0], query["token"][0])


code = asyncio.run(narrate.main(["script.txt", "--ping-every", "2", "--cut"], on_ready=open_link))
assert code == 0
