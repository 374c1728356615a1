"""A help-desk page session: start, greet, answer two questions, close."""

import e2e_support
from helpdesk import AvatarSession

session = AvatarSession()
room = session.start()
assert room is not None, "start failed"
e2e_support.viewer.join(room["url"], room["access_token"])
assert session.say("Hi, I am the help-desk assistant.")
assert session.ask("How do I reset my password?")
assert session.ask("Where can I download my invoices?")
assert session.close()
assert session.session_id is None
