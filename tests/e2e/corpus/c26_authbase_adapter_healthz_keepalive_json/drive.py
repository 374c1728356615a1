import json
import pathlib

import e2e_support
import wallops

assert wallops.healthz() == {"ok": True, "sessions": 0}
assert wallops.keepalive_job() == "started"
saved = json.loads(pathlib.Path("wall_session.json").read_text())
e2e_support.viewer.join(saved["url"], saved["access_token"])
assert wallops.keepalive_job() == "alive"
assert wallops.healthz()["sessions"] == 1
assert wallops.shutdown() == 1
assert not pathlib.Path("wall_session.json").exists()
