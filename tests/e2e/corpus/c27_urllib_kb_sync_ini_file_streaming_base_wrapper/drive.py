import kbsync

first = kbsync.sync()
assert sorted(first["created"]) == ["returns", "shipping"], first
second = kbsync.sync()
assert sorted(second["updated"]) == ["returns", "shipping"], second
only_returns = {k: v for k, v in kbsync.wanted().items() if k == "returns"}
third = kbsync.sync(only_returns)
assert third["deleted"] == ["shipping"], third
kbsync.demo("returns", ["Can I return shoes after 30 days?"])
