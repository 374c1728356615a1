"""The lobby screen joins the room the script opens; the script reads its announcements."""

import signage
from e2e_support import viewer

signage.run(on_room=viewer.join)
