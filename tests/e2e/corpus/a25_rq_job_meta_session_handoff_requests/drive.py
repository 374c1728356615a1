"""The front desk app enqueues the lobby jobs; the lobby screen asks the web tier where to watch."""

import e2e_support
from lobbyjobs.jobs import announce, close_lobby_avatar, open_lobby_avatar
from lobbyjobs.web import lobby_screen_credentials
from rqlite import Queue

q = Queue("lobby")
opened = q.enqueue(open_lobby_avatar)
assert opened.get_status() == "finished", opened.exc_info
creds = lobby_screen_credentials(opened.id)
e2e_support.viewer.join(creds["livekit_url"], creds["token"])
for line in ("Good morning and welcome to the Harbor Hotel.", "Breakfast is served until 10:30."):
    job = q.enqueue(announce, opened.id, line)
    assert job.get_status() == "finished", job.exc_info
closed = q.enqueue(close_lobby_avatar, opened.id)
assert closed.get_status() == "finished", closed.exc_info
