"""Two learners, one after the other: each gets a tutor that speaks and answers."""

import asyncio

import e2e_support
from tutor.manager import SessionManager


async def main() -> None:
    async with SessionManager() as manager:
        async with manager.session("learner-ana") as tutor:
            e2e_support.viewer.join(tutor.url, tutor.token)
            await tutor.say("¡Hola Ana! Hoy practicamos el pretérito.")
            await tutor.ask("¿Qué hiciste ayer?")
            await tutor.ping()
        async with manager.session("learner-ben") as tutor:
            e2e_support.viewer.join(tutor.url, tutor.token)
            await tutor.say("Hi Ben, let's review numbers.")
        assert not manager.active, manager.active


asyncio.run(main())
