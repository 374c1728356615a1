"""A demo run of the agent in offline mode: the scripted model uses every tool."""

import json

import e2e_support
from agent import Agent, ScriptedLLM
from avatar_tools import AvatarTools


def call(n, name, **args):
    return {
        "id": f"call_{n}",
        "type": "function",
        "function": {"name": name, "arguments": json.dumps(args)},
    }


llm = ScriptedLLM(
    [
        {
            "content": None,
            "tool_calls": [call(1, "speak", text="Welcome to Northwind, how can I help?")],
        },
        {"content": "I will check that for you.", "tool_calls": []},
        {"content": None, "tool_calls": [call(2, "stop_speaking")]},
        {"content": "Sorry, let me start over: your room is 204.", "tool_calls": []},
        {"content": None, "tool_calls": [call(3, "end_call")]},
        {"content": None, "tool_calls": []},
    ]
)
avatar = AvatarTools()
room = avatar.connect()
e2e_support.viewer.join(room["livekit_url"], room["viewer_token"])
agent = Agent(llm, avatar)
assert agent.turn("hi") == ["speak"]
assert agent.turn("where is my room?") == ["stop_speaking"]
assert agent.turn("bye") == ["end_call"]
tool_msgs = [json.loads(m["content"]) for m in agent.messages if m["role"] == "tool"]
assert tool_msgs[0]["ok"] and tool_msgs[0]["task_id"], tool_msgs
