"""The lobby screen: connect, show the room, talk; the process exit closes the session."""

import avatar
import e2e_support

session_id, url, token = avatar.connect()
assert avatar.connect() == (session_id, url, token)
e2e_support.viewer.join(url, token)
avatar.say("Good morning and welcome to the lobby.")
avatar.ping()
avatar.ask("Where is the conference room?")
# no explicit close(): atexit does it
