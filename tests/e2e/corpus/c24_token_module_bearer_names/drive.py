"""The kiosk screen joins the room; the greeting is spoken; the session ends."""

import e2e_support
from kiosk.main import run

session_id = run(e2e_support.viewer.join)
assert session_id
