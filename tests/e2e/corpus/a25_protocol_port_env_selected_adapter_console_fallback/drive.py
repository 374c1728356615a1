"""The reception screen: shows the avatar for each visitor."""

import asyncio

import e2e_support
from receptionist.agent import Receptionist
from receptionist.factory import make_avatar


async def show(grant) -> None:
    e2e_support.viewer.join(grant.url, grant.token)


asyncio.run(Receptionist(make_avatar(), show).visitor_arrives("Ms. Okafor"))
