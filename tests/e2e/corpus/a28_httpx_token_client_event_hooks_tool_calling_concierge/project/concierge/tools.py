"""Tools the concierge LLM may call. Each is a coroutine taking the avatar and its arguments."""

import json
import logging

log = logging.getLogger("concierge.tools")

TOOLS = {}


def tool(name, description, properties, required=()):
    def register(fn):
        TOOLS[name] = {
            "fn": fn,
            "schema": {
                "type": "function",
                "function": {
                    "name": name,
                    "description": description,
                    "parameters": {"type": "object", "properties": properties, "required": list(required)},
                },
            },
        }
        return fn

    return register


@tool("say", "Say a sentence to the guest, word for word.", {"sentence": {"type": "string"}}, ["sentence"])
async def say(avatar, sentence):
    result = await avatar.speak(sentence)
    return {"spoken": True, "duration_ms": result.get("duration_ms")}


@tool(
    "ask_front_desk",
    "Answer a guest question from the hotel's knowledge base.",
    {"question": {"type": "string"}},
    ["question"],
)
async def ask_front_desk(avatar, question):
    await avatar.speak(question, task_type="chat")
    return {"answered": True}


@tool("hush", "Stop talking immediately (the guest interrupted).", {})
async def hush(avatar):
    await avatar.stop_talking()
    return {"ok": True}


@tool("room_service_menu", "List today's room-service dishes.", {})
async def room_service_menu(avatar):
    return {"dishes": ["club sandwich", "mushroom risotto", "fruit plate"]}


def schemas():
    return [t["schema"] for t in TOOLS.values()]


async def run_tool_call(avatar, call):
    entry = TOOLS.get(call["name"])
    if entry is None:
        return {"error": f"unknown tool {call['name']}"}
    args = json.loads(call.get("arguments") or "{}")
    log.debug("tool %s(%s)", call["name"], args)
    return await entry["fn"](avatar, **args)
