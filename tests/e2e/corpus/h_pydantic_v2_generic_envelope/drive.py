"""The onboarding flow using the typed client."""

import os

import e2e_support
from heygen_models.client import AvatarAPI

api = AvatarAPI()
session = api.create_session(os.environ["AVATAR_ID"], quality="low")
e2e_support.viewer.join(session.livekit_url, session.viewer_token)
api.start(session)
ack = api.say(session, "Welcome aboard! Let's set up your workspace.")
assert ack.task_id
api.stop(session)
