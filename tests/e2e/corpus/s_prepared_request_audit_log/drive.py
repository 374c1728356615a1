import e2e_support
from announcer import open_briefing, run_briefing

client, data = open_briefing()
e2e_support.viewer.join(data["url"], data["access_token"])
task_ids = run_briefing(client, data["session_id"])
assert len(task_ids) == 3 and all(task_ids), task_ids
# every call went through the audit log
print([path for _method, path, _size in client.log])
assert client.log, "nothing was audited"
