import os
import tempfile

os.environ["PIN_FILE"] = os.path.join(tempfile.mkdtemp(), "pins.json")

import e2e_support
from ops import tasks

lobby = tasks.open_session.delay(os.environ["OPS_AVATAR"], "Welcome to the lobby.")
e2e_support.viewer.join(lobby["url"], lobby["token"])
tasks.pin(lobby["id"])
kiosk = tasks.open_session.delay(os.environ["OPS_AVATAR"], "Kiosk ready.")

assert tasks.keepalive_all.delay() == 2
assert tasks.sweep.delay() == [kiosk["id"]]
stats = tasks.history_report.delay()
assert stats["sessions"] == 1, stats
assert stats["total_seconds"] >= 0
