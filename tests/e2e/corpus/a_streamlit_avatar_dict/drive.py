"""What app.py does when the user picks an avatar and presses the buttons."""

import avatar_utils
from e2e_support import viewer

state = {}
avatar_utils.start_avatar(state, "Anna (casual)")
viewer.join(state["livekit_url"], state["livekit_token"])
avatar_utils.send_message(state, "Hi! I'm here to help you practice your interview.")
avatar_utils.send_message(state, "Tell me about a project you are proud of.", chat=True)
avatar_utils.stop_avatar(state)
