"""The lobby screen runs the announcer with a short schedule."""

import e2e_support
import lobby

lobby.run(
    ["Welcome to the lobby.", "The talk starts in five minutes."],
    beats_between=2,
    on_room=e2e_support.viewer.join,
)
