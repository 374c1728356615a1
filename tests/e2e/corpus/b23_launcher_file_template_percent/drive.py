"""The lobby PC: launch with two announcements and a question; the kiosk browser opens the
written page as soon as it exists."""

import re
from pathlib import Path

import e2e_support
from launcher import main


def kiosk_browser(page):
    html = Path(page).read_text(encoding="utf-8")
    assert "<title>Harbour Lobby</title>" in html, html[:200]
    url, token = re.search(r'room\.connect\("([^"]*)", "([^"]*)"\)', html).groups()
    e2e_support.viewer.join(url, token)


code = main(
    [
        "--announce",
        "Good morning and welcome to the Harbour.",
        "--announce",
        "Breakfast is served until ten.",
        "--ask",
        "Where is the spa?",
    ],
    on_page=kiosk_browser,
)
assert code == 0, code
