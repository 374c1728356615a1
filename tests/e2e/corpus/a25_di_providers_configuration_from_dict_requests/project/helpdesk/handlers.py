from __future__ import annotations

from wiring import Provide, inject

from .service import AvatarService, Ticket


@inject
async def start_chat(user: str, service: AvatarService = Provide["avatar_service"]) -> Ticket:
    ticket = await service.open()
    await service.greet(ticket, user)
    return ticket


@inject
async def ask(ticket: Ticket, question: str, service: AvatarService = Provide["avatar_service"]) -> None:
    await service.answer(ticket, question)


@inject
async def end_chat(ticket: Ticket, service: AvatarService = Provide["avatar_service"]) -> None:
    await service.close(ticket)
