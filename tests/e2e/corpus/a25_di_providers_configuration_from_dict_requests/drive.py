"""The helpdesk widget backend: wire the container, then run one support chat."""

import asyncio

import e2e_support
from helpdesk.container import build_container
from helpdesk.handlers import ask, end_chat, start_chat


async def main() -> None:
    build_container()
    ticket = await start_chat("Dana")
    e2e_support.viewer.join(ticket.room_url, ticket.room_token)
    await ask(ticket, "My printer says paper jam but there is no paper stuck.")
    await end_chat(ticket)


asyncio.run(main())
