"""Station announcements, as the scheduler triggers them."""

import announce
import e2e_support

announce.main(
    ["Platform 4: the 10:15 to Leeds is delayed by ten minutes."],
    question="Which platform does the next train to York leave from?",
    on_room=lambda live: e2e_support.viewer.join(live.url, live.access_token),
)
