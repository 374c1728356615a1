"""Per-conversation context: the scope that sets the tools' ContextVars."""
from __future__ import annotations

import os
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

import aiohttp

from .tools import CONVERSATION, HTTP, stop_avatar


@asynccontextmanager
async def conversation(user: str) -> AsyncIterator[dict[str, Any]]:
    http_token = HTTP.set(aiohttp.ClientSession(headers={"X-Api-Key": os.environ["HEYGEN_API_KEY"]}))
    state_token = CONVERSATION.set({"user": user})
    try:
        yield CONVERSATION.get()
    finally:
        try:
            await stop_avatar()
        finally:
            await HTTP.get().close()
            HTTP.reset(http_token)
            CONVERSATION.reset(state_token)
