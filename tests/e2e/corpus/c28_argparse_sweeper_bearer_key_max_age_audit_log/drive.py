import json
import os
import tempfile

import e2e_support
from ops import launcher, sweeper

log_path = os.path.join(tempfile.mkdtemp(), "audit.jsonl")
keep = launcher.launch(os.environ["SWEEP_AVATAR"], "Keep me running.")
e2e_support.viewer.join(keep["url"], keep["token"])
launcher.launch(os.environ["SWEEP_AVATAR"], "Stale demo one.")
launcher.launch(os.environ["SWEEP_AVATAR"], "Stale demo two.")

assert sweeper.main(["--max-age", "60", "--keep", keep["id"], "--dry-run", "--log", log_path]) == 2
assert not os.path.exists(log_path)
assert sweeper.main(["--max-age", "60", "--keep", keep["id"], "--log", log_path]) == 2
with open(log_path) as fh:
    rows = [json.loads(line) for line in fh]
assert len(rows) == 2 and all(r["action"] == "stopped" for r in rows), rows
launcher.stop(keep["id"])
