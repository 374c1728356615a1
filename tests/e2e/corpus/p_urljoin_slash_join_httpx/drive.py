"""The help desk opens a session, the page joins, a visitor asks, the agent closes."""

import e2e_support
import sessions
import tasks

sid, viewer = sessions.open_session()
e2e_support.viewer.join(viewer["url"], viewer["token"])
tasks.repeat(sid, "Hello, I can answer questions about our plans.")
tasks.ask(sid, "Which plan includes phone support?")
tasks.interrupt(sid)
assert sessions.close_session(sid)
