"""Two visitors at two lobby screens; one leaves, the process exit closes the other's session."""

import avatar
import e2e_support

alice = avatar.connect("alice")
assert avatar.connect("alice") == alice
e2e_support.viewer.join(alice[1], alice[2])
avatar.say("alice", "Good morning and welcome to the lobby.")
bob = avatar.connect("bob")
assert bob[0] != alice[0]
e2e_support.viewer.join(bob[1], bob[2])
avatar.ask("bob", "Where is the conference room?")
avatar.ping("alice")
avatar.close("alice")
avatar.say("bob", "Have a nice day.")
# no explicit close for bob: atexit does it
