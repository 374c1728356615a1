"""The concierge's brain: OpenAI chat completions with tools, or an offline rule-based stand-in."""

from __future__ import annotations

import json
import os
from typing import Any

from concierge import settings
from concierge.tools import SCHEMAS, dispatch

SYSTEM_PROMPT = (
    "You are the lobby concierge of the Harbour Building. You speak through an avatar: "
    "greet with say(), answer questions with answer(), stop talking with hush()."
)


class OfflineModel:
    """Keyword rules with the same reply shape as chat.completions (no key needed)."""

    def complete(self, messages: list[dict[str, Any]]) -> dict[str, Any]:
        last = messages[-1]
        if last["role"] == "tool":
            return {"role": "assistant", "content": None, "tool_calls": []}
        text = last["content"].strip()
        low = text.lower()
        if low in ("stop", "shh", "quiet"):
            name, args = "hush", {}
        elif text.endswith("?"):
            name, args = "answer", {"question": text}
        else:
            name, args = "say", {"text": f"Welcome! You said: {text}"}
        call = {"id": f"call_{len(messages)}", "type": "function",
                "function": {"name": name, "arguments": json.dumps(args)}}
        return {"role": "assistant", "content": None, "tool_calls": [call]}


class OpenAIModel:
    def __init__(self) -> None:
        from openai import OpenAI

        self._client = OpenAI()

    def complete(self, messages: list[dict[str, Any]]) -> dict[str, Any]:
        resp = self._client.chat.completions.create(model=settings.OPENAI_MODEL, messages=messages, tools=SCHEMAS)
        msg = resp.choices[0].message
        return msg.model_dump(exclude_none=True)


def make_model():
    return OpenAIModel() if os.getenv("OPENAI_API_KEY") else OfflineModel()


class Concierge:
    def __init__(self, model=None) -> None:
        self.model = model or make_model()
        self.messages: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM_PROMPT}]

    def handle(self, user_text: str) -> list[str]:
        """One visitor utterance; returns the tool results (for the console)."""
        self.messages.append({"role": "user", "content": user_text})
        results = []
        for _ in range(5):
            reply = self.model.complete(self.messages)
            self.messages.append(reply)
            calls = reply.get("tool_calls") or []
            if not calls:
                break
            for call in calls:
                out = dispatch(call["function"]["name"], call["function"]["arguments"])
                results.append(out)
                self.messages.append({"role": "tool", "tool_call_id": call["id"], "content": out})
        return results
