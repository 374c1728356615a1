"""The scheduler opening the staff preview, firing the nightly cleanup, then an announcement job."""

import e2e_support
from jobs import tasks

rooms = []
tasks.on_room = lambda url, token: rooms.append((url, token)) or e2e_support.viewer.join(url, token)

preview = tasks.preview_job.delay()
e2e_support.viewer.join(preview["url"], preview["token"])

result = tasks.cleanup_job.delay()
assert result["stopped"] == 1, result

result = tasks.announce_job.delay(["Attention please.", "The store closes in ten minutes."])
assert result["spoken"] == 2, result
assert len(rooms) == 1
