"""Nightly job: refresh the FAQ knowledge base, smoke-test it with a session, clean up."""
from __future__ import annotations

from .client import FaqAvatarClient

PROMPT = "You answer questions about Acme opening hours and returns. Be brief."


async def smoke_test(questions: list[str], on_room) -> int:
    client = FaqAvatarClient()
    try:
        kb = await client.create_kb("acme-faq", "Hi! Ask me about Acme.", PROMPT)
        known = [k["id"] for k in await client.list_kbs()]
        assert kb["id"] in known
        kb = await client.update_kb(kb["id"], "acme-faq", "Hello! Ask me about Acme.", PROMPT + " Be polite.")
        room = await client.open(kb["id"])
        on_room(room["url"], room["access_token"])
        for q in questions:
            await client.chat(room, q)
        await client.keep_alive(room)
        await client.close(room)
        await client.delete_kb(kb["id"])
        return len(questions)
    finally:
        await client.aclose()
