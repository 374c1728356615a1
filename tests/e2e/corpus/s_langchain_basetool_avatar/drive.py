import json

import e2e_support
from avatar_tools import avatar_toolkit
from heygen_session import AvatarState
from lc import ScriptedAgentExecutor

state = AvatarState()
tools = avatar_toolkit(state)
by_name = {tool.name: tool for tool in tools}

opened = json.loads(by_name["open_avatar"].invoke({}))
print(sorted(opened))
# the web page embeds the room the agent opened
e2e_support.viewer.join(state.url, state.access_token)

agent = ScriptedAgentExecutor(
    tools,
    [
        ("avatar_speak", {"text": "Hi, I am your onboarding guide."}),
        ("avatar_answer", '{"text": "What does the premium plan include?"}'),
        ("avatar_interrupt", {}),
        ("avatar_speak", "Let me put that more simply."),
    ],
)
result = agent.invoke({"input": "greet the user and explain the premium plan"})
print(agent.observations)
print(result["output"])
print(by_name["close_avatar"].invoke({}))
assert state.session_id is None
