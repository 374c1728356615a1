"""The big screen opens the printed LiveKit Meet link while the kiosk greets visitors."""

from urllib.parse import parse_qs, urlsplit

import e2e_support
import kiosk_link


def open_on_screen(link: str) -> None:
    query = parse_qs(urlsplit(link).query)
    e2e_support.viewer.join(query["liveKitUrl"][0], query["token"][0])


kiosk_link.run(["Welcome to our booth!", "Ask me about the new release."], open_on_screen)
