"""The agent runs the demo and then reports usage."""

import e2e_support
from ops_agent.tools import OpenDemoAvatar, SayLine, StopDemoAvatar, UsageReport

url, token = OpenDemoAvatar()().split("|")
e2e_support.viewer.join(url, token)
assert SayLine()(line="This is the nightly demo.") == "said"
assert StopDemoAvatar()() == "stopped"
report = UsageReport()()
assert report.endswith(" s") and report.startswith("1 sessions"), report
