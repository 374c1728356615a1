"""Reading two paragraphs aloud, the viewer opened on the room."""

import e2e_support
from read_aloud import read_aloud

read_aloud(
    "Once upon a time there was a tiny robot.\n\nIt dreamed of seeing the sea.",
    on_room=e2e_support.viewer.join,
)
