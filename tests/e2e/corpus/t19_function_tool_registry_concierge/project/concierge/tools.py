"""The avatar exposed as OpenAI function-calling tools.

Each tool is a plain function registered with @tool; its JSON schema is derived from the
signature and the docstring, so adding a tool is one function.
"""

from __future__ import annotations

import inspect
import json
import logging
from typing import Any, Callable

from concierge import settings
from concierge.heygen_client import HeyGenError, StreamingClient

log = logging.getLogger(__name__)

REGISTRY: dict[str, Callable[..., str]] = {}
SCHEMAS: list[dict[str, Any]] = []
_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}

_client: StreamingClient | None = None
_state: dict[str, Any] = {"session_id": None}


def tool(fn: Callable[..., str]) -> Callable[..., str]:
    sig = inspect.signature(fn)
    props = {name: {"type": _JSON_TYPES.get(p.annotation, "string")} for name, p in sig.parameters.items()}
    required = [name for name, p in sig.parameters.items() if p.default is inspect.Parameter.empty]
    SCHEMAS.append({
        "type": "function",
        "function": {
            "name": fn.__name__,
            "description": inspect.getdoc(fn) or "",
            "parameters": {"type": "object", "properties": props, "required": required},
        },
    })
    REGISTRY[fn.__name__] = fn
    return fn


def client() -> StreamingClient:
    global _client
    if _client is None:
        _client = StreamingClient()
    return _client


def _session_id() -> str:
    sid = _state["session_id"]
    if not sid:
        raise HeyGenError("no avatar session: call start_avatar first")
    return sid


@tool
def start_avatar() -> str:
    """Open the avatar session and return where the lobby screen can watch it."""
    info = client().new_session(
        settings.AVATAR_ID,
        quality=settings.AVATAR_QUALITY,
        voice_id=settings.VOICE_ID,
        knowledge_base_id=settings.KNOWLEDGE_BASE_ID,
    )
    client().start_session(info["session_id"])
    _state["session_id"] = info["session_id"]
    return json.dumps({"session_id": info["session_id"], "livekit_url": info["url"], "token": info["access_token"]})


@tool
def say(text: str) -> str:
    """Say the given text out loud, word for word."""
    data = client().send_task(_session_id(), text)
    return f"said it (task {data.get('task_id')})"


@tool
def answer(question: str) -> str:
    """Let the avatar answer a visitor's question from the building's knowledge base."""
    data = client().send_task(_session_id(), question, task_type="chat")
    return f"answering (task {data.get('task_id')})"


@tool
def hush() -> str:
    """Stop the avatar mid-sentence."""
    client().interrupt(_session_id())
    return "interrupted"


@tool
def keep_awake() -> str:
    """Keep the session from timing out while nobody talks."""
    client().keep_alive(_session_id())
    return "ok"


@tool
def end_avatar() -> str:
    """Close the avatar session."""
    client().stop_session(_session_id())
    _state["session_id"] = None
    return "closed"


def dispatch(name: str, arguments: str | None = None) -> str:
    """Run one tool call as the model sent it; errors go back to the model as text."""
    fn = REGISTRY.get(name)
    if fn is None:
        return f"error: unknown tool {name!r}"
    try:
        kwargs = json.loads(arguments) if arguments else {}
        return fn(**kwargs)
    except (HeyGenError, TypeError, ValueError) as exc:
        log.warning("tool %s failed: %s", name, exc)
        return f"error: {exc}"
