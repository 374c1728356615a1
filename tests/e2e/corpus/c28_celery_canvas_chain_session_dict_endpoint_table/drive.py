import os

import e2e_support
from avatar_jobs.canvas import chain
from avatar_jobs.tasks import close, greet, open_session, ping

session = chain(
    open_session.s(os.environ["JOB_AVATAR"]),
    greet.s("Good morning, the night shift report is ready."),
    ping.s(),
)()
e2e_support.viewer.join(session["url"], session["access_token"])
greet.delay(session, "Two incidents, both resolved.")
assert close.delay(session) == session["session_id"]
