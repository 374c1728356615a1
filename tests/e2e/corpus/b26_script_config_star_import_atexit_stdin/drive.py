"""A user at the terminal: the browser joins the printed room, then typed lines; the session
is closed by the script's atexit handler when the process ends."""

import avatar_chat
from e2e_support import viewer

typed = iter(["Hello there!", "/interrupt", "How are you today?", "/quit"])


def joined(info):
    viewer.join(info["url"], info["access_token"])


avatar_chat.main(read=lambda: next(typed), on_start=joined)
