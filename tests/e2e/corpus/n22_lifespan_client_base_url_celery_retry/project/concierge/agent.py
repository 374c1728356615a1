"""A small LangGraph-style agent: a planner node picks tool calls, an executor node runs them.

The planner is an LLM in production; offline (no OPENAI_API_KEY) a keyword planner is used.
"""
from __future__ import annotations

import json
import os
from typing import Any, Awaitable, Callable, TypedDict

from .providers import AvatarProvider

ToolFn = Callable[..., Awaitable[str]]


class Tool:
    def __init__(self, fn: ToolFn, description: str) -> None:
        self.name = fn.__name__
        self.description = description
        self._fn = fn

    async def ainvoke(self, args: dict[str, Any]) -> str:
        return await self._fn(**args)


def tool(description: str) -> Callable[[ToolFn], Tool]:
    def wrap(fn: ToolFn) -> Tool:
        return Tool(fn, description)

    return wrap


class AgentState(TypedDict, total=False):
    request: str
    session_id: str
    plan: list[dict[str, Any]]
    transcript: list[str]


def build_tools(provider: AvatarProvider) -> dict[str, Tool]:
    @tool("Open a streaming avatar session and return its room as JSON.")
    async def open_avatar() -> str:
        session = await provider.open_session()
        return json.dumps({"session_id": session.session_id, "url": session.room_url, "token": session.room_token})

    @tool("Make the avatar say the text verbatim.")
    async def say(session_id: str, text: str) -> str:
        task_id = await provider.speak(session_id, text, task_type="repeat")
        return f"spoken ({task_id})"

    @tool("Let the avatar answer a question from its knowledge base.")
    async def answer(session_id: str, question: str) -> str:
        task_id = await provider.speak(session_id, question, task_type="chat")
        return f"answering ({task_id})"

    @tool("Stop whatever the avatar is saying.")
    async def hush(session_id: str) -> str:
        await provider.interrupt(session_id)
        return "interrupted"

    @tool("Close the avatar session.")
    async def close_avatar(session_id: str) -> str:
        await provider.close_session(session_id)
        return "closed"

    return {t.name: t for t in (open_avatar, say, answer, hush, close_avatar)}


def keyword_planner(state: AgentState) -> AgentState:
    plan: list[dict[str, Any]] = []
    if not state.get("session_id"):
        plan.append({"tool": "open_avatar", "args": {}})
    for sentence in filter(None, (s.strip() for s in state["request"].split("."))):
        if sentence.endswith("?"):
            plan.append({"tool": "answer", "args": {"question": sentence}})
        elif sentence.lower() == "stop":
            plan.append({"tool": "hush", "args": {}})
        else:
            plan.append({"tool": "say", "args": {"text": sentence + "."}})
    plan.append({"tool": "close_avatar", "args": {}})
    return {"plan": plan}


async def executor(state: AgentState, tools: dict[str, Tool]) -> AgentState:
    transcript = list(state.get("transcript", []))
    session_id = state.get("session_id")
    for step in state["plan"]:
        args = dict(step["args"])
        if step["tool"] != "open_avatar":
            args["session_id"] = session_id
        out = await tools[step["tool"]].ainvoke(args)
        if step["tool"] == "open_avatar":
            room = json.loads(out)
            session_id = room["session_id"]
            transcript.append(f"room {room['url']} {room['token']}")
        else:
            transcript.append(f"{step['tool']}: {out}")
    return {"session_id": session_id or "", "transcript": transcript}


async def run_agent(provider: AvatarProvider, request: str) -> AgentState:
    if os.environ.get("OPENAI_API_KEY"):
        raise NotImplementedError("LLM planner is configured in production only")
    tools = build_tools(provider)
    state: AgentState = {"request": request, "transcript": []}
    state.update(keyword_planner(state))
    state.update(await executor(state, tools))
    return state
