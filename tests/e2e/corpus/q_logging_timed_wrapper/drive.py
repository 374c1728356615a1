"""The audiobook preview page: the narrator opens a room, the viewer joins, chapters are read."""

import e2e_support
from narrator import run

run.main(
    ["Chapter one. The lighthouse.", "Chapter two. The storm."],
    on_room=e2e_support.viewer.join,
)
