"""The help-desk app picking its avatar provider and holding one conversation."""

import os

import e2e_support
from providers import get_client

client = get_client("heygen")
room = client.open(os.environ["AVATAR_ID"], knowledge_base_id=os.environ["KB_ID"])
e2e_support.viewer.join(room.url, room.token)
client.speak(room, "Hello, I'm the help-desk assistant.")
client.ask(room, "How do I reset my password?")
client.keep_alive(room)
client.close(room)
