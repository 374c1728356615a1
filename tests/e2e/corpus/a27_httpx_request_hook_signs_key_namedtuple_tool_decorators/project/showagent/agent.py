import logging
import os

from .avatar import BoothAvatar
from .tools import REGISTRY, openai_tools, tool

log = logging.getLogger(__name__)


@tool("greet_visitor", "Greet a visitor by name.")
async def greet_visitor(avatar: BoothAvatar, name: str) -> str:
    await avatar.say(f"Hi {name}, welcome to our booth!")
    return f"greeted {name}"


@tool()
async def pitch(avatar: BoothAvatar, product: str, seconds: int) -> str:
    """Give a short pitch about a product."""
    await avatar.say(f"Let me show you {product} in {seconds} seconds.")
    return "pitched"


@tool()
async def stop_talking(avatar: BoothAvatar) -> str:
    """Stop the avatar mid-sentence."""
    await avatar.interrupt()
    return "stopped"


class Agent:
    def __init__(self):
        self.avatar = BoothAvatar()
        self.tools = openai_tools()

    async def start(self):
        session = await self.avatar.open(os.getenv("BOOTH_AVATAR", "Wayne_20240711"))
        return session.url, session.access_token

    async def run_tool_calls(self, calls):
        outputs = []
        for name, args in calls:
            entry = REGISTRY.get(name)
            if entry is None:
                outputs.append(f"no such tool: {name}")
                continue
            outputs.append(await entry["fn"](self.avatar, **args))
        return outputs

    async def end_demo(self):
        await self.avatar.close()
