"""The front-desk app handling two visitor questions."""

import e2e_support
from app import run_reception

sid = run_reception(
    ["Where is the meeting room Everest?", "Is there Wi-Fi for guests?"],
    show_room=e2e_support.viewer.join,
)
assert sid
