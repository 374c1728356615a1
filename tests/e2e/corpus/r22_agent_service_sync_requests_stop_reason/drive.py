"""The concierge conversation; the lobby screen joins the room when the service reports it."""

import e2e_support
from main import main

assert main(on_room=e2e_support.viewer.join) == "guest_left"
