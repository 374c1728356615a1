"""Announce a file of two lines, the viewer joining when the room is ready."""

from pathlib import Path

import announcer
from e2e_support import viewer

Path("announcements.txt").write_text(
    "# morning\nThe cafeteria opens at nine.\n\nFire drill at eleven.\n", encoding="utf-8"
)
assert announcer.main(["announcements.txt"], on_room=viewer.join) == 0
