import json

import kbctl

with open("seed.json", "w") as f:
    json.dump([{"name": "faq", "prompt": "Answer FAQ.", "opening": "Hi, ask me anything."}], f)
ids = kbctl.import_("seed.json")
assert len(ids) == 1
assert kbctl.export("backup.json") == 1
with open("backup.json") as f:
    backup = json.load(f)
assert backup == [{"name": "faq", "prompt": "Answer FAQ.", "opening": "Hi, ask me anything."}], (
    backup
)
staged = kbctl.import_("backup.json", prefix="staging-")
assert kbctl.try_it(staged[0], "What are your hours?")
assert kbctl.main(["prune", "staging-"]) == 0
assert [kb["name"] for kb in kbctl.list_kbs()] == ["faq"]
