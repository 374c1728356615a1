"""`avatar-cli demo ...` with the viewer opened on the printed room, then `avatar-cli sessions`."""

import e2e_support
from avatar_cli import main

code = main(
    ["demo", "--say", "Good morning, team.", "--ask", "Summarise yesterday's release notes."],
    on_room=e2e_support.viewer.join,
)
assert code == 0
assert main(["sessions"]) == 0
