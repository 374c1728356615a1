import json
import os
import tempfile

import e2e_support
from kbadmin import desk, kb

path = os.path.join(tempfile.mkdtemp(), "kbs.json")
with open(path, "w") as fh:
    json.dump(
        [
            {"name": "returns", "prompt": "You handle returns.", "opening": "Hi, returns desk."},
            {"name": "billing", "prompt": "You handle invoices.", "opening": "Billing here."},
        ],
        fh,
    )
created = kb.sync_from_file(path)
assert sorted(created) == ["billing", "returns"], created
assert sorted(k["name"] for k in kb.list_kbs()) == ["billing", "returns"]

with open(path, "w") as fh:
    json.dump(
        [{"name": "returns", "prompt": "You handle returns and exchanges.", "opening": "Hi!"}],
        fh,
    )
ids = kb.sync_from_file(path)
assert list(ids) == ["returns"], ids
assert [k["name"] for k in kb.list_kbs()] == ["returns"]

session = desk.open_desk(os.environ["DESK_AVATAR"], ids["returns"])
e2e_support.viewer.join(session["livekit_url"], session["client_token"])
desk.ask(session, "Can I return shoes after thirty days?")
desk.close(session)
