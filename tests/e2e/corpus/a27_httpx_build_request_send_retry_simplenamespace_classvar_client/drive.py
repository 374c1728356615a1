"""Morning at the front desk: two badges are scanned, the greeter welcomes each."""

import asyncio

import e2e_support
from lobby.greeter import Greeter


async def main() -> None:
    greeter = Greeter()
    session = await greeter.start()
    e2e_support.viewer.join(session.url, session.access_token)
    await greeter.greet_badges(["Priya", "Tomás"])
    await greeter.shutdown()


asyncio.run(main())
