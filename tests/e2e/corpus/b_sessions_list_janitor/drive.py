import e2e_support
import kiosk_ops

first = kiosk_ops.open_kiosk_session()
second = kiosk_ops.open_kiosk_session()
e2e_support.viewer.join(first["url"], first["access_token"])
e2e_support.viewer.join(second["url"], second["access_token"])

active = kiosk_ops.active_session_ids()
assert sorted(active) == sorted([first["session_id"], second["session_id"]]), active

closed = kiosk_ops.close_all_active()
assert closed == 2, closed
assert kiosk_ops.active_session_ids() == []

report = kiosk_ops.usage_report()
assert report["sessions"] == 2, report
assert report["seconds"] >= 0
