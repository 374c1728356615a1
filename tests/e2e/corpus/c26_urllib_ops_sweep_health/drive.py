import e2e_support
import heygen_ops

assert heygen_ops.main(["health"]) == 0

first = heygen_ops.open_demo("Smoke test one.")
e2e_support.viewer.join(first["url"], first["access_token"])
second = heygen_ops.open_demo()

assert len(heygen_ops.list_active()) == 2
stopped = heygen_ops.sweep(older_than=0)
assert sorted(stopped) == sorted([first["session_id"], second["session_id"]]), stopped
assert heygen_ops.list_active() == []
assert heygen_ops.main(["sweep"]) == 0
