"""Two customers' frontends talk to the backend at the same time."""

import e2e_support
from avatarhub import service

acme = service.handle("acme", "open", {})
e2e_support.viewer.join(acme["url"], acme["token"])
globex = service.handle("globex", "open", {})
e2e_support.viewer.join(globex["url"], globex["token"])

assert service.handle("acme", "say", {"text": "Welcome to Acme support."})["ok"]
assert service.handle("globex", "say", {"text": "Globex, how can we help?"})["ok"]
assert service.handle("acme", "interrupt", {})["ok"]
assert service.handle("acme", "close", {})["ok"]
assert service.handle("globex", "close", {})["ok"]
service.shutdown()
