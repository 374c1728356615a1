"""A tiny tool-calling loop: the model decides when the avatar talks, stops and hangs up."""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from avatar_tools import TOOLS, AvatarTools

log = logging.getLogger(__name__)

SYSTEM = "You are a friendly receptionist. Use the tools to talk through the avatar."


class ScriptedLLM:
    """Offline stand-in for chat.completions: replays canned replies (demo mode, tests)."""

    def __init__(self, replies: list[dict[str, Any]]):
        self._replies = list(replies)

    def complete(self, messages: list[dict], tools: list[dict]) -> dict[str, Any]:
        return self._replies.pop(0) if self._replies else {"content": None, "tool_calls": []}


def make_llm(script: list[dict[str, Any]] | None = None):
    if os.getenv("OPENAI_API_KEY") and script is None:
        from openai import OpenAI  # only needed for the real thing

        client = OpenAI()

        class _OpenAI:
            def complete(self, messages, tools):
                msg = client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=tools).choices[0].message
                return msg.model_dump()

        return _OpenAI()
    return ScriptedLLM(script or [])


class Agent:
    def __init__(self, llm, avatar: AvatarTools):
        self.llm = llm
        self.avatar = avatar
        self.messages: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM}]

    def turn(self, user_text: str) -> list[str]:
        """One user turn; returns the names of the tools the model used."""
        self.messages.append({"role": "user", "content": user_text})
        used = []
        for _ in range(4):
            reply = self.llm.complete(self.messages, tools=TOOLS)
            calls = reply.get("tool_calls") or []
            self.messages.append({"role": "assistant", "content": reply.get("content"), "tool_calls": calls})
            for call in calls:
                name = call["function"]["name"]
                args = json.loads(call["function"]["arguments"] or "{}")
                result = getattr(self.avatar, name)(**args)
                log.info("tool %s(%s) -> %s", name, args, result)
                used.append(name)
                self.messages.append({"role": "tool", "tool_call_id": call["id"], "content": json.dumps(result)})
            if not calls:
                if reply.get("content"):
                    self.avatar.speak(reply["content"])
                break
        return used
