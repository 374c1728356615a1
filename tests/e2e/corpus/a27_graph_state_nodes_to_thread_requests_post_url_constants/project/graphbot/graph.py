from typing import Any, TypedDict

from . import heygen_calls
from .stategraph import END, StateGraph


class AgentState(TypedDict, total=False):
    messages: list[dict]
    avatar: dict[str, Any]
    route: str
    cursor: int


async def open_avatar() -> AgentState:
    return {"avatar": await heygen_calls.new_session(), "cursor": 0}


async def speak(state: AgentState) -> dict:
    msg = state["messages"][state["cursor"]]
    await heygen_calls.task(state["avatar"]["session_id"], msg["content"], "repeat")
    return {"cursor": state["cursor"] + 1}


async def answer(state: AgentState) -> dict:
    msg = state["messages"][state["cursor"]]
    # the avatar's knowledge base answers the user directly
    await heygen_calls.task(state["avatar"]["session_id"], msg["content"], "chat")
    return {"cursor": state["cursor"] + 1}


async def hang_up(state: AgentState) -> dict:
    await heygen_calls.stop(state["avatar"]["session_id"])
    return {"route": "done"}


async def route(state: AgentState) -> dict:
    return {}


def choose(state: AgentState) -> str:
    if state["cursor"] >= len(state["messages"]):
        return "hang_up"
    return "speak" if state["messages"][state["cursor"]]["role"] == "assistant" else "answer"


def build_graph():
    g = StateGraph(AgentState)
    g.add_node("route", route)
    g.add_node("speak", speak)
    g.add_node("answer", answer)
    g.add_node("hang_up", hang_up)
    g.set_entry_point("route")
    g.add_conditional_edges("route", choose)
    g.add_edge("speak", "route")
    g.add_edge("answer", "route")
    g.add_edge("hang_up", END)
    return g.compile()
