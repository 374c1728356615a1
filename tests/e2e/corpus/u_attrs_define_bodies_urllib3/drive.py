"""The tour page: open the avatar, show it, run the tour, close it."""

import os

import e2e_support
from streamer import Streamer, tour

streamer = Streamer()
session = streamer.open(os.environ["TOUR_AVATAR_ID"], knowledge_base_id=os.environ["TOUR_KB_ID"])
e2e_support.viewer.join(session.url, session.access_token)
tour(
    streamer,
    ["This is the dashboard.", "Reports live on the left.", "Any questions about exports?"],
)
streamer.close()
