"""Tool-calling concierge: the LLM decides, the avatar speaks."""

import json
import logging
import os

from .avatar import StreamingAvatar

log = logging.getLogger(__name__)

TOOL_SCHEMAS = [
    {
        "type": "function",
        "function": {
            "name": "speak",
            "description": "Say a sentence verbatim through the avatar.",
            "parameters": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
        },
    },
    {
        "type": "function",
        "function": {
            "name": "answer_guest",
            "description": "Let the avatar answer a guest question from the hotel knowledge base.",
            "parameters": {"type": "object", "properties": {"question": {"type": "string"}}, "required": ["question"]},
        },
    },
    {
        "type": "function",
        "function": {"name": "stop_talking", "description": "Cut the avatar off.", "parameters": {"type": "object"}},
    },
]


async def speak(avatar: StreamingAvatar, text: str) -> str:
    await avatar.send_task(text)
    return "spoken"


async def answer_guest(avatar: StreamingAvatar, question: str) -> str:
    await avatar.send_task(question, task_type="chat")
    return "answered"


async def stop_talking(avatar: StreamingAvatar) -> str:
    await avatar.interrupt()
    return "interrupted"


TOOLS = {"speak": speak, "answer_guest": answer_guest, "stop_talking": stop_talking}


class ConciergeAgent:
    def __init__(self):
        self.avatar = StreamingAvatar()
        self.history: list[dict] = []

    async def open(self) -> dict:
        await self.avatar.authenticate()
        session = await self.avatar.create_session(
            os.getenv("CONCIERGE_AVATAR", "Anna_public_3_20240108"),
            knowledge_base_id=os.getenv("CONCIERGE_KB"),
        )
        return {"url": session["url"], "token": session["access_token"], "id": session["session_id"]}

    async def handle_tool_calls(self, tool_calls: list[dict]) -> list[dict]:
        results = []
        for call in tool_calls:
            fn = TOOLS.get(call["name"])
            if fn is None:
                content = f"unknown tool {call['name']}"
            else:
                args = json.loads(call.get("arguments") or "{}")
                try:
                    content = await fn(self.avatar, **args)
                except Exception as exc:  # report the failure back to the model
                    log.exception("tool %s failed", call["name"])
                    content = f"error: {exc}"
            results.append({"role": "tool", "tool_call_id": call["id"], "content": content})
        self.history.extend(results)
        return results

    async def close(self) -> None:
        await self.avatar.close()
