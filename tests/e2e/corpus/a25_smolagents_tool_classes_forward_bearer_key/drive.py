"""The lobby screen runs the concierge's scripted greeting and shows the room it gets."""

import re

import e2e_support
from concierge.desk import AvatarDesk
from concierge.tools import concierge_tools
from tinyagents import Step, ToolCallingAgent

agent = ToolCallingAgent(concierge_tools(AvatarDesk()))
(opened,) = agent.run([Step("open_desk", {})])
match = re.fullmatch(r"Room ready: (\S+) \(token: (\S+)\)", opened)
assert match, opened
e2e_support.viewer.join(match.group(1), match.group(2))
out = agent.run(
    [
        Step("speak", {"text": "Welcome to the Grand Hotel."}),
        Step("hush", {}),
        Step("speak", {"text": "Breakfast is served until ten.", "style": None}),
        Step("close_desk", {}),
        Step("speak", {"text": "Are you still there?"}),
    ]
)
assert out == [
    "Said: Welcome to the Grand Hotel.",
    "Quiet.",
    "Said: Breakfast is served until ten.",
    "Closed.",
    "The desk is closed.",
], out
