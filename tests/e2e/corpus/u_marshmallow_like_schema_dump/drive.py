"""The help-desk page opens an avatar, shows it, has it greet and answer, then closes it."""

import os

import e2e_support
from avatar import AvatarClient

client = AvatarClient()
session = client.open(
    os.environ["DESK_AVATAR_ID"], quality="low", knowledge_base_id=os.environ["DESK_KB_ID"]
)
e2e_support.viewer.join(session.url, session.access_token)
client.say("Welcome to the help desk.")
client.ask("Where can I find my invoices?")
client.interrupt()
client.close()
print(session.session_id)
